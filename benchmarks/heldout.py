"""The held-out news set: an estimate of the hidden news bars of issue 6.

    python benchmarks/heldout.py [--no-write]   # writes benchmarks/results/heldout.md

``corpora/gold/heldout.jsonl`` (40 documents) was written and annotated on 2026-11-24 by a
helper that never saw the extractor's code, data or output, from SPEC section 1 and the
conventions in ``corpora/gold/README.md``. It is for measuring only: this script prints
figures, never the errors, and nothing is tuned on it (read its errors once and it becomes
a development set like ``dev.jsonl``). The texts are written by the project, not taken from
real news, so the figures estimate, and do not replace, the held-out bars.

The figures are those of issue 6: PERSON F1; PERSON/ORG/place micro F1 with the MSRA label
mapping (GPE and LOC are one label PLACE); all-label micro F1; plus the relations.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import machine, write_result  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "heldout.jsonl"
# What happened to the set since it was written: kept with the figures, as it bears on them.
HISTORY = """History of this set (read before quoting the figures):

- 2026-11-24, session 6: written by a helper blind to the extractor; measured once on the code
  of commit 7db0da0: PERSON F1 89.8 (P 87.2, R 92.6), PERSON/ORG/place micro 90.3, all-label
  micro 93.1, person_title F1 86.6. That measurement was blind.
- Later in that session its errors were not read, but the writer's report of the convention
  decisions it took (corpora/gold/README.md) was, and several rule changes of the session
  touch those categories: townships as GPE, rate and scale units (米/秒, 微克/立方米, 5.8级),
  a bare organ before a title (县委|副书记, 区人大常委会|副主任). Figures after 7db0da0 are
  therefore an optimistic estimate for unseen news, not a blind one."""
# issue 6's bars on the hidden news documents
BARS = {"PERSON F1": 94.0, "PERSON/ORG/place micro F1 (MSRA mapping)": 90.0, "all-label micro F1": 88.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    import nlp
    from nlp.extract import extract
    from nlp.io.documents import Document
    from nlp.scoring import read_gold, score

    gold = read_gold(GOLD)
    extractor = nlp.load()
    t0 = time.perf_counter()  # the same path as `python -m nlp evaluate`
    pred = list(extract(extractor, (Document(text=r["text"], id=r.get("id"), source=str(GOLD)) for r in gold)))
    seconds = time.perf_counter() - t0
    full = score(gold, pred)
    msra = score(gold, pred, labels=("PERSON", "ORG", "PLACE"))
    figures = {"PERSON F1": full["entities"]["PERSON"]["f"],
               "PERSON/ORG/place micro F1 (MSRA mapping)": msra["entities"]["micro"]["f"],
               "all-label micro F1": full["entities"]["micro"]["f"]}
    md = ["# Held-out news set (corpora/gold/heldout.jsonl)", "",
          f"Machine: {machine()}. Command: `python benchmarks/heldout.py`; {len(gold)} documents, "
          f"{sum(len(r['text']) for r in gold)} characters, {seconds:.1f} s.", "",
          "| figure | ours | issue 6 bar (hidden news) |", "|---|---|---|"]
    md += [f"| {name} | **{100 * figures[name]:.1f}** | {bar:.0f} |" for name, bar in BARS.items()]
    md += ["", "| label | P | R | F1 | gold |", "|---|---|---|---|---|"]
    for lab, r in {**full["entities"], "PLACE (GPE+LOC)": msra["entities"]["PLACE"]}.items():
        md.append(f"| {lab} | {100 * r['p']:.1f} | {100 * r['r']:.1f} | {100 * r['f']:.1f} | {r['tp'] + r['fn']} |")
    for kind, r in full["relations"].items():
        md.append(f"| relation {kind} | {100 * r['p']:.1f} | {100 * r['r']:.1f} | {100 * r['f']:.1f} | {r['tp'] + r['fn']} |")
    md += ["", HISTORY]
    if full["values"]["accuracy"] is not None:
        md += ["", f"Values of MONEY/PERCENT/QUANTITY: {100 * full['values']['accuracy']:.1f}% "
                   f"({full['values']['correct']} of {full['values']['total']})."]
    text = "\n".join(md) + "\n"
    print(text)
    if not args.no_write:
        write_result("heldout.md", text)


if __name__ == "__main__":
    main()
