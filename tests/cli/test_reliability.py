"""Faults of issue 19 through ``python -m nlp extract|evaluate``: the output path (symlink,
FIFO, hard link, mode, a full disk, a folder), strict JSON, an environment that cannot load
the pipeline, and one-line errors instead of tracebacks."""
import json
import os
import pickle
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import nlp as package
from nlp.cli import main
from nlp.errors import InputError, ModelLoadError, ProcessingError


ROOT = Path(__file__).resolve().parents[2]
GOOD = '{"id": "%s", "text": "2021年青岛市新增5G基站1.2万个，增长7.2%%。"}'


def run(monkeypatch, extractor, *args):
    monkeypatch.setattr(package, "load", lambda segmenter="pkuseg": extractor)
    return main(["extract", *map(str, args), "-q"])


def source(tmp_path, n=3):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(GOOD % i for i in range(n)) + "\n", encoding="utf-8")
    return src


def strict_lines(text):
    def refuse(name):
        raise ValueError(f"{name} is not JSON")
    return [json.loads(x, parse_constant=refuse) for x in text.splitlines()]


def test_output_symlink_target_written_link_kept(tmp_path, monkeypatch, extractor):
    target, link = tmp_path / "real.jsonl", tmp_path / "link.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link.symlink_to(target)
    assert run(monkeypatch, extractor, source(tmp_path), "-o", link) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert [r["id"] for r in strict_lines(target.read_text(encoding="utf-8"))] == ["0", "1", "2"]


def test_output_mode_and_hard_link_kept(tmp_path, monkeypatch, extractor):
    out, other = tmp_path / "out.jsonl", tmp_path / "other-name.jsonl"
    out.write_text("old\n", encoding="utf-8")
    os.chmod(out, 0o600)
    os.link(out, other)
    assert run(monkeypatch, extractor, source(tmp_path), "-o", out) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.stat().st_ino == other.stat().st_ino and out.stat().st_nlink == 2
    assert len(strict_lines(other.read_text(encoding="utf-8"))) == 3


def test_output_fifo_written_directly(tmp_path, monkeypatch, extractor):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    assert run(monkeypatch, extractor, source(tmp_path), "-o", fifo) == 0
    reader.join(30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert len(strict_lines(got[0])) == 3
    assert not list(tmp_path.glob(".out.fifo*"))


def test_output_device_full_disk_is_one_line(tmp_path, monkeypatch, capsys, extractor):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    assert run(monkeypatch, extractor, source(tmp_path), "-o", "/dev/full") == 1
    err = capsys.readouterr().err
    assert err == "error: /dev/full: cannot write: No space left on device\n"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_output_new_folder_path_is_one_line(tmp_path, monkeypatch, capsys, extractor):
    assert run(monkeypatch, extractor, source(tmp_path), "-o", f"{tmp_path}/newdir/") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {tmp_path}/newdir/: cannot write: no such directory") and err.count("\n") == 1
    assert not (tmp_path / "newdir").exists()


def test_strict_json_unwritable_values_left_out_and_reported(tmp_path, monkeypatch, capsys, extractor):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = [GOOD % "a", json.dumps({"id": "digits", "text": "9" * 4400 + "元"}), GOOD % "b",
            '{"id": "inf", "text": "增长7.2%。", "score": 1e999}', GOOD % "c"]
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert run(monkeypatch, extractor, src, "-o", out, "--on-error", "skip") == 2
    recs = strict_lines(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in recs] == ["a", "digits", "b", "inf", "c"]
    digits = recs[1]
    assert digits["text"] == "9" * 4400 + "元"
    assert all("value" not in e for e in digits["entities"] if e["end"] - e["start"] > 4000)
    assert "score" not in recs[3] and recs[3]["entities"]
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert err[0].startswith(f"error: {src}:2: left out the value of MONEY")
    assert err[1].startswith(f"error: {src}:4: left out field 'score'")


def test_conll_id_with_newline_cannot_forge_lines(tmp_path, monkeypatch, capsys, extractor):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x\n武\tB-PERSON\r\u2028", "text": "甲"}) + "\n", encoding="utf-8")
    assert run(monkeypatch, extractor, src, "--format", "conll") == 0
    lines = capsys.readouterr().out.split("\n")
    assert lines[0] == "# id = x\\n武\tB-PERSON\\r\\u2028" and lines[1] == "甲\tO" and lines[2:] == ["", ""]


def _failing_load(calls, error):
    def load(segmenter="pkuseg"):
        calls.append(segmenter)
        raise error
    return load


def test_environment_failure_ends_run_once_output_untouched(tmp_path, monkeypatch, capsys):
    src, out = source(tmp_path, 5), tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    calls = []
    missing = tmp_path / "models" / "tagger" / "tagger.onnx"
    monkeypatch.setattr(package, "load", _failing_load(calls, FileNotFoundError(2, "No such file or directory", str(missing))))
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert err == f"error: {missing}: cannot be loaded: No such file or directory\n"
    assert calls == ["tagger"]
    assert out.read_text(encoding="utf-8") == "previous run\n" and not list(tmp_path.glob(".out*"))


def test_environment_model_missing_mid_pipeline(tmp_path, monkeypatch, capsys):
    """A lazily loaded model (the NER stage) that is missing: one message naming it, exit 1,
    although the pipeline itself was built."""
    empty = tmp_path / "models"
    empty.mkdir()
    (empty / "README.md").write_text("empty", encoding="utf-8")
    monkeypatch.setenv("NLP_MODELS_DIR", str(empty))
    src, out = source(tmp_path, 4), tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    assert main(["extract", str(src), "-o", str(out), "-q", "--segmenter", "jieba"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and str(empty / "tagger") in err[0] and "processing failed" not in err[0]
    assert out.read_text(encoding="utf-8") == "previous run\n"


def test_errors_pickle():
    for err in (InputError("a.jsonl", 3, "not valid JSON"), ProcessingError("a.jsonl", 4, RuntimeError("boom")),
                ModelLoadError("/models/ner", "missing")):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and str(back) == str(err)
    back = pickle.loads(pickle.dumps(ProcessingError("a.jsonl", 4, RuntimeError("boom"))))
    assert (back.source, back.line) == ("a.jsonl", 4) and str(back) == "a.jsonl:4: processing failed: RuntimeError: boom"


def test_evaluate_missing_pred_and_gold_entity_without_start(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "武汉市", "entities": [{"start": 0, "end": 3, "label": "GPE"}]}\n\n'
                    '{"text": "湖北省", "entities": [{"end": 3, "label": "GPE"}]}\n', encoding="utf-8")
    assert main(["evaluate", str(gold), "--pred", str(tmp_path / "nope.jsonl")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'nope.jsonl'}: no such file\n"
    assert main(["evaluate", str(gold), "--pred", str(gold)]) == 2
    assert capsys.readouterr().err == f"error: {gold}:3: entity 1: no 'start'\n"


def test_closed_stdout_is_one_line(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("武汉", encoding="utf-8")
    proc = subprocess.run(f"{sys.executable} -m nlp extract {src} >&-", shell=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr == "error: <stdout>: cannot write: standard output is closed\n"
