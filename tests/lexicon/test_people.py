"""Person names: what a name may be spelt with."""
import pytest

from nlp.lexicon.model_spans import repair
from nlp.lexicon.people import spelt_like_a_foreign_name


@pytest.mark.parametrize("name", ["玛丽亚·洛佩斯", "阿不都热合曼·买买提", "凡·高", "司马义·艾买提", "贾·邓詹"])
def test_foreign_names_with_a_dot(name):
    assert spelt_like_a_foreign_name(name)


@pytest.mark.parametrize("name", ["晒·幸福关注广禾堂月子餐", "龙湖·花墅", "先·挖鼻屎", "投票•第六届汽车文化节之车"])
def test_chinese_words_around_a_dot_are_no_name(name):
    assert not spelt_like_a_foreign_name(name)


@pytest.mark.parametrize("text,span,expected", [
    ("经历👇周峰，男", (2, 5), "周峰"),           # a symbol read into the name is cut off
    ("大师兄〜〜〜〜璐温", (3, 9), "璐温"),
    ("高了。இɷஇ", (3, 6), None),                # no Chinese or Latin letter: no name
    ("呃···在广西", (0, 4), None),               # one character left once the dots go: none
    ("何鸿（申音）及全体委员", (0, 6), "何鸿（申音）"),  # a rare character spelt out in brackets
    ("给黄送钱", (1, 2), "黄"),                   # a surname alone stays as the model read it
    ("大使向美国务卿辞行", (7, 9), None),         # a two-character verb of the dictionary is no name
    ("在此罗嗦一句", (2, 4), None),
    ("问题教练老雷德克纳普三年", (4, 10), "雷德克纳普"),   # a familiar 老 before a foreign name
])
def test_model_person_spans_keep_only_name_letters(text, span, expected):
    cands, _ = repair(text, [(*span, "PER")], [(i, i + 1) for i in range(len(text))], [])
    assert [text[c.start:c.end] for c in cands if c.label == "PERSON"] == ([expected] if expected else [])


def test_a_cue_name_stops_before_because(extractor):
    # 因 (because) opens the clause after the name: 张三|因病去世
    doc = extractor("原市长张三因病去世。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["张三"]


def test_a_universitys_short_name_read_as_a_name_is_an_org():
    text = "廖静文、南师大副校长陈凌孚"
    cands, _ = repair(text, [(4, 7, "PER")], [(i, i + 1) for i in range(len(text))], [])
    assert [(text[c.start:c.end], c.label) for c in cands] == [("南师大", "ORG"), ("副校长", "TITLE")]


def test_a_model_org_leaves_out_the_places_that_locate_it():
    # SPEC: 江苏省 + 昆山市人民医院; the rules' places in a row, then another entity
    text = "陕西省安康市旬阳县人民法院办公室王主任"
    ents = [(0, 3, "GPE"), (3, 6, "GPE"), (6, 13, "ORG")]
    cands, _ = repair(text, [(0, 16, "ORG")], [(i, i + 1) for i in range(len(text))], ents)
    assert [(text[c.start:c.end], c.label) for c in cands if c.label == "ORG"] == [("旬阳县人民法院办公室", "ORG")]


@pytest.mark.parametrize("text,span,expected", [
    ("当时粤东最大的藏书楼", (2, 3), [("粤东", "LOC")]),     # a province's region, one LOC
    ("粤东西北地区增速", (0, 1), [("粤", "GPE")]),           # 粤东西北: left as read
    ("第一套奥运邮票", (3, 4), []),                          # 奥运: the Olympics
])
def test_one_character_places_of_the_model(text, span, expected):
    cands, _ = repair(text, [(*span, "LOC")], [(i, i + 1) for i in range(len(text))], [])
    assert [(text[c.start:c.end], c.label) for c in cands] == expected


def test_a_pronoun_is_no_given_name():
    from nlp.lexicon.names import name_at

    text = "政委向你交待任务"
    assert name_at(text, 2, set(), set()) is None     # 向|你: a preposition and a pronoun
    assert name_at("政委向东交待", 2, {2, 4, 6}, set()) == 4   # 向东 is a name


@pytest.mark.parametrize("text,person", [
    ("原宅急送总裁陈平于2009年创立了这家公司", "陈平"),      # 于 before a date: the preposition
    ("由首任董事长曾任高雄市长陈启川先生捐资", "陈启川"),   # 曾任: a holding verb, no name
])
def test_no_name_takes_a_preposition_or_a_holding_verb(extractor, text, person):
    assert [e.text for e in extractor(text).ents if e.label_ == "PERSON"] == [person]
