"""Input readers: formats, and clear errors naming file and line."""
import io
import sys

import pytest

from nlp.errors import InputError
from nlp.io.documents import Document, html_to_text, read_path


def read(path):
    return list(read_path(str(path)))


def test_documents_jsonl_keeps_fields_and_reports_bad_lines(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes("\ufeff".encode() + '{"id": 1, "text": "甲", "source": "x"}\r\n'.encode()
                  + b'not json\n{"id": 2}\n{"text": 5}\n[1]\n\n{"text": "\xe4\xb9\x99"}\n\xff\xfe\n')
    items = read(p)
    kinds = [type(x).__name__ for x in items]
    assert kinds == ["Document", "InputError", "InputError", "InputError", "InputError", "Document", "InputError"]
    assert items[0].id == "1" and items[0].meta == {"source": "x"} and items[0].text == "甲"
    assert [x.line for x in items if isinstance(x, InputError)] == [2, 3, 4, 5, 8]
    assert str(items[1]).startswith(f"{p}:2: not valid JSON")
    assert "'text' must be a string" in str(items[3])
    assert items[5].text == "乙"


def test_documents_txt_is_one_document_crlf_normalised(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("第一段。\r\n第二段。\r\n".encode())
    [d] = read(p)
    assert d.text == "第一段。\n第二段。\n" and d.id == "a"


def test_documents_missing_file_and_directory(tmp_path):
    [e] = read(tmp_path / "nope.txt")
    assert isinstance(e, InputError) and "no such file" in str(e)
    [e] = read(tmp_path)
    assert isinstance(e, InputError) and "directory" in str(e)


def test_documents_invalid_utf8_names_line(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes("好\n好\n".encode() + b"\xff")
    [e] = read(p)
    assert isinstance(e, InputError) and e.line == 3


HTML = """<html><head><title>t</title><script>var x = "广告";</script><style>p{}</style></head>
<body><div>第一段&nbsp;文字&amp;符号<br>第二行</div><p>第二段<a href="x">链接</a>。</p></body></html>"""


def test_documents_html_to_text():
    assert html_to_text(HTML) == "第一段 文字&符号\n第二行\n第二段链接。"


def test_documents_markdown_news_page(tmp_path):
    p = tmp_path / "page.md"
    p.write_text("\n---\ntitle: '标题'\ndate: Sat, 25 Dec 2021 07:31:16 GMT\ncategories:\n - a\n---\n\n<div><p>正文。</p></div>\n",
                 encoding="utf-8")
    [d] = read(p)
    assert d.text == "标题\n正文。"
    assert d.meta == {"title": "标题", "date": "2021-12-25"}


def test_documents_stdin_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO('{"text": "甲"}\n{"text": "乙"}\n'.encode())))
    assert [d.text for d in read_path("-")] == ["甲", "乙"]
