"""DATE, MONEY, PERCENT and QUANTITY found by regular expressions, with their values.

Expressions are matched with the ``regex`` package over the width-folded text (so ``３６万``
and ``36万`` match alike; offsets are unchanged) and returned as candidates; values
come from the pure parsers in ``nlp.normalize``. Units, counters and currencies are read from
``nlp/data/units.tsv``, relative date words from ``date_words.tsv`` and phrases that are never
numbers (三个代表, 两位数, 五台山) from ``number_exclude.txt``.

Conventions (SPEC section 1, plus the decisions SPEC leaves open):

* Qualifiers stay outside spans: 约, 超过, 近, 逾, 左右, 以上, 以来. An approximator between
  the number and its unit (``5万余人``, ``20多家``, ``100多万元``) cannot be left out without
  losing the unit, so it stays inside and the value is the number written (the lower bound);
  a trailing one with no unit after it (``观众5万余``) is outside.
* Ranges (corpora/gold/README.md): a number range is always two entities, the first end
  taking the second's unit and, when it has none, its multiplier (``180万至200万人次`` ->
  180万 1800000 人次 + 200万人次; ``3至5万元`` -> 3 = 30000 元 + 5万元; ``5-8%`` -> 5 = 0.05 +
  8%). A DATE range is one span when an end is elided (``1-5月``, ``2019-2021年`` ->
  "2019/2021", ``2024至2025财政年度``, ``2月12日至14日``: a bare day under the first end's
  month); ends of the same rank are two DATEs (``10日至13日``, ``2021年至2025年``).
* Holiday periods (今年春运, 春节假期, 国庆假期), a season after a year (今年秋季) and
  durations with 过去/未来/今后 or a trailing 前/后 (过去十年, 7天后) are DATE; ages are
  QUANTITY (48岁); 居前三位 is a rank, not a QUANTITY.
* An ORG from an earlier stage that begins with a relative DATE found here (今年上半年集团)
  loses the date (and is dropped when only a generic 集团/公司 is left).
* PERCENT values are fractions with unit "%" (``三成`` -> 0.3); ``个百分点`` is QUANTITY with
  unit 百分点; MONEY keeps its currency word (人民币, 块钱 -> 元); QUANTITY keeps the unit after
  the multiplier (``六百万千瓦`` -> 6000000 千瓦): units win over multipliers, so ``3千米`` is
  3 千米.
* A bare 一 before a counter is an article (一家企业, 一名记者), not a QUANTITY.
* A round number written by its multiplier alone after a qualifier or before 余 is one
  (近|百人 -> 100 人, 千余人 -> 1000 人, 超|百亿元); an amount with no unit right after a money
  word (money_words.txt: 注册资本：100万, 月薪8000) or, in 万/亿, right before one (4418.73万票房)
  is MONEY in 元.
* A currency's name (units.tsv kind currency_name: 人民币, 港币, 美金) before the number or
  after an amount in 元 is part of the span and gives the unit (３６３０万元人民币 -> 元,
  １００万元港币 -> 港币, 港币10亿元 -> 港币, 人民币300亿 -> 元).
* A list shares the unit written after its last amount: in ``3亿、5亿元`` and ``15亿、12亿和近6亿元``
  each bare number in Arabic digits is MONEY in 元 (``_listed_amounts``), as the last end of a
  range lends its unit; not after 第 (第3、4名), and not where the multiplier would be shared
  too (3、5亿元 stays open).
* A slash fraction below one is a PERCENT (３／４ -> 0.75); 69/70次, 06/07赛季 and odds are not.
* DATE covers absolute and relative calendar expressions and durations (``五年``,
  ``前两个月``); its value is the ISO form of the written calendar anchor where a year is
  given (``2030年底`` -> "2030"), else None. 近日, 日前 are not dates.
* A full numeric date (2015-07-29, 2018/03/21, 2014.8.8) is a DATE; a year and month alone
  (2018.04) is not, as it reads as a decimal as easily.
* Ordinals (第三), model numbers (C919, 10G-PON), 5G, 4K and phone numbers are not matched:
  numbers may not follow a Latin letter, digit, '-' or '第'.
* CARDINAL (a bare number) is emitted only with ``emit_cardinal = true``.

Candidates from all patterns are resolved longest first, then leftmost (两个月 is a DATE,
not the QUANTITY 两个).
"""
from __future__ import annotations

import functools
from typing import Callable, Iterable, NamedTuple

import regex

from ..data import read_tsv
from ..labels import CARDINAL, DATE, MONEY, PERCENT, QUANTITY
from ..text import fold_width
from ..normalize import normalize_date, parse_number, parse_percent

UNITS_FILE = "units.tsv"
DATE_WORDS_FILE = "date_words.tsv"
EXCLUDE_FILE = "number_exclude.txt"
MONEY_WORDS_FILE = "money_words.txt"

