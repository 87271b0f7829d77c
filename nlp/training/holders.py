"""``python -m nlp train holders``: fit the holder scorer (``nlp/lexicon/holders.py``).

The scorer decides who holds a title the person_title rules gave to no one. It learns from
the person_title pairs of the real-text dev gold, the one gold set with relations written
from real text (the real-text sets' README tells how it was annotated); it never reads the
test set. For each document the shipped pipeline runs with the scorer switched off, so the
entities and rule pairs it trains on are the ones it will see. Every TITLE mention in the document is an example (not
only those the rules leave without a holder: the rules' own pairs teach it what holding looks
like); each person within the window is a candidate, positive when the gold pairs them.

The model is a logistic regression over the features of ``holders.pair_features``, fitted by
Adagrad in a seeded order; a feature seen fewer than ``min_count`` times is dropped.
"""
from __future__ import annotations

import json
import math
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..lexicon.holders import HolderModel, candidates

#: the gold set the scorer learns from: the real-text dev gold, never the test set
GOLD = Path(__file__).resolve().parents[2] / "corpora" / "gold" / "real_dev.jsonl"
DEFAULTS = {"epochs": 8, "lr": 0.1, "threshold": 0.65, "window": 200, "min_count": 2, "seed": 0}


@dataclass
class Example:
    """One TITLE mention of one document: its candidates' features and which are its holders."""
    doc_id: str
    title: str
    ruled: bool                       # the rules gave this title to someone
    candidates: list[tuple[str, list[str]]]   # (person, features)
    holders: set[str]                 # the candidates the gold pairs with the title


@dataclass
class DocumentPairs:
    """A document's rule pairs, gold pairs and title examples."""
    doc_id: str
    rule_pairs: set[tuple[str, str]]
    gold_pairs: set[tuple[str, str]]
    examples: list[Example]


def document_pairs(doc_id: str, text: str, ents: list, ruled: Iterable[tuple[str, str]],
                   gold: Iterable[tuple[str, str]], window: int = DEFAULTS["window"]) -> DocumentPairs:
    """The examples of one document: ``ents`` the entities as ``E`` tuples sorted by offset,
    ``ruled`` the rules' (person, title) pairs, ``gold`` the gold's."""
    ruled, gold = set(ruled), set(gold)
    held = {t for _, t in ruled}
    examples = []
    for j, found in candidates(text, ents, [], window):
        title = ents[j].text
        examples.append(Example(doc_id, title, title in held, [(ents[i].text, f) for i, f in found],
                                {ents[i].text for i, _ in found if (ents[i].text, title) in gold}))
    return DocumentPairs(doc_id, ruled, gold, examples)


def collect(records: Iterable[dict], nlp, window: int = DEFAULTS["window"]) -> list[DocumentPairs]:
    """Run ``nlp`` (its relations stage's scorer switched off) over gold records and gather
    the examples. RETURNS one ``DocumentPairs`` per record."""
    from ..pipeline.doc_spans import doc_text
    from ..pipeline.relations import entities_of

    relations = nlp.get_pipe("relations")
    saved, relations.holders = relations.holders, None
    try:
        out = []
        for record in records:
            doc = nlp(record["text"])
            out.append(document_pairs(
                record["id"], doc_text(doc), entities_of(doc),
                ((r["person"], r["title"]) for r in doc._.relations["person_title"]),
                ((r["person"], r["title"]) for r in record["relations"]["person_title"]), window))
        return out
    finally:
        relations.holders = saved


def fit(docs: list[DocumentPairs], *, epochs: int = DEFAULTS["epochs"], lr: float = DEFAULTS["lr"],
        threshold: float = DEFAULTS["threshold"], window: int = DEFAULTS["window"],
        min_count: int = DEFAULTS["min_count"], seed: int = DEFAULTS["seed"]) -> HolderModel:
    """Fit the logistic model on every (title, candidate) pair of ``docs``."""
    samples = [(features, 1.0 if person in ex.holders else 0.0)
               for d in docs for ex in d.examples for person, features in ex.candidates]
    counts = Counter(f for features, _ in samples for f in features)
    index = {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    rows = [([index[f] for f in features if f in index], y) for features, y in samples]
    w = [0.0] * (len(index) + 1)        # the last weight is the bias
    g2 = [1e-8] * (len(index) + 1)
    order = list(range(len(rows)))
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(order)
        for r in order:
            idx, y = rows[r]
            idx = idx + [len(index)]
            z = sum(w[k] for k in idx)
            g = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))) - y
            for k in idx:
                g2[k] += g * g
                w[k] -= lr * g / math.sqrt(g2[k])
    weights = {f: round(w[k], 4) for f, k in index.items() if abs(w[k]) >= 1e-4}
    return HolderModel(weights, round(w[-1], 4), threshold, window)


def score(model: HolderModel | None, docs: list[DocumentPairs]) -> dict:
    """person_title precision, recall and F1 over (person, title) pairs: the rule pairs plus,
    with a model, each unheld title's best candidate at or above the threshold.

    The same decision as ``HolderModel.holders`` on the collected features (it leaves out
    relations.py's last filters, which remove a few pairs in the pipeline)."""
    tp = fp = fn = 0
    for d in docs:
        pred = set(d.rule_pairs)
        if model is not None:
            held = {t for _, t in d.rule_pairs}
            for ex in d.examples:
                top = None if ex.title in held else model.best(ex.candidates)
                if top is not None:
                    pred.add((top[1], ex.title))
        tp += len(pred & d.gold_pairs)
        fp += len(pred - d.gold_pairs)
        fn += len(d.gold_pairs - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def read_gold(path: str | Path = GOLD) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def train(output: str | Path, *, gold: str | Path = GOLD, **settings) -> HolderModel:
    """Collect the examples of the dev gold, fit, and write the model to ``output``
    (a JSON file). RETURNS the model."""
    from ..language import NewsLanguage, default_config

    config = default_config()
    config["components"]["relations"]["holder_model"] = None   # the rules alone (and no model needed yet)
    nlp = NewsLanguage.from_config(config)
    nlp.initialize()
    window = settings.get("window", DEFAULTS["window"])
    docs = collect(read_gold(gold), nlp, window)
    model = fit(docs, **settings)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    data = {"trained_on": Path(gold).name, "documents": len(docs),
            "examples": sum(len(d.examples) for d in docs),
            "settings": {**DEFAULTS, **settings}, **model.to_json()}
    output.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return model
