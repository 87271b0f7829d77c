"""GPE and city_province on real addresses: CLUENER 2020 train's ``address`` spans as delivery lines.

    python benchmarks/addresses.py [--errors N] [--no-write]   # writes benchmarks/results/addresses.md

Source: the ``address`` spans of CLUENER 2020 TRAIN (``../shared/corpora/cluener2020/train.json``,
a training split, so tuning on it is fair), distinct strings in file order. Each address is run
on its own, as a delivery-address line, and in two deterministic variants of the same string
that delivery addresses often take: its units separated by spaces (``浙江省 杭州市 西湖区 文三路``)
and a leading ``地址：``.

Expected output (SPEC section 1 and 2), computed from the gazetteer alone
(``nlp.lexicon.addresses.address_units``, the chain splitter that drafts the real-text gold):

- each unit of the address chain is its own entity: GPE for a division, LOC for a natural
  feature or region (``gazetteer.lookup``);
- the rest (road, estate, building, number: the residue) is optional, but a place read out
  of it is not: a GPE predicted inside the residue whose text is a gazetteer place (湖北 in
  湖北大厦, 中国 in 新中国大厦) counts as a false positive (the scorer's optional spans are
  the residue's stretches around such predictions; a township, 后沙峪镇, is no gazetteer place
  and stays optional);
- one city_province entry for every unit below province level, with its province: the
  province the address states, else the one of a parent unit the address names, else the
  gazetteer's most likely reading (the highest level, ``gazetteer.best_code``), else the one
  province all its readings share.

Scored with ``nlp.scoring.score`` over GPE and LOC; the figures to watch are GPE F1 and
city_province F1.

Addresses left out, because the expected side cannot be told from the gazetteer (counted in
the results): no Chinese division first (foreign addresses); a bare name with nothing after
it (北京: no address); a residue with clause punctuation, brackets or 的 (a list, a comment or
prose that may name other places: 日本海（韩国称东海）, 上海繁华的黄浦区); a residue that opens
with a division name the gazetteer does not hold (上海|卢湾区: abolished units) or with 城
(南京城, 县城: the town or part of the name); a residue that holds an organisation (an
organisation suffix before the road, or an ending 馆/店/站: 恩平市人民医院, 香港电影资料馆 may be
one ORG by SPEC); a residue that names a division in full (辽宁沈阳赛乐氏沈阳市和平区…: a second
address); a chain whose next unit does not lie in the one before it and is no short name
before a road or building word (香港首尔: a list, or a name read out of a facility); a unit
that is a common word as well (``gazetteer.risky_aliases``: 港口, 白云) and does not follow its
direct parent; a chain that opens with a district's short name (中原|万达: no reading without
its city); a unit whose province stays ambiguous (鼓楼区 with no city named) or contradicts the
province stated. A short name that begins a road's or a station's name (南京|东路, 福州|火车站)
is no unit (SPEC): such an address is kept with its whole text as residue.

Held out: every 5th eligible address (index 4, 9, 14... in file order) is a test part whose
figures are only reported; its errors are never printed or read. ``--errors`` prints errors
of the tuning part only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402

from nlp.io.corpora import read_cluener  # noqa: E402
from nlp.lexicon import gazetteer, orgs  # noqa: E402
from nlp.lexicon.addresses import address_units, starts_a_facility  # noqa: E402

SOURCE = SHARED / "corpora" / "cluener2020" / "train.json"
HELD_OUT_EVERY = 5
LABELS = ("GPE", "LOC")
VARIANTS = ("as written", "spaced", "地址：")
_CLAUSE_OR_BRACKET = re.compile(r"[，,。；;、（）()【】\[\]：:！？!?]")
#: a residue that opens with a name shaped like a division (卢湾区, 南市区) the gazetteer lacks
#: endings of a business or a public body that a suffix list does not hold (资料馆, 书店, 监督站)
_BUSINESS_ENDINGS = ("馆", "店", "站")
_HOUSE = re.compile(r"[路街道巷弄号楼栋幢0-9]")
_UNKNOWN_DIVISION = re.compile(r"^\w{1,3}?(?:省|市|区|县|旗|盟)(?![场民长委政府])")


class Address(NamedTuple):
    """One address: its text, its chain of units ``(start, end, label, code)`` and residue."""
    text: str
    units: list[tuple[int, int, str, str | None]]
    residue: tuple[int, int] | None
    provinces: dict[int, str]  # unit index -> the province its city_province entry names


def _readings(name: str) -> list[gazetteer.Place]:
    return [p for p in gazetteer.places_by_name().get(name, ()) if p.code]


def _below_province(name: str) -> bool:
    return any(p.level != "province" for p in _readings(name))


def _inside(outer: list[gazetteer.Place], inner: list[gazetteer.Place]) -> bool:
    return any(gazetteer.contains(o.code, i.code) and o.code != i.code for o in outer for i in inner)


def _province(names: list[str], k: int) -> str | None | bool:
    """The province of unit ``k`` of the chain ``names``: the one stated, else a named parent's,
    else the most likely reading's. RETURNS the province, None (ambiguous) or False (contradicted)."""
    readings = _readings(names[k])
    stated = [p for n in names for p in _readings(n) if p.level == "province" and n != names[k]]
    if stated:
        inside = {gazetteer.province_of(r.code) for r in readings for s in stated if gazetteer.contains(s.code, r.code)}
        return inside.pop() if len(inside) == 1 else False
    for other in names[:k][::-1] + names[k + 1:]:
        parents = [p for p in _readings(other) if any(gazetteer.contains(p.code, r.code) and p.code != r.code
                                                      for r in readings)]
        provinces = {gazetteer.province_of(p.code) for p in parents}
        if len(provinces) == 1:
            return provinces.pop()
    best = gazetteer.best_code(readings)
    if best:
        return gazetteer.province_of(best)
    provinces = {gazetteer.province_of(r.code) for r in readings}
    return provinces.pop() if len(provinces) == 1 else None


