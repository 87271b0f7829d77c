"""HTML reports: the entities and relations of a run, and the errors of an evaluation.

Both reports are one self-contained HTML file (inline CSS and JavaScript, system fonts, no
network) rendered from SPEC records (the dicts of SPEC section 2), so they work on any JSONL
output, ours or another tool's. Entity markup comes from displaCy's entity renderer in manual
mode, with a colour for each of our labels; everything else is plain HTML built here, and every
piece of text from a record is HTML-escaped on the way in.

- ``render_documents(records)``: each document's text with its entities highlighted (hover or
  click an entity for its value and unit, ISO date or division code), the entity count per
  label, and the relation tables (official - title - organisation; city - province - code).
- ``render_evaluation(gold, pred, scores)``: the score table of ``nlp.scoring.score``, then
  each document with its true positives, false positives and false negatives marked in
  context, its value and relation errors listed, and a checkbox to show only documents with
  errors. Per-document errors come from the same scorer, run on that document alone.

A report shows at most ``max_documents`` documents (the others are counted in the summary and
a note says how many were left out), ``page_size`` to a page; a table of contents links to each.
"""
from __future__ import annotations

import html
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Iterable

from ..labels import LABELS, NUMERIC_LABELS, RELATION_KINDS
from .html_assets import CSS, SCRIPT
from ..scoring import score

#: Background colour of each label's highlight (displaCy's colours where it has the label).
LABEL_COLORS = {
    "PERSON": "#aa9cfc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "TITLE": "#f7a8d8",
    "DATE": "#bfe1d9",
    "MONEY": "#9be39b",
    "PERCENT": "#8fc1ff",
    "QUANTITY": "#e6d3a3",
}
#: Colour of labels outside the nine (CARDINAL, a foreign gold's PLACE, ...).
OTHER_COLOR = "#dddddd"

LABEL_NAMES = {
    "PERSON": "person", "ORG": "organisation", "GPE": "geo-political place", "LOC": "other place",
    "TITLE": "title or post", "DATE": "date", "MONEY": "money", "PERCENT": "ratio",
    "QUANTITY": "quantity",
}

DEFAULT_MAX_DOCUMENTS = 500
DEFAULT_PAGE_SIZE = 50

# displaCy fills {bg} {text} {label} {kb_link}; our spans' ``params`` fill the rest and
# override {label} with an escaped copy (displaCy escapes the text, not the label).
_ENT_TEMPLATE = ('<mark class="entity{cls}" style="background: {bg}" data-label="{label}"'
                 ' title="{detail}" tabindex="0">{text}'
                 '<span class="label">{label}</span>{status}</mark>')

# Entity status in an evaluation: CSS class and the word shown on the mark.
TP, FP, FN, IGNORED, CONFLICT = "tp", "fp", "fn", "ignored", "conflict"
_STATUS_WORDS = {TP: "", FP: "FP", FN: "FN", IGNORED: "optional", CONFLICT: ""}
_STATUS_NAMES = {
    TP: "true positive: predicted as in the gold",
    FP: "false positive: predicted, not in the gold",
    FN: "false negative: in the gold, not predicted",
    CONFLICT: "boundary or label error: gold (dashed underline) and prediction (colour) overlap",
    IGNORED: "predicted within an optional gold span or with an unscored label: not counted",
}


def esc(value) -> str:
    """RETURNS ``value`` as text safe in HTML content and in quoted attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def label_color(label: str) -> str:
    """RETURNS the highlight colour of ``label``."""
    return LABEL_COLORS.get(label, OTHER_COLOR)


# -- what an entity's popup says ------------------------------------------------------------

def format_number(value) -> str:
    """RETURNS a number with thousands separators, without a float's trailing noise."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.10g}"


def entity_detail(ent: dict, province: str | None = None) -> str:
    """RETURNS the one-line description of an entity: label, text and its normalised value."""
    parts = [ent.get("label", ""), ent.get("text", "")]
    value, unit, label = ent.get("value"), ent.get("unit"), ent.get("label")
    if label in NUMERIC_LABELS and value is not None:
        parts.append(f"value {format_number(value)}")
        if label == "PERCENT" and isinstance(value, (int, float)):
            parts[-1] += f" (= {format_number(round(value * 100, 10))}%)"
        if unit is not None:
            parts.append(f"unit {unit}")
    elif label == "DATE" and value is not None:
        parts.append(f"ISO {value}")
    elif label == "GPE" and value is not None:
        parts.append(f"division code {value}")
    elif value is not None:
        parts.append(f"value {value}")
    if province:
        parts.append(f"province {province}")
    return " · ".join(str(p) for p in parts if p != "")


