"""Tests of the numbers stage (zh_news_numbers) on a blank jieba pipeline, and its gold file."""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import pytest
import spacy

import nlp.extensions  # noqa: F401
import nlp.pipeline  # noqa: F401
import nlp.tokenizer  # noqa: F401
from nlp.labels import NUMERIC_LABELS
from nlp.pipeline.merge import Ent, add_entities

GOLD = Path(__file__).resolve().parents[2] / "corpora" / "gold" / "numbers.jsonl"
LABELS = ("DATE",) + NUMERIC_LABELS

# text, expected (surface, label, value, unit) in text order
EXPRESSIONS = [
    # currencies of other countries, and a number after a colon (a time's minutes excepted)
    ("节省约900亿马克", [("900亿马克", "MONEY", 90000000000, "马克")]),
    ("员工数量：30-40人", [("30", "QUANTITY", 30, "人"), ("40人", "QUANTITY", 40, "人")]),
    ("10:30开会", []),
    # 上 makes only a multiplier vague (上百万份: the qualifier stays outside); 献上两首 is a count
    ("上台献上两首歌", [("两首", "QUANTITY", 2, "首")]),
    # the Republic's era year; 上个世纪 like 上世纪
    ("自民国八十八年七月开始", [("民国八十八年七月", "DATE", None, None)]),
    ("从上个世纪70年代起", [("上个世纪70年代", "DATE", None, None)]),
    ("66年12月出生", [("66年12月", "DATE", None, None)]),   # a two-digit year before a month
    ("上百万份", [("百万份", "QUANTITY", 1000000, "份")]),
    # counters of pages, characters, chapters, issues and drafts; 回汉 is two peoples
    ("共计6,412页", [("6,412页", "QUANTITY", 6412, "页")]),
    ("推荐近十期中四期", [("十期", "QUANTITY", 10, "期"), ("四期", "QUANTITY", 4, "期")]),
    ("５２０万回汉族人民", []),
    ("一期工程", []),
    ("星际争霸2项目开赛", []),             # 项目: the game's number, no count of 项
    # a bare amount after 首付/增收 or before 起拍 is money (money_words.txt)
    ("首付18万", [("18万", "MONEY", 180000, "元")]),
    ("将以80万起拍", [("80万", "MONEY", 800000, "元")]),
    # a festival day after a year word: the year is the DATE (the holiday is optional in SPEC);
    # a holiday period stays with its year
    ("去年除夕，我们是一起度过的", [("去年", "DATE", None, None), ("除夕", "DATE", None, None)]),
    ("今年春运", [("今年春运", "DATE", None, None)]),
    ("由于恰逢周末，江泽民主席年内将来日访问", [("周末", "DATE", None, None), ("年内", "DATE", None, None)]),
    # a span of days in one month; a semester or a season's character after a year
    ("比赛将于7月24~26日举行", [("7月24~26日", "DATE", None, None)]),
    ("预计09年年底开盘，而上年度同期为亏损", [("09年年底", "DATE", None, None), ("上年度同期", "DATE", None, None)]),
    ("腊月初，初三起", [("腊月初", "DATE", None, None), ("初三", "DATE", None, None)]),
    # SPEC's range rule for durations: the last number and unit; a week day after 一个
    ("今后３至５年内，1-2天后", [("５年", "DATE", None, None), ("2天后", "DATE", None, None)]),
    ("一个星期天的下午，上一周，五六十年代", [("星期天", "DATE", None, None), ("上一周", "DATE", None, None),
                                 ("五六十年代", "DATE", None, None)]),
    ("作者彭红枫，2012-11出版", [("2012-11", "DATE", "2012-11", None)]),
    # a reign-era year; 前 after a date; 同一天
    ("修建于明洪武二十年，康熙元年", [("洪武二十年", "DATE", None, None), ("康熙元年", "DATE", None, None)]),
    ("8月17日前，科恩同一天表示", [("8月17日前", "DATE", None, None), ("同一天", "DATE", None, None)]),
    ("唯一一位冠军，四处游说，二套房政策", []),   # words, not numbers (number_exclude.txt)
    ("C罗梅开二度，经过三番五次的协商", []),   # idioms, not numbers (number_exclude.txt)
    ("1至11月份，10月份", [("1至11月份", "DATE", None, None), ("10月份", "DATE", None, None)]),
    ("第二天上午，一周三班，一个星期天的下午", [("第二天", "DATE", None, None), ("星期天", "DATE", None, None)]),
    ("规划产能100GWh", [("100GWh", "QUANTITY", 100, "GWh")]),
    # 块 as money where no noun follows it; 9块9 is 9.9 元; a thing named before it keeps the counter
    ("拿铁9块9，一万块，三块石头", [("9块9", "MONEY", 9.9, "元"), ("一万块", "MONEY", 10000, "元"), ("三块", "QUANTITY", 3, "块")]),
    ("获得金牌3块。", [("3块", "QUANTITY", 3, "块")]),
    ("一九七九年夏，2005年下学期", [("一九七九年夏", "DATE", "1979", None), ("2005年下学期", "DATE", "2005", None)]),
    ("上周五和翌日，今冬明春", [("上周五", "DATE", None, None), ("翌日", "DATE", None, None),
                         ("今冬", "DATE", None, None), ("明春", "DATE", None, None)]),
    ("项目建成后年发电量约12亿千瓦时", [("12亿千瓦时", "QUANTITY", 1200000000, "千瓦时")]),
    ("前日本首相同日本队员合影", []),
    ("近5成受访者表示", [("5成", "PERCENT", 0.5, "%")]),
    ("5成员", []),
    ("近百人参加，现场千余人，超百亿元", [("百人", "QUANTITY", 100, "人"), ("千余人", "QUANTITY", 1000, "人"),
                           ("百亿元", "MONEY", 10000000000, "元")]),
    ("百姓千万不要万人空巷", []),
    # an amount with no unit after a money word is MONEY in 元 (SPEC section 1)
    ("注册资本：100万  经营模式", [("100万", "MONEY", 1000000, "元")]),
    ("涉外税收一直增长最快", []),   # a lone Chinese numeral after a money word starts a word (一直)
    ("总资产40余亿、月薪8000余，", [("40余亿", "MONEY", 4000000000, "元"), ("8000", "MONEY", 8000, "元")]),
    ("异界大陆类小说，金额为陆万元", [("陆万元", "MONEY", 60000, "元")]),   # a capital numeral alone is no number
    # a class of amount in 元 by its multiplier alone; not after 数 (vague)
    ("建成千万元利税企业４家，损失数千万元", [("千万元", "MONEY", 10000000, "元"), ("４家", "QUANTITY", 4, "家")]),
    ("他的收入三千出头", [("三千", "MONEY", 3000, "元")]),
    ("年收入超过10万", [("10万", "MONEY", 100000, "元")]),
    ("投资五亿建设新厂", [("五亿", "MONEY", 500000000, "元")]),
    ("投资一个项目", []),
    ("亏损1.2亿", [("1.2亿", "MONEY", 120000000, "元")]),
    ("收入增长10%", [("10%", "PERCENT", 0.1, "%")]),
    ("投资2个项目", [("2个", "QUANTITY", 2, "个")]),
    ("产值约286亿元。", [("286亿元", "MONEY", 28600000000, "元")]),
    ("发生5.8级地震", [("5.8级", "QUANTITY", 5.8, "级")]),
    ("最大风力14级", [("14级", "QUANTITY", 14, "级")]),
    ("风速达45米/秒", [("45米/秒", "QUANTITY", 45, "米/秒")]),
    ("浓度为31微克/立方米", [("31微克/立方米", "QUANTITY", 31, "微克/立方米")]),
    ("一台65英寸电视", [("65英寸", "QUANTITY", 65, "英寸")]),
    ("能量达到13TeV", [("13TeV", "QUANTITY", 13, "TeV")]),
    ("他砍下28分", [("28分", "QUANTITY", 28, "分")]),
    ("获得300万美元投资", [("300万美元", "MONEY", 3000000, "美元")]),
    ("发行8亿港元债券", [("8亿港元", "MONEY", 800000000, "港元")]),
    ("总投资人民币50亿元", [("人民币50亿元", "MONEY", 5000000000, "元")]),
    ("装机六百万千瓦", [("六百万千瓦", "QUANTITY", 6000000, "千瓦")]),
    ("占地2.5万平方米", [("2.5万平方米", "QUANTITY", 25000, "平方米")]),
    ("产量达到31.5万辆", [("31.5万辆", "QUANTITY", 315000, "辆")]),
    ("接待1.2亿人次", [("1.2亿人次", "QUANTITY", 120000000, "人次")]),
    ("速率400Mbps以上", [("400Mbps", "QUANTITY", 400, "Mbps")]),
    ("长3千米", [("3千米", "QUANTITY", 3, "千米")]),
    ("增长7.2%", [("7.2%", "PERCENT", 0.072, "%")]),
    ("增长百分之十二", [("百分之十二", "PERCENT", 0.12, "%")]),
    ("占三分之一", [("三分之一", "PERCENT", 1 / 3, "%")]),
    ("下降两成", [("两成", "PERCENT", 0.2, "%")]),
    ("控制在千分之三以内", [("千分之三", "PERCENT", 0.003, "%")]),
    ("提高0.5个百分点", [("0.5个百分点", "QUANTITY", 0.5, "百分点")]),
    ("2019年5月8日开业", [("2019年5月8日", "DATE", "2019-05-08", None)]),
    ("二○○一年加入", [("二○○一年", "DATE", "2001", None)]),
    ("1998年1月", [("1998年1月", "DATE", "1998-01", None)]),
    ("去年同期增长5%", [("去年同期", "DATE", None, None), ("5%", "PERCENT", 0.05, "%")]),
    ("前两个月", [("前两个月", "DATE", None, None)]),
    ("临出发的前一天", [("前一天", "DATE", None, None)]),
    ("与头一年持平", [("头一年", "DATE", None, None)]),
    ("提前一天完成", [("一天", "DATE", None, None)]),   # 提前 is "in advance", not 前
    ("五年来", [("五年", "DATE", None, None)]),
    ("力争2030年前实现", [("2030年前", "DATE", "2030", None)]),
    # qualifiers outside, approximators between number and unit inside
    ("约5万人左右", [("5万人", "QUANTITY", 50000, "人")]),
    ("超过8000人以上", [("8000人", "QUANTITY", 8000, "人")]),
    ("5万余人", [("5万余人", "QUANTITY", 50000, "人")]),
    ("100多万元", [("100多万元", "MONEY", 1000000, "元")]),
    # ranges: numbers are always two entities, the first end taking the second's unit (and
    # multiplier when it has none); a DATE range is one span when an end is elided
    ("3至5万元", [("3", "MONEY", 30000, "元"), ("5万元", "MONEY", 50000, "元")]),
    ("180万至200万人次", [("180万", "QUANTITY", 1800000, "人次"), ("200万人次", "QUANTITY", 2000000, "人次")]),
    ("30至50家", [("30", "QUANTITY", 30, "家"), ("50家", "QUANTITY", 50, "家")]),
    ("5%至8%", [("5%", "PERCENT", 0.05, "%"), ("8%", "PERCENT", 0.08, "%")]),
    ("下调5-8%", [("5", "PERCENT", 0.05, "%"), ("8%", "PERCENT", 0.08, "%")]),
    ("2019-2021年", [("2019-2021年", "DATE", "2019/2021", None)]),
    ("2024至2025财政年度", [("2024至2025财政年度", "DATE", "2024/2025", None)]),
    ("3月5日至7日举行", [("3月5日至7日", "DATE", None, None)]),
    ("2024年3月5日至7日", [("2024年3月5日至7日", "DATE", "2024-03-05/2024-03-07", None)]),
    ("10日至13日", [("10日", "DATE", None, None), ("13日", "DATE", None, None)]),
    ("2021年至2025年", [("2021年", "DATE", "2021", None), ("2025年", "DATE", "2025", None)]),
    # relative periods, holidays, seasons, durations with 过去/未来 and 前/后
    ("今年春运期间", [("今年春运", "DATE", None, None)]),
    ("春节假期期间", [("春节假期", "DATE", None, None)]),
    ("去年国庆假期", [("去年国庆假期", "DATE", None, None)]),
    ("五一小长假", [("五一小长假", "DATE", None, None)]),
    ("中秋节前后", [("中秋节", "DATE", None, None)]),
    ("今年秋季开学", [("今年秋季", "DATE", None, None)]),
    ("过去十年", [("过去十年", "DATE", None, None)]),
    ("未来五年", [("未来五年", "DATE", None, None)]),
    ("预计7天后抵达", [("7天后", "DATE", None, None)]),
    ("十年前", [("十年前", "DATE", None, None)]),
    # ages and compound counters
    ("现年48岁", [("48岁", "QUANTITY", 48, "岁")]),
    ("人均预期寿命83.27岁", [("83.27岁", "QUANTITY", 83.27, "岁")]),
    ("存栏1500万头只", [("1500万头只", "QUANTITY", 15000000, "头只")]),
    # full numeric dates
    ("公司于2015-07-29在海淀分局登记", [("2015-07-29", "DATE", "2015-07-29", None)]),
    ("2014.8.8上映", [("2014.8.8", "DATE", "2014-08-08", None)]),
    ("2018/03/21首播", [("2018/03/21", "DATE", "2018-03-21", None)]),
    # full width
    ("３６万人", [("３６万人", "QUANTITY", 360000, "人")]),
    ("增长３.５％", [("３.５％", "PERCENT", 0.035, "%")]),
    # real text (corpora/gold/numbers_real.jsonl): a currency's name after an amount in 元 is
    # in the span and says which 元; before the number it does the same, with or without 元
    ("接受３６３０万元人民币、１００万元港币、３０万美元", [
        ("３６３０万元人民币", "MONEY", 36300000, "元"), ("１００万元港币", "MONEY", 1000000, "港币"),
        ("３０万美元", "MONEY", 300000, "美元")]),
    ("建议售价980元新台币", [("980元新台币", "MONEY", 980, "新台币")]),
    ("注册资金两亿元人民币", [("两亿元人民币", "MONEY", 200000000, "元")]),
    ("发行港币10亿元债券", [("港币10亿元", "MONEY", 1000000000, "港币")]),
    ("总额达人民币300亿，", [("人民币300亿", "MONEY", 30000000000, "元")]),
    ("人民币1年期理财产品", [("1年", "DATE", None, None)]),
    ("新币５．２卢布", [("５．２卢布", "MONEY", 5.2, "卢布")]),   # a name before another unit stays out
    ("２０１３元旦上线", [("元旦", "DATE", None, None)]),
    # an approximator between multipliers, a second section after 万 or 亿
    ("共有９万多亿日元坏账", [("９万多亿日元", "MONEY", 9000000000000, "日元")]),
    ("投资3亿5000万元", [("3亿5000万元", "MONEY", 350000000, "元")]),
    ("投资３亿５千万元", [("３亿５千万元", "MONEY", 350000000, "元")]),
    ("座位约有1万2千个", [("1万2千个", "QUANTITY", 12000, "个")]),
    # a fraction with a slash is a ratio; dates, trains, seasons and odds are not
    ("约有３／４是由于食品价格回落", [("３／４", "PERCENT", 0.75, "%")]),
    ("价格的1/3至1/2", [("1/3", "PERCENT", 1 / 3, "%"), ("1/2", "PERCENT", 0.5, "%")]),
    # shares; money word before a number after a colon and a space; an amount in 万/亿 before
    # a money word (a trailing 多 outside)
    ("增持了40万股东亚银行股份", [("40万股", "QUANTITY", 400000, "股")]),
    ("开本： 16开  定价: 62", [("62", "MONEY", 62, "元")]),
    ("最后以4418.73万票房位居第二", [("4418.73万", "MONEY", 44187300, "元")]),
    ("就有6亿多的票房", [("6亿", "MONEY", 600000000, "元")]),
    ("创造3.6亿票房", [("3.6亿", "MONEY", 360000000, "元")]),
]

