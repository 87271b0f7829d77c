"""Tests of the TITLE stage (zh_news_titles) together with the stages before it."""
from __future__ import annotations

import pytest

from nlp.lexicon.titles import is_title

# text, expected TITLE surfaces in order
TITLES = [
    ("湖北省武汉市副市长李明表示", ["副市长"]),
    # holders in general, not a post held: 议员们, 总统候选人
    ("议员们正在考虑", []),
    ("任何可能的总统候选人", []),
    ("常务副省长张三出席", ["常务副省长"]),
    ("党组副书记李四说", ["党组副书记"]),
    ("公司首席执行官赵五", ["首席执行官"]),
    ("董事会秘书王芳", ["董事会秘书"]),
    ("总会计师和首席科学家", ["总会计师", "首席科学家"]),
    ("武汉市委书记", ["书记"]),
    ("湖北省统计局局长", ["局长"]),
    ("南京市长江大桥建成通车", []),
    ("国务委员王毅会见客人", ["国务委员"]),
    ("一级巡视员张华和二级调研员李明", ["一级巡视员", "二级调研员"]),  # civil-service ranks
    ("公司联席董事长王建国", ["联席董事长"]),
    ("公司联合首席执行官王建国", ["联合首席执行官"]),   # a shared post
    ("副主任医师刘芳说", ["副主任医师"]),
    ("这是一级企业", []),
    ("世卫组织总干事谭德塞和泰国国王", ["总干事", "国王"]),  # international posts
    ("曼联主教练弗格森和助理教练", ["主教练", "助理教练"]),  # SPEC: 主教练 is a post
    ("营长李明、指导员王强和审计署审计长", ["营长", "指导员", "审计长"]),
    ("恒大主帅里皮和公司总经理助理张三", ["主帅", "总经理助理"]),
    ("城市政府领导及主管部门负责同志发表演讲", []),
    # SPEC: a contracted organ + 长 is one TITLE
    ("市委宣传部长李明和公安局长张三", ["宣传部长", "公安局长"]),
    ("润泽地产常务副总封屹和上尉王强", ["常务副总", "上尉"]),
    # a title glued to the next character as a word of its own is no post
    ("安理会常任理事国和校长室、部长级会议", []),
    ("首席执行官马云和司令官山本", ["首席执行官", "司令官"]),
    # one or two organ functions + a contracted head; a chargé d'affaires
    ("菲经济发展部长阿比托和教育参赞曲德林", ["经济发展部长", "教育参赞"]),
    ("使馆临时代办武大伟", ["临时代办"]),
    # first, second deputies; tenured and emeritus professors
    ("第一副总理和第二副主任", ["第一副总理", "第二副主任"]),
    ("大学终身教授和荣休教授", ["终身教授", "荣休教授"]),
    # imperial posts named in full; a surname or a qualifier before 将军 stays outside
    ("加他为驸马都尉，京兆尹韦夏卿", ["驸马都尉", "京兆尹"]),
    ("担任运输处主任科员、助理调研员", ["主任科员", "助理调研员"]),   # civil-service ranks
    ("司马钧为征西将军，前将军马腾", ["征西将军", "将军"]),
    ("美国国会参议院临时议长瑟蒙德", ["临时议长"]),
    ("贸易代表巴尔舍夫斯基和事务次官小村武，大藏大臣松永光", ["贸易代表", "事务次官", "大藏大臣"]),
    ("俱乐部长期以来坚持青训", []),
    ("村支书王强、教导员李明和幼儿园园长", ["村支书", "教导员", "园长"]),
    ("日本官房长官菅义伟、英国外相约翰逊和韩国国务总理李洛渊", ["官房长官", "外相", "国务总理"]),
    ("国外相关研究表明", []),
    # an aide's post with its brief between the head title and 特使/顾问/助理 is one TITLE
    ("俄罗斯总统特使波苏瓦柳克和总统科技顾问吉本斯", ["总统特使", "总统科技顾问"]),
    ("美国总统国家安全事务助理伯杰说", ["总统国家安全事务助理"]),
    ("伤兵满营的情况下，助教休顿很难鼓舞将士", ["助教"]),
    # a meeting's verb after the title is no body's name (常委会 is)
    ("江泽民主席会见了客人，克林顿总统会晤叶利钦", ["主席", "总统"]),
    ("公司董事会决定，常委会审议", []),
    ("叶利钦的新闻秘书亚斯特尔仁布斯基说", ["新闻秘书"]),
    # a company function + a managerial head is one post; not the supervising body
    ("奥美客户总监叶晴和工程主管林华卿", ["客户总监", "工程主管"]),
    ("由建设行政主管部门审批", []),
    # 主编 after a name is the verb (edited by); before a name or after a publication, the post
    ("《旅游学》第二版李天元主编，附带题库", []),
    ("《读书》杂志主编张三和本刊主编李四", ["主编", "主编"]),
    # SPEC: 代/代理 stay outside the title, like 原 and 时任; 代 after a numeral counts generations
    ("代市长姚高员和代理局长李明", ["市长", "局长"]),
    ("幕府八代将军足利义政", ["将军"]),
    # imperial posts in biographies and history pieces
    ("平原太守杨烈和宰相房玄龄", ["太守", "宰相"]),
    # a deputy to a people's congress: after the organ only 代表 is the title (as 政协 + 委员);
    # with no organ before it 人大代表 is one title; 代表 alone is no post
    ("全国人大代表李一奎和市人大代表王五", ["代表", "代表"]),
    ("机关干部和人大代表结成对子", ["人大代表"]),
    ("他代表公司发言", []),
    # 老 stays outside like 原; a title the dictionary glues to the next character (将军林) is
    # still one before a name (林遵)
    ("身患癌症的老将军林遵临终前说", ["将军"]),
    ("大藏省官房长武藤敏郎和总校长贾永东", ["官房长", "总校长"]),
    ("装甲旅上等兵邓霜、中士王强和立法委员周守训", ["上等兵", "中士", "立法委员"]),   # ranks and posts
]

