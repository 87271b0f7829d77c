"""Writing entities onto a Doc: the one helper every entity stage uses.

Stages find entities by character offsets. Word tokens from the segmenter may not line up
with them (武汉市委书记 may be one word; the span 武汉市委 ends inside it), so before an entity
is written the tokens it cuts are split at its boundaries. Entity boundaries are never lost to
tokenization.

Conflict policy (one place, chosen on the dev gold, see README "How stages combine" and the
figures in ``nlp/pipeline/__init__.py``): an entity already on the Doc wins over a new one
that overlaps it, except that

- a new entity may replace existing ones it strictly contains when the stage asks for
  ``replace_contained`` (an ORG such as 湖北省人民政府 replaces the GPE 湖北省 inside it);
- a new PERSON replaces the names (PERSON/ORG/GPE/LOC) it strictly contains, and a new ORG
  that ends like an organisation (``_named_org``) the ORGs it strictly contains
  (``names_contained``, on by default): the model's PERSON 高玉林 over a GPE 玉林, its ORG
  中南大学湘雅医院心脏大血管外科 over the ORG 中南大学湘雅医院, but not 兰州大学研究生 or
  广西大学商学院工商管理 over 兰州大学, 广西大学商学院 (a degree or a major read on).
  Never over a TITLE or a number. A new ORG swallows places (GPE/LOC) it strictly contains
  only when the stage asks ``named_orgs_over_places`` (the model stage does) and the ORG ends
  like an organisation (``_named_org``: 欧洲中央银行, 亚洲协会, 上海申花队 over the GPE/LOC
  欧洲, 亚洲, 上海); otherwise a country as a separate modifier stays GPE
  (日本|电影, 北京|潮白河). On the MSRA dev split this took ORG F1 58.9 -> 62.8 and cost
  nothing on corpora/gold/dev.jsonl (ORG 93.3 -> 93.8); letting any model ORG swallow places
  gained more on MSRA but produced 日本电影, 中国国际收支, 泰国银行界人士 as ORGs. The endings
  learnt from MSRA train (``org_endings.tsv``: 中国|足协, 美国|国防部, 朝鲜|中央通讯社) added
  MSRA dev-split F1 85.5 -> 85.8 (ORG 75.4 -> 76.0), dev gold unchanged at 99.4
  (logs/ner_candidate_vec_avg_w1*.txt);
- a single-character GPE/LOC is written only when it stands in a word of at most two
  characters (``min_place_len``): 美 in 美|方, 中日, 访华, 俄 are country abbreviations,
  but 中 in 中药材, 亚 in 亚运会, 奥 in 奥运会 are parts of words, not places.
"""
from __future__ import annotations

import functools
import weakref
from bisect import bisect_left, bisect_right
from typing import Iterable, NamedTuple

from spacy.tokens import Doc, Span

from ..labels import EXT_UNIT, EXT_VALUE


class Ent(NamedTuple):
    """A candidate entity by character offsets (``end`` exclusive)."""
    start: int
    end: int
    label: str
    value: object = None
    unit: str | None = None


NAMES = frozenset({"PERSON", "ORG", "GPE", "LOC"})
PLACES = frozenset({"GPE", "LOC"})
ORG_PLACES = frozenset({"ORG", "GPE", "LOC"})
# Endings of organisations that org_suffixes.tsv does not list (the ORG rules do not read
# them): teams, legislatures, embassies. Only for a model ORG replacing places it contains.
_ORG_ENDINGS = ("队", "女排", "女篮", "女足", "男篮", "男足", "国会", "使馆", "央行", "红十字会", "作协",
                "联合体", "党中央", "厂")


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


def add_entities(doc: Doc, candidates: Iterable[Ent], *, replace_contained: bool = False,
                 names_contained: bool = True, named_orgs_over_places: bool = False,
                 places_extended_left: bool = False, min_place_len: int = 2) -> Doc:
    """Add ``candidates`` to ``doc.ents`` under the conflict policy above.

    replace_contained: a candidate replaces any existing entities it strictly contains.
    names_contained: a PERSON candidate replaces the PERSON/ORG/GPE/LOC entities it strictly
        contains, an ORG candidate the ORGs it strictly contains.
    named_orgs_over_places: an ORG candidate that ends like an organisation (``_named_org``)
        also replaces the places (GPE/LOC) it strictly contains (the model stage asks it).
    places_extended_left: a GPE/LOC candidate replaces the one place it strictly contains
        when that place ends where it ends (红|海州, 五|龙潭: the rule matched the tail of a
        longer name).
    min_place_len: GPE/LOC candidates shorter than this are dropped, unless they lie in a
        word (token) of at most two characters (美|方, 中日, 访华).

    Candidates are considered longest first, then leftmost; among themselves they never
    overlap in the result. RETURNS the same ``doc`` (tokens may have been split).
    """
    text = doc_text(doc)
    text_len = len(text)
    # ``taken`` stays sorted and non-overlapping, so its ends are sorted too and the
    # entities overlapping a candidate are one slice found by bisection.
    taken = sorted(Ent(e.start_char, e.end_char, e.label_, e._.get(EXT_VALUE), e._.get(EXT_UNIT))
                   for e in doc.ents)
    starts = [e.start for e in taken]
    ends = [e.end for e in taken]
    accepted = False
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if not (0 <= cand.start < cand.end <= text_len) or not text[cand.start:cand.end].strip():
            continue
        if cand.label in PLACES and cand.end - cand.start < min_place_len \
                and not _short_word_at(token_bounds(doc), cand.start, cand.end):
            continue
        lo = bisect_right(ends, cand.start)   # first entity ending after the candidate starts
        hi = bisect_left(starts, cand.end)    # first entity starting at or after its end
        if lo < hi:
            inside = all(cand.start <= e.start and e.end <= cand.end and (e.end - e.start) < (cand.end - cand.start)
                         for e in taken[lo:hi])
            names = names_contained and (cand.label == "PERSON" and all(e.label in NAMES for e in taken[lo:hi])
                                         or cand.label == "ORG" and all(e.label == "ORG" for e in taken[lo:hi])
                                         and _named_org(text[cand.start:cand.end])
                                         or named_orgs_over_places and cand.label == "ORG"
                                         and all(e.label in ORG_PLACES for e in taken[lo:hi])
                                         and _named_org(text[cand.start:cand.end])
                                         or places_extended_left and cand.label in PLACES and hi - lo == 1
                                         and taken[lo].label in PLACES and taken[lo].end == cand.end)
            if not ((replace_contained or names) and inside):
                continue
            del taken[lo:hi], starts[lo:hi], ends[lo:hi]
        taken.insert(lo, cand)
        starts.insert(lo, cand.start)
        ends.insert(lo, cand.end)
        accepted = True
    if not accepted:
        return doc
    set_entities(doc, taken)
    return doc


