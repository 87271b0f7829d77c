"""``python -m nlp extract [FILE ...] [-o OUT] [--format jsonl|conll] [--on-error skip|fail]``."""
from __future__ import annotations

import errno
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from ..errors import InputError
from ..io.documents import read_documents
from ..io.html_report import DocumentReport  # --format html
from ..io.records import record_to_conll, write_jsonl


def add_parser(sub) -> None:
    p = sub.add_parser("extract", help="extract entities and relations from documents",
                       description="Read .jsonl / .txt / .html / .md (news page) files or stdin; "
                                   "write one SPEC JSON line per document, in input order.")
    p.add_argument("files", nargs="*", default=["-"], metavar="FILE",
                   help="input files; '-' or none reads stdin")
    p.add_argument("-o", "--output", help="output file (written to a temporary file, renamed when complete); default stdout")
    p.add_argument("--format", choices=("jsonl", "conll", "html"), default="jsonl",
                   help="output format (default jsonl; html: one self-contained report page)")
    p.add_argument("--on-error", choices=("skip", "fail"), default="skip",
                   help="bad input: skip it with a warning and exit 2 at the end (default), or stop at once")
    p.add_argument("--segmenter", choices=("pkuseg", "jieba", "char"), default="pkuseg")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    p.set_defaults(func=run)


def run(args) -> int:
    import nlp as package
    from ..extract import extract

    try:  # before loading the model: a bad -o fails at once
        out, tmp_path = _open_output(args.output)
    except OSError as e:
        print(f"error: {args.output}: cannot write: {e.strerror or e}", file=sys.stderr)
        return 2
    n_docs = n_bad = n_chars = 0
    start = time.time()
    failed = False
    restore = _terminate_cleanly()
    html_report = DocumentReport() if args.format == "html" else None  # --format html
    try:
        nlp = package.load(segmenter=args.segmenter)
        for item in extract(nlp, read_documents(args.files), batch_size=args.batch_size):
            if isinstance(item, InputError):
                n_bad += 1
                print(f"error: {item}", file=sys.stderr)
                if args.on_error == "fail":
                    failed = True
                    break
                continue
            if html_report is not None:  # --format html
                html_report.add(item)
            elif args.format == "conll":
                out.write(record_to_conll(item))
            else:
                write_jsonl([item], out)
            n_docs += 1
            n_chars += len(item["text"])
            if not args.quiet and n_docs % 1000 == 0:
                rate = n_chars / max(time.time() - start, 1e-9)
                print(f"{n_docs} documents, {n_chars} chars, {rate:,.0f} chars/s", file=sys.stderr)
        if html_report is not None:  # --format html
            out.write(html_report.render())
        if tmp_path:
            out.flush()
            os.fsync(out.fileno())
            out.close()
            os.replace(tmp_path, args.output)
            tmp_path = None
        else:
            out.flush()
    finally:
        restore()
        if tmp_path:  # interrupted or failed: no output file that looks complete
            try:
                out.close()
            except OSError:
                pass
            try:
                os.unlink(tmp_path)
            except OSError:
                pass
    if not args.quiet and (n_docs >= 1000 or n_bad):
        print(f"done: {n_docs} documents written, {n_bad} skipped", file=sys.stderr)
    return 2 if (n_bad or failed) else 0


def _open_output(path: str | None):
    """RETURNS ``(stream, temporary path or None)``: stdout, or a temporary file next to
    ``path`` (renamed onto it when complete), with the permissions a new file would get."""
    if not path or path == "-":
        return sys.stdout, None
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it 0600
    return os.fdopen(fd, "w", encoding="utf-8"), tmp


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
