"""The statistical stage around its model: sentence cutting, offsets, labels, filters.

The trained model is replaced by a character pipeline with an entity ruler, so what is
tested is the stage's own logic, deterministically.
"""
import pytest
import spacy
from spacy.lang.zh import Chinese

from nlp.lexicon import model_spans, orgs
from nlp.pipeline.merge import Merge
from nlp.pipeline.statistical_ner import StatisticalNER


def stage(patterns):
    """RETURNS (the NER stage followed by the merge, as one callable; its stand-in model)."""
    inner = spacy.blank("zh")  # one token per character
    ruler = inner.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": lab, "pattern": [{"TEXT": c} for c in text]} for lab, text in patterns])
    ner = StatisticalNER(model=inner)
    merge = Merge(None)
    return (lambda doc: merge(ner(doc))), inner


def words(text):
    return Chinese().make_doc(text)  # char tokens stand in for the segmenter's words


def test_model_reads_one_sentence_at_a_time_and_offsets_map_back():
    ner, inner = stage([("PER", "李明"), ("ORG", "红星厂")])
    seen = []
    real_pipe = inner.pipe
    inner.pipe = lambda texts, **kw: real_pipe([seen.append(t) or t for t in texts], **kw)
    doc = ner(words("他来了。李明说：“好！”红星厂在哪里？"))
    assert seen == ["他来了。", "李明说:“好!”", "红星厂在哪里?"]  # width-folded
    assert [(e.text, e.label_) for e in doc.ents] == [("李明", "PERSON"), ("红星厂", "ORG")]


def test_bare_organisation_suffix_is_not_an_org():
    ner, _ = stage([("ORG", "公司"), ("ORG", "华星公司")])
    doc = ner(words("公司董事长说，华星公司盈利。"))
    assert [e.text for e in doc.ents] == ["华星公司"]


def test_laughter_and_repeated_characters_are_no_person():
    ner, _ = stage([("PER", "哈哈哈"), ("PER", "呵呵"), ("PER", "嘟嘟嘟"), ("PER", "珍珍"), ("PER", "王呵")])
    doc = ner(words("哈哈哈，呵呵。嘟嘟嘟来了，珍珍和王呵。"))
    assert [e.text for e in doc.ents] == ["珍珍", "王呵"]  # a doubled given name stays a name


def test_full_width_text_is_folded_for_the_model_and_offsets_kept():
    ner, _ = stage([("PER", "李明")])
    doc = ner(words("ＡＢ李明。"))
    assert [(e.start_char, e.end_char, e.text) for e in doc.ents] == [(2, 4, "李明")]


def test_a_title_ending_a_model_org_is_cut_off():
    ner, _ = stage([("ORG", "国际问题研究中心高级顾问")])
    doc = ner(words("他是国际问题研究中心高级顾问。"))
    assert [(e.text, e.label_) for e in doc.ents] == [("国际问题研究中心", "ORG"), ("高级顾问", "TITLE")]


def _org(text, name):
    import spacy

    doc = spacy.blank("zh").make_doc(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label="ORG", alignment_mode="expand")
    return span.start_char, span.end_char


def test_company_name_is_what_precedes_the_company_suffixes():
    assert orgs.company_name("保险公司") == "保险"
    assert orgs.company_name("中国石油集团有限公司") == "中国石油"
    assert orgs.company_name("湖北省统计局") is None


def test_generic_company_gives_way_only_when_the_model_reads_no_org_there():
    text = "保险公司和羚锐公司"
    assert model_spans.company_unsupported(text, *_org(text, "保险公司"), [])
    assert not model_spans.company_unsupported(text, *_org(text, "保险公司"), [(0, 4)])
    assert not model_spans.company_unsupported(text, *_org(text, "羚锐公司"), [])  # 羚锐 is no common word


def test_model_start_replaces_words_no_name_holds_but_not_a_place():
    text = "我们北京城建集团一公司"
    assert model_spans.company_unsupported(text, *_org(text, text), [(2, len(text))])
    text = "黑龙江省牡丹江市煤气公司"
    assert not model_spans.company_unsupported(text, *_org(text, text), [(4, len(text))])
    text = "北京天一讯灵科技有限公司"  # one-character words of a brand are no function words
    assert not model_spans.company_unsupported(text, *_org(text, text), [(text.index("灵"), len(text))])


def test_model_span_cutting_a_bracket_pair_is_dropped():
    ner, _ = stage([("ORG", "天津)科技公司"), ("ORG", "星河(苏州)科技公司")])  # the model reads folded text
    doc = ner(words("智云数和（天津）科技公司与星河（苏州）科技公司签约。"))
    assert [e.text for e in doc.ents] == ["星河（苏州）科技公司"]


