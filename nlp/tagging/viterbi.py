"""Viterbi decoding of a linear-chain CRF in numpy, batched over padded sequences."""
from __future__ import annotations

import numpy as np


def viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray,
            start: np.ndarray, end: np.ndarray) -> list[np.ndarray]:
    """The best tag sequence of each sequence of a batch.

    emissions: ``[B, T, K]`` scores; lengths: ``[B]`` (>= 1; positions past a length are
    ignored); transitions ``[K, K]`` (from, to), start ``[K]``, end ``[K]``: scores added
    for each tag pair, the first tag and the last tag.
    RETURNS one int array of length ``lengths[b]`` per sequence.
    """
    b, t_max, k = emissions.shape
    lengths = np.asarray(lengths)
    score = start[None, :] + emissions[:, 0]
    back = np.empty((b, t_max, k), dtype=np.int32)
    keep = np.broadcast_to(np.arange(k, dtype=np.int32), (b, k))
    for t in range(1, t_max):
        cand = score[:, :, None] + transitions[None]
        best = cand.argmax(axis=1).astype(np.int32)
        new = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + emissions[:, t]
        live = (t < lengths)[:, None]
        score = np.where(live, new, score)
        back[:, t] = np.where(live, best, keep)
    last = (score + end[None, :]).argmax(axis=1)
    path = np.empty((b, t_max), dtype=np.int32)
    path[:, t_max - 1] = last
    for t in range(t_max - 1, 0, -1):
        path[:, t - 1] = back[np.arange(b), t, path[:, t]]
    return [path[i, :lengths[i]] for i in range(b)]
