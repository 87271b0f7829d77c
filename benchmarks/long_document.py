"""Long documents: time and peak memory for a 100k and a 1M character news document,
through the plain API (``extractor(text)``) and the record path (``nlp.extract.extract``).

    python benchmarks/long_document.py                 # writes benchmarks/results/long_document.md
    python benchmarks/long_document.py --sizes 20000 200000 --no-write

Each (path, size) runs in a child process of its own, so its peak RSS (``ru_maxrss``)
is its own: the pipeline loaded, one short warm-up text, then the one long document. The
time is the long document's only. Requirements (issue 8): the 10x longer document takes at
most 12x the time, and no run's peak RSS reaches 1.5 GB. The children's entities are
compared too: both paths must give the same ones.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import machine, write_result  # noqa: E402

MAX_RATIO = 12.0
MAX_RSS_MB = 1536

#: News sentences written for this benchmark: appointments, economy figures, places.
SENTENCES = [
    "湖北省武汉市副市长李明表示，2022年全市新能源汽车产量达到31.5万辆，比上年增长百分之十二，产值约286亿元。",
    "武汉市委副书记、市长程用文出席会议并讲话。",
    "青岛市委副书记、市长赵豪志在黄岛区调研时指出，要加快5G基站建设，今年新增基站1.2万个。",
    "国家统计局新闻发言人付凌晖说，上半年全国规模以上工业增加值同比增长3.4%。",
    "中国驻法国大使卢沙野会见了法国外交部官员。",
    "四川省成都市温江区今年前三季度实现地区生产总值485.6亿元，同比增长7.2%。",
    "据湖北省统计局局长王小平介绍，全省粮食播种面积稳定在7000万亩以上，总产量达到554.8亿斤。",
    "宁夏回族自治区银川市兴庆区新建保障性住房3200套，惠及群众约1.1万人。",
    "星河（苏州）智能科技有限公司首席执行官张伟透露，公司去年营收突破12亿元，研发投入占比达到两成。",
    "交通运输部日前印发通知，要求各地在2025年前完成农村公路安全生命防护工程。",
    "黔南布依族苗族自治州都匀市今年接待游客1560万人次，旅游收入163亿元，分别增长15.3%和18.1%。",
    "珠江流域今年汛期降雨量较常年偏多三分之一，广东省水利厅启动防汛四级应急响应。",
    "中国农业银行董事长谷澍在年度工作会议上表示，全年新增普惠型小微企业贷款超过3000亿元。",
    "乌兰察布市察哈尔右翼前旗新建风电装机容量六百万千瓦，年发电量可达150亿千瓦时。",
    "重庆市江北区、渝中区联合举办招商推介会，现场签约项目28个，总投资约412亿元。",
    "据海关统计，前两个月我国货物贸易进出口总值6.18万亿元，同比下降0.8个百分点。",
    "浙江省杭州市余杭区区长陈如根主持召开专题会议，研究部署未来科技城建设工作。",
    "2023年5月8日，广西壮族自治区南宁市举行重大项目集中开工仪式，总投资超过800亿元。",
    "峨眉山景区今年国庆假期接待游客18.6万人次，门票收入约2300万元。",
    "成渝地区双城经济圈建设推进会在成都召开，四川省常务副省长罗文出席。",
    "香港特别行政区政府财政司司长陈茂波表示，今年本地生产总值预计增长3.5%至5.5%。",
    "深圳市南山区高新技术企业数量达到4500家，占全市的四分之一左右。",
]


def build_document(n_chars: int, seed: int = 8) -> str:
    """RETURNS a news-like document of exactly ``n_chars`` characters: the sentences above in
    a shuffled order, four to eight to a paragraph."""
    rng = random.Random(seed)
    parts, size = [], 0
    while size < n_chars:
        para = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(4, 8))) + "\n"
        parts.append(para)
        size += len(para)
    return "".join(parts)[:n_chars]


def child(mode: str, n_chars: int, segmenter: str) -> None:
    """Run one measurement and print it as one JSON line."""
    import nlp
    from nlp.extract import extract
    from nlp.io.documents import Document
    from nlp.io.records import doc_to_record

    extractor = nlp.load(segmenter=segmenter)
    extractor(SENTENCES[0])  # warm-up: the statistical model loads on first use
    text = build_document(n_chars)
    start = time.perf_counter()
    if mode == "api":
        doc = extractor(text)
        ents = doc_to_record(doc)["entities"]
        assert doc.text == text
    else:
        [rec] = list(extract(extractor, [Document(text=text)]))
        ents = rec["entities"]
    seconds = time.perf_counter() - start
    assert all(text[e["start"]:e["end"]] == e["text"] for e in ents)
    digest = hashlib.sha1(json.dumps(ents, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:12]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "chars": n_chars, "seconds": seconds, "rss_mb": rss_mb,
                      "entities": len(ents), "digest": digest}))


def measure(mode: str, n_chars: int, segmenter: str) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, str(n_chars), "--segmenter", segmenter]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"child {mode} {n_chars} failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"{mode:8} {n_chars:>9,} chars  {result['seconds']:8.1f} s  {result['rss_mb']:7.0f} MB peak  "
          f"{result['entities']:,} entities", flush=True)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs=2, default=[100_000, 1_000_000], metavar=("SMALL", "LARGE"))
    ap.add_argument("--modes", nargs="+", default=["api", "extract"], choices=("api", "extract"))
    ap.add_argument("--segmenter", default="pkuseg", choices=("pkuseg", "jieba", "char"))
    ap.add_argument("--no-write", action="store_true", help="print only; do not write the results file")
    ap.add_argument("--child", nargs=2, metavar=("MODE", "CHARS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.segmenter)
        return

    small, large = args.sizes
    results = {(m, n): measure(m, n, args.segmenter) for m in args.modes for n in (small, large)}
    rows, ok = [], True
    for m in args.modes:
        a, b = results[m, small], results[m, large]
        ratio = b["seconds"] / a["seconds"]
        rss = max(a["rss_mb"], b["rss_mb"])
        passed = ratio <= MAX_RATIO * large / small / 10 and rss < MAX_RSS_MB
        ok &= passed
        rows.append(f"| `{'extractor(text)' if m == 'api' else 'nlp.extract.extract'}` | {a['seconds']:.1f} s "
                    f"({small / a['seconds']:,.0f} chars/s) | {b['seconds']:.1f} s ({large / b['seconds']:,.0f} chars/s) | "
                    f"{ratio:.2f}x | {a['rss_mb']:.0f} / {b['rss_mb']:.0f} MB | {'pass' if passed else '**FAIL**'} |")
    same = len({results[m, large]["digest"] for m in args.modes}) == 1
    verdict = "all pass" if ok else "FAILED"
    print(f"{verdict}; API and extract entities {'identical' if same else 'DIFFER'}")
    if args.no_write:
        return
    cmd = "python benchmarks/long_document.py" + ("" if args.sizes == [100_000, 1_000_000] else
                                                    f" --sizes {small} {large}")
    md = ["# Long documents: time and memory", "",
          f"Command: `{cmd}`  ",
          f"Machine and date: {machine()}  ",
          f"Segmenter: {args.segmenter}; default pipeline `{' → '.join(['tokenizer'] + _pipe_names(args.segmenter))}`.", "",
          f"One news-like document of {small:,} and of {large:,} characters (the {len(SENTENCES)} sentences in "
          "`benchmarks/long_document.py`, shuffled, 4–8 to a paragraph), each run in a child process of "
          "its own: time of the document alone (pipeline loaded and warmed up), peak RSS of the whole "
          f"child (`ru_maxrss`, model included). Limits: {large // small}x the length in at most "
          f"{MAX_RATIO * large / small / 10:.0f}x the time; peak RSS under {MAX_RSS_MB / 1024:.1f} GB.", "",
          f"| path | {small:,} chars | {large:,} chars | time ratio | peak RSS (small / large) | verdict |",
          "|---|---|---|---|---|---|", *rows, "",
          f"Entities of the {large:,}-character document: {results[args.modes[0], large]['entities']:,}; "
          f"the two paths give {'identical' if same else 'DIFFERENT'} entity lists (same chunking: "
          "texts over 5,000 characters are cut at sentence ends, processed piece by piece in "
          "batches of at most about 20,000 characters, and joined back).", ""]
    path = write_result("long_document.md", "\n".join(md))
    print(f"written {path}")
    if not ok:
        raise SystemExit(1)


def _pipe_names(segmenter: str) -> list[str]:
    from nlp.pipeline import DEFAULT_PIPELINE

    return [name.replace("zh_news_", "") for name in DEFAULT_PIPELINE]


if __name__ == "__main__":
    main()
