"""The relation stage: reads ``doc.ents``, writes ``doc._.relations`` (rules in lexicon/relations.py)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register as register_extensions
from ..labels import EXT_VALUE
from ..lexicon import gazetteer
from ..lexicon.relations import E, city_provinces, person_titles
from .doc_spans import doc_text

register_extensions()


@Language.factory("zh_news_relations", assigns=["doc._.relations"], requires=["doc.ents"])
def make_relations(nlp: Language, name: str) -> "Relations":
    return Relations()


class Relations:
    """Writes person_title and city_province relations from the entities on the Doc."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ents = [E(e.start_char, e.end_char, e.label_, text[e.start_char:e.end_char], e._.get(EXT_VALUE))
                for e in doc.ents]
        doc._.relations_data = {
            "person_title": person_titles(text, ents),
            "city_province": city_provinces(ents, gazetteer.province_of, _below_province, text, _readings),
        }
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:  # stateless
        pass

    def from_disk(self, path, exclude=tuple()) -> "Relations":
        return self


#: Province codes whose cities the official 2023 division codes do not list (Taiwan's come from
#: jionlp only): SPEC's city_province is by official division, so they get no entry (台北).
_UNLISTED_PROVINCES = ("71",)


def _below_province(code: str) -> bool:
    return gazetteer.level_of(code) in ("prefecture", "county") and not code.startswith(_UNLISTED_PROVINCES)


def _readings(name: str) -> tuple[str, ...]:
    """RETURNS the codes of every division ``name`` may denote (鼓楼区: four districts)."""
    return tuple(p.code for p in gazetteer.places_by_name().get(name, ()) if p.code)
