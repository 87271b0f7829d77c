"""Where the shipped models are: ``models/`` in the repo, installed as the data package ``nlp.models``.

The pkuseg model ships as ``pkuseg.tar.xz`` and is unpacked once into the user's cache
(``$XDG_CACHE_HOME/zh_news/pkuseg-<hash>``), safely under concurrency:

- each unpack goes to its own ``mkdtemp`` folder, under a process lock (``fcntl``) and a
  thread lock, and is renamed into place only when complete;
- the folder's ``STAMP`` file, written last, holds the archive's content hash and the size of
  every file; a folder whose stamp does not match is not used (and is unpacked again);
- temporary folders left by an interrupted unpack are removed;
- when the cache cannot be written, the model is unpacked into a private temporary folder
  removed at exit.

Only msgpack and npz files are loaded: a pkuseg folder without ``features.msgpack`` is refused
rather than letting spacy_pkuseg fall back to unpickling ``features.pkl``.
"""
from __future__ import annotations

import atexit
import fcntl
import hashlib
import os
import shutil
import tarfile
import tempfile
import threading
from pathlib import Path

from .errors import ModelLoadError

_ENV = "NLP_MODELS_DIR"  # overrides the location (a directory laid out like models/)
PKUSEG_FILES = ("features.msgpack", "weights.npz")
_STAMP = "STAMP"
_THREAD_LOCK = threading.Lock()
_unpacked: dict[str, Path] = {}  # archive digest -> folder, for this process


def models_dir() -> Path:
    """RETURNS the directory holding the shipped models."""
    if os.environ.get(_ENV):
        return Path(os.environ[_ENV])
    here = Path(__file__).resolve().parent
    for cand in (here / "models", here.parent / "models"):
        if (cand / "README.md").exists() or (cand / "__init__.py").exists():
            return cand
    raise ModelLoadError(str(here), f"shipped models not found next to the package; set {_ENV}")


def cache_root() -> Path:
    """RETURNS the project's private cache folder (``$XDG_CACHE_HOME/zh_news``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zh_news"


def check_pkuseg_model(path: str | Path) -> Path:
    """Refuse a pkuseg model folder that would make spacy_pkuseg read pickles.

    RETURNS the folder. RAISES ModelLoadError when ``features.msgpack`` or ``weights.npz``
    is missing.
    """
    path = Path(path)
    for name in PKUSEG_FILES:
        if not (path / name).is_file():
            extra = " (pickled features are not loaded)" if (path / "features.pkl").exists() else ""
            raise ModelLoadError(str(path / name), f"pkuseg model file missing{extra}")
    return path


def pkuseg_dir() -> Path:
    """RETURNS the pkuseg model directory, unpacking the shipped archive once if needed.

    RAISES ModelLoadError when the model is missing or cannot be unpacked.
    """
    root = models_dir()
    plain = root / "pkuseg"
    if plain.is_dir():
        return check_pkuseg_model(plain)
    archive = root / "pkuseg.tar.xz"
    if not archive.is_file():
        raise ModelLoadError(str(archive), "pkuseg model missing; run `python -m nlp train segmenter`")
    try:
        digest = _file_digest(archive)
    except OSError as e:
        raise ModelLoadError(str(archive), f"cannot read: {e.strerror or e}") from None
    with _THREAD_LOCK:
        if digest in _unpacked and _stamp_matches(_unpacked[digest], digest):
            return _unpacked[digest]
        folder = _cached_unpack(archive, digest)
        _unpacked[digest] = folder
        return folder


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _cached_unpack(archive: Path, digest: str) -> Path:
    """Unpack into the shared cache under its process lock, or privately if it is not writable."""
    root = cache_root()
    final = root / f"pkuseg-{digest[:16]}"
    if _stamp_matches(final, digest):
        return final
    try:
        root.mkdir(parents=True, exist_ok=True)
        lock = open(root / ".lock", "a+b")
    except OSError:
        return _private_unpack(archive, digest)
    with lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            if _stamp_matches(final, digest):  # another process finished while we waited
                return final
            _remove_stale_temps(root)
            try:
                tmp = Path(tempfile.mkdtemp(prefix=f"{final.name}.tmp", dir=root))
            except OSError:
                return _private_unpack(archive, digest)
            try:
                _unpack(archive, tmp, digest)
                if final.exists():  # a folder whose stamp does not match: replace it
                    shutil.rmtree(final)
                os.replace(tmp, final)
            except OSError:  # read-only, full, over quota: unpack privately instead
                shutil.rmtree(tmp, ignore_errors=True)
                return _private_unpack(archive, digest)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            return final
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _private_unpack(archive: Path, digest: str) -> Path:
    """Unpack into a private temporary folder removed at exit."""
    try:
        tmp = Path(tempfile.mkdtemp(prefix="zh_news-pkuseg-"))
        _unpack(archive, tmp, digest)
    except OSError as e:
        raise ModelLoadError(str(archive), f"cannot unpack the pkuseg model (the cache {cache_root()} "
                                           f"is not writable, nor is {tempfile.gettempdir()}): "
                                           f"{e.strerror or e}") from None
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    return tmp


def _remove_stale_temps(root: Path) -> None:
    """Temporary folders of unpacks that died: only the lock holder unpacks, so all are stale."""
    for stale in root.glob("pkuseg-*.tmp*"):
        shutil.rmtree(stale, ignore_errors=True)


def _unpack(archive: Path, folder: Path, digest: str) -> None:
    """Unpack the pkuseg archive; weights ship as float32, pkuseg's decoder wants float64.
    The stamp is written last, so a folder with a matching stamp is complete."""
    import numpy as np

    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    check_pkuseg_model(folder)
    with np.load(folder / "weights.npz", allow_pickle=False) as z:
        arrays = {k: (z[k].astype(np.float64) if z[k].dtype == np.float32 else z[k]) for k in z.files}
    np.savez(folder / "weights.npz", **arrays)
    for name in os.listdir(folder):
        _fsync(folder / name)
    stamp = folder / _STAMP
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(_stamp_text(folder, digest))
        f.flush()
        os.fsync(f.fileno())


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _stamp_text(folder: Path, digest: str) -> str:
    sizes = "".join(f"{name}\t{(folder / name).stat().st_size}\n"
                    for name in sorted(os.listdir(folder)) if name != _STAMP)
    return f"{digest}\n{sizes}"


def _stamp_matches(folder: Path, digest: str) -> bool:
    """True when ``folder`` holds a complete unpack of the archive with this digest."""
    try:
        stamp = (folder / _STAMP).read_text(encoding="utf-8")
        return stamp == _stamp_text(folder, digest)
    except (OSError, UnicodeDecodeError):
        return False