def valid_entities(rec: dict) -> list[dict]:
    """RETURNS the record's entities sorted, without spans outside the text or overlapping
    an earlier one (displaCy needs non-overlapping spans; SPEC output has none)."""
    n = len(rec.get("text") or "")
    out, end = [], 0
    ents = [e for e in rec.get("entities") or []
            if isinstance(e.get("start"), int) and isinstance(e.get("end"), int) and 0 <= e["start"] < e["end"] <= n]
    for e in sorted(ents, key=lambda e: (e["start"], e["end"])):
        if e["start"] < end:
            continue
        out.append(e)
        end = e["end"]
    return out


def _displacy(text: str, spans: list[dict]) -> str:
    # imported here, not at the top: the CLI imports this module, and `--help` must not pay
    # for importing spaCy
    from spacy import displacy

    return displacy.render([{"text": text, "ents": spans, "title": None}], style="ent", manual=True,
                           jupyter=False, options={"colors": LABEL_COLORS, "template": _ENT_TEMPLATE})


def _span(start: int, end: int, label: str, detail: str, cls: str = "", status: str = "", **extra) -> dict:
    params = {"label": esc(label), "detail": esc(detail), "cls": f" {cls}" if cls else "",
              "status": f'<span class="status">{esc(status)}</span>' if status else ""}
    params.update(extra)
    return {"start": start, "end": end, "label": label, "params": params}


# -- the document report --------------------------------------------------------------------

class DocumentReport:
    """Collects records one by one (so a long run needs no list of them) and renders the report.

    max_documents (int): documents rendered; the rest are counted only.
    page_size (int): documents per page.
    """

    def __init__(self, *, title: str = "Entities and relations", max_documents: int = DEFAULT_MAX_DOCUMENTS,
                 page_size: int = DEFAULT_PAGE_SIZE) -> None:
        self.title = title
        self.max_documents = max_documents
        self.page_size = max(1, page_size)
        self.n_documents = 0
        self.label_totals: Counter = Counter()
        self.relation_totals: Counter = Counter()
        self._sections: list[str] = []
        self._toc: list[str] = []

    def add(self, rec: dict) -> None:
        """Count one record, and render it if it is within ``max_documents``."""
        i = self.n_documents
        self.n_documents += 1
        ents = valid_entities(rec)
        counts = Counter(e["label"] for e in ents)
        self.label_totals.update(counts)
        rels = rec.get("relations") or {}
        for kind in RELATION_KINDS:
            self.relation_totals[kind] += len(rels.get(kind) or [])
        if i >= self.max_documents:
            return
        doc_id = rec.get("id") if rec.get("id") is not None else f"#{i + 1}"
        page = i // self.page_size
        self._toc.append(f'<li data-page="{page}"><a href="#doc-{i + 1}">{esc(doc_id)}</a>'
                         f' <span class="muted">{len(ents)} entities</span></li>')
        provinces = {r.get("city"): r.get("province") for r in rels.get("city_province") or []}
        spans = [_span(e["start"], e["end"], e["label"],
                       entity_detail(e, provinces.get(e.get("text")) if e["label"] == "GPE" else None))
                 for e in ents]
        self._sections.append(
            f'<section class="doc" id="doc-{i + 1}" data-page="{page}" data-errors="0">'
            + _doc_header(i, doc_id, rec, len(ents))
            + _label_counts(counts)
            + _displacy(rec.get("text") or "", spans)
            + _relation_tables(rels, ents)
            + "</section>")

    def render(self) -> str:
        """RETURNS the whole HTML page."""
        shown = min(self.n_documents, self.max_documents)
        summary = [f"<p>{self.n_documents:,} documents, {sum(self.label_totals.values()):,} entities; "
                   + ", ".join(f"{esc(k)} {self.relation_totals[k]:,}" for k in RELATION_KINDS) + ".</p>",
                   _label_counts(self.label_totals, cls="totals")]
        if shown < self.n_documents:
            summary.append(_cap_note(shown, self.n_documents))
        return _page(self.title, '<div class="summary">' + "".join(summary) + "</div>" + _legend(),
                     self._toc, self._sections,
                     self.page_size, filter_box=False)


