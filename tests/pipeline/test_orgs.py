"""Tests of the ORG stage (zh_news_orgs) and the organ + title split conventions."""
from __future__ import annotations

import pytest

# text, expected (surface, label) entities in order
CASES = [
    ("湖北省人民政府发布通知", [("湖北省人民政府", "ORG")]),
    ("武汉市委书记", [("武汉市委", "ORG"), ("书记", "TITLE")]),
    ("湖北省统计局局长", [("湖北省统计局", "ORG"), ("局长", "TITLE")]),
    ("武汉市副市长", [("武汉市", "GPE"), ("副市长", "TITLE")]),
    ("星河（苏州）智能科技有限公司", [("星河（苏州）智能科技有限公司", "ORG")]),
    ("工业和信息化部总工程师韩夏", [("工业和信息化部", "ORG"), ("总工程师", "TITLE"), ("韩夏", "PERSON")]),
    ("中国工程院院士邬贺铨", [("中国工程院", "ORG"), ("院士", "TITLE"), ("邬贺铨", "PERSON")]),
    ("山东省通信管理局共同主办", [("山东省通信管理局", "ORG")]),
    # well-known companies by their short names (orgs_known.txt)
    ("花旗首席执行官潘迪特", [("花旗", "ORG"), ("首席执行官", "TITLE"), ("潘迪特", "PERSON")]),
    # a school's department joins it (README of corpora/real: 台湾艺术大学戏剧系); 关系 is no department
    ("北京大学中文系主任", [("北京大学中文系", "ORG"), ("主任", "TITLE")]),
    # a functional organ by its function alone (SPEC's short organs); not the contracted title
    ("经过民政局和区信访办核实", [("民政局", "ORG"), ("区信访办", "ORG")]),
    ("民政局长和财政部门", [("民政局长", "TITLE")]),
    # 中国 + a national body is its full name; an adverb or a verb ends an organ's middle
    ("中国银监会已通知国内银行停止贷款", [("中国银监会", "ORG")]),
    ("香港证监会昨日刊登公告", [("香港证监会", "ORG")]),
    # the place a company's name opens with does not count towards the name's length
    ("深圳市立体互联文化传媒科技有限公司成立", [("深圳市立体互联文化传媒科技有限公司", "ORG")]),
    # a verb of founding or belonging before a company is no part of its name
    ("他创建软银集团，现在又归属大众集团", [("软银集团", "ORG"), ("大众集团", "ORG")]),
    # a listed company's stock code between its name and a post; its name may open with its province
    ("辽宁成大(600739)董事长王志刚说", [("辽宁成大", "ORG"), ("董事长", "TITLE"), ("王志刚", "PERSON")]),
    # a country before a club named after one of its cities stays apart (SPEC: 德国 + 西门子公司)
    ("并同英国纽卡斯尔俱乐部达成合作意向", [("英国", "GPE"), ("纽卡斯尔俱乐部", "ORG")]),
    ("英国皇家学会", [("英国皇家学会", "ORG")]),
    # digits with Latin letters are a brand, not a count (17K, 3D); a count or a year still ends a name
    ("发表于17K小说网和17k小说网", [("17K小说网", "ORG"), ("17k小说网", "ORG")]),
    # an ideographic space ends a name like any space (captions: 柳传志　联想控股有限公司总裁)
    ("——柳传志　联想控股有限公司总裁", [("联想控股有限公司", "ORG"), ("总裁", "TITLE")]),
    # business words alone before a company suffix name a kind of company (no brand)
    ("注册登记的实业有限公司和阿里巴巴网络技术有限公司", [("阿里巴巴网络技术有限公司", "ORG")]),
    # a rank or a count describes companies; 简称 separates two names of one body
    ("克莱斯勒汽车公司是美国第三大汽车工业公司", [("克莱斯勒汽车公司", "ORG"), ("美国", "GPE")]),
    ("曲周县第一中学简称曲周一中", [("曲周县第一中学", "ORG"), ("曲周一中", "ORG")]),
    # a town's or a school's party committee by its level alone, even when segmented with the title
    ("镇党委书记王刚介绍", [("镇党委", "ORG"), ("书记", "TITLE"), ("王刚", "PERSON")]),
    ("校党总支书记武天安", [("校党总支", "ORG"), ("书记", "TITLE"), ("武天安", "PERSON")]),
    ("局党委委员刘英芹主持仪式", [("局党委", "ORG"), ("委员", "TITLE"), ("刘英芹", "PERSON")]),
    # an organ every level has, after a division, is the division's; a central body is not
    ("湖北省发改委和武汉市卫健委", [("湖北省发改委", "ORG"), ("武汉市卫健委", "ORG")]),
    ("在北京国务院新闻办公室举行", [("北京", "GPE"), ("国务院新闻办公室", "ORG")]),
    ("美国国务院发表声明", [("美国国务院", "ORG")]),
    ("北京四中的学生和衡水二中", [("北京四中", "ORG"), ("衡水二中", "ORG")]),   # a school by its number
    ("他在环县职中读书", [("环县职中", "ORG")]),
    ("毕业于恩施医专和湖南师专", [("恩施医专", "ORG"), ("湖南师专", "ORG")]),   # school abbreviations     # a vocational school (职专, 职中, 职高)
    ("据纽约时报报道", [("纽约时报", "ORG")]),       # a paper: 时报, 周报, 商报
    ("考入黄埔军校", [("黄埔军校", "ORG")]),
    ("美国大多数公司盈利", [("美国", "GPE")]),
    ("中美关系和中国金融体系", [("中国", "GPE")]),
    ("海尔集团、华为技术有限公司和亨通通信产业集团",
     [("海尔集团", "ORG"), ("华为技术有限公司", "ORG"), ("亨通通信产业集团", "ORG")]),
    ("中国西部地区", [("中国", "GPE")]),
    ("湖北省人大常委会副主任", [("湖北省人大常委会", "ORG"), ("副主任", "TITLE")]),
    ("武汉东湖新技术开发区管委会副主任", [("武汉东湖新技术开发区管委会", "ORG"), ("副主任", "TITLE")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_orgs_entities(rules_nlp, text, expected):
    ents = [(e.text, e.label_) for e in rules_nlp(text).ents if e.label_ != "LOC"]
    assert ents == expected


def test_orgs_replace_the_place_inside(rules_nlp):
    doc = rules_nlp("青岛市人民政府承办")
    assert [(e.text, e.label_) for e in doc.ents] == [("青岛市人民政府", "ORG")]


# -- organ names with 和, sub-units, places before, institutions, generic phrases -------------
MORE_CASES = [
    ("广东省发展和改革委员会副主任", [("广东省发展和改革委员会", "ORG"), ("副主任", "TITLE")]),
    ("杭州市住房和城乡建设局局长", [("杭州市住房和城乡建设局", "ORG"), ("局长", "TITLE")]),
    ("国家卫生健康委员会疾病预防控制局局长", [("国家卫生健康委员会疾病预防控制局", "ORG"), ("局长", "TITLE")]),
    ("教育部职业教育与成人教育司司长", [("教育部职业教育与成人教育司", "ORG"), ("司长", "TITLE")]),
    # SPEC: a leading place that only locates an organisation named after another place stays
    # apart (江苏省 + 昆山市人民医院)
    ("广东省深圳市市场监督管理局发布", [("广东省", "GPE"), ("深圳市市场监督管理局", "ORG")]),
    ("陕西省安康市旬阳县人民法院", [("陕西省", "GPE"), ("安康市", "GPE"), ("旬阳县人民法院", "ORG")]),
    ("武汉大学教授", [("武汉大学", "ORG"), ("教授", "TITLE")]),
    ("中国信息通信研究院发布", [("中国信息通信研究院", "ORG")]),
    ("工业互联网产业联盟发布", [("工业互联网产业联盟", "ORG")]),
    ("今年上半年集团实现营收", []),                       # a time word, no name
    ("位居各铁路局集团公司首位", []),                     # generic 各
    ("当地农业农村部门介绍", []),                         # 农业农村部 inside 部门
    ("武汉市和襄阳市人民政府", [("武汉市", "GPE"), ("襄阳市人民政府", "ORG")]),
    ("香港特别行政区政府政务司司长", [("香港特别行政区政府", "ORG"), ("政务司司长", "TITLE")]),
    ("山东省通信管理局共同主办", [("山东省通信管理局", "ORG")]),
    ("德国企业克莱恩集团", [("德国", "GPE"), ("克莱恩集团", "ORG")]),
]


@pytest.mark.parametrize("text,expected", MORE_CASES)
def test_orgs_more_entities(rules_nlp, text, expected):
    ents = [(e.text, e.label_) for e in rules_nlp(text).ents if e.label_ not in ("LOC", "PERSON")]
    assert ents == expected


def test_orgs_model_org_replaces_a_contained_org(rules_nlp):
    from nlp.pipeline.merge import Ent, add_entities
    doc = rules_nlp("中南大学湘雅医院心内科主任")
    add_entities(doc, [Ent(0, 11, "ORG")])  # as the model finds it
    assert [(e.text, e.label_) for e in doc.ents][0] == ("中南大学湘雅医院心内科", "ORG")


# -- where a name read leftwards or through a middle must stop --------------------------------
STOP_CASES = [
    # a verb of motion ends the company name read leftwards
    ("记者们到杭州星海电子有限公司采访", "杭州星海电子有限公司"),
    # a dateline stop word ends the brand before a bracket
    ("本报讯东方航空（集团）公司宣布", "东方航空（集团）公司"),
    # ... but a stop word right before the bracket is the brand's last character
    ("海尔集团、智云数和（天津）科技有限公司", "智云数和（天津）科技有限公司"),
    # a name read leftwards that reached its place starts there
    ("该项目的投资方苏州春兴精工股份有限公司为上市公司", "苏州春兴精工股份有限公司"),
    ("黑龙江省牡丹江市煤气公司", "黑龙江省牡丹江市煤气公司"),
    # 讯 in a brand is no dateline
    ("北京天一讯灵科技有限公司成立", "北京天一讯灵科技有限公司"),
    # new organisation endings after a place
    ("河北省残联发出倡议", "河北省残联"),
    ("江苏省文联党组书记王慧芬和北京市侨联主席", "江苏省文联"),   # people's organisations like 残联
    ("工商银行总行仍在制定实施细则", "工商银行总行"),   # a bank's head office or branch after it
    ("自治区人民政府在春节假日外", "自治区人民政府"),   # a level's government alone, SPEC's short organs
    ("兰州军区举行演习", "兰州军区"),
    ("该剧在湖南卫视播出", "湖南卫视"),
    # pronouns and an earlier company word end a name read leftwards
    ("今天与您分享星河精密科技集团有限公司的经验", "星河精密科技集团有限公司"),
    ("合资寿险公司复星保德信人寿保险有限公司成立", "复星保德信人寿保险有限公司"),
    ("全球最大的芯片制造商星河微电子集团宣布", "星河微电子集团"),  # a kind of company before it
    ("他离开原单位前往星河微电子集团工作", "星河微电子集团"),  # a verb of motion before it
    # an organ named by its level alone before a title (SPEC: organ + title split)
    ("县委副书记、县长郑十调研", "县委"),
    ("区人大常委会副主任王五主持", "区人大常委会"),
    # an appointment verb between the person and the company ends the name
    ("此前他调任星河精密科技有限公司副总经理", "星河精密科技有限公司"),
]


@pytest.mark.parametrize("text,org", STOP_CASES)
def test_org_names_stop_where_the_name_ends(rules_nlp, text, org):
    assert org in [e.text for e in rules_nlp(text).ents if e.label_ == "ORG"]


def test_no_org_runs_over_a_title_in_its_middle(rules_nlp):
    doc = rules_nlp("他是南京大学化学系教授和复旦大学研究中心的顾问")
    orgs = [e.text for e in doc.ents if e.label_ == "ORG"]
    assert not any("教授" in o for o in orgs), orgs



@pytest.mark.parametrize("text", ["组成了一家装卸公司", "有利于吸引外国公司上市", "在阿根廷西南部隐居",
                                  "他们在日本战俘营中所遭受的磨难", "长沙市全市各法院开始执行",
                                  "向福建和江西两省防汛抗旱指挥部发出慰问电", "中国人在美国打官司的情况", "全市委员会议召开",
                                  "广州一公司老板被抓", "湖北一县级医院发生纠纷", "他在北京宣武区一所中学读书"])
def test_generic_words_and_regions_name_no_organisation(rules_nlp, text):
    assert [e.text for e in rules_nlp(text).ents if e.label_ == "ORG"] == []


def test_no_organisation_starts_inside_a_bracket(rules_nlp):
    for text in ("智云数和（天津）科技有限公司", "他与和（天津）科技有限公司签约"):
        orgs = [e.text for e in rules_nlp(text).ents if e.label_ == "ORG"]
        assert not any(o.startswith("天津") for o in orgs), orgs


def test_no_organisation_reads_over_a_byline_bracket(rules_nlp):
    doc = rules_nlp("新华社华盛顿１月２９日电（记者翟景升）国际金融协会在２９日发表报告")
    orgs = [e.text for e in doc.ents if e.label_ == "ORG"]
    assert not any("）" in o for o in orgs), orgs
    doc = rules_nlp("上海国际港务（集团）股份有限公司昨日公告")
    assert "上海国际港务（集团）股份有限公司" in [e.text for e in doc.ents if e.label_ == "ORG"]


def test_a_region_heads_an_organisation_like_a_place(extractor):
    doc = extractor("他毕业于华南理工大学")
    assert [(e.text, e._.source) for e in doc.ents if e.label_ == "ORG"] == [("华南理工大学", "orgs")]
    from nlp.lexicon.org_finder import OrgFinder

    text = "地处非洲大陆中心"
    words = [(0, 2), (2, 4), (4, 6), (6, 8)]
    assert OrgFinder(text, words, [(2, 4, "LOC")]).find() == []


def test_a_degree_after_an_organisation_is_no_suffix(rules_nlp):
    orgs = [e.text for e in rules_nlp("2005年毕业于安徽省委党校大学学历").ents if e.label_ == "ORG"]
    assert orgs == ["安徽省委党校"]


# text, the ORGs: organs of a level side by side; the medium of an item's opening 讯
PAIRED_AND_BYLINE_CASES = [
    ("会后，市委、市政府联合下发通知", ["市委", "市政府"]),
    ("襄阳市委、市政府高度重视", ["襄阳市委", "市政府"]),
    ("市委市政府高度重视", ["市委", "市政府"]),           # side by side without a comma
    ("县委召开会议", []),                                   # alone and before no title: a word
    ("都市报讯（记者王晓东）昨天下午", ["都市报"]),
    ("这条快讯很短", []),                                   # 讯 not opening an item
]


@pytest.mark.parametrize("text,expected", PAIRED_AND_BYLINE_CASES)
def test_orgs_paired_organs_and_bylines(rules_nlp, text, expected):
    assert [e.text for e in rules_nlp(text).ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize("text,expected", [
    ("接受《法制日报》记者采访", ["法制日报"]),
    ("最新一期的《商业周刊》杂志", ["商业周刊"]),
    ("电视剧《千山暮雪》热播", []),   # a title of a work is no organisation
])
def test_a_medium_in_title_marks_is_an_org(text, expected):
    from nlp.lexicon.org_finder import OrgFinder

    words = [(i, i + 1) for i in range(len(text))]
    assert [text[o.start:o.end] for o in OrgFinder(text, words, []).find()] == expected


@pytest.mark.parametrize("text,expected", [
    ("据红星新闻报道，事故已造成3人受伤", ["红星新闻"]),
    ("据钱江晚报消息，西湖景区将限流", ["钱江晚报"]),
    ("据当地媒体报道，事故已造成3人受伤", []),        # no medium's name
    ("据该协会官网报道，会议已召开", []),            # a body's own site
])
def test_the_medium_a_report_cites_is_an_org(rules_nlp, text, expected):
    assert [e.text for e in rules_nlp(text).ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize("text,org", [
    ("近年来，江西省东乡县采茶剧团将节目送下乡", "东乡县采茶剧团"),   # SPEC: 江西省 apart
    ("广州恒大足球俱乐部宣布", "广州恒大足球俱乐部"),
    ("北京人民艺术剧院演出", "北京人民艺术剧院"),
])
def test_troupes_museums_and_clubs_after_a_place_are_orgs(rules_nlp, text, org):
    assert org in [e.text for e in rules_nlp(text).ents if e.label_ == "ORG"]


@pytest.mark.parametrize("text,org", [
    ("今年，佳士得拍卖行将于12月2日举办钟表专场", "佳士得拍卖行"),
    ("根据路透社的报道，索尼影业计划将电影版的拍摄", "索尼影业"),
    ("中国水电地产副总经理薛志勇表示", "中国水电地产"),
    ("广东纵横天正律师事务所律师刘伟渊表示", "广东纵横天正律师事务所"),
])
def test_auction_houses_property_arms_and_law_firms_are_orgs(extractor, text, org):
    assert org in [e.text for e in extractor(text).ents if e.label_ == "ORG"]


@pytest.mark.parametrize("text", ["今年房地产市场持续回暖，商业地产表现平稳。"])
def test_property_as_a_sector_is_no_org(extractor, text):
    assert [e.text for e in extractor(text).ents if e.label_ == "ORG"] == []


def test_suing_is_not_part_of_a_court(extractor):
    # X告上法院: the verb does not join X and the court into one organisation
    orgs = [e.text for e in extractor("市民梁玉祥将卖主携程旅行网告上法院。").ents if e.label_ == "ORG"]
    assert not any("法院" in o for o in orgs)


def test_a_lawyer_is_an_occupation_not_a_title(extractor):
    # SPEC section 1: occupations (记者, 律师, 医生) are not TITLE
    assert "律师" not in [e.text for e in extractor("该所律师刘伟渊表示").ents if e.label_ == "TITLE"]


@pytest.mark.parametrize("text", ["携程国旅公司表示，虽然公司没有过错", "而现在博彩公司开出的盘口", "还有做公司保安的",
                                  "通过采访这些公司的员工", "我今天和美国几家大银行的负责人谈到",
                                  "许多公司和政治家还没有意识到", "赚来的钱创立公司"])
def test_adverbs_conjunctions_and_counts_open_no_company_name(extractor, text):
    orgs = [e.text for e in extractor(text).ents if e.label_ == "ORG"]
    assert not any(o.startswith(("虽然", "现在", "还有", "采访", "这些", "美国几家", "许多", "钱")) for o in orgs), orgs


@pytest.mark.parametrize("text,expected", [
    # SPEC section 1: a foreign country that only locates a company or an organisation named
    # after another place stays a GPE of its own (德国 + 西门子公司)
    ("德国西门子公司宣布", [("德国", "GPE"), ("西门子公司", "ORG")]),
    ("日本横滨华侨总会举办各种活动", [("日本", "GPE"), ("横滨华侨总会", "ORG")]),
    ("韩国三星集团", [("韩国", "GPE"), ("三星集团", "ORG")]),
    # ... but the country's own organs, and companies named with it and common words, are one ORG
    ("美国国务院发言人", [("美国国务院", "ORG"), ("发言人", "TITLE")]),
    ("英国广播公司报道", [("英国广播公司", "ORG")]),
    ("美国电话电报公司", [("美国电话电报公司", "ORG")]),
])
def test_a_foreign_country_before_a_company_stays_apart(extractor, text, expected):
    assert [(e.text, e.label_) for e in extractor(text).ents] == expected


@pytest.mark.parametrize("text,org", [("由搜狐视频联合出品", "搜狐视频"), ("中信证券研究部认为", "中信证券研究部")])
def test_a_business_line_after_a_known_name_is_its_arm(extractor, text, org):
    assert org in [e.text for e in extractor(text).ents if e.label_ == "ORG"]


def test_a_business_line_after_a_place_is_no_org(extractor):
    assert [e.text for e in extractor("中国汽车产量增长").ents if e.label_ == "ORG"] == []


def test_a_company_named_after_a_river_reads_on_over_it(extractor):
    doc = extractor("本次大会云集了香港长江实业集团董事局主席李嘉诚。欧洲公司将受益于欧元。")
    assert any(e.text.endswith("长江实业集团") for e in doc.ents if e.label_ == "ORG")
    # a region alone before a suffix names no company (the rules' reading)
    assert "欧洲公司" not in [s.text for s in doc.spans["orgs"]]


@pytest.mark.parametrize("text,org,place", [
    # SPEC: a foreign country before a school or company named by a name of its own stays apart
    ("毕业于美国哈佛大学。", "哈佛大学", "美国"),
    ("毕业于加拿大西门菲沙大学，主修传理", "西门菲沙大学", "加拿大"),
])
def test_a_foreign_country_before_a_named_school_stays_apart(extractor, text, org, place):
    ents = [(e.text, e.label_) for e in extractor(text).ents]
    assert (org, "ORG") in ents and (place, "GPE") in ents


def test_a_count_before_a_company_suffix_names_no_company(extractor):
    assert not [e for e in extractor("全省１２２个种子公司在去年完成检验。").ents if e.label_ == "ORG"]


def test_an_organisations_website_is_no_part_of_its_name(extractor):
    assert ("顺义区政府", "ORG") in [(e.text, e.label_) for e in extractor("顺义区政府网站显示，雒某曾获奖。").ents]


@pytest.mark.parametrize("text,expected", [
    ("晨报讯（记者李明）当", ["晨报"]),
    ("晨报讯沪上某银行员工成钢", ["晨报"]),          # a paper before 讯, without a bracket
    ("东方早报记者刘秀浩", ["东方早报"]),             # a paper before 记者
    ("本报记者王强报道", []),                          # 本报: optional
])
def test_the_medium_opening_a_news_item_is_an_org(text, expected):
    from nlp.lexicon.org_finder import OrgFinder

    words = [(i, i + 1) for i in range(len(text))]
    assert [text[o.start:o.end] for o in OrgFinder(text, words, []).byline()] == expected


@pytest.mark.parametrize("text,expected", [
    # a company named without a suffix before a post only companies have, and a person
    ("华映星球董事长胡劲松相信", [("华映星球", "ORG"), ("董事长", "TITLE"), ("胡劲松", "PERSON")]),
    # a qualifier between the company and its post, and a second post before the name
    ("铜峰电子原董事长兼总经理王晓云", [("铜峰电子", "ORG"), ("董事长", "TITLE"), ("总经理", "TITLE"), ("王晓云", "PERSON")]),
    ("美国史带金融财团董事局主席莫里斯", [("美国", "GPE"), ("史带金融财团", "ORG"), ("董事局主席", "TITLE"),
                                    ("莫里斯", "PERSON")]),
    # common words, a qualifier of the post or a verb name no company
    ("国有企业总经理王五", [("总经理", "TITLE"), ("王五", "PERSON")]),
    ("他是公司董事长张三", [("董事长", "TITLE"), ("张三", "PERSON")]),
    ("现任董事长李四表示", [("董事长", "TITLE"), ("李四", "PERSON")]),
])
def test_a_company_named_without_a_suffix_before_its_post(extractor, text, expected):
    assert [(e.text, e.label_) for e in extractor(text).ents] == expected


def test_a_unit_before_a_company_post_is_left_to_its_company(extractor):
    assert "房地产华北区" not in [e.text for e in extractor("中原房地产华北区总经理李文杰回顾").ents]


@pytest.mark.parametrize("text,org", [
    ("新上任的渣打银行（中国）行长", "渣打银行（中国）"),          # the arm in a country, one ORG
    ("完美（中国）日用品有限公司完美公司董事长", "完美（中国）日用品有限公司"),  # 日用品 is no time word;
    # a company name read leftwards stops at the suffix of another company
    ("海尔集团有限公司总裁", "海尔集团有限公司"),
])
def test_company_names_with_a_bracketed_country(extractor, text, org):
    orgs = [e.text for e in extractor(text).ents if e.label_ == "ORG"]
    assert orgs[0] == org and not any("有限公司完美" in o for o in orgs)


def test_a_paper_in_title_marks_keeps_a_weekday_in_its_name(extractor):
    ents = [(e.text, e.label_) for e in extractor("香港文汇报援引《星期日泰晤士报》报道").ents]
    assert ("星期日泰晤士报", "ORG") in ents and ("星期日", "DATE") not in ents


@pytest.mark.parametrize("text,org", [
    ("作者是六中谢鸭子，连载于起点中文网", "起点中文网"),   # a site named by a common word
    ("是连载于腾讯文学旗下的创世中文网的一部小说", "创世中文网"),
])
def test_literature_sites_are_orgs(extractor, text, org):
    assert org in [e.text for e in extractor(text).ents if e.label_ == "ORG"]


@pytest.mark.parametrize("text,span,kept", [
    ("赚来的钱创立公司", (3, 8), []),                     # founding a company: a clause, no name
    ("他在北京成立的华为公司", (7, 11), ["华为公司"]),
])
def test_a_model_org_that_founds_a_bare_company_is_no_name(text, span, kept):
    from nlp.lexicon.model_spans import repair
    cands, _ = repair(text, [(*span, "ORG")], [(i, i + 1) for i in range(len(text))], [])
    assert [text[c.start:c.end] for c in cands if c.label == "ORG"] == kept


def test_a_post_the_model_reads_as_an_organisation_is_none(extractor):
    # 常委 is a post (a member of a standing committee), 常委会 the body
    doc = extractor("上周五，市委召开常委会议，传达学习精神。")
    assert "常委" not in [e.text for e in doc.ents if e.label_ == "ORG"]


def test_a_place_then_one_as_an_article_names_no_organisation(extractor):
    ents = {(e.text, e.label_) for e in extractor("吉林市丰满区一化工厂发生火灾，武汉一中的学生前往支援。").ents}
    assert ("丰满区", "GPE") in ents and ("武汉一中", "ORG") in ents
    assert not any(label == "ORG" and "化工厂" in text for text, label in ents)


def test_a_level_word_before_a_functional_organ_is_part_of_it(rules_nlp):
    orgs = [e.text for e in rules_nlp("自治区地震局局长王立新说，州公安局将加强巡逻。").ents if e.label_ == "ORG"]
    assert orgs == ["自治区地震局", "州公安局"]


def test_a_committee_and_its_government_read_as_one_are_two_organs(extractor):
    orgs = [e.text for e in extractor("该片由石家庄市桥东区委区政府联合摄制。").ents if e.label_ == "ORG"]
    assert orgs == ["桥东区委", "区政府"]


@pytest.mark.parametrize("text,org", [("省应急管理厅已启动四级应急响应", "省应急管理厅"), ("自治区减灾委已启动应急响应", "自治区减灾委"),
                                      ("喜茶和奈雪的茶都在降价", "奈雪的茶"), ("大疆的无人机", "大疆")])
def test_organs_and_brands_of_current_news(extractor, text, org):
    assert org in [e.text for e in extractor(text).ents if e.label_ == "ORG"]


def test_the_schools_of_a_district_are_no_organisation(extractor):
    ents = [(e.text, e.label_) for e in extractor("海淀区中小学今年秋季学期开学。").ents]
    assert ("海淀区", "GPE") in ents and not any(label == "ORG" for _, label in ents)


@pytest.mark.parametrize("text,org", [
    ("沈阳军分区司令员赵刚大校在铁岭市调研。", "沈阳军分区"),
    ("上海警备区政委出席。", "上海警备区"),
    ("驻港部队司令员彭京堂少将出席。", "驻港部队"),
])
def test_military_districts_and_garrisons(rules_nlp, text, org):
    assert (org, "ORG") in [(e.text, e.label_) for e in rules_nlp(text).ents]


@pytest.mark.parametrize("text,org", [
    ("东北师大附中校长邵志豪认为。", "东北师大附中"),
    ("北大附中校长说", "北大附中"),
])
def test_a_universitys_attached_school(rules_nlp, text, org):
    assert (org, "ORG") in [(e.text, e.label_) for e in rules_nlp(text).ents]


@pytest.mark.parametrize("text,org", [
    ("哈尔滨工业大学（威海）位于山东省威海市环翠区。", "哈尔滨工业大学（威海）"),
    ("中国石油大学(北京)校长张来斌曾参加国庆观礼。", "中国石油大学(北京)"),
    ("毕业于山东大学（威海分校）新闻传播学院", "山东大学"),          # a branch school named in full stays apart
])
def test_a_universitys_campus_named_by_its_place(rules_nlp, text, org):
    assert (org, "ORG") in [(e.text, e.label_) for e in rules_nlp(text).ents]


def test_a_qualifier_of_the_post_ends_the_organisation(rules_nlp):
    ents = [(e.text, e.label_) for e in rules_nlp("锦州医科大学新任党委书记刘明昨天与师生见面。").ents]
    assert ("锦州医科大学", "ORG") in ents


@pytest.mark.parametrize("text,org", [
    ("青岛啤酒董事长黄克兴表示", "青岛啤酒"),
    ("江西铜业董事长郑高清说", "江西铜业"),
])
def test_a_company_named_by_its_place_and_industry_before_a_post(rules_nlp, text, org):
    assert (org, "ORG") in [(e.text, e.label_) for e in rules_nlp(text).ents]


def test_a_place_and_an_industry_word_without_a_post_stay_a_place(rules_nlp):
    assert ("青岛", "GPE") in [(e.text, e.label_) for e in rules_nlp("在青岛啤酒节上").ents]