def expected(text: str) -> Address | str:
    """RETURNS the expected reading of one address, or why it is left out."""
    units, residue = address_units(text, 0, len(text))
    if not units:
        return "no gazetteer unit"
    res = residue[0] if residue else None
    if not _readings(text[units[0][0]:units[0][1]]):
        return "foreign or natural feature first"
    # an address goes down: a unit outside the one before it is a list or a facility's name
    for k in range(1, len(units)):
        prev, cur = (_readings(text[a:b]) for a, b, _ in units[k - 1:k + 1])
        if prev and (not cur or not _inside(prev, cur)):
            s, e, _ = units[k]
            if cur and all(p.kind in ("short", "old_short") for p in cur) and starts_a_facility(text, e):
                units, res = units[:k], (s, len(text))   # 朝阳区|湖北大厦: the building's name
                break
            return "next unit outside the one before it"
    # SPEC: a short name that begins a road's or a station's name (南京|东路, 上海|站) is no
    # place of its own; the address goes on inside that facility
    s, e, _ = units[-1]
    if all(p.kind in ("short", "old_short") for p in _readings(text[s:e])) and starts_a_facility(text, e):
        units, res = units[:-1], (s, len(text))
    if res is None:
        if len(units) == 1:
            return "a bare name, no address"
    else:
        rest = text[res[0]:res[1]]
        head = _HOUSE.split(rest, 1)[0]  # before the first road or house-number word
        if _CLAUSE_OR_BRACKET.search(rest) or "的" in rest:
            return "clause punctuation, brackets or prose in the residue"
        if _UNKNOWN_DIVISION.match(rest):
            return "residue opens with a division the gazetteer lacks"
        if rest.startswith("城"):
            return "residue opens with 城 (南京城, 县城: the town or the name)"
        if any(rest.endswith(x) for x in orgs.suffixes()) or rest.endswith(_BUSINESS_ENDINGS) \
                or any(x in head for x in orgs.suffixes() if len(x) >= 2):
            return "an organisation in the residue (恩平市人民医院: one ORG)"
        if any(p.kind == "full" and gazetteer.ADMIN_SUFFIXES.intersection(rest[i + len(p.name) - 1])
               for i in range(len(rest)) for n in range(3, 9)
               for p in gazetteer.places_by_name().get(rest[i:i + n], ()) if len(p.name) == n):
            return "residue names a division in full (a second address, prose)"
    if not units:
        return Address(text, [], res, {})
    names = [text[a:b] for a, b, _ in units]
    risky = gazetteer.risky_aliases()
    for k, name in enumerate(names):
        if name in risky and not (k and any(gazetteer.is_parent(p.code, r.code) for p in _readings(names[k - 1])
                                            for r in _readings(name))):
            return "a common-word alias without its parent"
    first = _readings(names[0])
    if first and all(p.kind in ("short", "old_short") and p.level == "county" for p in first):
        return "opens with a district's short name"
    provinces = {}
    for k, (a, b, label) in enumerate(units):
        if label == "GPE" and _below_province(names[k]):
            prov = _province(names, k)
            if prov is None:
                return "province ambiguous"
            if prov is False:
                return "province stated contradicts the unit"
            provinces[k] = prov
    coded = [(a, b, label, (gazetteer.lookup(text[a:b]) or (None, None))[1]) for a, b, label in units]
    return Address(text, coded, res, provinces)


