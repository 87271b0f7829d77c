"""Running ``extract`` on a ``dask.distributed`` cluster (the optional extra ``[dask]``).

- ``extract_on_cluster(address, documents)``: what ``python -m nlp extract --dask ADDRESS``
  runs. The documents are read here, as in a local run (so bad lines are reported as
  ``file:line: reason``), cut into partitions of ``batch_size`` documents and sent to the
  workers as tasks, at most two a worker thread in flight; the records come back in input
  order.
- ``extract_bag(bag)``: a ``dask.bag`` of documents to a bag of SPEC records, partition by
  partition.

Each worker process builds the pipeline once, on its first task, and keeps it in a module
cache: the pipeline is never pickled, a task carries only its documents. Every worker needs
this package installed (``pip install ".[dask]"``), with its models.
"""
from __future__ import annotations

import functools
import threading
from collections import deque
from typing import Iterable, Iterator

import dask.bag
import distributed

import nlp as package

from .errors import InputError, SetupError
from .extract import (BATCH_CHARS, BATCH_DOCS, MAX_CHUNK, extract_batch, load_pipeline, quiet_libraries,
                      ready_batches)
from .io.documents import Document, read_jsonl_lines

_pipelines: dict[str, object] = {}  # segmenter -> the pipeline of this worker process
_lock = threading.Lock()


def worker_pipeline(segmenter: str = "tagger", quiet: bool = True):
    """RETURNS this process's pipeline for ``segmenter``, loaded on first use (once per
    worker process, whatever the number of its threads). RAISES ModelLoadError."""
    with _lock:
        if segmenter not in _pipelines:
            if quiet:
                quiet_libraries()
            _pipelines[segmenter] = load_pipeline(functools.partial(package.load, segmenter=segmenter))
        return _pipelines[segmenter]


def extract_partition(documents: list, segmenter: str = "tagger", batch_size: int = BATCH_DOCS,
                      quiet: bool = True) -> list[dict | InputError]:
    """The task run on a worker: RETURNS the records (or errors) of ``documents``, in order.

    documents: ``Document`` or ``InputError`` objects, dicts (a parsed JSONL record: ``text``,
    optional ``id``, other fields kept) or strings (one JSONL line each, read as a file's).
    """
    nlp = worker_pipeline(segmenter, quiet)
    return extract_batch(nlp, [_document(d) for d in documents], batch_size=batch_size,
                         chunk_size=MAX_CHUNK, batch_chars=BATCH_CHARS)


def _document(item) -> Document | InputError:
    if isinstance(item, (Document, InputError)):
        return item
    if isinstance(item, str):
        return next(iter(read_jsonl_lines([item], "<bag>")))
    if isinstance(item, dict):
        if not isinstance(item.get("text"), str):
            return InputError("<bag>", None, "a document needs a 'text' string")
        meta = {k: v for k, v in item.items() if k not in ("text", "id", "entities", "relations", "optional")}
        doc_id = item.get("id")
        return Document(text=item["text"], id=None if doc_id is None else str(doc_id), meta=meta, source="<bag>")
    return InputError("<bag>", None, f"not a document: {type(item).__name__}")


def extract_bag(bag: dask.bag.Bag, *, segmenter: str = "tagger", batch_size: int = BATCH_DOCS) -> dask.bag.Bag:
    """RETURNS a bag of the SPEC records of ``bag``'s documents (an ``InputError`` in place
    of each that cannot be read), partition by partition, in order. See ``extract_partition``
    for what an item may be; a bag from ``dask.bag.read_text("*.jsonl")`` works as it is."""
    return bag.map_partitions(extract_partition, segmenter=segmenter, batch_size=batch_size)


def extract_on_cluster(address: str | distributed.Client, documents: Iterable[Document | InputError], *,
                       segmenter: str = "tagger", batch_size: int = BATCH_DOCS,
                       quiet: bool = True) -> Iterator[dict | InputError]:
    """Yield the records of ``documents`` (or their errors), in order, computed on the
    cluster at ``address`` (or with an existing ``Client``). RAISES ModelLoadError when the
    workers cannot load the pipeline, SetupError when the scheduler cannot be reached."""
    own = not isinstance(address, distributed.Client)
    try:
        client = distributed.Client(address, set_as_default=False) if own else address
    except (OSError, TimeoutError) as e:
        raise SetupError(str(address), f"cannot reach the dask scheduler: {e}") from None
    try:
        threads = max(1, sum(client.nthreads().values()))
        pending: deque = deque()
        for batch in ready_batches(documents, BATCH_CHARS, batch_size, idle=0.2):
            if batch:
                pending.append(client.submit(extract_partition, batch, segmenter, batch_size, quiet, pure=False))
            while pending and (len(pending) > 2 * threads or pending[0].done()):
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        if own:
            client.close()
