"""Reading a Doc's text and token offsets cheaply, and splitting tokens at offsets.

Stages find entities by character offsets. Word tokens from the segmenter may not line up
with them (武汉市委书记 may be one word; the span 武汉市委 ends inside it), so before a
candidate is written as a span the tokens it cuts are split at its boundaries
(``split_tokens_at``). Entity boundaries are never lost to tokenization.
"""
from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from typing import Iterable

from spacy.tokens import Doc, SpanGroup

# Doc.text joins every token, and iterating a Doc creates one Token object per token: on
# short news texts that costs as much as a rule stage's own matching, and every stage needs
# both. So the text and the token offsets of a Doc are kept here per Doc object (weakly:
# they go with the Doc, and are neither copied nor serialised). Before use they are checked
# against the Doc's token count and last token, so a Doc retokenised elsewhere is read
# afresh; the splits made here (``split_tokens_at``) update them.
_MEMO: "weakref.WeakKeyDictionary[Doc, dict]" = weakref.WeakKeyDictionary()


def _shape(doc: Doc) -> tuple:
    """What a memo is checked against: the token count and the last token's offset and
    length with its whitespace (cheap: one Token)."""
    if not len(doc):
        return (0,)
    last = doc[-1]
    return len(doc), last.idx, len(last), len(last.text_with_ws)


def _memo(doc: Doc) -> dict:
    """RETURNS the memo of ``doc``, emptied if the Doc no longer has the shape it was made for."""
    shape = _shape(doc)
    memo = _MEMO.get(doc)
    if memo is None or memo["shape"] != shape:
        memo = _MEMO[doc] = {"shape": shape}
    return memo


def doc_text(doc: Doc) -> str:
    """RETURNS ``doc.text``, read once per Doc (see ``_MEMO``)."""
    memo = _memo(doc)
    if "text" not in memo:
        memo["text"] = doc.text
    return memo["text"]


def token_bounds(doc: Doc) -> list[tuple[int, int]]:
    """RETURNS the ``(start, end)`` character offsets of every token, in order (see ``_MEMO``).

    The list is shared: callers must not change it. ``len(t)`` is the token's length
    without building its text.
    """
    memo = _memo(doc)
    if "bounds" not in memo:
        memo["bounds"] = [(t.idx, t.idx + len(t)) for t in doc]
    return memo["bounds"]


def _cuts(bounds: list[tuple[int, int]], offsets: Iterable[int]) -> dict[int, list[int]]:
    """RETURNS token index -> its bounds with the offsets strictly inside it."""
    points = sorted(offsets)
    cuts: dict[int, list[int]] = {}
    for i, (start, end) in enumerate(bounds):
        lo = bisect_right(points, start)
        if lo < len(points) and points[lo] < end:
            cuts[i] = [start] + points[lo:bisect_left(points, end, lo)] + [end]
    return cuts


def split_bounds(bounds: list[tuple[int, int]], offsets: Iterable[int]) -> list[tuple[int, int]]:
    """RETURNS ``bounds`` (word or token offsets, in order) with every piece that has one of
    ``offsets`` strictly inside it split there (the same list when nothing is cut)."""
    cuts = _cuts(bounds, offsets)
    if not cuts:
        return bounds
    out: list[tuple[int, int]] = []
    for i, bound in enumerate(bounds):
        if i in cuts:
            out.extend(zip(cuts[i], cuts[i][1:]))
        else:
            out.append(bound)
    return out


def split_tokens_at(doc: Doc, offsets: Iterable[int]) -> None:
    """Split every token of ``doc`` that has one of ``offsets`` strictly inside it.

    The spans groups already on the Doc are rebuilt on the new tokens (a split leaves their
    token indices stale); ``doc.ents`` is not kept (the merge writes it once, at the end).
    """
    bounds = token_bounds(doc)
    cuts = _cuts(bounds, offsets)
    if not cuts:
        return
    text = doc_text(doc)
    groups = [(key, group.attrs, [(sp.start_char, sp.end_char, sp.label_) for sp in group])
              for key, group in doc.spans.items()]
    with doc.retokenize() as retok:
        for i, cut in cuts.items():
            tok = doc[i]
            orths = [text[a:b] for a, b in zip(cut, cut[1:])]
            heads = [(tok, 0)] * len(orths)
            retok.split(tok, orths, heads=heads)
    # The new tokens are the pieces of the cut ones: their offsets need no pass over the Doc.
    _MEMO[doc] = {"shape": _shape(doc), "text": text, "bounds": split_bounds(bounds, offsets)}
    for key, attrs, spans in groups:
        doc.spans[key] = SpanGroup(doc, name=key, attrs=attrs,
                                   spans=[doc.char_span(s, e, label=label) for s, e, label in spans])
