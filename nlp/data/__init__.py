"""Data files shipped beside the code (see README.md in this folder).

Everything here is loaded lazily and cached; parse errors name the file and line.
"""
from __future__ import annotations

import functools
from importlib import resources
from typing import Iterator


def path(name: str):
    """RETURNS a Traversable for data file ``name`` in this package."""
    return resources.files(__name__) / name


def read_tsv(name: str, min_fields: int = 1) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line_no, fields)`` of a UTF-8 TSV data file, skipping blanks and ``#`` lines."""
    with path(name).open(encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < min_fields:
                raise ValueError(f"{name}:{line_no}: expected at least {min_fields} tab-separated fields")
            yield line_no, fields


@functools.lru_cache(maxsize=None)
def user_words() -> tuple[str, ...]:
    """Words the segmenter keeps whole: entries of ``segmenter_words.txt`` if present."""
    try:
        return tuple(f[0] for _, f in read_tsv("segmenter_words.txt"))
    except FileNotFoundError:
        return ()