NOT_NUMBERS = [
    "三级医院和一级巡视员",  # grades, not magnitudes
    "还有5级台阶",
    "会议于15时30分开始",  # clock minutes
    "用时2分27秒", "排了两个小时队", "飞行约两个半小时",  # durations in hours (SPEC: optional)
    "投中3分球",
    "近日，市政府召开会议。", "日前，记者获悉。", "5G网络覆盖全市。", "10G-PON端口", "4K电视",
    "拨打12345热线", "电话0371-12345678", "获得第三名", "第3批名单", "C919客机",
    "一家企业", "两位数增长", "三个代表", "如今年轻人", "不同年龄", "十分重要", "千家万户",
    "零部件", "三部门联合发文", "地铁3号线", "2021款车型", "现场观众5万余",
    "数量居全国前三位", "排名前十名", "春节联欢晚会", "岁月静好",
    "版本1.2.3发布", "2018.04动画播出",
    "乌鲁木齐至北京的69/70次特快", "推荐:3/1", "06/07赛季", "吸引10万投资者", "1/4盎司",
    "股民程某购入股票", "16亿5200万)2亿的投资回报率",
]

#: numbers.jsonl cases written before the dev gold fixed these conventions (corpora/gold/README.md:
#: number ranges are always two entities, ages are QUANTITY, holiday periods are DATE). They
#: are kept in the file as written (its cases are not edited here) and skipped until relabelled.
SUPERSEDED: dict[str, str] = {
    "numbers-251": "a range of durations (18至24个月) follows SPEC's range rule since 2026-12-07: "
                   "24个月 is the entity, the bare 18 optional (real_dev writes 1-2天后 -> 2天后)",
}


