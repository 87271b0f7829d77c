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
    own, where torch is hidden unless the command trains (see ``extract.hide_torch``).

    A finished command leaves at once: its output flushed and its exit handlers run, the
    interpreter's teardown skipped. The process holds millions of small objects (lexicons,
    the model's tables) whose freeing one by one took longer than a one-sentence run.
    """
    if sys.argv[1:2] != ["train"]:
        from ..extract import hide_torch

        hide_torch()
    try:
        status = main()
    except SystemExit as e:  # argparse: --help, --version, usage errors
        status = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
        if e.code is not None and not isinstance(e.code, int):
            print(e.code, file=sys.stderr)
    return _leave(status)


def _leave(status: int) -> int:
    import atexit

    for stream in (sys.stdout, sys.stderr):  # None when the stream was closed before start
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            pass
        except (OSError, ValueError):
            return status  # let the interpreter report it as usual
    atexit._run_exitfuncs()
    os._exit(status)


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