def render_documents(records: Iterable[dict], *, title: str = "Entities and relations",
                     max_documents: int = DEFAULT_MAX_DOCUMENTS, page_size: int = DEFAULT_PAGE_SIZE) -> str:
    """Render SPEC records as one HTML page of highlighted entities and relation tables.

    records (Iterable[dict]): SPEC output records (``text``, ``entities``, ``relations``, ...).
    RETURNS (str): the HTML page.
    """
    report = DocumentReport(title=title, max_documents=max_documents, page_size=page_size)
    for rec in records:
        report.add(rec)
    return report.render()


# -- the evaluation report ------------------------------------------------------------------

def document_errors(gold: dict, pred: dict, labels: Iterable[str] | None = None) -> list[dict]:
    """RETURNS the scorer's error entries (FP, FN, VALUE, relation FP/FN) for one document."""
    errors: list = []
    score([gold], [pred], labels=labels, errors=errors)
    return errors


def classify_entities(gold: dict, pred: dict, errors: list[dict]) -> tuple[dict, dict]:
    """RETURNS ``(gold_status, pred_status)``: (start, end) -> TP / FN / None (not scored) for
    gold entities and TP / FP / IGNORED for predicted ones, read off the scorer's errors.

    Spans within one record do not overlap, so (start, end) names one entity of each side.
    """
    fp = {(e["start"], e["end"]) for e in errors if e.get("kind") == "FP"}
    fn = {(e["start"], e["end"]) for e in errors if e.get("kind") == "FN"}
    pred_spans = {(e["start"], e["end"]) for e in valid_entities(pred)}
    gold_status, pred_status = {}, {}
    for e in valid_entities(gold):
        key = (e["start"], e["end"])
        gold_status[key] = FN if key in fn else (TP if key in pred_spans and key not in fp else None)
    for e in valid_entities(pred):
        key = (e["start"], e["end"])
        pred_status[key] = FP if key in fp else (TP if gold_status.get(key) == TP else IGNORED)
    return gold_status, pred_status


def render_evaluation(gold_records: list[dict], pred_records: list[dict], scores: dict, *,
                      title: str = "Evaluation", source: str = "",
                      max_documents: int = DEFAULT_MAX_DOCUMENTS, page_size: int = DEFAULT_PAGE_SIZE) -> str:
    """Render an evaluation: the score table, then each document's errors in context.

    gold_records, pred_records (list[dict]): aligned SPEC records.
    scores (dict): ``nlp.scoring.score(gold_records, pred_records)``; its labels are used.
    source (str): a line saying what was scored against what.
    RETURNS (str): the HTML page.
    """
    if len(gold_records) != len(pred_records):
        raise ValueError(f"gold has {len(gold_records)} documents, predictions {len(pred_records)}")
    labels = scores.get("labels")
    sections, toc = [], []
    n_with_errors = hidden_with_errors = 0
    for i, (g, p) in enumerate(zip(gold_records, pred_records)):
        errors = document_errors(g, p, labels)
        n_with_errors += bool(errors)
        if i >= max_documents:
            hidden_with_errors += bool(errors)
            continue
        doc_id = g.get("id") if g.get("id") is not None else f"#{i + 1}"
        page = i // max(1, page_size)
        n_err = len(errors)
        toc.append(f'<li data-page="{page}" data-errors="{n_err}"><a href="#doc-{i + 1}">{esc(doc_id)}</a> '
                   + (f'<span class="badge err">{n_err} error{"s" if n_err > 1 else ""}</span>' if n_err
                      else '<span class="muted">ok</span>')
                   + "</li>")
        sections.append(f'<section class="doc" id="doc-{i + 1}" data-page="{page}" data-errors="{n_err}">'
                        + _doc_header(i, doc_id, g, None, errors)
                        + _evaluation_markup(g, p, errors)
                        + _error_list(errors)
                        + "</section>")
    shown = min(len(gold_records), max_documents)
    top = [f"<p>{esc(source)}</p>" if source else "",
           f"<p>{len(gold_records):,} documents, {n_with_errors:,} with errors.</p>",
           score_table(scores)]
    if shown < len(gold_records):
        top.append(_cap_note(shown, len(gold_records), hidden_with_errors))
    return _page(title, '<div class="summary">' + "".join(top) + "</div>" + _legend(statuses=True),
                 toc, sections, page_size, filter_box=True)


