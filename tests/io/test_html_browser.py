"""The HTML reports in a real browser: Debian's chromium, headless, reading the DOM it built.

``.ci/run`` installs chromium when it is missing; without it these tests are skipped. Each test
leaves a PNG screenshot under ``build/test-artifacts/`` (git-ignored) for a person to look at.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from nlp.io.html_report import render_documents, write_report
from nlp.labels import LABELS

ROOT = Path(__file__).resolve().parents[2]
NEWS_PAGE = ROOT / "corpora" / "samples" / "gigabit_cities_2021-12-25.md"
DEV_GOLD = ROOT / "corpora" / "gold" / "dev.jsonl"
ARTIFACTS = ROOT / "build" / "test-artifacts"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")]

# No network, no first-run work, a throw-away profile; --no-sandbox because CI runs as root.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-default-apps", "--disable-extensions"]


def chromium(tmp_path: Path, url: str, *args: str) -> str:
    """Run chromium once on ``url``; RETURNS its stdout (the DOM for ``--dump-dom``)."""
    profile = tmp_path / "chromium-profile"
    proc = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, url],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def dump_dom(tmp_path: Path, page: Path, fragment: str = "") -> "Elements":
    dom = chromium(tmp_path, page.as_uri() + fragment, "--dump-dom")
    assert "<html" in dom[:100] and "</body>" in dom, dom[:200]
    return Elements(dom)


def screenshot(tmp_path: Path, page: Path, name: str, fragment: str = "", size: str = "1280,2400") -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png = ARTIFACTS / name
    png.unlink(missing_ok=True)
    chromium(tmp_path, page.as_uri() + fragment, f"--screenshot={png}", f"--window-size={size}",
             "--hide-scrollbars")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    return png


class Elements(HTMLParser):
    """The elements of a page, each with its attributes and its text (nested text included)."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self._open: list[dict] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": "", "children": []}
        if self._open:
            self._open[-1]["children"].append(el)
        self.elements.append(el)
        if tag not in ("meta", "br", "input", "img", "link", "hr"):
            self._open.append(el)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i]["tag"] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for el in self._open:
            el["text"] += data

    def find(self, tag, cls=None, root=None):
        """The elements ``tag`` (of class ``cls``), in the whole page or under ``root``."""
        pool = self.elements if root is None else list(_descendants(root))
        return [e for e in pool if e["tag"] == tag
                and (cls is None or cls in (e["attrs"].get("class") or "").split())]


def _descendants(el: dict):
    for child in el["children"]:
        yield child
        yield from _descendants(child)


def own_text(mark: dict) -> str:
    """An entity mark's text without its label and status badges."""
    badges = "".join(c["text"] for c in mark["children"] if "label" in c["attrs"].get("class", "").split()
                     or "status" in c["attrs"].get("class", "").split())
    return mark["text"][: len(mark["text"]) - len(badges)] if badges else mark["text"]


def table_rows(tree: Elements, cls: str) -> list[list[str]]:
    (table,) = tree.find("table", cls)
    return [[td["text"] for td in tree.find("td", root=tr)] for tr in tree.find("tr", root=table)
            if tree.find("td", root=tr)]


@pytest.fixture(scope="module")
def news_report(tmp_path_factory) -> Path:
    """``python -m nlp extract NEWS_PAGE --format html -o report.html``, in a fresh process."""
    out = tmp_path_factory.mktemp("news") / "news_report.html"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "nlp", "extract", str(NEWS_PAGE), "--format", "html",
                           "-o", str(out), "-q"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out


def test_browser_news_report_shows_entities_relations_and_legend(news_report, tmp_path):
    tree = dump_dom(tmp_path, news_report)
    assert "js" in tree.find("body")[0]["attrs"].get("class", "").split()  # the script ran
    marks = tree.find("mark", "entity", root=tree.find("section", "doc")[0])
    assert len(marks) >= 80
    for m in marks:  # each highlight names its label
        (label,) = [c["text"] for c in m["children"] if c["attrs"].get("class") == "label"]
        assert label == m["attrs"]["data-label"]
    by_text = {own_text(m): m for m in marks}
    assert {m["attrs"]["data-label"] for m in marks} >= {"PERSON", "ORG", "GPE", "TITLE", "DATE", "QUANTITY", "PERCENT"}
    assert by_text["韩夏"]["attrs"]["data-label"] == "PERSON"
    assert "division code 370200" in by_text["青岛市"]["attrs"]["title"]
    assert "unit 个" in by_text["139.6万个"]["attrs"]["title"]
    officials = table_rows(tree, "person-title")
    assert len(officials) >= 5 and ["赵豪志", "市长", "青岛市"] in officials
    cities = table_rows(tree, "city-province")
    assert len(cities) >= 10 and ["青岛市", "山东省", "370200"] in cities
    legend = tree.find("div", "legend")[0]["text"]
    assert all(label in legend for label in LABELS)
    screenshot(tmp_path, news_report, "news_report.png", size="1280,3000")


