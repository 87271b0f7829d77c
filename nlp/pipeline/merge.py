"""The one conflict policy: the stages' candidate spans groups -> ``doc.ents``, with provenance.

Every entity stage writes its candidates to ``doc.spans[<stage name>]`` (``write_candidates``)
and never touches ``doc.ents``. The groups are merged in the order the stages ran, each
under its ``Rule`` (stored in the group's ``attrs``, so a saved Doc says how it merges). A
stage that needs the entities found before it reads ``merged_view(doc)``: this same policy
applied to the groups written so far. The ``zh_news_merge`` component, after the last
stage, writes the result to ``doc.ents`` and records on each entity the stage it came from
(``Span._.source``).

Policy, one group at a time (chosen on the dev gold; figures in ``nlp/pipeline/__init__.py``
and the README):

1. Overrides, before the group's candidates are merged (each asked by one rule flag):

   - ``people_over_same_places`` (person cues): where a PERSON candidate has exactly the
     span of an earlier GPE/LOC, the entities of that span are removed (院长|黄河: the
     person a title names, not the river);
   - ``dates_cut_orgs`` (numbers): an earlier ORG that begins with a relative DATE
     candidate (no value) loses the date (今年上半年|集团, 今年一季度|公司), and is dropped
     when two characters or fewer are left (集团, 公司: a generic noun); not a paper named in
     title marks (《星期日泰晤士报》);
   - ``model_overrides_companies`` (the statistical model): a rule ORG read leftwards from a
     company-type suffix gives way to the model's reading (``lexicon.model_spans.
     company_unsupported``: 保险公司 with no model ORG over it; 我们|北京城建集团一公司);
   - ``model_overrides_bare_counties`` (the statistical model): a gazetteer GPE that is a
     county's short name with nothing in the text to support it (``PlaceMatcher.
     unsupported_county_alias``: 编剧|海晏, 明帝|永平|元年) stays only where the model
     reads a place over it. The organisation stage has used it as an anchor by then (黄埔|军校).

2. Candidates, longest first, then leftmost. An entity already merged wins over a new one
   that overlaps it, except that

   - ``replace_contained`` (the ORG stage): a candidate replaces the entities it strictly
     contains (an ORG such as 湖北省人民政府 replaces the GPE 湖北省 inside it);
   - ``names_contained`` (on for every stage): a PERSON replaces the names (PERSON/ORG/GPE/LOC)
     it strictly contains, and an ORG that ends like an organisation (``orgs.named_org``)
     the ORGs it strictly contains: the model's PERSON 高玉林 over a GPE 玉林, its ORG
     中南大学湘雅医院心脏大血管外科 over the ORG 中南大学湘雅医院, but not 兰州大学研究生 or
     广西大学商学院工商管理 over 兰州大学, 广西大学商学院 (a degree or a major read on). Never over
     a TITLE or a number;
   - ``named_orgs_over_places`` (the model): an ORG that ends like an organisation also
     replaces the places it strictly contains (欧洲中央银行, 亚洲协会, 上海申花队 over 欧洲, 亚洲,
     上海); otherwise a country as a separate modifier stays GPE (日本|电影, 北京|潮白河). On
     the MSRA dev split this took ORG F1 58.9 -> 62.8 and cost nothing on the dev gold;
     letting any model ORG swallow places produced 日本电影, 中国国际收支 as ORGs;
   - ``places_extended_left`` (the model): a GPE/LOC replaces the one place it strictly
     contains when that place ends where it ends (红|海州, 五|龙潭: the rule read the tail);
   - ``min_place_len``: a GPE/LOC shorter than this (2) is kept only inside a word of at
     most two characters: 美 in 美|方, 中日, 访华 are country abbreviations, 中 in 中药材 and
     亚 in 亚运会 are parts of words.

   Candidates of one group never overlap each other in the result.

Word boundaries: the policy reads the segmenter's words split at the boundaries of every
entity merged so far (``View.words``), as the stages do: 武汉市委书记 is one word until the
ORG 武汉市委 has been merged, then two.
"""
from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from typing import Iterable, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from ..extensions import register as register_extensions
from ..labels import DATE, EXT_SOURCE, EXT_UNIT, EXT_VALUE, GPE, LOC, ORG, PERSON
from ..lexicon import orgs
from ..lexicon.candidates import Ent
from ..lexicon.model_spans import company_unsupported
from ..lexicon.places import MATCHER as PLACE_MATCHER
from .doc_spans import doc_text, split_bounds, split_tokens_at, token_bounds
from .lexicon_data import ORG_FILES, LexiconComponent

