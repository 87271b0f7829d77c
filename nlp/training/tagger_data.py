"""Training data of the joint tagger: MSRA train, People's Daily 1998, CLUENER train, and the
early slices of the project's own real-text gold.

Each sentence becomes an ``Example``: its width-folded text, for the NER head the set of
tags allowed at each character (partial labels: a type a corpus does not annotate is
unknown there, not O), and for the word head its BMES tags when the corpus has words.

- MSRA train less the dev split of ``ner.msra_split`` (2,000 sentences, seed 0): PER/ORG/LOC.
- People's Daily 1998-01 (``pd1998_entities``: nr -> PER, ns -> LOC, nt and ``[...]nt`` ->
  ORG; its ``j`` and ``nz`` words unknown), its words for segmentation. Paragraphs dated
  19980130 and 19980131 are reserved for the real-news gold sets and never read;
  ``PD_DEV_SIZE`` paragraphs of the rest (seed 0) are the dev split.
- CLUENER train: name -> PER; company / organization / government -> ORG; address and
  scene unknown (any tag); book / game / movie / position -> O; LOC is not annotated in
  CLUENER, so every other character may be O or part of a LOC.
- The reviewed real_dev slices below ``REAL_DEV_TRAIN_BELOW`` (real text annotated per SPEC:
  the conventions the extractor is scored by, which the other corpora do not follow), each
  document ``REAL_DEV_REPEAT`` times; the later slices stay out as the model's own check on
  real text, and the real-text test set is never read.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..io.corpora import pd1998_entities, read_cluener, read_char_tagged
from ..scoring import read_gold
from ..text import fold_width
from ..tagging.sentences import sentence_cuts
from ..tagging.tags import (FORBIDDEN, NER_INDEX, NER_TAGS, SEG_TAGS, allowed_transitions,
                            spans_to_tags, words_to_tags)
from ..tagging.viterbi import viterbi
from . import splits
from .splits import SHARED, msra_split

PD_DEV_SIZE = 300
#: The reviewed real_dev slices (SPEC annotation of real text) the NER head learns from: those
#: numbered below ``REAL_DEV_TRAIN_BELOW``; the later slices stay out as the model's own check.
REAL_REVIEWED = Path(__file__).resolve().parents[2] / "corpora" / "real" / "reviewed"
REAL_DEV_TRAIN_BELOW = 4200
REAL_DEV_REPEAT = 2
REAL_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}

_LOC_TAGS = [NER_INDEX[t] for t in NER_TAGS if t.endswith("-LOC")]
CLUENER_KINDS = {"name": "PER", "company": "ORG", "organization": "ORG", "government": "ORG",
                 "address": "", "scene": "", "book": "O", "game": "O", "movie": "O", "position": "O"}


@dataclass
class Example:
    text: str
    ner_allowed: np.ndarray  # [len, len(NER_TAGS)] bool
    seg_tags: np.ndarray | None  # [len] int64 BMES ids, None: no word annotation
    source: str


def ner_allowed(n: int, spans: list[tuple[int, int, str]], *, outside=("O",)) -> np.ndarray:
    """Allowed NER tags per char. spans: ``(start, end, label)`` with label PER/ORG/LOC
    (exactly that entity), "" (unknown: any tag) or "O" (outside); the other chars may take
    the tags in ``outside``."""
    allowed = np.zeros((n, len(NER_TAGS)), dtype=bool)
    for t in outside:
        if t == "O":
            allowed[:, NER_INDEX["O"]] = True
        else:
            allowed[:, [NER_INDEX[x] for x in NER_TAGS if x.endswith("-" + t)]] = True
    typed = [(s, e, l) for s, e, l in spans if l not in ("", "O")]
    for s, e, label in spans:
        if label == "":
            allowed[s:e] = True
        elif label == "O":
            allowed[s:e] = False
            allowed[s:e, NER_INDEX["O"]] = True
    tags = spans_to_tags(n, typed)
    for s, e, _ in typed:
        allowed[s:e] = False
        for i in range(s, e):
            allowed[i, NER_INDEX[tags[i]]] = True
    return allowed


def _examples(text: str, spans, words: list[str] | None, source: str, *, outside=("O",)) -> list[Example]:
    text = fold_width(text)
    allowed = ner_allowed(len(text), spans, outside=outside)
    seg = np.asarray(words_to_tags(words), dtype=np.int64) if words is not None else None
    bounds = spans
    if words is not None:  # cut only between words
        pos, word_spans = 0, []
        for w in words:
            word_spans.append((pos, pos + len(w), ""))
            pos += len(w)
        bounds = list(spans) + word_spans
    inside = np.zeros(len(text) + 1, dtype=bool)
    for s, e, _ in bounds:
        inside[s + 1:e] = True
    out = []
    for run_start, run_end in _runs_without_space(text, inside):
        for s, e in sentence_cuts(text[run_start:run_end], [(s - run_start, e - run_start, l) for s, e, l in bounds
                                                              if run_start <= s and e <= run_end]):
            s, e = s + run_start, e + run_start
            out.append(Example(text[s:e], allowed[s:e], None if seg is None else seg[s:e], source))
    return out


def _runs_without_space(text: str, inside: np.ndarray) -> list[tuple[int, int]]:
    """The stretches between whitespace runs (as the tagger reads text), except where the
    whitespace is inside a span."""
    out, start = [], None
    for i, ch in enumerate(text):
        if ch.isspace() and not inside[i] and not inside[i + 1]:
            if start is not None:
                out.append((start, i))
            start = None
        elif start is None:
            start = i
    if start is not None:
        out.append((start, len(text)))
    return out


_NER_RULES = allowed_transitions(NER_TAGS)
_SEG_RULES = allowed_transitions(SEG_TAGS)


def feasible(examples: list[Example]) -> list[Example]:
    """The examples for which some well-formed tag sequence respects the allowed tags (an
    annotation error could leave none, and the loss would be meaningless)."""
    ok = np.ones(len(examples), dtype=bool)
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].text))
    for head, rules, k in (("ner", _NER_RULES, len(NER_TAGS)), ("seg", _SEG_RULES, len(SEG_TAGS))):
        trans, start, end = (np.where(r, 0.0, FORBIDDEN) for r in rules)
        for b in range(0, len(order), 1024):
            idx = [i for i in order[b:b + 1024]
                   if head == "ner" or examples[i].seg_tags is not None]
            if not idx:
                continue
            t_max = max(len(examples[i].text) for i in idx)
            allowed = np.zeros((len(idx), t_max, k), dtype=bool)
            for j, i in enumerate(idx):
                x = examples[i]
                allowed[j, :len(x.text)] = x.ner_allowed if head == "ner" else _seg_allowed(x)
            lengths = np.array([len(examples[i].text) for i in idx])
            paths = viterbi(np.where(allowed, 0.0, FORBIDDEN), lengths, trans, start, end)
            for j, i in enumerate(idx):
                ok[i] &= bool(allowed[j, np.arange(lengths[j]), paths[j]].all())
    return [x for x, good in zip(examples, ok) if good]


def _seg_allowed(x: Example) -> np.ndarray | None:
    if x.seg_tags is None:
        return None
    allowed = np.zeros((len(x.text), len(SEG_TAGS)), dtype=bool)
    allowed[np.arange(len(x.text)), x.seg_tags] = True
    return allowed


def pd1998_paragraphs(shared: Path = SHARED) -> list[tuple[str, list]]:
    """RETURNS ``[(paragraph_id, words)]`` of People's Daily 1998-01 without the reserved dates."""
    path = Path(shared) / "peoples_daily_1998" / "199801.txt"
    return [(pid, words) for pid, words in splits.pd1998_paragraphs(path) if not splits.is_reserved(pid)]


