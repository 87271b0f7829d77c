"""The statistical NER stage: the trained character model fills what the rules left.

A thin adapter: ``model_ents`` is the one call into the model, run on the width-folded
text one sentence at a time. The model is either the joint character tagger
(``nlp.tagging``, models/tagger: a SoftLexicon BiLSTM-CRF run with onnxruntime, trained by
``python -m nlp train ner``; the default) or a spaCy pipeline with an ``ner`` over one token
per character (``python -m nlp train ner-spacy``), told apart by the files of the model
directory. Its raw spans are repaired and labelled by
``lexicon.model_spans.repair`` and written to ``doc.spans["ner"]``, merged under
``RULES["ner"]``: rule entities win over overlapping model spans, except where the policy
in ``merge.py`` says otherwise. To swap the model, replace ``model_ents`` (or point
``[components.ner] model`` at another pipeline directory).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import shutil

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon.model_spans import repair
from ..lexicon.words import pos_tagger
from ..tagging import JointTagger, default_path as tagger_dir, shared as shared_tagger
from ..text import fold_width, sentences
from ..tokenizer import TAGGER_ENTITIES
from .doc_spans import doc_text
from .merge import RULES, merged_view, write_candidates


@Language.factory("zh_news_ner", requires=["doc.spans"], assigns=["doc.spans"],
                  default_config={"model": None, "named_orgs_over_places": True})
def make_statistical_ner(nlp: Language, name: str, model: str | None,
                         named_orgs_over_places: bool) -> "StatisticalNER":
    """model: directory of the model: a tagger (tagger.onnx + tagger.npz) or a spaCy
    character NER pipeline (config.cfg); None: the shipped tagger.
    named_orgs_over_places: a model ORG ending like an organisation replaces the rule
    places inside it (欧洲中央银行 over the GPE 欧洲); see ``merge.py``."""
    return StatisticalNER(name, model, named_orgs_over_places=named_orgs_over_places)


class StatisticalNER:
    """Runs the character NER model and writes its repaired spans as candidates.

    The model loads on first use, and is dropped when the component is pickled (a worker
    process of ``nlp.pipe(n_process=...)`` loads its own).
    """

    def __init__(self, name: str = "ner", model: str | Path | Language | JointTagger | None = None, *,
                 named_orgs_over_places: bool = True):
        """model: a pipeline directory, a loaded spaCy pipeline, or None for the shipped one."""
        self.name = name
        loaded = isinstance(model, (Language, JointTagger))
        self.model_path = None if loaded else model
        self.named_orgs_over_places = named_orgs_over_places
        self._inner: Language | JointTagger | None = model if loaded else None

    @property
    def inner(self) -> Language | JointTagger:
        """The model (loaded on first use)."""
        if self._inner is None:
            path = Path(self.model_path) if self.model_path else tagger_dir()
            if (path / "tagger.onnx").exists():
                self._inner = shared_tagger(path if self.model_path else None)
            elif (path / "config.cfg").exists():
                from . import bigram_embed, char_features  # noqa: F401  (the spaCy model's layers)

                self._inner = spacy.load(path)
            else:
                raise FileNotFoundError(f"{path}: NER model missing; run `python -m nlp train ner --install`")
        return self._inner

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Load the model now rather than on the first document (and, for a spaCy model, the
        jieba dictionary its features read)."""
        if not isinstance(self.inner, JointTagger):
            pos_tagger().tokenizer.initialize()

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_inner"] = None
        return state

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._process(batch)
                batch = []
        if batch:
            yield from self._process(batch)

    def _process(self, docs: list[Doc]) -> Iterator[Doc]:
        texts = [doc_text(d) for d in docs]
        rule = RULES["ner"]._replace(named_orgs_over_places=self.named_orgs_over_places)
        # the "tagger" segmenter already ran the same model: its entities are on the Doc
        todo = [i for i, d in enumerate(docs) if TAGGER_ENTITIES not in d.user_data or self.model_path]
        found = dict(zip(todo, model_ents(self.inner, [fold_width(texts[i]) for i in todo])))
        model_spans = [found[i] if i in found else docs[i].user_data.pop(TAGGER_ENTITIES)
                       for i in range(len(docs))]
        for doc, text, spans in zip(docs, texts, model_spans):
            view = merged_view(doc)
            cands, model_orgs = repair(text, spans, view.words, [(e.start, e.end, e.label) for e in view.ents])
            yield write_candidates(doc, self.name, cands, rule, statistical=True,
                                   model_orgs=[list(o) for o in model_orgs])

    def to_disk(self, path, exclude=tuple()) -> None:
        if isinstance(self.inner, JointTagger):
            Path(path).mkdir(parents=True, exist_ok=True)
            for name in ("tagger.onnx", "tagger.npz"):
                shutil.copyfile(self.inner.path / name, Path(path) / name)
        else:
            self.inner.to_disk(path)

    def from_disk(self, path, exclude=tuple()) -> "StatisticalNER":
        self.model_path = str(path)
        self._inner = None
        return self


def model_ents(model: Language | JointTagger, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """RETURNS per text the model's ``(start, end, label)`` spans (PER/ORG/LOC).

    The tagger cuts its texts into sentences itself and batches them across texts. A spaCy
    model reads one
    sentence at a time (``nlp.text.sentences``) as it was trained (MSRA train is one
    sentence per line), so a sentence inside a paragraph gets the reading of one at its
    start. On the MSRA dev split joined into paragraphs of 40 sentences this took the
    model's F1 from 86.70 to 87.24, near the 87.30 of one sentence per call
    (benchmarks/ner_paragraphs.py).
    """
    if isinstance(model, JointTagger):
        return [list(t.entities) for t in model.predict(texts)]
    pieces = [(i, s, text[s:e]) for i, text in enumerate(texts) for s, e in sentences(text)]
    found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for (i, offset, _), char_doc in zip(pieces, model.pipe(p[2] for p in pieces)):
        found[i] += [(offset + e.start_char, offset + e.end_char, e.label_) for e in char_doc.ents]
    return found
