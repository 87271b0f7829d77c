"""Tests of the gazetteer place stage (zh_news_places) and the pure gazetteer functions."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlp.lexicon import gazetteer

NEWS_PAGE = Path(__file__).resolve().parents[2].parent / "shared/news/gigabit_cities_2021-12-25.md"

# text, place surface, label, expected value (None: any / unresolved)
FOUND = [
    ("青岛举行高峰论坛", "青岛", "GPE", "370200"),
    ("山东省青岛市举行", "青岛市", "GPE", "370200"),
    ("四川宜宾县发生地震", "宜宾县", "GPE", "511504"),   # old name -> 叙州区
    ("贵州盘县的煤矿", "盘县", "GPE", "520281"),         # -> 盘州市
    ("襄樊市的汽车工业", "襄樊市", "GPE", "420600"),     # -> 襄阳市
    ("黔南州和延边的代表", "黔南州", "GPE", "522700"),
    ("黔南州和延边的代表", "延边", "GPE", "222400"),
    ("内蒙古自治区和香港", "香港", "GPE", "810000"),
    ("北京朝阳的居民", "朝阳", "GPE", "110105"),         # context: 北京
    ("辽宁朝阳的居民", "朝阳", "GPE", "211300"),
    ("广州白云区", "白云区", "GPE", "440111"),
    ("籍贯吉林九台，生长在陕西", "九台", "GPE", "220113"),  # a risky alias after its province
    ("法国总统访问美国", "法国", "GPE", None),
    ("珠江三角洲和黄河流域", "黄河流域", "LOC", None),
    ("峨眉山和洞庭湖", "峨眉山", "LOC", None),
    ("推动京津冀协同发展", "京津冀", "LOC", None),
    ("南京市长江大桥", "南京市", "GPE", "320100"),
    ("杭州东部的几个县", "杭州", "GPE", "330100"),  # a direction without 路 leaves the city
]

# text, surface that must NOT be a GPE/LOC entity
NOT_FOUND = [
    ("蓝天白云下", "白云"),
    ("世界和平与发展", "和平"),
    ("加强合作", "合作"),
    ("上海市场很活跃", "上海市"),
    ("东方红", "东方"),
    ("这是中国的南部地区", "南部"),
    ("他住在杭州东路一带", "杭州"),           # a road named after a city: no GPE of its own
    ("她在洛阳火车站下车", "洛阳"),           # a station
    ("广州南站人流如织", "广州"),
]


@pytest.mark.parametrize("text,surface,label,value", FOUND)
def test_places_found(places_nlp, text, surface, label, value):
    ents = {e.text: (e.label_, e._.value) for e in places_nlp(text).ents}
    assert surface in ents, ents
    assert ents[surface][0] == label
    if value is not None:
        assert ents[surface][1] == value


@pytest.mark.parametrize("text,surface", NOT_FOUND)
def test_places_not_found(places_nlp, text, surface):
    assert surface not in {e.text for e in places_nlp(text).ents if e.label_ in ("GPE", "LOC")}


def test_places_ambiguous_without_context_is_unresolved(places_nlp):
    doc = places_nlp("鼓楼区召开会议")
    assert [(e.text, e._.value) for e in doc.ents] == [("鼓楼区", None)]


def test_places_gigabit_cities_all_found(places_nlp):
    """Every city of the list of 29 "千兆城市" on the news page is found as a GPE."""
    if not NEWS_PAGE.exists():
        pytest.skip(f"{NEWS_PAGE} not available")
    text = re.sub(r"<[^>]+>", "", NEWS_PAGE.read_text(encoding="utf-8"))
    listing = re.search(r"包括(.+?)在内的29个城市", text)
    assert listing, "the list of cities was not found on the page"
    cities = listing.group(1).split("、")
    assert len(cities) == 29
    gpes = {(e.start_char, e.end_char) for e in places_nlp(text).ents if e.label_ == "GPE"}
    offset = listing.start(1)
    missing = []
    for city in cities:
        start = text.index(city, offset)
        offset = start + len(city)
        if (start, offset) not in gpes:
            missing.append(city)
    assert not missing


PROVINCE_OF = [("420100", "湖北省"), ("500101", "重庆市"), ("370200", "山东省"),
               ("650100", "新疆维吾尔自治区"), ("810000", "香港特别行政区")]
LEVEL_OF = [("370200", "prefecture"), ("420000", "province"), ("511504", "county")]


@pytest.mark.parametrize("code,name", PROVINCE_OF)
def test_gazetteer_province_of(code, name):
    assert gazetteer.province_of(code) == name


@pytest.mark.parametrize("code,level", LEVEL_OF)
def test_gazetteer_level_of(code, level):
    assert gazetteer.level_of(code) == level


def test_gazetteer_covers_all_provinces_and_drops_pseudo_units():
    names = gazetteer.places_by_name()
    provinces = {p.code for ps in names.values() for p in ps if p.level == "province"}
    assert len(provinces) == 34
    assert "石家庄高新技术产业开发区" not in names  # NBS pseudo unit 130171
    assert "市辖区" not in names


def test_places_risky_alias_needs_direct_parent(places_nlp):
    # 南部县 lies in 四川 but "四川南部" is southern Sichuan; 南充南部 is the county.
    assert "南部" not in {e.text for e in places_nlp("四川南部地区降雨").ents}
    ents = {e.text: e._.value for e in places_nlp("南充南部的农民").ents}
    assert ents.get("南部") == "511321"


def test_places_risky_alias_after_its_full_name_in_the_text(places_nlp):
    # 朝阳 alone is a common word (the morning sun); once the text names 朝阳市 it is that city
    ents = [(e.text, e._.value) for e in places_nlp("朝阳市召开会议。要推动朝阳高质量发展。").ents]
    assert ("朝阳", "211300") in ents
    assert "朝阳" not in {e.text for e in places_nlp("要推动朝阳产业高质量发展。").ents}


@pytest.mark.parametrize("text,lake_or_mountain", [("周末去杭州西湖玩了一天", "西湖"), ("青岛崂山区的崂山绿茶", "崂山")])
def test_a_famous_feature_a_district_is_named_after_is_loc(places_nlp, text, lake_or_mountain):
    ents = {e.text: e.label_ for e in places_nlp(text).ents}
    assert ents[lake_or_mountain] == "LOC"


# -- foreign places, head words, names after titles ---------------------------------------
NEW_FOUND = [
    ("在巴黎会见法国国民议会议员玛蒂尔德·勒让德尔", "巴黎", "GPE"),  # a dotted name later in the run
    ("会见美国总统乔·拜登", "美国", "GPE"),
    ("黑河市与俄罗斯布拉戈维申斯克市之间", "布拉戈维申斯克市", "GPE"),  # foreign city + 市
    ("抵达哈萨克斯坦阿拉木图", "阿拉木图", "GPE"),
    ("国务院批准撤销喀什地区", "喀什地区", "GPE"),
    ("珠三角地区经济总量", "珠三角地区", "LOC"),  # region + 地区
    ("华北平原新建高标准农田", "华北平原", "LOC"),
    ("九原区属北温带大陆气候", "九原区", "GPE"),  # the suffix glued to the next word
    ("双河镇版图呈长条", "双河镇", "GPE"),  # a township named like a county
    ("江苏镇江市举行会议", "镇江市", "GPE"),
    ("他出生在镇雄县坡头镇新坪村", "坡头镇", "GPE"),  # a township of the NBS list
    ("佛山市南海区桂城街道组织志愿者", "桂城街道", "GPE"),
    ("丹江口水库水质稳定", "丹江口水库", "LOC"),  # a place + 水库/石窟 is a LOC of its own
    ("云冈石窟游客人数创新高", "云冈石窟", "LOC"),
    ("丁玲，湖南临澧人，作家", "临澧", "GPE"),   # a division glued to 人 by the segmenter
    ("当代德化籍著名历史学家", "德化", "GPE"),   # ... or to 籍
    ("他在安达卢西亚的一个小监狱里", "安达卢西亚", "GPE"),   # not 安达 (a county) + 卢西亚
    ("奥匈帝国犹太裔记者", "奥匈帝国", "GPE"),
    ("注册地址为云南省昆明市民航路400号", "昆明市", "GPE"),   # 市 + a road's name, not 市民
    ("唐山市路南区发布通知", "路南区", "GPE"),
]


@pytest.mark.parametrize("text,surface,label", NEW_FOUND)
def test_places_new_found(places_nlp, text, surface, label):
    ents = {e.text: e.label_ for e in places_nlp(text).ents}
    assert ents.get(surface) == label, ents


@pytest.mark.parametrize("text,surface", [
    ("吉林市副市长高玉林表示", "玉林"),      # a given name after title + surname
    ("外交部副部长李卫东将访问", "卫东"),
    ("古斯塔夫·哈格隆德说", "隆德"),          # inside the dotted name
    ("推动双城经济圈建设", "双城"),           # risky alias without its parent right before
    ("位于健康路中段路南", "路南"),           # south of the road
    ("王守训字仲彝，号松溪", "松溪"),           # an art name
    ("英德国家森林公园总面积", "英德"),         # a park's name
    ("同时还有长阳体育公园环绕周边", "长阳"),     # a sports ground's name
    ("期间石拐煤矿工人的生活", "石拐"),           # a mine's name
    ("长沙火车南站日均发送旅客", "长沙"),         # a station's name
    ("海口美兰国际机场扩建", "美兰"),             # an airport's name
    ("武汉东湖绿道真的太美了", "东湖"),           # right after a city that does not contain it (南昌's 东湖区)
    ("歙县的徽州古城游人如织", "徽州"),           # a county's name before an old town's word
    ("有生产基地之称的长垣工业园区", "长垣"),     # a development zone's name (a county's alias)
    ("其中陵川基地存栏235头", "陵川"),           # a base's name
    ("在两岸临海地段新建高楼", "临海"),           # by the sea
    ("世称苏东坡、苏仙", "苏仙"),                 # a nickname
    ("西起乌拉尔山脉，东至楚科奇半岛", "东至"),   # "east to"
    ("在冀察热辽解放区成立", "解放区"),       # a liberated area of the civil war
    ("双河镇版图呈长条", "双河"),             # the township, not the county-level city
    ("江苏镇江市举行会议", "江苏镇"),
    ("了解小城镇建设情况", "小城镇"),        # a township name that is a common phrase
    ("相当于城镇居民的水平", "于城镇"),      # a character + a word, no township
    ("门外进来一班老乡", "班老乡"),
    ("三子一女和南阳公主", "南阳"),           # a noble's title
    ("头婚平阳侯曹寿", "平阳"),
    ("导演王立新夸下海口", "海口"),           # inside a set phrase of the dictionary
    ("这两者大同小异", "大同"),
])
def test_places_new_not_found(places_nlp, text, surface):
    assert surface not in [e.text for e in places_nlp(text).ents]


@pytest.mark.parametrize("text,surface", [
    ("新余市区大街小巷", "新余市"),     # a city's or a county's built-up area: the division
    ("距龙川县城47公里", "龙川县"),          # with its suffix, as the real gold marks it
    ("在上海市内设立网点", "上海"),           # other area words stay outside the name
])
def test_places_built_up_area_keeps_the_suffix(places_nlp, text, surface):
    assert [e.text for e in places_nlp(text).ents if e.label_ == "GPE"] == [surface]


@pytest.mark.parametrize("text,kept", [
    ("编剧海晏", []),                          # a pen name
    ("明帝永平元年以父功封侯", []),            # an era
    ("首岁兴元化青阳逐日新", []),              # a couplet's words
    ("陈贞慧，字定生，宜兴人", ["宜兴"]),        # a native's word after it
    ("从义乌老家出发", ["义乌"]),                # a locative word before it
    ("上市的邛崃、大邑、双流等地", ["邛崃", "大邑", "双流"]),   # a list of places
    ("深圳宝安的工厂", ["深圳", "宝安"]),         # its city before it
    ("宝安县联合投资公司成立于宝安", ["宝安县", "宝安"]),   # its full name elsewhere
    ("松江大学城文汇路716号", ["松江"]),       # the rest of an address
    ("崇礼", ["崇礼"]),                        # the whole text
    ("周末去了趟婺源看油菜花", ["婺源"]),        # a verb of going before it
    ("安吉今年白茶产量增长一成", ["安吉"]),      # the year's figures of the place
    ("海伦今年28岁", []),                        # a person's age
])
def test_a_county_short_name_needs_support_in_the_text(text, kept):
    from nlp.lexicon.places import MATCHER
    places = MATCHER.find(text)
    assert [text[e.start:e.end] for e in places
            if e.label == "GPE" and not MATCHER.unsupported_county_alias(text, e, places)] == kept


@pytest.mark.parametrize("text,gpe", [
    ("编剧海晏", None),          # the merge drops it: nothing supports it, the model reads a name
    ("考入黄埔军校", None),      # ... after the organisation stage has used it (黄埔军校 is one ORG)
    ("宿松县长李明", "宿松"),
])
def test_the_merge_keeps_a_bare_county_name_only_with_support(extractor, text, gpe):
    assert [e.text for e in extractor(text).ents if e.label_ == "GPE"] == ([gpe] if gpe else [])
    if text == "考入黄埔军校":
        assert [(e.text, e.label_) for e in extractor(text).ents] == [("黄埔军校", "ORG")]


def test_places_party_committee_of_risky_alias_keeps_the_district(places_nlp):
    ents = [(e.text, e.label_) for e in places_nlp("。白云区委书记表示").ents]
    assert ents == [("白云区", "GPE")]


@pytest.mark.parametrize("name,expected", [
    ("武汉市", ("GPE", "420100")),
    ("湖北", ("GPE", "420000")),
    ("长江", ("LOC", None)),
    ("泰山", ("LOC", None)),      # the mountain before the alias of 泰山区
    ("巴黎", ("GPE", None)),
    ("印度尼西亚", ("GPE", None)),
    ("火星", None),
])
def test_gazetteer_lookup(name, expected):
    assert gazetteer.lookup(name) == expected


@pytest.mark.parametrize("name,expected", [
    ("内罗毕", ("GPE", None)),
    ("武汉", ("GPE", "420100")),
    ("布拉戈维申斯克市", ("GPE", None)),   # unknown, administrative suffix
    ("长三角地区", ("LOC", None)),         # 地区 after a region: LOC
    ("成渝地区", ("LOC", None)),           # SPEC's own example
    ("江浙沪", ("LOC", None)),
    ("日喀则地区", ("GPE", "540200")),     # 地区 after a prefecture: GPE
    ("黄河", ("LOC", None)),
    ("惠及", ("LOC", None)),
    ("克拉科夫", ("GPE", None)),           # unknown, spelt like a foreign name: a city
    ("乌鲁瓦图", ("GPE", None)),
    ("马卡拉湾", ("LOC", None)),           # ... but a natural feature by its ending
    ("珍珠米", ("LOC", None)),             # not spelt like a foreign name
])
def test_statistical_place_label(name, expected):
    from nlp.lexicon.model_spans import place_label
    assert place_label(name) == expected


def test_single_character_places_are_not_written(places_nlp):
    from nlp.pipeline.merge import Ent, add_entities
    doc = places_nlp.make_doc("参与中药材种植")
    add_entities(doc, [Ent(2, 3, "LOC")])  # 中 of 中药材, as the model may find it
    assert list(doc.ents) == []


def test_townships_have_no_code(places_nlp):
    # the gazetteer's codes stop at counties: no value, so no city_province relation
    ents = {e.text: e._.value for e in places_nlp("他出生在镇雄县坡头镇新坪村").ents}
    assert "坡头镇" in ents and ents["坡头镇"] is None


@pytest.mark.parametrize("old, current", [("南安县", "南安市"), ("顺义县", "顺义区"), ("从化市", "从化区")])
def test_gazetteer_former_suffix_names_denote_today_unit(old, current):
    # a county that became a city or a district keeps its code under the former name
    old_places = gazetteer.places_by_name()[old]
    assert [p.kind for p in old_places] == ["old"]
    assert old_places[0].code == gazetteer.places_by_name()[current][0].code


def test_gazetteer_former_suffix_name_never_shadows_a_unit():
    # 吉林市 is a prefecture; no district's former name may take it over
    assert all(p.kind == "full" for p in gazetteer.places_by_name()["吉林市"])


def test_model_place_risky_alias_alone_is_dropped():
    from nlp.lexicon.model_spans import repair

    text = "见过河东河西的变迁"
    cands, _ = repair(text, [(4, 6, "LOC")], [(0, 2), (2, 4), (4, 6), (6, 7), (7, 9)], [])
    assert cands == []
    listed = "温江、新都、万县"
    cands, _ = repair(listed, [(3, 5, "LOC")], [(0, 2), (2, 3), (3, 5), (5, 6), (6, 8)],
                      [(0, 2, "GPE"), (6, 8, "GPE")])
    assert [(c.start, c.end) for c in cands] == [(3, 5)]


@pytest.mark.parametrize("text, gone", [("上海市浦东新区张江镇苏州花园3号楼", "苏州"),
                                        ("山东省青岛市市南区香港中路", "香港"),
                                        ("广州市天河区北京路", "北京")])
def test_no_division_starts_a_facility_of_an_address(text, gone):
    import nlp

    doc = nlp.load()(text)
    assert gone not in [e.text for e in doc.ents if e.label_ == "GPE"]
    assert all(r["city"] != gone for r in doc._.relations["city_province"])


def test_an_address_chain_going_down_keeps_every_unit():
    from nlp.lexicon.places import MATCHER

    text = "江苏南京鼓楼区和杭州市萧山区临浦镇"
    assert [text[e.start:e.end] for e in MATCHER.find(text)] == ["江苏", "南京", "鼓楼区", "杭州市", "萧山区", "临浦镇"]


def test_diqu_after_a_division_stays_outside(places_nlp):
    # SPEC: 地区 after an administrative unit is no part of the GPE (苏州地区 -> 苏州)
    assert [(e.text, e.label_) for e in places_nlp("不仅是在广州地区，日喀则地区也是").ents] == [
        ("广州", "GPE"), ("日喀则", "GPE")]


@pytest.mark.parametrize("text,expected", [
    # a river or a school's name that begins a road's name is neither a place nor an ORG
    ("安徽省合肥市蜀山区长江西路", [("安徽省", "GPE"), ("合肥市", "GPE"), ("蜀山区", "GPE")]),
    ("内蒙古呼和浩特市赛罕区大学西街", [("内蒙古", "GPE"), ("呼和浩特市", "GPE"), ("赛罕区", "GPE")]),
    ("他在长江边散步", [("长江", "LOC")]),
])
def test_no_place_or_org_at_the_start_of_a_road_name(extractor, text, expected):
    assert [(e.text, e.label_) for e in extractor(text).ents if e.label_ in ("GPE", "LOC", "ORG")] == expected


def test_a_division_alias_before_a_scenic_area_word_is_no_division(extractor):
    # 九寨沟|景区: the scenic site, not the county 九寨沟县; a natural feature keeps its name
    assert [e.label_ for e in extractor("九寨沟景区暂停开放。").ents if e.text == "九寨沟"] == []
    assert ("峨眉山", "LOC") in [(e.text, e.label_) for e in extractor("国庆假期峨眉山景区共接待游客").ents]


# delivery addresses: text, the GPEs expected in order (a road read as LOC is optional in SPEC)
ADDRESSES = [
    # units separated by spaces still adjoin: a risky alias after its parent counts
    ("丽江 古城", [("丽江", "GPE"), ("古城", "GPE")]),
    ("广东省 广州市 白云区 机场路", [("广东省", "GPE"), ("广州市", "GPE"), ("白云区", "GPE")]),
    # a full name that the segmenter glued to the next character (广州市寺|右新马路)
    ("广州市寺右新马路4号之8长城大厦3楼", [("广州市", "GPE")]),
    ("广州市越秀区寺右新马路", [("广州市", "GPE"), ("越秀区", "GPE")]),
    # a unit named by a generic word, right after its direct parent
    ("山东省济南市市中区经四路", [("山东省", "GPE"), ("济南市", "GPE"), ("市中区", "GPE")]),
    ("山西省阳泉市城区", [("山西省", "GPE"), ("阳泉市", "GPE"), ("城区", "GPE")]),
    # a road named after a place (西安大路) holds no GPE; 区长 of 雁塔区长安南路 is no title
    ("长春市朝阳区西安大路", [("长春市", "GPE"), ("朝阳区", "GPE")]),
    ("西安市雁塔区长安南路", [("西安市", "GPE"), ("雁塔区", "GPE")]),
    # the model's reading of a road, a house number and a building as one place
    ("深圳市福田区深南大道6008号特区报业大厦", [("深圳市", "GPE"), ("福田区", "GPE")]),
]


@pytest.mark.parametrize("text,expected", ADDRESSES)
def test_places_delivery_address_units(extractor, text, expected):
    assert [(e.text, e.label_) for e in extractor(text).ents if e.label_ == "GPE"] == expected


@pytest.mark.parametrize("text,surface", [
    ("北京城区的交通", "城区"),          # a generic word away from its parent district's city
    ("合肥市郊区的烟墩乡", "郊区"),      # 郊区 names units of 阳泉, 佳木斯, 铜陵, not of 合肥
    ("城区居民", "城区"),
    ("浈阳西路顺丰速运英德仓库", "英德"),  # a business's warehouse
])
def test_places_generic_unit_names_and_businesses_are_no_place(places_nlp, text, surface):
    assert surface not in {e.text for e in places_nlp(text).ents}


def test_gazetteer_generic_unit_names_are_risky():
    from nlp.training.build_gazetteer import generic_units

    assert gazetteer.places_by_name()["市中区"][0].kind == "full"
    assert {"城区", "郊区", "市中区"} <= gazetteer.risky_aliases()
    rows = [("城区", "140302", "county", "14", "full"), ("新区", "x", "county", "14", "short"),
            ("青岛", "370200", "prefecture", "37", "short")]
    assert generic_units(rows) == [("城区", "generic word")]


@pytest.mark.parametrize("text,surface,label", [
    ("新华社波恩１月２８日电（记者吕鸿）", "波恩", "GPE"),      # the city of a wire dateline
    ("香港维多利亚海港上空礼花灿烂", "维多利亚海港", "LOC"),    # a harbour is a natural feature
    ("除在以色列和约旦河西岸同巴、以领导人继续讨论", "约旦河西岸", "LOC"),  # a region (build_locations CORE)
    ("甘肃民乐县", "民乐县", "GPE"),
])
def test_model_places_labelled_by_context_and_ending(extractor, text, surface, label):
    assert (surface, label) in [(e.text, e.label_) for e in extractor(text).ents]


@pytest.mark.parametrize("text,word", [("演奏了精彩的中国民乐，", "民乐"), ("因为六合彩，他的存款输光了", "六合"),
                                       ("可以在老城区里随意走走", "老城区")])
def test_a_county_named_by_an_ordinary_word_needs_its_suffix_or_parent(extractor, text, word):
    assert not [e for e in extractor(text).ents if e.text == word]


@pytest.mark.parametrize("text,span,expected", [
    ("导演夸下海口", (4, 6), True),     # 夸下 is no word of its own
    ("两者大同小异", (2, 4), True),     # an idiom
    ("中国首都北京", (4, 6), False),    # 首都|北京: two words
    ("他去大同出差", (2, 4), False),
])
def test_a_place_inside_a_set_phrase(text, span, expected):
    from nlp.lexicon.places import inside_a_set_phrase
    from nlp.lexicon import gazetteer

    assert inside_a_set_phrase(text, *span, lambda w: gazetteer.lookup(w) is not None) is expected


@pytest.mark.parametrize("text,places", [
    ("中国与中非恢复外交关系", ["中国", "中非"]),   # 中非: the Central African Republic's short name
    ("其中非常重要", []),                              # not across words
    ("主力中卫莱德利受伤", []),                        # 中卫, the position: the city only after 宁夏
    ("宁夏中卫的沙坡头", ["宁夏", "中卫", "沙坡头"]),
    ("在《梦幻红楼》中站着也能升级", []),              # 中站 (a district) only after its city
    ("地址：凤城二路天地时代广场", []),                # a numbered road: 凤城 starts its name
    ("地址：福州五一路", ["福州"]),                    # 五一路 is the road's own name
    ("霜冻少，日照充足", []),                          # 日照: sunshine here
])
def test_central_africa_by_its_short_name(extractor, text, places):
    assert [e.text for e in extractor(text).ents if e.label_ == "GPE"] == places


def test_a_tourist_island_is_a_natural_feature(extractor):
    # SPEC: natural features are LOC; 巴厘岛 and 普吉岛 left foreign_places.tsv's cities
    assert [(e.text, e.label_) for e in extractor("去普吉岛度假").ents] == [("普吉岛", "LOC")]


@pytest.mark.parametrize("text,expected", [
    ("所以才让希特勒萌生了对犹太人的恨意", []),                       # a people, no place
    ("斯里兰卡北部奇里诺奇地区１０多年来", [("斯里兰卡", "GPE"), ("奇里诺奇", "GPE")]),   # 地区 outside
    ("华人的目光都在节日的北京城。", [("北京城", "GPE")]),              # the city itself
    ("在欧美逐渐消亡", [("欧美", "LOC")]),                              # a region (locations.tsv core)
    ("登别位于北海道的西南部", [("北海道", "GPE")]),                    # a Japanese prefecture
    ("他也是港股上市公司的董事长", []),                                  # 港股: shares listed in Hong Kong
    ("北临北冰洋，西南抵哈萨克斯坦", [("北冰洋", "LOC"), ("哈萨克斯坦", "GPE")]),   # the model's 西南: a direction
])
def test_model_places_repaired(extractor, text, expected):
    assert [(e.text, e.label_) for e in extractor(text).ents if e.label_ in ("GPE", "LOC")] == expected


def test_an_autonomous_prefecture_by_its_short_name_and_full_suffix(extractor):
    doc = extractor("出生于湖南湘西自治州保靖县")
    assert {"city": "湘西自治州", "province": "湖南省"} in doc._.relations["city_province"]


@pytest.mark.parametrize("text,locs", [
    ("他在东北工作", ["东北"]),                         # the region
    ("长乐信都（今河北省枣强县东北）人", []),           # the direction of a place
    ("普天同庆东南西北闹新年", []),
    ("东阁村位于新庄镇东北，距镇政府9公里", []),     # after a township's suffix
    ("除西南端外，几乎全在境内", []),                # before a part's word
    ("足迹遍布东北三省和鲁西南地区", ["东北三省", "鲁西南地区"]),   # regions of provinces
])
def test_a_compass_word_is_a_region_only_where_no_direction_is_meant(text, locs):
    from nlp.lexicon.places import MATCHER
    assert [text[e.start:e.end] for e in MATCHER.find(text) if e.label == "LOC"] == locs


@pytest.mark.parametrize("text,feature", [("晋江流域上游普降暴雨", "晋江"), ("牡丹江水位持续上涨", "牡丹江"),
                                          ("柳江柳州段水位超警戒线", "柳江"), ("大兴安岭南麓出现降雪", "大兴安岭")])
def test_a_river_or_range_named_like_a_division_is_loc(places_nlp, text, feature):
    assert {e.text: e.label_ for e in places_nlp(text).ents}[feature] == "LOC"


def test_the_division_named_like_a_river_stays_gpe(places_nlp):
    assert {e.text: e.label_ for e in places_nlp("晋江今年GDP突破3000亿元").ents}["晋江"] == "GPE"


def test_a_division_before_a_campus_is_part_of_its_name(places_nlp):
    assert "翔安" not in {e.text for e in places_nlp("厦门大学翔安校区位于厦门市翔安区").ents}


@pytest.mark.parametrize("text,districts", [("济南市中区一处老旧小区完成加装电梯", ["济南", "市中区"]),
                                            ("乐山市市中区发布通知", ["乐山市", "市中区"])])
def test_the_city_centre_district_written_after_its_city(places_nlp, text, districts):
    assert [e.text for e in places_nlp(text).ents if e.label_ == "GPE"] == districts


@pytest.mark.parametrize("text,landform", [("呼伦贝尔草原迎来最美季节", "呼伦贝尔草原"), ("伊犁河谷有暴雪", "伊犁河谷"),
                                           ("怒江大峡谷两岸的村寨", "怒江大峡谷")])
def test_a_place_name_before_a_landform_word_is_one_loc(extractor, text, landform):
    assert [(e.text, e.label_) for e in extractor(text).ents if e.label_ in ("GPE", "LOC")] == [(landform, "LOC")]


def test_a_prefectures_news_abbreviation_from_jionlp():
    from nlp.lexicon import gazetteer
    assert "652800" in {p.code for p in gazetteer.places_by_name()["巴州"]}   # 巴音郭楞: 巴州/巴音郭楞 in jionlp
    assert "巴州/巴音郭楞" not in gazetteer.places_by_name()
