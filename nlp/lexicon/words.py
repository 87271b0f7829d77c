"""jieba's dictionary, held once per process, and the word flags read from it.

Several stages look words up in a general dictionary (is 公告 a word? is 名扬 one?) and the
statistical model's features tag characters with jieba's words. They all share one jieba
instance: ``jieba.dt`` with its part-of-speech tagger ``jieba.posseg.dt``. Its prefix-dict
cache goes to this project's cache folder (not the shared temp dir) and its log lines are
silenced. The default pipeline reads only the word table (``word_flags``, ``cut_flags``), which
does not build jieba's prefix dictionary: that takes seconds and ~150 MB.
"""
from __future__ import annotations

import functools
import logging
import os
import sys
from itertools import compress
from pathlib import Path

import jieba

from . import gazetteer, orgs

MAX_WORD = 8  # longest lexicon word looked for (内蒙古自治区 is 6)
#: jieba's flags of common words: nouns, verbs, adjectives, adverbs (保险, 销售, 品牌, 所在). Such a
#: word alone before 公司 or a post names a kind of body, no body (保险|公司, 担任|品牌|首席设计师).
COMMON_WORD_FLAGS = frozenset({"n", "vn", "v", "b", "a", "an", "d", "ad", "vd"})

jieba.setLogLevel(logging.WARNING)


def cache_dir() -> Path:
    """RETURNS this project's private cache folder (``$XDG_CACHE_HOME/zh_news``)."""
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "zh_news"


def configure(tokenizer: jieba.Tokenizer) -> jieba.Tokenizer:
    """Point a jieba tokenizer's cache file at ``cache_dir()``. RETURNS the tokenizer."""
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer.tmp_dir = str(folder)
    return tokenizer


def pos_tagger() -> "jieba.posseg.POSTokenizer":
    """RETURNS the process's one jieba part-of-speech tagger (initialised on first use)."""
    import jieba.posseg  # its import reads the dictionary's tags and the HMM tables

    configure(jieba.dt)
    return jieba.posseg.dt


@functools.lru_cache(maxsize=None)
def _dictionary() -> tuple[list[str], list[str]]:
    """RETURNS jieba's dictionary as (words, POS flags), in its order: ``jieba.posseg``'s
    ``word_tag_tab``, read directly (the default pipeline needs the flags, not the tagger,
    whose import also reads the HMM tables)."""
    posseg = sys.modules.get("jieba.posseg")
    if posseg is not None:
        table = posseg.dt.word_tag_tab
        return list(table), list(table.values())
    with jieba.dt.get_dict_file() as f:
        fields = f.read().decode("utf-8").split()  # word, count, flag on each line
    if len(fields) % 3:
        raise ValueError(f"{jieba.dt.dictionary}: a line is not 'word count flag'")
    return fields[0::3], fields[2::3]


@functools.lru_cache(maxsize=None)
def word_flags() -> dict[str, str]:
    """RETURNS word -> two-letter POS flag: jieba's dictionary, then our place lists (ns) and
    known organisations (nt), which win where both have a word."""
    # built with C-level iterators: this runs in every process, on 349,000 words
    words, flags = _dictionary()
    short = {f: f[:2] for f in set(flags)}
    keep = [2 <= n <= MAX_WORD for n in map(len, words)]
    table = dict(zip(compress(words, keep), map(short.__getitem__, compress(flags, keep))))
    for names, flag in ((gazetteer.places_by_name(), "ns"), (gazetteer.foreign_places(), "ns"),
                        (gazetteer.locations(), "ns"), (orgs.known(), "nt")):
        for name in names:
            if 2 <= len(name) <= MAX_WORD:
                table[name] = flag
    return table


@functools.lru_cache(maxsize=None)
def char_flags() -> dict[str, str]:
    """RETURNS character -> POS flag of jieba's one-character words (在 p, 我 r, 家 q)."""
    words, flags = _dictionary()
    keep = [n == 1 for n in map(len, words)]
    return dict(zip(compress(words, keep), compress(flags, keep)))


def cut_flags(text: str) -> list[tuple[str, str]]:
    """RETURNS ``(word, flag)`` pairs of ``text`` cut by forward maximum matching over
    ``word_flags`` (a character alone takes its one-character flag, ``x`` if it has none).

    For the short stretches the rules ask about (what precedes a company name: 我们, 一家, 在):
    unlike ``jieba.posseg``, it needs no prefix dictionary.
    """
    words, singles, out, i = word_flags(), char_flags(), [], 0
    while i < len(text):
        for j in range(min(len(text), i + MAX_WORD), i + 1, -1):
            flag = words.get(text[i:j])
            if flag is not None:
                out.append((text[i:j], flag))
                i = j
                break
        else:
            out.append((text[i], singles.get(text[i], "x")))
            i += 1
    return out
