"""Readers for the training corpora in ``../shared/corpora`` (one reader per format).

These readers yield plain Python structures; converters in ``nlp/training`` turn
them into whatever a trainer wants (pkuseg text, spaCy DocBins).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from ..text import fold_width

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


def read_char_tagged(path: str | Path) -> Iterator[tuple[str, list[tuple[int, int, str]], int]]:
    """Read a char-per-line tagged file (MSRA BIO, Resume BMES, Weibo BIO with position digits).

    Accepts ``char<TAB or SPACE>tag`` lines, blank lines between sentences, tag schemes
    BIO, BIOES and BMES (B/M/E/S/I prefixes; an I/M/E with no opener starts a new span).
    Weibo's characters carry their in-word position digits (``科0``); they are stripped.
    Yields ``(text, [(start, end, foreign_label)], first_line_no)`` per sentence.
    """
    chars: list[str] = []
    tags: list[str] = []
    first = 1
    with open(path, encoding="utf-8") as f:
        for line_no, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                if chars:
                    yield "".join(chars), _char_spans(chars, _spans_from_tags(tags)), first
                chars, tags = [], []
                first = line_no + 1
                continue
            parts = line.split("\t") if "\t" in line else line.rsplit(" ", 1)
            if len(parts) != 2:
                raise ValueError(f"{path}:{line_no}: expected 'char<TAB>tag', got {line!r}")
            ch, tag = parts
            if len(ch) > 1:
                ch = ch.rstrip("0123456789") or ch[0]
            if not ch:
                raise ValueError(f"{path}:{line_no}: empty character field")
            # A few lines hold one token of several code points (Weibo's broken emoji,
            # U+FFFD U+FFFD): kept whole, spans are mapped to code-point offsets below.
            chars.append(ch)
            tags.append(tag.strip())
    if chars:
        yield "".join(chars), _char_spans(chars, _spans_from_tags(tags)), first


def _char_spans(tokens: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Map token-index spans to code-point offsets (tokens are usually one character)."""
    if all(len(t) == 1 for t in tokens):
        return spans
    starts = [0]
    for t in tokens:
        starts.append(starts[-1] + len(t))
    return [(starts[s], starts[e], lab) for s, e, lab in spans]


def _spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, lab = tag.partition("-")
        if prefix in ("B", "S") or prefix == "O" or (prefix in ("I", "M", "E") and lab != label):
            if start is not None:
                spans.append((start, i, label))
            start, label = (i, lab) if prefix != "O" else (None, None)
        if prefix in ("S", "E") and start is not None:
            spans.append((start, i + 1, label))
            start, label = None, None
    return spans


def read_cluener(path: str | Path) -> Iterator[tuple[str, list[tuple[int, int, str]], int]]:
    """Read CLUENER JSON lines: ``{"text", "label": {type: {surface: [[s, e_incl], ...]}}}``.

    Yields ``(text, [(start, end, foreign_label)], line_no)``.
    """
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            spans = [(s, e + 1, typ) for typ, surf in rec.get("label", {}).items()
                     for positions in surf.values() for s, e in positions]
            yield rec["text"], sorted(spans), line_no


def read_duie(path: str | Path) -> Iterator[tuple[str, int]]:
    """Read DuIE JSON lines (``{"text", "spo_list"}``). Yields ``(text, line_no)``; the
    relation triples are not used yet."""
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if line.strip():
                yield json.loads(line)["text"], line_no


def pd1998_entities(words: list[tuple[str, str, str | None]], *,
                    keep: tuple[str, ...] = ("PER", "LOC", "ORG")) -> tuple[str, list[tuple[int, int, str]]]:
    """Turn a People's Daily paragraph into ``(text, [(start, end, PER/LOC/ORG)])``.

    ``nr`` runs (surname + given name) merge into one PER; ``ns`` is LOC, ``nt`` ORG;
    a bracketed compound ``[...]nt`` / ``[...]ns`` is one ORG / LOC covering its words.

    keep: the labels written as such; the spans of the others get the label ``""``
    (unknown: neither entity nor outside). Without ORG, the words tagged ``j``
    (abbreviations: 人大, 中共) and ``nz`` (other proper nouns, and ``[...]nz`` compounds),
    which other corpora call ORG or LOC, are unknown too. People's Daily marks
    ``[中国 政府]nt`` where MSRA has LOC 中国 + O 政府 (717 times in MSRA train against 9); a
    trainer can then learn names from this corpus without its organisation boundaries.
    """
    text, spans, pos = "", [], 0
    offsets = []
    for w, _, _ in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w)
        text += w
    i = 0
    kinds = {"nr": "PER", "ns": "LOC", "nt": "ORG"}
    if "ORG" not in keep:
        kinds.update(j="", nz="")
    kinds = {tag: (label if label in keep else "") for tag, label in kinds.items()}
    compounds = ("nt", "ns", "nz") if "nz" in kinds else ("nt", "ns")
    while i < len(words):
        w, p, comp = words[i]
        if comp is not None and comp.split(":")[1] in compounds:
            j = i
            while j + 1 < len(words) and words[j + 1][2] == comp:
                j += 1
            spans.append((offsets[i][0], offsets[j][1], kinds[comp.split(":")[1]]))
            i = j + 1
            continue
        if p in kinds:
            j = i
            if p == "nr":
                while j + 1 < len(words) and words[j + 1][1] == "nr" and words[j + 1][2] is None and j - i < 1:
                    j += 1
            spans.append((offsets[i][0], offsets[j][1], kinds[p]))
            i = j + 1
            continue
        i += 1
    return text, spans