def pd1998_split(shared: Path = SHARED) -> tuple[list, list]:
    """RETURNS ``(dev, train)`` paragraphs (word lists) of People's Daily (seed 0)."""
    paras = [words for _, words in pd1998_paragraphs(shared)]
    order = list(range(len(paras)))
    random.Random(0).shuffle(order)
    dev_ids = set(order[:PD_DEV_SIZE])
    return ([p for i, p in enumerate(paras) if i in dev_ids],
            [p for i, p in enumerate(paras) if i not in dev_ids])


def pd1998_examples(words: list[tuple[str, str, str | None]]) -> list[Example]:
    text, spans = pd1998_entities(words, keep=("PER", "LOC", "ORG"))
    covered = np.zeros(len(text), dtype=bool)
    for s, e, _ in spans:
        covered[s:e] = True
    pos, unknown = 0, []
    for w, p, comp in words:
        # abbreviations (中共, 人大) and other proper nouns: ORG or LOC elsewhere
        if p in ("j", "nz") and not covered[pos:pos + len(w)].any():
            unknown.append((pos, pos + len(w), ""))
        pos += len(w)
    return _examples(text, spans + unknown, [w for w, _, _ in words], "pd1998")


def cluener_examples(text: str, spans: list[tuple[int, int, str]]) -> list[Example]:
    mapped = []
    for s, e, kind in spans:
        label = CLUENER_KINDS.get(kind, "")
        if mapped and s < mapped[-1][1]:  # overlapping spans: unknown
            ps, pe, _ = mapped[-1]
            mapped[-1] = (ps, max(pe, e), "")
            continue
        mapped.append((s, e, label))
    return _examples(text, mapped, None, "cluener", outside=("O", "LOC"))


