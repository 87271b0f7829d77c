"""The one scorer (SPEC section 3): entities, numeric values, relations, segmentation.

Works on SPEC records (dicts). Gold files in foreign formats are read into SPEC records by
``read_gold`` with their labels mapped onto ours (see ``labels.FOREIGN_LABELS``); a gold file
whose places are not split into GPE and LOC marks them ``PLACE``, and scoring then merges
predicted GPE/LOC into ``PLACE`` and only counts the labels that the gold file has.
"""
from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .io.corpora import read_char_tagged, read_cluener
from .labels import FOREIGN_LABELS, LABELS, NUMERIC_LABELS, PLACE, PLACE_LABELS

# Foreign tags with no counterpart (Weibo nominal mentions, Resume EDU/PRO/RACE/CONT,
# CLUENER book/game/movie/scene) are dropped. Places from sources without a GPE/LOC split
# become PLACE.
_AMBIGUOUS_PLACES = {"LOC", "NS", "ADDRESS"}


def map_foreign_label(label: str, split_places: bool) -> str | None:
    """RETURNS our label for a foreign one, ``PLACE`` for unsplit places, None to drop."""
    up = label.upper()
    if up.endswith(".NOM"):
        return None
    up = up.removesuffix(".NAM")
    ours = FOREIGN_LABELS.get(up)
    if ours is None:
        return None
    if up in _AMBIGUOUS_PLACES and not split_places:
        return PLACE
    return ours


# -- reading gold ------------------------------------------------------------------------

def detect_format(path: str | Path) -> str:
    """RETURNS "spec", "cluener", "tagged" or "seg" from the first non-empty line."""
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if line.strip():
                break
        else:
            return "spec"
    s = line.strip()
    if s.startswith("{"):
        rec = json.loads(s)
        return "cluener" if "label" in rec and "entities" not in rec else "spec"
    parts = s.split("\t") if "\t" in s else s.split(" ")
    if len(parts) == 2 and len(parts[0].rstrip("0123456789") or parts[0]) == 1 and (
            parts[1] == "O" or parts[1][:2] in ("B-", "I-", "M-", "E-", "S-")):
        return "tagged"
    return "seg"


def read_gold(path: str | Path) -> list[dict]:
    """Read a gold file of any supported entity format into SPEC records."""
    fmt = detect_format(path)
    if fmt == "spec":
        out = []
        with open(path, encoding="utf-8-sig") as f:
            for line_no, line in enumerate(f, 1):
                if line.strip():
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise InputError(str(path), line_no, f"not valid JSON ({e.msg})") from None
                    rec.setdefault("entities", [])
                    out.append(rec)
        return out
    if fmt == "seg":
        raise ValueError(f"{path}: looks like a segmentation gold; use evaluate_segmentation")
    reader = read_cluener if fmt == "cluener" else read_char_tagged
    rows = list(reader(path))
    labels = {lab.upper().removesuffix(".NAM") for _, spans, _ in rows for *_, lab in spans}
    split_places = "GPE" in labels  # Weibo tells GPE from LOC
    records = []
    for i, (text, spans, line) in enumerate(rows):
        ents = []
        for s, e, lab in spans:
            ours = map_foreign_label(lab, split_places)
            if ours:
                ents.append({"start": s, "end": e, "label": ours, "text": text[s:e]})
        records.append({"id": f"{Path(path).name}:{line}", "text": text, "entities": ents})
    # A foreign file is scored on the labels it annotates: record them with the documents.
    present = sorted({e["label"] for rec in records for e in rec["entities"]})
    for rec in records:
        rec["scored_labels"] = present
    return records


# -- entity scores -----------------------------------------------------------------------

def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "fp": fp, "fn": fn}


def scored_labels(gold: list[dict]) -> tuple[str, ...]:
    """The labels to score: ours for SPEC gold, else only those the gold file has."""
    for rec in gold:
        if "scored_labels" in rec:
            return tuple(rec["scored_labels"])
    present = {e["label"] for rec in gold for e in rec.get("entities", [])}
    if PLACE in present:
        return tuple(sorted(present))
    return LABELS


def _norm_label(label: str, merge_places: bool) -> str:
    return PLACE if merge_places and label in PLACE_LABELS else label


def _values_match(g: dict, p: dict) -> bool:
    gv, pv = g.get("value"), p.get("value")
    if not isinstance(gv, (int, float)) or not isinstance(pv, (int, float)):
        return False
    if g.get("unit") != p.get("unit"):
        return False
    return math.isclose(gv, pv, rel_tol=1e-6, abs_tol=1e-12)