CN_DIGITS = "零〇○一二三四五六七八九两壹贰貳叁參肆伍陆陸柒捌玖"
CN_NONZERO = "一二三四五六七八九两壹贰貳叁參肆伍陆陸柒捌玖"
CN_UNITS = "十拾百佰千仟万萬亿億"
APPROX = "余多"
RANGE = "-~～—–至到"
#: The kind of units.tsv row of a currency's name (人民币, 港币), which may also stand before
#: the amount or after an amount in 元.
CURRENCY_NAME = "currency_name"
#: Counters that after a year-like number name a model, not a count (2021款).
YEAR_MODELS = ("款", "版")
#: Lead characters after which a number is part of something else (an ordinal, a code, the
#: minutes of 10:30); a colon after a word introduces the number (注册资本：100万元).
_NOT_BEFORE_ARABIC = r"(?<![A-Za-z0-9.,_/#\-−第])(?<![\dA-Za-z]:)"
#: 上 only before a multiplier: 上百, 上万 are vague (SPEC: optional), 献上两首 is a count.
_NOT_BEFORE_CN = rf"(?<![{CN_DIGITS}{CN_UNITS}点第几数成])(?!(?<=上)[十百千万亿])"


class Unit(NamedTuple):
    """A row of units.tsv."""
    surface: str
    label: str
    unit: str
    kind: str
    not_before: str


@functools.lru_cache(maxsize=None)
def load_units() -> dict[str, Unit]:
    """RETURNS the rows of units.tsv by surface (cached)."""
    units = {}
    for line_no, f in read_tsv(UNITS_FILE, min_fields=4):
        if f[1] not in (MONEY, QUANTITY):
            raise ValueError(f"{UNITS_FILE}:{line_no}: label must be MONEY or QUANTITY")
        units[f[0]] = Unit(f[0], f[1], f[2], f[3], f[4] if len(f) > 4 else "")
    return units


@functools.lru_cache(maxsize=None)
def load_date_words() -> tuple[tuple[str, str, str], ...]:
    """RETURNS the rows (word, kind, not_after) of date_words.tsv (cached); a word may have
    several kinds (春节 is a holiday alone and the base of 春节假期)."""
    return tuple((f[0], f[1], f[2] if len(f) > 2 else "") for _, f in read_tsv(DATE_WORDS_FILE, 2))


@functools.lru_cache(maxsize=None)
def load_money_words() -> tuple[str, ...]:
    """RETURNS the words of money_words.txt (cached)."""
    return tuple(f[0] for _, f in read_tsv(MONEY_WORDS_FILE))


@functools.lru_cache(maxsize=None)
def load_excluded() -> tuple[str, ...]:
    """RETURNS the phrases of number_exclude.txt (cached)."""
    return tuple(f[0] for _, f in read_tsv(EXCLUDE_FILE))


# -- pattern fragments --------------------------------------------------------------------
def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first so that 千瓦时 is tried before 千瓦."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


ARABIC = r"(?>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(?!\.\d)"
SIGNED_ARABIC = rf"(?:(?<![A-Za-z0-9.])(?:[-−]|零下)|{_NOT_BEFORE_ARABIC}){ARABIC}"
#: Arabic digits with optional multipliers, lazy so that a unit wins over a multiplier. An
#: approximator may stand between multipliers (9万多亿), and after 万 or 亿 a second section
#: may follow (3亿5000万, 3亿5千万, 1万2千).
_SECOND_SECTION = r"(?:(?<=亿)\d{1,4}(?![\d.])[千百十]?万|(?<=万)\d(?![\d.])[千百]|(?<=万)\d{4}(?![\d.]))"
ARABIC_NUM = rf"{SIGNED_ARABIC}(?:[十百千万亿]*?[{APPROX}]?[十百千万亿]+?{_SECOND_SECTION}?)??"
CN_NUM = (rf"{_NOT_BEFORE_CN}(?:[{CN_NONZERO}十拾](?:[{CN_DIGITS}{CN_UNITS}]|[{APPROX}](?=[十百千万亿])"
          rf"|点(?=[{CN_DIGITS}]))*?|零点[{CN_DIGITS}]+[万亿]*?)")
NUM = rf"(?:{ARABIC_NUM}|{CN_NUM})"
#: A number inside a range, after the separator: no lookbehind, no sign.
BARE_NUM = rf"(?:{ARABIC}(?:[十百千万亿]+?)??|[{CN_NONZERO}十](?:[{CN_DIGITS}{CN_UNITS}]|点(?=[{CN_DIGITS}]))*?)"
RANGE_SEP = rf"[{RANGE}]"


