"""A tiny joint tagger trained end to end in seconds, exported to ONNX and run without torch."""
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch is not installed (pip install \".[train]\")")
pytest.importorskip("gensim", reason="gensim is not installed (pip install \".[train]\")")
pytest.importorskip("onnx", reason="onnx is not installed (pip install \".[train]\")")

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="../shared/corpora not present")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from nlp.training import tagger

    out = tmp_path_factory.mktemp("tagger")
    best = tagger.train(out, shared=SHARED, limit=60, epochs=1, hidden=16)
    tagger.export(best, out / "model")
    return out, best


def test_onnx_inference_equals_torch(tiny):
    import nlp.tagging
    from nlp.training import tagger
    from nlp.training.tagger_embeddings import tables

    out, best = tiny
    runtime = nlp.tagging.load(out / "model")
    state = torch.load(best, weights_only=False)
    t = tables(out / "embeddings", max_bigrams=state["settings"]["max_bigrams"],
               min_word_matches=state["settings"]["min_word_matches"])
    feats = tagger.load_featurizer(t)
    net = tagger.JointTaggerNet(t["char_vectors"], feats.dense_dim, 16, 0.5)
    net.load_state_dict(state["model"])
    net.eval()
    sentences = ["新华社北京电国家主席江泽民发表讲话", "上海市长", "中"]
    ner, seg, lengths = runtime.emissions(sentences)
    x = np.zeros((3, 17, runtime.featurizer.dim), dtype=np.float32)
    for i, s in enumerate(sentences):
        x[i, :len(s)] = runtime.featurizer.features(s)
    with torch.no_grad():
        t_ner, t_seg = net.encoder(torch.from_numpy(x), torch.from_numpy(lengths))
    mask = np.arange(17)[None, :] < lengths[:, None]
    assert np.abs(t_ner.numpy() - ner)[mask].max() < 1e-4
    assert np.abs(t_seg.numpy() - seg)[mask].max() < 1e-4
    # one sentence alone gets the same scores as inside a padded batch
    alone, _, _ = runtime.emissions(sentences[1:2])
    assert np.abs(alone[0] - ner[1, :4]).max() < 1e-4


def test_offsets_are_into_the_original_text(tiny):
    import nlp.tagging

    out, _ = tiny
    runtime = nlp.tagging.load(out / "model")
    texts = ["１２月３１日，国家主席江泽民在北京发表讲话。  第二段 文字", "", "   "]
    tagged = runtime.predict(texts)
    assert [t.text for t in tagged] == texts
    first = tagged[0]
    covered = "".join(texts[0][s:e] for s, e in first.words)
    assert covered == "".join(texts[0].split())  # every non-space char, in order, once
    assert all(e > s for s, e in first.words)
    assert all(lab in ("PER", "ORG", "LOC") for _, _, lab in first.entities)
    assert tagged[1].words == [] and tagged[2].words == []


def test_resume_continues_from_the_last_checkpoint(tiny, tmp_path):
    import shutil

    from nlp.training import tagger

    out, _ = tiny
    shutil.copytree(out / "embeddings", tmp_path / "embeddings")
    shutil.copytree(out / "checkpoints", tmp_path / "checkpoints")
    tagger.train(tmp_path, shared=SHARED, limit=60, epochs=2, hidden=16, resume=True)
    assert (tmp_path / "checkpoints" / "epoch_2.pt").exists()
    state = torch.load(tmp_path / "checkpoints" / "last.pt", weights_only=False)
    assert state["epoch"] == 2


def test_stop_after_ends_early_on_the_full_schedule(tiny, tmp_path):
    import shutil

    from nlp.training import tagger

    out, _ = tiny
    shutil.copytree(out / "embeddings", tmp_path / "embeddings")
    tagger.train(tmp_path, shared=SHARED, limit=60, epochs=3, hidden=16, stop_after=1)
    assert sorted(p.name for p in (tmp_path / "checkpoints").glob("epoch_*.pt")) == ["epoch_1.pt"]
    state = torch.load(tmp_path / "checkpoints" / "last.pt", weights_only=False)
    assert state["epoch"] == 1 and state["settings"]["epochs"] == 3