def variant(addr: Address, kind: str) -> Address:
    """RETURNS ``addr`` rewritten as a delivery line of ``kind`` (offsets moved with the text)."""
    if kind == "as written":
        return addr
    if kind == "地址：":
        n = len("地址：")
        return addr._replace(text="地址：" + addr.text, units=[(a + n, b + n, lab, c) for a, b, lab, c in addr.units],
                             residue=(addr.residue[0] + n, addr.residue[1] + n) if addr.residue else None)
    parts, units, pos = [], [], 0
    for a, b, lab, code in addr.units:
        if parts:
            pos += 1
        units.append((pos, pos + b - a, lab, code))
        parts.append(addr.text[a:b])
        pos += b - a
    residue = None
    if addr.residue:
        rest = addr.text[addr.residue[0]:addr.residue[1]]
        start = pos + 1 if parts else 0
        residue = (start, start + len(rest))
        parts.append(rest)
    return addr._replace(text=" ".join(parts), units=units, residue=residue)


def gold_record(addr: Address, doc_id: str, predicted: list[dict] = ()) -> dict:
    """RETURNS the SPEC gold record of one address, given the entities predicted for it.

    The residue is optional except where a GPE is predicted inside it whose text is a
    gazetteer place (湖北 in 湖北大厦): SPEC reads no place out of a road or a building, so
    the optional spans are the residue's stretches around such predictions.
    """
    text = addr.text
    ents = [{"start": a, "end": b, "label": lab, "text": text[a:b]} for a, b, lab, _ in addr.units]
    optional = []
    if addr.residue:
        s, e = addr.residue
        cut = s
        read_out = sorted((p["start"], p["end"]) for p in predicted
                          if p["label"] == "GPE" and s <= p["start"] and p["end"] <= e
                          and (gazetteer.lookup(text[p["start"]:p["end"]]) or ("",))[0] == "GPE")
        for a, b in read_out + [(e, e)]:
            if a > cut:
                optional.append({"start": cut, "end": a, "label": "LOC", "text": text[cut:a]})
            cut = b
    rel = [{"city": addr.text[addr.units[k][0]:addr.units[k][1]], "province": p} for k, p in addr.provinces.items()]
    return {"id": doc_id, "text": text, "entities": ents, "optional": optional,
            "relations": {"person_title": [], "city_province": rel}}


def predicted_record(doc) -> dict:
    return {"text": doc.text, "entities": [{"start": e.start_char, "end": e.end_char, "label": e.label_}
                                           for e in doc.ents],
            "relations": doc._.relations}


def addresses() -> tuple[list[Address], Counter]:
    """RETURNS the eligible addresses (distinct, file order) and the count of each reason to leave one out."""
    seen, out, left_out = set(), [], Counter()
    for text, spans, _ in read_cluener(SOURCE):
        for s, e, label in spans:
            address = text[s:e].strip()
            if label != "address" or address in seen:
                continue
            seen.add(address)
            got = expected(address)
            if isinstance(got, str):
                left_out[got] += 1
            else:
                out.append(got)
    return out, left_out


def error_kinds(gold: dict, pred: dict) -> list[tuple[str, str]]:
    """RETURNS ``(category, detail)`` for each error of one document."""
    text = gold["text"]
    g = {(e["start"], e["end"], e["label"]) for e in gold["entities"]}
    p = {(e["start"], e["end"], e["label"]) for e in pred["entities"] if e["label"] in LABELS}
    residue_start = max((b for _, b, _ in g), default=0)   # the chain comes first, the residue after it
    out = []
    for s, e, lab in sorted(p - g):
        if any(o["start"] <= s and e <= o["end"] for o in gold["optional"]):
            continue
        if s >= residue_start:
            kind = "place read from the road/estate/building"
        elif any(s < b and a < e for a, b, _ in g):
            kind = "unit with wrong span or label"
        else:
            kind = "other false place"
        out.append((kind, f"{text[s:e]}/{lab}"))
    for s, e, lab in sorted(g - p):
        if not any(s < b and a < e for a, b, _ in p):
            out.append(("unit missed", f"{text[s:e]}/{lab}"))
    g_cp = {(r["city"], r["province"]) for r in gold["relations"]["city_province"]}
    p_cp = {(r["city"], r["province"]) for r in pred["relations"]["city_province"]}
    for city, prov in sorted(p_cp - g_cp):
        right = {pr for c, pr in g_cp if c == city}
        kind = "city_province: wrong province" if right else "city_province: extra"
        out.append((kind, f"{city}→{prov}" + (f" (expected {right.pop()})" if right else "")))
    for city, prov in sorted(g_cp - p_cp):
        if not any(c == city for c, _ in p_cp):
            out.append(("city_province: missed", f"{city}→{prov}"))
    return out