class Candidate(NamedTuple):
    """A found expression by character offsets, before it becomes an ``Ent``."""
    start: int
    end: int
    label: str
    value: object
    unit: str | None


def _unit_pattern(units: Iterable[Unit]) -> str:
    """Units after a number; Latin units may follow a space and must end a word."""
    cjk, latin = [], []
    for u in units:
        tail = f"(?![{regex.escape(u.not_before)}])" if u.not_before else ""
        target = latin if u.surface[0].isascii() else cjk
        target.append((u.surface, regex.escape(u.surface) + tail))
    def join(items):
        return "|".join(p for _, p in sorted(items, key=lambda it: (-len(it[0]), it[0])))
    return rf"(?:{join(cjk)}|\s?(?:{join(latin)})(?![A-Za-z]))"


def _starting_with(first_chars: str, pattern: str) -> regex.Pattern:
    """Compile ``pattern``, all of whose matches start with a digit or one of ``first_chars``,
    behind a lookahead on those characters (it changes no match, only skips other positions
    faster)."""
    chars = "".join(regex.escape(c) for c in sorted(set(first_chars)))
    return regex.compile(rf"(?=[\d{chars}])(?:{pattern})")


#: Words between a money word and its bare amount (营收为5亿, 票房只有6亿, 价格一般是两千): at most two.
_MONEY_LINKS = "|".join(("为", "是", "达到?了?", "约为?", "超过?了?", "逾", "仅", "仅有", "只有", "高达", "近", "共",
                         "共计", "累计", "突破", "一般", "最终", "约合"))


