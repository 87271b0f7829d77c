"""Plain-text helpers every layer shares: width folding, punctuation classes, sentences, chunks.

No spaCy here. The punctuation classes are the one place that names which characters break
a name, a clause or a sentence; each rule that stops at punctuation imports its class from
here rather than spelling its own set.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator, TypeVar

from .labels import RELATION_KINDS

# Full-width ASCII (U+FF01..U+FF5E) maps one-to-one onto ASCII; offsets are kept.
_WIDTH_TABLE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = 0x20  # ideographic space


def fold_width(text: str) -> str:
    """Map full-width ASCII characters to half-width, one character for one.

    Used before segmentation and numeral parsing so that ``１２３`` and ``123``
    behave alike; the result has the same length, so offsets stay valid.
    """
    return text.translate(_WIDTH_TABLE)


# -- punctuation classes ----------------------------------------------------------------
#: Ends a sentence (what ``sentences`` and the segmenter's blocks cut after).
SENTENCE_END = frozenset("\n。！？!?")
#: Ends a clause or sentence: what a chunk of a long text may end after.
CLAUSE_END = SENTENCE_END | frozenset("；;")
#: Closing quotes and brackets that stay with the sentence they close.
CLOSING_QUOTES = "”’」』）)"
#: Characters around a person's name that end it: punctuation, quotes, brackets, blanks.
NAME_BREAK = frozenset("，。、；：！？,.;:!?“”\"《》（）()\n\t ")
#: What ends a company name read leftwards: NAME_BREAK's punctuation plus more quotes and
#: dashes, without brackets (a bracketed place belongs to the name: 星河（苏州）).
ORG_NAME_BREAK = frozenset("，。、；：！？,.;:!?“”\"'‘’《》「」『』«»〈〉—…\n\t \u3000\u00a0")
#: Brackets and quotes a span must close if it opens them (opening -> closing).
BRACKET_PAIRS = {"（": "）", "(": ")", "《": "》", "“": "”", "[": "]", "【": "】"}
#: Middle dots that join the parts of a foreign name (玛丽亚·洛佩斯).
NAME_DOTS = "·•‧・"
#: Hyphens that news writes between the parts of a foreign name instead of a dot.
HYPHENS = "-－‐"

_SENT_END = re.compile(r"\n+|[。！？!?；;](?:[”’」』）)])?")
# Full stops only: a sentence as the NER training data has one (MSRA train splits after
# 。！？ and never at ；).
_FULL_STOP = re.compile(r"\n+|[。！？!?]+(?:[”’」』）)])?")

#: Characters per pipeline call when a long text is cut into chunks.
MAX_CHUNK = 5000
#: Characters sent through the pipeline in one batch: the statistical model's memory grows
#: with them, so batches are bounded in characters as well as in documents.
BATCH_CHARS = 20000
#: Documents sent through the pipeline in one batch (at most; BATCH_CHARS bounds long ones).
#: The tagger batches sentences of similar length across documents, so short texts
#: (headlines, posts) run faster in large batches.
BATCH_DOCS = 256

T = TypeVar("T")


def inside_a_work_title(text: str, start: int, end: int) -> bool:
    """RETURNS whether ``text[start:end]`` lies inside a title of a work (《千山暮雪》): the
    last 《 before it is still open and a 》 follows within 60 characters."""
    opening = text.rfind("《", 0, start)
    return opening >= 0 and text.rfind("》", opening, start) < 0 and "》" in text[end:end + 60]


def chunks(text: str, size: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces of at most ``size`` chars at sentence ends.

    The pieces are contiguous and cover ``text``; an empty text is one empty piece.
    """
    if len(text) <= size:
        return [(0, len(text))]
    out, start, last_break = [], 0, 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if end - start > size:
            if last_break > start:
                out.append((start, last_break))
                start = last_break
            while end - start > size:  # one very long sentence: hard cut
                out.append((start, start + size))
                start += size
        last_break = end
    if len(text) - start > size and last_break > start:
        out.append((start, last_break))
        start = last_break
    while len(text) - start > size:
        out.append((start, start + size))
        start += size
    if start < len(text):
        out.append((start, len(text)))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Cut ``text`` into contiguous ``(start, end)`` sentences, each ending after its full
    stop (and closing quote). RETURNS the pieces; they cover ``text``."""
    out, start = [], 0
    for m in _FULL_STOP.finditer(text):
        if m.end() > start:
            out.append((start, m.end()))
            start = m.end()
    if start < len(text) or not out:
        out.append((start, len(text)))
    return out


def char_batches(items: Iterable[T], max_chars: int, max_items: int,
                 size: Callable[[T], int] = len) -> Iterator[list[T]]:
    """Group ``items`` into lists of at most ``max_items`` items and about ``max_chars``
    characters (an item longer than that is a batch of its own). Lazy: reads one item ahead."""
    batch: list[T] = []
    chars = 0
    for item in items:
        n = size(item)
        if batch and (chars + n > max_chars or len(batch) >= max_items):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += n
    if batch:
        yield batch


def _relation_key(kind: str, item: dict) -> tuple:
    if kind == "person_title":      # SPEC: one entry per (person, title), the first wins
        return item.get("person"), item.get("title")
    if kind == "city_province":
        return item.get("city"), item.get("province")
    return tuple(sorted((k, repr(v)) for k, v in item.items()))


def merge_relations(parts: Iterable[dict]) -> dict[str, list]:
    """Merge the ``Doc._.relations`` of consecutive pieces of one text, in order, the first
    entry for a key winning as within one piece. RETURNS ``{kind: [item, ...]}``."""
    merged: dict[str, list] = {kind: [] for kind in RELATION_KINDS}
    seen: set[tuple] = set()
    for relations in parts:
        for kind, items in relations.items():
            out = merged.setdefault(kind, [])
            for item in items:
                key = (kind,) + _relation_key(kind, item)
                if key not in seen:
                    seen.add(key)
                    out.append(item)
    return merged
