"""The default pipeline as a spaCy Language: stages, analysis, provenance, pipe.

Saving and loading in a fresh process, and spawned workers: tests/test_saved_pipeline.py.
"""
import pickle

from nlp.pipeline import DEFAULT_PIPELINE

SPEC_TEXT = ("湖北省武汉市副市长李明表示，2022年全市新能源汽车产量达到31.5万辆，"
             "比上年增长百分之十二，产值约286亿元。")


def test_pipeline_stages_in_order(extractor):
    assert extractor.pipe_names == [n.replace("zh_news_", "") for n in DEFAULT_PIPELINE]
    assert extractor.pipe_names[-1] == "relations"


def test_pipeline_analysis_has_no_problems(extractor):
    analysis = extractor.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())


def test_pipeline_spec_example(extractor):
    doc = extractor(SPEC_TEXT)
    got = {(e.text, e.label_) for e in doc.ents}
    for expected in [("湖北省", "GPE"), ("武汉市", "GPE"), ("副市长", "TITLE"), ("李明", "PERSON"),
                     ("2022年", "DATE"), ("31.5万辆", "QUANTITY"), ("百分之十二", "PERCENT"), ("286亿元", "MONEY")]:
        assert expected in got
    money = [e for e in doc.ents if e.label_ == "MONEY"][0]
    assert (money._.value, money._.unit) == (28600000000, "元")
    assert {"person": "李明", "title": "副市长", "org": "武汉市"} in doc._.relations["person_title"]
    assert {"city": "武汉市", "province": "湖北省"} in doc._.relations["city_province"]


def test_pipeline_appointment_verb_ends_the_company_name(extractor):
    # 任 between a person and a company (pkuseg keeps it a word): the name starts after it,
    # and the title belongs to the person before the verb
    doc = extractor("2016年3月，张锐钢任天津港（集团）有限公司董事长。")
    assert ("天津港（集团）有限公司", "ORG") in {(e.text, e.label_) for e in doc.ents}
    assert {"person": "张锐钢", "title": "董事长", "org": "天津港（集团）有限公司"} in doc._.relations["person_title"]


def test_pipeline_dateline_word_is_no_part_of_a_company(extractor):
    # 讯 after 本报 ends the name, 讯 inside a brand does not (whether the company's 党委
    # joins the ORG is the model's call: SPEC has organs such as 武汉市委 as one ORG)
    doc = extractor("本报讯南方航空（集团）公司党委开展活动。北京天一讯灵科技有限公司成立。")
    orgs = [e.text for e in doc.ents if e.label_ == "ORG"]
    assert orgs[0] in ("南方航空（集团）公司", "南方航空（集团）公司党委")
    assert orgs[1:] == ["北京天一讯灵科技有限公司"]


def test_pipeline_statistical_spans_inside_words(extractor):
    # Names glued to neighbouring characters by the segmenter still come out whole.
    doc = extractor("记者张伟报道，王小红和赵大海昨天到达。")
    persons = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert "王小红" in persons and "赵大海" in persons
    for e in doc.ents:
        assert doc.text[e.start_char:e.end_char] == e.text


def test_pipeline_disable_a_stage(extractor):
    # 王小红 and 赵大海 have no cue a rule reads: only the model finds them
    text = "记者张伟报道，王小红和赵大海昨天到达。"
    full = extractor(text)
    with extractor.select_pipes(disable=["ner"]):
        without = extractor(text)
    assert "ner" in extractor.pipe_names
    persons = lambda doc: {e.text for e in doc.ents if e.label_ == "PERSON"}  # noqa: E731
    assert {"王小红", "赵大海"} <= persons(full)
    assert not {"王小红", "赵大海"} & persons(without)
    assert "ner" not in without.spans and "ner" in full.spans


def test_pipeline_every_entity_has_its_source(extractor):
    doc = extractor(SPEC_TEXT + "记者张伟报道，王小红和赵大海昨天到达。")
    sources = {e._.source for e in doc.ents}
    assert None not in sources and sources <= set(extractor.pipe_names)
    assert {"places", "titles", "numbers", "ner"} <= sources
    for e in doc.ents:  # each entity is one of its stage's candidates
        candidates = {(s.start_char, s.end_char, s.label_) for s in doc.spans[e._.source]}
        assert (e.start_char, e.end_char, e.label_) in candidates


def test_pipeline_requires_and_assigns(extractor):
    summary = extractor.analyze_pipes()["summary"]
    for stage in ("places", "orgs", "titles", "person_cues", "numbers", "ner"):
        assert summary[stage]["assigns"] == ["doc.spans"], stage
    assert "doc.ents" in summary["merge"]["assigns"] and summary["merge"]["requires"] == ["doc.spans"]
    assert summary["relations"]["requires"] == ["doc.ents"]


def test_pipeline_pipe_matches_call(extractor):
    texts = ["青岛市副市长李明出席。", "", "增长7.2%。", "国家发展改革委主任何立峰表示。"]
    piped = [[(e.text, e.label_) for e in d.ents] for d in extractor.pipe(texts, batch_size=2)]
    single = [[(e.text, e.label_) for e in extractor(t).ents] for t in texts]
    assert piped == single


def test_pipeline_pipe_with_two_processes(extractor):
    texts = ["青岛市委副书记、市长赵豪志出席会议。", "增长7.2%。", "", "国家统计局局长康义说。"]
    multi = list(extractor.pipe(texts, batch_size=2, n_process=2))
    single = [extractor(t) for t in texts]
    assert [[(e.text, e.label_) for e in d.ents] for d in multi] == [[(e.text, e.label_) for e in d.ents] for d in single]
    assert [d._.relations for d in multi] == [d._.relations for d in single]
    # everything else too: tokens and their attributes, span groups, every ._ value
    assert [d.to_bytes() for d in multi] == [d.to_bytes() for d in single]


def test_pipeline_pickles_after_use_without_its_models(extractor):
    before = extractor(SPEC_TEXT)
    data = pickle.dumps(extractor)
    assert len(data) < 10_000_000  # the segmenter (80 MB) and the NER model (17 MB) stay behind
    restored = pickle.loads(data)  # and load again on first use
    after = restored(SPEC_TEXT)
    assert [(e.start_char, e.end_char, e.label_, e._.value, e._.source) for e in after.ents] == \
        [(e.start_char, e.end_char, e.label_, e._.value, e._.source) for e in before.ents]
    assert after._.relations == before._.relations