def score_table(scores: dict) -> str:
    """RETURNS the HTML table of a ``nlp.scoring.score`` result."""
    def pct(x):
        return "–" if x is None else f"{100 * x:.1f}"

    rows = ['<table class="scores"><thead><tr><th>label</th><th>P</th><th>R</th><th>F1</th>'
            '<th>tp</th><th>fp</th><th>fn</th></tr></thead><tbody>']
    for lab, s in scores["entities"].items():
        if lab != "micro" and not (s["tp"] or s["fp"] or s["fn"]):
            continue
        cls = ' class="micro"' if lab == "micro" else ""
        chip = "" if lab == "micro" else f'<span class="chip" style="background:{label_color(lab)}"></span>'
        rows.append(f"<tr{cls}><td>{chip}{esc(lab)}</td><td>{pct(s['p'])}</td><td>{pct(s['r'])}</td>"
                    f"<td>{pct(s['f'])}</td><td>{s['tp']}</td><td>{s['fp']}</td><td>{s['fn']}</td></tr>")
    for kind in RELATION_KINDS:
        s = (scores.get("relations") or {}).get(kind)
        if s and (s["tp"] or s["fp"] or s["fn"]):
            rows.append(f'<tr class="relation"><td>{esc(kind)}</td><td>{pct(s["p"])}</td><td>{pct(s["r"])}</td>'
                        f'<td>{pct(s["f"])}</td><td>{s["tp"]}</td><td>{s["fp"]}</td><td>{s["fn"]}</td></tr>')
    rows.append("</tbody></table>")
    v = scores.get("values") or {}
    extra = []
    if v.get("total"):
        extra.append(f"value accuracy (MONEY/PERCENT/QUANTITY) {pct(v['accuracy'])} ({v['correct']}/{v['total']})")
    pt = (scores.get("relations") or {}).get("person_title") or {}
    if pt.get("org_accuracy") is not None:
        extra.append(f"person_title org accuracy {pct(pt['org_accuracy'])}")
    if extra:
        rows.append('<p class="muted">' + "; ".join(esc(x) for x in extra) + "</p>")
    return "".join(rows)


def _evaluation_markup(gold: dict, pred: dict, errors: list[dict]) -> str:
    """The text with gold and predicted entities merged: one mark per cluster of overlapping
    spans (a TP, an FN, an FP, or a boundary/label conflict of several)."""
    text = gold.get("text") or ""
    gold_status, pred_status = classify_entities(gold, pred, errors)
    value_errors = {(e.get("text"), e.get("label")): e for e in errors if e.get("kind") == "VALUE"}
    items = [("gold", e) for e in valid_entities(gold) if gold_status.get((e["start"], e["end"])) is not None]
    items += [("pred", e) for e in valid_entities(pred)]
    items.sort(key=lambda x: (x[1]["start"], x[1]["end"]))
    clusters: list[list] = []
    for side, e in items:
        if clusters and e["start"] < max(x[1]["end"] for x in clusters[-1]):
            clusters[-1].append((side, e))
        else:
            clusters.append([(side, e)])
    spans = []
    for cluster in clusters:
        golds = [e for side, e in cluster if side == "gold"]
        preds = [e for side, e in cluster if side == "pred"]
        start = min(e["start"] for _, e in cluster)
        end = max(e["end"] for _, e in cluster)
        if len(golds) == 1 and len(preds) == 1 and pred_status[(preds[0]["start"], preds[0]["end"])] == TP:
            g, p = golds[0], preds[0]
            verr = value_errors.get((g.get("text"), g.get("label")))
            detail = entity_detail(p)
            cls = TP
            if verr is not None and verr.get("pred") == [p.get("value"), p.get("unit")]:
                cls += " value-error"
                detail += f" · gold value {format_number(g.get('value'))} {g.get('unit') or ''}".rstrip()
            spans.append(_span(start, end, p["label"], detail, cls, _STATUS_WORDS[TP]))
        elif len(cluster) == 1:
            side, e = cluster[0]
            status = FN if side == "gold" else pred_status[(e["start"], e["end"])]
            spans.append(_span(start, end, e["label"], f"{_STATUS_WORDS[status] or status}: {entity_detail(e)}",
                               status, _STATUS_WORDS[status]))
        else:
            spans.append(_conflict_span(text, start, end, golds, preds, gold_status, pred_status))
    return _displacy(text, spans)


