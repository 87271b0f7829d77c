"""The learnt organisation endings (nlp/data/org_endings.tsv) as named_org reads them."""
from nlp.lexicon.orgs import named_org


def test_learnt_endings_name_organisations():
    # endings the hand lists lack, learnt from MSRA train
    assert named_org("中国足协")
    assert named_org("美国国防部")


def test_non_organisations_do_not_end_like_one():
    # the cases the policy exists to avoid (entities.py docstring)
    for phrase in ("日本电影", "中国国际收支", "泰国银行界人士"):
        assert not named_org(phrase), phrase


def test_passive_suo_is_no_office(rules_nlp):
    doc = rules_nlp("仅仅一个晚上，马赛城就被荷兰球迷所占领。")
    assert not [e for e in doc.ents if e.label_ == "ORG"]
    doc = rules_nlp("北京市公安局朝阳分局派出所民警赶到。")
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["北京市公安局朝阳分局派出所"]
