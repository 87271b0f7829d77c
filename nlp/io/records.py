"""The SPEC JSON Lines record (section 2): turning a processed Doc into one, and writing.

Writers: JSON Lines (default) and CoNLL-style char-per-line BIO. Offsets are code points
into the ``text`` written in the same record.
"""
from __future__ import annotations

import json
from typing import IO, Iterable

from spacy.tokens import Doc

from ..labels import EXT_SOURCE, EXT_UNIT, EXT_VALUE


def entity_dict(span, *, explain: bool = False) -> dict:
    """RETURNS the SPEC entity object of a spaCy entity span; ``explain`` adds ``source``,
    the pipeline stage the entity came from (``Span._.source``)."""
    ent = {"start": span.start_char, "end": span.end_char, "label": span.label_, "text": span.text}
    value, unit = span._.get(EXT_VALUE), span._.get(EXT_UNIT)
    if value is not None:
        ent["value"] = value
    if unit is not None:
        ent["unit"] = unit
    if explain:
        ent["source"] = span._.get(EXT_SOURCE)
    return ent


def doc_to_record(doc: Doc, doc_id: str | None = None, meta: dict | None = None) -> dict:
    """RETURNS the SPEC record of ``doc``: id, text, entities, relations (+ ``meta`` fields)."""
    rec: dict = {}
    if doc_id is not None:
        rec["id"] = doc_id
    rec["text"] = doc.text
    rec["entities"] = [entity_dict(e) for e in doc.ents]
    rec["relations"] = doc._.relations
    for k, v in (meta or {}).items():
        rec.setdefault(k, v)
    return rec


#: Line separators other than ``\n`` that JSON leaves raw inside strings but ``str.splitlines``
#: (and some JSONL readers) split on: written escaped so that one record stays one line.
_LINE_SEPARATORS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def write_jsonl(records: Iterable[dict], out: IO[str]) -> None:
    """Write one JSON line per record (UTF-8 text, ``\n`` the only line break)."""
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False).translate(_LINE_SEPARATORS) + "\n")


def record_to_conll(rec: dict) -> str:
    """One character per line, ``char<TAB>BIO-tag``; a ``# id`` comment; blank line after."""
    tags = ["O"] * len(rec["text"])
    for e in rec["entities"]:
        tags[e["start"]] = "B-" + e["label"]
        for i in range(e["start"] + 1, e["end"]):
            tags[i] = "I-" + e["label"]
    lines = [f"# id = {rec.get('id', '')}"]
    for ch, tag in zip(rec["text"], tags):
        if ch == "\n":
            ch = "\\n"
        elif ch.isspace():
            ch = "\\s"
        lines.append(f"{ch}\t{tag}")
    return "\n".join(lines) + "\n\n"