@functools.lru_cache(maxsize=None)
def _pipeline(emit_cardinal: bool = False):
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "zh_news.Tokenizer.v1", "segmenter": "jieba"}}})
    nlp.add_pipe("zh_news_numbers", config={"emit_cardinal": emit_cardinal})
    nlp.add_pipe("zh_news_merge")
    return nlp


def _ents(doc, labels=LABELS):
    return [(e.text, e.label_, e._.value, e._.unit) for e in doc.ents if e.label_ in labels]


def _same(got, expected) -> bool:
    (text, label, value, unit), (etext, elabel, evalue, eunit) = got, expected
    if (text, label, unit) != (etext, elabel, eunit):
        return False
    if isinstance(evalue, (int, float)):
        return isinstance(value, (int, float)) and math.isclose(value, evalue, rel_tol=1e-6)
    return value == evalue


@pytest.mark.parametrize("text,expected", EXPRESSIONS)
def test_numbers_expressions(text, expected):
    got = _ents(_pipeline()(text))
    assert len(got) == len(expected), got
    assert all(_same(g, e) for g, e in zip(got, expected)), got


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_numbers_not_numbers(text):
    assert _ents(_pipeline()(text), ("MONEY", "PERCENT", "QUANTITY", "DATE")) == []


def test_numbers_existing_entity_wins():
    nlp = _pipeline()
    doc = add_entities(nlp.make_doc("周一鸣说，周一开会。"), [Ent(0, 3, "PERSON")])
    doc = nlp.get_pipe("zh_news_merge")(nlp.get_pipe("zh_news_numbers")(doc))
    assert [(e.text, e.label_) for e in doc.ents] == [("周一鸣", "PERSON"), ("周一", "DATE")]


