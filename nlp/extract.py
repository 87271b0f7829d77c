"""Running the pipeline over documents: streaming, batching, long documents, records out.

Documents stream through: a reader thread reads ahead (a bounded queue), and a batch is
handed over when it is full or when no more input is waiting, so memory stays constant for
any input size and, on a pipe, each document comes out as soon as it is processed.
Long documents are cut into chunks at paragraph or sentence ends (never inside a sentence
unless a sentence alone is longer than the chunk size), processed in batches bounded in
characters, and their entities shifted back onto the document's offsets, so memory stays
bounded and time grows linearly with length.

``extract`` runs in this process; ``extract_parallel`` sends batches of documents to worker
processes that each load the pipeline once (``nlp.dask`` does the same on a cluster).
A pipeline that cannot be loaded raises ``ModelLoadError`` once, before any document.
"""
from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import queue
import sys
import threading
import warnings
from collections import deque
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TypeVar

from .errors import InputError, ModelLoadError, ProcessingError
from .io.documents import Document
from .io.records import drop_unwritable, entity_dict
from .text import BATCH_CHARS, BATCH_DOCS, MAX_CHUNK, char_batches, chunks, merge_relations, sentences  # noqa: F401

if TYPE_CHECKING:
    from spacy.language import Language

T = TypeVar("T")

class _Pending:
    """A document waiting for its chunks (or an ``InputError`` waiting for its turn)."""
    __slots__ = ("item", "remaining", "entities", "relations", "error")

    def __init__(self, item: Document | InputError, remaining: int):
        self.item, self.remaining = item, remaining
        self.entities: list[dict] = []
        self.relations: list[dict] = []
        self.error: Exception | None = None


#: A text that runs every stage (dates, places, titles, people, organisations, numbers), so
#: that every model and data file is loaded before the first document.
WARM_UP_TEXT = "2021年3月5日，湖北省武汉市市长李明在北京大学表示，公司产值增长7.2%，约286亿元，新建基站1.2万个。"


def load_pipeline(load: Callable[[], "Language"]) -> "Language":
    """Load a pipeline with ``load()`` and run it once, so that lazily loaded models and data
    files are read now. RETURNS the pipeline. RAISES ModelLoadError (naming the file when
    the error does) if anything cannot be loaded."""
    try:
        nlp = load()
        nlp(WARM_UP_TEXT)
    except ModelLoadError:
        raise
    except MemoryError:
        raise
    except Exception as e:
        raise _as_load_error(e) from e
    return nlp


def _as_load_error(e: BaseException) -> ModelLoadError:
    if isinstance(e, ModelLoadError):
        return e
    path = getattr(e, "filename", None)
    reason = (e.strerror or str(e)) if isinstance(e, OSError) and path else f"{type(e).__name__}: {e}"
    return ModelLoadError(str(path) if path else "the pipeline", f"cannot be loaded: {reason}")


def extract(nlp: "Language", documents: Iterable[Document | InputError], *,
            batch_size: int = BATCH_DOCS, chunk_size: int = MAX_CHUNK,
            batch_chars: int = BATCH_CHARS, explain: bool = False) -> Iterator[dict | InputError]:
    """Yield one SPEC record per document (or the ``InputError`` in its place), in order.

    Documents are read ahead in a thread and processed in batches of at most ``batch_size``
    documents and about ``batch_chars`` characters, a batch going as soon as no more input
    is waiting; see ``extract_batch``. A value strict JSON cannot hold is left out of its
    record, and an ``InputError`` saying so follows the record.
    RAISES ModelLoadError when a model or data file fails to load mid-run.
    """
    for batch in ready_batches(documents, batch_chars, batch_size):
        yield from extract_batch(nlp, batch, batch_size=batch_size, chunk_size=chunk_size,
                                 batch_chars=batch_chars, explain=explain)


def extract_batch(nlp: "Language", documents: list[Document | InputError], *,
                  batch_size: int = BATCH_DOCS, chunk_size: int = MAX_CHUNK,
                  batch_chars: int = BATCH_CHARS, explain: bool = False) -> list[dict | InputError]:
    """RETURNS the records (or errors) of a list of documents, in order.

    Documents are cut into chunks of at most ``chunk_size`` characters; chunks go through
    ``nlp.pipe`` in batches of at most ``batch_size`` chunks and about ``batch_chars``
    characters, and each processed chunk is turned into entity dicts at once, so memory does
    not grow with a document's length beyond its text and its entities.
    """
    slots: list[_Pending] = []

    def jobs() -> Iterator[tuple[_Pending, int, str]]:
        for item in documents:
            if isinstance(item, InputError):
                slots.append(_Pending(item, 0))
                continue
            bounds = chunks(item.text, chunk_size)
            slot = _Pending(item, len(bounds))
            slots.append(slot)
            for s, e in bounds:
                yield slot, s, item.text[s:e]

    for batch in char_batches(jobs(), batch_chars, batch_size, size=lambda job: len(job[2])):
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
    out: list[dict | InputError] = []
    for slot in slots:
        if isinstance(slot.item, InputError):
            out.append(slot.item)
        elif slot.error is not None:
            out.append(ProcessingError(slot.item.source, slot.item.line, slot.error))
        else:
            rec = _record(slot)
            out.append(rec)
            for what in drop_unwritable(rec):
                out.append(InputError(slot.item.source or "<document>", slot.item.line,
                                      f"left out {what}: strict JSON cannot hold it"))
    return out


