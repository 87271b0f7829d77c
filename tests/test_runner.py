"""The runner: streaming with partial batches, a pipe kept open, worker processes."""
import json
import os
import select
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from nlp.cli import main
from nlp.extract import ready_batches

ROOT = Path(__file__).resolve().parents[1]


def test_runner_ready_batches_hands_over_what_has_arrived():
    more = threading.Event()

    def slow_source():
        yield from ("a", "b", "c")
        more.wait(10)  # the rest of the input is not there yet
        yield from ("d", "e")

    batches = ready_batches(slow_source(), max_chars=1000, max_items=32, size=len)
    start = time.monotonic()
    first = next(batches)
    assert first == ["a", "b", "c"] and time.monotonic() - start < 5
    more.set()
    assert [x for b in batches for x in b] == ["d", "e"]


def test_runner_ready_batches_bounds_and_errors():
    # how full a batch is depends on how far the reader got; its bounds and the order do not
    assert [x for b in ready_batches(iter(range(7)), max_chars=10**6, max_items=3, size=lambda x: 1) for x in b] == list(range(7))
    for batch in ready_batches(iter(range(100)), max_chars=10**6, max_items=3, size=lambda x: 1):
        assert 1 <= len(batch) <= 3

    def broken():
        yield 1
        raise OSError(5, "Input/output error")

    with pytest.raises(OSError, match="Input/output error"):
        list(ready_batches(broken(), max_chars=100, max_items=3, size=lambda x: 1))


def test_runner_pipe_kept_open_answers_each_line():
    proc = subprocess.Popen([sys.executable, "-m", "nlp", "extract", "--segmenter", "jieba"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        for i in range(2):
            proc.stdin.write(json.dumps({"id": f"d{i}", "text": "湖北省武汉市市长李明出席会议。"}).encode() + b"\n")
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 120 if i == 0 else 10)
            assert ready, "no output while stdin stays open"
            rec = json.loads(proc.stdout.readline())
            assert rec["id"] == f"d{i}" and proc.poll() is None
    finally:
        proc.stdin.close()
        proc.wait(60)


def test_runner_n_process_output_byte_identical(tmp_path, capsys):
    texts = ["湖北省武汉市副市长李明表示，产值约286亿元。", "2021年青岛市新增5G基站1.2万个，增长7.2%。",
             "国务院总理李克强在北京会见美国国务卿。", "据新华社报道，浙江省杭州市西湖区人口增长3.5%。"]
    rows = [json.dumps({"id": str(i), "text": texts[i % 4] * (1 + i % 3)}, ensure_ascii=False) for i in range(40)]
    rows.insert(7, "{broken")
    rows.insert(30, '{"id": "x"}')
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    outs = {}
    for n in (1, 2):
        out = tmp_path / f"out{n}.jsonl"
        assert main(["extract", str(src), "-o", str(out), "-q", "--segmenter", "jieba",
                     "--batch-size", "4", "--n-process", str(n)]) == 2
        outs[n] = out.read_bytes()
        err = capsys.readouterr().err.splitlines()
        assert [e.split(":")[2] for e in err] == ["8", "31"]
    assert outs[1] == outs[2] and len(outs[1].splitlines()) == 40
