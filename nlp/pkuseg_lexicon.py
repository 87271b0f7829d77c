"""Lexicon features for the pkuseg segmenter: does a dictionary word start, end or span here?

pkuseg's own word features name the word itself (``w1.中华``), so they only ever carry
weight for words seen in training: a dictionary adds nothing to them. The features here are
generic instead: ``lx.B.3`` says "a lexicon word of 3 characters starts at this character",
``lx.E.2`` "one of 2 characters ends here", ``lx.M.4`` "this character is inside one of 4".
The CRF learns how far to trust the lexicon for each length, so a word it never saw in
training but the lexicon knows can still be kept whole (the classic open-track feature of
SIGHAN segmenters).

The lexicon is a plain word list saved beside the model as ``lexicon.txt``; a model
directory without one is an ordinary pkuseg model and loads as before.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import jieba
from spacy_pkuseg.feature_extractor import FeatureExtractor

LEXICON_FILE = "lexicon.txt"
MAX_LEN = 6  # longer lexicon words are few (jieba: 2% of entries) and mostly phrases


def jieba_words(min_freq: int = 1) -> list[str]:
    """RETURNS the words of 2..MAX_LEN characters in jieba's shipped dictionary.

    Words with digits or Latin letters are left out: pkuseg normalises those characters
    to placeholders before features are computed, so they could never match.
    """
    path = Path(jieba.__file__).parent / "dict.txt"
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or int(parts[1]) < min_freq:
                continue
            w = parts[0]
            if 2 <= len(w) <= MAX_LEN and not any(c.isascii() for c in w):
                words.append(w)
    return words


def lexicon_features(chars: list[str], lexicon: set[str]) -> list[list[str]]:
    """RETURNS per character the lexicon feature names (``lx.B.l``, ``lx.E.l``, ``lx.M.l``)."""
    n = len(chars)
    feats: list[list[str]] = [[] for _ in range(n)]
    inside = [0] * n
    for i in range(n):
        for length in range(2, MAX_LEN + 1):
            if i + length > n:
                break
            if "".join(chars[i:i + length]) in lexicon:
                feats[i].append(f"lx.B.{length}")
                feats[i + length - 1].append(f"lx.E.{length}")
                for j in range(i + 1, i + length - 1):
                    inside[j] = max(inside[j], length)
    for j, length in enumerate(inside):
        if length:
            feats[j].append(f"lx.M.{length}")
    return feats


def extractor_class(lexicon: Iterable[str]):
    """RETURNS a subclass of pkuseg's FeatureExtractor that adds lexicon features."""
    words = frozenset(lexicon)

    class LexiconFeatureExtractor(FeatureExtractor):
        _cache_key = None
        _cache: list[list[str]] = []

        def _lexicon_feats(self, nodes: list[str]) -> list[list[str]]:
            # pkuseg asks for one character at a time over the same list: compute once.
            if self._cache_key is not nodes:
                self._cache_key, self._cache = nodes, lexicon_features(nodes, words)
            return self._cache

        def get_node_features(self, idx, wordary):  # training: feature names
            return super().get_node_features(idx, wordary) + self._lexicon_feats(wordary)[idx]

        def get_node_features_idx(self, idx, nodes):  # decoding: feature indices
            index = self.feature_to_idx
            flist = super().get_node_features_idx(idx, nodes)
            flist += [index[f] for f in self._lexicon_feats(nodes)[idx] if f in index]
            return flist

    return LexiconFeatureExtractor


def read_lexicon(model_dir: str | Path) -> list[str] | None:
    """RETURNS the lexicon saved beside a pkuseg model, or None if it has none."""
    path = Path(model_dir) / LEXICON_FILE
    if not path.exists():
        return None
    return path.read_text(encoding="utf-8").split()


def attach(segmenter, model_dir: str | Path) -> None:
    """Give a loaded ``spacy_pkuseg.pkuseg`` the lexicon features its model was trained with."""
    lexicon = read_lexicon(model_dir)
    if lexicon is None:
        if "lx.B.2" in segmenter.feature_extractor.feature_to_idx:
            raise FileNotFoundError(f"{model_dir}: model was trained with lexicon features "
                                    f"but {LEXICON_FILE} is missing")
        return
    old = segmenter.feature_extractor
    cls = extractor_class(lexicon)
    new = cls.__new__(cls)
    new.__dict__.update(old.__dict__)
    segmenter.feature_extractor = new
