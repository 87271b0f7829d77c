"""The NER model's embedding layer: hash embeddings plus static character-bigram vectors.

spaCy's ``MultiHashEmbed`` can add static vectors, but its ``StaticVectors`` looks tokens up
by ``vocab.vectors.attr``, and spaCy 3.8 saves that attribute only for floret tables: a
NORM-keyed table comes back from disk keyed on ORTH. Our vectors are bigrams (the token's
``norm_``, written by ``zh_news_char_features``; trained by ``nlp/training/vectors.py``), so
this layer looks them up by NORM itself. Everything else is ``MultiHashEmbed.v2``.
A bigram missing from the table gets a zero vector; its hash embedding still carries it.
"""
from __future__ import annotations

from pathlib import Path
from typing import List

import numpy

from spacy.attrs import NORM
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.initializers import glorot_uniform_init
from thinc.types import Floats2d, Ragged

from .char_features import lexicon_matches


BIGRAM_EMBED = "zh_news.CharBigramEmbed.v1"
LEXICON_EMBED = "zh_news.CharLexiconEmbed.v1"


@registry.architectures(BIGRAM_EMBED)
def char_bigram_embed(width: int, attrs: List[str], rows: List[int]) -> Model[List[Doc], List[Floats2d]]:
    """Hash-embed ``attrs`` (one table of ``rows[i]`` rows each), add the projected bigram
    vector, and mix them with one Maxout layer to ``width``, as ``MultiHashEmbed.v2`` does."""
    return chain(concatenate(_hashed(width, attrs, rows), bigram_vectors(width)),
                 _mix(width, len(attrs) + 1), ragged2list())


def _hashed(width: int, attrs: List[str], rows: List[int]) -> Model[List[Doc], Ragged]:
    """One HashEmbed table per attribute, concatenated, as ``MultiHashEmbed.v2`` builds them."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings = [HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))]
    return chain(FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings)))


def _mix(width: int, parts: int) -> Model[Ragged, Ragged]:
    """The Maxout layer that mixes ``parts`` concatenated inputs of ``width`` to ``width``."""
    return with_array(Maxout(width, width * parts, nP=3, dropout=0.0, normalize=True))


def bigram_vectors(nO: int) -> Model[List[Doc], Ragged]:
    """Each token's NORM looked up in ``vocab.vectors``, times a learnt (nO, nM) matrix."""
    return Model("bigram_vectors", _forward, init=_init, params={"W": None}, dims={"nO": nO, "nM": None})


def _forward(model: Model, docs: List[Doc], is_train: bool):
    ops = model.ops
    lengths = ops.asarray1i([len(doc) for doc in docs])
    W = ops.as_contig(model.get_param("W"))
    if not sum(len(doc) for doc in docs):
        return Ragged(ops.alloc2f(0, model.get_dim("nO")), lengths), lambda d: []
    vectors = docs[0].vocab.vectors
    keys = ops.flatten([doc.to_array(NORM) for doc in docs])
    rows = vectors.find(keys=keys)
    V = ops.as_contig(ops.asarray(vectors.data)[rows])
    out = ops.gemm(V, W, trans2=True)
    out[rows < 0] = 0

    def backprop(d_out: Ragged) -> List[Doc]:
        model.inc_grad("W", ops.gemm(d_out.data, V, trans1=True))
        return []

    return Ragged(out, lengths), backprop


def _init(model: Model, X: List[Doc] | None = None, Y=None) -> Model:
    if X:
        model.set_dim("nM", X[0].vocab.vectors.shape[1])
    if not model.has_dim("nM") or not model.get_dim("nM"):
        raise ValueError("the NER model's bigram vectors are missing: [initialize] vectors "
                         "must name a table (python -m nlp.training.vectors)")
    model.set_param("W", glorot_uniform_init(model.ops, (model.get_dim("nO"), model.get_dim("nM"))))
    return model


