"""`python -m nlp train` rebuilds models: proved on tiny data (the shipped models are not touched)."""
from pathlib import Path

import pytest

from nlp.cli import main

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SHARED.exists(), reason="../shared/corpora not present")]


def test_train_ner_tiny(tmp_path):
    out = tmp_path / "ner" / "model"
    assert main(["train", "ner-spacy", "--shared", str(SHARED), "--output", str(out),
                 "--limit", "200", "--max-steps", "20", "--eval-frequency", "10"]) == 0
    import spacy

    import nlp.pipeline  # noqa: F401

    model = spacy.load(out / "model-best")
    assert model.pipe_names == ["char_features", "tok2vec", "ner"]
    assert set(model.get_pipe("ner").labels) <= {"PER", "LOC", "ORG"}
    # the bigram vectors were trained, and ship inside the model
    assert model.vocab.vectors.shape[0] > 100 and model.vocab.vectors.shape[1] == 64
    model("新华社北京电")  # runs


def test_train_ner_rejects_bad_override(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["train", "ner-spacy", "--shared", str(SHARED), "--output", str(tmp_path / "m"),
              "--limit", "20", "--set", "window_size"])
    assert exc.value.code == 2
    assert "KEY=VALUE" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()  # refused before any work


def test_train_segmenter_tiny(tmp_path):
    out = tmp_path / "seg" / "out"
    assert main(["train", "segmenter", "--shared", str(SHARED), "--output", str(out),
                 "--limit", "100", "--iterations", "1"]) == 0
    assert (out / "weights.npz").exists() and (out / "features.msgpack").exists()
    assert (out / "lexicon.txt").exists()
    import spacy

    from nlp.tokenizer import NewsTokenizer

    tok = NewsTokenizer(spacy.blank("zh").vocab, "pkuseg", pkuseg_model=out)
    assert "".join(tok.cut("中华人民共和国成立了")) == "中华人民共和国成立了"
    assert type(tok._cut.__self__.feature_extractor).__name__ == "LexiconFeatureExtractor"


def test_cluener_names_keeps_people_and_leaves_the_rest_unknown():
    from nlp.training.ner import cluener_names

    text = "张三在腾讯玩王者荣耀"
    spans = [(0, 2, "name"), (3, 5, "company"), (6, 10, "game"), (6, 8, "name")]
    # overlapping spans (CLUENER labels a few twice) merge into one unknown span
    assert cluener_names(text, spans) == (text, [(0, 2, "PER"), (3, 5, ""), (6, 10, "")])
