"""Gazetteer places: Chinese divisions and foreign places (GPE), rivers, mountains, regions (LOC).

A dictionary scan over ``doc.text``: at every token start, the longest known name that
ends at a token end is taken (a first-character index keeps this a few dict look-ups per
character). Data, loaded on first use (``nlp/data/README.md``):

- ``places.tsv`` (built): Chinese divisions by full name, short alias, news form and
  former name; GPE with ``Span._.value`` = the 6-digit division code (a string).
- ``foreign_places.tsv``: countries and foreign cities (GPE, no value);
  ``townships.txt`` (built): township-level names with their suffix (GPE, no value);
  ``locations.tsv``: rivers, lakes, mountains, seas, regions (LOC).
- ``place_risky.txt`` (hand-made) and ``place_risky_auto.txt`` (built): aliases that are
  ordinary words (白云, 和平, 合作, 南部). They count only right after their direct parent
  (广州白云, 北京朝阳; not 四川南部, "southern Sichuan", though 南部县 lies in 四川).

Ambiguous names (朝阳: a prefecture in 辽宁 and districts in 北京 and 长春; 鼓楼区: four
districts) are resolved by the places named before them: the adjacent preceding place
first, then earlier ones in the text, most recent first. Without such context the highest
level wins if it is unique (朝阳 → 朝阳市, 海南 → 海南省); otherwise the code stays None.

A county's short name that nothing in the text supports as a place (``unsupported_county_alias``:
no parent named, no list, no locative word; 编剧海晏, 明帝永平元年) is still found here, for the
organisation stage to use; the merge keeps it only where the statistical model reads a place.

Precision on real text: ``benchmarks/place_precision.py`` (results in
``benchmarks/results/places.md``).
"""
from __future__ import annotations

import re
from operator import itemgetter
from typing import Iterable, NamedTuple

from ..data import read_tsv
from ..labels import GPE, LOC
from . import gazetteer
from .candidates import Ent
from .gazetteer import ADMIN_SUFFIXES
from .names import DOT_NAME_CUT, surnames
from .titles import is_title
from .words import word_flags

#: A county's or a city's full name + one character that make a noble's title (长清县主: a
#: princess) or a local history (嘉定县志): the division is not named as a place there.
SUFFIX_TITLES = frozenset({"县主", "县志", "市志", "州志"})
# A division name ending in its suffix character is cut before that character when the
# suffix and the next character form one of these words: 武汉市长 is 武汉 + 市长.
SUFFIX_WORDS = frozenset({"市场", "市民", "市长", "市值", "市面", "市井", "省长", "县长", "区长",
                          "州长", "市委", "省委", "县委", "区委", "州委",
                          # the place's area: 五常|市内, 保定|市县 (MSRA marks the name)
                          "市内", "市县", "市郊", "市外", "市域", "县域", "县内", "区内",
                          "区域", "省内", "省外", "省份", "州内"}) | SUFFIX_TITLES
# A city's or a county's built-up area: real text's gold marks the division with its suffix
# (海宁市|区, 蕲春县|城), as a delivery address writes 揭阳市区.
_AREA_AFTER_SUFFIX = frozenset({"市区", "县城"})
# ... except the party committees whose short name is a risky alias: 白云区委 keeps GPE
# 白云区 (白云 alone is an ordinary word), and ``zh_news_orgs`` makes it ORG 白云区 + 委.
_ORGAN_WORDS = frozenset({"市委", "省委", "县委", "区委", "州委", "盟委", "旗委"})
# A short alias (no suffix) followed by one of these names a street, a station, a business or a
# noble's title (中山路, 南京西路, 西安大路, 江北站, 华龙酒楼, 英德仓库, 南阳公主), not the division:
# SPEC leaves a place inside a facility no GPE of its own.
_STREET = r"[东西南北中]?(?:[一二三四五六七八九十]|\d{1,3})?(?:路|街|大街|大道|大路)|巷"   # 凤城|二路 (not 福州|五一路)
# An airport's own name between its city and 机场 (天府, 双流, 宝安): no verb or function word.
_AIRPORT_NAME = r"[^\W\d的了在是和与及将到至从向新建修扩往飞抵达回去来赴离开出进入乘搭等个座各大小]{2,4}?"
_ALIAS_BLOCKERS = re.compile(rf"{_STREET}|道|(?:火车|汽车|客运|高铁)?[东西南北]?站(?![在着住稳起立了])|车站|(?:国际)?机场"
                             rf"|{_AIRPORT_NAME}(?:国际)?机场"   # 成都|天府国际机场, 武汉|天河机场
                             r"|酒楼|酒店|饭店|宾馆|大厦|商场|广场|公园|仓库|基地|校区|院区"
                             r"|体育(?:公园|馆|场)|煤矿|(?:发)?电厂|水电站"   # 长阳|体育公园, 石拐|煤矿
                             r"|公主|郡主|县主|郡王|侯(?=[\u4e00-\u9fff]{2})")   # 南阳公主, 平阳侯曹寿: a noble's title