def _process(nlp: "Language", texts: list[str]) -> list:
    """RETURNS the processed ``Doc`` of each text, or the exception the pipeline raised on it
    (a failing batch is run again one text at a time to find the culprit). A model or data
    file that fails to load is not the text's fault: that raises ModelLoadError."""
    try:
        return list(nlp.pipe(texts, batch_size=len(texts)))
    except MemoryError:
        raise
    except (ModelLoadError, OSError) as e:
        raise _as_load_error(e) from e
    except Exception:
        if len(texts) == 1:
            return [sys.exc_info()[1]]
    out: list = []
    for text in texts:
        try:
            out.append(nlp(text))
        except MemoryError:
            raise
        except (ModelLoadError, OSError) as e:
            raise _as_load_error(e) from e
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


# -- reading ahead ----------------------------------------------------------------------

_END = object()


class _Raised:
    """An exception of the reader thread, re-raised in the consumer."""
    def __init__(self, error: BaseException):
        self.error = error


def _size(item) -> int:
    return len(item.text) if isinstance(item, Document) else 0


def ready_batches(items: Iterable[T], max_chars: int, max_items: int, *,
                  size: Callable[[T], int] = _size, read_ahead: int | None = None,
                  idle: float | None = None) -> Iterator[list[T]]:
    """Group ``items`` into lists of at most ``max_items`` items and about ``max_chars``
    characters, handing a list over early when no more input is waiting.

    The items are read in a thread, at most ``read_ahead`` (default ``4 * max_items``) ahead,
    so a slow source (a pipe) never holds back what has already arrived. With ``idle``, an
    empty list is yielded after that many seconds without input (a caller waiting on
    workers can deliver their results meanwhile).
    """
    ahead: queue.Queue = queue.Queue(maxsize=read_ahead or 4 * max_items)
    stop = threading.Event()

    def put(obj) -> bool:
        while not stop.is_set():
            try:
                ahead.put(obj, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for item in items:
                if not put(item):
                    return
        except BaseException as e:  # handed to the consumer, raised there
            put(_Raised(e))
            return
        put(_END)

    reader = threading.Thread(target=read, name="zh_news-reader", daemon=True)
    reader.start()
    try:
        done = False
        while not done:
            try:
                item = ahead.get(timeout=idle)
            except queue.Empty:
                yield []
                continue
            batch: list[T] = []
            chars = 0
            while True:
                if item is _END:
                    done = True
                    break
                if isinstance(item, _Raised):
                    raise item.error
                batch.append(item)
                chars += size(item)
                if len(batch) >= max_items or chars >= max_chars:
                    break
                try:
                    item = ahead.get_nowait()
                except queue.Empty:
                    break
            if batch:
                yield batch
    finally:
        stop.set()


# -- worker processes -------------------------------------------------------------------

_worker_nlp: "Language | None" = None
_worker_error: ModelLoadError | None = None
_worker_settings: dict = {}


def quiet_libraries() -> Callable[[], None]:
    """Keep the libraries' log lines and warnings off stderr. RETURNS a function that lets
    them through again."""
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    catcher = warnings.catch_warnings()
    catcher.__enter__()
    warnings.simplefilter("ignore")

    def restore() -> None:
        catcher.__exit__(None, None, None)
        logging.disable(previous)

    return restore


def hide_torch() -> None:
    """Make ``import torch`` fail in this process, unless torch is imported already.

    The extractor never runs torch (its model runs on onnxruntime), but thinc imports torch
    when it is installed (the train extra): over a second and ~180 MB a process. Only for
    processes that run no code of the user's: the command line and its workers.
    """
    sys.modules.setdefault("torch", None)  # type: ignore[arg-type]


def import_spacy_without_cli() -> None:
    """Import spaCy, leaving out its command line package ``spacy.cli`` unless that is
    imported already.

    ``spacy/__init__.py`` imports ``spacy.cli`` for its ``spacy.info`` alone, and with it
    requests, httpx, typer, rich, weasel...: a quarter of spaCy's import time, in a process
    that never runs spaCy's command line. While spaCy is imported, ``spacy.cli`` and
    ``spacy.cli.info`` are stand-ins (``spacy.info`` forwards to the real function when
    called); they are removed from ``sys.modules`` afterwards, so that a later
    ``import spacy.cli`` loads the real package. Only for processes that run no code of the
    user's (see ``hide_torch``).
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy  # noqa: F401  (already imported, or a partial import to complete)

        return
    import types

    def info(*args, **kwargs):
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    cli = types.ModuleType("spacy.cli", "stand-in while spaCy is imported")
    cli.__path__ = []
    cli_info = types.ModuleType("spacy.cli.info", "stand-in while spaCy is imported")
    cli_info.info = info  # type: ignore[attr-defined]
    cli.info = cli_info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": cli_info}
    sys.modules.update(stand_ins)
    try:
        import spacy  # noqa: F401
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        package = sys.modules.get("spacy")
        if package is not None and getattr(package, "cli", None) is cli:
            del package.cli


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block (spaCy's import, a pipeline's load) with the cyclic garbage collector
    paused, and then freeze every object there is (``gc.freeze``).

    A load creates about a million objects that live as long as the process: the collector
    would scan them again and again while they are made, only to find them alive, and once
    frozen the collections of the run skip them. Only for processes that run no code of the
    user's (see ``hide_torch``): the user's objects would be frozen too.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def load_as_command_line(load: Callable[[], "Language"]) -> "Language":
    """``load_pipeline(load)`` in a process that runs no code of the user's (the command
    line, its workers): spaCy imported without ``spacy.cli``, with the collector paused."""
    with collector_paused():
        import_spacy_without_cli()
        return load_pipeline(load)


def _init_worker(load: Callable[[], "Language"], settings: dict, quiet: bool, no_torch: bool = False,
                 command_line: bool = False) -> None:
    """Pool initializer: load the pipeline once for this worker process. A failure is kept
    and raised by the first task (an initializer that raises makes the pool restart the
    worker forever)."""
    global _worker_nlp, _worker_error, _worker_settings
    if no_torch:
        hide_torch()
    if quiet:
        quiet_libraries()
    _worker_settings = settings
    try:
        _worker_nlp = load_as_command_line(load) if command_line else load_pipeline(load)
    except ModelLoadError as e:
        _worker_error = e


def _extract_in_worker(documents: list[Document | InputError]) -> list[dict | InputError]:
    if _worker_error is not None:
        raise _worker_error
    return extract_batch(_worker_nlp, documents, **_worker_settings)


def extract_parallel(load: Callable[[], "Language"], documents: Iterable[Document | InputError], *,
                     n_process: int, batch_size: int = BATCH_DOCS, chunk_size: int = MAX_CHUNK,
                     batch_chars: int = BATCH_CHARS, start_method: str = "spawn",
                     quiet: bool = False, explain: bool = False,
                     no_torch: bool = False, command_line: bool = False) -> Iterator[dict | InputError]:
    """Like ``extract``, with ``n_process`` worker processes that each build the pipeline
    once with ``load()`` (a picklable callable, e.g. ``functools.partial(nlp.load,
    segmenter="jieba")``). Batches of documents go to the workers; records come back in
    input order, byte-identical to ``extract``. At most two batches a worker are in flight,
    so memory stays constant.

    quiet: keep the libraries' log lines and warnings in the workers off stderr.
    no_torch: ``hide_torch()`` in the workers (when ``load`` needs no torch).
    command_line: the workers run no code of the user's but ``load``, which needs no
        ``spacy.cli``: they load with ``load_as_command_line``, as the command line does.
    RAISES ModelLoadError (once) when the workers cannot load the pipeline.
    """
    settings = {"batch_size": batch_size, "chunk_size": chunk_size, "batch_chars": batch_chars,
                "explain": explain}
    context = multiprocessing.get_context(start_method)
    pool = context.Pool(n_process, initializer=_init_worker, initargs=(load, settings, quiet, no_torch, command_line))
    try:
        # one empty task per worker: a load error surfaces before the first document is read
        for probe in [pool.apply_async(_extract_in_worker, ([],)) for _ in range(n_process)]:
            probe.get()
        pending: deque = deque()
        for batch in ready_batches(documents, batch_chars, batch_size, idle=0.2):
            if batch:
                pending.append(pool.apply_async(_extract_in_worker, (batch,)))
            while pending and (len(pending) > 2 * n_process or pending[0].ready()):
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
    finally:
        pool.terminate()
        pool.join()
