"""``python -m nlp train ner|segmenter|ner-spacy|holders``: rebuild a shipped model.

``ner`` trains the joint character tagger (words + PER/ORG/LOC, ``nlp/training/tagger.py``,
needs the ``train`` extra: torch); ``ner-spacy`` the previous spaCy NER model (models/ner);
``holders`` the person_title holder scorer (``nlp/training/holders.py``), from the project's
real-text dev gold rather than ../shared/corpora.
"""
from __future__ import annotations

from pathlib import Path

from ..training.splits import CLUENER_MODES, PD1998_MODES


def add_parser(sub) -> None:
    p = sub.add_parser("train", help="rebuild a shipped model from the corpora",
                       description="Train the joint tagger (ner: words and PER/ORG/LOC, needs torch), "
                                   "the pkuseg segmenter or the previous spaCy NER model (ner-spacy). "
                                   "Reads ../shared/corpora by default; writes under build/ and, "
                                   "with --install, puts the result into models/.")
    p.add_argument("model", choices=("ner", "segmenter", "ner-spacy", "holders"))
    p.add_argument("--shared", default="../shared/corpora", help="corpora folder (default ../shared/corpora)")
    p.add_argument("--output", help="output directory (default build/<model>)")
    p.add_argument("--iterations", type=int, default=10, help="segmenter: training iterations")
    p.add_argument("--lexicon", choices=("jieba", "none"), default="jieba",
                   help="segmenter: lexicon features from jieba's dictionary (default) or none")
    p.add_argument("--resume", nargs="?", const="", metavar="DIR",
                   help="ner: continue from the last checkpoint in --output; "
                        "segmenter: the model directory DIR to continue training from")
    p.add_argument("--epochs", type=int, help="ner: training epochs (default 16)")
    p.add_argument("--stop-after", type=int, metavar="EPOCH",
                   help="ner: end after this epoch, the learning rate on the schedule of --epochs")
    p.add_argument("--pd1998", choices=PD1998_MODES, default="names",
                   help="ner-spacy: how People's Daily 1998 joins MSRA train: all its entities, people and "
                        "places only, people only (default, the shipped model), or not at all")
    p.add_argument("--cluener", choices=CLUENER_MODES, default="none",
                   help="ner-spacy: add CLUENER2020 train with its people only (names) or not (none, default)")
    p.add_argument("--max-steps", type=int, help="ner-spacy: training steps (default from nlp/configs/ner.cfg)")
    p.add_argument("--eval-frequency", type=int, help="ner-spacy: steps between dev evaluations")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", type=_key_value,
                   help="ner-spacy: a config override, repeatable (components.tok2vec.model.encode.window_size=2)")
    p.add_argument("--limit", type=int, default=0, help="train on the first N sentences only (smoke tests)")
    p.add_argument("--install", action="store_true", help="copy the trained model into models/")
    p.set_defaults(func=run)


def _key_value(text: str) -> str:
    """argparse type of ``--set``: refuse anything but KEY=VALUE with a usage error."""
    import argparse

    from ..training.ner import parse_overrides

    try:
        parse_overrides([text])
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return text


def run(args) -> int:
    shared = Path(args.shared)
    if args.model == "segmenter":
        from ..training import segmenter

        out = Path(args.output or "build/pkuseg/out")
        segmenter.train(shared / "peoples_daily_1998" / "199801.txt", out, out.parent / "work",
                        iterations=args.iterations, limit=args.limit, lexicon=args.lexicon,
                        resume=args.resume or None)
        if args.install:
            segmenter.install(out, Path("models"))
        return 0
    if args.model == "ner":
        return _train_tagger(args, shared)
    if args.model == "holders":
        from ..training import holders

        out = Path("models") / "holders" / "holders.json" if args.install else \
            Path(args.output or "build/holders") / "holders.json"
        model = holders.train(out)
        print(f"holder scorer ({len(model.weights)} weights) written to {out}")
        return 0
    from ..training import ner

    out = Path(args.output or "build/ner/model")
    best = ner.train(out, shared=shared, limit=args.limit, max_steps=args.max_steps,
                     eval_frequency=args.eval_frequency, pd1998=args.pd1998, cluener=args.cluener,
                     overrides=ner.parse_overrides(args.set))
    if args.install:
        ner.install(best, Path("models") / "ner")
    return 0


def _train_tagger(args, shared: Path) -> int:
    try:
        from ..training import tagger
    except ImportError as err:
        raise SystemExit(f"train ner needs torch: pip install \".[train]\" ({err})") from None
    out = Path(args.output or "build/tagger")
    best = tagger.train(out, shared=shared, limit=args.limit, resume=args.resume is not None,
                        epochs=args.epochs, stop_after=args.stop_after)
    target = Path("models") / "tagger" if args.install else out / "model"
    tagger.export(best, target)
    print(f"tagger exported to {target}")
    return 0