# ... and a division's short name before a scenic area's word names the scenic site (杭州西湖|景区,
# 九寨沟|景区), while a natural feature keeps its name there (峨眉山|景区 is LOC 峨眉山).
_SCENIC_AFTER = re.compile(r"景区|风景区|风景名胜区|旅游区|度假区|古镇|园林"   # 苏州|园林
                           r"|(?:国家)?(?:森林|湿地|地质|矿山|海洋)公园|国家公园|自然保护区")   # 英德|国家森林公园
# ... and a county's short name before a development zone's or an old town's word names the zone
# or the scenic town (长垣|工业园区, 惠山|经济开发区, 徽州|古城), which SPEC leaves optional with no
# GPE inside. A city's name keeps its GPE there (北京|经济技术开发区; 丽江|古城 is 丽江市古城区 in
# an address): the zone lies in that city, and addresses write it so.
_ZONE_AFTER = re.compile(r"(?:经济技术|高新技术产业|经济|高新技术|高新)?开发区|(?:工业|产业)园区?|高新区|保税区|古城(?!区)")
#: A road's name right after a division's suffix (昆明市|民航路400号, 武汉市|长江路).
_ROAD_AT = re.compile(r"[\u4e00-\u9fff]{1,3}(?:路|街|大街|大道|巷)(?:\d|[东西南北中]段|[，,。\s]|$)"
                      r"|长[\u4e00-\u9fff]{1,2}(?:路|街|大街|大道)(?![过上线口头道])")   # 小店区|长风街: no 区长
#: A road or street word right after a name: the name begins the road's (长江|西路, 大学|西街).
STREET_AFTER = re.compile(_STREET)


#: Words before a place that say it is one: a preposition or verb of place (在, 位于, 来自, 前往)
#: or a native place's word (老家, 祖籍).
_PLACE_WORD_BEFORE = re.compile(r"(?:(?:在|于|从|到|回|去|往|赴|至|经)(?:了趟|了|趟)?|位于|地处|来自|老家|家乡|故乡|祖籍"
                                r"|籍贯|原籍|返回|前往|抵达|途经|落户|迁往|迁居|移居|驻|来到|走进|走访|游览|探访)$")
#: Words after a place that say it is one: a native's (宜兴人, 德化籍), an area's (等地, 境内, 县城),
#: its people's and speech's (当地, 方言) or its firms' (上虞企业).
_PLACE_WORD_AFTER = re.compile(r"人|籍|等地|一带|境内|地区|老家|县城|城区|城乡|农村|乡下|当地|方言|话|企业|民企|国企|厂商"
                               r"|全县|全市|全区|(?:今年|去年|近年)(?![\d一二三四五六七八九十几]+岁|已?[\d一二三四五六七八九十几]+岁)")
#: The rest of an address after a place (松江|大学城文汇路716号, 福安|城关中心街): a road, a house
#: number or an estate within the same clause.
_ADDRESS_AFTER = re.compile(r"[^\s，,。；;：:！!？?、（）()“”《》]{0,12}?(?:\d+号|[路街巷]|大道|小区|新城|城关)")
#: Marks between the places of a list (温江、新都、万县).
_LIST_MARKS = "、和与及"


def _listed_with(text: str, a: Ent, b: Ent) -> bool:
    """RETURNS whether places ``a`` and ``b`` are written side by side: adjoining (an address
    chain) or with one list mark between them."""
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = text[first.end:second.start]
    return adjoins(text, first.end, second.start) or (len(gap) == 1 and gap in _LIST_MARKS)


#: What may follow the last item of a list of places (、, 等地, 两县, a break) and precede the first.
_LIST_ITEM_END = "、等两三四五六七八九十和与及，,。；;）)"
_LIST_ITEM_START = "、，,。；;：:（(和与及在到至从的"


def _sibling_code(code: str, places: tuple[gazetteer.Place, ...]) -> str | None:
    """RETURNS the code of the one division among ``places`` that is a sibling of ``code``'s:
    a county of the same prefecture, or a prefecture of the same province; else None."""
    if code.endswith("0000"):
        return None
    county = not code.endswith("00")
    same = {p.code for p in places if p.code and p.code != code and (
        county and not p.code.endswith("00") and p.code[:4] == code[:4]
        or not county and p.code.endswith("00") and not p.code.endswith("0000") and p.code[:2] == code[:2])}
    return same.pop() if len(same) == 1 else None


#: Negations and a verb of opening before a short name: no place follows them, a verb does
#: (未|开封, 拆|开封).
_NEGATION_BEFORE = frozenset("未已拆没")
#: A dynasty right before a name and a year of the reign after it: the name is the era's
#: (南宋|绍兴|年间, 东汉|永平|元年).
_DYNASTY_BEFORE = re.compile(r"(?:[夏商周秦汉晋隋唐宋辽金元明清]|[东西]汉|[东西]晋|[南北]宋|[南北]朝|五代|后[唐晋汉周])$")
_ERA_YEAR_AFTER = re.compile(r"(?:年间|元年|初年|末年|[一二三四五六七八九十廿]{1,3}年|\d{1,2}年)")


