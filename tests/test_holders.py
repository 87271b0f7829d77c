"""The holder scorer: who holds a title the person_title rules gave to no one."""
import json

import pytest

from nlp.errors import ModelLoadError
from nlp.lexicon import holders
from nlp.lexicon.holders import HolderModel, candidates
from nlp.lexicon.relations import E, person_titles
from nlp.pipeline.relations import Relations, default_holder_model
from nlp.training.holders import Example, DocumentPairs, fit, score

# a biography: the posts stand far from the subject, and no rule shape links them
TEXT = "陈公白生于上海。一九五〇年后，做过研究所的组长和所长。王明是他的同学。"


# each surface occurs once in TEXT
ENTS = [E(TEXT.index(s), TEXT.index(s) + len(s), label, s) for s, label in (
    ("陈公白", "PERSON"), ("上海", "GPE"), ("一九五〇年", "DATE"), ("组长", "TITLE"), ("所长", "TITLE"), ("王明", "PERSON"))]
#: the person written before the title, with no sentence break between, holds it
BEFORE = HolderModel({"side=L": 1.0, "side=R": -3.0, "sentences=L0": 1.0, "sentences=L1": 0.5}, -1.0, 0.5, 200)


def test_the_rules_alone_give_these_titles_to_no_one():
    assert person_titles(TEXT, ENTS) == []


def test_the_scorer_gives_an_unheld_title_to_its_best_candidate():
    pairs = person_titles(TEXT, ENTS, BEFORE)
    assert {(p["person"], p["title"]) for p in pairs} == {("陈公白", "组长"), ("陈公白", "所长")}


def test_a_candidate_below_the_threshold_holds_nothing():
    strict = HolderModel(BEFORE.weights, BEFORE.bias, 0.9, 200)
    assert person_titles(TEXT, ENTS, strict) == []


def test_a_title_the_rules_gave_is_not_scored_again():
    found = dict(candidates(TEXT, ENTS, [("王明", "组长")], 200))
    assert [ENTS[j].text for j in found] == ["所长"]
    assert {ENTS[i].text for i, _ in found[4]} == {"陈公白", "王明"}


def test_a_person_beyond_the_window_is_no_candidate():
    found = dict(candidates(TEXT, ENTS, [], 5))
    assert all(ENTS[i].text != "陈公白" for cands in found.values() for i, _ in cands)


@pytest.mark.parametrize("text,ents", [
    ("李明会见了美国总统。", [("李明", "PERSON"), ("美国", "GPE"), ("总统", "TITLE")]),      # a verb of meeting
    ("王毅同俄罗斯外长通电话。", [("王毅", "PERSON"), ("俄罗斯", "GPE"), ("外长", "TITLE")]),  # a preposition before the body
    ("李明向总经理汇报工作。", [("李明", "PERSON"), ("总经理", "TITLE")]),
])
def test_a_title_that_is_the_object_of_the_persons_verb_is_not_theirs(text, ents):
    es = [E(text.index(s), text.index(s) + len(s), label, s) for s, label in ents]
    title = next(k for k, e in enumerate(es) if e.label == "TITLE")
    assert holders.object_of_the_person(text, es, title, 0)
    assert person_titles(text, es, BEFORE) == []   # the scorer's best candidate, vetoed


def test_a_title_elected_after_a_greeting_is_not_the_greeters():
    text = "习近平致电祝贺当选总统。"
    es = [E(0, 3, "PERSON", "习近平"), E(text.index("总统"), text.index("总统") + 2, "TITLE", "总统")]
    assert person_titles(text, es) == []


def test_the_features_say_which_side_the_person_is_on():
    found = dict(candidates(TEXT, ENTS, [], 200))
    sides = {ENTS[i].text: next(f for f in fs if f.startswith("side=")) for i, fs in found[3]}
    assert sides == {"陈公白": "side=L", "王明": "side=R"}


def test_fit_learns_the_side_and_is_deterministic():
    def example(holder_left):
        left, right = ["side=L", "x"], ["side=R", "x"]
        return Example("d", "组长", False, [("甲", left), ("乙", right)], {"甲" if holder_left else "乙"})
    docs = [DocumentPairs("d", set(), {("甲", "组长")}, [example(True)]) for _ in range(20)]
    a, b = fit(docs, min_count=1), fit(docs, min_count=1)
    assert a == b
    assert a.weights["side=L"] > 0 > a.weights["side=R"]
    assert score(a, docs)["f"] == 1.0 and score(None, docs)["f"] == 0.0


def test_a_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelLoadError, match="train holders"):
        holders.load(str(tmp_path / "none.json"))


def test_the_shipped_model_is_trained_on_the_dev_gold_only():
    data = json.loads(default_holder_model().read_text(encoding="utf-8"))
    assert data["trained_on"] == "real_dev.jsonl"
    model = HolderModel.from_json(data)
    assert 0 < model.threshold < 1 and model.window > 0 and len(model.weights) > 100


def test_the_pipeline_uses_the_shipped_scorer_unless_configured_off(extractor):
    assert extractor.get_pipe("relations").holders == holders.load(str(default_holder_model()))
    assert Relations(None).holders is None


def test_the_scorer_is_saved_with_the_component(tmp_path):
    saved = Relations(None)
    saved.holders = BEFORE
    saved.to_disk(tmp_path / "with")
    assert Relations(None).from_disk(tmp_path / "with").holders == BEFORE
    Relations(None).to_disk(tmp_path / "without")
    assert Relations().from_disk(tmp_path / "without").holders is None
