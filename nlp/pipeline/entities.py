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
  the ORGs it strictly contains (``names_contained``, on by default): the model's PERSON
  高玉林 over a GPE 玉林, its ORG 中南大学湘雅医院心脏大血管外科 over the ORG 中南大学湘雅医院.
  Never over a TITLE or a number, and an ORG never swallows a GPE this way (德国|企业克莱恩集团:
  a country as a separate modifier stays GPE; stages that mean it ask ``replace_contained``);
- a single-character GPE/LOC is never written (``min_place_len``): 中 in 中药材, 亚 in 亚运会
  are abbreviations inside words, not places.
"""
from __future__ import annotations

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


def add_entities(doc: Doc, candidates: Iterable[Ent], *, replace_contained: bool = False,
                 names_contained: bool = True, min_place_len: int = 2) -> Doc:
    """Add ``candidates`` to ``doc.ents`` under the conflict policy above.

    replace_contained: a candidate replaces any existing entities it strictly contains.
    names_contained: a PERSON candidate replaces the PERSON/ORG/GPE/LOC entities it strictly
        contains, an ORG candidate the ORGs it strictly contains.
    min_place_len: GPE/LOC candidates shorter than this are dropped.

    Candidates are considered longest first, then leftmost; among themselves they never
    overlap in the result. RETURNS the same ``doc`` (tokens may have been split).
    """
    text = doc.text  # Doc.text joins every token: read it once, not per candidate
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
        if cand.label in PLACES and cand.end - cand.start < min_place_len:
            continue
        lo = bisect_right(ends, cand.start)   # first entity ending after the candidate starts
        hi = bisect_left(starts, cand.end)    # first entity starting at or after its end
        if lo < hi:
            inside = all(cand.start <= e.start and e.end <= cand.end and (e.end - e.start) < (cand.end - cand.start)
                         for e in taken[lo:hi])
            names = names_contained and (cand.label == "PERSON" and all(e.label in NAMES for e in taken[lo:hi])
                                         or cand.label == "ORG" and all(e.label == "ORG" for e in taken[lo:hi]))
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


def set_entities(doc: Doc, ents: list[Ent]) -> Doc:
    """Replace ``doc.ents`` by ``ents`` (non-overlapping), splitting tokens where needed."""
    split_tokens_at(doc, {e.start for e in ents} | {e.end for e in ents})
    spans = []
    for e in sorted(ents):
        span = doc.char_span(e.start, e.end, label=e.label)
        if span is None:  # an edge inside whitespace (split_tokens_at covers the rest):
            # shrink to the tokens inside; expanding could overlap the next entity
            span = doc.char_span(e.start, e.end, label=e.label, alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        span._.set(EXT_VALUE, e.value)
        span._.set(EXT_UNIT, e.unit)
        spans.append(span)
    doc.ents = spans
    # Values live in doc.user_data keyed by the span's offsets, so they survive retokenising.
    return doc


def split_tokens_at(doc: Doc, offsets: set[int]) -> None:
    """Split every token that has one of ``offsets`` strictly inside it."""
    points = sorted(offsets)
    cuts: list[tuple[int, list[int]]] = []
    for tok in doc:
        start, end = tok.idx, tok.idx + len(tok.text)
        lo = bisect_right(points, start)
        if lo < len(points) and points[lo] < end:
            cuts.append((tok.i, points[lo:bisect_left(points, end, lo)]))
    if not cuts:
        return
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    text = doc.text
    with doc.retokenize() as retok:
        for i, inner in cuts:
            tok = doc[i]
            bounds = [tok.idx] + inner + [tok.idx + len(tok.text)]
            orths = [text[a:b] for a, b in zip(bounds, bounds[1:])]
            heads = [(tok, 0)] * len(orths)
            retok.split(tok, orths, heads=heads)
    # Splitting keeps the entity annotation of the split tokens; re-set it exactly.
    doc.ents = [doc.char_span(s, e, label=l) for s, e, l in ents]