#: Between the two ends of a route (珠海至中山, 广州到中山): a risky name after one is the other end.
_ROUTE_MARKS = frozenset({"至", "到", "—", "－", "-", "～"})


def suffix_word(text: str, k: int) -> bool:
    """RETURNS whether a division's suffix at ``k`` and the character after it are one word of
    ``SUFFIX_WORDS`` (市长, 县志), not where a princess's title or a gazette would read into a
    word of its own (康乐县|主持, 县|志愿者)."""
    word = text[k:k + 2]
    return word in SUFFIX_WORDS and not (word in SUFFIX_TITLES and word_flags().get(text[k + 1:k + 3]) is not None)


def facility_after(text: str, j: int) -> bool:
    """RETURNS whether a road, a station or a business name goes on at ``text[j]`` (长江|西路,
    黄山|机场, 华龙|酒楼), so that the name before it is part of that name."""
    return _ALIAS_BLOCKERS.match(text, j) is not None


# Words that end three-character township names (刘集镇, 于城镇, 班老乡): such a name is taken
# only as one word of the segmenter or right after a place (相当于|城镇 is no township).
_TOWN_TAIL_WORDS = frozenset({"城镇", "村镇", "集镇", "乡镇", "老乡", "家乡", "故乡", "同乡", "水乡",
                              "山乡", "下乡", "城乡"})
# Head words that make a place name before them a LOC of its own (丹江口水库, 龙门石窟).
_SITE_WORDS = ("水库", "石窟")
# Words starting with 镇 or 乡 after a place name that do not make it a township.
_TOWN_WORDS = frozenset({"镇长", "乡长", "乡村", "乡镇", "乡亲", "乡下", "乡土", "乡间", "镇压", "镇守", "镇静"})
# Foreign names with a middle dot: 隆德 in 古斯塔夫·哈格隆德 is no place. Only the parts
# after a dot and the last few characters before the first dot count as the name: the
# run of Chinese characters before it is mostly context (在巴黎会见法国国民议会议员玛蒂尔德·…).
_DOT_NAME = re.compile(r"[\u4e00-\u9fff]+((?:[·•‧・][\u4e00-\u9fff]+)+)")
_DOT_NAME_HEAD = 4


class Entry(NamedTuple):
    """What a name may denote."""
    label: str
    places: tuple[gazetteer.Place, ...]  # Chinese divisions (empty for LOC/foreign)
    risky: bool  # an ordinary word too: needs its parent place right before it


