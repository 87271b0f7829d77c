"""SIGHAN 2005 segmentation: pkuseg (ours) vs jieba, same run, F1, OOV recall and speed.

    python benchmarks/segmentation.py            # writes benchmarks/results/segmentation.md
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402
from nlp.cli.evaluate import evaluate_segmentation  # noqa: E402


def main() -> None:
    gold_dir = SHARED / "corpora" / "sighan2005_seg" / "gold"
    rows = []
    for corpus in ("pku", "msr"):
        for seg in ("pkuseg", "jieba"):
            r = evaluate_segmentation(gold_dir / f"{corpus}_test_gold.utf8", segmenter=seg)
            rows.append((corpus.upper(), seg, r))
            print(f"{corpus} {seg}: F1 {100*r['f']:.1f} OOV-R {100*r['oov_recall']:.1f} "
                  f"{r['chars']/r['seconds']:,.0f} chars/s", flush=True)
    md = ["# Segmentation, SIGHAN 2005 test gold", "",
          f"Machine: {machine()}. Command: `python benchmarks/segmentation.py`.",
          "Tokenizer as `nlp.load(segmenter=...).tokenizer` with its shipped user words; "
          "OOV against the official training word lists.", "",
          "| corpus | segmenter | P | R | F1 | OOV rate | OOV recall | chars/s | speed vs jieba |",
          "|---|---|---|---|---|---|---|---|---|"]
    speed = {(c, s): r["chars"] / r["seconds"] for c, s, r in rows}
    for c, s, r in rows:
        md.append(f"| {c} | {s} | {100*r['p']:.1f} | {100*r['r']:.1f} | **{100*r['f']:.1f}** | "
                  f"{100*r['oov_rate']:.1f} | {100*r['oov_recall']:.1f} | {speed[c, s]:,.0f} | "
                  f"{speed[c, s] / speed[c, 'jieba']:.2f}× |")
    path = write_result("segmentation.md", "\n".join(md) + "\n")
    print(f"written {path}")


if __name__ == "__main__":
    main()
