"""Extraction on a real dask.distributed cluster: a scheduler and two worker processes on
loopback; the output must be byte-identical to a one-process run."""
import json
import os
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")

from nlp.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ["湖北省武汉市副市长李明表示，产值约286亿元。", "2021年青岛市新增5G基站1.2万个，增长7.2%。",
         "国务院总理李克强在北京会见美国国务卿。", "据新华社报道，浙江省杭州市西湖区人口增长3.5%。"]


@pytest.fixture(scope="module")
def cluster():
    os.environ.setdefault("PYTHONPATH", str(ROOT))  # the workers import this worktree's nlp
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as c:
        yield c


def test_dask_cli_output_byte_identical_to_one_process(tmp_path, capsys, cluster):
    rows = [json.dumps({"id": str(i), "text": TEXTS[i % 4] * (1 + i % 2)}, ensure_ascii=False) for i in range(30)]
    rows.insert(5, "{broken")
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["extract", str(src), "-o", str(local), "-q", "--segmenter", "jieba"]) == 2
    assert capsys.readouterr().err == f"error: {src}:6: not valid JSON (Expecting property name enclosed in double quotes at column 2)\n"
    assert main(["extract", str(src), "-o", str(remote), "-q", "--segmenter", "jieba", "--batch-size", "4",
                 "--dask", cluster.scheduler_address]) == 2
    assert capsys.readouterr().err == f"error: {src}:6: not valid JSON (Expecting property name enclosed in double quotes at column 2)\n"
    assert remote.read_bytes() == local.read_bytes() and len(local.read_bytes().splitlines()) == 30


def test_dask_extract_bag_matches_local(cluster):
    from nlp.dask import extract_bag
    from nlp.errors import InputError

    lines = [json.dumps({"id": str(i), "text": TEXTS[i % 4]}, ensure_ascii=False) for i in range(12)]
    lines[3] = '{"id": "bad"}'
    with distributed.Client(cluster) as client:
        out = extract_bag(dask_bag.from_sequence(lines, npartitions=3), segmenter="jieba").compute()
        # each worker process loaded the pipeline once (module cache), not once a task
        loaded = client.run(lambda: __import__("nlp.dask").dask._pipelines.keys().__len__())
    assert [r.get("id") if isinstance(r, dict) else "error" for r in out] == \
        ["0", "1", "2", "error"] + [str(i) for i in range(4, 12)]
    assert isinstance(out[3], InputError) and "no 'text' field" in str(out[3])
    assert out[0]["entities"] and all(v <= 1 for v in loaded.values())