def _conflict_span(text, start, end, golds, preds, gold_status, pred_status) -> dict:
    """One mark over overlapping gold and predicted spans: the predicted spans coloured by
    label, the gold spans underlined, and the label naming both sides."""
    cuts = sorted({start, end, *(e["start"] for e in golds + preds), *(e["end"] for e in golds + preds)})
    inner = []
    for a, b in zip(cuts, cuts[1:]):
        g = next((e for e in golds if e["start"] <= a and b <= e["end"]), None)
        p = next((e for e in preds if e["start"] <= a and b <= e["end"]), None)
        style = f' style="background:{label_color(p["label"])}"' if p else ""
        cls = "seg" + (" in-gold" if g else "") + (" in-pred" if p else "")
        inner.append(f'<span class="{cls}"{style}>{esc(text[a:b])}</span>')

    def side(e, status):
        return f"{_STATUS_WORDS.get(status) or status} {e['label']}"

    label = " / ".join([side(e, gold_status[(e["start"], e["end"])]) for e in golds]
                       + [side(e, pred_status[(e["start"], e["end"])]) for e in preds])
    detail = "; ".join([f"gold {entity_detail(e)}" for e in golds] + [f"predicted {entity_detail(e)}" for e in preds])
    return _span(start, end, label, detail, CONFLICT, "", text="".join(inner), bg="#ffffff")


def _error_list(errors: list[dict]) -> str:
    if not errors:
        return '<p class="muted no-errors">No errors.</p>'
    ents = [e for e in errors if e.get("kind") in ("FP", "FN")]
    values = [e for e in errors if e.get("kind") == "VALUE"]
    rels = [e for e in errors if e.get("kind", "").endswith((" FP", " FN"))]
    out = ['<div class="errors">']
    if ents:
        out.append('<table class="entity-errors"><caption>entity errors</caption><thead><tr><th>kind</th>'
                   '<th>label</th><th>text</th><th>context</th></tr></thead><tbody>')
        for e in ents:
            out.append(f'<tr class="{e["kind"].lower()}"><td>{esc(e["kind"])}</td><td>{esc(e["label"])}</td>'
                       f'<td>{esc(e["text"])}</td><td>{esc(e.get("context"))}</td></tr>')
        out.append("</tbody></table>")
    if values:
        out.append('<table class="value-errors"><caption>value errors</caption><thead><tr><th>label</th>'
                   '<th>text</th><th>gold</th><th>predicted</th></tr></thead><tbody>')
        for e in values:
            g, p = e.get("gold") or [None, None], e.get("pred") or [None, None]
            out.append(f'<tr><td>{esc(e["label"])}</td><td>{esc(e["text"])}</td>'
                       f'<td>{esc(format_number(g[0]))} {esc(g[1])}</td><td>{esc(format_number(p[0]))} {esc(p[1])}</td></tr>')
        out.append("</tbody></table>")
    if rels:
        out.append('<table class="relation-errors"><caption>relation errors</caption><thead><tr><th>relation</th>'
                   '<th>kind</th><th>pair</th></tr></thead><tbody>')
        for e in rels:
            kind, what = e["kind"].rsplit(" ", 1)
            word = "spurious (FP)" if what == "FP" else "missed (FN)"
            out.append(f'<tr class="{what.lower()}"><td>{esc(kind)}</td><td>{word}</td>'
                       f'<td>{" — ".join(esc(x) for x in e.get("pair") or [])}</td></tr>')
        out.append("</tbody></table>")
    out.append("</div>")
    return "".join(out)


# -- shared pieces --------------------------------------------------------------------------

def _doc_header(i: int, doc_id, rec: dict, n_ents: int | None, errors: list | None = None) -> str:
    meta = [esc(rec[k]) for k in ("title", "date", "author") if isinstance(rec.get(k), str) and rec.get(k)]
    meta.append(f"{len(rec.get('text') or ''):,} characters")
    if n_ents is not None:
        meta.append(f"{n_ents} entities")
    if errors is not None:
        kinds = Counter(e["kind"].rsplit(" ", 1)[-1] if " " in e["kind"] else e["kind"] for e in errors)
        meta.append(", ".join(f"{kinds[k]} {k}" for k in ("FP", "FN", "VALUE") if kinds[k]) or "no errors")
    return f'<h2><a class="anchor" href="#doc-{i + 1}">{i + 1}.</a> {esc(doc_id)}</h2><p class="meta">{" · ".join(meta)}</p>'


