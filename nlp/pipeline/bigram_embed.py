"""The NER model's embedding layer: hash embeddings plus static character-bigram vectors.

spaCy's ``MultiHashEmbed`` can add static vectors, but its ``StaticVectors`` looks tokens up
by ``vocab.vectors.attr``, and spaCy 3.8 saves that attribute only for floret tables: a
NORM-keyed table comes back from disk keyed on ORTH. Our vectors are bigrams (the token's
``norm_``, written by ``zh_news_char_features``; trained by ``nlp/training/vectors.py``), so
this layer looks them up by NORM itself. Everything else is ``MultiHashEmbed.v2``.
A bigram missing from the table gets a zero vector; its hash embedding still carries it.
"""
from __future__ import annotations

from typing import List

from spacy.attrs import NORM
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.initializers import glorot_uniform_init
from thinc.types import Floats2d, Ragged


BIGRAM_EMBED = "zh_news.CharBigramEmbed.v1"


@registry.architectures(BIGRAM_EMBED)
def char_bigram_embed(width: int, attrs: List[str], rows: List[int]) -> Model[List[Doc], List[Floats2d]]:
    """Hash-embed ``attrs`` (one table of ``rows[i]`` rows each), add the projected bigram
    vector, and mix them with one Maxout layer to ``width``, as ``MultiHashEmbed.v2`` does."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings = [HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))]
    hashed = chain(FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings)))
    mix = with_array(Maxout(width, width * (len(attrs) + 1), nP=3, dropout=0.0, normalize=True))
    return chain(concatenate(hashed, bigram_vectors(width)), mix, ragged2list())


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
