"""Data files shipped beside the code (see README.md in this folder).

Everything here is loaded lazily and cached; parse errors name the file and line.
"""
from __future__ import annotations

import functools
import hashlib
import json
from importlib import resources
from pathlib import Path
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


FINGERPRINT_FILE = "data.json"


def fingerprint(names: tuple[str, ...]) -> dict[str, str]:
    """RETURNS data file name -> SHA-256 of its bytes, for the files ``names``."""
    return {name: hashlib.sha256(path(name).read_bytes()).hexdigest() for name in names}


def save_fingerprint(folder: str | Path, names: tuple[str, ...]) -> None:
    """Write the fingerprint of the data files ``names`` into ``folder`` (a component's
    ``to_disk``): a saved pipeline records which data it was saved with."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / FINGERPRINT_FILE).write_text(json.dumps(fingerprint(names), indent=1, sort_keys=True), encoding="utf-8")


def check_fingerprint(folder: str | Path) -> None:
    """Refuse a saved component whose data files differ from the installed ones (a
    component's ``from_disk``): the pipeline would silently give other results."""
    saved = json.loads((Path(folder) / FINGERPRINT_FILE).read_text(encoding="utf-8"))
    now = fingerprint(tuple(saved))
    changed = sorted(name for name in saved if saved[name] != now[name])
    if changed:
        raise ValueError(f"{folder}: saved with other versions of nlp/data files {', '.join(changed)}; "
                         "save the pipeline again with this installation")