def test_brackets_balanced():
    assert model_spans.brackets_balanced("星河（苏州）科技公司") and model_spans.brackets_balanced("《人民日报》社")
    assert not model_spans.brackets_balanced("天津）科技公司") and not model_spans.brackets_balanced("星河（苏州")
    assert not model_spans.brackets_balanced("（苏州》")


def test_model_span_over_a_clause_break_or_a_space_is_dropped():
    ner, _ = stage([("ORG", "江苏大学管理专业,获硕士学位"), ("PER", "阮洪良 福莱特公司"), ("PER", "李明")])
    doc = ner(words("毕业于江苏大学管理专业，获硕士学位。阮洪良　福莱特公司由李明执导"))
    assert [e.text for e in doc.ents] == ["李明"]
    assert not model_spans.SPAN_BREAK.search("Bonnie Turner") and model_spans.SPAN_BREAK.search("王石 万科")


def test_model_span_cutting_a_latin_word_is_dropped():
    text = "首都阿洛菲（Alofi），位于"
    i = text.index("Alo")
    assert model_spans.cuts_latin_word(text, i, i + 3) and not model_spans.cuts_latin_word(text, i, i + 5)
    assert not model_spans.cuts_latin_word("阿洛菲是首都", 0, 3)


def test_a_country_the_model_reads_as_an_org_stays_a_gpe():
    ner, _ = stage([("ORG", "斯洛伐克"), ("ORG", "斯洛伐克队")])
    doc = ner(words("他是斯洛伐克人。斯洛伐克队赢了。"))
    assert [(e.text, e.label_) for e in doc.ents] == [("斯洛伐克", "GPE"), ("斯洛伐克队", "ORG")]


def test_model_org_reading_on_after_an_organisation_is_cut_back():
    # a degree or a major read on after a university is cut off; an organisation ending stays
    ner, _ = stage([("ORG", "兰州大学研究生"), ("ORG", "西南交通大学桥梁"), ("ORG", "湘雅医院外科"),
                    ("ORG", "省委党校大学")])
    doc = ner(words("兰州大学研究生学历，毕业于西南交通大学桥梁专业，在湘雅医院外科。省委党校大学学历。"))
    assert [e.text for e in doc.ents] == ["兰州大学", "西南交通大学", "湘雅医院外科", "省委党校"]


def test_model_org_that_names_no_company_does_not_replace_the_rule_one():
    text = "北京奇天揽胜科技有限公司"
    assert not model_spans.company_unsupported(text, *_org(text, text), [(text.index("科技"), len(text))])


def test_a_new_org_replaces_contained_orgs_only_when_it_ends_like_one():
    from nlp.pipeline.merge import Ent, add_entities

    doc = words("兰州大学研究生，湘雅医院外科")
    add_entities(doc, [Ent(0, 4, "ORG"), Ent(8, 12, "ORG")])
    add_entities(doc, [Ent(0, 7, "ORG"), Ent(8, 14, "ORG")])
    assert [e.text for e in doc.ents] == ["兰州大学", "湘雅医院外科"]


def test_model_person_running_past_the_cue_name_does_not_replace_it():
    from nlp.pipeline.merge import Ent, add_entities

    ner, _ = stage([("PER", "张三为"), ("PER", "王刚")])
    doc = words("任命张三为副部长，王刚说")
    add_entities(doc, [Ent(2, 4, "PERSON")])  # as zh_news_person_cues finds it
    assert [e.text for e in ner(doc).ents] == ["张三", "王刚"]


def test_hyphenated_foreign_name_parts_join():
    text = "缺少索尔-坎贝尔在后防，汤姆-克鲁斯和李明-王刚"
    a, b = text.index("索尔"), text.index("汤姆")
    spans = [(a, a + 3, "PER"), (a + 3, a + 6, "PER"), (b, b + 2, "PER"), (b + 3, b + 6, "PER")]
    assert model_spans.join_hyphenated_names(text, spans) == [(a, a + 6, "PER"), (b, b + 6, "PER")]
    assert model_spans.join_hyphenated_names("南极-艾特肯", [(0, 2, "LOC"), (3, 6, "PER")]) == [(0, 2, "LOC"), (3, 6, "PER")]


def _segmented(text, words_):
    from spacy.tokens import Doc
    assert "".join(words_) == text
    return Doc(words(text).vocab, words=words_, spaces=[False] * len(words_))


