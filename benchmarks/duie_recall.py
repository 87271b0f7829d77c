"""Recall on modern text: the people, organisations and places named in DuIE's triples.

    python benchmarks/duie_recall.py [--limit N]   # writes benchmarks/results/duie_recall.md

DuIE 2.0 (Baidu; ``../shared/corpora/duie2_sample``, 5,000 sentences of recent web and news
text) annotates relations, not every entity, so only recall can be measured: each person in a
triple (a subject typed 人物/娱乐人物/历史人物, an object typed 人物) is found when the pipeline
marks one of its occurrences in the sentence as exactly one PERSON span. Roles played in a
work (objects of 饰演) are fictional characters and are counted apart. Organisations (typed
机构, 企业, 学校) must be one ORG span; countries, cities and divisions (国家, 城市, 行政区) one
GPE span. Precision is measured elsewhere (Resume and Weibo test, the MSRA dev split).

The sample was read to find rule errors on modern text (the evening session of 2026-11-24),
so it is a development set now, not a test set. The pipeline is the one ``nlp.load()`` gives,
so ``NLP_MODELS_DIR`` selects the models (as ``benchmarks/ner_candidate.py`` does).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402

PERSON_SUBJECTS = {"人物", "娱乐人物", "历史人物"}
# DuIE types -> the label that must mark the name (types not listed are not scored)
KINDS = {"人物": "PERSON", "娱乐人物": "PERSON", "历史人物": "PERSON",
         "机构": "ORG", "企业": "ORG", "学校": "ORG", "国家": "GPE", "城市": "GPE", "行政区": "GPE"}
ROWS = (("PERSON", "people (subjects and objects typed as persons, not roles)"),
        ("ROLE", "roles played in a work (objects of 饰演)"),
        ("ORG", "organisations (机构, 企业, 学校)"),
        ("GPE", "countries, cities, divisions (国家, 城市, 行政区)"))


def names(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """RETURNS ``(text, [(name, kind)])`` per sentence whose triples name people, organisations
    or places; kind is a label of ``KINDS`` or ROLE (a character played in a work)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            found: dict[str, str] = {}
            for spo in rec.get("spo_list", []):
                kind = KINDS.get(spo.get("subject_type"))
                if kind:
                    found[spo["subject"]] = kind
                kind = KINDS.get(spo.get("object_type", {}).get("@value"))
                if kind:
                    if kind == "PERSON" and spo.get("predicate") == "饰演":
                        kind = "ROLE"
                    obj = spo["object"]["@value"]
                    # a name typed a person elsewhere in the sentence is a person, not a role
                    found[obj] = kind if found.get(obj) in (None, "ROLE") else found[obj]
            found = {n: k for n, k in found.items() if n and n in rec["text"]}
            if found:
                out.append((rec["text"], sorted(found.items())))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only")
    ap.add_argument("--no-write", action="store_true", help="print only (candidate models)")
    args = ap.parse_args()
    import nlp

    data = names(SHARED / "corpora" / "duie2_sample" / "train_data_5000.json")
    if args.limit:
        data = data[: args.limit]
    extractor = nlp.load()
    found = {kind: [0, 0] for kind, _ in ROWS}
    for (text, named), doc in zip(data, extractor.pipe(t for t, _ in data)):
        spans = {(e.text, e.label_) for e in doc.ents}
        for name, kind in named:
            found[kind][1] += 1
            found[kind][0] += (name, "PERSON" if kind == "ROLE" else kind) in spans
    md = ["# Recall on the people, organisations and places of DuIE triples", "",
          f"Machine: {machine()}. Command: `python benchmarks/duie_recall.py"
          f"{' --limit %d' % args.limit if args.limit else ''}`; {len(data)} sentences.", "",
          "| names | found | total | recall |", "|---|---|---|---|"]
    md += [f"| {what} | {found[kind][0]} | {found[kind][1]} | **{100 * found[kind][0] / max(found[kind][1], 1):.1f}** |"
           for kind, what in ROWS]
    text = "\n".join(md) + "\n"
    print(text)
    if not args.no_write:
        write_result("duie_recall.md" if not args.limit else "duie_recall_sample.md", text)


if __name__ == "__main__":
    main()