@functools.lru_cache(maxsize=None)
def build_patterns() -> dict[str, regex.Pattern]:
    """Compile the patterns of every expression kind (cached). RETURNS {kind: pattern}."""
    units = load_units()
    after = [u for u in units.values() if u.kind != "symbol"]
    symbols = _alt(u.surface for u in units.values() if u.kind == "symbol")
    names = _alt(u.surface for u in units.values() if u.kind == CURRENCY_NAME)
    unit = _unit_pattern(after)
    words = load_date_words()
    money_words = load_money_words()

    def word_alt(kinds: tuple[str, ...]) -> str:
        return "|".join(
            (f"(?<![{regex.escape(na)}])" if na else "") + regex.escape(w)
            for w, kind, na in sorted(words, key=lambda it: -len(it[0])) if kind in kinds)

    cn_small = f"[{CN_DIGITS}十]"
    month = rf"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|(?<![单纪])元)月份?"  # 元月: January
    day = rf"(?:3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
    day_num = day[:-len("[日号]")]
    # 7月24~26日: a span of days in one month is one DATE
    month_part = rf"{month}(?:{day_num}[~～\-－—–]{day}|{day}|[上中下]旬|[底初末])?"
    # a year of four digits, or of two with a leading zero (09年年底: no count of years has one)
    # or before a month (66年12月出生: a count of years has no month after it)
    year_abs = (rf"(?<![\d.A-Za-z])(?:\d{{4}}(?:{RANGE_SEP}\d{{4}})?|0\d(?=年)|\d{{2}}(?=年(?:1[0-2]|0?[1-9])月)"
                rf"|(?<![{CN_DIGITS}])[{CN_DIGITS}]{{4}})(?:年(?!级|龄|代)度?|财政年度|财年)")
    year_rel = rf"(?:{word_alt(('year',))})(?![轻龄级纪均])"
    few = rf"(?:\d{{1,2}}|[{CN_NONZERO}]|十[一二]?)"
    free_period = (rf"(?:上半年|下半年|第?[一二三四1-4]季度|前[一二三1-3]季度|前{few}个月"
                   rf"|{few}{RANGE_SEP}{few}月份?)")
    period = rf"(?:{free_period}|年[初底末中]|同期|[上下]学期)"
    day_alone = day[:-len("[日号]")] + "日"   # 3号 alone is more often a line or a number
    suffix = r"(?:[底末]|初(?!步|级|心|次|始|期)|前(?!往|进|沿|身|列|者|提|景|期|所|后))"
    not_event = "(?!联欢|晚会|档|习俗|文化|主题|特别|气氛|氛围|快乐)"
    holiday = (rf"(?:(?:{word_alt(('holiday_base',))})(?:假期|小长假|长假|黄金周)"
               rf"|(?:{word_alt(('holiday',))}){not_event})")
    festival = rf"(?:{word_alt(('festival',))}){not_event}"
    # a season after a year: a word (今年秋季), or its character before punctuation (一九七九年夏，)
    season = rf"(?:{word_alt(('season',))}|[春夏秋冬](?![\p{{Han}}A-Za-z0-9]))"
    date_year = rf"(?:{year_abs}|{year_rel})(?:{month_part}|{period}|{holiday}|{season})?{suffix}?"
    duration_num = rf"(?:(?:(?<=\d[-−])|{_NOT_BEFORE_ARABIC})(?:\d{{1,3}}(?:\.\d)?|\d{{4}}(?=[{APPROX}]))|{CN_NUM}|半)"
    # a range of durations (18至24个月, 3至5年) is not joined: SPEC's range rule makes the last
    # number and unit the entity (24个月) and the bare first number optional
    # 前一天, 后一年, 头一年: the day or year before or after, relative like 次日 (not 提前|一天)
    duration = (rf"(?:过去|未来|今后|最近|(?<![提之以此事赛日年最然随先空当眼目面])[前后头](?=一[天年周个星]))?"
                rf"{duration_num}[{APPROX}]?"
                rf"(?:个[{APPROX}]?(?:月|星期(?![一二三四五六日天]))|周年|年半|年(?!级|龄|代|度)"
                rf"|天|周(?![一二三四五六日天])|星期(?![一二三四五六日天]))"
                rf"(?:前|后(?!续|期|备|勤|方|台|者|面|来|果|盾|代|事|劲|生|排|端|门|半))?")
    decade = rf"(?:(?:上个?世纪|本世纪|(?<![\d.])(?:[1-9]|1\d|2[01])世纪|(?<![{CN_DIGITS}十])(?:二十一?|十[一二三四五六七八九]?|[一二三四五六七八九])世纪)(?:\d0年代)?|(?<!\d)\d0年代|(?<![{CN_DIGITS}])[一二三四五六七八九]{{1,2}}十年代)(?:[初末]|中期|中叶)?"
    # Every DATE alternative below starts with a digit, a Chinese numeral, a date word or one
    # of these characters (上半年, 第一季度, 前两个月, 本世纪, 星期一, 礼拜天, 周五, 年底, 过去十年,
    # 未来, 今后, 最近, 半年). A lookahead on them (``_starting_with``) lets the engine skip all
    # other positions at once instead of trying each alternative there: the same matches,
    # found about eight times faster. (The other kinds start with frequent characters such as
    # 一 and gain nothing from it.)
    date_starts = (CN_DIGITS + CN_UNITS + "零半上下第前后头本星礼周年过未今最元初正大"
                   + "".join(w[0] for w, _, _ in words))
    # A lunar day (初三, 年初九, 正月初五): with the month or 年 before it, or a time of day or
    # a range after it (初三上午, 初六至初八); 初三 alone is also a school year (初三学生).
    lunar = r"初(?:十|[一二三四五六七八九])"
    # ... and any day after a month written in words (腊月二十三, 正月十五, 八月十五, 五月初五)
    month_day = (r"(?:正月|腊月|冬月|十[一二]月|[一二三四五六七八九十]月)"
                 r"(?:初(?:十|[一二三四五六七八九])|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)"
                 r"(?![\d一二三四五六七八九十百千万亿多余几天个年岁人号日])")   # not 五月|二十多天
    lunar_day = (rf"(?:正月|大年|(?<![今去明前后上本当同次\d{CN_DIGITS}])年){lunar}"
                 rf"|(?<![正月年\u4e00-\u9fff]|[这那][个]?){lunar}(?=[上下中]午|早上|早晨|晚上|凌晨|傍晚|夜里|至|到|以前|以后|前后|那天|这天|起)"
                 rf"|(?<=[至到—~]){lunar}")
    # A fraction with a slash (1/3, ３／４ folded), not a date (5月17/18日), a season (06/07赛季),
    # a train (69/70次), a score or odds (3/1: _percent keeps only fractions below one) or
    # part of a path, version or longer number.
    fraction = (rf"(?<![\d./A-Za-z月:])[1-9]\d{{0,2}}/[1-9]\d{{0,2}}"
                rf"(?![\d/.A-Za-z日号月代年期赛]|{unit})")
    # Life years in brackets after a name (卜劳恩（1903-1944）): two DATEs.
    years = r"(?:1\d|20)\d\d"
    life_years = (rf"(?<=[（(]){years}(?=[-—–－~]{years}[）)])"
                  rf"|(?<=[（(]{years}[-—–－~]){years}(?=[）)])")
    # 2015-07-29, 2018/03/21, 2014.8.8: a full numeric date, year 1900-2099, the same
    # separator twice, not inside a longer number, version or phone number
    numeric_date = (r"(?<![\d.\-/A-Za-z])(?:19|20)\d\d(?P<sep>[-/.])(?:1[0-2]|0?[1-9])(?P=sep)"
                    r"(?:3[01]|[12]\d|0?[1-9])(?![\d.\-/])"
                    r"|(?<![\d.\-/A-Za-z])(?:19|20)\d\d-(?:1[0-2]|0[1-9])(?![\d.\-/:年]|赛季|学年|财年|年度)")   # 2012-11 出版
    return {
        DATE: _starting_with(date_starts, "|".join([
            numeric_date,
            date_year,
            month_day,   # before the month alone (腊月|二十三 is one DATE)
            rf"(?<![\d.])(?:{month_part}|{day_alone}){suffix}?",   # 8月17日前
            rf"(?:{word_alt(('era',))})(?:元|[{CN_DIGITS}十]{{1,4}})年(?:{month_part})?",   # 洪武二十年(四月十日), 康熙元年
            rf"(?:{word_alt(('month',))})(?:{day}|[上中下]旬|[底初末])?",
            r"(?:[上下本这]个?)?(?<![一两二三四五六七八九十几])(?:星期|礼拜|周)[一二三四五六日天](?![次班趟回遍])",   # before 上周: 上周五 whole; not 一周三班 (times a week)
            word_alt(("day", "week")),
            rf"{free_period}{suffix}?",
            holiday,
            festival,
            lunar_day,
            life_years,
            rf"(?<![今去明前后上本当同次年\d{CN_DIGITS}])年[初底末]",
            decade,
            duration,
        ])),
        PERCENT: regex.compile("|".join([
            fraction,
            rf"{NUM}(?:%|‰){RANGE_SEP}{BARE_NUM}(?:%|‰)",   # two ends: split later
            rf"{NUM}{RANGE_SEP}{BARE_NUM}(?:%|‰)",
            rf"{NUM}(?:%|‰)",
            rf"[百千万]分之(?:{ARABIC}|[{CN_DIGITS}{CN_UNITS}点]+)",
            rf"{_NOT_BEFORE_CN}{cn_small}+分之{cn_small}+(?:点{cn_small}+)?",
            rf"(?:{_NOT_BEFORE_CN}[一二三四五六七八九两十]成[一二三四五六七八九]?|(?<![\d.]){_NOT_BEFORE_ARABIC}[1-9]成)"
            r"(?![员为本果立功交长熟绩就品都型色分年人才效败形全像语亲家名了批片])",
        ])),
        # a currency name may stand before the number (港币10亿元, 人民币300亿) or after 元
        # (100万元港币); _amount keeps a name after any other unit out of the span
        "AMOUNT": regex.compile(
            rf"(?P<prefix>{names})?(?P<num>{NUM}(?:{RANGE_SEP}{BARE_NUM})?)[{APPROX}]?(?P<unit>{unit})(?P<suffix>{names})?"
            rf"|(?P<symbol>{symbols})(?P<num2>{ARABIC}(?:[百千万亿]+)?)"
            rf"|(?P<name>{names})(?P<num3>{NUM})(?![\d.%‰{CN_DIGITS}{CN_UNITS}年月日号期]|{unit})"),
        # a round number written by its multiplier alone after a qualifier, or before 余
        # (近百人, 上万人, 千余人): the qualifier stays outside, as SPEC asks; or a class of
        # amount in 元 (千万元利税企业, 百万元): not after 数/几 (数千万元, vague)
        "ROUND": regex.compile(
            rf"(?:(?<=[近逾上超约达共])(?P<mult>[十百千]万|[百千万]亿|[百千万亿])|(?<![\d{CN_DIGITS}{CN_UNITS}])(?P<mult2>[百千万])余"
            rf"|(?<![\d{CN_DIGITS}{CN_UNITS}数几多余近逾上超约达共])(?P<mult3>[十百千]万|[百千万]亿)(?=元))"
            rf"(?P<unit>{unit})"),
        # an amount with no unit right after a money word (注册资本：100万, 月薪8000, 总资产40余亿):
        # MONEY in 元
        "BARE_MONEY": _starting_with(
            "".join(w[0] for w in money_words),
            rf"(?:{_alt(money_words)})(?:[:：]\s*|{_MONEY_LINKS}){{0,2}}"
            rf"(?P<num>{NUM}(?:[{APPROX}][十百千万亿]+)?)(?![{CN_DIGITS}{CN_UNITS}\d.%‰A-Za-z]|{unit})"),
        # an amount in 万 or 亿 with no unit right before a money word (4418.73万票房, 6亿多的
        # 营收): MONEY in 元, a trailing 余/多 outside; not before the people of the word
        # (10万投资者, 100万存款人) or a rate (2亿的投资回报率)
        "MONEY_BEFORE_WORD": regex.compile(
            rf"(?P<num>{NUM})(?<=[万亿])(?![{CN_DIGITS}{CN_UNITS}\d.])"
            rf"(?=[{APPROX}]?的?(?:{_alt(money_words)})(?![者人户方商率]|回报))"),
        CARDINAL: regex.compile(rf"{NUM}(?![{CN_DIGITS}{CN_UNITS}\d.])"),
    }


