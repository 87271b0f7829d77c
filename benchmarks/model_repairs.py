"""What each repair of the statistical model's spans is worth with the joint tagger (issue 17:
"the span repairs ... move to the rule or merge layer, or go where the new model makes them
unnecessary. Measure each").

    python benchmarks/model_repairs.py [--limit N]   # writes benchmarks/results/model_repairs.md

The repairs live in ``nlp/lexicon/model_spans.py``; the merge applies ``company_unsupported``.
Each row switches one off (by replacing the function in this process) and runs the default
pipeline over three tuning sets: the MSRA dev split (2,000 sentences of MSRA train, scored
with the MSRA mapping, PLACE = GPE + LOC), corpora/gold/real_dev.jsonl (PERSON / ORG / place /
DATE) and corpora/gold/dev.jsonl (all labels). No test set is read.
"""
from __future__ import annotations

import argparse
import contextlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _switches():
    import regex

    from nlp.lexicon import model_spans as m

    never = regex.compile(r"(?!)")
    return {
        "all repairs on (shipped)": {},
        "keep spans that cut a bracket, a clause or a Latin word": {
            "brackets_balanced": lambda span: True, "SPAN_BREAK": never,
            "cuts_latin_word": lambda text, s, e: False},
        "no joining of hyphenated names": {"join_hyphenated_names": lambda text, spans: spans},
        "no completion of bare surnames": {"complete_surnames": lambda text, spans, *a: spans},
        "no ORG trims (title after an organ, organisation ending)": {
            "_before_title": lambda text, s, e: e, "_to_org_ending": lambda text, s, e, suffixes: e},
        "rule company ORGs never give way to the model": {"company_unsupported": lambda *a: False},
    }, m


@contextlib.contextmanager
def switched(module, replacements: dict):
    import nlp.pipeline.merge as merge

    saved = {k: getattr(module, k) for k in replacements}
    saved_merge = {k: getattr(merge, k) for k in replacements if hasattr(merge, k)}
    for k, v in replacements.items():
        setattr(module, k, v)
        if k in saved_merge:
            setattr(merge, k, v)  # the merge imported it by name
    try:
        yield
    finally:
        for k, v in saved.items():
            setattr(module, k, v)
        for k, v in saved_merge.items():
            setattr(merge, k, v)


def msra_dev(limit: int) -> list[dict]:
    from nlp.training.splits import msra_split

    dev, _ = msra_split(SHARED / "corpora", random.Random(0))
    labels = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
    out = [{"text": t, "scored_labels": ["ORG", "PERSON", "PLACE"],
            "entities": [{"start": s, "end": e, "label": labels[lab], "text": t[s:e]} for s, e, lab in spans]}
           for t, spans in dev]
    return out[:limit] if limit else out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="first N sentences of the MSRA dev split")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    import nlp
    from nlp.extract import extract
    from nlp.io.documents import Document
    from nlp.scoring import read_gold, score

    sets = {"MSRA dev": msra_dev(args.limit),
            "real_dev": read_gold(ROOT / "corpora" / "gold" / "real_dev.jsonl"),
            "dev gold": read_gold(ROOT / "corpora" / "gold" / "dev.jsonl")}
    compared = {"real_dev": ("PERSON", "ORG", "PLACE", "DATE")}
    extractor = nlp.load()
    switches, module = _switches()
    rows = []
    for name, replacements in switches.items():
        figures = []
        with switched(module, replacements):
            for set_name, gold in sets.items():
                pred = list(extract(extractor, (Document(text=r["text"]) for r in gold)))
                s = score(gold, pred, labels=compared.get(set_name))
                figures.append(100 * s["entities"]["micro"]["f"])
        rows.append((name, figures))
        print(name, [f"{f:.2f}" for f in figures], file=sys.stderr, flush=True)
    base = rows[0][1]
    md = ["# The model's span repairs, one switched off at a time", "",
          f"Machine: {machine()}. Command: `python benchmarks/model_repairs.py"
          f"{' --limit %d' % args.limit if args.limit else ''}`. Micro F1: MSRA dev split "
          f"({len(sets['MSRA dev'])} sentences, PER/ORG/place), real_dev (PERSON/ORG/place/DATE), "
          "dev gold (all labels). A negative change means the repair helps.", "",
          "| switched off | MSRA dev | real_dev | dev gold |", "|---|---:|---:|---:|"]
    for name, figures in rows:
        cells = [f"{f:.2f}" if name == rows[0][0] else f"{f:.2f} ({f - b:+.2f})" for f, b in zip(figures, base)]
        md.append(f"| {name} | " + " | ".join(cells) + " |")
    text = "\n".join(md) + "\n"
    print(text)
    if not args.no_write:
        write_result("model_repairs.md", text)


if __name__ == "__main__":
    main()