class PlaceMatcher:
    """Find place names in a text (no spaCy objects: usable on plain strings).

    Data is loaded on first use and shared by all instances.
    """

    def __init__(self) -> None:
        self._entries: dict[str, Entry] | None = None
        self._loose_towns: frozenset[str] = frozenset()
        self._lengths: dict[str, tuple[int, ...]] = {}

    # -- data -------------------------------------------------------------------------
    def load(self) -> None:
        """Read the data files (idempotent)."""
        if self._entries is not None:
            return
        risky = gazetteer.risky_aliases()
        entries: dict[str, Entry] = {}
        for name, places in gazetteer.places_by_name().items():
            entries[name] = Entry(GPE, places, name in risky)
        # names without divisions share one entry each (tuples: nothing changes them)
        location, other_gpe = Entry(LOC, (), False), Entry(GPE, (), False)
        for name in gazetteer.locations():
            old = entries.get(name)
            if old is None or not any(p.kind in ("full", "form") for p in old.places):
                entries[name] = location  # 泰山 the mountain, not 泰山区
        for name in gazetteer.foreign_places():
            entries.setdefault(name, other_gpe)
        towns = set()
        for _, f in read_tsv("townships.txt"):  # 坡头镇, 陆家嘴街道: GPE, no code (no city_province)
            if f[0] not in entries:
                entries[f[0]] = other_gpe
                towns.add(f[0])
        self._loose_towns = frozenset(t for t in towns if len(t) == 3 and t[1:] in _TOWN_TAIL_WORDS)
        lengths: dict[str, set[int]] = {}
        for first, length in set(zip(map(itemgetter(0), entries), map(len, entries))):
            lengths.setdefault(first, set()).add(length)
        self._lengths = {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}
        self._entries = entries

    # -- matching ---------------------------------------------------------------------
    def find(self, text: str, starts: set[int] | None = None, ends: set[int] | None = None) -> list[Ent]:
        """Place entities in ``text``, leftmost-longest, non-overlapping.

        starts, ends (set[int] | None): word boundaries (character offsets); a name must
            start at one and end at one (None: every offset counts).
        RETURNS (list[Ent]): GPE/LOC entities; a division's ``value`` is its code or None.
        """
        self.load()
        entries, n = self._entries, len(text)
        skip = set()
        for m in _DOT_NAME.finditer(text):
            head = max(m.start(), m.start(1) - _DOT_NAME_HEAD)
            if starts is not None:  # the word before the dot: 总统|乔·拜登 leaves 美国总统 alone
                head = max([head] + [s for s in starts if s < m.start(1)])
            # the name ends before a function word (蒂姆·库克|在上海)
            end = next((k for k in range(m.start(1) + 1, m.end()) if text[k] in DOT_NAME_CUT), m.end())
            skip.update(range(head, end))
        out: list[Ent] = []
        i = 0
        while i < n:
            # a name starts at a word start, or right after the previous name (北京|朝阳)
            if starts is not None and i not in starts and not (out and out[-1].end == i):
                i += 1
                continue
            lens = None if i in skip else self._lengths.get(text[i])
            if not lens:
                i += 1
                continue
            for length in lens:
                j = i + length
                if j > n:
                    continue
                entry = entries.get(text[i:j])
                if entry is None or (skip and not skip.isdisjoint(range(i, j))):
                    continue
                if text[i:j] in self._loose_towns and not (out and out[-1].end == i) \
                        and starts is not None and any(k in starts for k in range(i + 1, j)):
                    continue  # 相当于|城镇, 一班|老乡: a character + a word, no township
                head = self._head_word(text, j, entry, ends)
                if head:
                    j += head  # 布拉戈维申斯克 + 市
                organ = text[j - 1:j + 1] in _ORGAN_WORDS and any(p.kind == "full" for p in entry.places) \
                    and (text[i:j - 1] not in entries or entries[text[i:j - 1]].risky)
                if suffix_word(text, j - 1) and entry.places and not organ and not self._starts_name(text, j) \
                        and not _ROAD_AT.match(text, j):
                    continue  # 武汉市长: try 武汉 (but 南京市长江大桥 keeps 南京市, 昆明市|民航路 too)
                if text.startswith(_SITE_WORDS, j) and (ends is None or j + 2 in ends):
                    out.append(Ent(i, j + 2, LOC))  # 丹江口|水库, 云冈|石窟: a water body or site
                    i = j + 2
                    break
                # a full name whose suffix the segmenter glued to the next word (九原|区属) counts
                glued = (starts is not None and j - 1 in starts and text[j - 1] in ADMIN_SUFFIXES
                         and any(p.kind == "full" for p in entry.places))
                area = entry.places and text.startswith("地区", j) and j + 2 in (ends or ())  # 广州|地区
                # ... and one the segmenter glued to the one character after it (广州市寺|右新马路:
                # a road's name it does not know): the suffix ends the division's name (not in
                # 上海市政府, 香港特区政府, words of their own for the organisation stage)
                glued_ahead = (j - i >= 3 and ends is not None and j + 1 in ends and text[j - 1] in ADMIN_SUFFIXES
                               and not suffix_word(text, j - 1)
                               and any(p.kind in ("full", "form") for p in entry.places))
                # ... and a division's name glued to 人 or 籍, a person from it (湖南|临澧人, 德化籍)
                native = (entry.places and not entry.risky and j - i >= 2 and text[j:j + 1] in ("人", "籍")
                          and j + 1 in (ends or ()))
                built_up = text[j - 1:j + 1] in _AREA_AFTER_SUFFIX and any(p.kind == "full" for p in entry.places)
                if ends is not None and j not in ends and not suffix_word(text, j) and not organ \
                        and not glued and not area and not glued_ahead and not native and not built_up:
                    continue
                if self._town_after(text, j, entry, ends):
                    out.append(Ent(i, j + 1, GPE))  # 双河|镇: a township named like the county
                    i = j + 1
                    break
                if entry.label == LOC and text.startswith("地区", j) and (ends is None or j + 2 in ends):
                    j += 2  # 长三角 + 地区: the region with its head word
                    entry = Entry(LOC, (), False)
                ent = self._accept(text, i, j, entry, out)
                district = self._city_centre_district(text, ent)
                if district is not None:
                    out += [ent._replace(end=j - 1), district]   # 济南|市中区, written 济南市中区
                    i = district.end
                    break
                if ent is not None:
                    out.append(ent)
                    i = j
                    break
            else:
                i += 1
        return self._listed_siblings(text, out, ends)

    def _listed_siblings(self, text: str, found: list[Ent], ends: set[int] | None) -> list[Ent]:
        """RETURNS ``found`` with the divisions listed beside a found one that are its siblings:
        a name of the gazetteer right before or after it with one list mark between
        (太仓、常熟、张家港; 和平、连平两县; 监利、洪湖等地), that names exactly one division of the
        same prefecture (counties) or province (cities). The list makes a short name that is
        also a word (常熟, 三台), or a lake's (洪湖), the county's."""
        names = gazetteer.places_by_name()
        at = {k: e for e in found for k in range(e.start, e.end)}   # offset -> the place over it
        replaced, added = set(), []
        todo = [e for e in found if e.label == GPE and isinstance(e.value, str) and len(e.value) == 6]
        while todo:
            g = todo.pop()
            for i, j in self._list_neighbours(text, g, names, ends):
                over = {at[k] for k in range(i, j) if k in at}
                if any(not (e.label == LOC and (e.start, e.end) == (i, j)) for e in over):
                    continue
                sibling = _sibling_code(g.value, names[text[i:j]])
                if sibling is None:
                    continue
                new = Ent(i, j, GPE, sibling)
                replaced |= over
                added.append(new)
                at.update((k, new) for k in range(i, j))
                todo.append(new)
        if not added:
            return found
        return sorted([e for e in found if e not in replaced] + added, key=lambda e: e.start)

    @staticmethod
    def _list_neighbours(text: str, g: Ent, names: dict, ends: set[int] | None) -> list[tuple[int, int]]:
        """RETURNS the spans of gazetteer names written one list mark before or after ``g``
        that end where the list goes on or stops."""
        out = []
        if text[g.end:g.end + 1] == "、":
            i = g.end + 1
            for j in range(min(len(text), i + 6), i + 1, -1):
                if text[i:j] in names and (j == len(text) or text[j] in _LIST_ITEM_END) and (ends is None or j in ends):
                    out.append((i, j))
                    break
        if text[g.start - 1:g.start] == "、":
            j = g.start - 1
            for i in range(max(0, j - 6), j - 1):
                if text[i:j] in names and (i == 0 or text[i - 1] in _LIST_ITEM_START):
                    out.append((i, j))
                    break
        return out

    def _city_centre_district(self, text: str, ent: Ent | None) -> Ent | None:
        """RETURNS the district 市中区 of the city ``ent`` written as X市 right before 中区
        (济南市中区, 枣庄市中区: the city's name without its suffix, then the district), or None."""
        if ent is None or ent.label != GPE or not ent.value or text[ent.end - 1:ent.end + 2] != "市中区":
            return None
        entry = self._entries.get("市中区")
        inside = [p for p in (entry.places if entry else ()) if gazetteer.is_parent(ent.value, p.code)]
        return Ent(ent.end - 1, ent.end + 2, GPE, inside[0].code) if len(inside) == 1 else None

    def unsupported_county_alias(self, text: str, e: Ent, places: list[Ent]) -> bool:
        """RETURNS whether the GPE ``e`` is a county's short name (天河, 永平, 青阳, 海伦) that
        nothing in the text supports as a place: no place of the text (``places``) contains it
        or names it in full, it stands in no list or chain of places, its suffix is not written
        after it (宿松|县长), no locative word comes before it and no native's, area's or
        address's words after it. Such a name is far more often a person's, a work's, an
        era's or a phrase's (编剧海晏, 明帝永平元年)."""
        return (e.start, e.end) in self.unsupported_county_aliases(text, places, [e])

    def unsupported_county_aliases(self, text: str, places: list[Ent], candidates: list[Ent]) -> set[tuple[int, int]]:
        """RETURNS the (start, end) of the ``candidates`` that are unsupported county names
        (``unsupported_county_alias``), reading the text's ``places`` once: the codes they name
        by province, and the places by where they start and end (a long document names
        thousands)."""
        self.load()
        codes_by_province: dict[str, set[str]] = {}
        spans_of_code: dict[str, set[tuple[int, int]]] = {}
        by_end: dict[int, list[Ent]] = {}
        by_start: dict[int, list[Ent]] = {}
        for x in places:
            if x.label not in (GPE, LOC):
                continue
            if isinstance(x.value, str) and x.value:
                codes_by_province.setdefault(x.value[:2], set()).add(x.value)
                spans_of_code.setdefault(x.value, set()).add((x.start, x.end))
            by_end.setdefault(x.end, []).append(x)
            by_start.setdefault(x.start, []).append(x)
        out = set()
        for e in candidates:
            if e.label != GPE:
                continue
            entry = self._entries.get(text[e.start:e.end])
            if entry is None or not entry.places or not all(
                    p.kind in ("short", "old_short") and p.level == "county" for p in entry.places):
                continue
            span = (e.start, e.end)
            codes = {p.code for p in entry.places if p.code}
            if any(spans_of_code.get(c, set()) - {span}
                   or any(gazetteer.is_ancestor(x, c) for x in codes_by_province.get(c[:2], ())) for c in codes):
                continue  # 宝安县 … 宝安, 深圳 … 宝安
            near = [x for k in range(e.start - _ADDRESS_GAP - 1, e.start + 1) for x in by_end.get(k, ())] \
                + [x for k in range(e.end, e.end + _ADDRESS_GAP + 2) for x in by_start.get(k, ())]
            if any((x.start, x.end) != span and _listed_with(text, x, e) for x in near):
                continue  # 邛崃、大邑、双流; 北京朝阳
            if text[e.end:e.end + 1] in ADMIN_SUFFIXES:
                continue  # 宿松|县长: its suffix written, glued to a post
            if not (_PLACE_WORD_BEFORE.search(text, max(0, e.start - 4), e.start)
                    or _PLACE_WORD_AFTER.match(text, e.end) or _ADDRESS_AFTER.match(text, e.end)
                    or not text[:e.start].strip() and not text[e.end:].strip()):
                out.add(span)
        return out

    @staticmethod
    def _head_word(text: str, j: int, entry: Entry, ends: set[int] | None) -> int:
        """Length of an administrative head word to add after a name ending at ``j``, or 0.

        A foreign place takes 市/省/州 (布拉戈维申斯克市, 谅山省, 纽约州). 地区 after a Chinese
        division stays outside (SPEC: 苏州地区 -> GPE 苏州), unless it is the official name
        (喀什地区, matched whole).
        """
        if entry.label != GPE:
            return 0
        if not entry.places and j < len(text) and text[j] in "市省州" and (ends is None or j + 1 in ends) \
                and not suffix_word(text, j):
            return 1
        return 0

    def _town_after(self, text: str, j: int, entry: Entry, ends: set[int] | None) -> bool:
        """RETURNS whether a short division name ending at ``j`` is followed by 镇 or 乡 that
        make it a township (双河镇, not the county-level 双河市): the gazetteer stops at
        counties, so the township is a GPE without a code. Not before words such as 乡村, 镇长
        or a place name (江苏|镇江)."""
        if not entry.places or not all(p.kind in ("short", "old_short") for p in entry.places):
            return False
        if j >= len(text) or text[j] not in "镇乡" or text[j:j + 2] in _TOWN_WORDS:
            return False
        return (ends is None or j + 1 in ends) and not self._starts_name(text, j)

    def _starts_name(self, text: str, i: int) -> bool:
        """RETURNS whether a known name of 2+ characters starts at offset ``i``."""
        return any(text[i:i + n] in self._entries for n in self._lengths.get(text[i:i + 1], ()) if n >= 2)

    def _accept(self, text: str, i: int, j: int, entry: Entry, before: list[Ent]) -> Ent | None:
        """Decide on one match given the places found before it. RETURNS an Ent or None."""
        if not entry.places:
            if entry.label == LOC and facility_after(text, j):
                return None  # 长江|西路, 黄山|机场: the start of a road's or a facility's name
            if text[i:j] in COMPASS_REGIONS and a_direction(text, i, j, before):
                return None  # 枣强县|东北, 往|西北|35公里, 东南西北: a direction, not the region
            return Ent(i, j, entry.label)
        if text[j - 1] in "江河湖岭" and _FEATURE_AFTER.match(text, j):
            return Ent(i, j, LOC)  # 晋江流域, 牡丹江水位, 柳江柳州段, 大兴安岭南麓: the river or range, not the division
        landform = _LANDFORM_AFTER.match(text, j)
        if landform and text[j - 1] not in ADMIN_SUFFIXES:
            # 呼伦贝尔|草原, 伊犁|河谷, 怒江|大峡谷, 成都|平原: the landform, which keeps the division's
            # code as support for the division's name elsewhere in the text (乌审草原 … 乌审)
            code = entry.places[0].code if len(entry.places) == 1 else None
            return Ent(i, landform.end(), LOC, code)
        adjacent = before[-1] if before and adjoins(text, before[-1].end, i) and before[-1].value else None
        aliases_only = all(p.kind in ("short", "old_short") for p in entry.places)
        if part_of_a_facility(text, i, j, entry.places, before):
            return None
        if aliases_only and j - i == 2 and _after_title_and_surname(text, i):
            return None  # 副市长高玉林, 副部长李卫东: a given name, not 玉林 or 卫东
        if aliases_only and adjacent is None and inside_a_set_phrase(text, i, j, self._entries.__contains__):
            return None  # 夸下海口, 大同小异: a four-character phrase of the dictionary
        if aliases_only and after_a_name_word(text, i):
            return None  # 字仲彝，号松溪: an art name, not 松溪 county
        if aliases_only and i > 0 and text[i - 1] in _NEGATION_BEFORE:
            return None  # 未开封, 拆开封条: a verb (开封 "unseal") negated or done, not the city
        if aliases_only and _DYNASTY_BEFORE.search(text, max(0, i - 2), i) and _ERA_YEAR_AFTER.match(text, j):
            return None  # 南宋绍兴年间, 东汉永平元年: a reign's era name, not the place
        sense = _WORD_SENSE_AFTER.get(text[i:j])
        if aliases_only and adjacent is None and sense and sense.match(text, j):
            return None  # 日照充足: sunshine, not the city
        if entry.risky:
            named = [p for p in entry.places if any(e.value == p.code and e.end - e.start > j - i for e in before)]
            if adjacent is None and len(named) == 1:
                return Ent(i, j, GPE, named[0].code)  # 朝阳市…推动朝阳发展: the place named in full before
            route = before[-1] if before and before[-1].label == GPE and before[-1].value \
                and text[before[-1].end:i] in _ROUTE_MARKS else None
            if adjacent is None and route is not None:
                # 从广州到|中山, 珠海至|中山: the other end of a route from a place, in its province
                ends = {p.code for p in entry.places if p.code and p.code[:2] == route.value[:2] and p.code != route.value}
                return Ent(i, j, GPE, ends.pop()) if len(ends) == 1 else None
            if adjacent is None:
                return None
            # right after its parent (广州白云); after a higher division only where a native place
            # ends (籍贯吉林九台，, 吉林九台人; not 四川南部地区, southern Sichuan)
            native_place = j == len(text) or text[j] in "人籍，,。；;、）)"
            inside = [p for p in entry.places if gazetteer.is_parent(adjacent.value, p.code)
                      or native_place and gazetteer.is_ancestor(adjacent.value, p.code)]
            return Ent(i, j, GPE, inside[0].code) if len(inside) == 1 else None
        return Ent(i, j, GPE, resolve(entry.places, [e.value for e in reversed(before) if e.value]))


