"""The holder scorer on real_dev slices it was not trained on.

    python benchmarks/holders.py [--split dev_2600]          # writes benchmarks/results/holders.md
    python benchmarks/holders.py dump OUT.jsonl               # entities and rule pairs of the importable nlp
    python benchmarks/holders.py --cache OUT.jsonl [--label L]
    python benchmarks/holders.py compare GOLD.jsonl ...        # shipped scorer on vs off, on any gold files

The scorer (``nlp/lexicon/holders.py``) gives a title the person_title rules left without a
holder to the likeliest person near it. It is trained on real_dev, so real_dev's own figure
flatters it; this script fits it on the slices before ``--split`` (in name order by number:
dev_000 … dev_2500) and scores person_title on the slices from ``--split`` on, with the rules
alone and with the scorer, over (person, title) pairs.

The rules themselves were tuned on every slice, so with the current code the later slices'
rule figure is in-sample and leaves the scorer little to do. ``dump`` writes what an older
checkout's pipeline gives (entities and rule pairs; it needs only ``nlp.load``), so that
``--cache`` can measure the scorer over the rules as they stood before the later slices were
read: for dev_2600 … dev_4100, the rules of 24d82ee, dev_2600's first-look commit:

    git worktree add /tmp/old 24d82ee
    (cd /tmp/old && PYTHONPATH=. python /path/to/benchmarks/holders.py dump /tmp/old_rules.jsonl)
    python benchmarks/holders.py --cache /tmp/old_rules.jsonl --label "rules of 24d82ee"
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpora" / "gold" / "real_dev.jsonl"
REVIEWED = ROOT / "corpora" / "real" / "reviewed"


def dump(out: str) -> None:
    """Write each real_dev document's entities and rule pairs as the importable ``nlp`` gives them."""
    from nlp import load

    nlp = load()
    relations = nlp.get_pipe("relations")
    if hasattr(relations, "holders"):
        relations.holders = None      # the rules alone
    with open(GOLD, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for line in f:
            rec = json.loads(line)
            doc = nlp(rec["text"])
            w.write(json.dumps({"id": rec["id"], "ents": [[e.start_char, e.end_char, e.label_, e.text] for e in doc.ents],
                                "rules": [[r["person"], r["title"]] for r in doc._.relations["person_title"]]},
                               ensure_ascii=False) + "\n")


def compare(paths: list[str]) -> None:
    """person_title on the gold files, with the shipped scorer and with the rules alone (the
    shipped pipeline: the same entities and rule pairs as the scorer's first looks)."""
    from nlp import load
    from nlp.training import holders

    nlp = load()
    docs = holders.collect([r for p in paths for r in holders.read_gold(p)], nlp)
    model = nlp.get_pipe("relations").holders
    print(f"{len(docs)} documents of {', '.join(Path(p).name for p in paths)}, person_title over (person, title) pairs")
    for name, m in (("rules + holder scorer", model), ("rules alone", None)):
        s = holders.score(m, docs)
        print(f"{name}: F1 {100 * s['f']:.1f} P {100 * s['p']:.1f} R {100 * s['r']:.1f} "
              f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")


def slice_of() -> dict[str, int]:
    """RETURNS document id -> the number of its real_dev slice (dev_2600 -> 2600)."""
    out = {}
    for path in REVIEWED.glob("dev_*.jsonl"):
        number = int(path.stem.split("_")[1])
        with open(path, encoding="utf-8") as f:
            for line in f:
                out[json.loads(line)["id"]] = number
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", nargs="?", choices=("score", "dump", "compare"), default="score")
    ap.add_argument("out", nargs="*", help="dump: the JSONL file to write; compare: the gold files")
    ap.add_argument("--split", default="dev_2600", help="the first slice scored (default dev_2600)")
    ap.add_argument("--cache", help="entities and rule pairs written by `dump` (default: run the current pipeline)")
    ap.add_argument("--label", default="current rules", help="what the rules are, for the results table")
    args = ap.parse_args(argv)
    if args.command == "dump":
        if len(args.out) != 1:
            ap.error("dump needs one output file")
        return dump(args.out[0])   # with the nlp on PYTHONPATH, an older checkout's

    sys.path.insert(0, str(ROOT))
    from benchmarks._common import machine, write_result
    from nlp.lexicon.relations import E
    from nlp.training import holders

    if args.command == "compare":
        return compare(args.out)
    records = holders.read_gold(GOLD)
    if args.cache:
        cached = {}
        with open(args.cache, encoding="utf-8") as f:
            for line in f:
                c = json.loads(line)
                cached[c["id"]] = c
        docs = []
        for rec in records:
            c = cached[rec["id"]]
            ents = sorted(E(s, e, label, text, None) for s, e, label, text in c["ents"])
            docs.append(holders.document_pairs(rec["id"], rec["text"], ents, map(tuple, c["rules"]),
                                               ((r["person"], r["title"]) for r in rec["relations"]["person_title"])))
    else:
        from nlp import load

        docs = holders.collect(records, load())
    number = slice_of()
    split = int(args.split.split("_")[1])
    train = [d for d in docs if number[d.doc_id] < split]
    test = [d for d in docs if number[d.doc_id] >= split]
    model = holders.fit(train)
    rules, scored = holders.score(None, test), holders.score(model, test)

    def row(name, s):
        return f"| {args.label}{name} | {100 * s['f']:.1f} | {100 * s['p']:.1f} | {100 * s['r']:.1f} | {s['tp']} | {s['fp']} | {s['fn']} |"

    table = "\n".join([
        f"Trained on {len(train)} documents (slices before {args.split}), scored on {len(test)} "
        f"(slices {args.split} on), person_title over (person, title) pairs.",
        "",
        "| pairs from | F1 | P | R | tp | fp | fn |",
        "|---|---|---|---|---|---|---|",
        row("", rules), row(" + holder scorer", scored)])
    print(table)
    name = "holders.md" if not args.cache else "holders_cached.md"
    write_result(name, f"# The holder scorer on unseen slices\n\nMachine: {machine()}.\n\n"
                       f"`python benchmarks/holders.py{' --cache ' + Path(args.cache).name if args.cache else ''}"
                       f" --split {args.split}`\n\n{table}\n")


if __name__ == "__main__":
    main()
