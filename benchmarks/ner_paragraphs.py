"""Does the NER model read a sentence the same inside a paragraph? MSRA dev split, model alone.

    python benchmarks/ner_paragraphs.py [--limit 1000] [--group 40]

MSRA train (and so the model's training data) holds one sentence per line, but news comes in
paragraphs. This joins the held-out dev split (never trained on) into paragraphs of
``--group`` sentences and scores the shipped model three ways: one sentence per call (as
trained), whole paragraphs in one call, and whole paragraphs through the pipeline's
statistical stage's ``model_ents``, which cuts them at full stops first.
Writes benchmarks/results/ner_paragraphs.md.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402

KINDS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1000, help="dev sentences to use")
    ap.add_argument("--group", type=int, default=40, help="sentences per paragraph")
    args = ap.parse_args()
    import spacy

    import nlp.pipeline  # noqa: F401
    from nlp.text import fold_width
    from nlp.pipeline.statistical_ner import model_ents
    from nlp.scoring import score
    from nlp.shipped_models import ner_dir
    from nlp.training.ner import msra_split

    dev, _ = msra_split(SHARED / "corpora")
    dev = [(fold_width(t), s) for t, s in dev[: args.limit]]
    model = spacy.load(ner_dir())
    paragraphs = []
    for k in range(0, len(dev), args.group):
        text, spans = "", []
        for t, s in dev[k:k + args.group]:
            spans += [(len(text) + a, len(text) + b, lab) for a, b, lab in s]
            text += t
        paragraphs.append((text, spans))

    def as_records(items):
        return [{"text": t, "entities": [{"start": a, "end": b, "label": KINDS[lab], "text": t[a:b]}
                                         for a, b, lab in s]} for t, s in items]

    def run(texts):
        return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in model.pipe(texts)]

    gold = as_records(paragraphs)
    rows = [
        ("one dev sentence per call (as trained)",
         score(as_records(dev), as_records(zip((t for t, _ in dev), run(t for t, _ in dev))))),
        (f"paragraphs of {args.group} sentences, one call each",
         score(gold, as_records(zip((t for t, _ in paragraphs), run(t for t, _ in paragraphs))))),
        (f"paragraphs of {args.group}, cut at full stops (the pipeline's way)",
         score(gold, as_records(zip((t for t, _ in paragraphs), model_ents(model, [t for t, _ in paragraphs]))))),
    ]
    md = ["# NER model on paragraphs vs sentences (MSRA dev split, model alone)", "",
          f"Machine: {machine()}. Command: `python benchmarks/ner_paragraphs.py --limit {args.limit} "
          f"--group {args.group}`; {len(dev)} dev sentences.", "",
          "| input | micro P | micro R | micro F1 |", "|---|---|---|---|"]
    for name, s in rows:
        m = s["entities"]["micro"]
        md.append(f"| {name} | {100*m['p']:.1f} | {100*m['r']:.1f} | **{100*m['f']:.2f}** |")
    text = "\n".join(md) + "\n"
    print(text)
    write_result("ner_paragraphs.md", text)


if __name__ == "__main__":
    main()