def test_numbers_splits_tokens_at_entity_boundaries():
    doc = _pipeline()("全年完成286亿元投资")
    ent = doc.ents[0]
    assert (ent.text, ent.start_char, ent.end_char) == ("286亿元", 4, 9)
    assert doc.text == "全年完成286亿元投资"


def test_numbers_cardinal_only_when_asked():
    text = "观众达5万余"
    assert _ents(_pipeline()(text), ("CARDINAL",)) == []
    assert _ents(_pipeline(True)(text), ("CARDINAL",)) == [("5万", "CARDINAL", 50000, None)]


def test_numbers_analyze_pipes_candidates_then_merge():
    summary = _pipeline().analyze_pipes()["summary"]
    assert summary["zh_news_numbers"]["assigns"] == ["doc.spans"]
    assert "doc.ents" in summary["zh_news_merge"]["assigns"]


def test_numbers_in_default_pipeline():
    assert "zh_news_numbers" in nlp.pipeline.DEFAULT_PIPELINE


def _gold(current_only: bool = True):
    """The numbers gold; ``current_only`` leaves out the SUPERSEDED cases."""
    with GOLD.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    return [d for d in docs if not (current_only and d["id"] in SUPERSEDED)]


def test_numbers_gold_file_is_valid():
    docs = _gold(current_only=False)
    assert set(SUPERSEDED) <= {d["id"] for d in docs}
    ents = [e for d in docs for e in d["entities"]]
    assert len(ents) >= 300
    assert {e["label"] for e in ents} == set(LABELS)
    for d in docs:
        for e in d["entities"]:
            assert d["text"][e["start"]:e["end"]] == e["text"]
            if e["label"] in NUMERIC_LABELS:
                assert isinstance(e["value"], (int, float)) and e["unit"]


