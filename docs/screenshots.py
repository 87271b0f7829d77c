"""Rebuild the report screenshots shown in the README (needs Debian's chromium and a CJK font,
e.g. ``apt-get install chromium fonts-noto-cjk``).

    python docs/screenshots.py

Writes the reports to ``build/docs/`` (git-ignored) through the command line, as a user would:
``extract --format html`` of the sample news page and ``evaluate --html`` of the dev gold
(a fresh extractor run over its texts), then screenshots them headless into ``docs/``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "docs"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]

#: (command after ``python -m nlp``, report, screenshot, URL fragment, window size)
SHOTS = [
    (["extract", "corpora/samples/gigabit_cities_2021-12-25.md", "--format", "html", "-o", "{report}", "-q"],
     "news_report.html", "news_report.png", "", "1280,3100"),
    (["evaluate", "corpora/gold/dev.jsonl", "--html", "{report}"],
     "dev_evaluation.html", "dev_evaluation.png", "#errors", "1280,2000"),
]


def main() -> int:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("error: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    BUILD.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for command, report, png, fragment, size in SHOTS:
        report_path = BUILD / report
        args = [a.replace("{report}", str(report_path)) for a in command]
        subprocess.run([sys.executable, "-m", "nlp", *args], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}",
                            f"--screenshot={ROOT / 'docs' / png}", report_path.as_uri() + fragment],
                           check=True, capture_output=True)
        print(f"docs/{png} <- build/docs/{report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
