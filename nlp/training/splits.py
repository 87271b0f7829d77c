"""Where the training corpora are, the fixed splits every trainer and benchmark shares, and
what training may not read: the People's Daily 1998 days reserved for the real-text gold sets.

``corpora/gold/real_dev.jsonl`` and ``real_test.jsonl`` (issue 18) take their People's Daily
paragraphs from 30 and 31 January 1998 only, so that a model trained on the rest of the month
has never seen them. A trainer reads the corpus through ``training_paragraphs`` (or checks
``is_reserved`` on each paragraph id) instead of ``read_pd1998`` directly. The other
sources of those sets (CLUENER dev, Weibo dev, the DuIE sample) are not training data; a
training split can still hold the same sentence (Weibo train repeats some of Weibo dev), so
unlabelled text for embeddings goes through ``drop_drawn``.

    >>> is_reserved("19980130-01-001-001"), is_reserved("19980129-04-002-003/m")
    (True, False)
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Iterator

from ..io.corpora import read_char_tagged, read_cluener, read_duie, read_pd1998
from ..text import fold_width

SHARED = Path("../shared/corpora")
DEV_SIZE = 2000
# How People's Daily 1998 joins MSRA train in the spaCy NER trainer (``train ner-spacy``): the
# labels of it that are kept (others unknown).
PD1998_KEEP = {"full": ("PER", "LOC", "ORG"), "no-orgs": ("PER", "LOC"), "names": ("PER",), "none": ()}
# How CLUENER2020 train joins: "names" keeps its `name` spans as PER and leaves its other
# spans (organisations, places, games, books...) unknown, as People's Daily "names" does.
PD1998_MODES = tuple(PD1998_KEEP)
CLUENER_MODES = ("none", "names")


def msra_split(shared: Path = SHARED, rng: random.Random | None = None):
    """RETURNS ``(dev, train)``: MSRA train shuffled (seed 0) and cut into the held-out dev
    split (DEV_SIZE sentences) and the rest, as ``(text, [(start, end, label)])`` lists."""
    msra = [(t, s) for t, s, _ in read_char_tagged(Path(shared) / "msra" / "msra_train_bio.txt") if t.strip()]
    (rng or random.Random(0)).shuffle(msra)
    return msra[:DEV_SIZE], msra[DEV_SIZE:]

#: The days (YYYYMMDD) whose paragraphs are reserved for the real-text gold sets.
RESERVED_PD1998_DATES = frozenset({"19980130", "19980131"})


def is_reserved(paragraph_id: str) -> bool:
    """RETURNS whether a People's Daily paragraph id (``19980130-01-001-001[/m]``) is reserved."""
    return paragraph_id[:8] in RESERVED_PD1998_DATES


def pd1998_paragraph_ids(path: str | Path) -> list[str]:
    """RETURNS the paragraph ids of ``199801.txt`` in the order ``read_pd1998`` yields paragraphs."""
    with open(path, encoding="utf-8") as f:
        return [line.split()[0].split("/")[0] for line in f if line.split()]


def pd1998_paragraphs(path: str | Path) -> Iterator[tuple[str, list[tuple[str, str, str | None]]]]:
    """Yield ``(paragraph_id, words)`` for every paragraph, ``words`` as ``read_pd1998`` gives them."""
    yield from zip(pd1998_paragraph_ids(path), read_pd1998(path), strict=True)


def training_paragraphs(path: str | Path) -> Iterator[list[tuple[str, str, str | None]]]:
    """Yield the paragraphs of People's Daily 1998 that training may read (the reserved days dropped)."""
    for paragraph_id, words in pd1998_paragraphs(path):
        if not is_reserved(paragraph_id):
            yield words


def drawn_texts(shared: Path = SHARED) -> frozenset[str]:
    """RETURNS the width-folded texts of every source the real-text gold sets are drawn from:
    CLUENER dev, Weibo dev, the DuIE sample and the reserved People's Daily days."""
    shared = Path(shared)
    texts = [t for t, _, _ in read_cluener(shared / "cluener2020" / "dev.json")]
    texts += [t for t, _, _ in read_char_tagged(shared / "weibo_ner" / "weiboNER_2nd_conll.dev")]
    texts += [t for t, _ in read_duie(shared / "duie2_sample" / "train_data_5000.json")]
    texts += ["".join(w for w, _, _ in words) for pid, words in
              pd1998_paragraphs(shared / "peoples_daily_1998" / "199801.txt") if is_reserved(pid)]
    return frozenset(map(fold_width, texts))


def drop_drawn(texts: list[str], shared: Path = SHARED) -> list[str]:
    """RETURNS ``texts`` without those that occur in a source of the real-text gold sets."""
    drawn = drawn_texts(shared)
    return [t for t in texts if fold_width(t) not in drawn]
