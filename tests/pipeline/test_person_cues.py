"""Tests of the PERSON cue stage (zh_news_person_cues)."""
from __future__ import annotations

import pytest
import spacy

import nlp.extensions  # noqa: F401
import nlp.pipeline  # noqa: F401
import nlp.tokenizer  # noqa: F401

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
]


@pytest.fixture(scope="module")
def rules_nlp():
    nlp_ = spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "zh_news.Tokenizer.v1", "segmenter": "jieba"}}})
    for name in ("zh_news_places", "zh_news_orgs", "zh_news_titles", "zh_news_person_cues"):
        nlp_.add_pipe(name)
    nlp_.initialize()
    return nlp_


@pytest.mark.parametrize("text,persons", CASES)
def test_person_cues_found(rules_nlp, text, persons):
    assert [e.text for e in rules_nlp(text).ents if e.label_ == "PERSON"] == persons
