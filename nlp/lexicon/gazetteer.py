"""The Chinese division gazetteer as plain data: lookups by name and by code (no spaCy).

Data: ``nlp/data/places.tsv`` (built by ``python -m nlp.training.build_gazetteer``), one
row per (name, unit): ``name, code, level, province, kind``. Codes are 6-digit GB/T
2260-style strings ("420100"); levels are ``province`` / ``prefecture`` / ``county``.

    >>> province_of("420100"), province_of("500101"), level_of("370200")
    ('湖北省', '重庆市', 'prefecture')
"""
from __future__ import annotations

import functools
from collections import Counter
from typing import NamedTuple

from ..data import read_tsv
from ..labels import GPE, LOC

PLACES_FILE = "places.tsv"
LEVELS = ("province", "prefecture", "county")
#: Rank of a level: lower is higher up (used to prefer 朝阳市 over 朝阳区 without context).
LEVEL_RANK = {level: i for i, level in enumerate(LEVELS)}
#: Administrative suffixes a full division name ends with (湖北省, 武汉市, 锡林郭勒盟).
ADMIN_SUFFIXES = frozenset("省市县区州旗盟")


class Place(NamedTuple):
    """One name of one division: ``kind`` is full / short / form / old / old_short."""
    name: str
    code: str  # "" when the sources give none (Taiwan's counties)
    level: str
    province: str  # 2-digit prefix of the province code
    kind: str


@functools.lru_cache(maxsize=None)
def places_by_name() -> dict[str, tuple[Place, ...]]:
    """RETURNS every name of the gazetteer with the divisions it may denote."""
    out: dict[str, list[Place]] = {}
    for line_no, f in read_tsv(PLACES_FILE, min_fields=5):
        if f[2] not in LEVEL_RANK:
            raise ValueError(f"{PLACES_FILE}:{line_no}: unknown level {f[2]!r}")
        out.setdefault(f[0], []).append(Place(*f[:5]))
    return {name: tuple(ps) for name, ps in out.items()}


@functools.lru_cache(maxsize=None)
def _official() -> dict[str, Place]:
    """code -> the row with its official (full) name."""
    return {p.code: p for ps in places_by_name().values() for p in ps if p.kind == "full" and p.code}


def name_of(code: str) -> str | None:
    """RETURNS the official name of division ``code`` ("370200" → "青岛市"), or None."""
    p = _official().get(str(code))
    return p.name if p else None


def level_of(code: str) -> str | None:
    """RETURNS "province", "prefecture" or "county" for a division code, or None.

    Codes not in the gazetteer get the level their shape implies (xx0000, xxxx00).
    """
    code = str(code)
    p = _official().get(code)
    if p is not None:
        return p.level
    if len(code) != 6 or not code.isdigit():
        return None
    return "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"


def province_of(code: str) -> str | None:
    """RETURNS the full official name of the province-level unit containing ``code``.

    "420100" → "湖北省", "500101" → "重庆市", "650000" → "新疆维吾尔自治区"; None if unknown.
    """
    code = str(code)
    return name_of(code[:2] + "0000") if len(code) >= 2 else None


def contains(outer: str, inner: str) -> bool:
    """RETURNS whether division ``inner`` lies within (or is) division ``outer``."""
    if not outer or not inner:
        return False
    level = level_of(outer)
    prefix = {"province": 2, "prefecture": 4}.get(level or "", 6)
    return inner[:prefix] == outer[:prefix]


#: Province-level cities whose districts are named right after the city (北京朝阳).
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})


def is_ancestor(outer: str, inner: str) -> bool:
    """RETURNS whether ``outer`` is a division above ``inner``, directly or not (吉林 → 九台区,
    whose parent is 长春市)."""
    lo, li = level_of(outer), level_of(inner)
    if not outer or not inner or outer == inner or outer[:2] != inner[:2]:
        return False
    if lo == "province":
        return li in ("prefecture", "county")
    return lo == "prefecture" and li == "county" and inner[:4] == outer[:4]


