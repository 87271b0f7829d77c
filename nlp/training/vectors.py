"""Static character-bigram vectors for the NER model, trained on raw text of the corpora.

The NER model's tok2vec sees each character with its bigram (this character + the next,
``token.norm_``, written by ``zh_news_char_features``). Its hash embeddings learn only from
the labelled sentences; these vectors are learnt without labels (word2vec skip-gram over
bigram sequences) from every training text we may use, so a bigram seen rarely in the NER
data still arrives with a meaning. The table is keyed on NORM, so spaCy's ``StaticVectors``
looks each token's bigram up; it ships inside the NER model (``vocab/vectors``).

Texts: MSRA train less the dev split (``ner.msra_split``), People's Daily 1998-01 less the
reserved days, CLUENER train, Resume and Weibo train, less any sentence of a source of the
real-text gold sets (``splits.drop_drawn``). No test set and no dev split is read.

    python -m nlp.training.vectors --output build/vectors     # then [paths] vectors = that
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import zlib
from pathlib import Path

from ..io.corpora import read_char_tagged, read_cluener
from ..text import fold_width
from ..pipeline.char_features import bigrams  # the keys are the NORMs the model sees
from .splits import SHARED, drop_drawn, msra_split, training_paragraphs



def raw_texts(shared: Path = SHARED) -> list[str]:
    """RETURNS the width-folded training texts, each once, in a fixed order."""
    shared = Path(shared)
    texts = [t for t, _ in msra_split(shared, random.Random(0))[1]]
    texts += ["".join(w for w, _, _ in para) for para in training_paragraphs(shared / "peoples_daily_1998" / "199801.txt")]
    texts += [t for t, _, _ in read_cluener(shared / "cluener2020" / "train.json")]
    texts += [t for t, _, _ in read_char_tagged(shared / "resume_ner" / "train.char.bmes")]
    texts += [t for t, _, _ in read_char_tagged(shared / "weibo_ner" / "weiboNER_2nd_conll.train")]
    texts = drop_drawn(texts, shared)
    seen: set[str] = set()
    out = []
    for t in texts:
        t = fold_width(t)
        if t.strip() and t not in seen:
            seen.add(t)
            out.append(t)
    return out


def _stable_hash(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


def train_vectors(output: str | Path = "build/vectors", *, shared: str | Path = SHARED,
                  dim: int = 64, min_count: int = 10, epochs: int = 5, seed: int = 0,
                  limit: int = 0) -> Path:
    """Train the bigram vectors and save them as a spaCy pipeline directory (vectors only,
    keyed on NORM). RETURNS that directory, for ``[paths] vectors``."""
    import numpy
    import spacy
    from gensim.models import Word2Vec
    from spacy.vectors import Vectors

    start = time.time()
    texts = raw_texts(Path(shared))
    if limit:
        texts = texts[:limit]
    sentences = [bigrams(t) for t in texts]
    print(f"vectors: {len(texts)} texts, {sum(map(len, texts))} chars", file=sys.stderr)
    # Reproducible: one worker (gensim is deterministic only single-threaded) and a string
    # hash that does not change with PYTHONHASHSEED (gensim seeds each vector with hash()).
    w2v = Word2Vec(sentences, vector_size=dim, window=5, min_count=min_count, sg=1,
                   negative=5, epochs=epochs, seed=seed, workers=1, hashfxn=_stable_hash)
    keys = list(w2v.wv.index_to_key)
    data = numpy.asarray(w2v.wv.vectors, dtype="float32")
    nlp = spacy.blank("zh")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=data, keys=keys, attr="NORM")
    output = Path(output)
    nlp.to_disk(output)
    print(f"vectors: {len(keys)} bigrams x {dim} in {time.time() - start:.0f} s -> {output}",
          file=sys.stderr)
    return output


def train_word_vectors(output: str | Path = "build/word_vectors", *, shared: str | Path = SHARED,
                       dim: int = 50, min_count: int = 5, epochs: int = 5, seed: int = 0,
                       limit: int = 0) -> Path:
    """Train word vectors for the NER model's soft-lexicon features
    (``bigram_embed.soft_lexicon``) on the same texts cut into words by jieba (with its HMM,
    so unknown names become words too). Keeps words of 2 to 8 characters seen ``min_count``
    times. Writes ``words.txt`` (one per line) and ``vectors.npy`` (float32, a row per word)
    into ``output``. RETURNS ``output``."""
    import jieba
    import numpy
    from gensim.models import Word2Vec

    start = time.time()
    texts = raw_texts(Path(shared))
    if limit:
        texts = texts[:limit]
    tok = jieba.Tokenizer()
    tok.initialize()
    sentences = [[w for w in tok.cut(t) if w.strip()] for t in texts]
    print(f"word vectors: {len(texts)} texts, {sum(map(len, sentences))} words", file=sys.stderr)
    w2v = Word2Vec(sentences, vector_size=dim, window=5, min_count=min_count, sg=1,
                   negative=5, epochs=epochs, seed=seed, workers=1, hashfxn=_stable_hash)
    keep = [i for i, w in enumerate(w2v.wv.index_to_key) if 2 <= len(w) <= 8]
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    (output / "words.txt").write_text("".join(w2v.wv.index_to_key[i] + "\n" for i in keep), encoding="utf-8")
    numpy.save(output / "vectors.npy", numpy.asarray(w2v.wv.vectors[keep], dtype="float32"))
    print(f"word vectors: {len(keep)} words x {dim} in {time.time() - start:.0f} s -> {output}",
          file=sys.stderr)
    return output


if __name__ == "__main__":
    import logging

    logging.basicConfig(format="%(asctime)s %(message)s", level=logging.INFO)  # gensim's progress
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--words", action="store_true", help="train the soft-lexicon word vectors instead")
    p.add_argument("--output", default=None, help="default build/vectors (build/word_vectors with --words)")
    p.add_argument("--shared", default=str(SHARED))
    p.add_argument("--dim", type=int, default=None, help="default 64 (50 with --words)")
    p.add_argument("--min-count", type=int, default=None, help="default 10 (5 with --words)")
    a = p.parse_args()
    if a.words:
        train_word_vectors(a.output or "build/word_vectors", shared=a.shared, dim=a.dim or 50,
                           min_count=a.min_count or 5)
    else:
        train_vectors(a.output or "build/vectors", shared=a.shared, dim=a.dim or 64, min_count=a.min_count or 10)
