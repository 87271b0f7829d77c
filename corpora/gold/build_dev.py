"""Build ``dev.jsonl`` from the hand-written source ``dev_source.txt``.

Offsets are never written by hand: the source names each entity by its surface
form, in order of appearance, and this script finds the offsets, checks the
annotation and writes the JSON Lines file of SPEC section 2.

Usage::

    python corpora/gold/build_dev.py            # check, show warnings, write dev.jsonl
    python corpora/gold/build_dev.py --show     # also print every document with [span|LABEL] marks
    python corpora/gold/build_dev.py --check    # check only, write nothing; exit 1 on errors

Source format (``dev_source.txt``, UTF-8, one record per line, fields separated by
whitespace, so no surface may contain a space; ``#`` starts a comment line)::

    === dev-001                     start a document with this id
    T <text>                        the text (one line; the rest of the line, verbatim)
    E <surface> <LABEL> [value [unit]]
                                    an entity. It is resolved to the first occurrence of
                                    <surface> at or after the end of the previous entity.
                                    <surface>@k takes the k-th such occurrence instead.
                                    MONEY/PERCENT/QUANTITY need value and unit; a DATE may
                                    carry an ISO value (2023, 2023-05, 2023-05-08).
    O <surface> <LABEL>             an optional span (generic 全国, 全市, 当地, 驻华 ...),
                                    resolved like entities among the optional spans, skipping
                                    occurrences that overlap an entity.
    R <person> <title> <org|->      a person_title relation; ``-`` means org null.
    C <city> <province>             a city_province relation (province: full official name).

The checks (errors stop the build):
  * every surface is found; spans are sorted and do not overlap; labels are SPEC labels;
  * numeric entities have a number ``value`` and a ``unit``; each value is compared with
    a small independent parser of the surface (a mismatch is an error);
  * relation members: person is a PERSON text, title a TITLE text, org occurs in the text;
    city is a GPE text, province a full province-level name from the gazetteer.
Warnings (printed, for review): a GPE text that the gazetteer places below province level
but that has no city_province entry; a city_province pair that the gazetteer does not
know; an entity surface that occurs again unannotated; a generic word (全国, 全市 ...)
not marked optional; text length outside 80-300 characters or sentence count outside 2-6.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "dev_source.txt"
TARGET = HERE / "dev.jsonl"
#: shared/ sits next to the project's root (SPEC: "from the project's root this folder is ../shared")
GAZETTEER = HERE.parents[2] / "shared" / "gazetteer"

LABELS = ("PERSON", "ORG", "GPE", "LOC", "TITLE", "DATE", "MONEY", "PERCENT", "QUANTITY")
NUMERIC = ("MONEY", "PERCENT", "QUANTITY")
GENERIC_WORDS = ("全国", "我国", "全省", "全市", "全区", "全县", "全州", "当地", "驻华", "本市", "本省")


class SourceError(ValueError):
    pass


# ---------------------------------------------------------------------------
# an independent numeral parser, only to cross-check the hand-written values
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def _cn_int(s: str) -> int:
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _DIGITS:
            digit = _DIGITS[ch] if digit is None else digit * 10 + _DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        elif ch in _BIG:
            section += digit or 0
            total = (total + section) * _BIG[ch] if ch == "亿" else total + section * _BIG[ch]
            section, digit = 0, None
        else:
            raise ValueError(s)
    return total + section + (digit or 0)


def parse_number(s: str) -> float:
    """'286亿' -> 2.86e10, '一百七十万' -> 1.7e6, '二十六点四' -> 26.4, '1,200' -> 1200."""
    # People's Daily 1998 writes the decimal point as a middle dot (８６·３％)
    s = s.translate(_WIDTH).replace(",", "").replace("，", "").replace("·", ".")
    mult = 1
    while s and s[-1] in _BIG and not re.fullmatch(r"[零〇一二两三四五六七八九十百千万亿]+", s):
        mult *= _BIG[s[-1]]
        s = s[:-1]
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s) * mult
    if "点" in s:
        whole, frac = s.split("点", 1)
        return (_cn_int(whole) + float("0." + "".join(str(_DIGITS[c]) for c in frac))) * mult
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([万亿]+)", s)
    if m:
        v = float(m.group(1))
        for ch in m.group(2):
            v *= _BIG[ch]
        return v * mult
    return _cn_int(s) * mult


def surface_value(label: str, surface: str, unit: str) -> float:
    s = surface.translate(_WIDTH)
    if label == "PERCENT":
        if s.endswith("%"):
            return parse_number(s[:-1]) / 100
        if s.startswith("百分之"):
            return parse_number(s[3:]) / 100
        if s.startswith("千分之"):
            return parse_number(s[3:]) / 1000
        if s.endswith("成"):
            return parse_number(s[:-1]) / 10
        if "分之" in s:
            den, num = s.split("分之")
            return parse_number(num) / parse_number(den)
        if re.fullmatch(r"\d+/\d+", s):  # a fraction in digits (1/50 = 五十分之一)
            num, den = s.split("/")
            return parse_number(num) / parse_number(den)
        raise ValueError(surface)
    body = s
    # a currency name after an amount in 元 is in the span and the unit is 元
    # (２１１９·９８亿元人民币, 8.06亿人民币 -> 元; corpora/gold/README.md, numbers_real)
    if unit == "元" and body.endswith("人民币"):
        body = body[: -len("人民币")]
    # colloquial 块/块钱 for 元 (３００多块钱 -> 300 元, as numbers_real writes 3500块钱)
    if unit == "元" and body.endswith(("块钱", "块")):
        body = body[: -2] if body.endswith("块钱") else body[:-1]
    # 美金, the colloquial name of the US dollar, is written 美元 (nlp/data/units.tsv, numbers_real)
    if unit == "美元" and body.endswith("美金"):
        body = body[:-2]
    if body.endswith(unit):
        body = body[: -len(unit)]
    # else: the first member of an elliptical range (180万 in 180万至200万人次)
    # carries the unit written after the second one
    if unit in ("百分点", "基点") and body.endswith("个"):
        body = body[:-1]
    # 余/多 inside the expression (60余万元, 8万余吨, 80多位) do not change the value
    return parse_number(re.sub("[余多]", "", body))


# ---------------------------------------------------------------------------
# the gazetteer, only for warnings about city_province
def load_gazetteer():
    provinces, places = set(), defaultdict(set)
    if not GAZETTEER.exists():
        return provinces, places
    code2prov = {}
    with open(GAZETTEER / "modood_2023" / "provinces.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code2prov[row["code"]] = row["name"]
            provinces.add(row["name"])
    for fname in ("cities.csv", "areas.csv"):
        with open(GAZETTEER / "modood_2023" / fname, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["name"] not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                    places[row["name"]].add(code2prov[row["provinceCode"]])
    levels = GAZETTEER / "jionlp" / "china_location_levels1-3.txt"
    for line in levels.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) == 3:
            name, code, alias = parts
            prov = code2prov.get(code[:2])
            if prov and name != prov:
                places[name].add(prov)
                places[alias].add(prov)
                if name.endswith("自治州"):  # 延边朝鲜族自治州 -> 延边州
                    places[alias + "州"].add(prov)
    change = GAZETTEER / "jionlp" / "china_location_change.txt"
    for line in change.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) >= 6 and parts[2] in provinces:
            for p in parts[4:]:
                if "=>" in p:
                    p = p.split("=>")[0]
                if p and p not in (parts[2], parts[3]):
                    places[p].add(parts[2])
    return provinces, places


# ---------------------------------------------------------------------------
def parse_source(path: Path) -> list[dict]:
    """Read the source file into raw document records (no offsets yet)."""
    docs, cur = [], None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path.name}:{lineno}"
        if line.startswith("==="):
            cur = {"id": line[3:].strip(), "text": None, "E": [], "O": [], "R": [], "C": [],
                   "where": where}
            docs.append(cur)
            continue
        if cur is None:
            raise SourceError(f"{where}: record before the first '=== id' line")
        tag, _, rest = line.partition(" ")
        if tag == "T":
            if cur["text"] is not None:
                raise SourceError(f"{where}: second T line in {cur['id']}")
            cur["text"] = rest.strip()
        elif tag in ("E", "O", "R", "C"):
            cur[tag].append((rest.split(), where))
        else:
            raise SourceError(f"{where}: unknown record {tag!r}")
    return docs


def _find(text: str, surface: str, start: int, nth: int, where: str, avoid=()) -> int:
    pos, seen = start, 0
    while True:
        i = text.find(surface, pos)
        if i < 0:
            raise SourceError(f"{where}: {surface!r} not found after offset {start}")
        if any(i < e and s < i + len(surface) for s, e in avoid):
            pos = i + 1
            continue
        seen += 1
        if seen == nth:
            return i
        pos = i + 1


def _number(tok: str, where: str):
    try:
        v = float(tok)
    except ValueError:
        raise SourceError(f"{where}: value {tok!r} is not a number") from None
    return int(v) if v.is_integer() and "e" not in tok.lower() and abs(v) < 2**53 else v


def build_doc(raw: dict, warnings: list) -> dict:
    doc_id, text = raw["id"], raw["text"]
    if not text:
        raise SourceError(f"{raw['where']}: document {doc_id} has no text")
    entities, cursor = [], 0
    for fields, where in raw["E"]:
        if len(fields) < 2:
            raise SourceError(f"{where}: entity needs surface and label")
        surface, label = fields[0], fields[1]
        nth = 1
        if "@" in surface:
            surface, k = surface.rsplit("@", 1)
            nth = int(k)
        if label not in LABELS:
            raise SourceError(f"{where}: unknown label {label}")
        start = _find(text, surface, cursor, nth, where)
        ent = {"start": start, "end": start + len(surface), "label": label, "text": surface}
        if label in NUMERIC:
            if len(fields) != 4:
                raise SourceError(f"{where}: {label} {surface} needs value and unit")
            ent["value"] = _number(fields[2], where)
            ent["unit"] = fields[3]
            try:
                expect = surface_value(label, surface, ent["unit"])
            except (ValueError, KeyError) as exc:
                raise SourceError(f"{where}: cannot check value of {surface}: {exc}") from None
            if abs(expect - ent["value"]) > 1e-9 * max(1.0, abs(expect)):
                raise SourceError(f"{where}: {surface} value {ent['value']} != parsed {expect}")
        elif len(fields) == 3:
            ent["value"] = fields[2]
        elif len(fields) > 3:
            raise SourceError(f"{where}: too many fields")
        entities.append(ent)
        cursor = ent["end"]
    spans = [(e["start"], e["end"]) for e in entities]

    optional, ocursor = [], 0
    for fields, where in raw["O"]:
        if len(fields) != 2 or fields[1] not in LABELS:
            raise SourceError(f"{where}: optional needs surface and a SPEC label")
        start = _find(text, fields[0], ocursor, 1, where, avoid=spans)
        optional.append({"start": start, "end": start + len(fields[0]), "label": fields[1],
                         "text": fields[0]})
        ocursor = start + len(fields[0])

    texts = defaultdict(set)
    for e in entities:
        texts[e["label"]].add(e["text"])
    person_title = []
    for fields, where in raw["R"]:
        if len(fields) != 3:
            raise SourceError(f"{where}: R needs person title org")
        person, title, org = fields
        if person not in texts["PERSON"]:
            raise SourceError(f"{where}: {person} is no PERSON in {doc_id}")
        if title not in texts["TITLE"]:
            raise SourceError(f"{where}: {title} is no TITLE in {doc_id}")
        if org == "-":
            org = None
        elif org not in text:
            raise SourceError(f"{where}: org {org} does not occur in {doc_id}")
        elif org not in texts["ORG"] | texts["GPE"]:
            if not any(o.startswith(org) for o in texts["ORG"]):
                warnings.append(f"{doc_id}: org {org} is neither an entity nor an ORG's head")
        rel = {"person": person, "title": title, "org": org}
        if rel in person_title:
            raise SourceError(f"{where}: duplicate relation")
        person_title.append(rel)
    city_province = []
    for fields, where in raw["C"]:
        if len(fields) != 2:
            raise SourceError(f"{where}: C needs city province")
        city, prov = fields
        if city not in texts["GPE"]:
            raise SourceError(f"{where}: {city} is no GPE in {doc_id}")
        rel = {"city": city, "province": prov}
        if rel in city_province:
            raise SourceError(f"{where}: duplicate relation")
        city_province.append(rel)

    return {"id": doc_id, "text": text, "entities": entities, "optional": optional,
            "relations": {"person_title": person_title, "city_province": city_province}}


def validate(doc: dict) -> None:
    """The structural checks that tests/test_gold_files.py also makes."""
    text, prev_end = doc["text"], 0
    for e in doc["entities"]:
        assert text[e["start"]:e["end"]] == e["text"], (doc["id"], e)
        assert e["start"] >= prev_end, (doc["id"], "overlap or unsorted", e)
        assert e["label"] in LABELS, (doc["id"], e)
        if e["label"] in NUMERIC:
            assert isinstance(e.get("value"), (int, float)) and e.get("unit"), (doc["id"], e)
        prev_end = e["end"]
    for o in doc["optional"]:
        assert text[o["start"]:o["end"]] == o["text"], (doc["id"], o)


def review(doc: dict, provinces: set, places: dict, warnings: list) -> None:
    """Soft checks that point at likely annotation slips."""
    did, text = doc["id"], doc["text"]
    if not 80 <= len(text) <= 300:
        warnings.append(f"{did}: {len(text)} characters")
    n_sent = len(re.findall(r"[。！？]", text))
    if not 2 <= n_sent <= 6:
        warnings.append(f"{did}: {n_sent} sentences")
    for rel in doc["relations"]["city_province"]:
        if rel["province"] not in provinces:
            raise SourceError(f"{did}: {rel['province']} is not a full province-level name")
        if places and rel["province"] not in places.get(rel["city"], ()):
            warnings.append(f"{did}: gazetteer does not place {rel['city']} in {rel['province']}")
    short_prov = {re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", p)
                  for p in provinces}
    cities = {r["city"] for r in doc["relations"]["city_province"]}
    for e in doc["entities"]:
        if e["label"] == "GPE" and e["text"] not in cities:
            t = e["text"]
            if t in provinces or t in short_prov or t in ("香港", "澳门", "台湾", "中国"):
                continue
            if t in places:
                warnings.append(f"{did}: GPE {t} has no city_province entry")
    covered = [(e["start"], e["end"]) for e in doc["entities"]] + \
              [(o["start"], o["end"]) for o in doc["optional"]]
    for surface in {e["text"] for e in doc["entities"] if len(e["text"]) > 1}:
        for m in re.finditer(re.escape(surface), text):
            if not any(s <= m.start() and m.end() <= e for s, e in covered):
                warnings.append(f"{did}: unannotated repeat of {surface} at {m.start()}")
    for w in GENERIC_WORDS:
        for m in re.finditer(w, text):
            if not any(s <= m.start() and m.end() <= e for s, e in covered):
                warnings.append(f"{did}: generic {w} at {m.start()} not optional")


def render(doc: dict) -> str:
    out, pos = [], 0
    text = doc["text"]
    marks = sorted([(e["start"], e["end"], e["label"], e.get("value"), e.get("unit"))
                    for e in doc["entities"]] +
                   [(o["start"], o["end"], "opt", None, None) for o in doc["optional"]])
    for s, e, lab, v, u in marks:
        out.append(text[pos:s])
        extra = f"={v}{u or ''}" if v is not None else ""
        out.append(f"[{text[s:e]}|{lab}{extra}]")
        pos = e
    out.append(text[pos:])
    lines = [f"--- {doc['id']}", "".join(out)]
    for r in doc["relations"]["person_title"]:
        lines.append(f"  PT {r['person']} / {r['title']} / {r['org']}")
    for r in doc["relations"]["city_province"]:
        lines.append(f"  CP {r['city']} -> {r['province']}")
    return "\n".join(lines)


def build(source: Path = SOURCE, warnings: list | None = None) -> list[dict]:
    """Parse, resolve and check the source; return the documents."""
    warnings = [] if warnings is None else warnings
    provinces, places = load_gazetteer()
    docs, ids = [], set()
    for raw in parse_source(source):
        if raw["id"] in ids:
            raise SourceError(f"{raw['where']}: duplicate id {raw['id']}")
        ids.add(raw["id"])
        doc = build_doc(raw, warnings)
        validate(doc)
        review(doc, provinces, places, warnings)
        docs.append(doc)
    return docs


def dumps(docs: list[dict]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print the documents with their marks")
    ap.add_argument("--check", action="store_true", help="check only, do not write")
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--out", type=Path, default=TARGET)
    args = ap.parse_args(argv)
    warnings: list[str] = []
    try:
        docs = build(args.source, warnings)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.show:
        for d in docs:
            print(render(d))
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    counts = defaultdict(int)
    for d in docs:
        for e in d["entities"]:
            counts[e["label"]] += 1
        for kind, rels in d["relations"].items():
            counts[kind] += len(rels)
        counts["optional"] += len(d["optional"])
    print(f"{len(docs)} documents; " + ", ".join(f"{k} {counts[k]}" for k in
          (*LABELS, "optional", "person_title", "city_province")), file=sys.stderr)
    if not args.check:
        args.out.write_text(dumps(docs), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
