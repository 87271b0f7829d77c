"""Build the shipped place gazetteer ``nlp/data/places.tsv`` from ``../shared/gazetteer``.

    python -m nlp.training.build_gazetteer [--src ../shared/gazetteer] [--out nlp/data]

Sources (see ``shared/gazetteer/SOURCES.md``):

- modood 2023 (NBS codes): the canonical units and codes. Placeholders (市辖区, 县,
  省直辖县级行政区划) and the NBS-only pseudo units with codes ``xxxx7x`` are dropped.
- jionlp ``china_location_levels1-3.txt``: short aliases (山东, 青岛, 延边), the units
  modood lacks (香港, 澳门, 台湾 and Taiwan's cities/counties).
- jionlp ``china_location_change.txt``: old names (宜宾县 → 叙州区's code, 襄樊 → 襄阳); and
  the former names of county-level units that changed only their suffix (南安县 → 南安市).

Output, one row per (name, unit), sorted::

    name <TAB> code <TAB> level <TAB> province <TAB> kind

``code`` is the 6-digit GB/T 2260-style code (empty for Taiwan's counties, which have
none in the sources), ``level`` is province / prefecture / county, ``province`` the
2-digit province prefix, ``kind`` one of ``full`` (official name), ``short`` (alias
without suffix), ``form`` (alias + 州/县/旗/特区), ``old`` / ``old_short`` (former names).
A name may have several rows: that is an ambiguity the runtime resolves from context
(``nlp/pipeline/places.py``). Also writes ``segmenter_words.txt`` (with the titles of
``titles_core.txt``), keeping full names of 3+ characters that are not in
``place_risky.txt``.
"""
from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SRC = Path("../shared/gazetteer")
DEFAULT_MSRA = Path("../shared/corpora/msra/msra_train_bio.txt")
#: MSRA train sentences used for the ambiguity statistics; the rest (40000..) stays unseen
#: so that ``benchmarks/place_precision.py`` can measure on it.
MSRA_STATS_SENTENCES = 40000
# jieba POS tags of ordinary words (verbs, adjectives, directions...): an alias that jieba
# knows only as such a word is risky when the corpus statistics say nothing.
_WORD_TAGS = {"v", "vn", "vd", "a", "ad", "an", "d", "c", "m", "q", "f", "s", "t", "b", "r", "p", "u", "i", "l"}
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data"

LEVELS = ("province", "prefecture", "county")
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "市直辖行政区划",
                "省直辖行政区划"}
# Suffixes stripped to derive a short alias when jionlp has none (longest first).
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区",
             "特区", "省", "市", "区", "县", "旗", "盟")
# Names that are generic words (mostly 城区/郊区 types). A unit named so (阳泉市|城区, 济南市|市中区)
# is kept under its full name and listed in place_risky_auto.txt, so that it counts only right
# after its direct parent; as an alias or a form such a name is never a place.
_GENERIC = {"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "市中区", "新区",
            "经开区", "高新区", "市直辖", "省直辖", "管理区", "示范区", "产业园", "临港区"}
# Minority-group names that prefix autonomous units' suffixes (for 自治州 → 州 forms).
_ETHNIC = re.compile(r"(?:[\u4e00-\u9fff]{1,5}?族)+(?=自治)")


@dataclass
class Unit:
    name: str
    code: str  # 6 digits, or "" when the sources give none
    level: str
    province: str  # 2 digits


def _pad(code: str) -> str:
    return code.ljust(6, "0")


