"""The learnt organisation endings (nlp/data/org_endings.tsv) as _named_org reads them."""
from nlp.pipeline.entities import _named_org


def test_learnt_endings_name_organisations():
    # endings the hand lists lack, learnt from MSRA train
    assert _named_org("中国足协")
    assert _named_org("美国国防部")


def test_non_organisations_do_not_end_like_one():
    # the cases the policy exists to avoid (entities.py docstring)
    for phrase in ("日本电影", "中国国际收支", "泰国银行界人士"):
        assert not _named_org(phrase), phrase
