"""An address string's chain of places by the gazetteer (no spaCy): 北京市|海淀区|中关村大街.

Used to turn a corpus's address spans into SPEC annotations (``corpora/real/build_real.py``
drafts the real-text gold with it; ``benchmarks/addresses.py`` scores the extractor on real
delivery addresses). It reads the gazetteer only, not the extractor's rules, so that what it
expects does not follow what the extractor does.
"""
from __future__ import annotations

from . import gazetteer

import re

#: words that start the rest of a road, estate, building, station or township name in an
#: address (朝阳|路, 南京|东路, 上海|站, 北京|西客站, 双河|镇), read after a unit's short name
FACILITY_START = re.compile(r"[东西南北中]?(?:路|大?街|大道)|[东西南北]?(?:火车|客)?站|道|巷|弄|里|号|楼|栋|幢"
                            r"|园|苑|庄|村|镇|乡|桥|广场|大厦|中心|小区|花园|机场")
#: endings of a division's full name: a unit written with one is the division, even before a facility
FULL_SUFFIXES = ("省", "市", "区", "县", "州", "盟", "旗", "自治区", "特别行政区")


def place_label(name: str) -> str | None:
    """GPE or LOC for a place name by the gazetteer, None if no list knows it."""
    hit = gazetteer.lookup(name)
    return hit[0] if hit else None


def starts_a_facility(text: str, i: int) -> bool:
    """RETURNS whether a road, estate, building, station or township word starts at ``text[i]``."""
    return FACILITY_START.match(text, i) is not None


def address_units(text: str, start: int, end: int) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Split an address span into its chain: place units (GPE/LOC) and optional residue spans.

    Reads the longest gazetteer name at each point from the left; where no name starts, the
    rest is a road/estate/building residue (optional). A unit named by its short form right
    before a facility word (朝阳|路, 南京|东路) belongs to the facility's name.

    RETURNS ``([(start, end, label)], [(start, end)])``: the units and the residue (0 or 1 span).
    """
    units, i = [], start
    while i < end:
        for j in range(end, i, -1):
            lab = place_label(text[i:j]) if j - i >= 2 else None
            if lab:
                units.append((i, j, lab))
                i = j
                break
        else:
            break
    residue = (i, end) if i < end else None
    if residue and units:
        s, e, _ = units[-1]
        if starts_a_facility(text, residue[0]) and not text[s:e].endswith(FULL_SUFFIXES):
            units.pop()
            residue = (s, end)
    return units, [residue] if residue else []
