"""Cutting text into the pieces the tagger reads: no whitespace, at most about 200 chars."""
from __future__ import annotations

import re

import numpy as np

MAX_SENTENCE = 200
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)]*")
_CLAUSE_END = re.compile(r"[，,、：:]")
_NON_SPACE = re.compile(r"\S+")


def sentence_cuts(text: str, spans=(), max_len: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """Cut a text without whitespace into pieces of at most ``max_len`` chars where it can:
    at sentence ends, then at clause ends, never inside one of ``spans`` (``(start, end, ...)``).
    A piece with no such place stays whole. RETURNS ``[(start, end)]`` covering the text."""
    inside = np.zeros(len(text) + 1, dtype=bool)
    for s, e, *_ in spans:
        inside[s + 1:e] = True

    def cut(start: int, end: int, pattern) -> list[tuple[int, int]]:
        if end - start <= max_len:
            return [(start, end)]
        points = [m.end() for m in pattern.finditer(text, start, end)
                  if start < m.end() < end and not inside[m.end()]]
        pieces, last = [], start
        for i, p in enumerate(points):
            following = points[i + 1] if i + 1 < len(points) else end
            if following - last > max_len:  # taking the next cut too would be too long
                pieces.append((last, p))
                last = p
        pieces.append((last, end))
        return pieces

    out = []
    for s, e in cut(0, len(text), _SENTENCE_END):
        out += cut(s, e, _CLAUSE_END)
    return out


def pieces(text: str, max_len: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """The ``(start, end)`` pieces of a text the tagger reads: its non-whitespace runs, each
    cut by ``sentence_cuts``."""
    out = []
    for m in _NON_SPACE.finditer(text):
        out += [(m.start() + s, m.start() + e) for s, e in sentence_cuts(m.group(), max_len=max_len)]
    return out
