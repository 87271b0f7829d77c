"""The candidate entity every finder returns: character offsets, a label, a value."""
from __future__ import annotations

from typing import NamedTuple


class Ent(NamedTuple):
    """A candidate entity by character offsets (``end`` exclusive)."""
    start: int
    end: int
    label: str
    value: object = None
    unit: str | None = None
