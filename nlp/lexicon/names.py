"""Chinese personal names: surnames and where a name starting at an offset ends.

Data: ``surnames.txt`` (single and compound surnames: 李, 欧阳, 司马) and
``name_addresses.txt`` (words after a bare surname that make it a form of address: 先生,
大妈). A name is a surname and a given name of 1–2 characters.
"""
from __future__ import annotations

import functools
import re

from ..data import read_tsv
from ..text import NAME_BREAK, NAME_DOTS
from .words import word_flags

# Characters that do not continue a given name: function words and verbs after names.
NOT_GIVEN = set("的了在是和与及等说表出发指认介称会将对到也都为就从向以所主讲致被把并而又还即让给曾已再因却则你我他她您"
                "、，。；：！？（）()“”《》 \n\t")
#: Characters that end a dotted foreign name: fewer than NOT_GIVEN, whose 让, 德, 出, 主 ...
#: occur in transliterations (让-雅克, 勒让德尔).
DOT_NAME_CUT = frozenset("的了在是和与及等说表称将对到也都为就从向被把并而又还即给曾已再会、，。；：！？（）()“”《》 \n\t")
# Of NOT_GIVEN, the characters that given names often end with (建发, 国会, 志致, 元和, 有为): accepted
# as the last character of a name when a break follows (和 joins no name to a comma), or a verb
# a name is the subject of (包信和出席, 陈有为表示: 和 joins no name to a verb).
_GIVEN_BEFORE_BREAK = set("发会致主将和为")
_SPEECH_AFTER_NAME = re.compile(r"出席|表示|指出|强调|主持|介绍|认为|说|作了|参加|会见|讲话|致辞|宣布|透露|称")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BREAK = NAME_BREAK


@functools.lru_cache(maxsize=None)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """RETURNS (single-character surnames, compound surnames)."""
    names = {f[0] for _, f in read_tsv("surnames.txt")}
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


def name_at(text: str, i: int, ends: set[int], stop: set[int]) -> int | None:
    """End of a Chinese name starting at ``i`` (surname + 1–2 given chars), or None.

    ends: word ends (a boundary-aligned length is preferred); stop: offsets where an
    existing entity starts (a name never runs into one).
    """
    single, compound = surnames()
    if text[i:i + 2] in compound:
        sur = 2
    elif text[i:i + 1] in single:
        sur = 1
    else:
        return None
    g = i + sur

    def given_ok(k: int) -> bool:
        return k < len(text) and k not in stop and text[k] not in NOT_GIVEN and bool(_CJK.match(text[k]))

    if not given_ok(g):
        return None
    # a last given character that also starts verbs (发表) ends the name before a break: 黄建发，
    last_ok = given_ok(g + 1) or (text[g + 1:g + 2] in _GIVEN_BEFORE_BREAK and g + 1 not in stop
                                  and (text[g + 2:g + 3] in _BREAK or _SPEECH_AFTER_NAME.match(text, g + 2) is not None))
    if not last_ok or g + 1 in ends and g + 2 not in ends or preposition_before_date(text, g + 1) \
            or _PREPOSITION_AFTER_NAME.match(text, g + 1) or text[g + 1] in VERBS_AFTER_A_GIVEN_NAME and g + 2 in stop:
        return g + 1
    return g + 2


#: 同, 通, 作, 均, 此, 正, 一, 拿 or 做 after a surname and one given character, where they open the clause's next
#: word (王毅|同俄罗斯外长, 王毅|通电话, 周强|作报告, 李红|均被问责): People's Daily 1998 has 同
#: as a preposition after a name ten times as often as a given name ending in it (陈希同,
#: before a break: kept).
_PREPOSITION_AFTER_NAME = re.compile(r"同(?![，,。；;、）)\s]|$)|通(?:电话|话|报|过|知)"
                                     r"|作(?:了|出|重要|工作|报告|讲话|动员|部署|发言|指示|批示|总结|说明|主旨)"   # 周强|作报告
                                     r"|均(?:被|为|是|已|在|未|不|系|获|表示|出席|参加|有)"   # 李红|均被问责
                                     r"|此(?:前|后|次|时)|正(?:在|于)"   # 王红|此前任, 张华|正在检查
                                     r"|一(?:句|把|直|起|行|同|再|定|向|致|路|番|声|眼|下子|边|口气|并|齐|度|个|位|名|家)"   # 齐骥|一句话
                                     r"|拿(?:起|着|出|到|下)|做(?:主题|报告|了|出|好|客)")   # 杨斌|拿起, 王诚|做主题发言
