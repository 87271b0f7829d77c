"""Properties that hold for any input (issue 8): valid offsets, no overlaps, relations that
name the document's entities, the same output for the same input, nothing lost.

Inputs mix Chinese news snippets (so that entities actually occur) with noise: emoji and
astral characters, combining marks, full-width/half-width mixes, traditional characters,
Latin, digits, control and format characters, HTML fragments, long paragraphs without
punctuation. Examples are bounded so that the file runs in well under a minute.
"""
import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nlp.cli import main
from nlp.extract import MAX_CHUNK, char_batches, chunks, extract
from nlp.io.documents import Document
from nlp.io.records import doc_to_record

SNIPPETS = [
    "湖北省武汉市副市长李明表示，", "2022年全市新能源汽车产量达到31.5万辆，", "比上年增长百分之十二，",
    "产值约286亿元。", "武汉市委副书记、市长李明出席会议。", "中国驻法国大使王强会见了玛丽亚·洛佩斯。",
    "青岛市委副书记、市长赵豪志在黄岛区调研", "湖北省统计局局长王小平介绍", "黔南布依族苗族自治州",
    "珠江", "峨眉山", "星河（苏州）智能科技有限公司", "交通运输部", "增长7.2%", "两成", "三分之一",
    "去年4月", "1.5万公顷", "400Mbps", "300万美元", "8亿港元", "六百万千瓦", "2.5万平方米", "千分之三",
    "3.2亿人次", "5月8日", "2030年前", "乌兰察布市", "重庆市", "澳门", "宁夏回族自治区银川市",
    "首席执行官", "常务副省长", "南京市长江大桥", "北京市海淀区", "国家统计局新闻发言人付凌晖说，",
    "中国农业银行董事长谷澍", "成渝地区双城经济圈", "约3000余人", "同比下降0.5个百分点",
]
TRADITIONAL = ["臺灣省臺北市長", "廣東省廣州市", "國務院總理", "經濟增長百分之五", "億元", "張偉書記"]
HTML = ["<p>", "</p>", "<div class=\"a\">", "</div>", "&amp;", "&nbsp;", "<br/>", "&#x4e2d;",
        "<script>var s = '武汉';</script>", "<!-- 注释 -->", "<a href=\"http://x.cn/?a=1&b=2\">"]
_FULL = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


def _widen(text: str, mask: list[bool]) -> str:
    return "".join(c.translate(_FULL) if m else c for c, m in zip(text, mask))


snippets = st.sampled_from(SNIPPETS)
noise = st.one_of(
    st.text(max_size=12),                                                        # any code point
    st.text(st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), max_size=4),   # emoji
    st.text(st.characters(min_codepoint=0x20000, max_codepoint=0x2FA1F), max_size=4),   # astral CJK
    st.text(st.characters(categories=["Mn", "Me"]), min_size=1, max_size=3),      # combining marks
    st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), min_size=1, max_size=4),
    st.text(st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E), min_size=1, max_size=8),
    st.text(st.sampled_from("0123456789"), min_size=1, max_size=20),              # digits only
    st.text(st.characters(min_codepoint=0x41, max_codepoint=0x7A), min_size=1, max_size=12),
    st.sampled_from(HTML), st.sampled_from(TRADITIONAL),
    st.sampled_from(["\n", "\r\n", "\t", " ", "\u3000", "。", "，", "、", "·", "（", "）", "万", "亿", "年", "%"]),
)
# a snippet with some of its ASCII turned full-width (２０２２年, ７．２％)
widened = snippets.flatmap(lambda s: st.lists(st.booleans(), min_size=len(s), max_size=len(s)).map(
    lambda mask: _widen(s, mask)))
# a snippet with noise inserted inside it
broken = st.tuples(snippets, st.integers(0, 40), noise).map(lambda t: t[0][:t[1]] + t[2] + t[0][t[1]:])
news = st.lists(st.one_of(snippets, snippets, widened, broken, noise), max_size=14).map("".join)

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_record(text: str, rec: dict) -> None:
    """The invariants of a SPEC record for ``text`` (shared by the API, record and CLI paths)."""
    assert rec["text"] == text
    ents = rec["entities"]
    for e in ents:
        assert 0 <= e["start"] < e["end"] <= len(text), e
        assert text[e["start"]:e["end"]] == e["text"], e
        assert e["text"].strip(), e
    spans = sorted((e["start"], e["end"]) for e in ents)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), spans
    by_label: dict[str, set] = {}
    for e in ents:
        by_label.setdefault(e["label"], set()).add(e["text"])
    rels = rec["relations"]
    assert set(rels) >= {"person_title", "city_province"}
    for r in rels["person_title"]:
        assert r["person"] in by_label.get("PERSON", ()), r
        assert r["title"] in by_label.get("TITLE", ()), r
        # the org may be derived from an entity (市长 -> 武汉市 from 武汉市委): written in the text
        assert r["org"] is None or (r["org"] and r["org"] in text), r
    for r in rels["city_province"]:
        assert r["city"] in by_label.get("GPE", ()), r
        assert isinstance(r["province"], str) and r["province"], r
    json.dumps(rec, ensure_ascii=False, allow_nan=False)  # writable as strict JSON


