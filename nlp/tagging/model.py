"""The joint tagger at run time: numpy features, the ONNX encoder, numpy Viterbi."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..text import fold_width
from .features import Featurizer
from .sentences import MAX_SENTENCE, pieces
from .tags import NER_TAGS, SEG_TAGS, tags_to_spans
from .viterbi import viterbi

MODEL_FILE = "tagger.onnx"
TABLES_FILE = "tagger.npz"
BATCH_CHARS = 4096
BATCH_SENTENCES = 64


@dataclass
class Tagged:
    """The tagger's output for one text; offsets are into the text as given.

    words: ``(start, end)`` of each word, in order, covering every non-whitespace character.
    entities: ``(start, end, label)`` with label ``"PER"``, ``"ORG"`` or ``"LOC"``, in order.
    """
    text: str
    words: list[tuple[int, int]] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)


class JointTagger:
    """Words and PER / ORG / LOC names from one pass of a character BiLSTM with two CRF heads."""

    def __init__(self, path: str | Path):
        import onnxruntime as ort

        path = Path(path)
        for name in (MODEL_FILE, TABLES_FILE):
            if not (path / name).is_file():
                raise FileNotFoundError(f"{path / name}: tagger model file missing")
        with np.load(path / TABLES_FILE) as z:
            t = {k: z[k] for k in z.files}
        self.info = json.loads(str(t["info"]))
        if tuple(self.info["ner_tags"]) != NER_TAGS or tuple(self.info["seg_tags"]) != SEG_TAGS:
            raise ValueError(f"{path}: tag sets {self.info['ner_tags']} / {self.info['seg_tags']} "
                             "are not the ones this code decodes")
        self.featurizer = Featurizer(t["chars"].tolist(), t["char_vectors"], t["bigrams"].tolist(),
                                     t["bigram_vectors"], t["words"].tolist(), t["word_weights"],
                                     t["word_vectors"], int(self.info["max_word_len"]))
        self.ner_crf = (t["ner_transitions"], t["ner_start"], t["ner_end"])
        self.seg_crf = (t["seg_transitions"], t["seg_start"], t["seg_end"])
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(path / MODEL_FILE), options, providers=["CPUExecutionProvider"])
        self.path = path

    def emissions(self, sentences: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """RETURNS ``(ner [B, T, 13], seg [B, T, 4], lengths [B])`` for non-empty sentences
        sorted by decreasing length."""
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        x = np.zeros((len(sentences), int(lengths.max()), self.featurizer.dim), dtype=np.float32)
        for i, s in enumerate(sentences):
            x[i, :len(s)] = self.featurizer.features(s)
        ner, seg = self.session.run(["ner", "seg"], {"features": x, "lengths": lengths})
        return ner, seg, lengths

    def tag_sentences(self, sentences: list[str]) -> list[tuple[list[tuple[int, int, str]], list[tuple[int, int]]]]:
        """Entities and words of each (whitespace-free, width-folded) sentence, in its offsets."""
        out: list = [None] * len(sentences)
        # longest first: the encoder wants each batch in decreasing length
        order = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
        batch: list[int] = []

        def flush():
            ner, seg, lengths = self.emissions([sentences[i] for i in batch])
            ner_paths = viterbi(ner, lengths, *self.ner_crf)
            seg_paths = viterbi(seg, lengths, *self.seg_crf)
            for j, i in enumerate(batch):
                out[i] = (tags_to_spans(ner_paths[j], NER_TAGS),
                          [(s, e) for s, e, _ in tags_to_spans(seg_paths[j], SEG_TAGS)])

        for i in order:
            if batch and ((len(batch) + 1) * len(sentences[batch[0]]) > BATCH_CHARS
                          or len(batch) >= BATCH_SENTENCES):
                flush()
                batch = []
            batch.append(i)
        if batch:
            flush()
        return out

    def predict(self, texts: list[str]) -> list[Tagged]:
        """Tag many texts at once (their sentences batched together, sorted by length)."""
        spans = [(ti, s, e) for ti, text in enumerate(texts) for s, e in pieces(fold_width(text), MAX_SENTENCE)]
        folded = [fold_width(t) for t in texts]
        results = self.tag_sentences([folded[ti][s:e] for ti, s, e in spans])
        out = [Tagged(text) for text in texts]
        for (ti, s, _), (entities, words) in zip(spans, results):
            out[ti].entities += [(s + a, s + b, label) for a, b, label in entities]
            out[ti].words += [(s + a, s + b) for a, b in words]
        return out

    def __call__(self, text: str) -> Tagged:
        return self.predict([text])[0]
