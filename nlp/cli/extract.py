"""``python -m nlp extract [FILE|DIR ...] [-o OUT] [--format jsonl|conll] [--n-process N] ...``

Streams: documents are read ahead, processed in batches and written in input order as they
are done, so memory stays constant and the output can feed another process. Exit status:
0 all good, 2 some input was bad (reported as ``file:line: reason``), 1 the environment
failed (a model or data file that cannot be loaded, an output that cannot be written),
130 interrupted. An existing output file is replaced only by a complete run.
"""
from __future__ import annotations

import codecs
import errno
import functools
import os
import signal
import stat
import sys
import tempfile
import threading
import time
from pathlib import Path

import nlp as package

from .. import extract as runner
from ..errors import InputError, SetupError
from ..io.documents import KNOWN_SUFFIXES, read_documents
from ..io.html_report import DocumentReport  # --format html
from ..io.records import record_to_conll, write_jsonl
from ..text import BATCH_DOCS

FORMATS = ("jsonl", "conll", "html")


def add_parser(sub) -> None:
    p = sub.add_parser("extract", help="extract entities and relations from documents",
                       description="Read .jsonl / .txt / .html / .md (news page) files, folders of "
                                   "them, or stdin; write one SPEC JSON line per document, in "
                                   "input order, as the documents are done.")
    p.add_argument("files", nargs="*", default=["-"], metavar="FILE",
                   help="input files or folders (read recursively: "
                        f"{', '.join(KNOWN_SUFFIXES)} files, sorted); '-' or none reads stdin")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="output file, default stdout. A regular file is written to a temporary file "
                        "beside it and renamed into place when the run is complete (its mode kept); "
                        "a symlink's target is written; a device or FIFO is written directly")
    p.add_argument("--format", choices=FORMATS, default="jsonl",
                   help="jsonl: one SPEC JSON object a line (default); conll: one character a "
                        "line with its BIO tag")
    p.add_argument("--on-error", choices=("skip", "fail"), default="skip",
                   help="bad input: skip it with a message and exit 2 at the end (default), or "
                        "stop at once (exit 2; an output file is then not written)")
    p.add_argument("--segmenter", choices=("tagger", "pkuseg", "jieba", "char"), default="tagger",
                   help="word segmenter at the head of the pipeline (default tagger: the joint model's word head, one pass with its names; pkuseg, jieba, char)")
    p.add_argument("--batch-size", type=_positive, default=BATCH_DOCS, metavar="N",
                   help=f"documents processed together (default {BATCH_DOCS}); a batch goes early when no "
                        "more input is waiting")
    p.add_argument("--n-process", type=_positive, default=1, metavar="N",
                   help="worker processes, each loading the models once (default 1); output order "
                        "and bytes are the same as with one")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="run on the dask.distributed scheduler at ADDRESS (tcp://host:8786); "
                        "needs the dask extra: pip install '.[dask]'")
    p.add_argument("--encoding", type=_encoding, default="utf-8",
                   help="encoding of the input files (default utf-8; gb18030 for older GBK pages)")
    p.add_argument("--progress", action="store_true",
                   help="show a progress bar on stderr (default: only when stderr is a terminal)")
    p.add_argument("--explain", action="store_true",
                   help="add to each entity the pipeline stage it came from (source)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary line (errors are still reported)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="let the libraries' log lines and warnings through to stderr")
    p.set_defaults(func=run)


def _positive(text: str) -> int:
    import argparse

    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _encoding(name: str) -> str:
    import argparse

    try:
        codecs.lookup(name)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding: {name!r}") from None
    return name


def run(args) -> int:
    restore_logs = (lambda: None) if args.verbose else runner.quiet_libraries()
    try:
        return _run(args)
    finally:
        restore_logs()


def _run(args) -> int:
    try:  # before loading the model: a bad -o fails at once
        output = Output.open(args.output)
    except OSError as e:
        print(f"error: {args.output or '<stdout>'}: cannot write: {e.strerror or e}", file=sys.stderr)
        return 2 if args.output else 1
    counts = {"documents": 0, "characters": 0, "entities": 0, "errors": 0}
    start = time.time()
    restore = _terminate_cleanly()
    bar = items = None
    status = None
    html_report = DocumentReport() if args.format == "html" else None  # --format html
    try:
        documents = read_documents(args.files, encoding=args.encoding)
        try:
            items = _records(args, documents)
            show_bar = not args.quiet and (args.progress or _isatty(sys.stderr))
            if show_bar:
                from tqdm import tqdm

                bar = tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
            for item in items:
                if isinstance(item, InputError):
                    counts["errors"] += 1
                    _message(bar, f"error: {item}")
                    if args.on_error == "fail":
                        status = 2
                        break
                    continue
                if html_report is not None:  # --format html
                    html_report.add(item)
                elif args.format == "conll":
                    output.stream.write(record_to_conll(item))
                else:
                    write_jsonl([item], output.stream)
                if output.flush_each:
                    output.stream.flush()
                counts["documents"] += 1
                counts["characters"] += len(item["text"])
                counts["entities"] += len(item["entities"])
                if bar is not None:
                    bar.update(1)
        except SetupError as e:
            _message(bar, f"error: {e}")
            status = 1
        except BrokenPipeError:
            raise
        except OSError as e:
            _message(bar, f"error: {output.name}: cannot write: {e.strerror or e}")
            status = 1
        if status is None:
            try:
                if html_report is not None:  # --format html
                    output.stream.write(html_report.render())
                output.commit()
            except BrokenPipeError:
                raise
            except OSError as e:
                _message(bar, f"error: {output.name}: cannot write: {e.strerror or e}")
                status = 1
    finally:
        restore()
        if items is not None and hasattr(items, "close"):
            items.close()  # stops the reader thread and any worker processes
        output.discard()  # anything not committed: no output file that looks complete
        if bar is not None:
            bar.close()
    if status is None:
        status = 2 if counts["errors"] else 0
    if not args.quiet:
        seconds = time.time() - start
        print(f"{counts['documents']:,} documents, {counts['characters']:,} characters, "
              f"{counts['entities']:,} entities, {counts['errors']:,} errors, {seconds:.1f} s, "
              f"{counts['characters'] / max(seconds, 1e-9):,.0f} chars/s", file=sys.stderr)
    return status


def _records(args, documents):
    """RETURNS the iterator of records and errors for the chosen way of running."""
    load = functools.partial(package.load, segmenter=args.segmenter)
    if args.dask:
        try:
            from .. import dask as on_dask
        except ImportError as e:
            raise SetupError("--dask", f"needs the dask extra (pip install '.[dask]'): {e}") from None
        return on_dask.extract_on_cluster(args.dask, documents, segmenter=args.segmenter,
                                          batch_size=args.batch_size, quiet=not args.verbose)
    if args.n_process > 1:
        return runner.extract_parallel(load, documents, n_process=args.n_process,
                                       batch_size=args.batch_size, quiet=not args.verbose,
                                       explain=args.explain,
                                       no_torch="torch" in sys.modules and sys.modules["torch"] is None,
                                       command_line=True)
    nlp = runner.load_as_command_line(lambda: package.load(segmenter=args.segmenter))
    return runner.extract(nlp, documents, batch_size=args.batch_size, explain=args.explain)


def _message(bar, text: str) -> None:
    if bar is not None:
        bar.write(text, file=sys.stderr)
    else:
        print(text, file=sys.stderr)


def _isatty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


class Output:
    """Where the records go: stdout, a device or FIFO (written directly), or a regular file,
    written to a temporary file beside it and put in place by ``commit`` (renamed, or copied
    into the existing file when it has other hard links), with the existing file's mode and
    owner. A symlink is followed: its target is written and the link stays.
    """

    def __init__(self, stream, name: str, target: Path | None = None, tmp: str | None = None):
        self.stream, self.name, self.target, self.tmp = stream, name, target, tmp
        self.flush_each = tmp is None  # a pipe or a terminal gets each record at once

    @classmethod
    def open(cls, path: str | None) -> "Output":
        """RAISES OSError (with ``strerror``) when ``path`` cannot be written."""
        if not path or path == "-":
            if sys.stdout is None:
                raise OSError(errno.EBADF, "standard output is closed")
            return cls(sys.stdout, "<stdout>")
        if path.endswith(os.sep) or (os.altsep and path.endswith(os.altsep)):
            if not os.path.isdir(path):
                raise NotADirectoryError(errno.ENOENT, "no such directory (a trailing / names a folder)")
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        target = Path(os.path.realpath(path))  # a symlink: write its target, keep the link
        try:
            info = target.stat()
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if info is not None and not stat.S_ISREG(info.st_mode):  # /dev/null, a FIFO, a tty
            return cls(open(target, "w", encoding="utf-8"), path)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        try:
            if info is not None:
                os.chmod(tmp, stat.S_IMODE(info.st_mode))
                if os.geteuid() == 0 and (info.st_uid, info.st_gid) != (0, 0):
                    os.chown(tmp, info.st_uid, info.st_gid)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it 0600
        except OSError:
            os.close(fd)
            os.unlink(tmp)
            raise
        return cls(os.fdopen(fd, "w", encoding="utf-8"), path, target, tmp)

    def commit(self) -> None:
        """Make the output complete: flush it, and put a temporary file in place."""
        self.stream.flush()
        if self.tmp is None:
            if self.stream is not sys.stdout:
                self.stream.close()
            return
        os.fsync(self.stream.fileno())
        self.stream.close()
        try:
            links = self.target.stat().st_nlink
        except FileNotFoundError:
            links = 1
        if links > 1:  # renaming would cut the file off its other names: copy into it
            with open(self.tmp, "rb") as src, open(self.target, "r+b") as dst:
                dst.truncate(0)
                for block in iter(lambda: src.read(1 << 20), b""):
                    dst.write(block)
                dst.flush()
                os.fsync(dst.fileno())
            os.unlink(self.tmp)
        else:
            os.replace(self.tmp, self.target)
        self.tmp = None

    def discard(self) -> None:
        """Remove a temporary output that was not committed (nothing else is touched)."""
        if self.tmp is None:
            return
        try:
            self.stream.close()
        except OSError:
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass
        self.tmp = None


def _terminate_cleanly():
    """Turn SIGTERM into ``SystemExit`` so that the temporary output is removed.

    RETURNS a function restoring the previous handler.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, handler)
    return lambda: signal.signal(signal.SIGTERM, previous)