def score(gold: list[dict], pred: list[dict], *, labels: Iterable[str] | None = None,
          errors: list | None = None) -> dict:
    """Score ``pred`` against ``gold`` (aligned lists of SPEC records).

    RETURNS a dict: ``entities`` (per label and ``micro`` P/R/F1 with counts), ``values``
    (accuracy over gold MONEY/PERCENT/QUANTITY), ``relations`` (per kind P/R/F1, plus
    ``org_accuracy`` for person_title). ``errors``, if given, receives one dict per false
    positive / negative with its context.
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} documents, predictions {len(pred)}")
    labels = tuple(labels) if labels else scored_labels(gold)
    merge = PLACE in labels
    counts = {lab: Counter() for lab in labels}
    value_ok = value_total = 0
    rel_counts = {"person_title": Counter(), "city_province": Counter()}
    org_ok = 0
    for g_rec, p_rec in zip(gold, pred):
        if g_rec.get("text") != p_rec.get("text"):
            raise ValueError(f"document {g_rec.get('id')!r}: gold and prediction texts differ")
        text = g_rec["text"]
        g_ents = {(e["start"], e["end"], _norm_label(e["label"], merge)): e
                  for e in g_rec.get("entities", [])}
        g_ents = {k: v for k, v in g_ents.items() if k[2] in labels}
        p_ents = {(e["start"], e["end"], _norm_label(e["label"], merge)): e
                  for e in p_rec.get("entities", [])}
        p_ents = {k: v for k, v in p_ents.items() if k[2] in labels}
        optional = [(o["start"], o["end"]) for o in g_rec.get("optional", [])]
        for key, p in p_ents.items():
            if key in g_ents:
                counts[key[2]]["tp"] += 1
            elif any(s <= key[0] and key[1] <= e for s, e in optional):
                continue
            else:
                counts[key[2]]["fp"] += 1
                _note(errors, "FP", g_rec, key, text, source=p.get("source"))
        for key, g in g_ents.items():
            if key not in p_ents:
                counts[key[2]]["fn"] += 1
                _note(errors, "FN", g_rec, key, text)
            if g["label"] in NUMERIC_LABELS:
                value_total += 1
                if key in p_ents and _values_match(g, p_ents[key]):
                    value_ok += 1
                elif key in p_ents and errors is not None:
                    errors.append({"id": g_rec.get("id"), "kind": "VALUE", "text": g["text"],
                                   "label": g["label"], "gold": [g.get("value"), g.get("unit")],
                                   "pred": [p_ents[key].get("value"), p_ents[key].get("unit")]})
        if "relations" in g_rec:
            g_rel = g_rec.get("relations") or {}
            p_rel = p_rec.get("relations") or {}
            g_pt = {(r["person"], r["title"]): r.get("org") for r in g_rel.get("person_title", [])}
            p_pt = {(r["person"], r["title"]): r.get("org") for r in p_rel.get("person_title", [])}
            _count_pairs(rel_counts["person_title"], set(g_pt), set(p_pt))
            org_ok += sum(1 for k in set(g_pt) & set(p_pt) if g_pt[k] == p_pt[k])
            g_cp = {(r["city"], r["province"]) for r in g_rel.get("city_province", [])}
            p_cp = {(r["city"], r["province"]) for r in p_rel.get("city_province", [])}
            _count_pairs(rel_counts["city_province"], g_cp, p_cp)
            if errors is not None:
                for kind, gs, ps in (("person_title", set(g_pt), set(p_pt)), ("city_province", g_cp, p_cp)):
                    errors.extend({"id": g_rec.get("id"), "kind": f"{kind} FP", "pair": list(x)} for x in sorted(ps - gs))
                    errors.extend({"id": g_rec.get("id"), "kind": f"{kind} FN", "pair": list(x)} for x in sorted(gs - ps))
    per_label = {lab: _prf(c["tp"], c["fp"], c["fn"]) for lab, c in counts.items()}
    total = sum((Counter(c) for c in counts.values()), Counter())
    result = {
        "documents": len(gold),
        "labels": list(labels),
        "entities": {**per_label, "micro": _prf(total["tp"], total["fp"], total["fn"])},
        "values": {"accuracy": value_ok / value_total if value_total else None,
                   "correct": value_ok, "total": value_total},
        "relations": {},
    }
    for kind, c in rel_counts.items():
        result["relations"][kind] = _prf(c["tp"], c["fp"], c["fn"])
    pt = result["relations"]["person_title"]
    pt["org_accuracy"] = org_ok / pt["tp"] if pt["tp"] else None
    return result


def _count_pairs(c: Counter, gold: set, pred: set) -> None:
    c["tp"] += len(gold & pred)
    c["fp"] += len(pred - gold)
    c["fn"] += len(gold - pred)


def _note(errors: list | None, kind: str, rec: dict, key: tuple, text: str, width: int = 15,
          source: str | None = None) -> None:
    if errors is None:
        return
    s, e, lab = key
    errors.append({"id": rec.get("id"), "kind": kind, "label": lab, "start": s, "end": e,
                   "text": text[s:e],
                   "context": text[max(0, s - width):s] + "[" + text[s:e] + "]" + text[e:e + width]})
    if source is not None:  # the stage behind a false positive (predictions made with explain)
        errors[-1]["source"] = source


# -- segmentation (SIGHAN scorer definitions) ----------------------------------------------

def score_segmentation(gold: list[list[str]], pred: list[list[str]],
                       train_words: set[str] | None = None) -> dict:
    """Word P/R/F1 over exact word spans; OOV recall over gold words not in ``train_words``."""
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} lines, predictions {len(pred)}")
    tp = n_gold = n_pred = oov = oov_hit = 0
    for g_words, p_words in zip(gold, pred):
        g_spans, p_spans = _word_spans(g_words), _word_spans(p_words)
        if "".join(g_words) != "".join(p_words):
            raise ValueError(f"segmented texts differ: {''.join(g_words)[:30]!r}")
        hit = g_spans & p_spans
        tp += len(hit)
        n_gold += len(g_spans)
        n_pred += len(p_spans)
        if train_words is not None:
            for span in g_spans:
                w = span[2]
                if w not in train_words:
                    oov += 1
                    oov_hit += span in hit
    res = _prf(tp, n_pred - tp, n_gold - tp)
    res["oov_rate"] = oov / n_gold if train_words is not None and n_gold else None
    res["oov_recall"] = oov_hit / oov if oov else None
    return res


def _word_spans(words: list[str]) -> set[tuple[int, int, str]]:
    spans, pos = set(), 0
    for w in words:
        spans.add((pos, pos + len(w), w))
        pos += len(w)
    return spans
