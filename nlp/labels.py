"""The one place that knows the labels, relation kinds and extension names."""
from __future__ import annotations

PERSON, ORG, GPE, LOC, TITLE = "PERSON", "ORG", "GPE", "LOC", "TITLE"
DATE, MONEY, PERCENT, QUANTITY = "DATE", "MONEY", "PERCENT", "QUANTITY"
#: Bare numbers, written only when the numbers stage is asked (``emit_cardinal``).
CARDINAL = "CARDINAL"
#: The nine labels of SPEC section 1, in the order reports list them.
LABELS = (PERSON, ORG, GPE, LOC, TITLE, DATE, MONEY, PERCENT, QUANTITY)
#: Labels whose entities carry a numeric ``value`` and a ``unit``.
NUMERIC_LABELS = ("MONEY", "PERCENT", "QUANTITY")
#: Relation kinds of SPEC section 2.
RELATION_KINDS = ("person_title", "city_province")

#: Foreign label -> our label, for gold files from other corpora.
#: MSRA/People's Daily LOC is ambiguous between GPE and LOC; scoring merges them.
FOREIGN_LABELS = {
    "PER": "PERSON", "PERSON": "PERSON", "NAME": "PERSON", "NR": "PERSON",
    "ORG": "ORG", "NT": "ORG", "ORGANIZATION": "ORG", "COMPANY": "ORG", "GOVERNMENT": "ORG",
    "LOC": "LOC", "NS": "LOC", "ADDRESS": "LOC", "GPE": "GPE",
    "TITLE": "TITLE", "POSITION": "TITLE",
    "DATE": "DATE", "MONEY": "MONEY", "PERCENT": "PERCENT", "QUANTITY": "QUANTITY",
}
#: Labels merged into one class when a gold file does not distinguish them.
PLACE_LABELS = ("GPE", "LOC")
PLACE = "PLACE"

# spaCy extension attribute names (registered in nlp/extensions.py).
EXT_VALUE = "value"        # Span._.value: number, ISO date string or division code
EXT_UNIT = "unit"          # Span._.unit: unit of a numeric entity
EXT_SOURCE = "source"      # Span._.source: the stage (component name) an entity came from
EXT_RELATIONS = "relations"  # Doc._.relations: {"person_title": [...], "city_province": [...]}
