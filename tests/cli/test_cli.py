"""The command line, driven in-process through ``nlp.cli.main``."""
import json


from nlp.cli import main



def lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_cli_extract_skips_bad_lines_keeps_order(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    good = [{"id": f"d{i}", "text": f"第{i}号文件：2021年青岛市新增5G基站1.2万个。"} for i in range(8)]
    rows = [json.dumps(g, ensure_ascii=False) for g in good]
    rows.insert(3, "{broken")
    rows.insert(6, '{"id": "x", "text": null}')
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = main(["extract", str(src), "-o", str(out), "--segmenter", "jieba", "-q"])
    assert status == 2
    recs = lines(out)
    assert [r["id"] for r in recs] == [g["id"] for g in good]
    err = capsys.readouterr().err
    assert f"{src}:4:" in err and f"{src}:7:" in err
    for r in recs:
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["text"]
    assert not list(tmp_path.glob("*.part"))


def test_cli_extract_fail_mode_stops(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "甲"}\nnot json\n{"text": "乙"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    assert main(["extract", str(src), "-o", str(out), "--on-error", "fail", "--segmenter", "jieba", "-q"]) == 2
    assert out.read_text(encoding="utf-8") == "previous run\n"  # a partial output is never put in place
    assert not list(tmp_path.glob(".out.jsonl*"))
    capsys.readouterr()
    assert main(["extract", str(src), "--on-error", "fail", "--segmenter", "jieba", "-q"]) == 2
    assert [json.loads(x)["text"] for x in capsys.readouterr().out.splitlines()] == ["甲"]


def test_cli_extract_conll(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("增长7.2%。", encoding="utf-8")
    assert main(["extract", str(src), "--format", "conll", "--segmenter", "jieba"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "# id = a" and out[1] == "增\tO"


def test_cli_evaluate_own_predictions_match_pred_file(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "1", "text": "湖北省武汉市副市长李明表示，产值约286亿元。",
                                "entities": [{"start": 0, "end": 3, "label": "GPE", "text": "湖北省"}]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    assert main(["extract", str(gold), "-o", str(pred), "-q"]) == 0
    capsys.readouterr()
    main(["evaluate", str(gold), "--json"])
    direct = json.loads(capsys.readouterr().out)
    main(["evaluate", str(gold), "--pred", str(pred), "--json"])
    from_file = json.loads(capsys.readouterr().out)
    assert direct == from_file


def test_cli_evaluate_missing_gold(capsys):
    assert main(["evaluate", "/nonexistent/gold.jsonl"]) == 2
    assert "/nonexistent/gold.jsonl" in capsys.readouterr().err
