"""Build ``nlp/data/locations.tsv``: the LOC names (natural features and regions) the rules know.

    python -m nlp.training.build_locations [--corpora ../shared/corpora] [--out nlp/data]

Two sources, each row saying which:

- **corpus**: names the training text itself marks as places, that the gazetteer does not
  hold (it holds the divisions) and that end in a natural-feature word (江, 湖, 山, 岛, 高原 …,
  ``FEATURE_TYPES``): People's Daily 1998-01 ``ns`` words and ``[…]ns`` compounds
  (``splits.training_paragraphs``: without the reserved days) and MSRA train LOC spans (less the NER dev split; MSRA test is never read).
  Kept when seen at least ``MIN_COUNT`` times; a two-character name (马岛, 蔚山: abbreviations
  and city names are common there) at least ``MIN_COUNT_SHORT`` times, and as ``ns`` in at
  least ``MIN_SHARE_SHORT`` of its People's Daily occurrences.
- **core**: closed classes of general geography, listed below entry by entry: continents
  and world regions, oceans and the seas that border many countries, and China's
  macro-regions as the State Council and the statistics bureau name them, with the national new
  areas that span several counties (雄安新区, 两江新区); and the famous
  mountains and lakes that a division is named after (黄山 and 黄山市, 太湖 and 太湖县): the
  corpus cannot tell the two apart, and without a suffix the feature is meant (SPEC: 黄山 the
  mountain is LOC; the city is written 黄山市). No name is here because a gold file has it.

Each river's basin (…流域) is added as a region.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from ..lexicon import gazetteer
from ..text import fold_width
from .splits import SHARED, msra_split, training_paragraphs

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data"
MIN_COUNT = 3
MIN_COUNT_SHORT = 5
MIN_SHARE_SHORT = 0.5

#: natural-feature endings and the type they give; longer endings are tried first
FEATURE_TYPES = {
    "运河": "river", "江": "river", "河": "river",
    "水库": "lake", "湖": "lake", "淀": "lake",
    "山脉": "mountain", "雪山": "mountain", "山": "mountain", "峰": "mountain", "岭": "mountain",
    "海峡": "sea", "海": "sea", "洋": "sea", "湾": "sea",
    "半岛": "island", "群岛": "island", "列岛": "island", "岛": "island",
    "高原": "land", "平原": "land", "盆地": "land", "沙漠": "land", "草原": "land", "三角洲": "land",
    "流域": "region",
}

CORE = {
    # continents and world regions, and the Palestinian and Syrian territories of Middle East news
    "region": """亚洲 欧洲 非洲 北美洲 南美洲 大洋洲 南极洲 美洲 北美 南美 中美洲 拉丁美洲 拉美 欧美
        东亚 东南亚 南亚 中亚 西亚 东北亚 中东 远东 北非 西非 东非 中非地区 南部非洲 北欧 西欧 东欧
        南欧 中欧 中东欧 亚太 亚太地区 欧亚大陆 加勒比地区 北极 南极 巴尔干 高加索
        华北 华东 华南 华中 东北地区 西北地区 西南地区 华北地区 华东地区 华南地区 华中地区
        长三角 长江三角洲 珠三角 珠江三角洲 京津冀 粤港澳大湾区 成渝 川渝 江浙沪 长株潭 环渤海
        江淮 黄淮 黄淮海 江汉 江南 岭南 塞北 关中 西北 西南 东北 东北三省
        苏北 苏南 苏中 皖南 皖北 闽南 闽北 陕北 陕南 赣南 粤东 粤西 粤北 鲁西南 鲁西北 鲁南 藏北 川西
        豫东 豫西 浙南 湘南 桂北 滇西 辽西 晋南 冀中
        北半球 南半球 东半球 西半球
        约旦河西岸 加沙地带 戈兰高地
        雄安新区 两江新区""",
    # the Five Great Mountains, the Four Buddhist Mountains, and other famous features a
    # county, city or district is named after (崂山区, 五指山市)
    "mountain": "泰山 华山 衡山 恒山 嵩山 五台山 峨眉山 九华山 普陀山 黄山 庐山 井冈山 武夷山 天山 崂山 五指山",
    # China's five great freshwater lakes, 洪湖 (洪湖市) and 西湖 (the districts of Hangzhou and
    # Nanchang named after lakes; 西湖 of Hangzhou is a World Heritage site)
    "lake": "鄱阳湖 洞庭湖 太湖 洪泽湖 巢湖 洪湖 西湖",
    # China's seven great river systems; the world's ten longest rivers (黑龙江 is a province)
    "river": """长江 黄河 珠江 淮河 海河 辽河 松花江 尼罗河 亚马孙河 密西西比河 叶尼塞河 鄂毕河
        巴拉那河 刚果河 湄公河""",
    # oceans and the seas that border several countries
    "sea": """太平洋 大西洋 印度洋 北冰洋 南太平洋 地中海 加勒比海 红海 黑海 里海 波罗的海
        南海 东海 黄海 渤海 日本海 阿拉伯海 爱琴海 亚得里亚海 死海 波斯湾 墨西哥湾""",
}


def _feature_type(name: str) -> str | None:
    for ending in sorted(FEATURE_TYPES, key=len, reverse=True):
        if name.endswith(ending) and len(name) > len(ending):
            return FEATURE_TYPES[ending]
    return None


def corpus_counts(shared: Path = SHARED) -> tuple[Counter, Counter, Counter]:
    """RETURNS (place counts over both corpora, People's Daily ``ns`` counts, People's Daily
    counts of the same words with another tag)."""
    places, ns, other = Counter(), Counter(), Counter()
    for words in training_paragraphs(shared / "peoples_daily_1998" / "199801.txt"):
        compounds: dict[str, list[str]] = {}
        for word, pos, bracket in words:
            word = fold_width(word)
            (ns if pos == "ns" else other)[word] += 1
            if bracket:
                compounds.setdefault(bracket, []).append(word)
        for bracket, parts in compounds.items():
            if bracket.endswith(":ns"):
                places["".join(parts)] += 1
    places.update(ns)
    _, train = msra_split(shared)
    for text, spans in train:
        text = fold_width(text)
        places.update(text[s:e] for s, e, label in spans if label == "LOC")
    return places, ns, other


def build(shared: Path = SHARED) -> list[tuple[str, str, str]]:
    """RETURNS ``(name, type, source)`` rows, sorted by type then name."""
    places, ns, other = corpus_counts(Path(shared))
    divisions = set(gazetteer.places_by_name()) | set(gazetteer.foreign_places())
    rows: dict[str, tuple[str, str]] = {}
    for name, n in places.items():
        kind = _feature_type(name)
        if kind is None or name in divisions or not 2 <= len(name) <= 8:
            continue
        if len(name) == 2:
            seen = ns[name] + other[name]
            if n < MIN_COUNT_SHORT or not seen or ns[name] / seen < MIN_SHARE_SHORT:
                continue
        elif n < MIN_COUNT:
            continue
        rows[name] = (kind, f"corpus {n}")
    for kind, names in CORE.items():
        for name in names.split():
            rows.setdefault(name, (kind, "core"))
    for name, (kind, _) in list(rows.items()):
        if kind == "river":  # a river's basin is a region of its own (黄河流域, 珠江流域)
            rows.setdefault(name + "流域", ("region", f"basin of {name}"))
    return sorted(((name, kind, source) for name, (kind, source) in rows.items()), key=lambda r: (r[1], r[0]))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpora", default=str(SHARED))
    p.add_argument("--out", default=str(DEFAULT_OUT))
    a = p.parse_args()
    rows = build(Path(a.corpora))
    out = Path(a.out) / gazetteer.LOCATIONS_FILE
    with open(out, "w", encoding="utf-8") as f:
        f.write("# name\ttype (river/lake/mountain/sea/island/land/region)\tsource (corpus count, or core)"
                "  (built by python -m nlp.training.build_locations)\n")
        f.writelines(f"{name}\t{kind}\t{source}\n" for name, kind, source in rows)
    print(f"{len(rows)} names -> {out}")


if __name__ == "__main__":
    main()
