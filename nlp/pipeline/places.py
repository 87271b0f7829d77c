"""The places stage: gazetteer GPE (with division codes) and LOC, as candidates.

A thin adapter over ``lexicon.places.PlaceMatcher`` (the data and the matching rules are
described there); in a sports report a foreign city or country that names a team becomes
ORG (``lexicon.teams``). Reads the words; writes ``doc.spans["places"]``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon.places import MATCHER
from ..lexicon.teams import as_teams
from .lexicon_data import PLACE_FILES, TITLE_FILES, LexiconComponent
from .merge import RULES, merged_view, write_candidates
from .doc_spans import doc_text


class PlaceRecognizer(LexiconComponent):
    """spaCy component: gazetteer places as candidates (merge rule ``RULES["places"]``).

    token_boundaries (bool): a name must start and end at word boundaries.
    """

    data_files = PLACE_FILES + TITLE_FILES + ("surnames.txt",)

    def __init__(self, nlp: Language, name: str = "places", *, token_boundaries: bool = True) -> None:
        self.name = name
        self.token_boundaries = token_boundaries
        self.matcher = MATCHER

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Load the data now rather than on the first document."""
        self.matcher.load()

    def __call__(self, doc: Doc) -> Doc:
        words = merged_view(doc).words
        starts = ends = None
        if self.token_boundaries:
            starts = {s for s, _ in words}
            ends = {e for _, e in words}
        text = doc_text(doc)
        return write_candidates(doc, self.name, as_teams(text, self.matcher.find(text, starts, ends)), RULES["places"])


@Language.factory("zh_news_places", assigns=["doc.spans"],
                  default_config={"token_boundaries": True})
def make_places(nlp: Language, name: str, token_boundaries: bool) -> PlaceRecognizer:
    """Factory of the gazetteer place recogniser (GPE with division codes, LOC)."""
    return PlaceRecognizer(nlp, name, token_boundaries=token_boundaries)
