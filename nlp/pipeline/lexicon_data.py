"""Saving and loading the rule stages: the data they read, fingerprinted.

The lexicons ship inside the package (``nlp/data``), so a saved stage records which
versions of its data files it was saved with (``data.json``: SHA-256 per file) and loading
it refuses an installation whose files differ, rather than giving other results silently.
"""
from __future__ import annotations

from ..data import check_fingerprint, save_fingerprint

PLACE_FILES = ("places.tsv", "locations.tsv", "foreign_places.tsv", "townships.txt", "place_risky.txt",
               "place_risky_auto.txt")
TITLE_FILES = ("titles_core.txt", "titles.txt", "title_prefixes.txt")
NAME_FILES = ("surnames.txt", "name_addresses.txt")
ORG_FILES = ("orgs_known.txt", "orgs_corpus.tsv", "org_suffixes.tsv", "org_stopwords.txt", "org_endings.tsv",
             "org_lines.txt")
NUMBER_FILES = ("units.tsv", "date_words.tsv", "number_exclude.txt")


class LexiconComponent:
    """``to_disk`` / ``from_disk`` for a stage whose state is the shipped data it reads.

    Subclasses set ``data_files`` and load their data in ``initialize``.
    """

    data_files: tuple[str, ...] = ()

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        """Load the data now rather than on the first document."""

    def to_disk(self, path, exclude=tuple()) -> None:
        save_fingerprint(path, self.data_files)

    def from_disk(self, path, exclude=tuple()):
        check_fingerprint(path)
        self.initialize()
        return self