register_extensions()

NAMES = frozenset({PERSON, ORG, GPE, LOC})
PLACES = frozenset({GPE, LOC})
ORG_PLACES = frozenset({ORG, GPE, LOC})
# The segmenter's word boundaries of each Doc, kept before the first split (weakly: they go
# with the Doc and are not serialised; a Doc read back from bytes falls back to its tokens).
_WORDS: "weakref.WeakKeyDictionary[Doc, list[tuple[int, int]]]" = weakref.WeakKeyDictionary()


class Rule(NamedTuple):
    """How one stage's candidates merge (see the module docstring)."""
    replace_contained: bool = False
    names_contained: bool = True
    named_orgs_over_places: bool = False
    places_extended_left: bool = False
    min_place_len: int = 2
    people_over_same_places: bool = False
    dates_cut_orgs: bool = False
    model_overrides_companies: bool = False
    model_overrides_bare_counties: bool = False


#: The rule of each kind of stage: the whole policy in one table.
RULES = {
    "places": Rule(),
    "orgs": Rule(replace_contained=True),
    "titles": Rule(),
    "person_cues": Rule(people_over_same_places=True),
    "numbers": Rule(dates_cut_orgs=True),
    "ner": Rule(named_orgs_over_places=True, places_extended_left=True, model_overrides_companies=True,
                model_overrides_bare_counties=True),
}


class View(NamedTuple):
    """The merged entities so far: ``ents`` sorted and non-overlapping, the stage each came
    from, and the word boundaries the next stage reads."""
    ents: list[Ent]
    sources: dict[Ent, str]
    words: list[tuple[int, int]]


# -- writing candidates ------------------------------------------------------------------
def write_candidates(doc: Doc, key: str, candidates: Iterable[Ent], rule: Rule, **attrs) -> Doc:
    """Write a stage's candidates to ``doc.spans[key]`` with the rule they merge under.

    Tokens are split at the candidates' boundaries so each is a span; values and units go
    to the group's ``attrs`` (``Span._`` values are keyed by offsets and belong to the
    entity the merge picks). attrs: more data a rule reads (the model's ORG spans).
    RETURNS the same ``doc``.
    """
    if doc not in _WORDS:
        _WORDS[doc] = list(token_bounds(doc))
    text = doc_text(doc)
    cands = [c for c in candidates if 0 <= c.start < c.end <= len(text)]
    split_tokens_at(doc, {c.start for c in cands} | {c.end for c in cands})
    spans, values, units = [], [], []
    for c in cands:
        span = doc.char_span(c.start, c.end, label=c.label)
        if span is None:  # only whitespace-edge cases; the split covers the rest
            span = doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand")
        if span is None:
            continue
        spans.append(span)
        values.append(c.value)
        units.append(c.unit)
    doc.spans[key] = SpanGroup(doc, name=key, spans=spans,
                               attrs={"rule": dict(rule._asdict()), "values": values, "units": units, **attrs})
    return doc


def statistical_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """RETURNS the (start, end, label) of every span the statistical model proposed, kept by
    the merge or not (its stage writes its group with ``statistical=True``)."""
    return [(s.start_char, s.end_char, s.label_) for group in doc.spans.values() if group.attrs.get("statistical")
            for s in group]


def candidates_of(group: SpanGroup) -> list[Ent]:
    """RETURNS the candidates of one stage's spans group, with their values and units."""
    values = group.attrs.get("values") or [None] * len(group)
    units = group.attrs.get("units") or [None] * len(group)
    return [Ent(sp.start_char, sp.end_char, sp.label_, v, u) for sp, v, u in zip(group, values, units)]


# -- the policy ----------------------------------------------------------------------------
_VIEWS: "weakref.WeakKeyDictionary[Doc, tuple]" = weakref.WeakKeyDictionary()