def read_modood(src: Path) -> list[Unit]:
    """Real units from modood (NBS 2023): provinces, prefectures, counties."""
    units: list[Unit] = []
    with open(src / "modood_2023/provinces.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            units.append(Unit(row["name"], _pad(row["code"]), "province", row["code"]))
    with open(src / "modood_2023/cities.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["name"] not in PLACEHOLDERS:
                units.append(Unit(row["name"], _pad(row["code"]), "prefecture", row["provinceCode"]))
    with open(src / "modood_2023/areas.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["code"]
            if code[4] == "7" or row["name"] in PLACEHOLDERS:  # NBS pseudo units (开发区 etc.)
                continue
            units.append(Unit(row["name"], code, "county", row["provinceCode"]))
    return units


def read_jionlp(src: Path) -> list[tuple[int, str, str, str]]:
    """Rows ``(depth, name, code, alias)`` of the jionlp tree (code/alias may be empty)."""
    rows = []
    with open(src / "jionlp/china_location_levels1-3.txt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            depth = len(line) - len(line.lstrip("\t"))
            fields = line.strip("\t").split("\t") + ["", ""]
            rows.append((depth, fields[0], fields[1], fields[2]))
    return rows


def derive_short(name: str) -> str:
    """Strip ethnic qualifiers and the administrative suffix: 黔南布依族苗族自治州 → 黔南."""
    m = _ETHNIC.search(name, 2)  # the place name proper has 2+ characters
    base = name[: m.start()] + name[m.end():] if m else name
    for suf in _SUFFIXES:
        if base.endswith(suf) and len(base) - len(suf) >= 2:
            return base[: -len(suf)]
    return name


def forms(unit: Unit, short: str) -> list[str]:
    """News forms of autonomous units: 黔南州, 延边州, 湘西自治州, 双江县, 香港特区."""
    out = []
    if unit.name.endswith("自治州"):
        out += [short + "州", short + "自治州"]
    elif unit.name.endswith("自治县") and not short.endswith("县"):
        out += [short + "县", short + "自治县"]
    elif unit.name.endswith("自治旗") and not short.endswith("旗"):
        out.append(short + "旗")
    elif unit.name.endswith("特别行政区"):
        out.append(short + "特区")
    return out


def build_rows(src: Path) -> list[tuple[str, str, str, str, str]]:
    """All ``(name, code, level, province, kind)`` rows."""
    units = read_modood(src)
    by_code = {u.code: u for u in units}
    by_prov_name = {(u.province, u.name): u for u in units}
    jio = read_jionlp(src)

    # Units modood lacks: 香港, 澳门, 台湾 and Taiwan's subdivisions (names only below city).
    prov = ""
    for depth, name, code, _ in jio:
        if depth == 0:
            prov = code[:2]
            if prov in ("71", "81", "82"):
                units.append(Unit(name, code, "province", prov))
        elif prov == "71" and name not in PLACEHOLDERS:
            if depth == 1 and code and code != "710700":
                units.append(Unit(name, code, "prefecture", prov))
            elif depth == 2 and name.endswith(("县", "市")) and not code:
                units.append(Unit(name, "", "prefecture", prov))  # 基隆市, 新竹县, ...
    by_code.update({u.code: u for u in units if u.code})
    by_prov_name.update({(u.province, u.name): u for u in units})

    rows: set[tuple[str, str, str, str, str]] = set()

    def add(name: str, u: Unit, kind: str) -> None:
        if len(name) >= 2 and (name not in _GENERIC or kind == "full"):
            rows.add((name, u.code, u.level, u.province, kind))

    alias_of: dict[tuple[str, str], str] = {}
    prov = ""
    for depth, name, code, alias in jio:
        if depth == 0:
            prov = code[:2]
        u = by_prov_name.get((prov, name)) or (by_code.get(code) if code and code[4:] != "00" or depth == 0 else None)
        if u is not None and alias and u.name == name:
            alias_of[(u.province, u.name)] = alias
    for u in units:
        add(u.name, u, "full")
        derived = derive_short(u.name)
        # jionlp may give two aliases, the news abbreviation first (巴州/巴音郭楞)
        aliases = [a for a in alias_of.get((u.province, u.name), "").split("/") if a]
        abbreviations = [a for a in aliases[:-1] if a.endswith("州") and u.name.endswith("自治州")]
        alias = aliases[-1] if aliases else ""
        if alias.endswith("州") and u.name.endswith("自治州"):  # jionlp's 海南州: a form
            alias = ""
        short = alias or derived
        if short != u.name:
            add(short, u, "short")
        for form in forms(u, short) + abbreviations:
            add(form, u, "form")
    full_names = {r[0] for r in rows if r[4] == "full"}
    current = {(r[0], r[1]) for r in rows}
    for old, kind, u in read_changes(src, by_prov_name):
        # a current official name always wins over a former one
        if old not in full_names and (old, u.code) not in current:
            add(old, u, kind)
    names = {r[0] for r in rows}
    for old, u in suffix_changes(units):
        if old not in names:
            add(old, u, "old")
    # a full order (a name and code may come at two levels: 东莞市), so every build is the same
    return sorted(rows, key=lambda r: (r[0], r[1], LEVELS.index(r[2]), r[3], r[4]))


def suffix_changes(units) -> list[tuple[str, "Unit"]]:
    """Former names of county-level units that changed only their suffix, the commonest
    renaming since the 1980s: a county became a county-level city or a district (南安县 →
    南安市, 顺义县 → 顺义区) and a county-level city a district (从化市 → 从化区). Older text
    (People's Daily 1998) uses the former name. RETURNS ``[(old_name, unit)]``; the caller
    drops a name that is already any unit's name."""
    out = []
    for u in units:
        if u.level != "county" or len(u.name) < 3 or u.name.endswith("新区"):
            continue
        stem, suffix = u.name[:-1], u.name[-1]
        if suffix == "区":
            out += [(stem + "县", u), (stem + "市", u)]
        elif suffix == "市":
            out.append((stem + "县", u))
    return out


def read_changes(src: Path, by_prov_name: dict) -> list[tuple[str, str, Unit]]:
    """Old names from ``china_location_change.txt`` mapped to today's unit.

    Only renamings at the same depth count (a county row to a county, a city row to a
    city). RETURNS a list of ``(old_name, "old" | "old_short", unit)``.
    """
    provinces = {u.name: u.province for u in by_prov_name.values() if u.level == "province"}
    out = []
    with open(src / "jionlp/china_location_change.txt", encoding="utf-8") as f:
        for line in f:
            if "=>" not in line:
                continue
            left, right = line.rstrip("\n").split("=>")
            old = left.split("\t")[2:]  # province, alias, city, alias[, county, alias]
            new = right.split("\t")     # province, city[, county]
            province = provinces.get(new[0])
            target = by_prov_name.get((province, new[-1]))
            if target is None or (len(new) == 3) != (len(old) == 6):
                continue
            old_name, old_alias = old[-2], old[-1]
            if old_name != target.name:
                out.append((old_name, "old", target))
            if old_alias and old_alias not in (old_name, target.name):
                out.append((old_alias, "old_short", target))
    return out


def corpus_risky(rows, msra: Path, user_words: list[str], limit: int = MSRA_STATS_SENTENCES) -> list[tuple[str, str]]:
    """Aliases that are more often not a place than a place, from MSRA train and jieba.

    For each short alias, every occurrence in the first ``limit`` MSRA train sentences that
    starts and ends at jieba word boundaries (as the runtime requires) is counted as a place (inside a LOC span), neutral (inside an ORG: the organisation
    stage handles those) or not a place. Risky: 2+ non-place uses outnumbering the place
    uses, or no occurrence at all and jieba's dictionary knows the string only as an
    ordinary word. RETURNS ``[(alias, reason)]``.
    """
    from ..io.corpora import read_char_tagged

    aliases = {r[0] for r in rows if r[4] in ("short", "old_short")}
    aliases -= {r[0] for r in rows if r[4] in ("full", "form")}
    lengths = sorted({len(a) for a in aliases})
    cut = _jieba_cutter(user_words)
    pos: dict[str, int] = dict.fromkeys(aliases, 0)
    neg: dict[str, int] = dict.fromkeys(aliases, 0)
    for n, (text, spans, _) in enumerate(read_char_tagged(msra)):
        if n >= limit:
            break
        bounds, k = {0}, 0
        for w in cut(text):
            k += len(w)
            bounds.add(k)
        for i in bounds:
            for length in lengths:
                a = text[i:i + length]
                if a not in pos or i + length not in bounds:
                    continue
                label = next((lab for s, e, lab in spans if s <= i and i + length <= e), None)
                if label == "LOC":
                    pos[a] += 1
                elif label != "ORG":
                    neg[a] += 1
    word_tags = _jieba_tags()
    out = []
    for a in sorted(aliases):
        if neg[a] >= 2 and neg[a] > pos[a]:
            out.append((a, f"msra place={pos[a]} other={neg[a]}"))
        elif pos[a] == neg[a] == 0 and word_tags.get(a) in _WORD_TAGS:
            out.append((a, f"jieba tag={word_tags[a]}"))
    return out


def generic_units(rows) -> list[tuple[str, str]]:
    """The units whose full name is a generic word (城区, 市中区), as ``[(name, reason)]``."""
    return [(name, "generic word") for name in sorted({r[0] for r in rows if r[4] == "full"} & _GENERIC)]


def _jieba_cutter(user_words: list[str]):
    """A jieba cut function with ``user_words`` added, as the runtime tokenizer builds it."""
    import jieba

    tok = jieba.Tokenizer()
    tok.initialize()
    for w in user_words:
        tok.add_word(w)
    return lambda text: list(tok.cut(text, HMM=True))


def _jieba_tags() -> dict[str, str]:
    """word -> POS tag of jieba's main dictionary (empty if jieba is not installed)."""
    try:
        import jieba
    except ImportError:
        return {}
    dict_path = Path(jieba.__file__).parent / "dict.txt"
    tags = {}
    with open(dict_path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def read_lines(path: Path) -> list[str]:
    """Non-comment first fields of a UTF-8 data file."""
    if not path.exists():
        return []
    return [ln.split("\t")[0].strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def segmenter_words(rows, out: Path) -> list[str]:
    """Full place names (3+ chars, not risky) and compound titles for the segmenter."""
    risky = set(read_lines(out / "place_risky.txt"))
    words = {r[0] for r in rows if r[4] in ("full", "form", "old") and len(r[0]) >= 3
             and r[0] not in risky and r[0] not in _GENERIC}
    words |= {w for w in read_lines(out / "titles_core.txt") if len(w) >= 3}
    return sorted(words)


TOWNSHIP_SUFFIXES = ("镇", "乡", "街道", "苏木")


def townships(src: Path, rows, out_dir: Path = DEFAULT_OUT) -> list[str]:
    """Township-level names (``streets.csv``) with their suffix, for GPEs without a code:
    3+ characters (城乡, 下乡 and other two-character words are out), no name the county-level
    gazetteer already has or ``place_risky.txt`` lists (小城镇, 古城镇), and not the
    development zones, farms and offices of that level."""
    known = {r[0] for r in rows} | set(read_lines(out_dir / "place_risky.txt"))  # 小城镇
    out = set()
    with open(src / "modood_2023" / "streets.csv", encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            name = rec["name"]
            if name.endswith(TOWNSHIP_SUFFIXES) and len(name) >= 3 and name not in known:
                out.add(name)
    return sorted(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="shared/gazetteer folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="nlp/data folder")
    ap.add_argument("--msra", type=Path, default=DEFAULT_MSRA, help="MSRA train (ambiguity statistics)")
    args = ap.parse_args(argv)
    rows = build_rows(args.src)
    header = "# name\tcode\tlevel\tprovince\tkind  (built by nlp/training/build_gazetteer.py)\n"
    (args.out / "places.tsv").write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    towns = townships(args.src, rows, args.out)
    (args.out / "townships.txt").write_text(
        "# township-level names (镇, 乡, 街道, 苏木), NBS 2023  (built by nlp/training/build_gazetteer.py)\n"
        + "".join(t + "\n" for t in towns), encoding="utf-8")
    print(f"townships.txt: {len(towns)} names")
    words = segmenter_words(rows, args.out)
    (args.out / "segmenter_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    if args.msra.exists():
        risky = sorted(corpus_risky(rows, args.msra, words) + generic_units(rows))
        (args.out / "place_risky_auto.txt").write_text(
            "# alias\treason  (built by nlp/training/build_gazetteer.py from MSRA train and jieba)\n"
            + "".join(f"{a}\t{why}\n" for a, why in risky), encoding="utf-8")
        print(f"place_risky_auto.txt: {len(risky)} aliases")
    units = {(r[1], r[3], r[2]) for r in rows if r[4] == "full"}
    for level in LEVELS:
        print(f"{level}: {sum(1 for u in units if u[2] == level)} units")
    print(f"places.tsv: {len(rows)} rows; segmenter_words.txt: {len(words)} words")


if __name__ == "__main__":
    main()