@registry.architectures(LEXICON_EMBED)
def char_lexicon_embed(width: int, attrs: List[str], rows: List[int],
                       word_vectors: str | None = None) -> Model[List[Doc], List[Floats2d]]:
    """``CharBigramEmbed`` plus soft-lexicon word vectors (``soft_lexicon``), all mixed by
    one Maxout layer. ``word_vectors`` is read only when the model is initialised for
    training; a trained model carries the table in its weights."""
    return chain(concatenate(_hashed(width, attrs, rows), bigram_vectors(width), soft_lexicon(width, word_vectors)),
                 _mix(width, len(attrs) + 2), ragged2list())


def soft_lexicon(nO: int, path: str | None) -> Model[List[Doc], Ragged]:
    """SoftLexicon features (Ma et al. 2020, "Simplify the usage of lexicon in Chinese NER"):
    for each character, the mean static vector of the lexicon words that Begin at it, of
    those that have it in the Middle, and of those that End at it, concatenated (3 x nM) and
    projected to ``nO`` by a learnt matrix. The word table (``E``, words in attrs) is static:
    it gets no gradient. Words come from ``nlp/training/vectors.py train_word_vectors``."""
    cache: dict = {}

    def forward(model: Model, docs: List[Doc], is_train: bool):
        ops = model.ops
        lengths = ops.asarray1i([len(doc) for doc in docs])
        W = ops.as_contig(model.get_param("W"))
        E = model.get_param("E")
        words = model.attrs["words"]
        if cache.get("words") is not words:
            cache["words"], cache["index"] = words, {w: i for i, w in enumerate(words)}
        index = cache["index"]
        n_tok = int(sum(len(doc) for doc in docs))
        nM = E.shape[1]
        sums = numpy.zeros((n_tok, 3, nM), dtype="float32")
        counts = numpy.zeros((n_tok, 3, 1), dtype="float32")
        tok_ids, slots, word_rows = [], [], []
        offset = 0
        for doc in docs:
            chars = [t.text for t in doc]
            if all(len(c) == 1 for c in chars):
                for i, n, row in lexicon_matches("".join(chars), index):
                    for j in range(i, i + n):
                        tok_ids.append(offset + j)
                        slots.append(0 if j == i else (2 if j == i + n - 1 else 1))
                        word_rows.append(row)
            offset += len(doc)
        if tok_ids:
            t, s = numpy.asarray(tok_ids), numpy.asarray(slots)
            numpy.add.at(sums, (t, s), ops.to_numpy(E)[numpy.asarray(word_rows)])
            numpy.add.at(counts, (t, s), 1.0)
        X = ops.asarray2f((sums / numpy.maximum(counts, 1.0)).reshape(n_tok, 3 * nM))
        out = ops.gemm(X, W, trans2=True) if n_tok else ops.alloc2f(0, model.get_dim("nO"))

        def backprop(d_out: Ragged) -> List[Doc]:
            if n_tok:
                model.inc_grad("W", ops.gemm(d_out.data, X, trans1=True))
            return []

        return Ragged(out, lengths), backprop

    def init(model: Model, X=None, Y=None) -> Model:
        if path is None:
            raise ValueError("the NER model's soft-lexicon word vectors are missing: set "
                             "word_vectors (python -m nlp.training.vectors --words)")
        folder = Path(path)
        words = folder.joinpath("words.txt").read_text(encoding="utf-8").split("\n")[:-1]
        E = numpy.load(folder / "vectors.npy").astype("float32")
        if len(words) != E.shape[0]:
            raise ValueError(f"{folder}: {len(words)} words but {E.shape[0]} vectors")
        model.attrs["words"] = words
        model.set_dim("nM", E.shape[1])
        model.set_param("E", model.ops.asarray2f(E))
        model.set_param("W", glorot_uniform_init(model.ops, (model.get_dim("nO"), 3 * E.shape[1])))
        return model

    return Model("soft_lexicon", forward, init=init, params={"W": None, "E": None},
                 dims={"nO": nO, "nM": None}, attrs={"words": []})
