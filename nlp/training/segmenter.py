"""Train the spacy-pkuseg segmentation model on People's Daily 1998 (PKU standard).

The trainer of spacy-pkuseg reads one sentence per line, words separated by a space.
We strip POS tags and compound brackets, keep surname and given name split as the PKU
standard does, and fold full-width ASCII to half-width (the tokenizer folds its input the
same way, so the model never sees full-width digits or letters).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from ..text import fold_width
from .splits import training_paragraphs

DEFAULT_CORPUS = "../shared/corpora/peoples_daily_1998/199801.txt"
HELD_OUT = 300  # last paragraphs, used by the trainer as its test file


def write_training_files(corpus: Path, workdir: Path, limit: int = 0) -> tuple[Path, Path]:
    """Write ``train.txt`` and ``heldout.txt`` for the pkuseg trainer.

    limit: if > 0, train on only the first ``limit`` paragraphs (smoke tests).
    """
    workdir.mkdir(parents=True, exist_ok=True)
    lines = [" ".join(fold_width(w) for w, _, _ in para) for para in training_paragraphs(corpus)]
    train, held = workdir / "train.txt", workdir / "heldout.txt"
    train_lines = lines[:-HELD_OUT][:limit] if limit else lines[:-HELD_OUT]
    train.write_text("\n".join(train_lines) + "\n", encoding="utf-8")
    held.write_text("\n".join(lines[-HELD_OUT:]) + "\n", encoding="utf-8")
    return train, held


def train(corpus: str | Path = DEFAULT_CORPUS, output: str | Path = "models/pkuseg",
          workdir: str | Path = "build/pkuseg", iterations: int = 10,
          resume: str | Path | None = None, limit: int = 0, lexicon: str = "jieba") -> Path:
    """Train and save a pkuseg model directory at ``output``. RETURNS the output path.

    resume: a model directory to continue training from (pkuseg's ``init_model``); the
    trainer only saves at the end, so long runs are done as several resumed runs.
    lexicon: "jieba" adds lexicon features from jieba's dictionary (nlp/pkuseg_lexicon.py),
    "none" trains pkuseg's plain feature set. A resumed run keeps the lexicon it started with.
    """
    import spacy_pkuseg
    import spacy_pkuseg.trainer

    from .. import pkuseg_lexicon

    corpus, output, workdir = Path(corpus), Path(output), Path(workdir)
    if not corpus.exists():
        raise FileNotFoundError(f"{corpus}: People's Daily 1998 corpus not found")
    train_file, held_file = write_training_files(corpus, workdir, limit)
    start = time.time()
    tmp = workdir / ("model-resumed" if resume else "model")
    words = pkuseg_lexicon.read_lexicon(resume) if resume else (
        pkuseg_lexicon.jieba_words() if lexicon == "jieba" else None)
    base = spacy_pkuseg.trainer.FeatureExtractor
    if words is not None:
        spacy_pkuseg.trainer.FeatureExtractor = pkuseg_lexicon.extractor_class(words)
        tmp.mkdir(parents=True, exist_ok=True)
        (tmp / pkuseg_lexicon.LEXICON_FILE).write_text("\n".join(words) + "\n", encoding="utf-8")
    elif (tmp / pkuseg_lexicon.LEXICON_FILE).exists():
        (tmp / pkuseg_lexicon.LEXICON_FILE).unlink()
    try:
        spacy_pkuseg.train(str(train_file), str(held_file), str(tmp), train_iter=iterations,
                           init_model=str(resume) if resume else None)
    finally:
        spacy_pkuseg.trainer.FeatureExtractor = base
    output.mkdir(parents=True, exist_ok=True)
    for name in ("features.msgpack", "weights.npz", pkuseg_lexicon.LEXICON_FILE):
        if (tmp / name).exists():
            shutil.copy(tmp / name, output / name)
    print(f"trained in {time.time() - start:.0f} s -> {output}", file=sys.stderr)
    return output


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--corpus", default=DEFAULT_CORPUS)
    p.add_argument("--output", default="models/pkuseg")
    p.add_argument("--workdir", default="build/pkuseg")
    p.add_argument("--iterations", type=int, default=10)
    p.add_argument("--resume", help="model directory to continue training from")
    p.add_argument("--limit", type=int, default=0, help="train on the first N paragraphs only")
    p.add_argument("--lexicon", choices=("jieba", "none"), default="jieba",
                   help="lexicon features (default: jieba's dictionary)")
    a = p.parse_args()
    train(a.corpus, a.output, a.workdir, a.iterations, a.resume, a.limit, a.lexicon)


# Features whose weights are all smaller than this (in absolute value, for every tag) are
# dropped when the model is packed: they are 80 % of pkuseg's 1.2 M features, and a sum of
# such weights seldom moves a Viterbi path (see the model card for the measurement).
PRUNE_BELOW = 0.05


def prune(features: dict, w, prune_below: float = PRUNE_BELOW) -> tuple[dict, "np.ndarray"]:
    """Drop the features whose node weights are all below ``prune_below`` in absolute value.

    features: pkuseg's ``features.msgpack`` content; w: its flat weight vector (node weights,
    ``n_feature x n_tag`` in feature order, then the ``n_tag x n_tag`` transitions).
    RETURNS the new features dict and weight vector; a dropped feature weighs 0, which is
    what pkuseg gives a feature it does not know.
    """
    import numpy as np

    n_tag, n_feature = len(features["tag_to_idx"]), len(features["feature_to_idx"])
    node = w[:n_tag * n_feature].reshape(n_feature, n_tag)
    keep = np.abs(node).max(axis=1) >= prune_below
    new_index = np.cumsum(keep) - 1
    kept = {f: int(new_index[i]) for f, i in features["feature_to_idx"].items() if keep[i]}
    return {**features, "feature_to_idx": kept}, np.concatenate([node[keep].ravel(), w[n_tag * n_feature:]])


def install(model_dir: str | Path, models: str | Path = "models", prune_below: float = PRUNE_BELOW) -> Path:
    """Pack a trained model into ``models/pkuseg.tar.xz``: features pruned (``prune``),
    weights stored as float32.

    pkuseg keeps float64 weights; float32 loses nothing measurable for Viterbi decoding
    (checked: identical segmentation of the held-out file) and halves the size.
    RETURNS the archive path.
    """
    import io
    import tarfile

    import numpy as np
    import srsly

    model_dir, models = Path(model_dir), Path(models)
    models.mkdir(parents=True, exist_ok=True)
    archive = models / "pkuseg.tar.xz"
    features = srsly.read_msgpack(model_dir / "features.msgpack")
    with np.load(model_dir / "weights.npz") as z:
        features, w = prune(features, z["w"], prune_below)
        arrays = {"sizes": np.array([len(features["tag_to_idx"]), len(features["feature_to_idx"])]),
                  "w": w.astype(np.float32)}
    members = {"features.msgpack": srsly.msgpack_dumps(features)}
    if (model_dir / "lexicon.txt").exists():
        members["lexicon.txt"] = (model_dir / "lexicon.txt").read_bytes()
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    members["weights.npz"] = buf.getvalue()
    with tarfile.open(archive, "w:xz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return archive
