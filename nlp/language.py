"""Building the default pipeline from ``nlp/configs/default.cfg`` (stages and their order).

The pipeline is a spaCy ``zh`` ``Language`` whose ``__call__`` and ``pipe`` also take long
texts: a text longer than ``chunk_size`` characters is cut at sentence ends
(``nlp.text.chunks``), the pieces go through the stages one chunk at a time, and the
processed pieces are joined back into one ``Doc`` of the whole text (``Doc.from_docs``
keeps the tokens, entities and their ``Span._`` values, shifted to the whole text's
offsets; the relations of the pieces are merged). So memory stays bounded and time grows
linearly with length, and ``extractor(text)`` gives the same entities as ``nlp.extract``.
A pipeline saved with ``to_disk`` and loaded with ``spacy.load`` is a plain ``Chinese``
one: same stages, without the chunking (long documents are then the runner's to cut:
``nlp.extract`` does).
"""
from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from typing import Iterable, Iterator

from pathlib import Path

from spacy.lang.zh import Chinese
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from thinc.api import Config

from . import extensions  # noqa: F401  (registers Span._.value etc.)
from . import pipeline  # noqa: F401  (registers the component factories)
from . import tokenizer  # noqa: F401  (registers zh_news.Tokenizer.v1)
from .text import BATCH_CHARS, MAX_CHUNK, char_batches, chunks, merge_relations

#: The shipped pipeline's config.
DEFAULT_CONFIG = Path(__file__).resolve().parent / "configs" / "default.cfg"
#: The default stages, in order. Rules that know their data run first (their spans are
#: trusted), the statistical model fills what they leave, the merge writes the entities,
#: relations read them.
DEFAULT_PIPELINE: tuple[str, ...] = pipeline.DEFAULT_PIPELINE

_RELATIONS_KEY = ("._.", "relations_data", None, None)  # Doc._.relations_data in user_data


class NewsLanguage(Chinese):
    """spaCy's ``Chinese`` with long texts processed in chunks (see the module docstring).

    chunk_size (int): longest text processed in one piece (characters).
    batch_chars (int): most characters ``pipe`` sends through the stages in one batch;
        the statistical model's memory grows with the characters of a batch.
    """

    chunk_size: int = MAX_CHUNK
    batch_chars: int = BATCH_CHARS

    def __call__(self, text: str | Doc, *, disable: Iterable[str] = (), component_cfg: dict | None = None) -> Doc:
        if not isinstance(text, str) or len(text) <= self.chunk_size:
            return super().__call__(text, disable=disable, component_cfg=component_cfg)
        pieces = [super(NewsLanguage, self).__call__(text[s:e], disable=disable, component_cfg=component_cfg)
                  for s, e in chunks(text, self.chunk_size)]
        return join_docs(pieces)

    def pipe(self, texts, *, as_tuples: bool = False, batch_size: int | None = None,
             disable: Iterable[str] = (), component_cfg: dict | None = None,
             n_process: int = 1) -> Iterator:
        """Like ``Language.pipe``; long texts are chunked and batches bounded in characters.

        A batch holds at most ``batch_size`` texts and about ``batch_chars`` characters, and
        the tagger tags a batch at once. With ``n_process > 1`` the batches go to that many
        spawned worker processes (the pipeline is pickled to each once, models reload
        there) and come back in order (``_doc_to_wire``); at most two batches a worker are
        in flight. spaCy's own multiprocessing would tokenize text by text, one model call
        each, which made two processes slower than one.
        """
        if as_tuples:
            ahead, behind = itertools.tee(texts)
            docs = self.pipe((t for t, _ in ahead), batch_size=batch_size, disable=disable,
                             component_cfg=component_cfg, n_process=n_process)
            for doc, (_, context) in zip(docs, behind):
                yield doc, context
            return
        batch_size = batch_size or self.batch_size
        counts: deque[int] = deque()  # pieces per input text, appended before its first piece

        def pieces() -> Iterator[str | Doc]:
            for text in texts:
                if isinstance(text, str) and len(text) > self.chunk_size:
                    bounds = chunks(text, self.chunk_size)
                    counts.append(len(bounds))
                    for s, e in bounds:
                        yield text[s:e]
                else:
                    counts.append(1)
                    yield text

        kwargs = {"disable": disable, "component_cfg": component_cfg}
        batches = char_batches(pieces(), self.batch_chars, batch_size, size=_length)
        if n_process == 1:
            docs = (doc for batch in batches for doc in self._pipe_batch(batch, kwargs))
        else:
            docs = self._pipe_in_workers(batches, n_process, kwargs)
        group: list[Doc] = []
        for doc in docs:
            group.append(doc)
            if len(group) == counts[0]:
                counts.popleft()
                yield group[0] if len(group) == 1 else join_docs(group)
                group = []


    def _pipe_batch(self, batch: list, kwargs: dict) -> Iterator[Doc]:
        return super().pipe(self._tokenized(batch), batch_size=len(batch), **kwargs)

    def _pipe_in_workers(self, batches: Iterable[list], n_process: int, kwargs: dict) -> Iterator[Doc]:
        """The Docs of ``batches`` processed by ``n_process`` spawned workers, in order."""
        context = multiprocessing.get_context("spawn")
        with context.Pool(n_process, initializer=_init_pipe_worker, initargs=(self,)) as pool:
            pending: deque = deque()
            for batch in batches:
                pending.append(pool.apply_async(_pipe_in_worker, (batch, kwargs)))
                while len(pending) > 2 * n_process or (pending and pending[0].ready()):
                    yield from (_doc_from_wire(self.vocab, w) for w in pending.popleft().get())
            while pending:
                yield from (_doc_from_wire(self.vocab, w) for w in pending.popleft().get())

    def _tokenized(self, batch: list) -> list:
        """The batch's texts as Docs, tokenized together (the tagger segmenter batches its
        model over them); Docs pass through."""
        if not hasattr(self.tokenizer, "pipe") or not all(isinstance(t, str) for t in batch):
            return batch
        return list(self.tokenizer.pipe(batch))


