"""Running the pipeline over documents: batching, long documents, records out.

Long documents are cut into chunks at paragraph or sentence ends (never inside a sentence
unless a sentence alone is longer than the chunk size), processed in batches bounded in
characters, and their entities shifted back onto the document's offsets, so memory stays
bounded and time grows linearly with length.
"""
from __future__ import annotations

import re
import sys
from collections import deque
from typing import Callable, Iterable, Iterator, TypeVar

from spacy.language import Language

from .errors import InputError, ProcessingError
from .io.documents import Document
from .io.records import entity_dict

MAX_CHUNK = 5000  # characters per pipeline call
#: Characters sent through the pipeline in one batch: the statistical model's memory grows
#: with them (about 20 kB a character for the shipped one), so batches are bounded in
#: characters as well as in documents.
BATCH_CHARS = 20000
_SENT_END = re.compile(r"\n+|[。！？!?；;](?:[”’」』）)])?")
# Full stops only: a sentence as the NER training data has one (MSRA train splits after
# 。！？ and never at ；).
_FULL_STOP = re.compile(r"\n+|[。！？!?]+(?:[”’」』）)])?")

T = TypeVar("T")


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
    merged: dict[str, list] = {"person_title": [], "city_province": []}
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


class _Pending:
    """A document waiting for its chunks (or an ``InputError`` waiting for its turn)."""
    __slots__ = ("item", "remaining", "entities", "relations", "error")

    def __init__(self, item: Document | InputError, remaining: int):
        self.item, self.remaining = item, remaining
        self.entities: list[dict] = []
        self.relations: list[dict] = []
        self.error: Exception | None = None


def extract(nlp: Language, documents: Iterable[Document | InputError], *,
            batch_size: int = 32, chunk_size: int = MAX_CHUNK,
            batch_chars: int = BATCH_CHARS) -> Iterator[dict | InputError]:
    """Yield one SPEC record per document (or the ``InputError`` in its place), in order.

    Documents are cut into chunks of at most ``chunk_size`` characters; chunks go through
    ``nlp.pipe`` in batches of at most ``batch_size`` chunks and about ``batch_chars``
    characters, and each processed chunk is turned into entity dicts at once, so memory does
    not grow with a document's length beyond its text and its entities.
    """
    pending: deque[_Pending] = deque()

    def jobs() -> Iterator[tuple[_Pending, int, str]]:
        for item in documents:
            if isinstance(item, InputError):
                pending.append(_Pending(item, 0))
                continue
            bounds = chunks(item.text, chunk_size)
            slot = _Pending(item, len(bounds))
            pending.append(slot)
            for s, e in bounds:
                yield slot, s, item.text[s:e]

    def finished() -> Iterator[dict | InputError]:
        while pending and pending[0].remaining == 0:
            slot = pending.popleft()
            if isinstance(slot.item, InputError):
                yield slot.item
            elif slot.error is not None:
                yield ProcessingError(slot.item.source, slot.item.line, slot.error)
            else:
                yield _record(slot)

    for batch in char_batches(jobs(), batch_chars, batch_size, size=lambda job: len(job[2])):
        yield from finished()  # errors read before this batch's documents
        for (slot, offset, _), doc in zip(batch, _process(nlp, [t for _, _, t in batch])):
            slot.remaining -= 1
            if isinstance(doc, Exception):
                slot.error = slot.error or doc
                continue
            for span in doc.ents:
                ent = entity_dict(span)
                ent["start"] += offset
                ent["end"] += offset
                slot.entities.append(ent)
            slot.relations.append(doc._.relations)
        yield from finished()
    yield from finished()


def _process(nlp: Language, texts: list[str]) -> list:
    """RETURNS the processed ``Doc`` of each text, or the exception the pipeline raised on it
    (a failing batch is run again one text at a time to find the culprit)."""
    try:
        return list(nlp.pipe(texts, batch_size=len(texts)))
    except MemoryError:
        raise
    except Exception:
        if len(texts) == 1:
            return [sys.exc_info()[1]]
    out: list = []
    for text in texts:
        try:
            out.append(nlp(text))
        except MemoryError:
            raise
        except Exception as e:
            out.append(e)
    return out


def _record(slot: _Pending) -> dict:
    item = slot.item
    rec: dict = {}
    if item.id is not None:
        rec["id"] = item.id
    rec["text"] = item.text
    rec["entities"] = slot.entities
    rec["relations"] = merge_relations(slot.relations)
    for k, v in item.meta.items():
        rec.setdefault(k, v)
    return rec