_DIGIT_OR_BIG_MULTIPLIER = regex.compile(r"\d|[万亿]")
#: the financial (capital) forms of the digits: alone they are mostly characters of words (大陆, 伍)
_CAPITAL_DIGITS = "壹贰貳叁參肆伍陆陸柒捌玖"
_SMALL_MULTIPLIER = regex.compile(r"[十百千]")


def _bare_money(m: regex.Match) -> list[Candidate]:
    """MONEY in 元 for an amount right after a money word, written with a digit or a
    multiplier (月薪8000, 注册资本：100万, 收入三千); not a lone Chinese numeral, which is mostly
    a word's start (税收一直, 工资一样)."""
    num = m["num"]
    if not _DIGIT_OR_BIG_MULTIPLIER.search(num) and not (len(num) >= 2 and _SMALL_MULTIPLIER.search(num)):
        return []
    return [Candidate(m.start("num"), m.end("num"), MONEY, parse_number(num), "元")]


# -- values -------------------------------------------------------------------------------
# The small patterns of the value helpers, compiled once (a pattern given to regex.search
# and friends as a string is looked up in regex's cache on every call).
_RANGE_ENDS = regex.compile(rf"([-−]?[^{RANGE}]+)[{RANGE}](.+)")
_TRAILING_MULT = regex.compile(r"[十百千万亿]+$")
_ANY_MULT = regex.compile(r"[十百千万亿]")
_YEAR_RANGE = regex.compile(rf"(\d{{4}})[{RANGE}](\d{{4}})(?:年|财)")
_PERCENT_RANGE = regex.compile(rf"(.+?)([%‰]?)[{RANGE}](.+)([%‰])")
_MODEL_YEAR = regex.compile(r"(19|20)\d\d")
_YEAR_CHAR = regex.compile(r"年(?!代)")
_DAY_END = regex.compile(r"[日号]$")


