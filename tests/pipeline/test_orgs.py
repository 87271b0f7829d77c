"""Tests of the ORG stage (zh_news_orgs) and the organ + title split conventions."""
from __future__ import annotations

import pytest
import spacy

import nlp.extensions  # noqa: F401
import nlp.pipeline  # noqa: F401
import nlp.tokenizer  # noqa: F401

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
    ("海尔集团、华为技术有限公司和亨通通信产业集团",
     [("海尔集团", "ORG"), ("华为技术有限公司", "ORG"), ("亨通通信产业集团", "ORG")]),
    ("中国西部地区", [("中国", "GPE")]),
]


@pytest.fixture(scope="module")
def rules_nlp():
    nlp_ = spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "zh_news.Tokenizer.v1", "segmenter": "jieba"}}})
    for name in ("zh_news_places", "zh_news_orgs", "zh_news_titles", "zh_news_person_cues"):
        nlp_.add_pipe(name)
    nlp_.initialize()
    return nlp_


@pytest.mark.parametrize("text,expected", CASES)
def test_orgs_entities(rules_nlp, text, expected):
    ents = [(e.text, e.label_) for e in rules_nlp(text).ents if e.label_ != "LOC"]
    assert ents == expected


def test_orgs_replace_the_place_inside(rules_nlp):
    doc = rules_nlp("青岛市人民政府承办")
    assert [(e.text, e.label_) for e in doc.ents] == [("青岛市人民政府", "ORG")]