_worker_nlp: NewsLanguage | None = None


def _init_pipe_worker(nlp: NewsLanguage) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def _pipe_in_worker(batch: list, kwargs: dict) -> list[tuple]:
    return [_doc_to_wire(doc) for doc in _worker_nlp._pipe_batch(batch, kwargs)]


# What a worker sends back for a Doc: its words and spaces, the token attributes that are
# set (one array), the strings they name, its span groups and its user_data (the ``._``
# values and relations), pickled as they are. ``Doc.to_bytes`` carries the same, but each
# of its msgpack calls looks up srsly's encoders in catalogue's whole registry: about
# 2.5 ms a short Doc each way, more than processing it.
_WIRE_ATTRS = ("NORM", "LEMMA", "TAG", "POS", "MORPH", "HEAD", "DEP",
               "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "SENT_START")


def _doc_to_wire(doc: Doc) -> tuple:
    array = doc.to_array(list(_WIRE_ATTRS))
    used = [i for i in range(len(_WIRE_ATTRS)) if array[:, i].any()]
    strings = set()
    for token in doc:
        strings.update((token.norm_, token.lemma_, token.tag_, str(token.morph),
                        token.dep_, token.ent_type_, token.ent_kb_id_, token.ent_id_))
    groups = [(key, dict(group.attrs), [(sp.start, sp.end, sp.label_, sp.kb_id_, sp.id_) for sp in group])
              for key, group in doc.spans.items()]
    strings.update(label for _, _, spans in groups for _, _, *labels in spans for label in labels)
    strings.discard("")
    return ([t.text for t in doc], [bool(t.whitespace_) for t in doc], tuple(_WIRE_ATTRS[i] for i in used),
            array[:, used], sorted(strings), groups, dict(doc.user_data))


def _doc_from_wire(vocab, wire: tuple) -> Doc:
    words, spaces, attrs, array, strings, groups, user_data = wire
    for string in strings:
        vocab.strings.add(string)
    doc = Doc(vocab, words=words, spaces=spaces)
    if attrs:
        doc.from_array(list(attrs), array)
    for key, attrs, spans in groups:
        doc.spans[key] = SpanGroup(doc, name=key, attrs=attrs, spans=[
            Span(doc, s, e, label=label, kb_id=kb_id, span_id=span_id)
            for s, e, label, kb_id, span_id in spans])
    doc.user_data.update(user_data)
    return doc


def _length(text: str | Doc) -> int:
    return len(text.text) if isinstance(text, Doc) else len(text)


def join_docs(docs: list[Doc]) -> Doc:
    """Join processed consecutive pieces of one text into one ``Doc``.

    Tokens, entities and ``Span._`` values come through ``Doc.from_docs`` (no whitespace
    added: the pieces' texts concatenate to the original); ``Doc._.relations`` are merged
    here, in order and without repeats, since ``from_docs`` drops ``Doc``-level extensions.
    RETURNS (Doc): the joined document.
    """
    relations = merge_relations(doc._.relations for doc in docs)
    for doc in docs:
        doc.user_data.pop(_RELATIONS_KEY, None)
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    joined._.relations_data = relations
    return joined


def default_config(segmenter: str = "tagger", pipes: tuple[str, ...] | None = None) -> Config:
    """RETURNS the shipped pipeline's config (``nlp/configs/default.cfg``).

    segmenter (str): "tagger" (default), "pkuseg", "jieba" or "char".
    pipes (tuple[str, ...] | None): factory names to keep, in this order (default: all of
        the file's); ``zh_news_merge`` is added after them when they leave it out.
    """
    config = Config().from_disk(DEFAULT_CONFIG)
    config["nlp"]["tokenizer"]["segmenter"] = segmenter
    if pipes is not None:
        if pipes and "zh_news_merge" not in pipes:
            pipes = (*pipes, "zh_news_merge")
        by_factory = {cfg["factory"]: name for name, cfg in config["components"].items()}
        names = [by_factory.get(f, f.replace("zh_news_", "")) for f in pipes]
        config["components"] = {name: dict(config["components"].get(name, {"factory": f}))
                                for name, f in zip(names, pipes)}
        config["nlp"]["pipeline"] = names
    return config


def create(segmenter: str = "tagger", pipes: tuple[str, ...] | None = None) -> Language:
    """Build the pipeline from ``default_config`` and initialise it with the shipped data.

    segmenter (str): "tagger" (default), "pkuseg", "jieba" or "char".
    pipes (tuple[str, ...] | None): component factory names, default all of the config's.
    RETURNS (Language): a spaCy ``zh`` pipeline (a ``NewsLanguage``).
    """
    nlp = NewsLanguage.from_config(default_config(segmenter, pipes))
    nlp.initialize()
    return nlp