def test_numbers_gold_every_expression_found():
    """Recall: each gold expression with its exact span, label, value (rel 1e-6) and unit."""
    nlp = _pipeline()
    misses = []
    for d in _gold():
        got = {(e.start_char, e.end_char): e for e in nlp(d["text"]).ents}
        for g in d["entities"]:
            e = got.get((g["start"], g["end"]))
            found = e is not None and _same(
                (e.text, e.label_, e._.value, e._.unit),
                (g["text"], g["label"], g.get("value"), g.get("unit")))
            if not found:
                misses.append((g["text"], d["text"]))
    assert not misses, f"{len(misses)} missed: {misses[:10]}"


def test_numbers_gold_no_spurious_expressions():
    """Precision: the gold marks every number expression of its sentences."""
    nlp = _pipeline()
    extra = []
    for d in _gold():
        gold = {(g["start"], g["end"]) for g in d["entities"]}
        extra += [(e.text, d["text"]) for e in nlp(d["text"]).ents
                  if e.label_ in LABELS and (e.start_char, e.end_char) not in gold]
    assert not extra, f"{len(extra)} spurious: {extra[:10]}"


@pytest.mark.parametrize("text, dates", [
    ("１９９６年初夏，某新型潜艇要进厂坞修", ["１９９６年初夏"]),
    ("元月２７日１８时３０分", ["元月２７日"]),
    ("初三上午１０时许，记者来到码头", ["初三"]),
    ("预计年初三至年初九，冷空气势力较弱", ["年初三", "年初九"]),
    ("初六至初八，受冷空气影响", ["初六", "初八"]),
    ("农历腊月二十三是小年，正月十五闹元宵", ["腊月二十三", "正月十五"]),   # a day after a month in words
    ("1961年12月7日（十月三十）生于香港", ["1961年12月7日", "十月三十"]),
    ("五月二十多天没下雨", ["五月", "二十多天"]),
    ("漫画家卜劳恩（1903-1944）之传世名作", ["1903", "1944"]),
    ("强烈的巴洛克风格使得17世纪巴黎皇家学院", ["17世纪"]),
    ("他读初三，是初三学生，单元月考考得好", []),
    ("洪武三十年四月十日（1397年5月7日）", ["洪武三十年四月十日", "1397年5月7日"]),   # an era's date
])
def test_calendar_forms_of_real_text(text, dates):
    from nlp.lexicon.numbers import find_numbers

    assert [text[c.start:c.end] for c in find_numbers(text) if c.label == "DATE"] == dates