def is_parent(outer: str, inner: str) -> bool:
    """RETURNS whether ``outer`` is the division directly above ``inner``.

    A prefecture is a county's parent; a province is the parent of its prefectures, of
    the districts of a municipality (北京 → 朝阳区) and of directly administered counties
    (湖北 → 仙桃市, code 4290xx).
    """
    lo, li = level_of(outer), level_of(inner)
    if not outer or not inner or outer[:2] != inner[:2]:
        return False
    if lo == "prefecture":
        return li == "county" and inner[:4] == outer[:4]
    if lo == "province":
        return li == "prefecture" or (li == "county" and (outer[:2] in MUNICIPALITIES or inner[2:4] == "90"))
    return False


FOREIGN_FILE = "foreign_places.tsv"
LOCATIONS_FILE = "locations.tsv"


@functools.lru_cache(maxsize=None)
def foreign_place_types() -> dict[str, str]:
    """RETURNS name -> type (country / city / region) of ``foreign_places.tsv``."""
    return {f[0]: f[1] for _, f in read_tsv(FOREIGN_FILE, min_fields=2)}


@functools.lru_cache(maxsize=None)
def foreign_countries() -> frozenset[str]:
    """RETURNS the countries of ``foreign_places.tsv`` other than China (中国, 中华人民共和国)."""
    return frozenset(f[0] for _, f in read_tsv(FOREIGN_FILE, min_fields=3) if f[1] == "country" and f[2] != "中国")


@functools.lru_cache(maxsize=None)
def foreign_places() -> frozenset[str]:
    """RETURNS the names in ``foreign_places.tsv`` (countries, foreign cities and regions: GPE)."""
    return frozenset(foreign_place_types())


@functools.lru_cache(maxsize=1)
def transliteration_chars() -> frozenset[str]:
    """RETURNS the characters that spell foreign names: those in three or more of the foreign
    places of ``foreign_places.tsv`` (斯, 尔, 克, 拉...)."""
    counts = Counter(c for name in foreign_places() for c in set(name))
    return frozenset(c for c, n in counts.items() if n >= 3)


@functools.lru_cache(maxsize=None)
def locations() -> frozenset[str]:
    """RETURNS the names in ``locations.tsv`` (rivers, lakes, mountains, seas, regions: LOC)."""
    return frozenset(f[0] for _, f in read_tsv(LOCATIONS_FILE, min_fields=2))


def best_code(places: tuple[Place, ...] | list[Place]) -> str | None:
    """RETURNS the code of the highest-level division among ``places`` if it is unique, else None.

    Without context 朝阳 is 朝阳市 (a prefecture above the districts 朝阳区) and 海南 is 海南省;
    鼓楼区 (four districts, one level) stays None.
    """
    places = [p for p in places if p.code]
    if not places:
        return None
    best = min(LEVEL_RANK[p.level] for p in places)
    top = {p.code for p in places if LEVEL_RANK[p.level] == best}
    return top.pop() if len(top) == 1 else None


@functools.lru_cache(maxsize=None)
def risky_aliases() -> frozenset[str]:
    """RETURNS the division aliases that are ordinary words too (白云, 和平, 金山): from
    ``place_risky.txt`` (hand-made) and ``place_risky_auto.txt`` (built from MSRA and jieba)."""
    return frozenset(f[0] for file in ("place_risky.txt", "place_risky_auto.txt") for _, f in read_tsv(file))


def lookup(name: str) -> tuple[str, str | None] | None:
    """RETURNS ``(label, code or None)`` for a place name any list knows, else None.

    The same precedence as the places stage: a Chinese division by its full or news form
    is GPE with its code (see ``best_code``); a name of ``locations.tsv`` is LOC (泰山 the
    mountain rather than 泰山区's short alias); then other division aliases (GPE); then
    ``foreign_places.tsv`` (GPE, no code).

        >>> lookup("武汉市"), lookup("长江"), lookup("巴黎"), lookup("火星")
        (('GPE', '420100'), ('LOC', None), ('GPE', None), None)
    """
    places = places_by_name().get(name)
    if places and any(p.kind in ("full", "form") for p in places):
        return GPE, best_code(places)
    if name in locations():
        return LOC, None
    if places:
        return GPE, best_code(places)
    if name in foreign_places():
        return GPE, None
    return None


def division_code(name: str) -> str | None:
    """RETURNS the division code ``lookup`` gives ``name``: None for a foreign or unknown place."""
    found = lookup(name)
    return found[1] if found else None