#: Words that follow a river, lake or mountain range, not the division named after it (晋江|流域,
#: 牡丹江|水位, 柳江|柳州段 a reach named by the city on it, 大兴安岭|南麓).
_FEATURE_AFTER = re.compile(r"流域|水位|水面|水域|上游|中游|下游|干流|支流|[江河]段|江面|河面|湖面|河道|江水|河水|湖水|沿岸|两岸"
                            r"|峡谷|水系|洪峰|入海口|[南北东西]麓|山脉|林区|[\u4e00-\u9fff]{2,3}段(?!落|时间)")


#: Landform words that make one LOC with the place name before them (呼伦贝尔草原, 伊犁河谷, 四川盆地).
_LANDFORM_AFTER = re.compile(r"(?:大)?(?:草原|河谷|峡谷|盆地|平原|高原)")


#: Regions named by a compass direction (东北: Northeast China), which are directions as often.
COMPASS_REGIONS = frozenset({"东北", "西北", "东南", "西南"})
_DIRECTION_BEFORE = frozenset("往向朝偏")
_DIRECTION_AFTER = re.compile(r"\s*(?:约|方向|方|风|角|侧|部|端|边|抵|距|\d|[一二三四五六七八九十百]+(?:公里|千米|米|里))")
#: ... and after a division's or a village's suffix (新庄镇|东北, 临汾市|西南), which the matcher
#: may not have read as a place
_DIRECTION_AFTER_SUFFIX = frozenset("镇乡村县市区")


