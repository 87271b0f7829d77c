"""The joint tagger (models/tagger) alone: MSRA test NER, SIGHAN 2005 PKU words, speed, load, size.

    python benchmarks/tagger.py [--model DIR] [--limit N]     # writes benchmarks/results/tagger.md

One run, one process: MSRA test PER/LOC/ORG scored with the project's scorer and the MSRA
label mapping of benchmarks/ner_msra.py (LOC -> a place); jieba.posseg's nr/ns/nt on the same
texts as the speed reference (and a baseline); SIGHAN 2005 PKU test gold word P/R/F1 and OOV
recall against the official training word list. Test sets are measured here, never tuned on.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402

KINDS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}
DOCS_PER_CALL = 256  # texts handed to JointTagger.predict at once


def jieba_records(gold):
    import jieba
    import jieba.posseg as pseg

    jieba.initialize()
    kinds = {"nr": "PERSON", "ns": "GPE", "nt": "ORG"}
    out = []
    start = time.time()
    for rec in gold:
        pos, ents = 0, []
        for w, flag in pseg.cut(rec["text"]):
            if flag in kinds:
                ents.append({"start": pos, "end": pos + len(w), "label": kinds[flag], "text": w})
            pos += len(w)
        out.append({"text": rec["text"], "entities": ents})
    return out, time.time() - start


def tagger_records(tagger, gold):
    texts = [r["text"] for r in gold]
    start = time.time()
    tagged = []
    for i in range(0, len(texts), DOCS_PER_CALL):
        tagged += tagger.predict(texts[i:i + DOCS_PER_CALL])
    seconds = time.time() - start
    out = [{"text": t.text, "entities": [{"start": s, "end": e, "label": KINDS[lab], "text": t.text[s:e]}
                                         for s, e, lab in t.entities]} for t in tagged]
    return out, seconds


def sighan(tagger, corpus: str, limit: int = 0) -> dict:
    from nlp.io.corpora import read_segmented
    from nlp.scoring import score_segmentation

    gold_dir = SHARED / "corpora" / "sighan2005_seg" / "gold"
    gold = [ws for ws in read_segmented(gold_dir / f"{corpus}_test_gold.utf8") if ws]
    if limit:
        gold = gold[:limit]
    train_words = {w.strip() for w in (gold_dir / f"{corpus}_training_words.utf8").read_text(encoding="utf-8").splitlines()
                   if w.strip()}
    texts = ["".join(ws) for ws in gold]
    start = time.time()
    tagged = []
    for i in range(0, len(texts), DOCS_PER_CALL):
        tagged += tagger.predict(texts[i:i + DOCS_PER_CALL])
    seconds = time.time() - start
    pred = [[t.text[s:e] for s, e in t.words] for t in tagged]
    # the tagger leaves whitespace out of words; SIGHAN gold has none inside its words
    gold = [[w for w in ws if w.strip()] for ws in gold]
    res = score_segmentation(gold, pred, train_words)
    res.update(seconds=seconds, chars=sum(map(len, texts)))
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="tagger directory (default: the shipped models/tagger)")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    import nlp.tagging
    from nlp.scoring import read_gold, score

    model_dir = Path(args.model) if args.model else nlp.tagging.default_path()
    size = sum(f.stat().st_size for f in model_dir.iterdir() if f.is_file())
    start = time.time()
    tagger = nlp.tagging.load(model_dir)
    load_s = time.time() - start
    start = time.time()
    tagger.predict(["新华社北京12月31日电，国家主席江泽民发表新年讲话。"])
    first_s = time.time() - start

    gold = read_gold(SHARED / "corpora" / "msra" / "msra_test_bio.txt")
    if args.limit:
        gold = gold[: args.limit]
    chars = sum(len(r["text"]) for r in gold)
    base, t_base = jieba_records(gold)
    ours, t_ours = tagger_records(tagger, gold)
    base2, t_base2 = jieba_records(gold)  # again, after ours: the machine is shared
    s_ours, s_base = score(gold, ours), score(gold, base)
    pku = sighan(tagger, "pku", args.limit)
    info = tagger.info
    md = ["# Joint tagger (models/tagger) alone", "",
          f"Machine: {machine()}. Command: `python benchmarks/tagger.py"
          f"{' --model ' + args.model if args.model else ''}{' --limit %d' % args.limit if args.limit else ''}`. "
          f"One process, one onnxruntime thread. Model: epoch {info['epoch']} of `python -m nlp train ner`; "
          "dev figures at that epoch: " + ", ".join(f"{k} {100 * v:.2f}" for k, v in info["dev"].items()) + ".", "",
          f"- Size on disk: {size / 1e6:.1f} MB ({', '.join(f'{f.name} {f.stat().st_size / 1e6:.1f} MB' for f in sorted(model_dir.iterdir()) if f.is_file())}).",
          f"- Load: {load_s:.2f} s; first document after load: {first_s * 1000:.0f} ms.", "",
          f"## MSRA test, PER/LOC/ORG exact span ({len(gold)} sentences, {chars:,} chars)", "",
          "| system | PER F1 | PLACE F1 | ORG F1 | micro P | micro R | micro F1 | chars/s | speed vs jieba.posseg |",
          "|---|---|---|---|---|---|---|---|---|"]
    jieba_speed = chars / ((t_base + t_base2) / 2)
    for name, s, t in (("joint tagger alone", s_ours, t_ours), ("jieba.posseg nr/ns/nt", s_base, (t_base + t_base2) / 2)):
        e = s["entities"]
        md.append(f"| {name} | {100*e['PERSON']['f']:.1f} | {100*e['PLACE']['f']:.1f} | {100*e['ORG']['f']:.1f} | "
                  f"{100*e['micro']['p']:.1f} | {100*e['micro']['r']:.1f} | **{100*e['micro']['f']:.1f}** | "
                  f"{chars/t:,.0f} | {jieba_speed and (chars / t) / jieba_speed:.2f}× |")
    md += ["", f"jieba.posseg timed twice (before and after the tagger): {chars / t_base:,.0f} and "
               f"{chars / t_base2:,.0f} chars/s; the mean is the reference.", "",
           "## SIGHAN 2005 PKU test gold (words)", "",
           "| segmenter | P | R | F1 | OOV rate | OOV recall | chars/s |", "|---|---|---|---|---|---|---|",
           f"| joint tagger, word head | {100*pku['p']:.1f} | {100*pku['r']:.1f} | **{100*pku['f']:.1f}** | "
           f"{100*pku['oov_rate']:.1f} | {100*pku['oov_recall']:.1f} | {pku['chars'] / pku['seconds']:,.0f} |", "",
           "Bars of issue 17: MSRA test model alone >= 91 (today's spaCy model 87.2), speed >= 0.8× "
           "jieba.posseg, SIGHAN PKU >= 95.9 (today's pkuseg) for the word head to replace pkuseg, "
           "all models <= 30 MB, load < 1 s."]
    text = "\n".join(md) + "\n"
    print(text)
    write_result("tagger.md" if not args.limit and not args.model else "tagger_sample.md", text)


if __name__ == "__main__":
    main()
