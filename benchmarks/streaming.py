"""Streaming: ``python -m nlp extract`` over a large JSONL fed on stdin, memory and output
as it goes (issue 20: RSS within 1.2x of its value after the first 2 MB, output lines
appearing while the input is still being read).

    python benchmarks/streaming.py [--mb 50] [--n-process 2]   # writes benchmarks/results/streaming.md

The input is People's Daily 1998-01 paragraphs, one JSON document a line, cycled until
``--mb`` megabytes (UTF-8), written to the extractor's stdin in 64 kB pieces by a feeder
thread, as fast as the extractor takes them. Every half second the RSS of the extractor
and of its worker processes (``/proc``) is summed. The RSS "after the first 2 MB" is the
largest sample taken while the 2nd to the 4th MB were going in (the pipeline has loaded
and its first batches are done); the bar compares the largest sample of the whole run with it.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MB = 1 << 20


def paragraphs() -> list[str]:
    """The paragraphs of People's Daily 1998-01 as plain text (tags and brackets removed)."""
    from nlp.io.corpora import read_pd1998

    path = SHARED / "corpora" / "peoples_daily_1998" / "199801.txt"
    return [text for text in ("".join(w for w, _, _ in words) for words in read_pd1998(path)) if text]


def input_lines(total_bytes: int) -> list[bytes]:
    out, size, texts, i = [], 0, paragraphs(), 0
    while size < total_bytes:
        line = (json.dumps({"id": f"pd-{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n").encode()
        out.append(line)
        size += len(line)
        i += 1
    return out


def rss_kb(pid: int) -> int:
    """RSS of a process and its descendants, in kB (0 once it is gone)."""
    total = 0
    try:
        with open(f"/proc/{pid}/status") as f:
            total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                total += sum(rss_kb(int(c)) for c in f.read().split())
    except (OSError, StopIteration):
        pass
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=50.0, help="input size in MB (default 50)")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    lines = input_lines(int(args.mb * MB))
    total = sum(map(len, lines))
    cmd = [sys.executable, "-m", "nlp", "extract", "-q", "--n-process", str(args.n_process)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    fed = {"bytes": 0, "done": None}
    out = {"lines": 0, "first": None, "before_input_end": 0}

    def feed():
        for line in lines:
            proc.stdin.write(line)
            fed["bytes"] += len(line)
        proc.stdin.close()
        fed["done"] = time.perf_counter()

    def read():
        for _ in proc.stdout:
            out["lines"] += 1
            if out["first"] is None:
                out["first"] = time.perf_counter()
            if fed["done"] is None:
                out["before_input_end"] += 1

    threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=read, daemon=True)]
    for t in threads:
        t.start()
    samples = []  # (bytes fed, rss kB)
    while proc.poll() is None:
        samples.append((fed["bytes"], rss_kb(proc.pid)))
        time.sleep(0.5)
    for t in threads:
        t.join()
    end = time.perf_counter()
    if proc.returncode != 0:
        raise SystemExit(f"extract exited {proc.returncode}")
    assert out["lines"] == len(lines), (out["lines"], len(lines))
    early = [r for b, r in samples if 2 * MB <= b <= 4 * MB]
    ref = max(early) if early else None
    peak = max(r for _, r in samples)
    rows = [("input", f"{total / MB:.1f} MB, {len(lines):,} documents"),
            ("wall time", f"{end - start:.0f} s ({total / MB / (end - start) * 60:.1f} MB/min)"),
            ("first output line", f"{out['first'] - start:.1f} s after start"),
            ("output lines written before the input was all read", f"{out['before_input_end']:,} of {len(lines):,}"),
            ("RSS after the first 2 MB (max over MB 2-4)", f"{ref / 1024:,.0f} MB" if ref else "n/a"),
            ("peak RSS (whole run)", f"{peak / 1024:,.0f} MB"),
            ("peak / after 2 MB", f"**{peak / ref:.2f}x** (bar: 1.2x)" if ref else "n/a")]
    md = ["# Streaming a large JSONL through `extract`", "",
          f"Machine: {machine()}. Command: `python benchmarks/streaming.py --mb {args.mb:g} --n-process {args.n_process}` "
          f"(runs `{' '.join(['python'] + cmd[1:])}` with the input on stdin). "
          f"Load average (1 min) at the end: {os.getloadavg()[0]:.2f} on 2 cores.", "",
          "| figure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows]
    step = max(1, len(samples) // 12)
    md += ["", "RSS over the run (every ~1/12 of the samples):", "",
           "| input fed MB | RSS MB |", "|---:|---:|"]
    md += [f"| {b / MB:.1f} | {r / 1024:,.0f} |" for b, r in samples[::step]]
    text = "\n".join(md) + "\n"
    print(text)
    if not args.no_write:
        write_result("streaming.md", text)


if __name__ == "__main__":
    main()
