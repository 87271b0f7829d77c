"""Precision of the gazetteer place stage on real text (People's Daily 1998, MSRA).

    python benchmarks/place_precision.py [--pd-sample 4000] [--msra-sample 5000]

- People's Daily 1998 (``199801.txt``): an evenly spaced sample of paragraphs. Reference:
  words tagged ``ns`` and bracketed ``[...]ns`` compounds.
- MSRA train, sentences from 40000 on (the first 40000 feed the ambiguity statistics of
  ``build_gazetteer``, so these are unseen by it). Reference: LOC spans.

A predicted GPE/LOC counts as correct if it coincides with or lies within a reference span.
Two settings: the places stage alone, and the rule stages (places, orgs, titles, person
cues), where an ORG may replace the place inside it. Segmenter: jieba (the pkuseg model
is trained on People's Daily, so it would flatter the first corpus). Also printed: the
share of reference spans predicted exactly (a recall hint, not the target here) and the
most frequent wrong matches.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

import nlp.extensions  # noqa: E402,F401
import nlp.pipeline  # noqa: E402,F401
import nlp.tokenizer  # noqa: E402,F401
from nlp.io.corpora import read_char_tagged, read_pd1998  # noqa: E402

SHARED = ROOT.parent / "shared/corpora"
PD = SHARED / "peoples_daily_1998/199801.txt"
MSRA = SHARED / "msra/msra_train_bio.txt"
MSRA_UNSEEN_FROM = 40000
RULES = ("zh_news_places", "zh_news_orgs", "zh_news_titles", "zh_news_person_cues")


def pd_sample(n: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """``n`` evenly spaced paragraphs as (text, ns spans)."""
    paras = list(read_pd1998(PD))
    step = max(1, len(paras) // n)
    out = []
    for words in paras[::step][:n]:
        text, spans, pos, comp_start = "", [], 0, {}
        for w, tag, comp in words:
            if tag == "ns":
                spans.append((pos, pos + len(w)))
            if comp is not None and comp.endswith(":ns"):
                comp_start.setdefault(comp, pos)
                spans.append((comp_start[comp], pos + len(w)))  # grows to the whole compound
            text += w
            pos += len(w)
        out.append((text, spans))
    return out


def msra_sample(n: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """``n`` unseen MSRA train sentences as (text, LOC spans)."""
    out = []
    for k, (text, spans, _) in enumerate(read_char_tagged(MSRA)):
        if k < MSRA_UNSEEN_FROM:
            continue
        out.append((text, [(s, e) for s, e, lab in spans if lab == "LOC"]))
        if len(out) >= n:
            break
    return out


def score(nlp_, docs) -> dict:
    """Precision of GPE/LOC predictions against reference spans."""
    right = wrong = exact = total_ref = 0
    errors: Counter = Counter()
    for doc, (text, ref) in zip(nlp_.pipe(t for t, _ in docs), docs):
        ref_set = set(ref)
        total_ref += len(ref_set)
        for e in doc.ents:
            if e.label_ not in ("GPE", "LOC"):
                continue
            if any(s <= e.start_char and e.end_char <= t for s, t in ref):
                right += 1
                exact += (e.start_char, e.end_char) in ref_set
            else:
                wrong += 1
                errors[e.text] += 1
    n = right + wrong
    return {"matches": n, "precision": right / n if n else 0.0,
            "ref_exact": exact / total_ref if total_ref else 0.0, "errors": errors.most_common(15)}


def build(pipes) -> spacy.Language:
    from nlp.language import create

    return create(segmenter="jieba", pipes=tuple(pipes))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pd-sample", type=int, default=4000, help="People's Daily paragraphs")
    ap.add_argument("--msra-sample", type=int, default=5000, help="unseen MSRA train sentences")
    args = ap.parse_args(argv)
    corpora = {"People's Daily 1998 (ns)": pd_sample(args.pd_sample),
               "MSRA train 40000+ (LOC)": msra_sample(args.msra_sample)}
    print("| corpus | stages | texts | chars | GPE/LOC matches | precision | ref. spans found exactly | seconds |")
    print("|---|---|---|---|---|---|---|---|")
    details = []
    for setting, pipes in (("places", RULES[:1]), ("rules", RULES)):
        nlp_ = build(pipes)
        for name, docs in corpora.items():
            t0 = time.time()
            res = score(nlp_, docs)
            secs = time.time() - t0
            chars = sum(len(t) for t, _ in docs)
            print(f"| {name} | {setting} | {len(docs)} | {chars} | {res['matches']} | "
                  f"{res['precision']:.3f} | {res['ref_exact']:.3f} | {secs:.1f} |")
            details.append(f"{name} / {setting}: most frequent wrong matches: "
                           + ", ".join(f"{w} ({c})" for w, c in res["errors"]))
    print()
    for line in details:
        print("- " + line)


if __name__ == "__main__":
    main()
