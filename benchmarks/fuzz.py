"""Fuzz at scale (issue 8): generated documents through the API and the command line,
every invariant checked, counts of documents, exceptions and violations reported.

    python benchmarks/fuzz.py                          # 10,000 API + 1,000 CLI; writes results/fuzz.md
    python benchmarks/fuzz.py --n-api 300 --n-cli 100 --no-write   # a quick run

Documents come from a seeded random generator (``--seed``, default 8): Chinese news
snippets (so that entities occur) mixed with noise: any code point, emoji and astral
characters, combining marks, full-width ASCII, control and format characters, traditional
characters, Latin, digits, HTML fragments; one document in 500 is a long one (6k–20k chars,
sometimes without punctuation) so that chunking is exercised.

Invariants, for every document: ``doc.text`` is the input; every entity has
``0 <= start < end <= len(text)`` and ``text[start:end] == entity text``; entities do not
overlap; relations name entities of the document (person a PERSON, title a TITLE, city a
GPE; an org is written in the text); the record is strict JSON; a second run on the same
input gives the same record (every 10th document); the record path (``nlp.extract``) gives
the API's record. Through the CLI (a child ``python -m nlp extract`` process): one output
line per input document, in order, each the API's record for that text. Then the bad-input
run: 1,000 good lines with 5 bad ones → 1,000 output lines in order, 5 ``file:line:``
errors, exit status 2.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import machine, write_result  # noqa: E402
from benchmarks.long_document import SENTENCES  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

SNIPPETS = SENTENCES + [
    "湖北省武汉市副市长李明表示，", "比上年增长百分之十二，", "产值约286亿元。", "中国驻法国大使王强会见了玛丽亚·洛佩斯。",
    "黔南布依族苗族自治州", "珠江", "峨眉山", "星河（苏州）智能科技有限公司", "交通运输部", "增长7.2%", "两成", "三分之一",
    "去年4月", "1.5万公顷", "400Mbps", "300万美元", "8亿港元", "六百万千瓦", "2.5万平方米", "千分之三", "3.2亿人次",
    "5月8日", "2030年前", "乌兰察布", "澳门", "首席执行官", "常务副省长", "南京市长江大桥", "北京市海淀区", "约3000余人",
]
TRADITIONAL = ["臺灣省臺北市長", "廣東省廣州市", "國務院總理", "經濟增長百分之五", "億元", "張偉書記", "澳門特別行政區"]
HTML = ["<p>", "</p>", "<div class=\"a\">", "</div>", "&amp;", "&nbsp;", "<br/>", "&#x4e2d;", "<script>var s='武汉';</script>",
        "<!-- 注释 -->", "<a href=\"http://x.cn/?a=1&b=2\">", "<table><tr><td>", "</td></tr></table>"]
SMALL = ["\n", "\r\n", "\t", " ", "\u3000", "。", "，", "、", "·", "（", "）", "万", "亿", "年", "月", "日", "%", "％", "元",
         "市", "省", "县", "委", "长", "书记", "李", "王", "百分之", "分之", "零", "两", "〇", "①", "Ⅻ", "ﬁ", "\u00a0", "\x85",
         "\u2028", "\u200b", "\ufeff", "\u0301", "\x00"]
_FULL = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}
# code point ranges for noise (surrogates excluded: a str holding one cannot be UTF-8)
RANGES = [(0x20, 0x7E), (0x00, 0x1F), (0x80, 0x2FF), (0x300, 0x36F), (0x2000, 0x206F), (0x3000, 0x303F),
          (0x4E00, 0x9FFF), (0xFF01, 0xFF5E), (0xFF61, 0xFF9F), (0x1F300, 0x1FAFF), (0x20000, 0x2A6DF),
          (0xE000, 0xF8FF), (0x10000, 0x10FFFF)]


def _char(rng: random.Random) -> str:
    lo, hi = rng.choice(RANGES)
    c = rng.randint(lo, hi)
    return "\ufffd" if 0xD800 <= c <= 0xDFFF else chr(c)


def _noise(rng: random.Random) -> str:
    k = rng.random()
    if k < 0.35:
        return rng.choice(SMALL)
    if k < 0.55:
        return "".join(_char(rng) for _ in range(rng.randint(1, 10)))
    if k < 0.65:
        return rng.choice(HTML)
    if k < 0.75:
        return rng.choice(TRADITIONAL)
    if k < 0.85:
        return "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 20)))
    if k < 0.93:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ") for _ in range(rng.randint(1, 15)))
    return "".join(chr(rng.randint(0x300, 0x36F)) for _ in range(rng.randint(1, 3)))  # combining marks


def _snippet(rng: random.Random) -> str:
    s = rng.choice(SNIPPETS)
    k = rng.random()
    if k < 0.15:  # full-width mix
        s = "".join(c.translate(_FULL) if rng.random() < 0.5 else c for c in s)
    elif k < 0.3:  # noise inside the snippet
        i = rng.randint(0, len(s))
        s = s[:i] + _noise(rng) + s[i:]
    return s


def generate(rng: random.Random) -> str:
    """RETURNS one generated document."""
    if rng.random() < 0.002:  # a long one: chunking
        body = "".join(rng.choice(SENTENCES) + (_noise(rng) if rng.random() < 0.2 else "") for _ in range(400))
        if rng.random() < 0.5:
            body = "".join(c for c in body if c not in "，。、；！？（）\n")
        return body[: rng.randint(6000, 20000)]
    if rng.random() < 0.03:
        return rng.choice(["", " ", "\n\n", "\t\r\n", "\u3000"])
    parts = [_snippet(rng) if rng.random() < 0.55 else _noise(rng) for _ in range(rng.randint(1, 16))]
    return "".join(parts)


# -- invariants --------------------------------------------------------------------------

def violations(text: str, rec: dict) -> list[str]:
    """RETURNS the invariants ``rec`` (the SPEC record of ``text``) breaks."""
    out = []
    if rec.get("text") != text:
        out.append("text changed")
    ents = rec.get("entities", [])
    for e in ents:
        if not (0 <= e["start"] < e["end"] <= len(text)):
            out.append(f"offsets out of range {e}")
        elif text[e["start"]:e["end"]] != e["text"]:
            out.append(f"text[start:end] != entity text {e}")
    spans = sorted((e["start"], e["end"]) for e in ents)
    if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
        out.append("overlapping entities")
    by_label: dict[str, set] = {}
    for e in ents:
        by_label.setdefault(e["label"], set()).add(e["text"])
    rels = rec.get("relations", {})
    for r in rels.get("person_title", []):
        if r.get("person") not in by_label.get("PERSON", ()) or r.get("title") not in by_label.get("TITLE", ()):
            out.append(f"person_title names no entity {r}")
        if r.get("org") is not None and (not r["org"] or r["org"] not in text):
            out.append(f"person_title org not in text {r}")
    for r in rels.get("city_province", []):
        if r.get("city") not in by_label.get("GPE", ()) or not r.get("province"):
            out.append(f"city_province names no GPE {r}")
    try:
        json.dumps(rec, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError) as e:
        out.append(f"not strict JSON: {e}")
    return out


# -- runs ----------------------------------------------------------------------------------

def run_api(extractor, texts: list[str], keep: int) -> dict:
    """Every text through ``extractor(text)`` and (in batches) ``nlp.extract``; RETURNS counts,
    problems and the records of the first ``keep`` texts."""
    from nlp.extract import extract
    from nlp.io.documents import Document
    from nlp.io.records import doc_to_record

    stats: Counter = Counter()
    problems: list[tuple[str, str]] = []   # (kind, example)
    seen: set[str] = set()
    kept: dict[int, dict] = {}
    start = time.perf_counter()

    def problem(kind: str, text: str, detail: str) -> None:
        stats[kind] += 1
        key = kind + detail.split(" {")[0]
        if key not in seen:
            seen.add(key)
            problems.append((kind, f"{detail}\n    input: {text[:300]!r}{'...' if len(text) > 300 else ''}"))

    records: dict[int, dict] = {}
    for i, text in enumerate(texts):
        stats["documents"] += 1
        stats["chars"] += len(text)
        try:
            rec = doc_to_record(extractor(text))
            if i % 10 == 0 and doc_to_record(extractor(text)) != rec:
                problem("violations", text, "different output on a second run")
        except Exception as e:
            tb = traceback.extract_tb(e.__traceback__)[-1]
            problem("exceptions", text, f"{type(e).__name__}: {e} at {Path(tb.filename).name}:{tb.lineno}")
            continue
        for v in violations(text, rec):
            problem("violations", text, v)
        records[i] = rec
        if i < keep:
            kept[i] = rec
        if (i + 1) % 1000 == 0:
            print(f"  api {i + 1:,} documents, {time.perf_counter() - start:.0f} s", flush=True)
    stats["api_seconds"] = time.perf_counter() - start

    # the record path over the same texts must give the same records
    start = time.perf_counter()
    docs = (Document(text=t, id=str(i)) for i, t in enumerate(texts))
    try:
        for rec in extract(extractor, docs):
            if not isinstance(rec, dict):  # a ProcessingError: the pipeline raised
                problem("exceptions", "", f"nlp.extract yielded an error: {rec}")
                continue
            i = int(rec["id"])
            expected = records.get(i)
            rec = {k: v for k, v in rec.items() if k != "id"}
            if expected is not None and rec != expected:
                problem("violations", texts[i], "nlp.extract record differs from the API's")
    except Exception as e:
        problem("exceptions", "", f"nlp.extract raised {type(e).__name__}: {e}")
    stats["extract_seconds"] = time.perf_counter() - start
    return {"stats": stats, "problems": problems, "kept": kept}


def run_cli(texts: list[str], expected: dict[int, dict], rng: random.Random, workdir: Path,
            bad_lines: int = 0) -> dict:
    """``python -m nlp extract`` in a child process over one JSONL file of ``texts`` (with
    ``bad_lines`` bad lines inserted at random places). RETURNS counts and problems."""
    bad_pool = ["{broken", '{"id": "x"}', '{"text": 5}', "[1, 2]", '{"text": NaN}', '{"text": "\\ud800"}',
                '{"text": null}', "\x01\x02", '{"text": "a"', "{" + "[" * 3000]
    rows = []
    for i, t in enumerate(texts):
        escape = rng.random() < 0.3  # some lines with \\u escapes (astral as surrogate pairs)
        rows.append(json.dumps({"id": str(i), "text": t}, ensure_ascii=escape))
    positions = sorted(rng.sample(range(len(rows) + bad_lines), bad_lines))
    for p in positions:
        rows.insert(p, rng.choice(bad_pool))
    src, out = workdir / f"cli_{len(texts)}_{bad_lines}.jsonl", workdir / f"cli_{len(texts)}_{bad_lines}.out.jsonl"
    with open(src, "w", encoding="utf-8", newline="") as f:
        for k, row in enumerate(rows):
            f.write(row + ("\r\n" if k % 7 == 3 else "\n"))  # a few CRLF line ends
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "nlp", "extract", str(src), "-o", str(out), "-q"],
                          cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - start
    stats: Counter = Counter(documents=len(texts), chars=sum(map(len, texts)))
    problems: list[str] = []
    errors = [x for x in proc.stderr.splitlines() if x.startswith("error: ")]
    if "Traceback" in proc.stderr:
        stats["exceptions"] += 1
        problems.append("CLI traceback:\n" + proc.stderr[-2000:])
    want_status = 2 if bad_lines else 0
    if proc.returncode != want_status:
        stats["violations"] += 1
        problems.append(f"exit status {proc.returncode}, expected {want_status}")
    want_errors = [f"error: {src}:{p + 1}: " for p in positions]
    if len(errors) != len(want_errors) or not all(e.startswith(w) for e, w in zip(errors, want_errors)):
        stats["violations"] += 1
        problems.append(f"errors on stderr {errors[:10]}, expected lines {[p + 1 for p in positions]}")
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    if len(lines) != len(texts):
        stats["violations"] += 1
        problems.append(f"{len(lines)} output lines for {len(texts)} documents")
    for i, (text, line) in enumerate(zip(texts, lines)):
        rec = json.loads(line)
        if rec.get("id") != str(i):
            stats["violations"] += 1
            problems.append(f"line {i + 1}: id {rec.get('id')!r}, expected {i} (order)")
            break
        rec.pop("id")
        vs = violations(text, rec)
        if i in expected and rec != expected[i]:
            vs.append("CLI record differs from the API's")
        stats["violations"] += len(vs)
        problems.extend(f"document {i}: {v}" for v in vs[:3])
    if list(workdir.glob("*.part")):
        stats["violations"] += 1
        problems.append("a .part file was left")
    stats["cli_seconds"] = seconds
    stats["status"] = proc.returncode
    stats["errors_reported"] = len(errors)
    stats["lines_out"] = len(lines)
    return {"stats": stats, "problems": problems, "bad_lines": bad_lines, "errors": errors[:bad_lines]}


def source_fingerprint() -> str:
    """RETURNS a hash of the package's code and data (to notice edits during a long run)."""
    h = hashlib.sha1()
    for path in sorted((ROOT / "nlp").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".tsv", ".jsonl", ".cfg"):
            h.update(str(path).encode() + path.read_bytes())
    return h.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n-api", type=int, default=10_000, help="documents through the API (default 10,000)")
    ap.add_argument("--n-cli", type=int, default=1_000, help="documents through the CLI (default 1,000)")
    ap.add_argument("--n-good", type=int, default=1_000, help="good lines around the 5 bad ones (default 1,000)")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--segmenter", default="tagger", choices=("tagger", "pkuseg", "jieba", "char"),
                    help="the API's segmenter (default: the default pipeline's, tagger)")
    ap.add_argument("--no-write", action="store_true", help="print only; do not write the results file")
    args = ap.parse_args()

    import nlp

    fingerprint = source_fingerprint()
    rng = random.Random(args.seed)
    texts = [generate(rng) for _ in range(args.n_api)]
    print(f"generated {len(texts):,} documents, {sum(map(len, texts)):,} chars "
          f"({sum(len(t) > 5000 for t in texts)} over 5,000)", flush=True)
    extractor = nlp.load(segmenter=args.segmenter)
    api = run_api(extractor, texts, keep=args.n_cli)
    print(f"api: {dict(api['stats'])}", flush=True)

    if args.segmenter != "tagger":
        print("note: the CLI runs with its default segmenter (tagger); records are compared only "
              "with --segmenter tagger", flush=True)
    expected = api["kept"] if args.segmenter == "tagger" else {}
    changed = source_fingerprint() != fingerprint
    if changed:  # the CLI child would run other code than the records were made with
        print("note: nlp/ changed during the run: CLI records not compared with the API's", flush=True)
        expected = {}
    with tempfile.TemporaryDirectory() as tmp:
        cli = run_cli(texts[: args.n_cli], expected, rng, Path(tmp))
        print(f"cli: {dict(cli['stats'])}", flush=True)
        good = [generate(rng) for _ in range(args.n_good)]
        bad = run_cli(good, {}, rng, Path(tmp), bad_lines=5)
        print(f"bad lines: {dict(bad['stats'])}", flush=True)

    problems = [f"[api {k}] {p}" for k, p in api["problems"]] + [f"[cli] {p}" for p in cli["problems"]] \
        + [f"[bad lines] {p}" for p in bad["problems"]]
    for p in problems[:40]:
        print(p)
    total_exc = api["stats"]["exceptions"] + cli["stats"]["exceptions"] + bad["stats"]["exceptions"]
    total_viol = api["stats"]["violations"] + cli["stats"]["violations"] + bad["stats"]["violations"]
    print(f"exceptions {total_exc}, invariant violations {total_viol}")
    if args.no_write:
        return
    s, c, b = api["stats"], cli["stats"], bad["stats"]
    cmd = "python benchmarks/fuzz.py" + "".join(
        f" --{k.replace('_', '-')} {v}" for k, v in (("n_api", args.n_api), ("n_cli", args.n_cli), ("n_good", args.n_good),
                                                   ("seed", args.seed))
        if v != ap.get_default(k))
    md = ["# Fuzz: any input, valid offsets, nothing lost", "",
          f"Command: `{cmd}`  ",
          f"Machine and date: {machine()}  ",
          f"Segmenter: {args.segmenter}; seed {args.seed}. Generator and invariants: see the docstring of "
          "`benchmarks/fuzz.py`.", "",
          "| run | documents | chars | exceptions | invariant violations | time |",
          "|---|---|---|---|---|---|",
          f"| API `extractor(text)` (+ a second run of every 10th) | {s['documents']:,} | {s['chars']:,} | "
          f"{s['exceptions']} | {s['violations']} | {s['api_seconds']:.0f} s |",
          f"| record path `nlp.extract` (same texts, compared with the API) | {s['documents']:,} | {s['chars']:,} | "
          f"– | (in the row above) | {s['extract_seconds']:.0f} s |",
          f"| CLI `python -m nlp extract` (one JSONL file{', not compared: code changed during the run' if changed else ', compared with the API'}) | {c['documents']:,} | "
          f"{c['chars']:,} | {c['exceptions']} | {c['violations']} | {c['cli_seconds']:.0f} s (model load included) |",
          f"| CLI, {args.n_good:,} good lines + 5 bad ones | {b['documents']:,} | {b['chars']:,} | {b['exceptions']} | "
          f"{b['violations']} | {b['cli_seconds']:.0f} s |", "",
          f"Bad-lines run: exit status {b['status']}, {b['lines_out']:,} output lines (in input order), "
          f"{b['errors_reported']} errors on stderr:", "", "```", *bad["errors"], "```", ""]
    if problems:
        md += ["Problems (first example of each kind):", "", "```", *problems[:40], "```", ""]
    else:
        md += ["No exception and no invariant violation.", ""]
    path = write_result("fuzz.md", "\n".join(md))
    print(f"written {path}")


if __name__ == "__main__":
    main()
