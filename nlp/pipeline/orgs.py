"""The ORG stage: known bodies and the name + suffix grammar, as candidates.

A thin adapter over ``lexicon.org_finder.OrgFinder``. Reads the words and the entities
merged so far (its anchors are the GPEs); writes ``doc.spans["orgs"]``, merged with
``replace_contained``: the ORG 湖北省人民政府 replaces the GPE 湖北省.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import orgs
from ..lexicon.org_finder import OrgFinder
from .lexicon_data import ORG_FILES, PLACE_FILES, TITLE_FILES, LexiconComponent
from .merge import RULES, merged_view, write_candidates
from .doc_spans import doc_text


class OrgRecognizer(LexiconComponent):
    """spaCy component: ORG candidates (merge rule ``RULES["orgs"]``)."""

    data_files = ORG_FILES + PLACE_FILES + TITLE_FILES + ("surnames.txt",)

    def __init__(self, nlp: Language, name: str = "orgs") -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Load the data now rather than on the first document."""
        orgs.known(), orgs.suffixes(), orgs.stop_words()

    def __call__(self, doc: Doc) -> Doc:
        view = merged_view(doc)
        ents = [(e.start, e.end, e.label) for e in view.ents]
        return write_candidates(doc, self.name, OrgFinder(doc_text(doc), view.words, ents).find(), RULES["orgs"])


@Language.factory("zh_news_orgs", requires=["doc.spans"], assigns=["doc.spans"])
def make_orgs(nlp: Language, name: str) -> OrgRecognizer:
    """Factory of the rule-based ORG recogniser (run it after zh_news_places)."""
    return OrgRecognizer(nlp, name)