@pytest.mark.parametrize("text, expected", [
    ("提供１·７６亿美元的援助", [("１·７６亿美元", 176000000, "美元")]),   # People's Daily decimal dot
    ("面积６２·２万平方公里", [("６２·２万平方公里", 622000, "平方公里")]),
    ("有６—７级偏北风", [("７级", 7, "级")]),
    ("指数上升５７．５５点", [("５７．５５点", 57.55, "点")]),
    ("晚上10点开会，全长二十六点四公里", [("二十六点四公里", 26.4, "公里")]),
    ("赢得１０５席，连进3球", [("１０５席", 105, "席"), ("3球", 3, "球")]),
    # a full-width comma between groups of three digits is a thousands separator
    ("成本已达每吨４，０００元，共1，250，000人", [("４，０００元", 4000, "元"), ("1，250，000人", 1250000, "人")]),
    ("分为1，2类，循环3遍，共七卷、两盆", [("2类", 2, "类"), ("3遍", 3, "遍"), ("七卷", 7, "卷"), ("两盆", 2, "盆")]),
    ("以80万起拍", [("80万", 800000, "元")]),   # 起拍: the starting bid (money), not a count of 起
])
def test_amounts_of_real_text(text, expected):
    from nlp.lexicon.numbers import find_numbers

    got = [(text[c.start:c.end], c.value, c.unit) for c in find_numbers(text) if c.label in ("MONEY", "QUANTITY")]
    assert [g for g in got if g[2] != "级" or g[0] != "６"] == expected


