"""Character features for the statistical NER model (runs inside its character pipeline).

The NER model reads one token per character. A single character says little, so before
``tok2vec`` this component writes two features onto each character token:

- ``norm_``: the character bigram (this character + the next), so the embedding sees words;
- ``tag_``: the character's position in its jieba word (B/M/E/S) joined with jieba's POS
  flag (``B-nr``, ``E-ns``): jieba's dictionary knows many names and places;
- with ``lexicon = true``, ``lemma_``: every lexicon word of 2-8 characters that covers the
  character, not just the one jieba's path chose, as position + flag (``B:ns E:n M:nr``), the
  "ExSoftword" features of the lattice NER literature (Ma et al. 2020). The lexicon is jieba's
  dictionary with its POS flags plus the rule stage's place and organisation lists
  (``nlp/data``), so the model sees the gazetteers too.

It is listed under ``[training] annotating_components`` so training sees the same features.
Measured in ../shared/NOTES.md: bigram + B/M/E/S features took MSRA test F1 from 74.9 to 80.8.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon.words import MAX_WORD, pos_tagger, word_flags

lexicon_flags = word_flags  # the lexicon the features read (jieba's dictionary + our lists)

_BLOCK = 2000  # jieba's cost per call grows with length; cut long texts at punctuation
END = "</s>"  # what follows the last token in its bigram


def bigrams(tokens) -> list[str]:
    """RETURNS each token joined with the next (the last with ``END``): the ``norm_`` this
    component writes, and the keys of the model's bigram vectors (``training/vectors.py``).
    ``tokens`` is a sequence of strings: a character text is one."""
    return [tokens[i] + (tokens[i + 1] if i + 1 < len(tokens) else END) for i in range(len(tokens))]


@Language.factory("zh_news_char_features", assigns=["token.norm", "token.tag", "token.lemma"],
                  default_config={"lexicon": False})
def make_char_features(nlp: Language, name: str, lexicon: bool) -> "CharFeatures":
    return CharFeatures(lexicon=lexicon)


def lexicon_matches(text: str, words: dict):
    """Yield ``(start, length, words[word])`` for every word of 2 to ``MAX_WORD`` characters
    of ``text`` that is a key of ``words``: how the lexicon features and the soft-lexicon
    layer (``bigram_embed.soft_lexicon``) both find the words over a character."""
    for i in range(len(text)):
        for n in range(2, min(MAX_WORD, len(text) - i) + 1):
            value = words.get(text[i:i + n])
            if value is not None:
                yield i, n, value


def lexicon_features(text: str) -> list[str]:
    """RETURNS per character of ``text`` the sorted set of ``<B|M|E>:<flag>`` of every lexicon
    word covering it, space-joined ("" where none does)."""
    marks: list[set[str]] = [set() for _ in text]
    for i, n, flag in lexicon_matches(text, lexicon_flags()):
        marks[i].add("B:" + flag)
        marks[i + n - 1].add("E:" + flag)
        for j in range(i + 1, i + n - 1):
            marks[j].add("M:" + flag)
    return [" ".join(sorted(m)) for m in marks]


class CharFeatures:
    """Writes bigram, jieba word-position+POS and (optionally) lexicon features onto
    character tokens."""

    def __init__(self, lexicon: bool = False) -> None:
        self._pos = None
        self.lexicon = lexicon

    def _tagger(self):
        if self._pos is None:
            self._pos = pos_tagger()  # the process's one jieba dictionary
        return self._pos

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_pos": None}

    def word_tags(self, text: str) -> list[str]:
        """RETURNS one ``<B|M|E|S>-<flag>`` string per character of ``text``."""
        tags: list[str] = []
        cut = self._tagger().cut
        for start in range(0, len(text), _BLOCK):
            for pair in cut(text[start:start + _BLOCK]):
                w, flag = pair.word, pair.flag[:2]
                if len(w) == 1:
                    tags.append("S-" + flag)
                else:
                    tags.extend(["B-" + flag] + ["M-" + flag] * (len(w) - 2) + ["E-" + flag])
        return tags

    def __call__(self, doc: Doc) -> Doc:
        text = "".join(t.text for t in doc)
        tags = self.word_tags(text)
        if len(tags) != len(text) or any(len(t.text) != 1 for t in doc):
            tags = None  # tokens are not single characters; only bigrams are meaningful
        marks = lexicon_features(text) if self.lexicon and tags is not None else None
        for i, (tok, norm) in enumerate(zip(doc, bigrams([t.text for t in doc]))):
            tok.norm_ = norm
            if tags is not None:
                tok.tag_ = tags[i]
            if marks is not None:
                tok.lemma_ = marks[i]
        return doc

    # Stateless: nothing to serialise.
    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "CharFeatures":
        return self
