"""The PERSON-cue stage: names next to titles, appointment phrases, dotted foreign names.

A thin adapter over ``lexicon.people.PersonCues``. Reads the words and the entities merged
so far (it needs the TITLEs: run it after ``zh_news_titles``); writes
``doc.spans["person_cues"]``, merged with ``people_over_same_places``: the person a title
names replaces the place read in the name (院长|黄河).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon.names import surnames
from ..lexicon.people import PersonCues
from .lexicon_data import NAME_FILES, PLACE_FILES, TITLE_FILES, LexiconComponent
from .merge import RULES, merged_view, write_candidates
from .doc_spans import doc_text


class PersonCueRecognizer(LexiconComponent):
    """spaCy component: PERSON candidates from cues (merge rule ``RULES["person_cues"]``)."""

    data_files = NAME_FILES + TITLE_FILES + PLACE_FILES + ("orgs_known.txt",)

    def __init__(self, nlp: Language, name: str = "person_cues") -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Load the surname list now rather than on the first document."""
        surnames()

    def __call__(self, doc: Doc) -> Doc:
        view = merged_view(doc)
        ents = [(e.start, e.end, e.label) for e in view.ents]
        found = PersonCues(doc_text(doc), view.words, ents).find()
        return write_candidates(doc, self.name, found, RULES["person_cues"])


@Language.factory("zh_news_person_cues", requires=["doc.spans"], assigns=["doc.spans"])
def make_person_cues(nlp: Language, name: str) -> PersonCueRecognizer:
    """Factory of the PERSON cue recogniser (run it after zh_news_titles)."""
    return PersonCueRecognizer(nlp, name)