@pytest.mark.parametrize("text,expected", [
    # a list shares the unit written after its last amount
    ("营业收入分别为3亿、5亿元", [("3亿", 300000000, "元"), ("5亿元", 500000000, "元")]),
    ("分别达到了15亿、12亿和近6亿元", [("15亿", 1500000000, "元"), ("12亿", 1200000000, "元"), ("6亿元", 600000000, "元")]),
    ("分别为3、5亿元", [("5亿元", 500000000, "元")]),        # the multiplier would be shared too: open
    # a bare amount after a money word and up to two linking words
    ("《新喜剧之王》票房只有6亿", [("6亿", 600000000, "元")]),
    ("这款床垫的价格一般是两千左右", [("两千", 2000, "元")]),
    ("他身家95亿", [("95亿", 9500000000, "元")]),
])
def test_numbers_listed_and_bare_amounts(text, expected):
    from nlp.lexicon.numbers import find_numbers
    got = [(text[c.start:c.end], c.value, c.unit) for c in find_numbers(text) if c.label == "MONEY"]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    ("身高：155CM 体重：75Kg", [("155CM", 155, "CM"), ("75Kg", 75, "Kg")]),   # Latin units in capitals, kept as written
    ("身高175公分", [("175公分", 175, "公分")]),
    ("美联储宣布加息25基点", [("25基点", 25, "基点")]),
    ("腾格尔有过两段婚姻", [("两段", 2, "段")]),
    ("届时将有3段时间", []),                                              # 段时间: no counter
    ("党的十九届四中全会", []),                                          # 届: an edition, no quantity
])
def test_numbers_more_units(text, expected):
    from nlp.lexicon.numbers import find_numbers
    got = [(text[c.start:c.end], c.value, c.unit) for c in find_numbers(text) if c.label == "QUANTITY"]
    assert got == expected
