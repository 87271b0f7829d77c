"""Where the shipped models are: ``models/`` in the repo, installed as the data package ``nlp.models``."""
from __future__ import annotations

import os
import tarfile
from pathlib import Path

_ENV = "NLP_MODELS_DIR"  # overrides the location (a directory laid out like models/)


def models_dir() -> Path:
    """RETURNS the directory holding the shipped models."""
    if os.environ.get(_ENV):
        return Path(os.environ[_ENV])
    here = Path(__file__).resolve().parent
    for cand in (here / "models", here.parent / "models"):
        if (cand / "README.md").exists() or (cand / "__init__.py").exists():
            return cand
    raise FileNotFoundError(f"shipped models not found next to {here}; set {_ENV}")


def pkuseg_dir() -> Path:
    """RETURNS the pkuseg model directory, unpacking the shipped archive once if needed."""
    root = models_dir()
    plain = root / "pkuseg"
    if (plain / "weights.npz").exists():
        return plain
    archive = root / "pkuseg.tar.xz"
    if not archive.exists():
        raise FileNotFoundError(f"{archive}: pkuseg model missing; run `python -m nlp train segmenter`")
    stat = archive.stat()
    cache = (Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "zh_news"
             / f"pkuseg-{stat.st_size}-{int(stat.st_mtime)}")
    if not _complete(cache):
        _unpack(archive, cache)
    return cache


def _complete(model_dir: Path) -> bool:
    return all((model_dir / name).is_file() for name in ("features.msgpack", "weights.npz"))


def _unpack(archive: Path, cache: Path) -> None:
    """Unpack the pkuseg archive; weights ship as float32, pkuseg's decoder wants float64."""
    import numpy as np

    tmp = cache.with_name(cache.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        tar.extractall(tmp, filter="data")
    with np.load(tmp / "weights.npz") as z:
        arrays = {k: (z[k].astype(np.float64) if z[k].dtype == np.float32 else z[k]) for k in z.files}
    np.savez(tmp / "weights.npz", **arrays)
    import shutil

    if cache.exists() and not _complete(cache):
        shutil.rmtree(cache, ignore_errors=True)  # left over from an interrupted unpack
    try:
        os.replace(tmp, cache)  # atomic: a concurrent process either sees all or nothing
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)  # another process won the race


def ner_dir() -> Path:
    """RETURNS the directory of the statistical NER pipeline."""
    return models_dir() / "ner"
