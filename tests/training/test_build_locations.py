"""locations.tsv is what build_locations makes of the corpora: every row has its source, the
file is the script's output, and no row names a Chinese division by its full name."""
from pathlib import Path

import pytest

from nlp.lexicon import gazetteer
from nlp.training import build_locations
from nlp.training.splits import SHARED

DATA = Path(__file__).resolve().parents[2] / "nlp" / "data" / gazetteer.LOCATIONS_FILE


def _rows():
    return [line.rstrip("\n").split("\t") for line in DATA.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def test_every_row_says_where_it_came_from():
    sources = [r[2] for r in _rows()]
    assert all(s == "core" or s.startswith(("corpus ", "basin of ")) for s in sources)
    assert any(s.startswith("corpus ") for s in sources) and "core" in sources


def test_no_row_is_a_division_by_its_full_name():
    places = gazetteer.places_by_name()
    assert not [r[0] for r in _rows() if any(p.kind in ("full", "form") for p in places.get(r[0], ()))]


def test_feature_type_reads_the_longest_ending():
    assert build_locations._feature_type("舟山群岛") == "island"
    assert build_locations._feature_type("长江") == "river"
    assert build_locations._feature_type("江") is None  # an ending alone is no name


@pytest.mark.skipif(not (Path(SHARED) / "peoples_daily_1998").exists(), reason="../shared/corpora not present")
def test_file_is_the_scripts_output():
    built = [(n, k, s) for n, k, s in build_locations.build(Path(SHARED))]
    assert [tuple(r) for r in _rows()] == built
