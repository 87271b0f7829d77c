"""The segmenter: both back ends, width folding, user words, offsets."""
import pytest
import spacy

from nlp.tokenizer import NewsTokenizer, merge_user_words

MERGE_CASES = [
    (["青岛", "市", "举行"], {"青岛市"}, ["青岛市", "举行"]),
    (["青岛市委", "书记"], {"青岛市"}, ["青岛市委", "书记"]),  # never splits
    (["黔南", "布依族", "苗族", "自治州"], {"黔南布依族苗族自治州"}, ["黔南布依族苗族自治州"]),
    (["a", "b", "c"], {"ab", "abc"}, ["abc"]),
]


@pytest.mark.parametrize("tokens,words,expected", MERGE_CASES)
def test_tokenizer_merge_user_words(tokens, words, expected):
    assert merge_user_words(tokens, words, max(map(len, words))) == expected


@pytest.mark.parametrize("segmenter", ["jieba", "pkuseg", "char"])
def test_tokenizer_keeps_text_and_folds_width(segmenter):
    tok = NewsTokenizer(spacy.blank("zh").vocab, segmenter)
    text = "２０２１年　ＡＢＣ公司收入１２３万元。\n 第二段 text"
    doc = tok(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text
    if segmenter != "char":
        # folded digits segment like ASCII ones: the year stays one word
        assert "２０２１年" in [t.text for t in doc] or "２０２１" in [t.text for t in doc]


def test_tokenizer_pkuseg_follows_pku_standard():
    tok = NewsTokenizer(spacy.blank("zh").vocab, "pkuseg")
    words = tok.cut("中共中央总书记、国家主席江泽民发表1998年新年讲话")
    assert "江" in words and "泽民" in words  # surname and given name split, as PKU does
    assert "1998年" in words


def test_tokenizer_default_is_the_joint_tagger(extractor):
    assert isinstance(extractor.tokenizer, NewsTokenizer)
    assert extractor.tokenizer.segmenter == "tagger"
    doc = extractor("国务院总理出席会议。")
    assert [t.text for t in doc][:3] == ["国务院", "总理", "出席"]


def test_tokenizer_rejects_unknown_segmenter():
    with pytest.raises(ValueError, match="segmenter"):
        NewsTokenizer(spacy.blank("zh").vocab, "foo")


def test_tokenizer_serialises_settings(tmp_path):
    tok = NewsTokenizer(spacy.blank("zh").vocab, "jieba", user_words=["青岛市"])
    tok.to_disk(tmp_path)
    other = NewsTokenizer(spacy.blank("zh").vocab, "pkuseg").from_disk(tmp_path)
    assert (other.segmenter, other.user_words) == ("jieba", ["青岛市"])


@pytest.mark.parametrize("text", ["四\n川省成都市", "首席\xa0执行官张伟", "黔南\u3000布依族苗族自治州", "乌兰\t察布市"])
def test_tagger_user_words_never_join_across_whitespace(extractor, text):
    # a user word (四川省, 首席执行官) split by a space or a line break stays two tokens:
    # joined, its text would differ from the document's and spaCy could not align it
    doc = extractor(text)
    assert doc.text == text
    assert all(not t.text.strip() or not any(c.isspace() for c in t.text) for t in doc)
