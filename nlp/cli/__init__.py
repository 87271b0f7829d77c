"""The command line: ``python -m nlp extract|evaluate|train`` (one module per command).

Importing it loads no model library (spaCy, jieba, torch): those come with the command that
runs, so ``--help`` and ``--version`` answer at once.
"""
from __future__ import annotations

import argparse
import os
import sys

from .. import __version__
from . import evaluate, extract, train


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m nlp",
        description="Chinese news information extraction: entities, values, relations.")
    parser.add_argument("--version", action="version", version=f"zh-news-nlp {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (extract, evaluate, train):
        module.add_parser(sub)
    return parser


def run() -> int:
    """The console entry point (``python -m nlp``, ``zh-news``): ``main`` in a process of its
    own, where torch is hidden unless the command trains (see ``extract.hide_torch``)."""
    if sys.argv[1:2] != ["train"]:
        from ..extract import hide_torch

        hide_torch()
    return main()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and point stdout at /dev/null so
        # that Python's own flush at exit does not complain about the broken pipe again.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
