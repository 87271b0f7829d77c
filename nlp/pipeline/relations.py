"""The relation stage: reads ``doc.ents``, writes ``doc._.relations`` (rules in lexicon/relations.py,
the trained holder scorer in lexicon/holders.py)."""
from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register as register_extensions
from ..labels import EXT_VALUE, ORG
from ..lexicon import gazetteer
from ..lexicon.holders import HolderModel, load as load_holder_model
from ..lexicon.relations import E, city_provinces, person_titles
from ..shipped_models import models_dir
from .doc_spans import doc_text
from .merge import statistical_spans

register_extensions()


@Language.factory("zh_news_relations", assigns=["doc._.relations"], requires=["doc.ents"],
                  default_config={"holder_model": "default"})
def make_relations(nlp: Language, name: str, holder_model: str | None) -> "Relations":
    """holder_model: "default" (the shipped models/holders/holders.json), a path to another
    one (``python -m nlp train holders``), or null for the person_title rules alone."""
    return Relations(holder_model)


_HOLDERS_FILE = "holders.json"


def default_holder_model() -> Path:
    """RETURNS the shipped holder scorer (``models/holders/holders.json``)."""
    return models_dir() / "holders" / _HOLDERS_FILE


def entities_of(doc: Doc) -> list[E]:
    """The Doc's entities as the relation rules read them, sorted by offset."""
    text = doc_text(doc)
    return sorted(E(e.start_char, e.end_char, e.label_, text[e.start_char:e.end_char], e._.get(EXT_VALUE))
                  for e in doc.ents)


class Relations:
    """Writes person_title and city_province relations from the entities on the Doc.

    The holder scorer loads on first use, like the NER model (``holders``: the loaded
    ``HolderModel`` or None; set it to None for the rules alone)."""

    def __init__(self, holder_model: str | Path | None = "default"):
        # the path still to load ("default": the shipped file), or None once loaded or off
        self._pending: str | Path | None = holder_model
        self._holders: HolderModel | None = None

    @property
    def holders(self) -> HolderModel | None:
        if self._pending is not None:
            path = default_holder_model() if self._pending == "default" else self._pending
            self._holders, self._pending = load_holder_model(str(path)), None
        return self._holders

    @holders.setter
    def holders(self, model: HolderModel | None) -> None:
        self._holders, self._pending = model, None

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ents = entities_of(doc)
        doc._.relations_data = {
            "person_title": person_titles(text, ents, self.holders),
            "city_province": city_provinces(ents, gazetteer.province_of, _below_province, text, _readings,
                                            [(a, b) for a, b, label in statistical_spans(doc) if label == ORG],
                                            gazetteer.foreign_countries()),
        }
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:
        """Save the holder scorer (``holders.json``) with the pipeline; the rules have no state."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.holders is not None:
            (path / _HOLDERS_FILE).write_text(json.dumps(self.holders.to_json(), ensure_ascii=False),
                                              encoding="utf-8")

    def from_disk(self, path, exclude=tuple()) -> "Relations":
        """Read the scorer saved by ``to_disk`` (none saved: the rules alone)."""
        saved = Path(path) / _HOLDERS_FILE
        self.holders = load_holder_model(str(saved)) if saved.exists() else None
        return self


#: Province codes whose cities the official 2023 division codes do not list (Taiwan's come from
#: jionlp only): SPEC's city_province is by official division, so they get no entry (台北).
_UNLISTED_PROVINCES = ("71",)


def _below_province(code: str) -> bool:
    return gazetteer.level_of(code) in ("prefecture", "county") and not code.startswith(_UNLISTED_PROVINCES)


def _readings(name: str) -> tuple[str, ...]:
    """RETURNS the codes of every division ``name`` may denote (鼓楼区: four districts)."""
    return tuple(p.code for p in gazetteer.places_by_name().get(name, ()) if p.code)