def a_direction(text: str, i: int, j: int, before: list[Ent]) -> bool:
    """RETURNS whether the compass word ``text[i:j]`` is a direction: right after a place or a
    division's suffix (枣强县东北), after 往/向/朝/偏, before a distance, a part's word, 方向 or 风
    (西北35公里, 西南部, 东北风), or in 东南西北."""
    return bool(before and before[-1].end == i) or text[i - 1:i] in _DIRECTION_BEFORE \
        or text[i - 1:i] in _DIRECTION_AFTER_SUFFIX \
        or _DIRECTION_AFTER.match(text, j) is not None or "东南西北" in text[max(0, i - 2):j + 2]


#: Place names that are also common words, with the words that follow only the common word
#: (日照充足, 日照时间: sunshine). General knowledge, name by name.
_WORD_SENSE_AFTER = {"日照": re.compile(r"充足|充分|不足|时间|时数|强度|条件|强烈")}


#: A courtesy, art or pen name follows these words in a biography (字子端, 号松溪, 笔名天河).
_NAME_WORD_BEFORE = re.compile(r"(?:^|[，,。；;、（(\s])(?:字|号|别号|自号|笔名|艺名|网名|法号|道号)$")


def after_a_name_word(text: str, i: int) -> bool:
    """RETURNS whether ``text[i:]`` starts right after 字/号/笔名 opening a clause: a name."""
    return _NAME_WORD_BEFORE.search(text, max(0, i - 4), i) is not None


