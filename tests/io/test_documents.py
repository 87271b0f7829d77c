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


# HTML5 lets a page leave out </head> (and <body>): the head ends at the first body-level tag.
NO_HEAD_END = [
    ("<html><head><meta charset=utf-8><title>标题</title><p>正文第一段。</p><div>第二段。</div>",
     "正文第一段。\n第二段。"),
    ("<head><title>标题</title><link rel=x href=y>\n<h1>新闻</h1>正文", "新闻\n正文"),
    ("<html><head><title>标题</title>湖北省武汉市", "湖北省武汉市"),
    ("<head><title>标题</title><body>正文</body>", "正文"),
]


@pytest.mark.parametrize("page,text", NO_HEAD_END)
def test_documents_html_without_head_end_yields_its_text(page, text):
    assert html_to_text(page) == text


def test_documents_html_entities_decoded_once():
    assert html_to_text("<p>&amp;lt;b&amp;gt; &amp;amp; &lt;i&gt;</p>") == "&lt;b&gt; &amp; <i>"


def test_documents_directory_read_recursively_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    (tmp_path / "b" / "1.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "a" / "z" / "2.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "a" / "1.jsonl").write_text('{"id": "j", "text": "丙"}\n', encoding="utf-8")
    (tmp_path / "a" / "notes.csv").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    assert [d.text for d in read(tmp_path)] == ["丙", "甲", "乙"]


def test_documents_gb18030_encoding(tmp_path):
    p = tmp_path / "old.html"
    p.write_bytes("<p>湖北省武汉市市长</p>".encode("gb18030"))
    [e] = read(p)
    assert isinstance(e, InputError) and "invalid UTF-8" in str(e)
    [d] = read_path(str(p), encoding="gb18030")
    assert d.text == "湖北省武汉市市长"
    j = tmp_path / "old.jsonl"
    j.write_bytes('{"text": "武汉"}\n'.encode("gb18030") + b'{"text": "\x81"}\n')
    docs = list(read_path(str(j), encoding="gb18030"))
    assert docs[0].text == "武汉" and isinstance(docs[1], InputError) and "invalid gb18030" in str(docs[1])
