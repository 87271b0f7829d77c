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


def install(model_dir: str | Path, models: str | Path = "models") -> Path:
    """Pack a trained model into ``models/pkuseg.tar.xz`` (weights stored as float32).

    pkuseg keeps float64 weights; float32 loses nothing measurable for Viterbi decoding
    (checked: identical segmentation of the held-out file) and halves the size.
    RETURNS the archive path.
    """
    import io
    import tarfile

    import numpy as np

    model_dir, models = Path(model_dir), Path(models)
    models.mkdir(parents=True, exist_ok=True)
    archive = models / "pkuseg.tar.xz"
    with np.load(model_dir / "weights.npz") as z:
        arrays = {k: (z[k].astype(np.float32) if z[k].dtype == np.float64 else z[k]) for k in z.files}
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    with tarfile.open(archive, "w:xz") as tar:
        tar.add(model_dir / "features.msgpack", arcname="features.msgpack")
        if (model_dir / "lexicon.txt").exists():
            tar.add(model_dir / "lexicon.txt", arcname="lexicon.txt")
        info = tarfile.TarInfo("weights.npz")
        info.size = buf.getbuffer().nbytes
        buf.seek(0)
        tar.addfile(info, buf)
    return archive
