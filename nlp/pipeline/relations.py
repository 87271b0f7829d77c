"""The relation stage: reads ``doc.ents`` and writes ``doc._.relations`` (rules in nlp/relations.py)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..labels import EXT_VALUE
from ..relations import E, city_provinces, person_titles
from .entities import doc_text


@Language.factory("zh_news_relations", assigns=["doc._.relations"], requires=["doc.ents"])
def make_relations(nlp: Language, name: str) -> "Relations":
    return Relations()


class Relations:
    """Writes person_title and city_province relations from the entities on the Doc."""

    def __call__(self, doc: Doc) -> Doc:
        from .. import gazetteer

        text = doc_text(doc)
        ents = [E(e.start_char, e.end_char, e.label_, text[e.start_char:e.end_char], e._.get(EXT_VALUE))
                for e in doc.ents]
        doc._.relations_data = {
            "person_title": person_titles(text, ents),
            "city_province": city_provinces(ents, gazetteer.province_of, _below_province),
        }
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:  # stateless
        pass

    def from_disk(self, path, exclude=tuple()) -> "Relations":
        return self


def _below_province(code: str) -> bool:
    from .. import gazetteer

    return gazetteer.level_of(code) in ("prefecture", "county")
