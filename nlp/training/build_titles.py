"""Build the TITLE lexicon ``nlp/data/titles.txt`` from the TRAIN splits of two corpora.

    python -m nlp.training.build_titles [--corpora ../shared/corpora] [--out nlp/data]

Sources: Resume NER ``resume_ner/train.char.bmes`` (TITLE) and CLUENER
``cluener2020/train.json`` (position). Dev and test splits are never read.

The corpora label occupations (记者, 学生) and noise (中共党员, 第一届董事会董事) as titles
too, so a surface is kept only if it is a real title by our definition: seen at least
``MIN_COUNT`` times, 2–8 Chinese characters, no ordinal/term words, ending in a
title of the hand-made ``titles_core.txt`` (财务部经理 ends in 经理), and not opening with the
head of an organisation's name (大学教授, 集团总会计师: the end of 中央财经大学 + a title,
which SPEC splits), nor with an organ whose name SPEC splits from the post (政法委|书记, 市委|常委,
全国政协|委员; the compounds of ``title_prefixes.txt`` stay: 党委书记, 纪委书记, like SPEC's
党组书记). Output: one title per line with its corpus count, most frequent first.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from ..io.corpora import read_char_tagged, read_cluener

DEFAULT_CORPORA = Path("../shared/corpora")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data"
MIN_COUNT = 2
MAX_LEN = 8
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_NOISE = ("第", "届", "党员", "中国", "兼", "及", "和", "付", "负责人", "飞机")
# Organs written before a post (SPEC: an organ + title splits): 政法委书记 is ORG 政法委 + TITLE 书记.
_ORGAN_HEADS = ("政法委", "省委", "市委", "县委", "区委", "全国政协", "全国人大", "政协", "人大",
                "院党委", "机关党委", "党委办公室", "党委组织部", "党委宣传部")


def corpus_titles(corpora: Path) -> Counter:
    """RETURNS surface -> count of TITLE/position spans in the two train files."""
    counts: Counter = Counter()
    for text, spans, _ in read_char_tagged(corpora / "resume_ner/train.char.bmes"):
        counts.update(text[s:e] for s, e, lab in spans if lab == "TITLE")
    for text, spans, _ in read_cluener(corpora / "cluener2020/train.json"):
        counts.update(text[s:e] for s, e, lab in spans if lab == "position")
    return counts


def keep(title: str, count: int, core: set[str], org_heads: set[str]) -> bool:
    """RETURNS whether a corpus surface is a real title (see the module docstring)."""
    return (count >= MIN_COUNT and 2 <= len(title) <= MAX_LEN and bool(_CJK.match(title))
            and not any(n in title for n in _NOISE)
            and any(title.endswith(c) for c in core)
            and not any(title.startswith(h) for h in org_heads)
            and not title.startswith(_ORGAN_HEADS))


def read_org_heads(out: Path) -> set[str]:
    """The suffixes of ``org_suffixes.tsv`` that end a company or institution's name (大学, 集团)."""
    rows = (ln.split("\t") for ln in (out / "org_suffixes.tsv").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#"))
    return {row[0] for row in rows if row[1] in ("head", "strong")}


def read_core(out: Path) -> set[str]:
    """The hand-made titles of ``titles_core.txt``."""
    lines = (out / "titles_core.txt").read_text(encoding="utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="shared/corpora folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="nlp/data folder")
    args = ap.parse_args(argv)
    core = read_core(args.out)
    counts = corpus_titles(args.corpora)
    org_heads = read_org_heads(args.out)
    kept = [(t, c) for t, c in counts.most_common() if keep(t, c, core, org_heads) and t not in core]
    header = "# title\tcount  (built by nlp/training/build_titles.py from Resume NER and CLUENER train)\n"
    (args.out / "titles.txt").write_text(header + "".join(f"{t}\t{c}\n" for t, c in kept), encoding="utf-8")
    print(f"{len(counts)} corpus surfaces, {len(kept)} kept in titles.txt ({len(core)} core titles)")


if __name__ == "__main__":
    main()
