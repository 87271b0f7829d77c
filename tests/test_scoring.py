"""The scorer on small hand-computed cases, and against an independent re-implementation."""
import json
import math
import random
from pathlib import Path

import pytest

from nlp.scoring import read_gold, score, score_segmentation

TEXT = "湖北省武汉市副市长李明表示，产值约286亿元，增长百分之十二。"


def ent(text, surface, label, nth=0, **extra):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {"start": start, "end": start + len(surface), "label": label, "text": surface, **extra}


GOLD = {"id": "g1", "text": TEXT, "entities": [
    ent(TEXT, "湖北省", "GPE"), ent(TEXT, "武汉市", "GPE"), ent(TEXT, "副市长", "TITLE"),
    ent(TEXT, "李明", "PERSON"), ent(TEXT, "286亿元", "MONEY", value=28600000000, unit="元"),
    ent(TEXT, "百分之十二", "PERCENT", value=0.12, unit="%")],
    "optional": [ent(TEXT, "湖北省武汉市", "GPE")],
    "relations": {"person_title": [{"person": "李明", "title": "副市长", "org": "武汉市"}],
                  "city_province": [{"city": "武汉市", "province": "湖北省"}]}}


def pred_with(entities, relations=None):
    return {"id": "g1", "text": TEXT, "entities": entities,
            "relations": relations or {"person_title": [], "city_province": []}}


def test_scoring_partial_overlap_is_fp_and_fn():
    # "副市长李" overlaps 副市长 and 李明 but matches neither.
    p = pred_with([ent(TEXT, "副市长李", "TITLE")])
    r = score([GOLD], [p])
    assert (r["entities"]["TITLE"]["tp"], r["entities"]["TITLE"]["fp"], r["entities"]["TITLE"]["fn"]) == (0, 1, 1)
    assert r["entities"]["micro"]["fn"] == 6


def test_scoring_wrong_label():
    p = pred_with([ent(TEXT, "李明", "ORG"), ent(TEXT, "副市长", "TITLE")])
    r = score([GOLD], [p])
    assert r["entities"]["ORG"]["fp"] == 1 and r["entities"]["PERSON"]["fn"] == 1
    assert r["entities"]["micro"]["tp"] == 1
    assert r["entities"]["micro"]["p"] == pytest.approx(0.5)
    assert r["entities"]["micro"]["r"] == pytest.approx(1 / 6)
    assert r["entities"]["micro"]["f"] == pytest.approx(2 * 0.5 * (1 / 6) / (0.5 + 1 / 6))


def test_scoring_optional_span_is_ignored():
    # 湖北省武汉市 (the optional span itself) and 武汉 inside it: neither rewarded nor penalised.
    p = pred_with([ent(TEXT, "湖北省武汉市", "GPE"), ent(TEXT, "武汉", "GPE")])
    r = score([GOLD], [p])
    assert r["entities"]["micro"]["fp"] == 0 and r["entities"]["micro"]["tp"] == 0


