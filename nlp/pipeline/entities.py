"""Writing entities onto a Doc: the one helper every entity stage uses.

Stages find entities by character offsets. Word tokens from the segmenter may not line up
with them (武汉市委书记 may be one word; the span 武汉市委 ends inside it), so before an entity
is written the tokens it cuts are split at its boundaries. Entity boundaries are never lost to
tokenization.

Conflict policy (one place, chosen on the dev gold, see README "How stages combine"):
an entity already on the Doc wins over a new one that overlaps it, except that a new entity
may replace existing ones it strictly contains when the stage asks for ``replace_contained``
(an ORG such as 湖北省人民政府 replaces the GPE 湖北省 inside it).
"""
from __future__ import annotations

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


def add_entities(doc: Doc, candidates: Iterable[Ent], *, replace_contained: bool = False) -> Doc:
    """Add ``candidates`` to ``doc.ents`` under the conflict policy above.

    Candidates are considered longest first, then leftmost; among themselves they never
    overlap in the result. RETURNS the same ``doc`` (tokens may have been split).
    """
    text_len = len(doc.text)
    existing = [Ent(e.start_char, e.end_char, e.label_, e._.get(EXT_VALUE), e._.get(EXT_UNIT))
                for e in doc.ents]
    taken = sorted(existing)
    accepted: list[Ent] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if not (0 <= cand.start < cand.end <= text_len) or not doc.text[cand.start:cand.end].strip():
            continue
        overlapping = [e for e in taken if e.start < cand.end and cand.start < e.end]
        if overlapping:
            inside = all(cand.start <= e.start and e.end <= cand.end and (e.end - e.start) < (cand.end - cand.start)
                         for e in overlapping)
            if not (replace_contained and inside):
                continue
            taken = [e for e in taken if e not in overlapping]
        taken.append(cand)
        accepted.append(cand)
    if not accepted:
        return doc
    set_entities(doc, taken)
    return doc


def set_entities(doc: Doc, ents: list[Ent]) -> Doc:
    """Replace ``doc.ents`` by ``ents`` (non-overlapping), splitting tokens where needed."""
    split_tokens_at(doc, {e.start for e in ents} | {e.end for e in ents})
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


def split_tokens_at(doc: Doc, offsets: set[int]) -> None:
    """Split every token that has one of ``offsets`` strictly inside it."""
    cuts: list[tuple[int, list[int]]] = []
    for tok in doc:
        start, end = tok.idx, tok.idx + len(tok.text)
        inner = sorted(o for o in offsets if start < o < end)
        if inner:
            cuts.append((tok.i, inner))
    if not cuts:
        return
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    with doc.retokenize() as retok:
        for i, inner in cuts:
            tok = doc[i]
            bounds = [tok.idx] + inner + [tok.idx + len(tok.text)]
            orths = [doc.text[a:b] for a, b in zip(bounds, bounds[1:])]
            heads = [(tok, 0)] * len(orths)
            retok.split(tok, orths, heads=heads)
    # Splitting keeps the entity annotation of the split tokens; re-set it exactly.
    doc.ents = [doc.char_span(s, e, label=l) for s, e, l in ents]
