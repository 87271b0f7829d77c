"""PERSON recall on modern text: the people named in the DuIE sample's relation triples.

    python benchmarks/duie_person_recall.py [--limit N]   # writes benchmarks/results/duie_person_recall.md

DuIE 2.0 (Baidu; ``../shared/corpora/duie2_sample``, 5,000 sentences of recent web and news
text) annotates relations, not every entity, so only recall can be measured: each person in a
triple (a subject typed 人物/娱乐人物/历史人物, an object typed 人物) is found when the pipeline
marks one of its occurrences in the sentence as exactly one PERSON span. Roles played in a
work (objects of 饰演) are fictional characters and are counted apart. Precision is measured
elsewhere (Resume and Weibo test, the MSRA dev split). The pipeline is the one ``nlp.load()``
gives, so ``NLP_MODELS_DIR`` selects the models (as ``benchmarks/ner_candidate.py`` does).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402

PERSON_SUBJECTS = {"人物", "娱乐人物", "历史人物"}


def people(path: Path) -> list[tuple[str, list[tuple[str, bool]]]]:
    """RETURNS ``(text, [(name, is_role)])`` per sentence that names people in its triples."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            names: dict[str, bool] = {}
            for spo in rec.get("spo_list", []):
                if spo.get("subject_type") in PERSON_SUBJECTS:
                    names[spo["subject"]] = False
                if spo.get("object_type", {}).get("@value") == "人物":
                    role = spo.get("predicate") == "饰演"
                    names[spo["object"]["@value"]] = names.get(spo["object"]["@value"], True) and role
            names = {n: r for n, r in names.items() if n and n in rec["text"]}
            if names:
                out.append((rec["text"], sorted(names.items())))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only")
    ap.add_argument("--no-write", action="store_true", help="print only (candidate models)")
    args = ap.parse_args()
    import nlp

    data = people(SHARED / "corpora" / "duie2_sample" / "train_data_5000.json")
    if args.limit:
        data = data[: args.limit]
    extractor = nlp.load()
    found = {False: [0, 0], True: [0, 0]}
    for (text, names), doc in zip(data, extractor.pipe(t for t, _ in data)):
        persons = {e.text for e in doc.ents if e.label_ == "PERSON"}
        for name, role in names:
            found[role][1] += 1
            found[role][0] += name in persons
    rows = [("people (subjects and objects typed as persons, not roles)", *found[False]),
            ("roles played in a work (objects of 饰演)", *found[True])]
    md = ["# PERSON recall on the people of DuIE triples", "",
          f"Machine: {machine()}. Command: `python benchmarks/duie_person_recall.py"
          f"{' --limit %d' % args.limit if args.limit else ''}`; {len(data)} sentences.", "",
          "| names | found | total | recall |", "|---|---|---|---|"]
    md += [f"| {what} | {k} | {n} | **{100 * k / max(n, 1):.1f}** |" for what, k, n in rows]
    text = "\n".join(md) + "\n"
    print(text)
    if not args.no_write:
        write_result("duie_person_recall.md" if not args.limit else "duie_person_recall_sample.md", text)


if __name__ == "__main__":
    main()
