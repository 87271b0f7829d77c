"""The TITLE stage: positions and ranks, as candidates.

A thin adapter over ``lexicon.titles.find_titles``. Reads the words and the entities merged
so far (a title never starts inside one: 市长 in 南京市长江大桥 is not read once 南京市 is a
GPE); writes ``doc.spans["titles"]``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon.titles import find_titles, lexicon
from .lexicon_data import TITLE_FILES, LexiconComponent
from .merge import RULES, merged_view, write_candidates
from .doc_spans import doc_text


class TitleRecognizer(LexiconComponent):
    """spaCy component: TITLE candidates (merge rule ``RULES["titles"]``)."""

    data_files = TITLE_FILES + ("surnames.txt",)

    def __init__(self, nlp: Language, name: str = "titles") -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Load the lexicon now rather than on the first document."""
        lexicon()

    def __call__(self, doc: Doc) -> Doc:
        view = merged_view(doc)
        blocked = [(e.start, e.end) for e in view.ents]
        starts = {s for s, _ in view.words} | {e for _, e in blocked}
        ends = {e for _, e in view.words}
        return write_candidates(doc, self.name, find_titles(doc_text(doc), starts, ends, blocked), RULES["titles"])


@Language.factory("zh_news_titles", requires=["doc.spans"], assigns=["doc.spans"])
def make_titles(nlp: Language, name: str) -> TitleRecognizer:
    """Factory of the rule-based TITLE recogniser."""
    return TitleRecognizer(nlp, name)
