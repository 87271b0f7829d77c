"""spaCy extension attributes set by the pipeline (names from ``nlp.labels``)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .labels import EXT_RELATIONS, EXT_SOURCE, EXT_UNIT, EXT_VALUE


def register() -> None:
    """Register ``Span._.value``, ``Span._.unit``, ``Span._.source`` and ``Doc._.relations``
    (idempotent). Every component module calls this on import, so a pipeline loaded with
    ``spacy.load`` in a fresh process has them."""
    for name in (EXT_VALUE, EXT_UNIT, EXT_SOURCE):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Doc.has_extension(EXT_RELATIONS):
        Doc.set_extension(EXT_RELATIONS, getter=_relations)
    if not Doc.has_extension("relations_data"):
        Doc.set_extension("relations_data", default=None)


def _relations(doc: Doc) -> dict:
    # Stored under a plain attribute so the Doc serialises; the getter gives both kinds always.
    data = doc._.relations_data or {}
    return {"person_title": list(data.get("person_title", [])),
            "city_province": list(data.get("city_province", []))}


register()