def _split_range(text: str) -> tuple[str, str] | None:
    """Split 3至5万 into its ends, or None when ``text`` is no range."""
    m = _RANGE_ENDS.fullmatch(text)
    return (m[1], m[2]) if m else None


def _range_low(num: str) -> float:
    """Lower bound of a number or an elided range: 3至5万 -> 30000 (the multiplier is shared)."""
    ends = _split_range(num)
    if not ends:
        return parse_number(num)
    low, high = ends
    mult = _TRAILING_MULT.search(high)
    if mult and not _ANY_MULT.search(low):
        low += mult[0]
    return parse_number(low)


def _date_value(text: str) -> str | None:
    m = _YEAR_RANGE.match(text)
    if m:
        return f"{m[1]}/{m[2]}"
    return normalize_date(text)


def _percent(text: str, start: int) -> list[Candidate]:
    """PERCENT candidates of one match: two for a range (``5%至8%``, and ``5-8%`` whose first
    end ``5`` takes the second's %); none for a slash "fraction" of one or more (3/1 is odds)."""
    if "/" in text:
        value = parse_percent(text)
        return [Candidate(start, start + len(text), PERCENT, value, "%")] if value < 1 else []
    ends = _PERCENT_RANGE.fullmatch(text)
    if ends:
        low, high = ends[1], ends[3] + ends[4]
        return [Candidate(start, start + len(low) + len(ends[2]), PERCENT,
                          parse_percent(low + (ends[2] or ends[4])), "%"),
                Candidate(start + len(text) - len(high), start + len(text), PERCENT,
                          parse_percent(high), "%")]
    return [Candidate(start, start + len(text), PERCENT, parse_percent(text), "%")]


#: Counters that after 前 rank rather than count (居前三位, 排名前十名).
RANK_COUNTERS = ("位", "名")
# Words that make N级 a magnitude or a scale, within a few characters of it.
_MAGNITUDE = regex.compile(r"地震|余震|强震|震级|里氏|风力|阵风|大风|台风|飓风|烈度|级[东南西北偏]{0,2}风|级地")
# A middle dot between digits is a decimal point (one character for one: offsets stay).
#: A full-width comma between a number of 1-3 digits and groups of exactly three digits.
_THOUSANDS_COMMA = regex.compile(r"(?<=(?<![\d.,，])\d{1,3}(?:，\d{3})*)，(?=\d{3}(?!\d))")
_DOT_DECIMAL = regex.compile(r"(?<=\d)[·•‧・](?=\d)")


def _round_amount(m: regex.Match) -> list[Candidate]:
    """MONEY/QUANTITY of a number written by its multiplier alone (近|百人, 千余人)."""
    unit = load_units()[m["unit"].strip()]
    return [Candidate(m.start(), m.end(), unit.label, parse_number(m["mult"] or m["mult2"] or m["mult3"]), unit.unit)]


