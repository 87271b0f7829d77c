"""Reading documents to extract from: one reader per input format.

- ``.jsonl``: one JSON object per line with ``text`` and optional ``id``; other fields kept;
- ``.txt``: the whole file is one document;
- ``.html`` / ``.htm``: a news page, turned into plain text with paragraph breaks;
- ``.md``: a front-matter block (``---`` ... ``---``) and an HTML body, like ../shared/news;
- ``-``: standard input, read as JSONL if its first line is a JSON object, else as text;
- a directory: the files of these kinds under it, recursively, in sorted order.

Bytes are decoded as UTF-8 (a BOM is dropped) unless another encoding is given
(``gb18030`` for older Chinese pages).

Readers yield ``Document`` objects, or ``InputError`` objects for lines that cannot be read,
so that a caller can report them and carry on with the next document.
"""
from __future__ import annotations

import codecs
import itertools
import json
import os
import re
import sys
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError


@dataclass
class Document:
    """A document to process: its text, id, and the input fields to keep in the output."""
    text: str
    id: str | None = None
    meta: dict = field(default_factory=dict)
    source: str = ""
    line: int | None = None


#: File kinds read from a directory (any file named on the command line is read).
KNOWN_SUFFIXES = (".jsonl", ".txt", ".html", ".htm", ".md")


def read_documents(paths: Iterable[str], encoding: str = "utf-8") -> Iterator[Document | InputError]:
    """Yield the documents of every path in turn (``-`` is stdin, a directory its files)."""
    for p in paths:
        yield from read_path(p, encoding)


def read_path(p: str, encoding: str = "utf-8") -> Iterator[Document | InputError]:
    """Yield the documents of one path (``-`` is stdin), or an ``InputError`` for each
    part that cannot be read: a missing file, bytes that are not in ``encoding``, ..."""
    if p == "-":
        yield from read_stdin(encoding)
        return
    path = Path(p)
    if path.is_dir():
        files = directory_files(path)
        if not files:
            yield InputError(p, None, f"directory holds no {'/'.join(KNOWN_SUFFIXES)} files")
        for f in files:
            yield from read_path(str(f), encoding)
        return
    if not path.exists():
        yield InputError(p, None, "no such file")
        return
    try:
        if path.suffix.lower() == ".jsonl":
            yield from read_jsonl(path, encoding)
            return
        data = path.read_bytes()
    except OSError as e:  # unreadable (permissions, I/O error) or vanished meanwhile
        yield InputError(p, None, f"cannot read: {e.strerror or e}")
        return
    yield from _read_text_file(data, path, encoding)