def inside_a_set_phrase(text: str, i: int, j: int, is_place) -> bool:
    """RETURNS whether the name ``text[i:j]`` lies inside a four-character word of the
    dictionary that is no place name (``is_place``: str -> bool): an idiom or set phrase
    (大同小异: jieba's flags i, l), or a word whose rest is no word of its own (夸下|海口; not
    首都|北京 or 中国|香港, two words)."""
    flags = word_flags()
    for k in range(max(0, j - 4), i + 1):
        w = text[k:k + 4]
        if len(w) != 4 or is_place(w) or (f := flags.get(w)) is None:
            continue
        rest = [r for r in (text[k:i], text[j:k + 4]) if r]
        if f in ("i", "l") or not any(len(r) >= 2 and (r in flags or is_place(r)) for r in rest):
            return True
    return False


def part_of_a_facility(text: str, i: int, j: int, places: tuple[gazetteer.Place, ...],
                       before: list[Ent]) -> bool:
    """RETURNS whether the division name ``text[i:j]`` (its readings ``places``, the places
    found before it ``before``) is the start of a facility's name, not the division: a
    street or a station after a name without its suffix (中山路, 江北站, 香港中路), or a name
    that an address chain cannot hold (浦东新区张江镇|苏州花园). Also applied to the model's
    places, so that it does not bring back a name this stage left out."""
    bare = all(p.kind in ("short", "old_short") for p in places) or text[j - 1] not in ADMIN_SUFFIXES
    county = bool(places) and all(p.level == "county" for p in places)
    return bare and (facility_after(text, j) or _SCENIC_AFTER.match(text, j) is not None
                     or county and _ZONE_AFTER.match(text, j) is not None) \
        or not _spaced_list(text, i, j, before) and (
            _inside_a_facility(text, i, places, before) or _outside_the_city_before(text, i, places, before))


