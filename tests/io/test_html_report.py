"""The HTML reports, rendered from SPEC records (no model, no browser: see test_html_browser.py)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from nlp.io.html_report import (LABEL_COLORS, render_documents, render_evaluation, write_report)
from nlp.labels import LABELS
from nlp.scoring import read_gold, score

ROOT = Path(__file__).resolve().parents[2]

#: One entity of each label, with the values the extractor writes.
ALL_LABELS_TEXT = "湖北省武汉市副市长李明在长江边的东湖公司表示，2022年产量31.5万辆，增长7.2%，产值286亿元。"
ALL_LABELS_ENTITIES = [
    ("湖北省", "GPE", {"value": "420000"}),
    ("武汉市", "GPE", {"value": "420100"}),
    ("副市长", "TITLE", {}),
    ("李明", "PERSON", {}),
    ("长江", "LOC", {}),
    ("东湖公司", "ORG", {}),
    ("2022年", "DATE", {"value": "2022"}),
    ("31.5万辆", "QUANTITY", {"value": 315000, "unit": "辆"}),
    ("7.2%", "PERCENT", {"value": 0.072, "unit": "%"}),
    ("286亿元", "MONEY", {"value": 28600000000, "unit": "元"}),
]


def make_record(text: str, spans, doc_id="d1", relations=None) -> dict:
    ents, pos = [], 0
    for surface, label, extra in spans:
        start = text.index(surface, pos)
        ents.append({"start": start, "end": start + len(surface), "label": label, "text": surface, **extra})
        pos = start + len(surface)
    return {"id": doc_id, "text": text, "entities": ents,
            "relations": relations if relations is not None else {"person_title": [], "city_province": []}}


ALL_LABELS_RECORD = make_record(ALL_LABELS_TEXT, ALL_LABELS_ENTITIES, relations={
    "person_title": [{"person": "李明", "title": "副市长", "org": "武汉市"},
                     {"person": "李明", "title": "代表", "org": None}],
    "city_province": [{"city": "武汉市", "province": "湖北省"}]})


class Elements(HTMLParser):
    """Every element with its attributes and its text (text of nested elements included)."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self._open: list[dict] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(el)
        if tag not in ("meta", "br", "input", "img", "link"):
            self._open.append(el)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i]["tag"] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for el in self._open:
            el["text"] += data

    def find(self, tag, cls=None):
        return [e for e in self.elements if e["tag"] == tag
                and (cls is None or cls in (e["attrs"].get("class") or "").split())]


def marks(markup: str) -> list[dict]:
    """The entity marks, each with its classes, label, title and own text."""
    out = []
    for m in re.finditer(r'<mark class="entity([^"]*)"[^>]*data-label="([^"]*)" title="([^"]*)"[^>]*>(.*?)'
                         r'<span class="label">', markup, flags=re.S):
        own = re.sub(r"<[^>]+>", "", m.group(4))
        parsed = Elements(f"<p>{own}</p>").find("p")[0]["text"]
        out.append({"classes": set(m.group(1).split()), "label": Elements(f'<p a="{m.group(2)}">').find("p")[0]["attrs"]["a"],
                    "title": Elements(f'<p a="{m.group(3)}">').find("p")[0]["attrs"]["a"], "text": parsed})
    return out


# -- the document report --------------------------------------------------------------------

def test_html_report_escapes_every_text_field():
    evil = '<script>alert("x")</script> & <em>bold</em>'
    text = f"开头{evil}，李明<img src=x onerror=alert(1)>说。"
    rec = make_record(text, [("李明", "PERSON", {})], doc_id='"><script>alert(2)</script>')
    rec["entities"].append({"start": text.index("<em>"), "end": text.index("</em>") + 5, "label": "ORG<i>",
                            "text": "<em>bold</em>"})
    rec["entities"].sort(key=lambda e: e["start"])
    rec["title"] = "<script>alert(3)</script>"
    rec["relations"]["person_title"] = [{"person": "<i>李明</i>", "title": "<u>长</u>", "org": "<s>x</s>"}]
    markup = render_documents([rec])
    tree = Elements(markup)
    # our own script is the only script; the text's tags are text, not elements
    assert len(tree.find("script")) == 1
    assert not tree.find("img") and not tree.find("em") and not tree.find("s") and not tree.find("i") and not tree.find("u")
    body_text = " ".join(e["text"] for e in tree.find("section"))
    assert '<script>alert("x")</script>' in body_text and "<img src=x onerror=alert(1)>" in body_text
    assert "<script>alert(3)</script>" in body_text and "<i>李明</i>" in body_text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in markup
    (org,) = [m for m in marks(markup) if m["label"] == "ORG<i>"]
    assert org["text"] == "<em>bold</em>"


def test_html_report_labels_have_their_colours_and_a_legend():
    assert set(LABEL_COLORS) == set(LABELS)
    assert len(set(LABEL_COLORS.values())) == len(LABELS)  # nine different colours
    markup = render_documents([ALL_LABELS_RECORD])
    found = re.findall(r'<mark class="entity[^"]*" style="background: (#[0-9a-f]{6})" data-label="([A-Z]+)"', markup)
    assert {label for _, label in found} == set(LABELS)
    for colour, label in found:
        assert colour == LABEL_COLORS[label]
    legend = Elements(markup).find("div", "legend")[0]["text"]
    for label in LABELS:
        assert label in legend


