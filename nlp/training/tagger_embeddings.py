"""Embedding tables of the joint tagger: word2vec over the raw training text, and the lexicon.

- characters and character bigrams: skip-gram word2vec over the width-folded raw text of the
  training splits (``tagger_data.raw_texts``: no dev split, no test set, no reserved paragraph);
- lexicon words: jieba's dictionary (with its counts) plus the gazetteer names, the title and
  the organisation lexicons of ``nlp/data``; pruned to the words that occur in the training
  text (all gazetteer / title / organisation entries are kept); their vectors from word2vec
  over the same text segmented by jieba (with those entries added to its dictionary), a word
  word2vec never saw getting the mean vector of its characters (as single-character words).

Deterministic: gensim with one worker, a fixed seed and a string hash that does not change
with PYTHONHASHSEED.

    python -m nlp.training.tagger_embeddings --output build/tagger/embeddings
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

from ..tagging.features import bigrams
from .splits import SHARED
from .tagger_data import raw_texts

DATA = Path(__file__).resolve().parent.parent / "data"
MAX_WORD_LEN = 8
# The lexicon files beside jieba's dictionary: (file, column holding the entry).
EXTRA_LEXICONS = (("places.tsv", 0), ("townships.txt", 0), ("foreign_places.tsv", 0),
                  ("titles.txt", 0), ("titles_core.txt", 0), ("title_prefixes.txt", 0),
                  ("orgs_known.txt", 0), ("org_suffixes.tsv", 0))
# jieba's count for an extra entry it does not list (its median count is about 3).
EXTRA_COUNT = 10


def _stable_hash(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


def jieba_dictionary() -> dict[str, int]:
    import jieba

    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    out: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) <= MAX_WORD_LEN:
                out[parts[0]] = out.get(parts[0], 0) + int(parts[1])
    return out


def extra_entries() -> list[str]:
    out: list[str] = []
    for name, col in EXTRA_LEXICONS:
        with open(DATA / name, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                word = line.rstrip("\n").split("\t")[col].strip()
                if 1 <= len(word) <= MAX_WORD_LEN:
                    out.append(word)
    return sorted(set(out))


def count_matches(texts: list[str], lexicon: dict[str, int]) -> Counter:
    """How often each lexicon word occurs (overlapping) in the texts."""
    counts: Counter = Counter()
    for text in texts:
        n = len(text)
        for i in range(n):
            for j in range(i + 1, min(n, i + MAX_WORD_LEN) + 1):
                w = text[i:j]
                if w in lexicon:
                    counts[w] += 1
    return counts


def _w2v(sentences, dim: int, min_count: int, seed: int, epochs: int = 5):
    from gensim.models import Word2Vec

    return Word2Vec(sentences, vector_size=dim, window=5, min_count=min_count, sg=1, negative=5,
                    epochs=epochs, seed=seed, workers=1, hashfxn=_stable_hash)


def train(output: str | Path, *, shared: str | Path = SHARED, dim: int = 50, seed: int = 0,
          limit: int = 0, epochs: int = 5) -> Path:
    """Train the three word2vec models and count the lexicon; write them under ``output``."""
    import jieba

    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    start = time.time()
    texts = raw_texts(Path(shared), limit=limit)
    print(f"embeddings: {len(texts)} texts, {sum(map(len, texts))} chars", file=sys.stderr, flush=True)
    lexicon = jieba_dictionary()
    extras = extra_entries()
    for w in extras:
        lexicon.setdefault(w, EXTRA_COUNT)
    matches = count_matches(texts, lexicon)
    keep = {w for w in matches} | set(extras)
    entries = {w: lexicon[w] for w in sorted(keep)}
    with open(output / "lexicon.json", "w", encoding="utf-8") as f:
        json.dump({"counts": entries, "matches": {w: matches.get(w, 0) for w in entries},
                   "extras": extras}, f, ensure_ascii=False)
    print(f"embeddings: lexicon {len(lexicon)} entries, {len(entries)} kept "
          f"({time.time() - start:.0f} s)", file=sys.stderr, flush=True)
    min_count = 1 if limit else 2
    _w2v([list(t) for t in texts], dim, min_count, seed, epochs).wv.save(str(output / "chars.kv"))
    print(f"embeddings: chars done ({time.time() - start:.0f} s)", file=sys.stderr, flush=True)
    _w2v([bigrams(t) for t in texts], dim, min_count, seed, epochs).wv.save(str(output / "bigrams.kv"))
    print(f"embeddings: bigrams done ({time.time() - start:.0f} s)", file=sys.stderr, flush=True)
    tok = jieba.Tokenizer()
    tok.initialize()
    for w in extras:
        if w not in tok.FREQ or not tok.FREQ[w]:
            tok.add_word(w, EXTRA_COUNT)
    segmented = [tok.lcut(t) for t in texts]
    _w2v(segmented, dim, min_count, seed, epochs).wv.save(str(output / "words.kv"))
    print(f"embeddings: words done ({time.time() - start:.0f} s) -> {output}", file=sys.stderr, flush=True)
    return output


def tables(embeddings: str | Path, *, max_bigrams: int = 100_000, min_word_matches: int = 1) -> dict:
    """Assemble the tagger's tables from ``train``'s output (float16-exact float32 arrays).

    Bigrams: the ``max_bigrams`` most frequent. Words: the kept lexicon entries that occur at
    least ``min_word_matches`` times in the training text, and every extra entry."""
    from gensim.models import KeyedVectors

    embeddings = Path(embeddings)
    chars = KeyedVectors.load(str(embeddings / "chars.kv"))
    big = KeyedVectors.load(str(embeddings / "bigrams.kv"))
    words = KeyedVectors.load(str(embeddings / "words.kv"))
    with open(embeddings / "lexicon.json", encoding="utf-8") as f:
        lex = json.load(f)
    extras = set(lex["extras"])
    dim = chars.vector_size

    def table(keys, vectors):
        return np.concatenate([np.zeros((1, dim), np.float32), np.asarray(vectors, np.float32)]
                              ).astype(np.float16).astype(np.float32)

    char_keys = list(chars.index_to_key)
    bigram_keys = list(big.index_to_key)[:max_bigrams]
    word_keys = [w for w in lex["counts"] if lex["matches"][w] >= min_word_matches or w in extras]
    word_vecs = []
    for w in word_keys:
        if w in words.key_to_index:
            word_vecs.append(words[w])
        else:
            parts = [words[c] for c in w if c in words.key_to_index]
            word_vecs.append(np.mean(parts, axis=0) if parts else np.zeros(dim, np.float32))
    return {"chars": char_keys, "char_vectors": table(char_keys, chars.vectors),
            "bigrams": bigram_keys, "bigram_vectors": table(bigram_keys, big.vectors[:len(bigram_keys)]),
            "words": word_keys, "word_vectors": table(word_keys, word_vecs),
            "word_weights": np.concatenate([[0.0], [float(lex["counts"][w]) for w in word_keys]]).astype(np.float32),
            "max_word_len": MAX_WORD_LEN}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", default="build/tagger/embeddings")
    ap.add_argument("--shared", default=str(SHARED))
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    train(args.output, shared=args.shared, limit=args.limit)


if __name__ == "__main__":
    main()
