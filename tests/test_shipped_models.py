"""The pkuseg model cache: concurrent unpacks, a stamp checked on load, a private fallback
when the cache cannot be written, and no pickles."""
import hashlib
import threading
from pathlib import Path

import pytest

from nlp import shipped_models
from nlp.errors import ModelLoadError



@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(shipped_models, "_unpacked", {})
    return tmp_path / "cache" / "zh_news"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cache_eight_threads_on_fresh_cache_agree(fresh_cache):
    barrier = threading.Barrier(8)
    results, errors = [], []

    def load():
        barrier.wait()
        try:
            folder = shipped_models.pkuseg_dir()
            results.append((folder, digest(folder / "weights.npz"), digest(folder / "features.msgpack")))
        except Exception as e:  # noqa: BLE001 (collected and asserted below)
            errors.append(e)

    threads = [threading.Thread(target=load) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(results) == 8 and len(set(results)) == 1
    folder = results[0][0]
    assert folder.parent == fresh_cache
    assert [p.name for p in fresh_cache.iterdir() if p.name != ".lock"] == [folder.name]  # no temp left


def test_cache_segmenter_loads_from_fresh_cache(fresh_cache):
    import spacy_pkuseg

    from nlp import pkuseg_lexicon

    folder = shipped_models.pkuseg_dir()
    seg = spacy_pkuseg.pkuseg(model_name=str(folder), user_dict=None)
    pkuseg_lexicon.attach(seg, str(folder))
    words = seg.cut("湖北省武汉市市长出席会议")
    assert "".join(words) == "湖北省武汉市市长出席会议" and 3 <= len(words) <= 8


def test_cache_truncated_file_is_unpacked_again_stale_temps_removed(fresh_cache):
    folder = shipped_models.pkuseg_dir()
    good = digest(folder / "weights.npz")
    with open(folder / "weights.npz", "r+b") as f:
        f.truncate(1000)
    stale = fresh_cache / f"{folder.name}.tmpdeadbeef"
    stale.mkdir()
    shipped_models._unpacked.clear()  # a new process
    again = shipped_models.pkuseg_dir()
    assert again == folder and digest(again / "weights.npz") == good
    assert not stale.exists()


def test_cache_unwritable_falls_back_to_private_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))  # cannot be created
    monkeypatch.setattr(shipped_models, "_unpacked", {})
    folder = shipped_models.pkuseg_dir()
    assert not str(folder).startswith(str(blocker))
    assert (folder / "weights.npz").is_file() and (folder / "STAMP").is_file()


def test_cache_refuses_pickled_features(tmp_path, monkeypatch):
    models = tmp_path / "models"
    (models / "pkuseg").mkdir(parents=True)
    (models / "README.md").write_text("x", encoding="utf-8")
    (models / "pkuseg" / "weights.npz").write_bytes(b"")
    (models / "pkuseg" / "features.pkl").write_bytes(b"cos\nsystem\n(S'echo planted'\ntR.")
    monkeypatch.setenv("NLP_MODELS_DIR", str(models))
    with pytest.raises(ModelLoadError, match="features.msgpack: pkuseg model file missing .pickled features are not loaded"):
        shipped_models.pkuseg_dir()
