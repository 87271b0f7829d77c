"""The numbers stage: DATE, MONEY, PERCENT and QUANTITY with values, as candidates.

A thin adapter over ``lexicon.numbers.find_numbers`` (the conventions are listed there).
Writes ``doc.spans["numbers"]``, merged with ``dates_cut_orgs``: an ORG found earlier that
begins with a relative date loses it (今年上半年|集团).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon.candidates import Ent
from ..lexicon.numbers import build_patterns, find_numbers
from .lexicon_data import NUMBER_FILES, LexiconComponent
from .merge import RULES, write_candidates
from .doc_spans import doc_text


class NumberRecognizer(LexiconComponent):
    """spaCy component: number candidates with value and unit (merge rule ``RULES["numbers"]``).

    emit_cardinal (bool): also write bare numbers as CARDINAL.
    """

    data_files = NUMBER_FILES

    def __init__(self, nlp: Language, name: str = "numbers", *, emit_cardinal: bool = False):
        self.name = name
        self.emit_cardinal = emit_cardinal

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Build the patterns (reads units.tsv, date_words.tsv) now rather than on the first document."""
        build_patterns()

    def __call__(self, doc: Doc) -> Doc:
        """Add the number candidates of ``doc``. RETURNS the same Doc."""
        cands = find_numbers(doc_text(doc), emit_cardinal=self.emit_cardinal)
        return write_candidates(doc, self.name, [Ent(c.start, c.end, c.label, c.value, c.unit) for c in cands],
                                RULES["numbers"])


@Language.factory("zh_news_numbers", assigns=["doc.spans"], default_config={"emit_cardinal": False})
def make_numbers(nlp: Language, name: str, emit_cardinal: bool) -> NumberRecognizer:
    """Factory of the numbers stage. RETURNS (NumberRecognizer)."""
    return NumberRecognizer(nlp, name, emit_cardinal=emit_cardinal)
