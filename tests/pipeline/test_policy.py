"""The conflict policy options the model stage uses (entities.add_entities)."""
from __future__ import annotations

import pytest

from nlp.pipeline.merge import Ent, add_entities
from nlp.lexicon.model_spans import place_label


@pytest.mark.parametrize("text,start,kept", [
    ("中日两国领导人会见", 0, True),    # 中日: a two-character word of abbreviations
    ("他说美方不会放弃", 2, True),      # 美方
    ("全县中药材种植面积", 2, False),   # 中 inside 中药材
    ("亚运会开幕", 0, False),           # 亚 inside 亚运会
])
def test_policy_one_character_place_only_in_a_short_word(zh_jieba, text, start, kept):
    doc = zh_jieba(text)
    add_entities(doc, [Ent(start, start + 1, "GPE")])
    assert bool([e for e in doc.ents if e.label_ == "GPE"]) is kept


def test_policy_one_character_abbreviation_labels():
    assert place_label("美") == ("GPE", None)
    assert place_label("淮") == ("LOC", None)


@pytest.mark.parametrize("text,org_end,replaced", [
    ("欧洲中央银行负责发行欧元", 6, True),   # ends in 银行
    ("上海申花队主场获胜", 5, True),         # a team
    ("日本电影在国内上映", 4, False),        # no organisation ending: 日本 stays GPE
])
def test_policy_named_org_over_places(zh_jieba, text, org_end, replaced):
    doc = zh_jieba(text)
    add_entities(doc, [Ent(0, 2, "GPE")])
    add_entities(doc, [Ent(0, org_end, "ORG")], named_orgs_over_places=True)
    assert ([e.label_ for e in doc.ents] == ["ORG"]) is replaced
    doc = zh_jieba(text)
    add_entities(doc, [Ent(0, 2, "GPE")])
    add_entities(doc, [Ent(0, org_end, "ORG")])  # not asked: the place stays
    assert [e.label_ for e in doc.ents] == ["GPE"]