def api_record(extractor, text: str) -> dict:
    return doc_to_record(extractor(text))


@SETTINGS
@given(text=news)
@example(text="")
@example(text="   \n\t ")
@example(text="😀𠀀𝕏\u0301\u200b\ufeff\x00\x1f\x7f")
@example(text="２０２２年全市ＧＤＰ增长７．２％，达到１２３４亿元。")
@example(text="臺灣省臺北市長出席會議")
@example(text="<p>武汉市&nbsp;副市长</p><br>李明")
def test_properties_api_offsets_relations_deterministic(extractor, text):
    doc = extractor(text)
    assert doc.text == text
    rec = doc_to_record(doc)
    check_record(text, rec)
    assert api_record(extractor, text) == rec  # same input, same output


@SETTINGS
@given(texts=st.lists(news, min_size=1, max_size=4))
def test_properties_record_path_matches_api(extractor, texts):
    docs = [Document(text=t, id=str(i)) for i, t in enumerate(texts)]
    recs = list(extract(extractor, docs, batch_size=3))
    assert [r["id"] for r in recs] == [str(i) for i in range(len(texts))]
    for text, rec in zip(texts, recs):
        check_record(text, rec)
        assert rec["entities"] == api_record(extractor, text)["entities"]


@settings(max_examples=3, deadline=None)
@given(parts=st.lists(snippets, min_size=40, max_size=60), repeat=st.integers(2, 4),
       punctuated=st.booleans())
def test_properties_long_paragraph_chunked(extractor, parts, repeat, punctuated):
    body = "".join(parts)
    if not punctuated:  # one "sentence" longer than a chunk: hard cuts
        body = "".join(c for c in body if c not in "，。、；！？（）")
    text = (body * (MAX_CHUNK // len(body) + 1) * repeat)[: MAX_CHUNK * repeat // 2 + 1]
    assert len(text) > MAX_CHUNK
    doc = extractor(text)
    assert doc.text == text
    rec = doc_to_record(doc)
    check_record(text, rec)
    [via_extract] = list(extract(extractor, [Document(text=text)]))
    assert via_extract["entities"] == rec["entities"]
    assert via_extract["relations"] == rec["relations"]


def test_properties_pipe_matches_call(extractor):
    texts = ["", "武汉市委书记", "湖北省武汉市副市长李明表示。" * 500, "臺灣"]
    piped = [doc_to_record(d) for d in extractor.pipe(texts, batch_size=2)]
    assert piped == [api_record(extractor, t) for t in texts]
    with_context = list(extractor.pipe(((t, i) for i, t in enumerate(texts)), as_tuples=True))
    assert [c for _, c in with_context] == list(range(len(texts)))


def test_properties_lone_surrogate_is_a_clear_error(extractor):
    with pytest.raises(ValueError, match="unpaired surrogate"):
        extractor("武汉\ud800市")


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from("武汉。！？\n；”a "), max_size=400), size=st.integers(1, 50))
def test_properties_chunks_cover_text_at_sentence_ends(text, size):
    bounds = chunks(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(e - s <= size for s, e in bounds)
    assert all(e > s for s, e in bounds) or text == ""


@settings(max_examples=200, deadline=None)
@given(sizes=st.lists(st.integers(0, 30)), max_chars=st.integers(1, 60), max_items=st.integers(1, 5))
def test_properties_char_batches_keep_order_and_bounds(sizes, max_chars, max_items):
    batches = list(char_batches(sizes, max_chars, max_items, size=lambda n: n))
    assert [n for b in batches for n in b] == sizes
    for b in batches:
        assert 1 <= len(b) <= max_items
        assert len(b) == 1 or sum(b) <= max_chars


cli_line = st.one_of(
    news.map(lambda t: json.dumps({"text": t}, ensure_ascii=False)),
    news.map(lambda t: json.dumps({"text": t})),                      # \\u escapes, astral pairs
    st.sampled_from(["{broken", '{"id": 1}', '{"text": 5}', "[]", '{"text": NaN}', '{"text": "\\ud800"}']),
)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(cli_line, min_size=1, max_size=8))
def test_properties_cli_writes_every_good_line_in_order(tmp_path_factory, capsys, rows):
    tmp = tmp_path_factory.mktemp("cli")
    src, out = tmp / "in.jsonl", tmp / "out.jsonl"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    capsys.readouterr()
    status = main(["extract", str(src), "-o", str(out), "--segmenter", "jieba", "-q"])
    err = capsys.readouterr().err
    good = []
    for line_no, row in enumerate(rows, 1):
        try:
            rec = json.loads(row, parse_constant=lambda c: 1 / 0)
            text = rec["text"]
            assert isinstance(text, str)
            text.encode("utf-8")
            good.append(text)
        except (ValueError, KeyError, TypeError, AssertionError, ZeroDivisionError, UnicodeEncodeError):
            assert f"{src}:{line_no}: " in err
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in recs] == good
    for text, rec in zip(good, recs):
        check_record(text, rec)
    assert status == (0 if len(good) == len(rows) else 2)
    assert not list(tmp.glob("*.part"))
