"""Relation rules over a document's entities (no spaCy here; the component is pipeline/relations.py).

person_title: who holds which title, and for which organisation or place (SPEC section 2).
News writes appointments in a few regular shapes, all read left to right over the entities:

- ``[ORG|GPE] TITLE (、[ORG|GPE] TITLE)* PERSON`` : 青岛市委副书记、市长赵豪志, 中国工程院院士邬贺铨;
- ``PERSON TITLE`` right after the name: 李克强总理;
- ``PERSON（[ORG|GPE] TITLE）``: a title in brackets after the name;
- ``GPE 驻 GPE TITLE PERSON``: an ambassador's org is the sending country.

A title with no organisation of its own in a coordinated chain takes the previous one's; a
government title after a party committee (青岛市委副书记、市长) belongs to the place (青岛市).

city_province: every place below province level, by surface form, with its province's full
official name, from the division code the gazetteer gave it.
"""
from __future__ import annotations

from typing import NamedTuple

import regex

_JOIN = regex.compile(r"^[、和及与,，\s]*$")          # between coordinated titles
_ADJ = regex.compile(r"^\s*$")                        # org directly before its title
_BRACKET_OPEN = regex.compile(r"^\s*[（(]\s*$")
_PARTY_COMMITTEE = regex.compile(r"(?:省|市|县|区|州|盟|旗)委$")
_PARTY_TITLE = regex.compile(r"书记|常委|委员|秘书长|部长")
_ENVOY = regex.compile(r"^驻$")


class E(NamedTuple):
    start: int
    end: int
    label: str
    text: str
    value: object = None


def person_titles(text: str, ents: list[E]) -> list[dict]:
    """RETURNS ``[{"person", "title", "org"}]``, one per (person, title), in text order."""
    ents = sorted(ents)
    out: dict[tuple[str, str], str | None] = {}

    def gap(a: E, b: E) -> str:
        return text[a.end:b.start]

    for i, e in enumerate(ents):
        if e.label != "PERSON":
            continue
        # 1. the chain of titles that ends right before the person
        chain = []  # (title, org) left to right
        j = i - 1
        if j >= 0 and ents[j].label == "TITLE" and _ADJ.match(gap(ents[j], e)):
            while j >= 0 and ents[j].label == "TITLE":
                title = ents[j]
                org = None
                k = j - 1
                if k >= 0 and ents[k].label in ("ORG", "GPE") and _ADJ.match(gap(ents[k], title)):
                    org = ents[k]
                    # 中国驻法国大使: GPE 驻 GPE TITLE -> the sending country
                    if k >= 1 and ents[k - 1].label == "GPE" and _ENVOY.match(gap(ents[k - 1], ents[k])):
                        org = ents[k - 1]
                        k -= 1
                    k -= 1
                chain.append((title, org))
                if k >= 0 and ents[k].label == "TITLE" and _JOIN.match(gap(ents[k], org or title)):
                    j = k
                    continue
                break
            chain.reverse()
            prev_org: E | None = None
            for title, org in chain:
                org_text = org.text if org else None
                if org is None and prev_org is not None:
                    org_text = prev_org.text
                    if _PARTY_COMMITTEE.search(org_text) and not _PARTY_TITLE.search(title.text):
                        org_text = org_text[:-1]
                if org is not None:
                    prev_org = org
                out.setdefault((e.text, title.text), org_text)
        # 2. a title right after the name (李克强总理) or in brackets after it
        k = i + 1
        if k < len(ents) and ents[k].label == "TITLE" and _ADJ.match(gap(e, ents[k])):
            out.setdefault((e.text, ents[k].text), None)
        elif k + 1 < len(ents) and ents[k].label in ("ORG", "GPE") and ents[k + 1].label == "TITLE" \
                and _BRACKET_OPEN.match(gap(e, ents[k])) and _ADJ.match(gap(ents[k], ents[k + 1])):
            out.setdefault((e.text, ents[k + 1].text), ents[k].text)
    return [{"person": p, "title": t, "org": o} for (p, t), o in out.items()]


def city_provinces(ents: list[E], province_of, is_below_province) -> list[dict]:
    """RETURNS ``[{"city", "province"}]`` for GPEs below province level (by division code).

    province_of (callable): code -> full province name or None.
    is_below_province (callable): code -> bool.
    """
    out, seen = [], set()
    for e in sorted(ents):
        if e.label != "GPE" or not e.value or not isinstance(e.value, str):
            continue
        if not is_below_province(e.value):
            continue
        prov = province_of(e.value)
        if prov and (e.text, prov) not in seen:
            seen.add((e.text, prov))
            out.append({"city": e.text, "province": prov})
    return out
