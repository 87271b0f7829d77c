"""The SPEC JSON Lines record (section 2): turning a processed Doc into one, and writing.

Writers: JSON Lines (default) and CoNLL-style char-per-line BIO. Offsets are code points
into the ``text`` written in the same record.
"""
from __future__ import annotations

import json
import math
import sys
from typing import IO, TYPE_CHECKING, Iterable

from ..labels import EXT_SOURCE, EXT_UNIT, EXT_VALUE

if TYPE_CHECKING:  # spaCy is not imported to write records (``python -m nlp --help`` stays fast)
    from spacy.tokens import Doc


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


def doc_to_record(doc: "Doc", doc_id: str | None = None, meta: dict | None = None) -> dict:
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


def json_line(rec: dict) -> str:
    """RETURNS ``rec`` as one line of strict JSON (no NaN/Infinity), ``\n``-terminated.
    RAISES ValueError on a value JSON cannot hold (see ``drop_unwritable``)."""
    return json.dumps(rec, ensure_ascii=False, allow_nan=False).translate(_LINE_SEPARATORS) + "\n"


def write_jsonl(records: Iterable[dict], out: IO[str]) -> None:
    """Write one JSON line per record (UTF-8 text, ``\n`` the only line break, strict JSON)."""
    for rec in records:
        out.write(json_line(rec))


def drop_unwritable(rec: dict) -> list[str]:
    """Remove from ``rec`` (in place) the values strict JSON cannot hold: NaN and infinite
    floats, and integers too long for Python to write (``sys.get_int_max_str_digits``).
    An entity keeps its span and loses its ``value``; any other field is left out.

    RETURNS a description of each value removed (empty when the record is fine).
    """
    dropped: list[str] = []
    for ent in rec.get("entities", ()):
        if isinstance(ent, dict) and "value" in ent and _unwritable(ent["value"]):
            dropped.append(f"the value of {ent.get('label')} {_short(ent.get('text'))} at "
                           f"{ent.get('start')}-{ent.get('end')} ({_describe(ent['value'])})")
            del ent["value"]
    for key in [k for k in rec if k not in ("entities", "text")]:
        if _unwritable(rec[key]):
            dropped.append(f"field {key!r} ({_describe(_first_unwritable(rec[key]))})")
            del rec[key]
    return dropped


def _unwritable(value) -> bool:
    return _first_unwritable(value) is not None


def _first_unwritable(value):
    if isinstance(value, float):
        return value if not math.isfinite(value) else None
    if isinstance(value, int) and not isinstance(value, bool):
        return value if _too_many_digits(value) else None
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        for item in value:
            bad = _first_unwritable(item)
            if bad is not None:
                return bad
    return None


def _too_many_digits(n: int) -> bool:
    limit = sys.get_int_max_str_digits()
    if not limit or n.bit_length() < limit * 3:  # 3 bits a digit is below log2(10): surely fine
        return False
    try:
        str(n)
    except ValueError:
        return True
    return False


def _describe(value) -> str:
    if isinstance(value, float):
        return f"{value} is not a JSON number"
    return f"an integer of more than {sys.get_int_max_str_digits():,} digits"


def _short(text) -> str:
    text = str(text)
    return repr(text if len(text) <= 20 else text[:10] + "…" + text[-5:])


def record_to_conll(rec: dict) -> str:
    """One character per line, ``char<TAB>BIO-tag``; a ``# id`` comment; blank line after."""
    tags = ["O"] * len(rec["text"])
    for e in rec["entities"]:
        tags[e["start"]] = "B-" + e["label"]
        for i in range(e["start"] + 1, e["end"]):
            tags[i] = "I-" + e["label"]
    lines = [f"# id = {_one_line(str(rec.get('id', '')))}"]
    for ch, tag in zip(rec["text"], tags):
        if ch == "\n":
            ch = "\\n"
        elif ch.isspace():
            ch = "\\s"
        lines.append(f"{ch}\t{tag}")
    return "\n".join(lines) + "\n\n"


def _one_line(text: str) -> str:
    """``text`` with every line break escaped (an id must not start a line of its own)."""
    if len(text.splitlines()) <= 1 and not text.endswith(("\n", "\r")):
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii") if (ch + "x").splitlines()[0] == "" else ch
                   for ch in text)