@functools.lru_cache(maxsize=None)
def _org_endings() -> frozenset[str]:
    """The suffixes of ``org_suffixes.tsv``, ``_ORG_ENDINGS`` and the endings learnt from
    MSRA train (``org_endings.tsv``) as one set (built once)."""
    from ..data import read_tsv
    from .orgs import data  # orgs imports this module

    learnt = (f[0] for _, f in read_tsv("org_endings.tsv"))
    return frozenset((*data()[1], *_ORG_ENDINGS, *learnt))


def _named_org(name: str) -> bool:
    """RETURNS whether ``name`` ends like an organisation: a suffix of ``org_suffixes.tsv``
    (欧洲中央|银行, 亚洲|协会) or a team/body ending (上海申花|队, 美国|国会, 中国|使馆).

    The ending must be shorter than the name: each proper ending of ``name`` is looked up.
    """
    endings = _org_endings()
    return any(name[k:] in endings for k in range(1, len(name) + 1))


def _short_word_at(bounds: list[tuple[int, int]], start: int, end: int) -> bool:
    """RETURNS whether [start, end) lies inside one token of at most two characters."""
    i = bisect_right(bounds, (start, float("inf"))) - 1  # the last token starting at or before ``start``
    if i < 0:
        return False
    tok_start, tok_end = bounds[i]
    return end <= tok_end and tok_end - tok_start <= 2


def set_entities(doc: Doc, ents: list[Ent]) -> Doc:
    """Replace ``doc.ents`` by ``ents`` (non-overlapping), splitting tokens where needed."""
    # The entities are all re-set below, so the split need not restore the old ones.
    split_tokens_at(doc, {e.start for e in ents} | {e.end for e in ents}, keep_ents=False)
    spans = []
    for e in sorted(ents):
        span = doc.char_span(e.start, e.end, label=e.label)
        if span is None:  # only whitespace-edge cases; split_tokens_at covers the rest
            span = doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
        if span is None:
            continue
        span._.set(EXT_VALUE, e.value)
        span._.set(EXT_UNIT, e.unit)
        spans.append(span)
    doc.ents = spans
    # Values live in doc.user_data keyed by the span's offsets, so they survive retokenising.
    return doc


def split_tokens_at(doc: Doc, offsets: set[int], *, keep_ents: bool = True) -> None:
    """Split every token that has one of ``offsets`` strictly inside it.

    keep_ents: restore ``doc.ents`` exactly after splitting (a caller that re-sets them
        anyway says False).
    """
    bounds = token_bounds(doc)
    points = sorted(offsets)
    cuts: dict[int, list[int]] = {}  # token index -> its bounds with the offsets inside it
    for i, (start, end) in enumerate(bounds):
        lo = bisect_right(points, start)
        if lo < len(points) and points[lo] < end:
            cuts[i] = [start] + points[lo:bisect_left(points, end, lo)] + [end]
    if not cuts:
        return
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if keep_ents else None
    text = doc_text(doc)
    with doc.retokenize() as retok:
        for i, cut in cuts.items():
            tok = doc[i]
            orths = [text[a:b] for a, b in zip(cut, cut[1:])]
            heads = [(tok, 0)] * len(orths)
            retok.split(tok, orths, heads=heads)
    # The new tokens are the pieces of the cut ones: their offsets need no pass over the Doc.
    new_bounds: list[tuple[int, int]] = []
    for i, bound in enumerate(bounds):
        if i in cuts:
            new_bounds.extend(zip(cuts[i], cuts[i][1:]))
        else:
            new_bounds.append(bound)
    _MEMO[doc] = {"shape": _shape(doc), "text": text, "bounds": new_bounds}
    if keep_ents:
        # Splitting keeps the entity annotation of the split tokens; re-set it exactly.
        doc.ents = [doc.char_span(s, e, label=l) for s, e, l in ents]
