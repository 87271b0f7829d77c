"""The NER model's static bigram vectors: keyed exactly as char_features writes NORM."""
import numpy
import pytest
import spacy
from spacy.vectors import Vectors

from nlp.pipeline.bigram_embed import bigram_vectors, char_bigram_embed
from nlp.pipeline.char_features import CharFeatures
from nlp.training.ner import parse_overrides
from nlp.training.vectors import bigrams


def _char_doc(nlp, text):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))


def test_bigrams_match_char_features():
    nlp = spacy.blank("zh")
    text = "国务院总理李鹏。"
    doc = CharFeatures()(_char_doc(nlp, text))
    assert bigrams(text) == [t.norm_ for t in doc]
    assert bigrams(text)[-1] == "。</s>"


def test_vectors_looked_up_by_bigram_unknown_is_zero():
    nlp = spacy.blank("zh")
    # keys are bigrams: a lookup by ORTH (the single character) would find nothing
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, keys=["北京", "京市"],
                                data=numpy.ones((2, 4), dtype="float32"))
    doc = CharFeatures()(_char_doc(nlp, "北京市"))
    layer = bigram_vectors(3)
    layer.initialize(X=[doc])
    out = layer.predict([doc]).data
    assert out.shape == (3, 3)
    assert numpy.abs(out[0]).sum() > 0 and numpy.abs(out[1]).sum() > 0
    assert numpy.abs(out[2]).sum() == 0  # "市</s>" is not in the table


def test_embed_needs_a_vectors_table():
    nlp = spacy.blank("zh")
    doc = CharFeatures()(_char_doc(nlp, "北京"))
    model = char_bigram_embed(8, ["ORTH", "NORM"], [10, 10])
    with pytest.raises(ValueError, match="bigram vectors are missing"):
        model.initialize(X=[doc])


def test_parse_overrides():
    assert parse_overrides(["a.b=2", "c=true", "d=build/v"]) == {"a.b": 2, "c": True, "d": "build/v"}
    with pytest.raises(ValueError):
        parse_overrides(["novalue"])
