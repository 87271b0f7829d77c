"""The joint character tagger (words + PER/ORG/LOC) at run time: numpy and onnxruntime only.

    import nlp.tagging
    tagger = nlp.tagging.load()                  # models/tagger, shipped with the package
    [t] = tagger.predict(["新华社北京12月31日电，国家主席江泽民发表讲话。"])
    t.words      # [(0, 3), (3, 5), ...]  (start, end) into the text as given
    t.entities   # [(0, 3, "ORG"), (3, 5, "LOC"), (14, 17, "PER")]

Trained by ``python -m nlp train ner`` (``nlp/training/tagger.py``, needs torch).
"""
from __future__ import annotations

import functools
from pathlib import Path

from ..shipped_models import models_dir
from .model import JointTagger, Tagged

__all__ = ["JointTagger", "Tagged", "load", "shared", "default_path"]


def default_path() -> Path:
    """RETURNS the shipped model's directory (``models/tagger``)."""
    return models_dir() / "tagger"


def load(path: str | Path | None = None) -> JointTagger:
    """Load the tagger from ``path`` (a directory with tagger.onnx and tagger.npz; default:
    the shipped model)."""
    return JointTagger(path if path is not None else default_path())


def shared(path: str | Path | None = None) -> JointTagger:
    """The tagger of ``path`` (default: the shipped one) loaded once per process: the
    tokenizer (its words) and the NER stage (its entities) of one pipeline use the same
    instance, however each names its directory."""
    return _shared(str(Path(path if path is not None else default_path()).resolve()))


@functools.lru_cache(maxsize=4)
def _shared(path: str) -> JointTagger:
    return load(path)
