"""TITLE: positions and ranks (副市长, 总会计师, 党组副书记, 首席科学家).

A title is a lexicon entry or a prefix followed by a title, recursively:

- lexicon: ``titles_core.txt`` (hand-made) and ``titles.txt`` (built by
  ``python -m nlp.training.build_titles`` from the Resume NER and CLUENER train splits);
- prefixes: ``title_prefixes.txt`` (副, 常务, 代, 党组, 首席, 轮值, 名誉, 执行, 董事会, ...),
  so 常务副省长 = 常务 + 副 + 省长 and 党组副书记 = 党组 + 副 + 书记 are one TITLE.

Matching takes, at each word start that is not inside an existing entity, the longest
title that ends at a word end, where an existing entity starts, or where a Chinese name
starts (the segmenter glues 盟长斯琴 and splits 副州|长金|永哲); never before 会/会议
(常委会议: a meeting, not the post). Word boundaries keep
市长 out of 南京市长江大桥 (南京市 is already a GPE; 市长 would start inside it) and out
of 城市长期. Organ + title splits come from the order of the stages: after
``zh_news_orgs`` has written ORG 武汉市委, only 书记 is left for this stage.
"""
from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc

from ..data import read_tsv
from .entities import Ent, add_entities

TITLE = "TITLE"
MAX_LEN = 12


@functools.lru_cache(maxsize=None)
def lexicon() -> tuple[frozenset[str], tuple[str, ...]]:
    """RETURNS (titles, prefixes longest first) from the data files."""
    titles = {f[0] for _, f in read_tsv("titles_core.txt")}
    titles |= {f[0] for _, f in read_tsv("titles.txt")}
    prefixes = sorted({f[0] for _, f in read_tsv("title_prefixes.txt")}, key=len, reverse=True)
    return frozenset(titles), tuple(prefixes)


def is_title(s: str) -> bool:
    """RETURNS whether ``s`` is a title: a lexicon entry or prefix + title."""
    titles, prefixes = lexicon()
    if s in titles:
        return True
    return any(s.startswith(p) and len(s) > len(p) + 1 and is_title(s[len(p):]) for p in prefixes)


# A title word followed by these is part of another word: 常委会议, 常委会 (a body, not a post).
_NOT_AFTER = ("会议", "会")


def _name_follows(text: str, j: int) -> bool:
    """RETURNS whether a Chinese name (surname + given name) starts at ``j``.

    Lets a title end inside a word when the segmenter glued it to the name after it
    (盟长斯琴|巴特尔, 副州|长金|永哲).
    """
    from .person_cues import name_at

    return j < len(text) and name_at(text, j, set(), set()) is not None


def find_titles(text: str, starts: set[int], ends: set[int], blocked: list[tuple[int, int]]) -> list[Ent]:
    """TITLE entities in ``text``: leftmost-longest, at word boundaries, outside ``blocked``.

    starts, ends: word boundaries (character offsets); blocked: spans of existing entities.
    RETURNS (list[Ent]).
    """
    inside = set()
    ent_starts = set()
    for s, e in blocked:
        inside.update(range(s, e))
        ent_starts.add(s)
    out: list[Ent] = []
    i, n = 0, len(text)
    while i < n:
        if i in inside or i not in starts:
            i += 1
            continue
        for j in range(min(n, i + MAX_LEN), i + 1, -1):
            if (j in ends or j in ent_starts or _name_follows(text, j)) and not inside.intersection(range(i, j)) \
                    and is_title(text[i:j]) and not text.startswith(_NOT_AFTER, j):
                out.append(Ent(i, j, TITLE))
                i = j
                break
        else:
            i += 1
    return out


class TitleRecognizer:
    """spaCy component: write TITLE entities (existing entities win)."""

    def __init__(self, nlp: Language, name: str = "titles") -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Load the lexicon now rather than on the first document."""
        lexicon()

    def __call__(self, doc: Doc) -> Doc:
        starts = {t.idx for t in doc} | {e.end_char for e in doc.ents}
        ends = {t.idx + len(t.text) for t in doc}
        blocked = [(e.start_char, e.end_char) for e in doc.ents]
        return add_entities(doc, find_titles(doc.text, starts, ends, blocked))


@Language.factory("zh_news_titles", assigns=["doc.ents"])
def make_titles(nlp: Language, name: str) -> TitleRecognizer:
    """Factory of the rule-based TITLE recogniser."""
    return TitleRecognizer(nlp, name)
