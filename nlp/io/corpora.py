"""Readers for the training corpora in ``../shared/corpora`` (one reader per format).

These readers yield plain Python structures; converters in ``nlp/training`` turn
them into whatever a trainer wants (pkuseg text, spaCy DocBins).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from ..labels import fold_width

_PD_TOKEN = re.compile(r"^(\[?)(.+?)/([A-Za-z]+)(\][A-Za-z]+)?$")


def read_pd1998(path: str | Path) -> Iterator[list[tuple[str, str, str | None]]]:
    """Read People's Daily 1998 (``199801.txt``, UTF-8): one paragraph per line.

    Yields one list per paragraph of ``(word, pos, bracket)`` where ``bracket``
    is ``None`` outside bracketed compounds, or ``"open:<tag>"`` style markers are
    resolved into a per-word compound id ``"<n>:<tag>"`` (all words of the same
    ``[... ]nt`` compound share the id). The paragraph ID token is dropped.
    """
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            parts = line.split()
            if not parts:
                continue
            words: list[tuple[str, str, str | None]] = []
            compound: list[int] = []  # indices of words in the open compound
            n_compound = 0
            for tok in parts[1:]:
                m = _PD_TOKEN.match(tok)
                if not m:
                    raise ValueError(f"{path}:{line_no}: cannot parse token {tok!r}")
                opener, word, pos, closer = m.groups()
                if opener:
                    compound = []
                words.append((word, pos, None))
                if opener or compound:
                    compound.append(len(words) - 1)
                if closer:
                    n_compound += 1
                    tag = closer[1:]
                    for i in compound:
                        w, p, _ = words[i]
                        words[i] = (w, p, f"{n_compound}:{tag}")
                    compound = []
            yield words


def read_segmented(path: str | Path) -> Iterator[list[str]]:
    """Read a SIGHAN-style segmentation file: words separated by spaces, one line each."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield line.split()
