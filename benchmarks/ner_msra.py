"""MSRA test (PER/LOC/ORG): the default pipeline vs jieba's POS tags, same run; F1 and chars/s.

    python benchmarks/ner_msra.py [--limit N]    # writes benchmarks/results/ner_msra.md

The pipeline is run with `extract` semantics (whole sentences, default settings) and scored
with the MSRA label mapping (PER -> PERSON, ORG -> ORG, LOC -> GPE or LOC merged).
jieba.posseg's nr/ns/nt words are scored the same way as a baseline and a speed reference.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402


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


def model_records(gold):
    """The statistical model alone (the joint tagger, models/tagger), no rules: PER/LOC/ORG as
    it predicts them."""
    import nlp.tagging

    tagger = nlp.tagging.load()
    kinds = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}
    start = time.time()
    tagged = tagger.predict([r["text"] for r in gold])
    out = [{"text": rec["text"], "entities": [
        {"start": s, "end": e, "label": kinds[label], "text": rec["text"][s:e]} for s, e, label in t.entities]}
        for rec, t in zip(gold, tagged)]
    return out, time.time() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--segmenter", default="tagger", help="the pipeline's word segmenter (default: tagger, as nlp.load)")
    ap.add_argument("--gold", default=str(SHARED / "corpora" / "msra" / "msra_test_bio.txt"))
    args = ap.parse_args()
    import nlp
    from nlp.extract import extract
    from nlp.io.documents import Document
    from nlp.scoring import read_gold, score

    gold = read_gold(args.gold)
    if args.limit:
        gold = gold[: args.limit]
    chars = sum(len(r["text"]) for r in gold)
    base, t_base = jieba_records(gold)
    extractor = nlp.load(segmenter=args.segmenter)
    extractor("预热。")
    start = time.time()
    pred = list(extract(extractor, (Document(text=r["text"]) for r in gold)))
    t_ours = time.time() - start
    alone, t_alone = model_records(gold)
    s_ours, s_base, s_alone = score(gold, pred), score(gold, base), score(gold, alone)
    md = ["# NER on MSRA test (PER/LOC/ORG, exact span)", "",
          f"Machine: {machine()}. Command: `python benchmarks/ner_msra.py{' --limit %d' % args.limit if args.limit else ''}{' --segmenter ' + args.segmenter if args.segmenter != 'tagger' else ''}`; "
          f"{len(gold)} sentences, {chars:,} chars.", "",
          "| system | PER F1 | PLACE F1 | ORG F1 | micro P | micro R | micro F1 | chars/s | speed vs jieba.posseg |",
          "|---|---|---|---|---|---|---|---|---|"]
    for name, s, t in (("zh_news default pipeline", s_ours, t_ours),
                       ("zh_news statistical model alone (models/tagger)", s_alone, t_alone),
                       ("jieba.posseg nr/ns/nt", s_base, t_base)):
        e = s["entities"]
        md.append(f"| {name} | {100*e['PERSON']['f']:.1f} | {100*e['PLACE']['f']:.1f} | {100*e['ORG']['f']:.1f} | "
                  f"{100*e['micro']['p']:.1f} | {100*e['micro']['r']:.1f} | **{100*e['micro']['f']:.1f}** | "
                  f"{chars/t:,.0f} | {t_base/t:.2f}× |")
    text = "\n".join(md) + "\n"
    print(text)
    write_result("ner_msra.md" if not args.limit else "ner_msra_sample.md", text)


if __name__ == "__main__":
    main()
