"""The installed package (as `pip install .` leaves it) runs outside the repo, models included."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "samples" / "gigabit_cities_2021-12-25.md"


def test_installed_package_extracts_sample_page(tmp_path):
    probe = subprocess.run([sys.executable, "-c", "import nlp, sys; print(nlp.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip("the package is not installed in this environment (pip install .)")
    assert str(Path(__file__).resolve().parents[2] / "nlp") not in probe.stdout
    run = subprocess.run([sys.executable, "-m", "nlp", "extract", str(SAMPLE)],
                         cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    [rec] = [json.loads(line) for line in run.stdout.splitlines()]
    labels = {e["label"] for e in rec["entities"]}
    assert {"PERSON", "ORG", "GPE", "TITLE", "DATE", "QUANTITY"} <= labels
    for e in rec["entities"]:
        assert rec["text"][e["start"]:e["end"]] == e["text"]
