"""Building the default pipeline: one place that lists the stages and their order."""
from __future__ import annotations

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers Span._.value etc.)
from . import pipeline  # noqa: F401  (registers the component factories)
from . import tokenizer  # noqa: F401  (registers zh_news.Tokenizer.v1)

#: The default stages, in order. Rules that know their data run first (their spans are
#: trusted), the statistical model fills what they leave, relations read the result.
DEFAULT_PIPELINE: tuple[str, ...] = pipeline.DEFAULT_PIPELINE


def create(segmenter: str = "pkuseg", pipes: tuple[str, ...] | None = None) -> Language:
    """Build the pipeline (tokenizer + stages) with the shipped data and models.

    segmenter (str): "pkuseg" (default), "jieba" or "char".
    pipes (tuple[str, ...] | None): component factory names, default ``DEFAULT_PIPELINE``.
    RETURNS (Language): a spaCy ``zh`` pipeline.
    """
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "zh_news.Tokenizer.v1", "segmenter": segmenter}}})
    for name in DEFAULT_PIPELINE if pipes is None else pipes:
        nlp.add_pipe(name, name=name.replace("zh_news_", ""))
    nlp.initialize()
    return nlp
