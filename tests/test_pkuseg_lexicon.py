"""Lexicon features for pkuseg: which dictionary words start, end or span each character."""
import pytest

from nlp import pkuseg_lexicon
from nlp.pkuseg_lexicon import lexicon_features


def test_features_mark_start_end_and_inside():
    feats = lexicon_features(list("中华人民共和国"), {"中华", "人民", "共和国", "中华人民共和国"})
    assert feats[0] == ["lx.B.2"]            # 中华人民共和国 (7) is longer than MAX_LEN
    assert "lx.E.2" in feats[1] and "lx.B.2" in feats[2]
    assert feats[4] == ["lx.B.3"]
    assert feats[5] == ["lx.M.3"]
    assert feats[6] == ["lx.E.3"]


def test_inside_takes_the_longest_word():
    feats = lexicon_features(list("abcdef"), {"bcdef", "cd"})
    assert "lx.M.5" in feats[2] and "lx.M.2" not in feats[2]
    assert feats[0] == []


def test_no_lexicon_no_features():
    assert lexicon_features(list("人民"), set()) == [[], []]


def test_jieba_words_are_han_words_of_supported_length():
    words = pkuseg_lexicon.jieba_words()
    assert len(words) > 100_000
    assert all(2 <= len(w) <= pkuseg_lexicon.MAX_LEN and not any(c.isascii() for c in w) for w in words)


def test_model_trained_with_lexicon_refuses_to_load_without_it(tmp_path):
    class Extractor:
        feature_to_idx = {"lx.B.2": 7}

    class Segmenter:
        feature_extractor = Extractor()

    with pytest.raises(FileNotFoundError, match="lexicon"):
        pkuseg_lexicon.attach(Segmenter(), tmp_path)


def test_attach_keeps_the_extractor_state(tmp_path):
    from spacy_pkuseg.feature_extractor import FeatureExtractor

    old = FeatureExtractor.__new__(FeatureExtractor)
    old.feature_to_idx, old.unigram, old.bigram, old.tag_to_idx = {"lx.B.2": 3}, set(), set(), {}

    class Segmenter:
        feature_extractor = old

    (tmp_path / "lexicon.txt").write_text("人民\n", encoding="utf-8")
    seg = Segmenter()
    pkuseg_lexicon.attach(seg, tmp_path)
    assert seg.feature_extractor.feature_to_idx is old.feature_to_idx
    assert seg.feature_extractor._lexicon_feats(list("人民"))[0] == ["lx.B.2"]