def stage_groups(doc: Doc) -> list[tuple[str, SpanGroup]]:
    """RETURNS the spans groups written by stages (they carry a rule), in the order written."""
    return [(key, group) for key, group in doc.spans.items() if "rule" in group.attrs]


def merged_view(doc: Doc) -> View:
    """RETURNS the policy applied to every stage group on ``doc`` so far (cached per Doc:
    a later call folds in only the groups written since)."""
    groups = stage_groups(doc)
    signature = tuple((key, len(group)) for key, group in groups)
    cached = _VIEWS.get(doc)
    if cached is not None and cached[0] == signature:
        return cached[1]
    if cached is not None and signature[:len(cached[0])] == cached[0]:
        done, view = len(cached[0]), cached[1]
    else:
        done = 0
        view = View([], {}, _WORDS.get(doc) or list(token_bounds(doc)))
    text = doc_text(doc)
    for key, group in groups[done:]:
        view = merge_group(text, view, key, candidates_of(group), Rule(**group.attrs["rule"]), group.attrs)
    _VIEWS[doc] = (signature, view)
    return view


def merge_group(text: str, view: View, source: str, candidates: list[Ent], rule: Rule,
                attrs: dict | None = None) -> View:
    """Merge one stage's ``candidates`` into ``view`` under ``rule``. RETURNS the new view."""
    taken, sources, words = list(view.ents), dict(view.sources), view.words
    taken, changed = _overrides(text, taken, sources, candidates, rule, attrs or {})
    if changed:
        words = split_bounds(words, _bounds(taken))
    taken, sources, accepted = _merge(text, taken, sources, words, source, candidates, rule)
    if accepted:
        words = split_bounds(words, _bounds(taken))
    return View(taken, {e: sources[e] for e in taken}, words)


def _bounds(ents: list[Ent]) -> set[int]:
    return {e.start for e in ents} | {e.end for e in ents}


def _overrides(text: str, taken: list[Ent], sources: dict[Ent, str], cands: list[Ent], rule: Rule,
               attrs: dict) -> tuple[list[Ent], bool]:
    """Apply the rule's overrides of earlier entities (a cut entity keeps its source in
    ``sources``). RETURNS (entities, whether the word boundaries are to be split at the new
    ones)."""
    if rule.people_over_same_places:
        spans = {(c.start, c.end) for c in cands if c.label == PERSON}
        if any((e.start, e.end) in spans and e.label in PLACES for e in taken):
            taken = [e for e in taken if (e.start, e.end) not in spans]
    if rule.model_overrides_companies:
        model_orgs = [tuple(o) for o in attrs.get("model_orgs", ())]
        taken = [e for e in taken
                 if not (e.label == ORG and company_unsupported(text, e.start, e.end, model_orgs))]
    if rule.model_overrides_bare_counties:
        model_places = [c for c in cands if c.label in PLACES]
        places = [e for e in taken if e.label in PLACES] + model_places
        unsupported = PLACE_MATCHER.unsupported_county_aliases(text, places, taken)
        taken = [e for e in taken
                 if (e.start, e.end) not in unsupported
                 or any(c.start < e.end and e.start < c.end for c in model_places)]
    changed = False
    if rule.dates_cut_orgs:
        dates = {c.start: c for c in cands if c.label == DATE and c.value is None}
        if dates:
            out = []
            for e in taken:
                d = dates.get(e.start)
                titled = text[e.start - 1:e.start] == "《" and text[e.end:e.end + 1] == "》"
                if e.label == ORG and d and d.end < e.end and not titled:
                    changed = True
                    if e.end - d.end > 2:
                        cut = e._replace(start=d.end)
                        sources[cut] = sources.get(e)
                        out.append(cut)
                    continue
                out.append(e)
            taken = sorted(out)
    return taken, changed


