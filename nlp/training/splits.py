"""Where the training corpora are, and the fixed splits every trainer and benchmark shares."""
from __future__ import annotations

import random
from pathlib import Path

from ..io.corpora import read_char_tagged

SHARED = Path("../shared/corpora")
DEV_SIZE = 2000


def msra_split(shared: Path = SHARED, rng: random.Random | None = None):
    """RETURNS ``(dev, train)``: MSRA train shuffled (seed 0) and cut into the held-out dev
    split (DEV_SIZE sentences) and the rest, as ``(text, [(start, end, label)])`` lists."""
    msra = [(t, s) for t, s, _ in read_char_tagged(Path(shared) / "msra" / "msra_train_bio.txt") if t.strip()]
    (rng or random.Random(0)).shuffle(msra)
    return msra[:DEV_SIZE], msra[DEV_SIZE:]
