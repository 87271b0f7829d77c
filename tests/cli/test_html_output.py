"""``extract --format html`` and ``evaluate --html``, driven in-process through ``nlp.cli.main``."""
import json
from pathlib import Path

import pytest

from nlp.cli import main

DEV_GOLD = Path(__file__).resolve().parents[2] / "corpora" / "gold" / "dev.jsonl"


def test_cli_extract_html_writes_one_page(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": f"2021年青岛市新增5G基站{i + 1}万个。<script>x</script>"},
                                      ensure_ascii=False) + "\n" for i in range(3)), encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["extract", str(src), "--format", "html", "-o", str(out), "--segmenter", "jieba", "-q"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count('<section class="doc"') == 3
    assert 'data-label="GPE" title="GPE · 青岛市 · division code 370200' in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    assert not list(tmp_path.glob("*.part"))


def test_cli_evaluate_html_with_predictions(tmp_path, capsys):
    gold = [json.loads(x) for x in DEV_GOLD.read_text(encoding="utf-8").splitlines() if x.strip()][:5]
    pred = json.loads(json.dumps(gold))
    dropped = pred[2]["entities"].pop(0)
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    for path, recs in ((gold_path, gold), (pred_path, pred)):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    out = tmp_path / "eval.html"
    assert main(["evaluate", str(gold_path), "--pred", str(pred_path), "--html", str(out)]) == 0
    assert "micro" in capsys.readouterr().out  # the usual table is still printed
    page = out.read_text(encoding="utf-8")
    assert "5 documents, 1 with errors." in page
    assert '<section class="doc" id="doc-3" data-page="0" data-errors="1">' in page
    assert f'class="entity fn" style="background: ' in page and f"FN: {dropped['label']} · {dropped['text']}" in page


def test_cli_evaluate_html_unwritable_fails_before_scoring(tmp_path, capsys):
    status = main(["evaluate", str(DEV_GOLD), "--pred", str(DEV_GOLD), "--html", str(tmp_path / "no" / "r.html")])
    assert status == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err