def _label_counts(counts: Counter, cls: str = "counts") -> str:
    labels = [lab for lab in LABELS if counts[lab]] + sorted(lab for lab in counts if lab not in LABELS)
    if not labels:
        return f'<p class="{cls} muted">no entities</p>'
    return (f'<p class="{cls}">' + "".join(
        f'<span class="count" data-label="{esc(lab)}" style="background:{label_color(lab)}">{esc(lab)}'
        f' <b>{counts[lab]}</b></span>' for lab in labels) + "</p>")


def _relation_tables(rels: dict, ents: list[dict]) -> str:
    codes = {}
    for e in ents:
        if e["label"] == "GPE" and e.get("value") is not None:
            codes.setdefault(e.get("text"), e["value"])
    pt = rels.get("person_title") or []
    cp = rels.get("city_province") or []
    out = ['<div class="relations"><table class="person-title"><caption>official — title — organisation'
           f' ({len(pt)})</caption><thead><tr><th>official</th><th>title</th><th>organisation</th></tr></thead><tbody>']
    for r in pt:
        org = r.get("org")
        out.append(f'<tr><td>{esc(r.get("person"))}</td><td>{esc(r.get("title"))}</td>'
                   f'<td>{esc(org) if org is not None else "<span class=muted>none named</span>"}</td></tr>')
    if not pt:
        out.append('<tr class="empty"><td colspan="3" class="muted">none</td></tr>')
    out.append(f'</tbody></table><table class="city-province"><caption>city — province — code ({len(cp)})</caption>'
               '<thead><tr><th>city</th><th>province</th><th>code</th></tr></thead><tbody>')
    for r in cp:
        code = codes.get(r.get("city"))
        out.append(f'<tr><td>{esc(r.get("city"))}</td><td>{esc(r.get("province"))}</td>'
                   f'<td>{esc(code) if code is not None else "<span class=muted>–</span>"}</td></tr>')
    if not cp:
        out.append('<tr class="empty"><td colspan="3" class="muted">none</td></tr>')
    out.append("</tbody></table></div>")
    return "".join(out)


def _legend(statuses: bool = False) -> str:
    items = [f'<li><span class="chip" style="background:{label_color(lab)}"></span><b>{lab}</b> '
             f'<span class="muted">{LABEL_NAMES[lab]}</span></li>' for lab in LABELS]
    out = '<div class="legend"><ul class="labels">' + "".join(items) + "</ul>"
    if statuses:
        out += '<ul class="statuses">' + "".join(
            f'<li><mark class="entity {s}" style="background:{"#ffffff" if s == CONFLICT else LABEL_COLORS["ORG"]}">'
            f'{s.upper() if s != IGNORED else "optional"}</mark> {esc(_STATUS_NAMES[s])}</li>'
            for s in (TP, FP, FN, CONFLICT, IGNORED)) + "</ul>"
    out += ('<p class="muted">Hover over or click an entity for its value and unit, ISO date or'
            ' division code.</p></div>')
    return out


def _cap_note(shown: int, total: int, hidden_with_errors: int | None = None) -> str:
    extra = f", {hidden_with_errors:,} of them with errors" if hidden_with_errors else ""
    return (f'<p class="note">Showing the first {shown:,} of {total:,} documents; {total - shown:,} more are '
            f'counted above but not shown{extra} (raise the cap with <code>max_documents</code>).</p>')


def _page(title: str, top: str, toc: list[str], sections: list[str], page_size: int, *, filter_box: bool) -> str:
    n_pages = max(1, -(-len(sections) // max(1, page_size)))
    controls = []
    if filter_box:
        controls.append('<label class="filter"><input type="checkbox" id="only-errors"> show only documents '
                        'with errors</label>')
    if n_pages > 1:
        controls.append('<span class="pager"><button type="button" id="prev">‹ previous</button>'
                        f' <span id="page-label">page 1 of {n_pages}</span> '
                        '<button type="button" id="next">next ›</button></span>')
    return (f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{esc(title)}</title><style>{CSS}</style></head>'
            f'<body data-pages="{n_pages}"><header class="top"><h1>{esc(title)}</h1><div class="top-grid">{top}</div></header>'
            f'<div class="layout"><nav class="toc"><h3>Documents ({len(sections):,})</h3><ol>{"".join(toc)}</ol></nav>'
            f'<main><div class="controls">{"".join(controls)}</div>{"".join(sections)}</main></div>'
            f'<div id="popup" role="tooltip" hidden></div><script>{SCRIPT}</script></body></html>')


def write_report(path: str | os.PathLike, markup: str) -> None:
    """Write ``markup`` to ``path`` through a temporary file renamed when complete."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(markup)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