def directory_files(folder: Path) -> list[Path]:
    """RETURNS the files of the known kinds under ``folder``, recursively, sorted by path
    (hidden files and folders left out)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in files
                     if not f.startswith(".") and Path(f).suffix.lower() in KNOWN_SUFFIXES)
    return sorted(found, key=lambda f: f.relative_to(folder).parts)


def _read_text_file(data: bytes, path: Path, encoding: str) -> Iterator[Document | InputError]:
    p = str(path)
    text = _decode(data, p, encoding)
    if isinstance(text, InputError):
        yield text
        return
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        yield Document(text=html_to_text(text), id=path.stem, source=p)
    elif suffix == ".md":
        yield read_markdown_page(text, path)
    else:
        yield Document(text=text, id=path.stem, source=p)


def read_stdin(encoding: str = "utf-8") -> Iterator[Document | InputError]:
    """Standard input: JSONL (read line by line, as it comes) if its first non-blank line
    starts with ``{``, else one text document."""
    stream = sys.stdin.buffer
    head: list[bytes] = []
    for raw in stream:
        head.append(raw)
        if raw.strip():
            break
    first = b"".join(head).lstrip()
    if first.startswith(b"\xef\xbb\xbf"):
        first = first[3:].lstrip()
    if first.startswith(b"{"):
        yield from read_jsonl_lines(itertools.chain(head, stream), "<stdin>", encoding)
        return
    text = _decode(b"".join(head) + stream.read(), "<stdin>", encoding)
    if isinstance(text, InputError):
        yield text
    else:
        yield Document(text=text, id="stdin", source="<stdin>")


def _codec(encoding: str, first: bool) -> str:
    """The codec for a piece of input: UTF-8 drops a BOM at the start."""
    return "utf-8-sig" if first and codecs.lookup(encoding).name == "utf-8" else encoding


def _encoding_name(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return "UTF-8" if name == "utf-8" else name


def _decode(data: bytes, source: str, encoding: str = "utf-8") -> str | InputError:
    try:
        text = data.decode(_codec(encoding, True))
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return InputError(source, line, f"invalid {_encoding_name(encoding)} byte at offset {e.start}")
    return text.replace("\r\n", "\n")


def read_jsonl(path: Path, encoding: str = "utf-8") -> Iterator[Document | InputError]:
    """Read a JSONL file line by line; bad lines become ``InputError`` items, in order."""
    with open(path, "rb") as f:
        yield from read_jsonl_lines(f, str(path), encoding)


def read_jsonl_lines(lines: Iterable[bytes | str], source: str,
                     encoding: str = "utf-8") -> Iterator[Document | InputError]:
    """Read JSONL lines (bytes or str) of ``source``; bad lines become ``InputError`` items."""
    empty = True
    for line_no, raw in enumerate(lines, 1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode(_codec(encoding, line_no == 1))
            except UnicodeDecodeError as e:
                yield InputError(source, line_no, f"invalid {_encoding_name(encoding)} byte at column {e.start + 1}")
                continue
        if not raw.strip():
            continue
        empty = False
        try:
            rec = json.loads(raw, parse_constant=_no_constant)
        except json.JSONDecodeError as e:
            yield InputError(source, line_no, f"not valid JSON ({e.msg} at column {e.colno})")
            continue
        except (ValueError, RecursionError) as e:  # NaN/Infinity, a huge integer, deep nesting
            reason = "nested too deeply" if isinstance(e, RecursionError) else str(e)
            yield InputError(source, line_no, f"not valid JSON ({reason})")
            continue
        if not isinstance(rec, dict):
            yield InputError(source, line_no, "a line must be a JSON object with a 'text' field")
            continue
        if "text" not in rec:
            yield InputError(source, line_no, "no 'text' field")
            continue
        if not isinstance(rec["text"], str):
            yield InputError(source, line_no, f"'text' must be a string, not {type(rec['text']).__name__}")
            continue
        bad = _unpaired_surrogate(rec) if "\\u" in raw else None
        if bad is not None:  # only a \\uD800-\\uDFFF escape makes one; it cannot be written out
            yield InputError(source, line_no, f"not valid Unicode: unpaired surrogate \\u{ord(bad):04x} in {_where(rec, bad)}")
            continue
        doc_id = rec.get("id")
        meta = {k: v for k, v in rec.items() if k not in ("text", "id", "entities", "relations", "optional")}
        yield Document(text=rec["text"], id=None if doc_id is None else str(doc_id),
                       meta=meta, source=source, line=line_no)
    if empty:
        yield InputError(source, None, "empty file: no documents")


def _no_constant(name: str):
    raise ValueError(f"{name} is not a JSON value")


_SURROGATE = re.compile("[\\ud800-\\udfff]")


def _unpaired_surrogate(value) -> str | None:
    """RETURNS the first lone surrogate in any string (key or value) of a JSON value, or None."""
    if isinstance(value, str):
        m = _SURROGATE.search(value)
        return m.group() if m else None
    if isinstance(value, dict):
        value = [x for kv in value.items() for x in kv]
    if isinstance(value, list):
        for item in value:
            bad = _unpaired_surrogate(item)
            if bad is not None:
                return bad
    return None


def _where(rec: dict, bad: str) -> str:
    if isinstance(rec.get("text"), str) and bad in rec["text"]:
        return f"'text' at character {rec['text'].index(bad)}"
    return "a field other than 'text'"


# -- news pages ------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)


def read_markdown_page(text: str, path: Path) -> Document:
    """A ``.md`` news page: front matter (title, date, ...) then an HTML body."""
    meta: dict = {}
    m = _FRONT_MATTER.match(text)
    body = text
    if m:
        body = text[m.end():]
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and not line.startswith((" ", "\t")) and value.strip():
                meta[key.strip()] = value.strip().strip("'\"")
    # Titles scraped from some sites replace quotation marks by underscores: keep as written.
    title = meta.get("title", "").strip()
    if "date" in meta:
        try:
            meta["date"] = parsedate_to_datetime(meta["date"]).date().isoformat()
        except (TypeError, ValueError):
            pass
    kept = {k: meta[k] for k in ("title", "date", "author") if k in meta}
    body_text = html_to_text(body)
    full = f"{title}\n{body_text}" if title else body_text
    return Document(text=full, id=path.stem, meta=kept, source=str(path))


class _TextExtractor(HTMLParser):
    """Collect visible text; block-level tags and ``<br>`` become paragraph breaks.

    The head (skipped) ends at ``</head>``, at ``<body>``, or, since HTML5 lets a page leave
    both out, at the first tag or text that cannot be in a head. Character references are
    decoded by the parser, once.
    """
    BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
              "table", "section", "article", "header", "footer", "blockquote", "pre", "hr"}
    SKIP = {"script", "style", "noscript", "iframe", "template", "svg"}
    HEAD_TAGS = {"title", "meta", "link", "base", "style", "script", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_head = False

    def _skipped(self, tag: str) -> bool:
        return tag in self.SKIP or (tag == "title" and self.in_head)

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self.in_head = True
            return
        if self.in_head and tag not in self.HEAD_TAGS:
            self.in_head = False  # <body> or a body-level tag: the head has ended
        if self._skipped(tag):
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        elif self._skipped(tag):
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if self.in_head and tag not in self.HEAD_TAGS:
            self.in_head = False
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_head and not self.skipping:
            if not data.strip():
                return
            self.in_head = False  # text outside <title> cannot be in a head either
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, one paragraph a line."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