def _spaced_list(text: str, i: int, j: int, before: list[Ent]) -> bool:
    """RETURNS whether the name ``text[i:j]`` is an item of a list of places parted by spaces
    (绍兴 慈溪 台州 海宁): a space before it after a place, and a space and a division's name
    after it, or two items before it that are no chain going down (诸暨 萧山 常州). An address
    parted by spaces goes down its chain, then on with a road or an estate, not with a place."""
    if not before or not text[before[-1].end:i].isspace():
        return False
    m = _SPACE_THEN_NAME.match(text, j)
    if m is not None and m[1] in gazetteer.places_by_name():
        return True
    # the last item: the two places before it are items too, not a chain going down
    if len(before) < 2 or not text[before[-2].end:before[-1].start].isspace():
        return False
    first, second = before[-2].value, before[-1].value
    return bool(first and second) and not gazetteer.is_ancestor(first, second)


_SPACE_THEN_NAME = re.compile(r"[ \u3000]{1,2}([\u4e00-\u9fff]{2,3})(?=[ \u3000]|$)")


def _outside_the_city_before(text: str, i: int, places: tuple[gazetteer.Place, ...], before: list[Ent]) -> bool:
    """RETURNS whether a county's short name at ``i`` is written right after a prefecture-level
    city that does not contain it: there, it names a place within that city (武汉|东湖, a
    lake, not 南昌's 东湖区), as an address names the next unit down."""
    if not before or before[-1].end != i or before[-1].label != GPE or not before[-1].value \
            or gazetteer.level_of(before[-1].value) != "prefecture":
        return False   # (written together: a space may part the items of a list, 绍兴 慈溪)
    city = before[-1].value
    return bool(places) and all(p.kind in ("short", "old_short") and p.level == "county" and p.code
                                and not gazetteer.contains(city, p.code) for p in places)


def _inside_a_facility(text: str, i: int, places: tuple[gazetteer.Place, ...], before: list[Ent]) -> bool:
    """RETURNS whether a division name at ``i`` follows an address chain that ends at a county
    or a township, at its own level or above it and outside the chain: an address goes
    down, so such a name is the start of the next unit's name (an estate, a road)."""
    if not before or not adjoins(text, before[-1].end, i) or before[-1].label != GPE:
        return False
    chain = [before[-1]]
    for e in reversed(before[:-1]):
        if not adjoins(text, e.end, chain[-1].start) or e.label != GPE:
            break
        chain.append(e)
    last = chain[0]
    if last.value is None and not text[last.start:last.end].endswith(("镇", "乡", "街道")):
        return False  # a foreign place or a name without a code: no chain to follow
    coded = next((e.value for e in chain if e.value), None)
    if coded is None or gazetteer.level_of(coded) != "county" and last.value is not None:
        return False
    return all(p.code and not gazetteer.contains(coded, p.code) for p in places)


#: at most this many spaces between two units of an address that still adjoin
_ADDRESS_GAP = 2


def adjoins(text: str, end: int, start: int) -> bool:
    """RETURNS whether a place ending at ``end`` and the next one starting at ``start`` are
    written together: directly (北京朝阳) or with a space or two between them, as delivery
    addresses separate their units (丽江 古城, 北京市 朝阳区)."""
    return end == start or 0 < start - end <= _ADDRESS_GAP and text[end:start].isspace()


def _after_title_and_surname(text: str, i: int) -> bool:
    """RETURNS whether ``text[i - 1]`` is a single-character surname right after a title."""
    if i < 3 or text[i - 1] not in surnames()[0]:
        return False
    return any(is_title(text[k:i - 1]) for k in range(max(0, i - 1 - 8), i - 2))


def resolve(places: Iterable[gazetteer.Place], context: list[str]) -> str | None:
    """Choose the division a name denotes. RETURNS its code, or None if undecided.

    places: the candidates; context: codes of places named before, nearest first.
    """
    places = [p for p in places if p.code]
    codes = {p.code for p in places}
    if len(codes) <= 1:
        return next(iter(codes), None)
    for ctx in context:
        inside = {p.code for p in places if gazetteer.contains(ctx, p.code) and p.code != ctx}
        if len(inside) == 1:
            return inside.pop()
        if inside:
            break
    best = min(gazetteer.LEVEL_RANK[p.level] for p in places)
    top = {p.code for p in places if gazetteer.LEVEL_RANK[p.level] == best}
    return top.pop() if len(top) == 1 else None


#: The shared matcher (its data is loaded once per process).
MATCHER = PlaceMatcher()
