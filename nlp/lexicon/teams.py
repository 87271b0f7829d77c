"""Sports teams named by their city or country: ORG, not GPE (no spaCy).

SPEC: sports clubs and national teams are ORG (曼联, 皇马). A match report names clubs by
their city (罗马德比战胜拉齐奥, 1比1逼平米兰, 切沃vs罗马) and national teams by their country
(为什么今天意大利不能呢). A foreign place is read as its team

- when a match word stands right beside it (逼平米兰, 利物浦再防平, 罗马德比), or
- when it is a city, the text is a sports report (``MIN_CUES`` distinct sports words), and
  nothing marks it as the place (在米兰举行, 抵达罗马, 罗马时间).

A Chinese club is its place and a name of two characters (北京国安, 上海申花, 山东泰山, 广东宏远):
in a sports report, when a match word or a score stands right beside the two, they are one
ORG (武汉三镇主场1比1战平青岛海牛). A word of the place or of the players there (选手, 赛区,
球迷, 时间) or a verb names no club.
"""
from __future__ import annotations

import re

from ..labels import GPE, ORG
from . import gazetteer
from .candidates import Ent
from .words import word_flags

# Words of a match result or fixture, read right before or after a team.
MATCH_WORDS = ("逼平", "战平", "打平", "战胜", "击败", "击溃", "负于", "输给", "败给", "不敌", "力克",
               "完胜", "惨败", "淘汰", "对阵", "迎战", "做客", "主场", "客场", "德比", "绝杀", "再防平",
               "险胜", "小胜", "大胜", "胜过", "平过", "横扫", "逆转", "vs", "VS", "Vs")
# A score between two sides (巴西3-2险胜罗马尼亚, 米兰2比1): the sides are teams.
_SCORE = r"\d{1,2}\s*[-:：比]\s*\d{1,2}"
# Words that make a text a sports report.
SPORTS_CUES = MATCH_WORDS + ("联赛", "欧冠", "联盟杯", "足总杯", "英超", "意甲", "西甲", "德甲", "法甲",
                             "赔率", "欧赔", "亚盘", "盘口", "博胆", "足彩", "球队", "进球", "比分",
                             "平局", "主帅", "射门", "球迷", "半场", "赛季", "世界杯", "小组赛", "淘汰赛",
                             "半决赛", "决赛", "锦标赛", "球员", "门将", "前锋")
MIN_CUES = 2
# A fixture written with vs (利物浦vs富勒姆): a match even where the text has no other sports word.
_VERSUS = re.compile(r"\s*(?:vs|VS|Vs)\.?\s*$|^\s*(?:vs|VS|Vs)\.?\s*")
_BEFORE = re.compile("(?:" + "|".join(sorted(MATCH_WORDS, key=len, reverse=True)) + rf"|{_SCORE})\s*$")
_AFTER = re.compile(r"\s*(?:" + "|".join(sorted(MATCH_WORDS, key=len, reverse=True)) + rf"|{_SCORE})")
# A place marked as the place: a preposition of place before it, or a place word or the
# games it hosts after it (巴塞罗那奥运会).
_PLACE_BEFORE = re.compile(r"(?:在|于|到|赴|抵达|前往|飞往|来自|位于|当地)$")
_PLACE_AFTER = re.compile(r"(?:举行|举办|当地|时间|市|城|街头|机场|郊外|近郊|奥运会|冬奥会|亚运会|世博会|峰会)")


# Words after a place in a sports report that are no club's name.
_NOT_A_CLUB = frozenset({"选手", "球迷", "赛区", "时间", "球队", "队员", "主场", "客场", "市民", "地区", "当地",
                         "体育", "代表", "运动", "赛场", "站", "分站", "全运", "奥运", "一带", "方面", "本土"})
# jieba flags of words that name no club: verbs, adverbs, function and time words, numerals.
_NOT_A_CLUB_FLAGS = ("v", "d", "p", "c", "r", "t", "m", "q", "f", "u", "y", "e", "o", "a", "s")


def sports_report(text: str) -> bool:
    """RETURNS whether ``text`` has at least ``MIN_CUES`` distinct sports words."""
    return sum(cue in text for cue in SPORTS_CUES) >= MIN_CUES


