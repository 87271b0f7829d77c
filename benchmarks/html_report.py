"""Size and time of the HTML reports (issue 21).

    python benchmarks/html_report.py            # writes results/html_report.md
    python benchmarks/html_report.py --no-write

- a 10,000-document run: the dev gold's 80 records cycled to 10,000, rendered with the default
  cap (500 shown); time as a ratio to writing the same records as JSON Lines in this process;
- the sample news page through ``python -m nlp extract --format html``;
- the dev gold's evaluation report through ``python -m nlp evaluate --html`` (a fresh run).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks._common import machine, write_result  # noqa: E402
from nlp.io.html_report import DEFAULT_MAX_DOCUMENTS, render_documents  # noqa: E402
from nlp.scoring import read_gold  # noqa: E402

NEWS_PAGE = "corpora/samples/gigabit_cities_2021-12-25.md"
DEV_GOLD = "corpora/gold/dev.jsonl"


def best_of(n: int, fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def run_cli(*args: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "nlp", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()

    dev = read_gold(ROOT / DEV_GOLD)
    records = [dict(dev[i % len(dev)], id=f"d{i}") for i in range(10_000)]
    html_s, page = best_of(3, lambda: render_documents(records))
    json_s, lines = best_of(3, lambda: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    html_bytes, json_bytes = len(page.encode("utf-8")), len(lines.encode("utf-8"))

    with tempfile.TemporaryDirectory() as tmp:
        news, evaluation = Path(tmp) / "news.html", Path(tmp) / "dev.html"
        news_s = run_cli("extract", NEWS_PAGE, "--format", "html", "-o", str(news), "-q")
        eval_s = run_cli("evaluate", DEV_GOLD, "--html", str(evaluation))
        news_bytes, eval_page = news.stat().st_size, evaluation.read_text(encoding="utf-8")
    eval_bytes = len(eval_page.encode("utf-8"))
    with_errors = sum(1 for part in eval_page.split('<section class="doc"')[1:] if 'data-errors="0"' not in part[:80])

    md = f"""# HTML reports: size and time

Command: `python benchmarks/html_report.py`
Machine and date: {machine()}

| report | documents | shown | HTML size | time |
|---|---|---|---|---|
| `render_documents`, dev gold records cycled to 10,000 (default cap) | 10,000 | {DEFAULT_MAX_DOCUMENTS} | {html_bytes / 1e6:.2f} MB (the JSONL of the same records: {json_bytes / 1e6:.2f} MB) | {html_s:.2f} s, {html_s / json_s:.2f}x writing the JSONL ({json_s:.2f} s), best of 3 |
| `python -m nlp extract {NEWS_PAGE} --format html` | 1 | 1 | {news_bytes / 1e3:.0f} kB | {news_s:.1f} s (model load included) |
| `python -m nlp evaluate {DEV_GOLD} --html` | {len(dev)} | {len(dev)} ({with_errors} with errors) | {eval_bytes / 1e3:.0f} kB | {eval_s:.1f} s (model load and extraction included) |
"""
    print(md)
    if not args.no_write:
        print(f"wrote {write_result('html_report.md', md)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
