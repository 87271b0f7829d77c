"""Speed of each pipeline stage, against jieba.posseg in the same run, and an output check.

    python benchmarks/stage_speed.py --save-reference   # store the current outputs
    python benchmarks/stage_speed.py                    # time the stages, compare, write
                                                        # benchmarks/results/stage_speed.md

Sample: the first 2,000 paragraphs of People's Daily 1998-01 (``199801.txt``: IDs, ``/tags``
and ``[...]nt`` brackets stripped, words joined) plus the texts of corpora/gold/dev.jsonl.

Timing: the tokenizer runs once over the sample; then, ``--repeats`` times, fresh copies of
the tokenized Docs go through the stages one at a time (each stage over all Docs, timed
alone), so every stage sees exactly the input it sees in the pipeline. The fastest repeat
of each stage is kept. jieba.posseg is timed over the same texts in every repeat, and each
stage's speed is also given as a ratio to it: the machine is shared, so ratios measured in
one process are what compare across runs.

Check: the entities (offsets, label, value, unit) and relations of every text, from
``extractor.pipe`` and from the stage-by-stage run, must equal the stored reference
(``--reference``, default build/stage_speed_reference.json). Set ``NLP_MODELS_DIR`` to a
fixed copy of models/ when the shipped NER model may change between the two runs.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402

PEOPLES_DAILY = SHARED / "corpora" / "peoples_daily_1998" / "199801.txt"
DEV = ROOT / "corpora" / "gold" / "dev.jsonl"
DEFAULT_REFERENCE = ROOT / "build" / "stage_speed_reference.json"
RULE_STAGES = ("places", "orgs", "titles", "person_cues", "numbers", "relations")
_CLOSE_BRACKET = re.compile(r"\][A-Za-z]+$")  # 电台/n]nt: the end of a compound word


def peoples_daily_paragraphs(path: Path, n: int) -> list[str]:
    """RETURNS the first ``n`` non-empty paragraphs of a People's Daily file as plain text."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            tokens = line.split()[1:]  # the first token is the paragraph's ID
            words = [_CLOSE_BRACKET.sub("", t).lstrip("[").rsplit("/", 1)[0] for t in tokens]
            text = "".join(words)
            if text:
                out.append(text)
                if len(out) == n:
                    break
    return out


def sample(paragraphs: int) -> list[str]:
    dev = [json.loads(line)["text"] for line in open(DEV, encoding="utf-8") if line.strip()]
    return peoples_daily_paragraphs(PEOPLES_DAILY, paragraphs) + dev


def outputs(doc) -> dict:
    """The outputs compared: entities with values and units, and relations."""
    return {"ents": [[e.start_char, e.end_char, e.label_, e._.value, e._.unit] for e in doc.ents],
            "relations": doc._.relations}


def normalised(records: list[dict]) -> str:
    return json.dumps(records, ensure_ascii=False, sort_keys=True)


def time_stages(extractor, texts: list[str], repeats: int) -> tuple[dict[str, float], float, list[dict]]:
    """RETURNS (stage -> best seconds, jieba.posseg best seconds, outputs of the last run)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    list(jieba.posseg.cut(texts[0]))  # loads the HMM tables
    t0 = time.perf_counter()
    docs = [extractor.make_doc(t) for t in texts]
    best = {"tokenizer": time.perf_counter() - t0}
    best_jieba = float("inf")
    for r in range(repeats):
        t0 = time.perf_counter()
        for t in texts:
            list(jieba.posseg.cut(t))
        best_jieba = min(best_jieba, time.perf_counter() - t0)
        run = [d.copy() for d in docs]
        for name, proc in extractor.pipeline:
            t0 = time.perf_counter()
            if hasattr(proc, "pipe"):
                run = list(proc.pipe(run))
            else:
                run = [proc(d) for d in run]
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - t0)
        print(f"repeat {r + 1}/{repeats} done", file=sys.stderr, flush=True)
    return best, best_jieba, [outputs(d) for d in run]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--paragraphs", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    ap.add_argument("--save-reference", action="store_true", help="store the outputs and stop")
    ap.add_argument("--code-root", type=Path, help="import nlp from this directory (a saved older copy)")
    ap.add_argument("--no-write", action="store_true", help="do not write the results file")
    args = ap.parse_args()
    if args.code_root:
        sys.path.insert(0, str(args.code_root.resolve()))
    import nlp

    texts = sample(args.paragraphs)
    chars = sum(map(len, texts))
    extractor = nlp.load()
    print(f"{len(texts)} texts, {chars:,} chars; nlp from {Path(nlp.__file__).parent}", file=sys.stderr)
    piped = [outputs(d) for d in extractor.pipe(texts)]
    if args.save_reference:
        args.reference.parent.mkdir(parents=True, exist_ok=True)
        args.reference.write_text(normalised(piped), encoding="utf-8")
        print(f"reference written: {args.reference}")
        return

    seconds, jieba_s, staged = time_stages(extractor, texts, args.repeats)
    checks = []
    if args.reference.exists():
        ref = args.reference.read_text(encoding="utf-8")
        for what, got in (("extractor.pipe", piped), ("stage by stage", staged)):
            same = normalised(got) == ref
            diff = sum(a != b for a, b in zip(json.loads(normalised(got)), json.loads(ref)))
            checks.append(f"{what}: {'IDENTICAL' if same else f'DIFFERENT ({diff} texts)'}")
    else:
        checks.append(f"no reference at {args.reference} (run with --save-reference first)")

    jieba_speed = chars / jieba_s
    rule_s = sum(seconds[s] for s in RULE_STAGES)
    rows = [(name, seconds[name]) for name in ["tokenizer", *extractor.pipe_names]]
    rows.append(("rule stages together", rule_s))
    rows.append(("jieba.posseg", jieba_s))
    md = ["# Stage speed", "",
          f"Machine: {machine()} (other jobs may share the cores: compare the ratios).",
          f"Command: `python benchmarks/stage_speed.py --repeats {args.repeats}`.",
          f"Sample: the first {args.paragraphs:,} paragraphs of People's Daily 1998-01 and the "
          f"texts of corpora/gold/dev.jsonl: {len(texts):,} texts, {chars:,} characters.",
          "Each stage is timed alone over the whole sample (best of the repeats); the tokenizer once.", "",
          "| stage | seconds | chars/s | speed vs jieba.posseg |", "|---|---|---|---|"]
    for name, s in rows:
        line = f"| {name} | {s:.3f} | {chars / s:,.0f} | {(chars / s) / jieba_speed:.2f}× |"
        md.append(line)
        print(f"{name:22s} {s:8.3f} s {chars / s:12,.0f} chars/s {(chars / s) / jieba_speed:8.2f}× jieba")
    md += ["", "Outputs against the stored reference (entities with values and units, relations):", ""]
    md += [f"- {c}" for c in checks]
    for c in checks:
        print(c)
    if not args.no_write:
        print(f"written {write_result('stage_speed.md', chr(10).join(md) + chr(10))}")


if __name__ == "__main__":
    main()
