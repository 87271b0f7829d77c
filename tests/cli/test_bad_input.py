"""Bad input files through ``python -m nlp extract`` (in-process): every problem is reported
as ``file[:line]: reason`` on stderr, every good document is still written, in order, the
run exits with status 2, and an interrupted run leaves no output file that looks complete.

Reader-level cases (BOM, CRLF, bad lines) are in tests/io/test_documents.py and the basic
skip/fail runs in tests/cli/test_cli.py; these are the cases those do not cover.
"""
import io
import json
import os
import signal
import sys
import time

import pytest
from spacy.language import Language

import nlp as package
from nlp.cli import main
from nlp.language import create


GOOD = '{"id": "%s", "text": "2021年青岛市新增5G基站1.2万个，增长7.2%%。"}'

# (bad line, what stderr says about it)
BAD_LINES = [
    ("{broken", "not valid JSON"),
    ('{"id": "x"}', "no 'text' field"),
    ('{"text": 5}', "'text' must be a string, not int"),
    ('{"text": ["a"]}', "'text' must be a string, not list"),
    ('["text"]', "must be a JSON object"),
    ('{"text": NaN}', "NaN is not a JSON value"),
    ('{"text": "a\\ud800b"}', "unpaired surrogate \\ud800"),
    ('{"text": "ok", "source": "\\udc00"}', "unpaired surrogate \\udc00"),
    ("[" * 50000 + "]" * 50000, "nested too deeply"),
]


@Language.component("test_bad_input_boom")
def _boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("boom")
    return doc


def run(monkeypatch, extractor, *args):
    """``main(["extract", *args])`` with the session pipeline (no model reload per call)."""
    monkeypatch.setattr(package, "load", lambda segmenter="pkuseg": extractor)
    return main(["extract", *map(str, args), "-q"])


def ids(path):
    return [json.loads(x).get("id") for x in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("bad,reason", BAD_LINES, ids=[reason for _, reason in BAD_LINES])
def test_bad_input_jsonl_line(tmp_path, capsys, monkeypatch, extractor, bad, reason):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join([GOOD % "a", bad, GOOD % "b"]) + "\n", encoding="utf-8")
    assert run(monkeypatch, extractor, src, "-o", out) == 2
    err = capsys.readouterr().err
    assert f"error: {src}:2: " in err and reason in err
    assert ids(out) == ["a", "b"]


def test_bad_input_invalid_utf8_line_and_file(tmp_path, capsys, monkeypatch, extractor):
    src = tmp_path / "in.jsonl"
    src.write_bytes((GOOD % "a").encode() + b'\n{"text": "\xe6\xad\xa6\xff"}\n' + (GOOD % "b").encode() + b"\n")
    txt = tmp_path / "bad.txt"
    txt.write_bytes("第一行\n第二行".encode() + b"\xc3\x28")
    ok = tmp_path / "ok.txt"
    ok.write_text("武汉市委书记", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(monkeypatch, extractor, src, txt, ok, "-o", out) == 2
    err = capsys.readouterr().err
    assert f"{src}:2: invalid UTF-8 byte at column" in err
    assert f"{txt}:2: invalid UTF-8 byte at offset" in err
    assert ids(out) == ["a", "b", "ok"]


def test_bad_input_bom_and_crlf_are_fine(tmp_path, capsys, monkeypatch, extractor):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + (GOOD % "a").encode() + b"\r\n" + (GOOD % "b").encode() + b"\r\n")
    txt = tmp_path / "t.txt"
    txt.write_bytes(b"\xef\xbb\xbf" + "武汉市\r\n委书记".encode())
    out = tmp_path / "out.jsonl"
    assert run(monkeypatch, extractor, src, txt, "-o", out) == 0
    assert capsys.readouterr().err == ""
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["a", "b", "t"]
    assert recs[2]["text"] == "武汉市\n委书记"
    assert not any("\r" in r["text"] or "\ufeff" in r["text"] for r in recs)


def test_bad_input_empty_files(tmp_path, capsys, monkeypatch, extractor):
    empty_jsonl = tmp_path / "e.jsonl"
    empty_jsonl.write_bytes(b"")
    blank_jsonl = tmp_path / "b.jsonl"
    blank_jsonl.write_bytes(b"\n \r\n\n")
    empty_txt = tmp_path / "e.txt"
    empty_txt.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert run(monkeypatch, extractor, empty_jsonl, blank_jsonl, empty_txt, "-o", out) == 2
    err = capsys.readouterr().err
    assert f"error: {empty_jsonl}: empty file: no documents" in err
    assert f"error: {blank_jsonl}: empty file: no documents" in err
    # an empty text file is one (empty) document: one output line per input document
    [rec] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rec == {"id": "e", "text": "", "entities": [], "relations": {"person_title": [], "city_province": []}}


def test_bad_input_directory_and_missing_file_keep_order(tmp_path, capsys, monkeypatch, extractor):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("湖北省武汉市", encoding="utf-8")
    b.write_text("增长7.2%", encoding="utf-8")
    missing, folder = tmp_path / "nope.jsonl", tmp_path / "sub"
    folder.mkdir()
    out = tmp_path / "out.jsonl"
    assert run(monkeypatch, extractor, a, missing, folder, b, "-o", out) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"error: {missing}: no such file",
                   f"error: {folder}: directory holds no .jsonl/.txt/.html/.htm/.md files"]
    assert ids(out) == ["a", "b"]