IS_TITLE = [("常务副市长", True), ("党组副书记", True), ("副总经理", True), ("市长江", False),
            ("营销总经理", True), ("销售副总经理", True),   # a business function + a managerial head
            ("李明", False), ("副", False),
            # a post's assistant holds a post; an assistant alone is a role
            ("厂长助理", True), ("副总经理助理", True), ("助理", False), ("兼职教授", True),
            ("总统特使", True), ("执行秘书", True), ("总统科技顾问", True), ("科技顾问", False), ("特使", True),
            # the head of an organisation's name is no part of a title (中央财经大学 + 教授)
            ("大学教授", False), ("集团总会计师", False)]


@pytest.mark.parametrize("text,titles", TITLES)
def test_titles_found(rules_nlp, text, titles):
    assert [e.text for e in rules_nlp(text).ents if e.label_ == "TITLE"] == titles


@pytest.mark.parametrize("s,expected", IS_TITLE)
def test_titles_is_title(s, expected):
    assert is_title(s) is expected


@pytest.mark.parametrize("text,organ", [("全国人大代表李一奎说", "全国人大"), ("吉林省人大代表李四说", "吉林省人大"),
                                        ("县人大代表王五说", "县人大")])
def test_titles_a_deputy_to_a_congress_splits_from_its_organ(rules_nlp, text, organ):
    assert [(e.text, e.label_) for e in rules_nlp(text).ents if e.label_ in ("ORG", "TITLE")] \
        == [(organ, "ORG"), ("代表", "TITLE")]


def test_titles_analyze_pipes_has_no_problems(rules_nlp):
    assert not any(rules_nlp.analyze_pipes()["problems"].values())


@pytest.mark.parametrize("text,titles", [
    ("锡林郭勒盟行政公署盟长斯琴巴特尔介绍", ["盟长"]),        # title glued to the name by the segmenter
    ("延边朝鲜族自治州副州长金永哲介绍", ["副州长"]),
    ("中共武汉市委召开常委会议", []),                          # 常委会议: a meeting
    ("印度尼西亚外交部长苏吉亚尔托·哈迪", ["外交部长"]),
    ("交通运输部部长助理陈光明", ["部长助理"]),
    ("国家统计局城市司首席统计师王中华", ["首席统计师"]),
    ("社会事务办公室主任李永刚告诉记者", ["主任"]),           # a named office + its post (SPEC)
    ("办公室主任王五说", ["办公室主任"]),
    ("他任办公室主任。", ["办公室主任"]),
    ("韩国外交部长官赵兑烈", ["长官"]),                        # Korea's minister: 外交部 + 长官
    ("他任市委政法委书记。", ["书记"]),                        # an organ + its post split (SPEC)
    ("中国常驻联合国副代表耿爽说", ["副代表"]),               # a permanent representative
    ("该公司驻华代表处成立", []),                               # an office, no post
    ("民盟绵阳市委副主委刘芳提交了提案。", ["副主委"]),         # the chair of a democratic party's committee
    ("国家统计局副总统计师杨帆说", ["副总统计师"]),              # not 副总统 + a name 计师杨
])
def test_titles_more(rules_nlp, text, titles):
    assert [e.text for e in rules_nlp(text).ents if e.label_ == "TITLE"] == titles


def test_titles_a_title_glued_to_a_dotted_foreign_name_ends_before_it():
    """The word head may write 上尉纳特·克里斯滕森 as one word: the rank still ends at the name."""
    from nlp.lexicon.titles import find_titles

    text = "海军上尉纳特·克里斯滕森说"
    found = find_titles(text, {0, 2, 12}, {2, 12, 13}, [])
    assert [text[e.start:e.end] for e in found] == ["上尉"]
    assert find_titles("海军上尉纳特说", {0, 2, 6}, {2, 6, 7}, []) == []   # no dot, no name: no end


@pytest.mark.parametrize("text,titles", [
    ("新教练佐拉本场比赛不会亲自指挥。", ["教练"]),     # 新 stays outside, like 新任
    ("新华社记者报道。", []),
])
def test_titles_after_new(extractor, text, titles):
    assert [e.text for e in extractor(text).ents if e.label_ == "TITLE"] == titles


@pytest.mark.parametrize("text,pair", [
    ("第71集团军政委李志刚到基层连队蹲点调研。", ("李志刚", "政委", "第71集团军")),   # 集团|军政委 in the word head
])
def test_titles_a_title_right_after_a_model_org(extractor, text, pair):
    pairs = [(r["person"], r["title"], r["org"]) for r in extractor(text)._.relations["person_title"]]
    assert pair in pairs


def test_titles_after_orgs_keeps_the_title_stage_context():
    """A title after a model ORG follows the title stage's reading: 理事|单位 is no post."""
    from nlp.lexicon.candidates import Ent
    from nlp.lexicon.model_spans import titles_after_orgs

    text = "汽车租赁协会理事单位"
    assert titles_after_orgs(text, [Ent(0, 6, "ORG")], [], {6, 8, 10}) == []
    text = "汽车租赁协会理事张三"
    assert [(e.start, e.end, e.label) for e in titles_after_orgs(text, [Ent(0, 6, "ORG")], [], {6, 8, 10})] == [(6, 8, "TITLE")]