def _amount(m: regex.Match) -> list[Candidate]:
    """MONEY/QUANTITY candidates of one match: two for a range (``180万至200万人次``,
    ``3至5亿元``): the first end takes the second's unit and, when it has none, its
    multiplier (3 -> 300000000 元)."""
    units = load_units()
    if m["symbol"]:
        return [Candidate(m.start(), m.end(), MONEY, parse_number(m["num2"]), units[m["symbol"]].unit)]
    if m["name"]:
        return [Candidate(m.start(), m.end(), MONEY, parse_number(m["num3"]), units[m["name"]].unit)]
    unit = units[m["unit"].strip()]
    start, end, unit_name = m.start("num"), m.end("unit"), unit.unit
    if unit.surface == "元" and (m["suffix"] or m["prefix"]):
        # the currency's name says which 元: 100万元港币, 港币10亿元 (人民币 -> 元); before
        # another unit it is no part of the amount (新币５．２卢布: the new money)
        start, end, unit_name = m.start(), m.end(), units[m["suffix"] or m["prefix"]].unit
    if unit.kind == "counter" and m["num"] == "一":
        return []  # an article: 一家企业
    if len(m["num"]) == 1 and m["num"] in _CAPITAL_DIGITS and unit.label != MONEY:
        return []  # 大陆类: a capital numeral alone is a character of a word, outside amounts of money
    if unit.surface in YEAR_MODELS and _MODEL_YEAR.fullmatch(m["num"]):
        return []  # a model year: 2021款
    if unit.surface == "点" and "." not in m["num"]:
        return []  # 10点 is a time of day; 57.55点 an index's points
    if unit.surface in RANK_COUNTERS and m.start() > 0 and m.string[m.start() - 1] == "前":
        return []  # a rank: 居前三位
    if unit.surface == "级" and not _MAGNITUDE.search(m.string, max(0, m.start() - 4), min(len(m.string), m.end() + 3)):
        return []  # a grade or rank (三级医院, 一级巡视员), not a magnitude
    if unit.surface == "分" and (m.start() > 0 and m.string[m.start() - 1] in "时点:差" or not m["num"][0].isdigit()):
        return []  # clock minutes (15时30分, 5时差10分, 2分27秒), or 几分/三分 as a manner of speaking
    ends = _split_range(m["num"])
    if not ends and unit.surface == "块" and m["num"] != "一":
        # 一万块, 9块9, 五十多块: money when no noun follows the counter (SPEC: plainly money is
        # MONEY in 元); 9块9 is 9.9 元. 三块石头 stays a counter.
        dime = _DIMES.match(m.string, end)
        if (dime or _MONEY_BLOCK_END.match(m.string, end)) and not _BLOCK_THING_BEFORE.search(m.string, max(0, start - 6), start):
            value = parse_number(m["num"]) + (int(dime[1]) / 10 if dime else 0)
            return [Candidate(start, dime.end() if dime else end, MONEY, value, "元")]
    if not ends:
        return [Candidate(start, end, unit.label, parse_number(m["num"]), unit_name)]
    low, high = ends
    num_start = m.start("num")
    return [Candidate(start, num_start + len(low), unit.label, _range_low(m["num"]), unit_name),
            Candidate(num_start + len(low) + 1, end, unit.label, parse_number(high), unit_name)]


#: 块 as money: right before a clause break, the end, or 钱 (一万块，, 两百块钱); 9块9: 9.9 元.
_MONEY_BLOCK_END = regex.compile(r"\s*(?:[，,。！!？?；;、）)…~～]|$)")
_DIMES = regex.compile(r"(\d)(?![\d.])")
#: ... unless the thing counted is named before it (金牌3块, 土地两块)
_BLOCK_THING_BEFORE = regex.compile(r"[牌地田石砖板屏表肉糕]\p{Han}{0,2}$")


def _date_rank(text: str) -> int:
    """The largest calendar component a DATE writes: 3 year, 2 month, 1 day, 0 other."""
    if _YEAR_CHAR.search(text):
        return 3
    if "月" in text:
        return 2
    if _DAY_END.search(text):
        return 1
    return 0