def test_bad_input_unreadable_file(tmp_path, capsys, monkeypatch, extractor):
    src = tmp_path / "a.txt"
    src.write_text("武汉", encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(src), "read_bytes", denied)
    assert run(monkeypatch, extractor, src) == 2
    assert f"error: {src}: cannot read: Permission denied" in capsys.readouterr().err


def test_bad_input_five_bad_lines_among_good(tmp_path, capsys, monkeypatch, extractor):
    rows = [GOOD % i for i in range(100)]
    for k, (bad, _) in zip((0, 17, 50, 51, 99), BAD_LINES):
        rows.insert(k, bad)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert run(monkeypatch, extractor, src, "-o", out) == 2
    err = [x for x in capsys.readouterr().err.splitlines() if x.startswith("error:")]
    assert [int(x.split(":")[2]) for x in err] == [1, 18, 51, 52, 100]
    assert ids(out) == [str(i) for i in range(100)]


def test_bad_input_pipeline_error_skips_only_that_document(tmp_path, capsys, monkeypatch, extractor):
    boom = create(segmenter="jieba", pipes=())
    boom.add_pipe("test_bad_input_boom")
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join([GOOD % "a", '{"id": "x", "text": "BOOM"}', GOOD % "b"]) + "\n", encoding="utf-8")
    assert run(monkeypatch, boom, src, "-o", out) == 2
    assert f"error: {src}:2: processing failed: RuntimeError: boom" in capsys.readouterr().err
    assert ids(out) == ["a", "b"]


def test_bad_input_stdin(monkeypatch, capsys, extractor):
    data = ((GOOD % "a") + "\nnot json\n" + (GOOD % "b") + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert run(monkeypatch, extractor, "-") == 2
    out = capsys.readouterr()
    assert [json.loads(x)["id"] for x in out.out.splitlines()] == ["a", "b"]
    assert "error: <stdin>:2: not valid JSON" in out.err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("武汉\n".encode() + b"\xff")))
    assert run(monkeypatch, extractor) == 2
    assert "error: <stdin>:2: invalid UTF-8" in capsys.readouterr().err


def test_bad_input_output_path_errors(tmp_path, capsys, monkeypatch, extractor):
    src = tmp_path / "a.txt"
    src.write_text("武汉", encoding="utf-8")
    assert run(monkeypatch, extractor, src, "-o", tmp_path / "no" / "out.jsonl") == 2
    assert "cannot write: No such file or directory" in capsys.readouterr().err
    assert run(monkeypatch, extractor, src, "-o", tmp_path) == 2
    assert "cannot write: is a directory" in capsys.readouterr().err


def test_bad_input_output_file_gets_normal_permissions(tmp_path, monkeypatch, extractor):
    src, out = tmp_path / "a.txt", tmp_path / "out.jsonl"
    src.write_text("武汉", encoding="utf-8")
    old = os.umask(0o022)
    try:
        assert run(monkeypatch, extractor, src, "-o", out) == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


class Stop(Exception):
    pass


def _interrupt_after(monkeypatch, n, exc):
    """Make the CLI's writer raise ``exc`` (or send SIGTERM) when writing record ``n``."""
    import nlp.cli.extract as cli_extract

    real, calls = cli_extract.write_jsonl, []

    def write(records, out):
        calls.append(1)
        if len(calls) == n:
            if exc == "SIGTERM":
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)  # the handler raises SystemExit here
            raise exc
        real(records, out)

    monkeypatch.setattr(cli_extract, "write_jsonl", write)


@pytest.mark.parametrize("exc", [Stop("disk on fire"), KeyboardInterrupt(), "SIGTERM"], ids=["error", "ctrl-c", "sigterm"])
@pytest.mark.parametrize("old_output", [False, True], ids=["new", "existing"])
def test_bad_input_interrupted_run_leaves_no_truncated_output(tmp_path, monkeypatch, extractor, exc, old_output):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(GOOD % i for i in range(6)) + "\n", encoding="utf-8")
    if old_output:
        out.write_text("previous run\n", encoding="utf-8")
    _interrupt_after(monkeypatch, 3, exc)
    handler = signal.getsignal(signal.SIGTERM)
    if exc == "SIGTERM":
        with pytest.raises(SystemExit) as info:
            run(monkeypatch, extractor, src, "-o", out)
        assert info.value.code == 128 + signal.SIGTERM
    elif isinstance(exc, KeyboardInterrupt):
        assert run(monkeypatch, extractor, src, "-o", out) == 130
    else:
        with pytest.raises(Stop):
            run(monkeypatch, extractor, src, "-o", out)
    assert signal.getsignal(signal.SIGTERM) == handler  # the CLI's handler is gone again
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".out.jsonl*"))
    if old_output:
        assert out.read_text(encoding="utf-8") == "previous run\n"
    else:
        assert not out.exists()
