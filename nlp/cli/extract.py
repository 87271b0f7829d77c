"""``python -m nlp extract [FILE ...] [-o OUT] [--format jsonl|conll] [--on-error skip|fail]``."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from ..errors import InputError
from ..io.documents import read_documents
from ..io.records import record_to_conll, write_jsonl


def add_parser(sub) -> None:
    p = sub.add_parser("extract", help="extract entities and relations from documents",
                       description="Read .jsonl / .txt / .html / .md (news page) files or stdin; "
                                   "write one SPEC JSON line per document, in input order.")
    p.add_argument("files", nargs="*", default=["-"], metavar="FILE",
                   help="input files; '-' or none reads stdin")
    p.add_argument("-o", "--output", help="output file (written to a temporary file, renamed when complete); default stdout")
    p.add_argument("--format", choices=("jsonl", "conll"), default="jsonl", help="output format (default jsonl)")
    p.add_argument("--on-error", choices=("skip", "fail"), default="skip",
                   help="bad input: skip it with a warning and exit 2 at the end (default), or stop at once")
    p.add_argument("--segmenter", choices=("pkuseg", "jieba", "char"), default="pkuseg")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    p.set_defaults(func=run)


def run(args) -> int:
    import nlp as package
    from ..extract import extract

    nlp = package.load(segmenter=args.segmenter)
    out, tmp_path = _open_output(args.output)
    n_docs = n_bad = n_chars = 0
    start = time.time()
    failed = False
    try:
        for item in extract(nlp, read_documents(args.files), batch_size=args.batch_size):
            if isinstance(item, InputError):
                n_bad += 1
                print(f"error: {item}", file=sys.stderr)
                if args.on_error == "fail":
                    failed = True
                    break
                continue
            if args.format == "conll":
                out.write(record_to_conll(item))
            else:
                write_jsonl([item], out)
            n_docs += 1
            n_chars += len(item["text"])
            if not args.quiet and n_docs % 1000 == 0:
                rate = n_chars / max(time.time() - start, 1e-9)
                print(f"{n_docs} documents, {n_chars} chars, {rate:,.0f} chars/s", file=sys.stderr)
    except BaseException:
        if tmp_path:
            out.close()
            os.unlink(tmp_path)
        raise
    if tmp_path:
        out.close()
        os.replace(tmp_path, args.output)
    else:
        out.flush()
    if not args.quiet and (n_docs >= 1000 or n_bad):
        print(f"done: {n_docs} documents written, {n_bad} skipped", file=sys.stderr)
    return 2 if (n_bad or failed) else 0


def _open_output(path: str | None):
    if not path or path == "-":
        return sys.stdout, None
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    return os.fdopen(fd, "w", encoding="utf-8"), tmp