def test_scoring_missing_or_wrong_value():
    p = pred_with([ent(TEXT, "286亿元", "MONEY"),  # no value
                   ent(TEXT, "百分之十二", "PERCENT", value=0.12000000001, unit="%")])
    r = score([GOLD], [p])
    assert r["values"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    p2 = pred_with([ent(TEXT, "286亿元", "MONEY", value=28600000000, unit="美元")])
    assert score([GOLD], [p2])["values"]["correct"] == 0


def test_scoring_relation_with_wrong_org():
    rel = {"person_title": [{"person": "李明", "title": "副市长", "org": "湖北省"},
                            {"person": "李明", "title": "市长", "org": None}],
           "city_province": [{"city": "武汉市", "province": "湖北省"}]}
    r = score([GOLD], [pred_with([], rel)])
    pt = r["relations"]["person_title"]
    assert (pt["tp"], pt["fp"], pt["fn"]) == (1, 1, 0)
    assert pt["org_accuracy"] == 0.0
    assert r["relations"]["city_province"]["f"] == 1.0


def test_scoring_segmentation_counts():
    gold = [["共同", "创造", "美好", "的", "新", "世纪"]]
    pred = [["共同", "创造", "美好的", "新世纪"]]
    r = score_segmentation(gold, pred, train_words={"共同", "创造", "美好", "的", "新"})
    assert (r["tp"], r["fp"], r["fn"]) == (2, 2, 4)
    assert r["oov_recall"] == 0.0 and r["oov_rate"] == pytest.approx(1 / 6)


# -- an independent scorer, written from SPEC section 3 without the module's helpers --------

def independent(gold, pred):
    tp = fp = fn = 0
    per = {}
    vals = [0, 0]
    for g, p in zip(gold, pred):
        G = [(e["start"], e["end"], e["label"]) for e in g["entities"]]
        P = [(e["start"], e["end"], e["label"]) for e in p["entities"]]
        opt = [(o["start"], o["end"]) for o in g.get("optional", [])]
        for x in P:
            lab = x[2]
            per.setdefault(lab, [0, 0, 0])
            if x in G:
                tp += 1; per[lab][0] += 1
            elif not any(a <= x[0] and x[1] <= b for a, b in opt):
                fp += 1; per[lab][1] += 1
        for x in G:
            per.setdefault(x[2], [0, 0, 0])
            if x not in P:
                fn += 1; per[x[2]][2] += 1
        for e in g["entities"]:
            if e["label"] in ("MONEY", "PERCENT", "QUANTITY"):
                vals[1] += 1
                m = [q for q in p["entities"] if (q["start"], q["end"], q["label"]) == (e["start"], e["end"], e["label"])]
                if m and m[0].get("unit") == e["unit"] and isinstance(m[0].get("value"), (int, float)) \
                        and abs(m[0]["value"] - e["value"]) <= 1e-6 * max(abs(e["value"]), abs(m[0]["value"])):
                    vals[0] += 1
    f = lambda t, a, b: 0.0 if not t else 2 * t / (2 * t + a + b)
    return f(tp, fp, fn), {k: f(*v) for k, v in per.items()}, vals


def perturb(rec, rng):
    """A plausible prediction: drop, shift, relabel and mis-value some gold entities."""
    out = []
    for e in rec["entities"]:
        r = rng.random()
        e = dict(e)
        if r < 0.1:
            continue
        if r < 0.2 and e["end"] < len(rec["text"]):
            e["end"] += 1
            e["text"] = rec["text"][e["start"]:e["end"]]
        elif r < 0.3:
            e["label"] = rng.choice(["PERSON", "ORG", "GPE", "LOC", "TITLE"])
        elif r < 0.4 and "value" in e:
            e["value"] = e["value"] * 10
        out.append(e)
    out.sort(key=lambda e: e["start"])
    cleaned, end = [], -1
    for e in out:
        if e["start"] >= end:
            cleaned.append(e)
            end = e["end"]
    return {"id": rec.get("id"), "text": rec["text"], "entities": cleaned}


GOLD_FILES = sorted(Path(__file__).resolve().parents[1].glob("corpora/gold/*.jsonl"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name for p in GOLD_FILES])
def test_scoring_matches_independent_scorer(path):
    gold = read_gold(path)
    rng = random.Random(7)
    pred = [perturb(g, rng) for g in gold]
    labels = sorted({e["label"] for g in gold + pred for e in g["entities"]})
    ours = score(gold, pred, labels=labels)
    micro, per, vals = independent(gold, pred)
    assert ours["entities"]["micro"]["f"] == pytest.approx(micro)
    for lab, f in per.items():
        assert ours["entities"][lab]["f"] == pytest.approx(f), lab
    assert (ours["values"]["correct"], ours["values"]["total"]) == tuple(vals)


def test_scoring_reads_foreign_formats(tmp_path):
    bio = tmp_path / "msra.txt"
    bio.write_text("李\tB-PER\n明\tI-PER\n在\tO\n武\tB-LOC\n汉\tI-LOC\n\n", encoding="utf-8")
    [rec] = read_gold(bio)
    assert [(e["text"], e["label"]) for e in rec["entities"]] == [("李明", "PERSON"), ("武汉", "PLACE")]
    pred = {"text": "李明在武汉", "entities": [{"start": 3, "end": 5, "label": "GPE", "text": "武汉"},
                                             {"start": 0, "end": 2, "label": "TITLE", "text": "李明"}]}
    r = score([rec], [pred])
    assert r["entities"]["PLACE"]["tp"] == 1 and r["entities"]["micro"]["fp"] == 0
    weibo = tmp_path / "weibo.txt"
    weibo.write_text("许0\tB-PER.NAM\n坚1\tI-PER.NAM\n\ufffd\ufffd0\tO\n你0\tB-PER.NOM\n北0\tB-GPE.NAM\n京1\tI-GPE.NAM\n\n",
                     encoding="utf-8")
    [w] = read_gold(weibo)  # a broken emoji of two code points is one token, offsets in code points
    assert [(e["text"], e["label"]) for e in w["entities"]] == [("许坚", "PERSON"), ("北京", "GPE")]
    clue = tmp_path / "clue.json"
    clue.write_text(json.dumps({"text": "彭小军认为", "label": {"name": {"彭小军": [[0, 2]]}}}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert read_gold(clue)[0]["entities"][0]["label"] == "PERSON"