def test_bare_surname_from_the_model_is_completed_by_a_dictionary_given_name():
    ner, _ = stage([("PER", "王"), ("PER", "郑"), ("PER", "黄")])
    # 名扬 is a dictionary word, so the model stopped after the surname: the name is 王名扬
    doc = ner(_segmented("毕业后王名扬当了教员。", ["毕业", "后", "王", "名扬", "当", "了", "教员", "。"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("王名扬", "PERSON")]
    # a form of address, a word no dictionary knows, a familiar prefix: the surname stays bare
    doc = ner(_segmented("郑先生说，有人给黄送钱。", ["郑", "先生", "说", "，", "有人", "给", "黄", "送钱", "。"]))
    assert [e.text for e in doc.ents] == ["郑", "黄"]
    ner, _ = stage([("PER", "薛")])
    doc = ner(_segmented("谁知小薛太小。", ["谁知", "小", "薛", "太小", "。"]))
    assert [e.text for e in doc.ents] == ["薛"]


def test_a_preposition_the_model_reads_into_an_org_is_cut_off():
    ner, _ = stage([("ORG", "于世新大学"), ("ORG", "两广工作队")])
    doc = ner(_segmented("他毕业于世新大学。", ["他", "毕业", "于", "世新", "大学", "。"]))
    assert [e.text for e in doc.ents] == ["世新大学"]
    doc = ner(_segmented("任两广工作队队长", ["任", "两", "广", "工作队", "队长"]))
    assert "两广工作队" in [e.text for e in doc.ents]  # 两 is no preposition


def test_a_model_person_running_into_a_rule_place_stops_before_it():
    from nlp.pipeline.merge import Ent, add_entities
    ner, _ = stage([("PER", "公培佳北京"), ("PER", "欧阳长春")])
    doc = _segmented("本报记者公培佳北京报道", ["本报", "记者", "公", "培佳", "北京", "报道"])
    add_entities(doc, [Ent(7, 9, "GPE", "110000")])  # the places stage
    doc = ner(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("公培佳", "PERSON"), ("北京", "GPE")]
    doc = _segmented("欧阳长春说", ["欧阳", "长春", "说"])
    add_entities(doc, [Ent(2, 4, "GPE", "220100")])
    doc = ner(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("欧阳长春", "PERSON")]  # a compound surname


def test_model_org_dateline_and_place_words_are_no_organisations():
    ner, _ = stage([("ORG", "晨报讯"), ("ORG", "蕲阳大道交会处")])
    doc = ner(words("晨报讯（记者杨莉）蕲阳大道交会处的东侧。"))
    assert [e.text for e in doc.ents] == ["晨报"]  # the paper without 讯; 交会处 is a crossing


def test_a_surname_before_mou_takes_it():
    ner, _ = stage([("PER", "刘"), ("PER", "陈")])
    doc = ner(_segmented("被告人刘某、陈某某到案。", ["被告人", "刘", "某", "、", "陈", "某某", "到案", "。"]))
    assert [e.text for e in doc.ents] == ["刘某", "陈某某"]


@pytest.mark.parametrize("text,org,expected", [
    ("印度国防研究与发展组织（DRDO）有关人员", "印度国防研究与发展组织", ["DRDO"]),
    ("国家物资管理局（德语：Reichszeugmeisterei，缩写：RZM）是", "国家物资管理局", ["Reichszeugmeisterei", "RZM"]),
    ("央视市场研究股份有限公司(CTR)的数据", "央视市场研究股份有限公司", ["CTR"]),
    ("贵州茅台（600519）的股价", "贵州茅台", []),
])
def test_latin_name_in_brackets_after_an_org_is_an_org(text, org, expected):
    ents = [(0, len(org), "ORG")]
    assert [text[e.start:e.end] for e in model_spans.bracketed_abbreviations(text, ents)] == expected


def test_a_given_name_alone_elsewhere_is_the_same_person():
    text = "武仁盈是技术员。要不是仁盈帮俺，俺咋能致富。"
    words = [(0, 3), (3, 4), (4, 7), (7, 8), (8, 11), (11, 13), (13, 14)]
    found = model_spans.given_names_again(text, [(0, 3, "PERSON")], {s for s, _ in words}, {e for _, e in words})
    assert [(text[e.start:e.end], e.label) for e in found] == [("仁盈", "PERSON")]
    # not inside a longer word, nor when the given name is an ordinary word
    assert model_spans.given_names_again("王建国到了。建国以来", [(0, 3, "PERSON")], set(), set()) == []


@pytest.mark.parametrize("text,names", [
    # a preposition or the next words read into a name found alone elsewhere in the text
    ("《爱的代价》是黎姿演唱的一首情歌，收录于黎姿1996年发行的专辑", ["黎姿", "黎姿"]),
    ("黄道周夫人蔡玉卿明万历四十年，蔡玉卿出生于一个隐士家庭", ["黄道周", "蔡玉卿", "蔡玉卿"]),
])
def test_one_reading_per_name(extractor, text, names):
    assert [e.text for e in extractor(text).ents if e.label_ == "PERSON"] == names


def test_a_surname_before_a_given_name_used_alone_stays(extractor):
    text = "钱钟书和我同在英国牛津的时候，温源宁先生来信要钟书为他写个英文书评。"
    assert "钱钟书" in [e.text for e in extractor(text).ents if e.label_ == "PERSON"]


def test_a_one_character_abbreviation_in_a_word_for_its_people_is_no_place(extractor):
    ents = [(e.text, e.label_) for e in extractor("２００多名华人华侨和港商出席，访华期间").ents]
    assert ("华", "GPE") in ents and ents.count(("华", "GPE")) == 1   # 访华 keeps its GPE


@pytest.mark.parametrize("text,name,label", [
    ("据开发商贝塞斯达表示，游戏很难", "贝塞斯达", "ORG"),   # a trade role before a name: a company
    ("游戏发行商育碧宣布", "育碧", "ORG"),
])
def test_a_name_after_a_trade_role_is_a_company(extractor, text, name, label):
    assert (name, label) in [(e.text, e.label_) for e in extractor(text).ents]


def test_a_child_named_by_birth_order_after_a_model_person_is_cut_off():
    ner, _ = stage([("PER", "房玄龄次子"), ("PER", "宋庆龄长女")])
    doc = ner(words("是宰相房玄龄次子，又见宋庆龄长女"))
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["房玄龄", "宋庆龄"]


def test_a_people_a_dates_day_and_a_biographys_subject_are_no_places():
    ner, _ = stage([("LOC", "朝鲜"), ("LOC", "日"), ("LOC", "真马斯路")])
    doc = ner(words("朝鲜族，3月29 日生"))
    assert [e.text for e in doc.ents] == []
    doc = ner(words("真马斯路，男，1986年生"))
    assert [(e.text, e.label_) for e in doc.ents] == [("真马斯路", "PERSON")]


def test_a_regnal_number_joins_the_name_and_a_songs_credit_leaves_it():
    ner, _ = stage([("PER", "查尔斯"), ("PER", "江羽词"), ("PER", "张三")])
    doc = ner(words("查尔斯三世加冕，江羽词　●，张三十世纪"))
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["查尔斯三世", "江羽", "张三"]


def test_a_model_org_opening_with_a_places_firm_starts_at_the_firms_name():
    from nlp.pipeline.merge import Ent, add_entities
    ner, _ = stage([("ORG", "上虞企业浙江金盾风机股份有限公司")])
    doc = _segmented("上虞企业浙江金盾风机股份有限公司董事长",
                     ["上虞", "企业", "浙江", "金盾", "风机", "股份", "有限公司", "董事长"])
    add_entities(doc, [Ent(0, 2, "GPE", "330604"), Ent(4, 16, "ORG")])   # the places and orgs stages
    doc = ner(doc)
    assert [(e.text, e.label_) for e in doc.ents][:2] == [("上虞", "GPE"), ("浙江金盾风机股份有限公司", "ORG")]


def test_a_model_org_of_business_words_only_is_no_organisation():
    ner, _ = stage([("ORG", "实业有限公司"), ("ORG", "腾讯科技有限公司")])
    doc = ner(words("注册登记的实业有限公司，腾讯科技有限公司"))
    assert [e.text for e in doc.ents] == ["腾讯科技有限公司"]


def test_a_preposition_and_a_known_body_are_no_name():
    ner, _ = stage([("PER", "于清华")])
    doc = ner(words("他毕业于清华"))
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == []


def test_a_post_qualifier_read_into_an_org_stays_outside():
    # SPEC keeps 原, 前, 时任 outside the title; before a post they are no part of the name either
    ner, _ = stage([("ORG", "铜峰电子原"), ("PER", "王晓云")])
    doc = ner(words("铜峰电子原董事长王晓云说"))
    assert [(e.text, e.label_) for e in doc.ents] == [("铜峰电子", "ORG"), ("王晓云", "PERSON")]


def test_a_brand_read_into_a_persons_name_is_cut_off(extractor):
    ents = [(e.text, e.label_) for e in extractor("小米雷军回应了质疑。创始人本田宗一郎。").ents]
    assert ("小米", "ORG") in ents and ("雷军", "PERSON") in ents and ("本田宗一郎", "PERSON") in ents
