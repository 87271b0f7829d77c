"""Running the pipeline over documents: batching, long documents, records out.

Long documents are cut into chunks at paragraph or sentence ends (never inside a sentence
unless a sentence alone is longer than the chunk size), processed in batches, and their
entities shifted back onto the document's offsets, so memory stays bounded and time grows
linearly with length.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.language import Language

from .errors import InputError
from .io.documents import Document
from .io.records import entity_dict

MAX_CHUNK = 5000  # characters per pipeline call
_SENT_END = re.compile(r"\n+|[。！？!?；;](?:[”’」』）)])?")


def chunks(text: str, size: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces of at most ``size`` chars at sentence ends."""
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


def _merge(pieces: list[tuple[int, object]]) -> tuple[list[dict], dict]:
    ents, rels = [], {"person_title": [], "city_province": []}
    for offset, doc in pieces:
        for span in doc.ents:
            e = entity_dict(span)
            e["start"] += offset
            e["end"] += offset
            ents.append(e)
        for kind, items in doc._.relations.items():
            for item in items:
                if item not in rels[kind]:
                    rels[kind].append(item)
    return ents, rels


def extract(nlp: Language, documents: Iterable[Document | InputError], *,
            batch_size: int = 32, chunk_size: int = MAX_CHUNK) -> Iterator[dict | InputError]:
    """Yield one SPEC record per document (or the ``InputError`` in its place), in order."""
    buffer: list[Document | InputError] = []
    for item in documents:
        buffer.append(item)
        if sum(len(d.text) for d in buffer if isinstance(d, Document)) >= batch_size * 500 or len(buffer) >= batch_size:
            yield from _run(nlp, buffer, chunk_size)
            buffer = []
    if buffer:
        yield from _run(nlp, buffer, chunk_size)


def _run(nlp: Language, items: list, chunk_size: int) -> Iterator[dict | InputError]:
    jobs = []  # (item index, chunk start, chunk text)
    for i, item in enumerate(items):
        if isinstance(item, Document):
            for s, e in chunks(item.text, chunk_size):
                jobs.append((i, s, item.text[s:e]))
    done: dict[int, list] = {}
    for (i, s, _), doc in zip(jobs, nlp.pipe(t for _, _, t in jobs)):
        done.setdefault(i, []).append((s, doc))
    for i, item in enumerate(items):
        if isinstance(item, InputError):
            yield item
            continue
        ents, rels = _merge(done.get(i, []))
        rec: dict = {}
        if item.id is not None:
            rec["id"] = item.id
        rec["text"] = item.text
        rec["entities"] = ents
        rec["relations"] = rels
        for k, v in item.meta.items():
            rec.setdefault(k, v)
        yield rec
