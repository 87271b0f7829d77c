from nlp.lexicon import gazetteer, orgs
from nlp.data import read_tsv
from nlp.training.build_corpus_orgs import COMMON_WORDS


def test_corpus_orgs_are_suffixless_bodies_not_places_or_leagues():
    names = [f[0] for _, f in read_tsv("orgs_corpus.tsv")]
    assert len(names) > 100
    for name in names:
        assert gazetteer.lookup(name) is None, name
        assert not orgs.named_org(name), name
        assert not name.endswith(("超", "甲", "杯", "警方")), name
        assert name not in COMMON_WORDS, name   # 暴雪: the blizzard of a weather report
    assert {"暴雪娱乐", "曼联"} <= set(names) and "苹果" not in names


def test_corpus_orgs_are_known_orgs():
    assert "暴雪娱乐" in orgs.known() and "国务院" in orgs.known()


def test_a_weather_word_is_no_company(extractor):
    assert [e.text for e in extractor("吉林、黑龙江部分地区有暴雪。").ents if e.label_ == "ORG"] == []
