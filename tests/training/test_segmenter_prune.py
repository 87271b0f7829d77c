"""Packing the pkuseg model: pruned features keep their weights, dropped ones weigh 0, and the
shipped models together stay within the size budget."""
from pathlib import Path

import numpy as np

from nlp.training.segmenter import prune

MODELS = Path(__file__).resolve().parents[2] / "models"


def test_prune_drops_small_features_and_remaps_the_rest():
    features = {"tag_to_idx": {"B": 0, "I": 1}, "feature_to_idx": {"a": 0, "b": 1, "c": 2},
                "unigram": [], "bigram": []}
    node = np.array([[0.5, -0.01], [0.01, 0.02], [-0.3, 0.0]])  # b is below 0.05 for every tag
    edge = np.array([1.0, 2.0, 3.0, 4.0])
    new, w = prune(features, np.concatenate([node.ravel(), edge]), 0.05)
    assert new["feature_to_idx"] == {"a": 0, "c": 1}
    assert new["tag_to_idx"] == features["tag_to_idx"]
    assert w.tolist() == [0.5, -0.01, -0.3, 0.0, 1.0, 2.0, 3.0, 4.0]


def test_shipped_models_fit_in_30_mb():
    files = [p for p in MODELS.rglob("*") if p.is_file() and p.suffix in {".xz", ".onnx", ".npz"}]
    assert files, "no shipped model found"
    assert sum(p.stat().st_size for p in files) <= 30_000_000
