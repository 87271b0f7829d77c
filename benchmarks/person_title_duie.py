"""Recall of person_title on modern text: DuIE's 董事长 and 校长 triples.

    python benchmarks/person_title_duie.py [--errors N]   # writes benchmarks/results/person_title_duie.md

DuIE 2.0 (``../shared/corpora/duie2_sample``) links a company to its 董事长 and a school to its
校长. Where the sentence itself writes the post (some triples come from a 董事长 named
elsewhere), SPEC section 1 asks for a person_title entry: that person, a title containing the
post (董事长, 副董事长, 执行董事长...), and the company or school as its org. DuIE marks only
these relations, so only recall is measured:

- a pair is found when the pipeline gives the person a title containing the post;
- of the pairs found, the org is right when it is the triple's subject, or one of the two
  contains the other (DuIE's subject is often a short name: 万科 for 万科企业股份有限公司).

Sentences that are in ``corpora/gold/real_dev.jsonl`` or ``real_test.jsonl`` are left out, so
this is a separate set. Its errors were read to improve the relation rules, so it is a
development set, like ``benchmarks/duie_recall.py``'s.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
POSTS = {"董事长": "企业", "校长": "学校"}


def gold_pairs(path: Path, leave_out: set[str]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """RETURNS ``(text, [(person, post, org)])`` per sentence that writes a post of ``POSTS``
    which DuIE links to a person named in it."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            text = rec["text"]
            if text in leave_out:
                continue
            pairs = set()
            for spo in rec.get("spo_list", []):
                post, person, org = spo["predicate"], spo["object"]["@value"], spo["subject"]
                if post in POSTS and post in text and person in text and org:
                    pairs.add((person, post, org))
            if pairs:
                out.append((text, sorted(pairs)))
    return out


def same_org(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and (predicted == gold or predicted in gold or gold in predicted)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=0, help="print up to N missed or wrong-org pairs")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    import nlp

    leave_out = {json.loads(line)["text"] for name in ("real_dev", "real_test")
                 for line in open(ROOT / "corpora" / "gold" / f"{name}.jsonl", encoding="utf-8")}
    data = gold_pairs(SHARED / "corpora" / "duie2_sample" / "train_data_5000.json", leave_out)
    extractor = nlp.load()
    total = found = org_right = 0
    errors = []
    for (text, pairs), doc in zip(data, extractor.pipe(t for t, _ in data)):
        predicted = doc._.relations["person_title"]
        for person, post, org in pairs:
            total += 1
            mine = [r for r in predicted if r["person"] == person and post in r["title"]]
            if not mine:
                errors.append(("missed", person, post, org, text, predicted))
                continue
            found += 1
            if any(same_org(r["org"], org) for r in mine):
                org_right += 1
            else:
                errors.append(("org", person, post, org, text, mine))
    md = ["# person_title recall on DuIE's 董事长 and 校长 triples", "",
          f"Machine: {machine()}. Command: `python benchmarks/person_title_duie.py`; "
          f"{len(data)} sentences, {total} pairs (real_dev and real_test sentences left out).", "",
          "| | count | share |", "|---|---|---|",
          f"| pairs found (person + a title containing the post) | {found} of {total} | **{100 * found / max(total, 1):.1f} %** |",
          f"| of those, org right | {org_right} of {found} | **{100 * org_right / max(found, 1):.1f} %** |"]
    text = "\n".join(md) + "\n"
    print(text)
    for kind, person, post, org, sentence, rel in errors[: args.errors]:
        print(f"[{kind}] {person} / {post} / {org}\n  {sentence}\n  -> {rel}\n")
    if not args.no_write:
        write_result("person_title_duie.md", text)


if __name__ == "__main__":
    main()
