"""Load time of the default pipeline, in fresh processes: where `nlp.load()` spends it.

    python benchmarks/load_time.py [--runs 3]    # writes benchmarks/results/load_time.md

Each run is a new interpreter (nothing cached in memory; the jieba and pkuseg caches on
disk are warm, as after a first use). The breakdown loads the parts one at a time in one
process, in the order the pipeline needs them.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import machine, write_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TEXT = "武汉市委副书记、市长李明出席会议。"

# Both scripts load as the command line does: torch hidden, spaCy without spacy.cli.
WHOLE = f"""
import json, time
from nlp.extract import hide_torch, import_spacy_without_cli
hide_torch()
t0 = time.perf_counter()
import_spacy_without_cli()
import nlp.language
t1 = time.perf_counter()
extractor = nlp.load()
t2 = time.perf_counter()
extractor({TEXT!r})
t3 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "load": t2 - t1, "first doc": t3 - t2}}))
"""

PARTS = """
import json, time
from nlp.extract import hide_torch, import_spacy_without_cli
hide_torch()
out = {}
def timed(name, fn):
    t = time.perf_counter(); fn(); out[name] = time.perf_counter() - t
timed("import spacy", lambda: (import_spacy_without_cli(), __import__("spacy.lang.zh")))
timed("import nlp.pipeline", lambda: __import__("nlp.language"))
import spacy
from nlp import data
from nlp.lexicon import orgs, titles, words, names
from nlp.lexicon.numbers import build_patterns
from nlp.lexicon.places import MATCHER
import nlp.tagging
from nlp.tokenizer import NewsTokenizer
timed("rule lexicons (places, orgs, titles, names, numbers)",
      lambda: (MATCHER.load(), orgs.known(), orgs.suffixes(), orgs.stop_words(), titles.lexicon(),
               names.surnames(), build_patterns()))
timed("word flags (jieba's dictionary + place/org lists)", words.word_flags)
timed("pkuseg segmenter", lambda: NewsTokenizer(spacy.blank("zh").vocab, "pkuseg", user_words=data.user_words()).initialize())
timed("joint tagger (models/tagger)", nlp.tagging.load)
print(json.dumps(out))
"""


def run(script: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def command_seconds(args: list[str], stdin: str = "") -> float:
    """Wall seconds of ``python -m nlp ARGS`` in a fresh process, as a user runs it."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "nlp", *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    whole = [run(WHOLE) for _ in range(args.runs)]
    parts = [run(PARTS) for _ in range(args.runs)]
    help_s = statistics.median(command_seconds(["--help"]) for _ in range(args.runs))
    extract_s = statistics.median(command_seconds(["extract", "-q"], TEXT + "\n") for _ in range(args.runs))
    med = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
    lines = ["# Load time of the default pipeline", "",
             f"Machine: {machine()}. Command: `python benchmarks/load_time.py --runs {args.runs}`; "
             "medians of fresh processes (seconds).", "",
             "| step | s |", "|---|---|"]
    lines += [f"| {key} | {med(whole, key):.2f} |" for key in ("import", "load", "first doc")]
    lines += ["", "The command line, wall time of the whole process:", "", "| command | s |", "|---|---|",
              f"| `python -m nlp --help` | {help_s:.2f} |",
              f"| `echo {TEXT} \\| python -m nlp extract -q` | {extract_s:.2f} |"]
    lines += ["", "Breakdown (one process, parts loaded one at a time):", "", "| part | s |", "|---|---|"]
    lines += [f"| {key} | {med(parts, key):.2f} |" for key in parts[0]]
    text = "\n".join(lines) + "\n"
    write_result("load_time.md", text)
    print(text)


if __name__ == "__main__":
    main()
