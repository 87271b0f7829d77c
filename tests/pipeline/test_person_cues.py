"""Tests of the PERSON cue stage (zh_news_person_cues)."""
from __future__ import annotations

import pytest

# text, expected PERSON surfaces
CASES = [
    ("市长李明表示", ["李明"]),
    ("总工程师韩夏发表致辞", ["韩夏"]),
    ("武汉市委副书记、市长赵豪志出席", ["赵豪志"]),
    ("董事长欧阳春华说", ["欧阳春华"]),
    ("。李克强总理主持会议", ["李克强"]),
    ("会议任命王芳为副局长", ["王芳"]),
    ("玛丽亚·洛佩斯说", ["玛丽亚·洛佩斯"]),
    ("市长表示欢迎", []),
    ("公司总经理黄河表示", ["黄河"]),  # a place read in a name after a title
    ("香港特区行政长官李家超出席", ["李家超"]),
    ("他担任市长武汉市的发展很快", []),  # a division is no name
    ("陈艳萍：购房需求主要是改善型的。王刚：同意。", ["陈艳萍", "王刚"]),  # speakers
    ("公告：本公司将停牌。", []),  # a common word before a colon is no speaker
    ("省委常委、宣传部部长张三出席", ["张三"]),  # 宣传部 before 部长 is a department
    ("组织部部长黄建发，副省长卢山", ["黄建发", "卢山"]),  # 发 ends a name before a break
    ("经济系系主任李元和、教授张三", ["李元和", "张三"]),   # so does 和 (no conjunction before 、)
    ("市长李明发表讲话", ["李明"]),
    ("主教练叶鹏却认为队员松懈", ["叶鹏"]),  # 却, 则 continue no given name
    ("校长罗坤则从三个方面分析", ["罗坤"]),
    # 向/于 after a title start the holder's verb phrase, unless a name follows them
    ("总统向大会提交报告，外长于昨日抵达", []),
    ("主任向华强出席，市长于丹表示", ["向华强", "于丹"]),
    ("在欢迎国防部长时强调", []),   # 时 ("when") before a verb
    ("谢中华，男，汉族，1965年生。阎前，女，", ["谢中华", "阎前"]),  # biographies
    ("2002年至今，任公司办公室主任；曾任董事会秘书。", []),  # 任, 曾 as verbs
    ("现任团委副书记、罗汉村党支部书记", []),  # a village before its party branch
    ("副市长傅强说", ["傅强"]),
    ("他邀校长游览公园", []),  # a word a surname starts (游览) is no name after a title
    ("总统国防问题顾问", []),
    ("总理曾多次表示", []),  # 曾 as an adverb
    # bylines in brackets, two names written together, one name after another role
    ("优秀共产党员。（记者贾鹏陈博）", ["贾鹏", "陈博"]),
    ("受到热烈欢迎。（本报记者张悦摄）", ["张悦"]),
    ("高仰光，男，法学博士，中国人民大学法学院讲师", ["高仰光"]),   # a biography's name over a place (仰光)          # a photographer's credit: 摄 is no part of the name
    ("晨报讯（实习生李泽玲记者金融）当", ["李泽玲", "金融"]),
    ("（记者北京报道）", []),
    ("他当过记者金融危机时", []),   # not in a bracket
    ("本报记者 向东 摄", ["向东"]),     # ... or set apart by spaces
    ("记者 张伟 通讯员 李娜 报道", ["张伟", "李娜"]),
    ("南师大副校长陈凌孚出席", ["陈凌孚"]),   # a university's short name is no name before a title
    # other names after their kind: former, courtesy and pen names; not 数字, 型号
    ("丁玲，原名蒋伟，字冰之，笔名彬芷、从喧等", ["丁玲", "蒋伟", "冰之", "彬芷", "从喧"]),
    ("这个数字很大，型号不同，公司原名称为", []),
    # 同 and 通 after a surname and one given character open the next word (a preposition,
    # 通电话); 陈希同 before a break keeps its 同
    ("外交部长王毅同俄罗斯外长通电话", ["王毅"]),
    ("中国外交部长王毅通电话", ["王毅"]),
    ("原北京市市长陈希同，", ["陈希同"]),
    ("市长王刚作重要讲话", ["王刚"]),          # 作/均 open the next word
    ("副县长李红均被问责", ["李红"]),
    ("校长包信和出席仪式", ["包信和"]),        # 和/为 end a name before its verb
    ("董事长陈有为表示", ["陈有为"]),
    ("校长包信和副校长李四出席", ["包信", "李四"]),   # ... but join two before a title
]


@pytest.mark.parametrize("text,persons", CASES)
def test_person_cues_found(rules_nlp, text, persons):
    assert [e.text for e in rules_nlp(text).ents if e.label_ == "PERSON"] == persons