def _merge_date_ranges(cands: list[Candidate], folded: str) -> list[Candidate]:
    """Join ``X至Y`` into one DATE when Y is a bare day under X's month (2月12日至14日,
    2024年3月5日至7日); ends of the same rank stay two DATEs (10日至13日, 2021年至2025年,
    9月下旬至10月上旬), and so do a month after a year (2023年1月至6月, as the numbers gold)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev and prev.label == c.label == DATE and c.start == prev.end + 1
                and folded[prev.end] in RANGE):
            hi, lo = _date_rank(folded[prev.start:prev.end]), _date_rank(folded[c.start:c.end])
            if hi > lo == 1:
                value = None
                if isinstance(prev.value, str) and len(prev.value) == 10:  # 2024-03-05/2024-03-07
                    end = normalize_date(f"{prev.value[:4]}年{int(prev.value[5:7])}月{folded[c.start:c.end]}")
                    value = f"{prev.value}/{end}" if end else None
                out[-1] = Candidate(prev.start, c.end, DATE, value, None)
                continue
        out.append(c)
    return out


def _excluded_spans(folded: str) -> list[tuple[int, int]]:
    """Where the phrases of number_exclude.txt occur: every phrase's non-overlapping
    occurrences from the left, as ``regex.finditer`` of the escaped phrase gives them, found
    with ``str.find`` (no pattern to build or look up per phrase and text)."""
    spans = []
    for phrase in load_excluded():
        i = folded.find(phrase)
        while i >= 0:
            spans.append((i, i + len(phrase)))
            i = folded.find(phrase, i + len(phrase))
    return spans


#: A duration in hours counted with 个 (两个小时, 40个小时, 两个半小时): SPEC leaves durations in
#: hours optional, and 个 there counts no things, so 两个 is no QUANTITY.
_HOURS = regex.compile(rf"(?:{NUM})个[{APPROX}半]?(?:小时|钟头)")


# -- the component ------------------------------------------------------------------------
def find_numbers(text: str, *, emit_cardinal: bool = False) -> list[Candidate]:
    """Find the number expressions of ``text``, without overlaps (longest first, leftmost).

    RETURNS (list[Candidate]): in text order.
    """
    # Fold widths for matching; keep the ideographic comma from becoming a thousands comma,
    # except between groups of three digits (４，０００元, 1，250，000人).
    folded = fold_width(_THOUSANDS_COMMA.sub(",", text).replace("，", "、"))
    # People's Daily writes the decimal point as a middle dot (１·７６亿美元, ６２·２万平方公里)
    folded = _DOT_DECIMAL.sub(".", folded)
    patterns = build_patterns()
    found: list[Candidate] = []
    makers: dict[str, Callable[[regex.Match], list[Candidate]]] = {
        DATE: lambda m: [Candidate(m.start(), m.end(), DATE, _date_value(m[0]), None)],
        PERCENT: lambda m: _percent(m[0], m.start()),
        "AMOUNT": _amount,
        "BARE_MONEY": _bare_money,
        "MONEY_BEFORE_WORD": lambda m: [Candidate(m.start("num"), m.end("num"), MONEY, parse_number(m["num"]), "元")],
        "ROUND": _round_amount,
    }
    if emit_cardinal:
        makers[CARDINAL] = lambda m: [Candidate(m.start(), m.end(), CARDINAL, parse_number(m[0]), None)]
    for kind, make in makers.items():
        for m in patterns[kind].finditer(folded):
            try:
                found.extend(make(m))
            except (ValueError, ArithmeticError):
                continue  # matched the shape but is no number (五十百)
    blocked = _excluded_spans(folded) + [m.span() for m in _HOURS.finditer(folded)]
    chosen: list[Candidate] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if any(c.start < e and s < c.end for s, e in blocked):
            continue
        if any(c.start < o.end and o.start < c.end for o in chosen):
            continue
        chosen.append(c)
    chosen += _listed_amounts(text, folded, chosen)
    return _merge_date_ranges(sorted(chosen), folded)


#: A bare number in Arabic digits (its multiplier written) before a list mark and an amount.
_LISTED_BEFORE = regex.compile(r"(?<![\d.,第A-Za-z])(?P<num>\d+(?:\.\d+)?[万亿]?)(?P<mark>[、和及与])[近约超逾]?$")
_MULTIPLIER = regex.compile(r"[万亿]")


def _listed_amounts(text: str, folded: str, chosen: list[Candidate]) -> list[Candidate]:
    """RETURNS the bare numbers listed before an amount of money or a quantity, with its
    label and unit (3亿|、|5亿元: 3亿 is 300000000 元); a comma of the text (folded to 、) lists
    nothing."""
    out: list[Candidate] = []
    taken = sorted(chosen)
    for c in taken:
        if c.label not in (MONEY, QUANTITY) or not c.unit:
            continue
        cur = c
        while True:
            m = _LISTED_BEFORE.search(folded, max(0, cur.start - 16), cur.start)
            if m is None or text[m.start("mark")] == "，" \
                    or (not _MULTIPLIER.search(m["num"]) and _MULTIPLIER.search(folded, cur.start, cur.end)) \
                    or any(o.start < m.end("num") and m.start("num") < o.end for o in taken + out):
                break
            cur = Candidate(m.start("num"), m.end("num"), c.label, parse_number(m["num"]), c.unit)
            out.append(cur)
    return out
