"""The NER model's lexicon features: ExSoftword marks (char_features) and the soft-lexicon
word-vector layer (bigram_embed.soft_lexicon)."""
import numpy
import pytest
import spacy
from spacy.tokens import Doc

from nlp.pipeline.bigram_embed import soft_lexicon
from nlp.pipeline.char_features import CharFeatures, lexicon_features, lexicon_flags


def _char_doc(nlp, text):
    return Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))


def test_lexicon_marks_every_covering_word():
    marks = lexicon_features("中华人民共和国")
    assert len(marks) == 7
    assert "B:ns" in marks[0].split()          # 中华人民共和国 begins here
    assert "E:ns" in marks[6].split()          # ... and ends here
    assert "M:ns" in marks[3].split()
    assert len(marks[3].split()) > 1           # 人民 and 中华人民共和国 both cover 民
    assert lexicon_features("。，") == ["", ""]


def test_lexicon_holds_the_rule_stage_place_lists():
    from nlp import data

    name = next(f[0] for _, f in data.read_tsv("places.tsv") if 2 <= len(f[0]) <= 8)
    assert lexicon_flags()[name] == "ns"


def test_lemma_written_only_when_asked():
    nlp = spacy.blank("zh")
    plain = CharFeatures()(_char_doc(nlp, "北京市"))
    marked = CharFeatures(lexicon=True)(_char_doc(nlp, "北京市"))
    assert [t.lemma_ for t in plain] == ["", "", ""]
    assert [t.lemma_ for t in marked] == lexicon_features("北京市")


def _word_table(tmp_path, words, dim=4):
    (tmp_path / "words.txt").write_text("".join(w + "\n" for w in words), encoding="utf-8")
    numpy.save(tmp_path / "vectors.npy", numpy.arange(len(words) * dim, dtype="float32").reshape(len(words), dim) + 1)
    return str(tmp_path)


def test_soft_lexicon_begin_middle_end(tmp_path):
    nlp = spacy.blank("zh")
    layer = soft_lexicon(3, _word_table(tmp_path, ["北京市", "北京"]))
    doc = _char_doc(nlp, "北京市长")
    layer.initialize(X=[doc])
    assert layer.get_param("W").shape == (3, 12)  # 3 slots (B, M, E) x 4 dims
    layer.set_param("W", numpy.ones((3, 12), dtype="float32"))
    out, _ = layer([doc], is_train=False)
    rows = out.data
    assert rows.shape == (4, 3)
    assert numpy.abs(rows[:3]).sum() > 0
    assert numpy.abs(rows[3]).sum() == 0       # 长 is in no word of the table


def test_soft_lexicon_table_survives_serialisation(tmp_path):
    nlp = spacy.blank("zh")
    layer = soft_lexicon(3, _word_table(tmp_path, ["北京市", "北京"]))
    doc = _char_doc(nlp, "北京市")
    layer.initialize(X=[doc])
    before = layer.predict([doc]).data
    again = soft_lexicon(3, None).from_bytes(layer.to_bytes())
    assert again.attrs["words"] == ["北京市", "北京"]
    assert numpy.allclose(again.predict([doc]).data, before)


def test_soft_lexicon_needs_a_table():
    nlp = spacy.blank("zh")
    with pytest.raises(ValueError, match="word vectors are missing"):
        soft_lexicon(3, None).initialize(X=[_char_doc(nlp, "北京")])