@pytest.mark.parametrize("text,persons", [
    ("会见法国国民议会议员玛蒂尔德·勒让德尔，双方", ["玛蒂尔德·勒让德尔"]),   # starts after the title
    ("克莱恩集团首席执行官马库斯·霍夫曼在视频致辞中表示", ["马库斯·霍夫曼"]),  # ends before 在
    ("德国驻华大使汉斯·克劳斯·韦伯一行到访", ["汉斯·克劳斯·韦伯"]),
    ("出自宋·秦观《自警》诗", ["秦观"]),          # a dynasty before the dot: a classical author
    ("《秋园杂佩》一卷，明·宋濂撰", ["宋濂"]),
    ("主席曼·莫汉·阿迪卡里在致开幕词时说", ["曼·莫汉·阿迪卡里"]),   # 汉 before a later dot is no dynasty
    ("亨利·本西德先生近日接受采访", ["亨利·本西德"]),
    # Uyghur name heads hold function characters (不, 都) that otherwise end a dotted name
    ("出席的有阿不都热合曼·买买提等", ["阿不都热合曼·买买提"]),
    ("会见了阿布都沙拉木·阿不都热依木。", ["阿布都沙拉木·阿不都热依木"]),
    # a hyphen joins two given names before the dot; a function word still ends the name
    ("让-皮埃尔·索瓦1944年生于法国", ["让-皮埃尔·索瓦"]),
    ("他说让-雅克·卢梭是思想家", ["让-雅克·卢梭"]),
])
def test_person_cues_dotted_names(rules_nlp, text, persons):
    assert [e.text for e in rules_nlp(text).ents if e.label_ == "PERSON"] == persons


def test_model_person_replaces_a_place_inside_it(rules_nlp):
    from nlp.pipeline.merge import Ent, add_entities
    doc = rules_nlp.make_doc("他说玉林很美")
    add_entities(doc, [Ent(2, 4, "GPE", "450900")])
    add_entities(doc, [Ent(1, 4, "PERSON")])  # the model's longer PERSON wins
    assert [(e.text, e.label_) for e in doc.ents] == [("说玉林", "PERSON")]
    doc = rules_nlp.make_doc("市长高玉林说")
    add_entities(doc, [Ent(0, 2, "TITLE")])
    add_entities(doc, [Ent(0, 5, "PERSON")])  # but never over a TITLE
    assert [(e.text, e.label_) for e in doc.ents] == [("市长", "TITLE")]


def test_a_conjunction_after_a_title_is_no_surname(rules_nlp):
    # 和 is a (rare) surname, but after a title it joins two phrases
    doc = rules_nlp("他任大学教授和乔治城大学顾问")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == []


def test_a_storms_name_is_no_person(extractor):
    doc = extractor("台风“杜苏芮”于28日9时55分在福建晋江沿海登陆。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == []


def test_a_dotted_name_hides_no_place_after_it(rules_nlp):
    ents = [(e.text, e.label_) for e in rules_nlp("苹果公司CEO蒂姆·库克在上海参观。").ents]
    assert ("上海", "GPE") in ents and ("CEO", "TITLE") in ents and ("蒂姆·库克", "PERSON") in ents


def test_person_cues_come_after_a_title_opens_a_verb_phrase(extractor):
    """来 is a surname, but after a post before a verb it is "come to" (请主编来宣布)."""
    doc = extractor("有请杨熙主编来宣布这30个项目。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["杨熙"]


@pytest.mark.parametrize("text,persons", [
    ("鹤壁市淇滨区纪委书记、区监委主任周伟通报了典型案例。", ["周伟"]),   # 区 is a surname, 区监委 an organ
    ("据悉，郑州市金水区区长王红此前任中牟县委副书记。", ["王红"]),
    ("街道党工委书记张华正在检查防汛工作。", ["张华"]),
])
def test_person_cues_names_end_before_an_organ_or_an_adverb(extractor, text, persons):
    assert [e.text for e in extractor(text).ents if e.label_ == "PERSON"] == persons


@pytest.mark.parametrize("text,person", [
    ("谷文昌，河南林县人，曾任福建省东山县委书记。", "谷文昌"),     # not the city 文昌
    ("莫言，原名管谟业，1955年2月出生于山东高密。", "莫言"),
])
def test_person_cues_a_name_opening_a_biography(extractor, text, person):
    doc = extractor(text)
    assert person in [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert "文昌" not in [r["city"] for r in doc._.relations["city_province"]]


@pytest.mark.parametrize("text,person", [
    ("住房和城乡建设部副部长齐骥一句话就点明了问题。", "齐骥"),
    ("会长杨斌拿起一把壶。", "杨斌"),
    ("董事长王诚做主题发言。", "王诚"),
    ("副市长张一山说", "张一山"),
])
def test_person_cues_a_verb_or_a_count_after_the_name(extractor, text, person):
    assert [e.text for e in extractor(text).ents if e.label_ == "PERSON"] == [person]
