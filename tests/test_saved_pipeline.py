"""A saved pipeline in a fresh process, and the pipeline across spawned worker processes.

Both run in a new interpreter that imports nothing of ours by hand: ``spacy.load`` has to
find the tokenizer, the components and the extensions through the package's entry points.
The entry points are read from this checkout's ``setup.cfg`` into a ``.dist-info`` folder on
the subprocess's path, as ``pip install .`` would leave them (the environment's installed
copy may be of another checkout).
"""
from __future__ import annotations

import configparser
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = [ROOT / "corpora" / "gold" / "dev.jsonl", ROOT / "corpora" / "gold" / "heldout.jsonl"]

_DUMP = """
def dump(doc):
    return {"ents": [[e.start_char, e.end_char, e.label_, e._.value, e._.unit, e._.source] for e in doc.ents],
            "relations": doc._.relations}
"""


def _texts() -> list[str]:
    return [json.loads(line)["text"] for path in GOLD for line in path.open(encoding="utf-8") if line.strip()]


def _dump(doc) -> dict:
    scope: dict = {}
    exec(_DUMP, scope)
    return json.loads(json.dumps(scope["dump"](doc), ensure_ascii=False))


def _entry_points(folder: Path) -> Path:
    """Write a ``.dist-info`` with this checkout's entry points into ``folder``. RETURNS it."""
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    info = folder / "zh_news_nlp_checkout-0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: zh-news-nlp-checkout\nVersion: 0\n")
    groups = cfg["options.entry_points"]
    lines = []
    for group in ("spacy_tokenizers", "spacy_factories", "spacy_architectures"):
        lines.append(f"[{group}]")
        lines += [entry.strip() for entry in groups[group].strip().splitlines()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
    return folder


def _run(script: str, tmp_path: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(_entry_points(tmp_path / "site")), str(ROOT)])
    return subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_saved_pipeline_entry_points_cover_every_component(extractor):
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    factories = cfg["options.entry_points"]["spacy_factories"]
    for name in extractor.pipe_names:
        assert extractor.get_pipe_meta(name).factory in factories
    assert "zh_news.Tokenizer.v1" in cfg["options.entry_points"]["spacy_tokenizers"]


def test_saved_pipeline_loads_in_a_fresh_process(extractor, tmp_path):
    extractor.to_disk(tmp_path / "pipe")
    texts = _texts()
    (tmp_path / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    script = _DUMP + """
import json, sys
import spacy
assert "nlp" not in sys.modules
loaded = spacy.load("pipe")
texts = json.load(open("texts.json", encoding="utf-8"))
json.dump([dump(doc) for doc in loaded.pipe(texts)], open("out.json", "w", encoding="utf-8"), ensure_ascii=False)
"""
    run = _run(script, tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    got = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    expected = [_dump(doc) for doc in extractor.pipe(texts)]
    assert len(got) == len(texts) and any(d["ents"] for d in got)
    assert got == expected


def test_saved_pipeline_refuses_other_data(extractor, tmp_path):
    extractor.get_pipe("numbers").to_disk(tmp_path / "numbers")
    saved = json.loads((tmp_path / "numbers" / "data.json").read_text())
    saved["units.tsv"] = "0" * 64
    (tmp_path / "numbers" / "data.json").write_text(json.dumps(saved))
    with pytest.raises(ValueError, match="units.tsv"):
        extractor.get_pipe("numbers").from_disk(tmp_path / "numbers")


def test_saved_pipeline_pipe_with_spawned_workers(tmp_path):
    # spawn: the pipeline is pickled to the workers (models are dropped and reloaded there)
    script = _DUMP + """
import json
import multiprocessing as mp

if __name__ == "__main__":
    mp.set_start_method("spawn")
    import nlp
    extractor = nlp.load()
    texts = ["青岛市委副书记、市长赵豪志出席会议。", "增长7.2%。", "", "国家统计局局长康义说。",
             "记者张伟报道，王小红和赵大海昨天到达。"] * 2
    multi = [dump(d) for d in extractor.pipe(texts, batch_size=2, n_process=2)]
    single = [dump(extractor(t)) for t in texts]
    json.dump({"multi": multi, "single": single}, open("out.json", "w", encoding="utf-8"), ensure_ascii=False)
"""
    run = _run(script, tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert out["multi"] == out["single"] and any(d["ents"] for d in out["single"])