def test_html_report_shows_values_codes_and_dates_on_hover():
    by_text = {m["text"]: m["title"] for m in marks(render_documents([ALL_LABELS_RECORD]))}
    assert "value 315,000" in by_text["31.5万辆"] and "unit 辆" in by_text["31.5万辆"]
    assert "value 28,600,000,000" in by_text["286亿元"] and "unit 元" in by_text["286亿元"]
    assert "value 0.072 (= 7.2%)" in by_text["7.2%"]
    assert "ISO 2022" in by_text["2022年"]
    assert "division code 420100" in by_text["武汉市"] and "province 湖北省" in by_text["武汉市"]
    assert "division code" not in by_text["李明"]


def test_html_report_relation_rows_and_counts():
    tree = Elements(render_documents([ALL_LABELS_RECORD]))
    pt = tree.find("table", "person-title")[0]
    rows = [e["text"] for e in tree.elements if e["tag"] == "tr" and e in _inside(tree, pt)]
    assert any("李明" in r and "副市长" in r and "武汉市" in r for r in rows)
    assert any("代表" in r and "none named" in r for r in rows)
    cp_rows = [e["text"] for e in tree.elements if e["tag"] == "tr" and e in _inside(tree, tree.find("table", "city-province")[0])]
    assert any(r == "武汉市湖北省420100" for r in cp_rows)
    counts = {e["attrs"]["data-label"]: e["text"] for e in tree.find("span", "count")}
    assert counts == {"PERSON": "PERSON 1", "ORG": "ORG 1", "GPE": "GPE 2", "LOC": "LOC 1", "TITLE": "TITLE 1",
                      "DATE": "DATE 1", "MONEY": "MONEY 1", "PERCENT": "PERCENT 1", "QUANTITY": "QUANTITY 1"}
    assert len(tree.find("section", "doc")) == 1


def _inside(tree: Elements, table: dict) -> list[dict]:
    """The elements after ``table`` whose text is part of the table's text."""
    i = tree.elements.index(table)
    out = []
    for el in tree.elements[i + 1:]:
        if el["tag"] == "table":
            break
        out.append(el)
    return out


def test_html_report_caps_and_paginates_with_a_note():
    recs = [dict(ALL_LABELS_RECORD, id=f"doc-{i}") for i in range(30)]
    markup = render_documents(recs, max_documents=10, page_size=4)
    tree = Elements(markup)
    sections = tree.find("section", "doc")
    assert len(sections) == 10
    assert sorted({s["attrs"]["data-page"] for s in sections}) == ["0", "1", "2"]
    assert tree.find("body")[0]["attrs"]["data-pages"] == "3"
    assert "Showing the first 10 of 30 documents" in markup
    assert "30 documents, 300 entities" in markup  # the summary counts what is not shown
    assert len(tree.find("nav")[0]["text"].split("doc-")) == 11  # a contents entry per document


def test_html_report_of_ten_thousand_documents_stays_small():
    dev = read_gold(ROOT / "corpora" / "gold" / "dev.jsonl")
    markup = render_documents(dev[i % len(dev)] | {"id": f"d{i}"} for i in range(10_000))
    assert len(Elements(markup).find("section", "doc")) == 500
    assert len(markup.encode("utf-8")) < 3_000_000
    assert "Showing the first 500 of 10,000 documents" in markup


def test_html_report_is_self_contained():
    markup = render_documents([ALL_LABELS_RECORD])
    tree = Elements(markup)
    assert not tree.find("link") and not tree.find("img") and not tree.find("iframe")
    assert all("src" not in e["attrs"] for e in tree.elements)
    assert not re.search(r"https?://|url\(", markup)


def test_write_report_replaces_atomically(tmp_path):
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    write_report(target, "<p>new</p>")
    assert target.read_text(encoding="utf-8") == "<p>new</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


# -- the evaluation report ------------------------------------------------------------------

EVAL_TEXT = "湖北省武汉市副市长李明表示，第19届亚运会组委会在杭州，产值约286亿元，增长两成。"
EVAL_GOLD = make_record(EVAL_TEXT, [
    ("湖北省", "GPE", {}), ("武汉市", "GPE", {}), ("副市长", "TITLE", {}), ("李明", "PERSON", {}),
    ("第19届亚运会组委会", "ORG", {}), ("杭州", "GPE", {}),
    ("286亿元", "MONEY", {"value": 28600000000, "unit": "元"}),
    ("两成", "PERCENT", {"value": 0.2, "unit": "%"})],
    relations={"person_title": [{"person": "李明", "title": "副市长", "org": "武汉市"}],
               "city_province": [{"city": "武汉市", "province": "湖北省"}, {"city": "杭州", "province": "浙江省"}]})
