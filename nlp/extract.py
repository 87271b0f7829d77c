"""Running the pipeline over documents: batching, long documents, records out.

Long documents are cut into chunks at paragraph or sentence ends (never inside a sentence
unless a sentence alone is longer than the chunk size), processed in batches bounded in
characters, and their entities shifted back onto the document's offsets, so memory stays
bounded and time grows linearly with length.
"""
from __future__ import annotations

import sys
from collections import deque
from typing import Iterable, Iterator

from spacy.language import Language

from .errors import InputError, ProcessingError
from .io.documents import Document
from .io.records import entity_dict
from .text import BATCH_CHARS, MAX_CHUNK, char_batches, chunks, merge_relations, sentences  # noqa: F401

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
            batch_chars: int = BATCH_CHARS, explain: bool = False) -> Iterator[dict | InputError]:
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
                ent = entity_dict(span, explain=explain)  # explain: + the entity's stage
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