def test_browser_news_report_popup_on_click(news_report, tmp_path):
    clicked = tmp_path / "clicked.html"  # the report, plus a click on its first quantity
    clicked.write_text(news_report.read_text(encoding="utf-8").replace("</body>", (
        '<script>[].slice.call(document.querySelectorAll("mark.entity"))'
        '.filter(function (m) { return m.dataset.label === "QUANTITY"; })[0].click();</script></body>')),
        encoding="utf-8")
    (popup,) = [e for e in dump_dom(tmp_path, clicked).elements if e["attrs"].get("id") == "popup"]
    assert "hidden" not in popup["attrs"]
    assert popup["text"].startswith("QUANTITY · ") and " · value " in popup["text"] and " · unit " in popup["text"]
    left = float(re.search(r"left: ([\d.]+)px", popup["attrs"]["style"]).group(1))
    assert 0 <= left < 1280


def test_browser_renders_a_script_in_a_document_as_text(tmp_path):
    payload = '<script>document.body.setAttribute("data-pwned", "1")</script><img src=x onerror="document.title=1">'
    text = f"李明说：{payload}。"
    rec = {"id": "<b>id</b>", "text": text, "relations": {"person_title": [], "city_province": []},
           "entities": [{"start": 0, "end": 2, "label": "PERSON", "text": "李明"}]}
    page = tmp_path / "escape.html"
    write_report(page, render_documents([rec], title="<script>x</script>"))
    tree = dump_dom(tmp_path, page)
    assert "data-pwned" not in tree.find("body")[0]["attrs"]
    assert tree.find("title")[0]["text"] == "<script>x</script>"
    assert len(tree.find("script")) == 1 and not tree.find("img")
    assert payload in tree.find("div", "entities")[0]["text"]
    assert "<b>id</b>" in tree.find("h2")[0]["text"]


def perturbed(gold: list[dict]) -> list[dict]:
    """Predictions with known errors: some entities dropped (FN), some cut short (FP + FN),
    a value changed, a relation dropped."""
    pred = json.loads(json.dumps(gold))
    for i, rec in enumerate(pred):
        rec.pop("optional", None)
        ents = rec["entities"]
        if i % 10 == 3 and ents:
            ents.pop(0)
        if i % 10 == 7 and ents and ents[-1]["end"] - ents[-1]["start"] > 1:
            ents[-1]["end"] -= 1
            ents[-1]["text"] = rec["text"][ents[-1]["start"]:ents[-1]["end"]]
        if i % 20 == 5:
            for e in ents:
                if e["label"] == "MONEY":
                    e["value"] *= 10
                    break
        if i % 20 == 11 and (rec.get("relations") or {}).get("city_province"):
            rec["relations"]["city_province"].pop()
    return pred


def test_browser_evaluation_report_marks_errors_and_filters(tmp_path):
    gold = [json.loads(line) for line in DEV_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in perturbed(gold)), encoding="utf-8")
    page = tmp_path / "evaluation.html"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "nlp", "evaluate", str(DEV_GOLD), "--pred", str(pred_path),
                           "--html", str(page)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    tree = dump_dom(tmp_path, page, "#errors")
    body = tree.find("body")[0]
    assert {"js", "only-errors"} <= set(body["attrs"]["class"].split())  # the filter link applied
    assert tree.find("input")[0]["attrs"]["id"] == "only-errors"
    assert tree.find("tr", "micro")
    sections = tree.find("section", "doc")
    assert len(sections) == len(gold)
    with_errors = [s for s in sections if s["attrs"]["data-errors"] != "0"]
    assert 0 < len(with_errors) < len(sections)
    classes = {c for s in sections for m in tree.find("mark", "entity", root=s) for c in m["attrs"]["class"].split()}
    assert {"tp", "fn", "conflict", "value-error"} <= classes
    assert any(tree.find("table", "relation-errors", root=s) for s in with_errors)
    screenshot(tmp_path, page, "evaluation_report.png", fragment="#errors")


def test_browser_pages_and_links_to_a_document_on_another_page(tmp_path):
    rec = {"text": "青岛市新增5G基站1.2万个。", "relations": {},
           "entities": [{"start": 0, "end": 3, "label": "GPE", "text": "青岛市", "value": "370200"}]}
    page = tmp_path / "pages.html"
    write_report(page, render_documents([dict(rec, id=f"n{i}") for i in range(120)], page_size=50))
    first = dump_dom(tmp_path, page)
    shown = [s["attrs"]["id"] for s in first.find("section", "doc") if "hidden" not in s["attrs"]]
    assert shown == [f"doc-{i}" for i in range(1, 51)]
    assert [e["text"] for e in first.elements if e["attrs"].get("id") == "page-label"] == ["page 1 of 3"]
    linked = dump_dom(tmp_path, page, "#doc-75")  # a contents link opens the document's page
    shown = [s["attrs"]["id"] for s in linked.find("section", "doc") if "hidden" not in s["attrs"]]
    assert shown == [f"doc-{i}" for i in range(51, 101)]
