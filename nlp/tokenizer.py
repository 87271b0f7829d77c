"""The word segmenter at the head of the pipeline: jieba or our trained pkuseg model.

spaCy's own ``ChineseTokenizer`` passes text to the segmenter untouched. We need two things
it does not do: fold full-width ASCII to half-width before segmenting (the pkuseg model is
trained on folded text; offsets are unchanged because folding is one character for one) and
feed user dictionaries from the gazetteer and title lexicon. So this is a small tokenizer of
our own, registered as ``zh_news.Tokenizer.v1`` and chosen in config like spaCy's.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable

import jieba
import srsly
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces, registry
from spacy.vocab import Vocab

from .extensions import register as register_extensions
from .data import user_words
from .errors import UNPAIRED_SURROGATE
from .lexicon.words import configure
from .shipped_models import pkuseg_dir
from .tagging import shared as shared_tagger
from .text import CLAUSE_END, fold_width

# The tokenizer is what ``spacy.load`` resolves first: the extensions the stages set are
# registered here too, so a saved pipeline works in a fresh process.
register_extensions()

SEGMENTERS = ("pkuseg", "jieba", "char", "tagger")
#: Doc.user_data key under which the "tagger" segmenter leaves the entities of the same
#: encoder pass, so the NER stage does not run the model again.
TAGGER_ENTITIES = "zh_news.tagger_entities"

# Segmenting very long strings in one call is slow for pkuseg's Viterbi on memory; blocks
# are cut at whitespace or sentence punctuation, never inside a run of letters.
_BLOCK = 5000
_BREAKS = CLAUSE_END
_SURROGATE = re.compile("[\\ud800-\\udfff]")


class NewsTokenizer:
    """Segment Chinese text into a spaCy ``Doc`` of words.

    segmenter (str): "tagger" (the joint tagger's words, default), "pkuseg", "jieba" or "char".
    user_words (Iterable[str]): words to keep whole (place names, titles).
    pkuseg_model (str | Path | None): directory of a pkuseg model (features.msgpack,
        weights.npz); defaults to the shipped one.
    """

    def __init__(self, vocab: Vocab, segmenter: str = "tagger", *,
                 user_words: Iterable[str] = (), pkuseg_model: str | Path | None = None):
        if segmenter not in SEGMENTERS:
            raise ValueError(f"segmenter must be one of {SEGMENTERS}, not {segmenter!r}")
        self.vocab = vocab
        self.segmenter = segmenter
        self.user_words = sorted(set(user_words))
        self.pkuseg_model = pkuseg_model
        self._cut: Callable[[str], list[str]] | None = None
        self._user_index: tuple[frozenset[str], int] | None = None

    def _user_word_index(self) -> tuple[frozenset[str], int]:
        """RETURNS (the user words as a set, the longest one's length), built once."""
        if self._user_index is None:
            self._user_index = (frozenset(self.user_words), max(map(len, self.user_words), default=0))
        return self._user_index

    # -- segmentation -------------------------------------------------------------------
    def _load(self) -> Callable[[str], list[str]]:
        if self.segmenter == "char":
            return lambda text: [c for c in text if not c.isspace()]
        if self.segmenter == "tagger":
            tagger = shared_tagger()
            return lambda text: [text[s:e] for s, e in self._tagger_words(text, tagger.predict([text])[0])]
        if self.segmenter == "jieba":
            # its own jieba instance: the user words added here must not reach the one the
            # model's features read (``lexicon.words``)
            tok = configure(jieba.Tokenizer())
            tok.initialize()
            for w in self.user_words:
                tok.add_word(w)
            return lambda text: [w for w in tok.cut(text, HMM=True) if w.strip()]
        # imported here: spacy_pkuseg brings requests (its model download), which the
        # other segmenters do without
        import spacy_pkuseg

        from . import pkuseg_lexicon

        model = str(self.pkuseg_model or pkuseg_dir())
        # No pkuseg user dict: it cuts the text around dictionary words before decoding,
        # which cost 0.8 F1 on held-out People's Daily. User words are merged afterwards.
        seg = spacy_pkuseg.pkuseg(model_name=model, user_dict=None)
        pkuseg_lexicon.attach(seg, model)  # the lexicon features the model was trained with
        if not self.user_words:
            return seg.cut
        words = set(self.user_words)
        longest = max(map(len, words))
        return lambda text: merge_user_words(seg.cut(text), words, longest)

    def initialize(self, get_examples=None, *, nlp=None, pkuseg_model: str | None = None,
                   pkuseg_user_dict: str | None = "default") -> None:
        """Load the segmenter now (``nlp.initialize``, settings from ``[initialize.tokenizer]``)
        rather than on the first text.

        pkuseg_model: a pkuseg model directory instead of the shipped one.
        pkuseg_user_dict: "default" keeps the shipped user words (``segmenter_words.txt``);
            None drops them. (Merged after segmenting, not fed to pkuseg: see ``_load``.)
        """
        if pkuseg_user_dict not in ("default", None):
            raise ValueError(f"pkuseg_user_dict must be 'default' or null, not {pkuseg_user_dict!r}")
        if pkuseg_model is not None and pkuseg_model != self.pkuseg_model:
            self.pkuseg_model, self._cut = pkuseg_model, None
        if pkuseg_user_dict is None and self.user_words:
            self.user_words, self._cut = [], None
        if self._cut is None:
            self._cut = self._load()

    def __getstate__(self) -> dict:
        # the loaded segmenter stays behind: a worker process loads its own on first use
        return {**self.__dict__, "_cut": None}

    def cut(self, text: str) -> list[str]:
        """Split ``text`` into words (whitespace dropped). RETURNS the list of words."""
        if self._cut is None:
            self._cut = self._load()
        folded = fold_width(text)
        words: list[str] = []
        for start, end in _blocks(folded):
            pos = start
            for w in self._cut(folded[start:end]):
                # Map folded words back onto the original characters.
                i = folded.find(w, pos, end)
                if i < 0:  # the segmenter changed the text; fall back to characters
                    words.extend(c for c in text[pos:end] if not c.isspace())
                    pos = end
                    break
                words.append(text[i:i + len(w)])
                pos = i + len(w)
        return words

    def __call__(self, text: str) -> Doc:
        bad = _SURROGATE.search(text)
        if bad:
            raise ValueError(UNPAIRED_SURROGATE.format(code=ord(bad.group()), index=bad.start()))
        if self.segmenter == "tagger":
            return self._tagged_doc(text)
        words = self.cut(text)
        try:
            words, spaces = get_words_and_spaces(words, text)
        except ValueError:
            words, spaces = get_words_and_spaces([c for c in text if not c.isspace()], text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _tagged_doc(self, text: str, tagged=None) -> Doc:
        """The joint tagger's words (user words merged), its entities kept for the NER stage."""
        if tagged is None:
            [tagged] = shared_tagger().predict([text])
        words = [text[s:e] for s, e in self._tagger_words(text, tagged)]
        words, spaces = get_words_and_spaces(words, text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TAGGER_ENTITIES] = list(tagged.entities)
        return doc

    def _tagger_words(self, text: str, tagged) -> list[tuple[int, int]]:
        """The tagger's word spans with the user words merged."""
        if not self.user_words:
            return tagged.words
        return merge_user_spans(text, tagged.words, *self._user_word_index())

    def pipe(self, texts: Iterable[str], batch_size: int = 1000):
        """Tokenize many texts; the tagger runs once over a batch (its sentences batched)."""
        if self.segmenter != "tagger":
            for text in texts:
                yield self(text)
            return
        texts = list(texts)
        for start in range(0, len(texts), batch_size):
            batch = texts[start:start + batch_size]
            for text in batch:
                bad = _SURROGATE.search(text)
                if bad:
                    raise ValueError(UNPAIRED_SURROGATE.format(code=ord(bad.group()), index=bad.start()))
            for text, tagged in zip(batch, shared_tagger().predict(batch)):
                yield self._tagged_doc(text, tagged)

    # -- serialisation: settings only; the model itself ships with the package --------
    def to_bytes(self, **kwargs) -> bytes:
        return srsly.msgpack_dumps({"segmenter": self.segmenter, "user_words": self.user_words})

    def from_bytes(self, data: bytes, **kwargs) -> "NewsTokenizer":
        cfg = srsly.msgpack_loads(data)
        self.segmenter, self.user_words, self._cut = cfg["segmenter"], cfg["user_words"], None
        self._user_index = None
        return self

    def to_disk(self, path, **kwargs) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        (Path(path) / "cfg.msgpack").write_bytes(self.to_bytes())

    def from_disk(self, path, **kwargs) -> "NewsTokenizer":
        return self.from_bytes((Path(path) / "cfg.msgpack").read_bytes())


def merge_user_words(tokens: list[str], words: set[str], longest: int, max_parts: int = 4) -> list[str]:
    """Merge runs of adjacent tokens that spell a user word (longest first); never split.

    The segmenter keeps its own boundaries; a place name it cut in two (青岛 + 市) is
    joined, one it merged with a neighbour (青岛市委) is left for the entity writer.
    """
    text, spans, pos = "".join(tokens), [], 0
    for token in tokens:
        spans.append((pos, pos + len(token)))
        pos += len(token)
    return [text[s:e] for s, e in merge_user_spans(text, spans, words, longest, max_parts)]


def merge_user_spans(text: str, spans: list[tuple[int, int]], words: frozenset[str] | set[str], longest: int,
                     max_parts: int = 4) -> list[tuple[int, int]]:
    """``merge_user_words`` over word spans of ``text``: only spans that touch are joined
    (四 + 川省 stay apart across a line break). RETURNS the merged spans."""
    out, i, n = [], 0, len(spans)
    while i < n:
        best = 1
        for j in range(i + 1, min(n, i + max_parts)):
            if spans[j][0] != spans[j - 1][1] or spans[j][1] - spans[i][0] > longest:
                break
            if text[spans[i][0]:spans[j][1]] in words:
                best = j - i + 1
        out.append((spans[i][0], spans[i + best - 1][1]))
        i += best
    return out


def _blocks(text: str):
    """Yield (start, end) blocks of at most about ``_BLOCK`` chars, cut after a break char."""
    n, start = len(text), 0
    while start < n:
        end = min(start + _BLOCK, n)
        if end < n:
            cut = max((i for i in range(end - 1, start + _BLOCK // 2, -1)
                       if text[i] in _BREAKS or text[i].isspace()), default=None)
            end = cut + 1 if cut is not None else end
        yield start, end
        start = end


@registry.tokenizers("zh_news.Tokenizer.v1")
def create_tokenizer(segmenter: str = "tagger"):
    def make(nlp):
        return NewsTokenizer(nlp.vocab, segmenter, user_words=user_words())

    return make