def run(extractor, addrs: list[Address], part: str) -> dict:
    """RETURNS the scores of one part over all variants and per variant, with its errors."""
    from nlp.scoring import score

    result = {}
    gold_all, pred_all, errors = [], [], []
    for kind in VARIANTS:
        lines = [variant(a, kind) for a in addrs]
        pred = [predicted_record(d) for d in extractor.pipe(a.text for a in lines)]
        gold = [gold_record(a, f"{part}:{i}:{kind}", p["entities"]) for i, (a, p) in enumerate(zip(lines, pred))]
        result[kind] = score(gold, pred, labels=LABELS)
        gold_all += gold
        pred_all += pred
        errors += [(kind, g["text"], k, d) for g, p in zip(gold, pred) for k, d in error_kinds(g, p)]
    result["all"] = score(gold_all, pred_all, labels=LABELS)
    result["errors"] = errors
    return result


def _row(name: str, s: dict) -> str:
    gpe, cp = s["entities"]["GPE"], s["relations"]["city_province"]
    loc = s["entities"]["LOC"]
    return (f"| {name} | {s['documents']} | {100 * gpe['p']:.1f} | {100 * gpe['r']:.1f} | **{100 * gpe['f']:.1f}** "
            f"| {100 * cp['p']:.1f} | {100 * cp['r']:.1f} | **{100 * cp['f']:.1f}** | {100 * loc['f']:.1f} ({loc['tp'] + loc['fn']}) |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of the tuning part")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    import nlp

    addrs, left_out = addresses()
    tune = [a for i, a in enumerate(addrs) if i % HELD_OUT_EVERY != HELD_OUT_EVERY - 1]
    held_out = [a for i, a in enumerate(addrs) if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1]
    extractor = nlp.load()
    parts = {"tune": run(extractor, tune, "tune"), "held-out": run(extractor, held_out, "held-out")}
    md = ["# GPE and city_province on real addresses (CLUENER 2020 train `address` spans)", "",
          f"Machine: {machine()}. Command: `python benchmarks/addresses.py`.", "",
          f"{len(addrs)} eligible distinct addresses: {len(tune)} to tune on, {len(held_out)} held out "
          f"(every {HELD_OUT_EVERY}th; only its figures are read, never its errors). Each runs as written, "
          "with its units separated by spaces, and after `地址：`. Expected: each unit of the chain its own "
          "GPE/LOC, nothing from the road/estate/building residue, a city_province entry per unit below "
          "province level (the province stated, else a named parent's, else the most likely reading).", "",
          "| part / variant | docs | GPE P | GPE R | GPE F1 | city_province P | R | F1 | LOC F1 (gold) |",
          "|---|---|---|---|---|---|---|---|---|"]
    for part, res in parts.items():
        md.append(_row(f"{part}: all", res["all"]))
        md += [_row(f"{part}: {kind}", res[kind]) for kind in VARIANTS]
    md += ["", "Error categories (tuning part, all variants):", "", "| category | count |", "|---|---|"]
    md += [f"| {k} | {n} |" for k, n in Counter(k for _, _, k, _ in parts["tune"]["errors"]).most_common()]
    md += ["", f"Error count of the held-out part: {len(parts['held-out']['errors'])} (not read).", "",
           "Distinct address spans left out (the expected side is not clear from the gazetteer):", "",
           "| reason | count |", "|---|---|"]
    md += [f"| {k} | {n} |" for k, n in left_out.most_common()]
    text = "\n".join(md) + "\n"
    print(text)
    for kind, doc_text, category, detail in parts["tune"]["errors"][: args.errors]:
        print(f"[{category}] {detail}  ({kind})  {doc_text}")
    if not args.no_write:
        write_result("addresses.md", text)


if __name__ == "__main__":
    main()
