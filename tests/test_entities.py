"""The entity writer: token splitting and the conflict policy."""
from nlp.pipeline.merge import Ent, add_entities


def test_entities_split_tokens_inside_words(zh_jieba):
    doc = zh_jieba("武汉市委书记出席会议")
    add_entities(doc, [Ent(0, 4, "ORG"), Ent(4, 6, "TITLE")])
    assert [(e.text, e.label_) for e in doc.ents] == [("武汉市委", "ORG"), ("书记", "TITLE")]
    assert "".join(t.text_with_ws for t in doc) == "武汉市委书记出席会议"


def test_entities_existing_wins_over_overlap(zh_jieba):
    doc = zh_jieba("湖北省人民政府发布通知")
    add_entities(doc, [Ent(0, 3, "GPE", "420000")])
    add_entities(doc, [Ent(0, 7, "ORG")])
    assert [e.text for e in doc.ents] == ["湖北省"]


def test_entities_replace_contained(zh_jieba):
    doc = zh_jieba("湖北省人民政府发布通知")
    add_entities(doc, [Ent(0, 3, "GPE", "420000")])
    add_entities(doc, [Ent(0, 7, "ORG")], replace_contained=True)
    assert [(e.text, e.label_) for e in doc.ents] == [("湖北省人民政府", "ORG")]


def test_entities_keep_value_and_unit(zh_jieba):
    doc = zh_jieba("产量达到31.5万辆")
    add_entities(doc, [Ent(4, 10, "QUANTITY", 315000, "辆")])
    add_entities(doc, [Ent(0, 2, "TITLE")])
    ent = [e for e in doc.ents if e.label_ == "QUANTITY"][0]
    assert (ent._.value, ent._.unit) == (315000, "辆")


def test_entities_candidates_do_not_overlap_each_other(zh_jieba):
    doc = zh_jieba("北京市海淀区")
    add_entities(doc, [Ent(0, 3, "GPE"), Ent(2, 6, "GPE"), Ent(3, 6, "GPE")])
    spans = [(e.start_char, e.end_char) for e in doc.ents]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_entities_place_extended_left_replaces_its_tail(zh_jieba):
    doc = zh_jieba("苏丹东部的红海州近日")
    add_entities(doc, [Ent(6, 8, "GPE")])                       # the rule's 海州
    add_entities(doc, [Ent(5, 8, "GPE")], places_extended_left=True)
    assert [e.text for e in doc.ents] == ["红海州"]


def test_entities_place_extended_right_does_not_replace(zh_jieba):
    doc = zh_jieba("湖北省武汉市发布")
    add_entities(doc, [Ent(0, 3, "GPE")])
    add_entities(doc, [Ent(0, 6, "LOC")], places_extended_left=True)
    assert [e.text for e in doc.ents] == ["湖北省"]
