"""Train the statistical NER model (spaCy ``ner`` over characters) from ../shared/corpora.

Data: MSRA train (less a held-out dev split of ``DEV_SIZE`` sentences, chosen with a fixed
seed) plus People's Daily 1998 (nr/ns/nt words and bracketed nt/ns compounds, mapped to
PER/LOC/ORG). MSRA test is never read here. Texts are width-folded as the pipeline folds
its input. The exact command and settings land in models/README.md (the model card).

The model's static bigram vectors (``nlp/training/vectors.py``) are trained first, into
``<output>/../vectors``, unless ``paths.vectors`` is given; they ship inside the model.
With ``zh_news.CharLexiconEmbed.v1`` the soft-lexicon word vectors are built the same way,
into ``<output>/../word_vectors`` unless ``paths.word_vectors`` is given; they ship inside
the model's weights.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from ..io.corpora import pd1998_entities, read_cluener
from ..text import fold_width
from .splits import CLUENER_MODES, DEV_SIZE, PD1998_KEEP, PD1998_MODES, SHARED, msra_split, training_paragraphs  # noqa: F401  (part of this module's API)
from .vectors import train_vectors, train_word_vectors

CONFIG = Path(__file__).resolve().parent.parent / "configs" / "ner.cfg"


def _docbin(examples, vocab):
    from spacy.tokens import Doc, DocBin

    db = DocBin(store_user_data=False)
    for text, spans in examples:
        text = fold_width(text)
        words = list(text)
        doc = Doc(vocab, words=words, spaces=[False] * len(words))
        ents = [doc.char_span(s, e, label=l) for s, e, l in spans if l]
        # label "" = unknown: the model is neither told these characters are an entity
        # nor that they are outside one.
        unknown = [doc.char_span(s, e) for s, e, l in spans if not l]
        doc.set_ents([e for e in ents if e is not None],
                     missing=[u for u in unknown if u is not None], default="outside")
        db.add(doc)
    return db


def build_corpora(shared: Path = SHARED, out: Path = Path("build/ner"), *, seed: int = 0,
                  limit: int = 0, pd1998: str = "names", cluener: str = "none") -> tuple[Path, Path]:
    """Write train.spacy and dev.spacy. ``limit`` > 0 keeps only that many training sentences.

    pd1998: how People's Daily 1998 joins MSRA train (PD1998_MODES): "full" with all its
    entities; "no-orgs" with its people and places, its organisations (and j/nz words) left
    unannotated (see ``pd1998_entities``); "names" with its people only, places unannotated
    too; "none" not at all.
    cluener: CLUENER_MODES; "names" adds CLUENER2020 train (10,748 short modern texts: news,
    finance, sport, games) with its people only (``cluener_names``).
    """
    import spacy

    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    dev, train = msra_split(shared, rng)
    if pd1998 not in PD1998_MODES:
        raise ValueError(f"pd1998 must be one of {PD1998_MODES}, not {pd1998!r}")
    if pd1998 != "none":
        train += [pd1998_entities(para, keep=PD1998_KEEP[pd1998])
                  for para in training_paragraphs(shared / "peoples_daily_1998" / "199801.txt")]
    if cluener not in CLUENER_MODES:
        raise ValueError(f"cluener must be one of {CLUENER_MODES}, not {cluener!r}")
    if cluener == "names":
        train += [cluener_names(text, spans)
                  for text, spans, _ in read_cluener(shared / "cluener2020" / "train.json")]
    if pd1998 != "none" or cluener != "none":
        rng.shuffle(train)
    if limit:
        train, dev = train[:limit], dev[: max(20, limit // 10)]
    vocab = spacy.blank("zh").vocab
    _docbin(train, vocab).to_disk(out / "train.spacy")
    _docbin(dev, vocab).to_disk(out / "dev.spacy")
    print(f"NER corpora: {len(train)} train / {len(dev)} dev sentences -> {out}", file=sys.stderr)
    return out / "train.spacy", out / "dev.spacy"


def cluener_names(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """A CLUENER record for name-only training: ``name`` spans become PER, every other
    labelled span unknown (""), the rest outside. CLUENER's `name` also covers fictional
    and game characters; its other types do not match MSRA's ORG/LOC boundaries."""
    out: list[list] = []  # overlapping spans (a few records label one span twice) merge
    for s, e, kind in sorted(spans):
        label = "PER" if kind == "name" else ""
        if out and s < out[-1][1]:
            prev = out[-1]
            same = prev[2] == label and (prev[0], prev[1]) == (s, e)
            out[-1] = [prev[0], max(prev[1], e), label if same else ""]
        else:
            out.append([s, e, label])
    return text, [tuple(x) for x in out]


def train(output: str | Path = "build/ner/model", *, shared: str | Path = SHARED, limit: int = 0,
          max_steps: int | None = None, eval_frequency: int | None = None,
          pd1998: str = "names", cluener: str = "none", overrides: dict | None = None) -> Path:
    """Convert the corpora and run spaCy's training. RETURNS the directory of the best model.

    ``overrides``: extra config settings (``{"components.tok2vec.model.encode.window_size": 2}``),
    as ``spacy train --key value`` takes them; they are printed in the log.
    """
    from spacy.cli.train import train as spacy_train
    from thinc.api import Config

    from .. import pipeline  # noqa: F401
    from ..pipeline import char_features  # noqa: F401  registers zh_news_char_features
    from ..pipeline.bigram_embed import BIGRAM_EMBED, LEXICON_EMBED

    output = Path(output)
    train_path, dev_path = build_corpora(Path(shared), output.parent / "corpus", limit=limit,
                                         pd1998=pd1998, cluener=cluener)
    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path), **(overrides or {})}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if eval_frequency is not None:
        overrides["training.eval_frequency"] = eval_frequency
    embed = Config().from_disk(CONFIG, overrides=overrides, interpolate=False)["components"]["tok2vec"]["model"]["embed"]
    arch = embed.get("@architectures")
    uses_vectors = arch in (BIGRAM_EMBED, LEXICON_EMBED) or embed.get("include_static_vectors")
    if uses_vectors and not overrides.get("paths.vectors"):
        # Built once per output folder; a smoke test (limit) trains them on a few texts.
        vectors = output.parent / "vectors"
        if not (vectors / "vocab" / "vectors").exists():
            train_vectors(vectors, shared=shared, limit=limit * 5, min_count=1 if limit else 10)
        overrides["paths.vectors"] = str(vectors)
    word_key = "paths.word_vectors"  # the soft-lexicon table (zh_news.CharLexiconEmbed.v1 only)
    if arch == LEXICON_EMBED and not overrides.get(word_key):
        words = output.parent / "word_vectors"
        if not (words / "vectors.npy").exists():
            train_word_vectors(words, shared=shared, limit=limit * 5, min_count=1 if limit else 5)
        overrides[word_key] = str(words)
    print(f"NER config {CONFIG} with overrides {overrides}", file=sys.stderr)
    start = time.time()
    spacy_train(CONFIG, output, overrides=overrides)
    print(f"NER trained in {time.time() - start:.0f} s -> {output}/model-best", file=sys.stderr)
    return output / "model-best"


def parse_overrides(pairs: list[str]) -> dict:
    """``["a.b=2", "c=true"]`` -> ``{"a.b": 2, "c": True}`` (values read as JSON when they parse)."""
    import json

    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"config override must be KEY=VALUE, not {pair!r}")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def install(best: str | Path, target: str | Path = "models/ner") -> Path:
    """Copy a trained model directory into ``models/ner``. RETURNS the target."""
    import shutil

    best, target = Path(best), Path(target)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(best, target)
    return target
