"""Every gold file in corpora/gold/*.jsonl follows SPEC section 2.

Checked for every file: each line is a JSON object with a ``text`` and an ``entities``
list; offsets are code points with ``text[start:end] == entity text``; spans are sorted
and do not overlap; labels are the SPEC labels; MONEY/PERCENT/QUANTITY carry a number
``value`` and a ``unit``; ids (where given) are unique. ``optional`` and ``relations`` are
checked only where a file has them (numbers.jsonl, say, has entities only).
dev.jsonl must also be what build_dev.py makes of dev_source.txt.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from nlp.labels import LABELS, NUMERIC_LABELS

GOLD = Path(__file__).resolve().parents[1] / "corpora" / "gold"
GOLD_FILES = sorted(GOLD.glob("*.jsonl"))


def _read(path: Path) -> list[dict]:
    docs = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            doc = json.loads(line)
            assert isinstance(doc, dict), f"{path.name}:{lineno} is not a JSON object"
            doc["_line"] = lineno
            docs.append(doc)
    return docs


def _span_errors(text: str, spans: list, *, sorted_disjoint: bool) -> list[str]:
    errors, prev_end = [], 0
    for s in spans:
        start, end = s.get("start"), s.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            errors.append(f"bad offsets {s}")
            continue
        if "text" in s and text[start:end] != s["text"]:
            errors.append(f"text[{start}:{end}]={text[start:end]!r} != {s['text']!r}")
        if s.get("label") not in LABELS:
            errors.append(f"label {s.get('label')!r} is not a SPEC label")
        if sorted_disjoint:
            if start < prev_end:
                errors.append(f"span {start}-{end} {s.get('text')!r} overlaps or is out of order")
            prev_end = end
    return errors


def _doc_errors(doc: dict) -> list[str]:
    text = doc.get("text")
    if not isinstance(text, str) or not isinstance(doc.get("entities"), list):
        return ["needs a 'text' string and an 'entities' list"]
    errors = _span_errors(text, doc["entities"], sorted_disjoint=True)
    for e in doc["entities"]:
        if e.get("label") in NUMERIC_LABELS:
            v = e.get("value")
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                errors.append(f"{e.get('text')!r} {e['label']} has no number value")
            if not isinstance(e.get("unit"), str) or not e["unit"]:
                errors.append(f"{e.get('text')!r} {e['label']} has no unit")
    if "optional" in doc:
        errors += [f"optional: {m}" for m in
                   _span_errors(text, doc["optional"], sorted_disjoint=False)]
    rel = doc.get("relations")
    if rel is not None:
        by_label: dict[str, set] = {}
        for e in doc["entities"]:
            by_label.setdefault(e.get("label"), set()).add(text[e["start"]:e["end"]])
        for r in rel.get("person_title", []):
            if r.get("person") not in by_label.get("PERSON", ()):
                errors.append(f"person_title {r}: person is no PERSON entity")
            if r.get("title") not in by_label.get("TITLE", ()):
                errors.append(f"person_title {r}: title is no TITLE entity")
            if r.get("org") is not None and r["org"] not in text:
                errors.append(f"person_title {r}: org does not occur in the text")
        for r in rel.get("city_province", []):
            if r.get("city") not in by_label.get("GPE", ()):
                errors.append(f"city_province {r}: city is no GPE entity")
            if not isinstance(r.get("province"), str) or not r["province"]:
                errors.append(f"city_province {r}: no province")
    return errors


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_files_follow_spec(path):
    docs = _read(path)
    assert docs, f"{path.name} is empty"
    problems = [f"line {d['_line']} ({d.get('id', '-')}): {m}" for d in docs for m in _doc_errors(d)]
    assert not problems, f"{path.name}:\n" + "\n".join(problems[:30])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_files_ids_unique(path):
    ids = [d["id"] for d in _read(path) if "id" in d]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"{path.name}: duplicate ids {dupes}"


@pytest.mark.parametrize("bad, message", [
    ({"text": "湖北省武汉市", "entities": [{"start": 0, "end": 3, "label": "GPE", "text": "湖北"}]},
     "!="),
    ({"text": "湖北省武汉市", "entities": [{"start": 0, "end": 4, "label": "GPE"},
                                     {"start": 3, "end": 6, "label": "GPE"}]}, "overlaps"),
    ({"text": "增长7.2%", "entities": [{"start": 2, "end": 6, "label": "PERCENT"}]}, "no number"),
    ({"text": "李明出席", "entities": [{"start": 0, "end": 2, "label": "PER"}]}, "not a SPEC label"),
])
def test_gold_files_checker_catches(bad, message):
    assert any(message in m for m in _doc_errors(bad))


def test_gold_files_dev_is_built_from_source():
    builder = GOLD / "build_dev.py"
    if not (builder.exists() and (GOLD / "dev_source.txt").exists() and (GOLD / "dev.jsonl").exists()):
        pytest.skip("dev gold source or output not present")
    spec = importlib.util.spec_from_file_location("build_dev", builder)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.dumps(module.build()) == (GOLD / "dev.jsonl").read_text(encoding="utf-8"), \
        "dev.jsonl is stale: run python corpora/gold/build_dev.py"
