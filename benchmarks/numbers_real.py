"""Numbers on real text: the whole pipeline against corpora/gold/numbers_real.jsonl.

    python benchmarks/numbers_real.py [--write]

Runs the extractor over the 295 real sentences of the tuning set (People's Daily 1998-01
outside the reserved days, CLUENER train, the DuIE sample less the real-set texts; see
corpora/gold/README.md) and scores MONEY, PERCENT and QUANTITY only (the file annotates
no other label): per-label and micro P/R/F1 (exact span and label) and value accuracy
(the share of gold numeric entities with exact span, label, value and unit). It is a
tuning set: the number rules were fixed against it, so its figures are no estimate for
unseen news. ``--write`` also writes benchmarks/results/numbers_real.md.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import machine, write_result  # noqa: E402
from nlp.cli.evaluate import evaluate  # noqa: E402
from nlp.labels import NUMERIC_LABELS  # noqa: E402

GOLD = ROOT / "corpora" / "gold" / "numbers_real.jsonl"
COMMAND = "python benchmarks/numbers_real.py --write"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write benchmarks/results/numbers_real.md")
    args = parser.parse_args()
    result, _ = evaluate(GOLD, labels=list(NUMERIC_LABELS))
    ents, values = result["entities"], result["values"]
    rows = [f"| {lab} | {ents[lab]['p']:.1%} | {ents[lab]['r']:.1%} | {ents[lab]['f']:.1%} | "
            f"{ents[lab]['tp'] + ents[lab]['fn']} |" for lab in (*NUMERIC_LABELS, "micro")]
    table = "\n".join(["| label | P | R | F1 | gold |", "|---|---|---|---|---|", *rows])
    summary = f"Values (exact span, label, value, unit): {values['accuracy']:.1%} ({values['correct']}/{values['total']})"
    print(f"# {GOLD.relative_to(ROOT)}: {result['documents']} documents ({machine()})")
    print(table)
    print(summary)
    if args.write:
        write_result("numbers_real.md", f"# Numbers on real text (tuning set)\n\n"
                     f"Command: `{COMMAND}`  \nMachine and date: {machine()}\n\n{table}\n\n"
                     f"{summary}.\n\nIn-sample: the number rules were fixed against this set, "
                     "so it is no estimate for unseen news.\n")


if __name__ == "__main__":
    main()
