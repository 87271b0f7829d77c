"""Partial labels of the joint tagger's training data."""
import numpy as np

from nlp.tagging.tags import NER_INDEX, NER_TAGS
from nlp.training.tagger_data import cluener_examples, feasible, ner_allowed, pd1998_examples


def test_cluener_unannotated_chars_may_be_places_and_address_is_unknown():
    [x] = cluener_examples("张三在北京市朝阳区腾讯上班", [(0, 2, "name"), (3, 9, "address"), (9, 11, "company")])
    assert x.ner_allowed[0].sum() == 1 and x.ner_allowed[0, NER_INDEX["B-PER"]]
    assert x.ner_allowed[3:9].all()  # address: any tag
    assert x.ner_allowed[9, NER_INDEX["B-ORG"]] and x.ner_allowed[9].sum() == 1
    other = x.ner_allowed[2]  # 在: O or part of a LOC, never PER or ORG
    assert other[NER_INDEX["O"]] and other[NER_INDEX["S-LOC"]] and not other[NER_INDEX["S-PER"]]
    assert x.seg_tags is None


def test_pd1998_gives_entities_words_and_unknown_abbreviations():
    words = [("中共", "j", None), ("江", "nr", None), ("泽民", "nr", None), ("在", "p", None), ("北京", "ns", None)]
    [x] = pd1998_examples(words)
    assert x.text == "中共江泽民在北京"
    assert x.ner_allowed[:2].all()
    assert [NER_TAGS[i] for i in x.ner_allowed[2:].argmax(1)] == ["B-PER", "I-PER", "E-PER", "O", "B-LOC", "E-LOC"]
    assert list(x.seg_tags) == [0, 2, 3, 0, 2, 3, 0, 2]


def test_infeasible_labels_are_dropped():
    [x] = cluener_examples("张三", [(0, 2, "name")])
    bad = ner_allowed(2, [])
    bad[0] = False
    bad[0, NER_INDEX["I-PER"]] = True
    y = type(x)("张三", bad, None, "test")
    assert feasible([x, y]) == [x]
    assert np.array_equal(x.ner_allowed, feasible([x])[0].ner_allowed)