EVAL_GOLD["optional"] = [{"start": EVAL_TEXT.index("表示"), "end": EVAL_TEXT.index("表示") + 2, "label": "ORG"}]
EVAL_PRED = make_record(EVAL_TEXT, [
    ("湖北省", "GPE", {}),                                       # TP
    ("副市长", "TITLE", {}), ("李明", "PERSON", {}),               # TP (武汉市 missed: FN)
    ("表示", "ORG", {}),                                          # in an optional span: ignored
    ("亚运会组委会", "ORG", {}),                                   # boundary error: FP + FN
    ("杭州", "LOC", {}),                                          # label error: FP + FN
    ("286亿元", "MONEY", {"value": 2860000000, "unit": "元"}),    # TP with a wrong value
    ("增长", "DATE", {})],                                        # FP; 两成 missed: FN
    relations={"person_title": [{"person": "李明", "title": "市长", "org": "武汉市"}],
               "city_province": [{"city": "武汉市", "province": "湖北省"}]})


def _evaluation(gold=EVAL_GOLD, pred=EVAL_PRED, **kw):
    return render_evaluation([gold], [pred], score([gold], [pred]), **kw)


def test_html_evaluation_marks_each_kind_of_error_in_context():
    by_text = {m["text"]: m for m in marks(_evaluation())}
    assert by_text["湖北省"]["classes"] == {"tp"}
    assert by_text["武汉市"]["classes"] == {"fn"}
    assert by_text["表示"]["classes"] == {"ignored"}
    assert by_text["增长"]["classes"] == {"fp"}
    assert by_text["两成"]["classes"] == {"fn"}
    assert {"tp", "value-error"} <= by_text["286亿元"]["classes"]
    assert "gold value 28,600,000,000 元" in by_text["286亿元"]["title"]
    boundary = by_text["第19届亚运会组委会"]
    assert boundary["classes"] == {"conflict"} and boundary["label"] == "FN ORG / FP ORG"
    assert "gold ORG · 第19届亚运会组委会" in boundary["title"] and "predicted ORG · 亚运会组委会" in boundary["title"]
    assert by_text["杭州"]["label"] == "FN GPE / FP LOC"


def test_html_evaluation_lists_errors_under_the_document():
    tree = Elements(_evaluation())
    (doc,) = tree.find("section", "doc")
    found: list = []
    result = score([EVAL_GOLD], [EVAL_PRED], errors=found)
    assert doc["attrs"]["data-errors"] == str(len(found)) == "11"  # 3 FP, 4 FN, 1 VALUE, 3 relation
    rel = tree.find("table", "relation-errors")[0]
    rel_rows = [e["text"] for e in _inside(tree, rel) if e["tag"] == "tr"][1:]
    assert sorted(rel_rows) == sorted(["person_titlespurious (FP)李明 — 市长", "person_titlemissed (FN)李明 — 副市长",
                                       "city_provincemissed (FN)杭州 — 浙江省"])
    assert result["entities"]["micro"]["tp"] == 4
    entity_rows = [e["text"] for e in _inside(tree, tree.find("table", "entity-errors")[0]) if e["tag"] == "tr"][1:]
    assert sorted(r[:2] for r in entity_rows) == ["FN"] * 4 + ["FP"] * 3
    assert "湖北省[武汉市]副市长" in "".join(entity_rows)  # in its context


def test_html_evaluation_score_table_is_the_scorers():
    result = score([EVAL_GOLD], [EVAL_PRED])
    tree = Elements(_evaluation())
    (row,) = [e["text"] for e in tree.find("tr", "micro")]
    micro = result["entities"]["micro"]
    assert row == f"micro{100 * micro['p']:.1f}{100 * micro['r']:.1f}{100 * micro['f']:.1f}{micro['tp']}{micro['fp']}{micro['fn']}"


def test_html_evaluation_filter_and_documents_without_errors():
    clean = dict(EVAL_GOLD, id="clean")
    markup = render_evaluation([EVAL_GOLD, clean], [EVAL_PRED, clean],
                               score([EVAL_GOLD, clean], [EVAL_PRED, clean]))
    tree = Elements(markup)
    assert tree.find("input")[0]["attrs"]["id"] == "only-errors"
    assert [s["attrs"]["data-errors"] for s in tree.find("section", "doc")] == ["11", "0"]
    assert "2 documents, 1 with errors." in markup
    assert all(m["classes"] == {"tp"} for m in marks(markup.split('id="doc-2"')[1]))


def test_html_evaluation_refuses_unaligned_records():
    with pytest.raises(ValueError):
        render_evaluation([EVAL_GOLD], [], score([EVAL_GOLD], [EVAL_PRED]))


def test_html_evaluation_of_the_dev_gold_against_itself_has_no_errors():
    gold = read_gold(ROOT / "corpora" / "gold" / "dev.jsonl")
    markup = render_evaluation(gold, gold, score(gold, gold))
    assert not [m for m in marks(markup) if m["classes"] - {"tp", "ignored"}]
    assert f"{len(gold)} documents, 0 with errors." in markup
    json.dumps(gold)  # the report did not modify the records