def msra_examples(text: str, spans) -> list[Example]:
    return _examples(text, spans, None, "msra")


def real_dev_files(reviewed: Path = REAL_REVIEWED) -> list[Path]:
    """RETURNS the reviewed real_dev slices numbered below ``REAL_DEV_TRAIN_BELOW``."""
    return [p for p in sorted(reviewed.glob("dev_*.jsonl")) if int(p.stem.split("_")[1]) < REAL_DEV_TRAIN_BELOW]


def real_dev_examples(reviewed: Path = REAL_REVIEWED) -> list[Example]:
    """The documents of ``real_dev_files``: PERSON -> PER, ORG -> ORG, GPE and LOC -> LOC,
    the other labels O, optional spans unknown."""
    out = []
    for d in (d for path in real_dev_files(reviewed) for d in read_gold(path)):
        spans = [(e["start"], e["end"], REAL_LABELS.get(e["label"], "O")) for e in d["entities"]]
        spans += [(o["start"], o["end"], "") for o in d.get("optional", [])]
        out += _examples(d["text"], spans, None, "real_dev")
    return out


def build(shared: Path = SHARED, limit: int = 0) -> dict[str, list[Example]]:
    """RETURNS ``{"train", "msra_dev", "pd_dev"}`` example lists. ``limit`` > 0 keeps the
    first N sentences of each corpus (smoke tests)."""
    shared = Path(shared)
    msra_dev, msra_train = msra_split(shared, random.Random(0))
    pd_dev, pd_train = pd1998_split(shared)
    cluener = [(t, s) for t, s, _ in read_cluener(shared / "cluener2020" / "train.json")]
    if limit:
        msra_dev, msra_train, pd_dev, pd_train, cluener = (
            x[:limit] for x in (msra_dev, msra_train, pd_dev, pd_train, cluener))
    train = [x for t, s in msra_train for x in msra_examples(t, s)]
    train += [x for p in pd_train for x in pd1998_examples(p)]
    train += [x for t, s in cluener for x in cluener_examples(t, s)]
    if not limit:
        train += real_dev_examples() * REAL_DEV_REPEAT
    return {"train": feasible(train),
            "msra_dev": [x for t, s in msra_dev for x in msra_examples(t, s)],
            "pd_dev": [x for p in pd_dev for x in pd1998_examples(p)]}


def raw_texts(shared: Path = SHARED, limit: int = 0) -> list[str]:
    """Width-folded raw text of the training splits only (no dev split, no test, no reserved
    paragraph, no sentence of a source of the real-text sets), for the embeddings: MSRA,
    People's Daily, CLUENER, Resume and Weibo train."""
    shared = Path(shared)
    texts = [t for t, _ in msra_split(shared, random.Random(0))[1]]
    texts += ["".join(w for w, _, _ in p) for p in pd1998_split(shared)[1]]
    texts += [t for t, _, _ in read_cluener(shared / "cluener2020" / "train.json")]
    texts += [t for t, _, _ in read_char_tagged(shared / "resume_ner" / "train.char.bmes")]
    texts += [t for t, _, _ in read_char_tagged(shared / "weibo_ner" / "weiboNER_2nd_conll.train")]
    texts = splits.drop_drawn(texts, shared)
    if limit:
        texts = texts[:limit]
    seen: set[str] = set()
    out = []
    for t in map(fold_width, texts):
        if t.strip() and t not in seen:
            seen.add(t)
            out.append(t)
    return out