#: ... and, whatever follows, before another entity (周强|作|最高人民法院工作报告)
VERBS_AFTER_A_GIVEN_NAME = "作均同"


#: A dynasty before a dot, as a citation names a classical author (宋·秦观, 南宋·吴文英): the
#: person is the name after the dot. General knowledge: the dynasties and periods of the histories
#: (not 金, a foreign given name as often: 金·凯瑞).
_DYNASTY_DOT = re.compile(r"(?:北宋|南宋|东汉|西汉|东晋|西晋|北魏|东魏|西魏|北齐|北周|南朝|北朝|五代|先秦|春秋|战国"
                          r"|前秦|后秦|后唐|后晋|后汉|后周|南唐|前蜀|后蜀|民国|[夏商周秦汉魏蜀吴晋宋齐梁陈隋唐辽元明清])"
                          rf"[{NAME_DOTS}]")


def after_a_dynasty(text: str, start: int, end: int) -> int:
    """RETURNS where the name ``text[start:end]`` starts once a dynasty and its dot are cut off
    (宋·秦观 -> 秦观, 出自宋·秦观 -> 秦观), or ``start``. The dynasty stands right before the
    span's only dot, and the name after it opens with a Chinese surname and has two characters
    or more (not 曼·莫汉·阿迪卡里, a foreign name)."""
    dots = [k for k in range(start, end) if text[k] in NAME_DOTS]
    if len(dots) != 1 or end - dots[0] - 1 < 2:
        return start
    dot = dots[0]
    if not any(_DYNASTY_DOT.fullmatch(text, k, dot + 1) for k in (dot - 2, dot - 1) if k >= start):
        return start
    single, compound = surnames()
    return dot + 1 if text[dot + 1] in single or text[dot + 1:dot + 3] in compound else start


#: A year or a date's number (2009年, 一九九八年, 3月).
_DATE_START = re.compile(r"\s*(?:\d|[一二三四五六七八九〇零][一二三四五六七八九〇零十]*[年月])")


def verb_after_given_name(text: str, k: int) -> bool:
    """RETURNS whether ``text[k]``, after a surname and one given character, opens the next word
    rather than ending the name (周强|作报告, 李红|均被问责, 王毅|同俄罗斯外长)."""
    return _PREPOSITION_AFTER_NAME.match(text, k) is not None


def preposition_before_date(text: str, k: int) -> bool:
    """RETURNS whether ``text[k]`` is 于 before a date (陈平|于2009年创立): a preposition, not a
    name's last character."""
    return text[k:k + 1] == "于" and _DATE_START.match(text, k + 1) is not None


#: The tails of universities' short names (北师大, 哈工大, 中科大): no given name ends in them.
UNIVERSITY_SHORT = ("师大", "工大", "农大", "医大", "科大", "财大", "政法大", "民大")


# Surnames that are also verbs or adverbs opening a clause (任, 曾, 兼 ...).
_VERB_SURNAMES = set("任曾兼现原")


def verb_led(text: str) -> bool:
    """RETURNS whether ``text`` reads as a verb phrase, not a name: a surname that is also a
    verb (任, 曾) before a dictionary word or another such character (任|公司, 曾|担任, 曾任)."""
    if text[:1] not in _VERB_SURNAMES:
        return False
    rest = text[1:]
    return rest[:1] in _VERB_SURNAMES or rest in ("担任", "任职") or word_flags().get(rest) is not None


def common_word(text: str, *, surname_head: bool = False) -> bool:
    """RETURNS whether a dictionary knows ``text``, or its first two characters, as a word
    that is no person's name (公告, 高考, 印象|四: not speakers). surname_head: the first two
    characters do not count when they are a compound surname (欧阳 is also a place word)."""
    flags = word_flags()
    words = {text} if surname_head and text[:2] in surnames()[1] else {text, text[:2]}
    return any(flags.get(w) is not None and not flags[w].startswith("nr") for w in words)


@functools.lru_cache(maxsize=None)
def addresses() -> frozenset[str]:
    """RETURNS the words of ``name_addresses.txt`` (先生, 大妈: a bare surname before them
    is a form of address, not a name cut short)."""
    return frozenset(f[0] for _, f in read_tsv("name_addresses.txt"))