def _merge(text: str, taken: list[Ent], sources: dict[Ent, str], words: list[tuple[int, int]],
           source: str, candidates: list[Ent], rule: Rule) -> tuple[list[Ent], dict[Ent, str], bool]:
    """Add ``candidates`` to the sorted, non-overlapping ``taken`` (step 2 of the policy).
    RETURNS (entities, their sources, whether any candidate was accepted)."""
    text_len = len(text)
    # ``taken`` stays sorted and non-overlapping, so its ends are sorted too and the
    # entities overlapping a candidate are one slice found by bisection.
    taken = sorted(taken)
    starts = [e.start for e in taken]
    ends = [e.end for e in taken]
    accepted = False
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if not (0 <= cand.start < cand.end <= text_len) or not text[cand.start:cand.end].strip():
            continue
        if cand.label in PLACES and cand.end - cand.start < rule.min_place_len \
                and not _short_word_at(words, cand.start, cand.end):
            continue
        lo = bisect_right(ends, cand.start)   # first entity ending after the candidate starts
        hi = bisect_left(starts, cand.end)    # first entity starting at or after its end
        if lo < hi:
            over = taken[lo:hi]
            inside = all(cand.start <= e.start and e.end <= cand.end and (e.end - e.start) < (cand.end - cand.start)
                         for e in over)
            if not ((rule.replace_contained or _names_over(text, cand, over, rule)) and inside):
                continue
            del taken[lo:hi], starts[lo:hi], ends[lo:hi]
        taken.insert(lo, cand)
        starts.insert(lo, cand.start)
        ends.insert(lo, cand.end)
        sources[cand] = source
        accepted = True
    return taken, sources, accepted


def _names_over(text: str, cand: Ent, over: list[Ent], rule: Rule) -> bool:
    """RETURNS whether the rule lets ``cand`` replace the names ``over`` it contains."""
    if not rule.names_contained:
        return False
    name = text[cand.start:cand.end]
    return (cand.label == PERSON and all(e.label in NAMES for e in over)
            or cand.label == ORG and all(e.label == ORG for e in over) and orgs.named_org(name)
            or rule.named_orgs_over_places and cand.label == ORG
            and all(e.label in ORG_PLACES for e in over) and orgs.named_org(name)
            or rule.places_extended_left and cand.label in PLACES and len(over) == 1
            and over[0].label in PLACES and over[0].end == cand.end)


def _short_word_at(bounds: list[tuple[int, int]], start: int, end: int) -> bool:
    """RETURNS whether [start, end) lies inside one word of at most two characters."""
    i = bisect_right(bounds, (start, float("inf"))) - 1  # the last word starting at or before ``start``
    if i < 0:
        return False
    word_start, word_end = bounds[i]
    return end <= word_end and word_end - word_start <= 2


# -- the component -------------------------------------------------------------------------
class Merge(LexiconComponent):
    """spaCy component: write the merged entities to ``doc.ents``, each with its source."""

    data_files = ORG_FILES  # the policy reads the organisation endings

    def __init__(self, nlp: Language, name: str = "merge") -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Load the organisation endings now rather than on the first document."""
        orgs.named_org("")

    def __call__(self, doc: Doc) -> Doc:
        view = merged_view(doc)
        split_tokens_at(doc, _bounds(view.ents))
        spans = []
        for e in view.ents:
            span = doc.char_span(e.start, e.end, label=e.label)
            if span is None:
                span = doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
            if span is None:
                continue
            span._.set(EXT_VALUE, e.value)
            span._.set(EXT_UNIT, e.unit)
            span._.set(EXT_SOURCE, view.sources.get(e))
            spans.append(span)
        doc.ents = spans
        return doc


@Language.factory("zh_news_merge", requires=["doc.spans"],
                  assigns=["doc.ents", "span._.source", "span._.value", "span._.unit"])
def make_merge(nlp: Language, name: str) -> Merge:
    """Factory of the merge: stage candidates (``doc.spans``) -> ``doc.ents``."""
    return Merge(nlp, name)


def add_entities(doc: Doc, candidates: Iterable[Ent], *, source: str | None = None, **rule: object) -> Doc:
    """Add entities found outside the pipeline's stages and merge ``doc.ents`` again.

    The candidates are written as one more stage group (``source``, default ``custom_<n>``)
    under ``Rule(**rule)``, and the merge is applied to every group on the Doc. For custom
    stages written after the pipeline, and for testing the policy on hand-made candidates.
    RETURNS the same ``doc``.
    """
    key = source or f"custom_{len(stage_groups(doc))}"
    write_candidates(doc, key, candidates, Rule(**rule))
    return Merge(None, "merge")(doc)
