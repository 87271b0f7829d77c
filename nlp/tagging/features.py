"""Per-character input features of the joint tagger, computed in numpy.

For each character: its character vector, the vector of its bigram (this character and the
next), and SoftLexicon features: the lexicon words that Begin at it, have it in their
Middle, End at it, or are it as a Single character, each set pooled into one vector as a
mean weighted by the words' frequencies, the four concatenated (empty set: zeros).

The same code computes the features when the model is trained (``nlp/training/tagger.py``)
and when it runs, so the two cannot drift apart.
"""
from __future__ import annotations

from itertools import count
from operator import itemgetter

import numpy as np

BEGIN, MIDDLE, END, SINGLE = range(4)
END_OF_TEXT = "\0"  # the second character of the last bigram


def bigrams(text: str) -> list[str]:
    """Each character with the next one (the last with ``END_OF_TEXT``)."""
    return [text[i:i + 2] if i + 1 < len(text) else text[i] + END_OF_TEXT for i in range(len(text))]


def _rows(keys) -> dict:
    """RETURNS key -> its table row (the row after the key's position: row 0 is unknown)."""
    return dict(zip(keys, count(1)))


def _strict_prefixes(words) -> set[str]:
    """RETURNS the prefixes of 2 or more characters of the words, each shorter than its word."""
    out: set[str] = set()
    longer = [w for w in words if len(w) > 2]
    k = 2
    while longer:  # the prefixes of length k, of the words longer than k (C-level slicing)
        out.update(map(itemgetter(slice(k)), longer))
        k += 1
        longer = [w for w in longer if len(w) > k]
    return out


def _vectors(table) -> np.ndarray:
    """RETURNS a vector table as float32, or as float16 when it is stored so: its rows are
    widened to float32 (exactly) where the features are assembled, always together with
    float32 arrays, so the table is not copied whole at every load."""
    table = np.asarray(table)
    return table if table.dtype == np.float16 else table.astype(np.float32, copy=False)


class Featurizer:
    """Looks characters, bigrams and lexicon words up in their tables.

    chars, bigrams, words: the keys of the tables, row ``i + 1`` of a table holding key
    ``i`` (row 0: unknown; zeros for bigrams and words). word_weights: one per word row.
    """

    def __init__(self, chars, char_vectors, bigram_keys, bigram_vectors, words, word_weights,
                 word_vectors, max_word_len: int):
        self.char_index = _rows(chars)
        self.bigram_index = _rows(bigram_keys)
        self.word_index = _rows(words)
        self.char_vectors = _vectors(char_vectors)
        self.bigram_vectors = _vectors(bigram_vectors)
        self.word_vectors = _vectors(word_vectors)
        self.word_weights = np.asarray(word_weights, dtype=np.float32)
        self.max_word_len = max_word_len
        # strict prefixes (2+ chars) of longer words: matching stops where none continues
        self.prefixes = _strict_prefixes(self.word_index)
        self.char_dim = self.char_vectors.shape[1]
        self.dense_dim = self.bigram_vectors.shape[1] + 4 * self.word_vectors.shape[1]

    @property
    def dim(self) -> int:
        return self.char_dim + self.dense_dim

    def char_ids(self, text: str) -> np.ndarray:
        get = self.char_index.get
        return np.fromiter((get(c, 0) for c in text), dtype=np.int64, count=len(text))

    def lexicon_matches(self, text: str) -> tuple[list[int], list[int]]:
        """RETURNS ``(rows, word_ids)``: word ``word_ids[k]`` is in set ``rows[k] % 4`` of
        character ``rows[k] // 4``."""
        get = self.word_index.get
        prefixes = self.prefixes
        rows: list[int] = []
        ids: list[int] = []
        n, longest = len(text), self.max_word_len
        for i in range(n):
            for j in range(i + 1, min(n, i + longest) + 1):
                piece = text[i:j]
                w = get(piece)
                if j - i >= 2 and piece not in prefixes:
                    j_last = True
                else:
                    j_last = False
                if w is None:
                    if j_last:
                        break
                    continue
                if j == i + 1:
                    rows.append(4 * i + SINGLE)
                    ids.append(w)
                    continue  # a single char starts almost every longer word
                rows.append(4 * i + BEGIN)
                rows.append(4 * (j - 1) + END)
                ids.append(w)
                ids.append(w)
                for k in range(i + 1, j - 1):
                    rows.append(4 * k + MIDDLE)
                    ids.append(w)
                if j_last:
                    break
        return rows, ids

    def lexicon_features(self, text: str) -> np.ndarray:
        """RETURNS ``[len(text), 4 * word_dim]`` float32: the four pooled word sets."""
        n, dim = len(text), self.word_vectors.shape[1]
        out = np.zeros((4 * n, dim), dtype=np.float32)
        rows, ids = self.lexicon_matches(text)
        if rows:
            rows_a = np.asarray(rows, dtype=np.int64)
            order = np.argsort(rows_a, kind="stable")
            rows_a = rows_a[order]
            ids_a = np.asarray(ids, dtype=np.int64)[order]
            weights = self.word_weights[ids_a]
            uniq, starts = np.unique(rows_a, return_index=True)
            sums = np.add.reduceat(self.word_vectors[ids_a] * weights[:, None], starts, axis=0)
            out[uniq] = sums / np.add.reduceat(weights, starts)[:, None]
        return out.reshape(n, 4 * dim)

    def dense_features(self, text: str) -> np.ndarray:
        """RETURNS ``[len(text), dense_dim]``: bigram vector and lexicon features (the
        part of the input that does not depend on the trained character table)."""
        get = self.bigram_index.get
        big = np.fromiter((get(b, 0) for b in bigrams(text)), dtype=np.int64, count=len(text))
        return np.concatenate([self.bigram_vectors[big], self.lexicon_features(text)], axis=1)

    def features(self, text: str) -> np.ndarray:
        """RETURNS ``[len(text), dim]`` float32, the model's input for one sentence."""
        return np.concatenate([self.char_vectors[self.char_ids(text)], self.dense_features(text)], axis=1)