def as_teams(text: str, ents: list[Ent]) -> list[Ent]:
    """RETURNS ``ents`` with the foreign places that name a team relabelled ORG."""
    ents = _chinese_clubs(text, ents, _TEAM_POST_AFTER)
    report = sports_report(text)
    if not report and not any(v in text for v in ("vs", "VS", "Vs")):
        return ents
    if report:
        ents = _chinese_clubs(text, ents, _AFTER, _BEFORE)
    types = gazetteer.foreign_place_types()
    out = []
    for e in ents:
        kind = types.get(text[e.start:e.end]) if e.label == GPE and not e.value else None
        if kind in ("city", "country"):
            before, after = text[max(0, e.start - 4):e.start], text[e.end:e.end + 4]
            beside = bool(_BEFORE.search(before) or _AFTER.match(after))
            marked = bool(_PLACE_BEFORE.search(before) or _PLACE_AFTER.match(after))
            if kind == "country" and before.endswith("做客"):
                beside = False  # 做客意大利: the away side plays in the country
            versus = bool(_VERSUS.search(before) or _VERSUS.match(after))
            # outside a sports report only a "vs" beside it makes a team
            if versus or (report and (beside or (kind == "city" and not marked))):
                e = e._replace(label=ORG)
        out.append(e)
    return out


def team_beside_a_match(text: str, start: int, end: int) -> bool:
    """RETURNS whether ``text[start:end]``, a name the model read as a person, is a team: the
    text is a sports report and a match word or score stands right beside it (输给埃因霍温,
    胜雷丁, 瓦拉多利德主场), and no word of a player's follows it (进球, 表示). The caller
    checks that the name is spelt like a transliteration."""
    if not sports_report(text) or not any(cue in text for cue in _CLUB_CUES):
        return False   # (网球决赛中费德勒战胜纳达尔: players, not clubs)
    before, after = text[max(0, start - 4):start], text[end:end + 4]
    return bool(_BEFORE.search(before) or _AFTER.match(after)) and not _PERSON_AFTER.match(after)


# Words of club football: a report with none of them may be about players (tennis, chess).
_CLUB_CUES = ("球队", "主场", "客场", "主队", "客队", "联赛", "欧冠", "联盟杯", "足总杯", "英超", "意甲", "西甲",
              "德甲", "法甲", "亚盘", "欧赔", "足彩", "德比")
# What follows a player rather than a club: a verb of speech, a goal, an injury, a transfer.
_PERSON_AFTER = re.compile(r"(?:说|表示|认为|透露|称|进球|破门|射门|受伤|伤愈|转会|加盟|身披)")



#: A post or a member of a team written right after a Chinese place and a name of two
#: characters: the two are a club (广州恒大|原主教练, 辽宁本钢|队长, 上海上港|外援), in any text.
_TEAM_POST_AFTER = re.compile(r"(?:原|前|新任)?(?:主教练|主帅|助理教练|队长|外援|门将|守门员|前锋|后卫|中场"
                              r"|俱乐部|男篮|女篮|男排|女排|男足|女足)")


def _chinese_clubs(text: str, ents: list[Ent], after: re.Pattern, before: re.Pattern | None = None) -> list[Ent]:
    """RETURNS ``ents`` with each Chinese place + two-character name followed by ``after`` or
    preceded by ``before`` (a match word or a score: 北京国安|客场, 战胜|山东泰山; a team's post:
    广州恒大|主教练) made one ORG, the places and features inside it dropped."""
    flags = word_flags()
    clubs = []
    for e in ents:
        end = e.end + 2
        name = text[e.end:end]
        if e.label != GPE or not e.value or len(name) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in name) \
                or name in _NOT_A_CLUB or name in MATCH_WORDS or (flags.get(name) or "n").startswith(_NOT_A_CLUB_FLAGS) \
                or any(o.start == e.end and o.end > end for o in ents):
            continue
        if before is not None and before.search(text, max(0, e.start - 4), e.start) or after.match(text, end):
            clubs.append(Ent(e.start, end, ORG))
    if not clubs:
        return ents
    inside = [o for o in ents if any(c.start <= o.start and o.end <= c.end for c in clubs)]
    return sorted([o for o in ents if o not in inside] + clubs, key=lambda o: o.start)
