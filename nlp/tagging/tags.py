"""The two tag sets of the joint tagger and the conversions between spans and tags.

NER: BIOES over PER / ORG / LOC (13 tags). Words: BMES (the PKU standard of People's Daily).
Both heads decode with hard structural constraints (``allowed_transitions``), so every
decoded sequence reads back into well-formed spans.
"""
from __future__ import annotations

import numpy as np

ENTITY_TYPES = ("PER", "ORG", "LOC")
NER_TAGS = ("O",) + tuple(f"{p}-{t}" for t in ENTITY_TYPES for p in "BIES")
SEG_TAGS = ("B", "M", "E", "S")
NER_INDEX = {t: i for i, t in enumerate(NER_TAGS)}
SEG_INDEX = {t: i for i, t in enumerate(SEG_TAGS)}
# A score low enough to forbid a transition or tag, finite so sums stay finite.
FORBIDDEN = -1.0e4


def _position(tag: str) -> tuple[str, str]:
    """``"B-PER"`` -> ``("B", "PER")``; ``"O"`` -> ``("O", "")``; ``"M"`` -> ``("M", "")``."""
    pos, _, kind = tag.partition("-")
    return pos, kind


_PARSED = {tags: tuple(_position(t) for t in tags) for tags in (NER_TAGS, SEG_TAGS)}


def allowed_transitions(tags: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """RETURNS ``(transitions[K, K], start[K], end[K])`` booleans: which tag may follow
    which, start a sequence, end it. Works for BIOES (with types) and BMES alike
    (BMES's M is BIOES's I, and a BMES word is an entity without a type)."""
    k = len(tags)
    trans = np.zeros((k, k), dtype=bool)
    start = np.zeros(k, dtype=bool)
    end = np.zeros(k, dtype=bool)
    for i, a in enumerate(tags):
        pa, ka = _position(a)
        start[i] = pa in ("O", "B", "S")
        end[i] = pa in ("O", "E", "S")
        for j, b in enumerate(tags):
            pb, kb = _position(b)
            if pa in ("B", "I", "M"):
                trans[i, j] = pb in ("I", "M", "E") and kb == ka
            else:
                trans[i, j] = pb in ("O", "B", "S")
    return trans, start, end


def spans_to_tags(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """BIOES tags of a text of ``n`` chars with non-overlapping typed spans."""
    tags = ["O"] * n
    for s, e, kind in spans:
        if e - s == 1:
            tags[s] = f"S-{kind}"
        else:
            tags[s] = f"B-{kind}"
            for i in range(s + 1, e - 1):
                tags[i] = f"I-{kind}"
            tags[e - 1] = f"E-{kind}"
    return tags


def words_to_tags(words: list[str]) -> list[int]:
    """BMES tag ids of a segmented text."""
    out: list[int] = []
    for w in words:
        if len(w) == 1:
            out.append(SEG_INDEX["S"])
        else:
            out += [SEG_INDEX["B"]] + [SEG_INDEX["M"]] * (len(w) - 2) + [SEG_INDEX["E"]]
    return out


def tags_to_spans(tag_ids, tags: tuple[str, ...] = NER_TAGS) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, type)`` read from a well-formed tag id sequence (BIOES or BMES;
    for BMES the type is ``""``). A tag the constraints would forbid closes what is open."""
    parsed = _PARSED.get(tags) or tuple(_position(t) for t in tags)
    spans: list[tuple[int, int, str]] = []
    start = None
    for i, t in enumerate(tag_ids.tolist() if hasattr(tag_ids, "tolist") else tag_ids):
        pos, kind = parsed[t]
        if pos in ("S",):
            spans.append((i, i + 1, kind))
            start = None
        elif pos == "B":
            start = i
        elif pos == "E" and start is not None:
            spans.append((start, i + 1, kind))
            start = None
        elif pos == "O":
            start = None
    return spans
