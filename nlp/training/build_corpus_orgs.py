"""Build ``nlp/data/orgs_corpus.tsv``: organisation names that the training corpora annotate
again and again, and almost only as organisations.

    python -m nlp.training.build_corpus_orgs [--shared ../shared/corpora] [--out nlp/data]

Companies and brands in web news often carry no suffix (淘宝, 暴雪, 佳士得, 广发): no grammar
finds them, and the statistical model misses the rarer ones. The corpora name many of them:
CLUENER2020 train (``company``, ``organization``, ``government``) and the MSRA train split
(``ORG``, less its dev split). A name is kept when

- it is annotated as an organisation at least ``MIN_SPANS`` times,
- at least ``MIN_SHARE`` of its occurrences in the same texts are inside such a span
  (苹果 the fruit, 小米 the grain, 中国 the country fall out), and
- it is 2–8 characters long, no division or foreign place of the gazetteer, no title, and
  does not end like an organisation (``orgs.named_org``): the ORG grammar finds those
  (国家体育总局, 亚洲开发银行) in any text, and a generic one (国家队, 所党支部) would do harm;
- it is no league or cup (英超, 德甲, 欧冠, 联盟杯: optional in the gold sets, not bodies),
  no generic body of a place (英国警方: SPEC keeps only the GPE; 住房保障部门, 中央财政) and
  no ordinary word of general news (``COMMON_WORDS``: 暴雪, the blizzard of a weather report).

Only training splits are read (never CLUENER dev, Weibo, the DuIE sample or the reserved
People's Daily days, from which the real-text gold sets are drawn). Each row: name, the
annotated spans, the occurrences, the share, the source corpora.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from ..io.corpora import read_cluener
from ..lexicon import gazetteer, orgs
from ..lexicon.titles import is_title
from ..text import fold_width
from .splits import SHARED, msra_split

OUT_FILE = "orgs_corpus.tsv"
MIN_SPANS = 3
MIN_SHARE = 0.55
CLUENER_ORG_TYPES = frozenset({"company", "organization", "government"})
# Endings of leagues and cups, and of generic bodies (see the module docstring).
NOT_BODIES = ("甲", "乙", "超", "冠", "杯", "联赛", "警方", "部门", "财政", "班")
#: Ordinary words of general news that these corpora, rich in games and finance, mostly annotate
#: as a company: 暴雪 (a blizzard; 暴雪娱乐 the company), 快钱 (quick money). General knowledge,
#: word by word.
COMMON_WORDS = frozenset({"暴雪", "快钱"})


def corpus_texts(shared: Path) -> list[tuple[str, list[str], str]]:
    """RETURNS ``[(text, [organisation names annotated in it], source)]`` of the training splits."""
    out = []
    for text, spans, _ in read_cluener(Path(shared) / "cluener2020" / "train.json"):
        text = fold_width(text)
        out.append((text, [text[s:e] for s, e, typ in spans if typ in CLUENER_ORG_TYPES], "cluener"))
    _, train = msra_split(shared)
    for text, spans in train:
        text = fold_width(text)
        out.append((text, [text[s:e] for s, e, lab in spans if lab == "ORG"], "msra"))
    return out


def build(shared: Path = SHARED) -> list[tuple[str, int, int, float, str]]:
    """RETURNS the kept rows ``(name, spans, occurrences, share, sources)``, sorted by name."""
    texts = corpus_texts(shared)
    spans: Counter[str] = Counter()
    sources: dict[str, set[str]] = {}
    for _, names, source in texts:
        for name in names:
            spans[name] += 1
            sources.setdefault(name, set()).add(source)
    candidates = {n for n, c in spans.items() if c >= MIN_SPANS and 2 <= len(n) <= 8
                  and gazetteer.lookup(n) is None and not is_title(n) and not n.isascii()
                  and not orgs.named_org(n) and not n.endswith(NOT_BODIES) and n not in COMMON_WORDS}
    occurrences: Counter[str] = Counter()
    by_first: dict[str, list[str]] = {}
    for name in candidates:
        by_first.setdefault(name[0], []).append(name)
    for text, _, _ in texts:
        for i, c in enumerate(text):
            for name in by_first.get(c, ()):
                if text.startswith(name, i):
                    occurrences[name] += 1
    rows = []
    for name in sorted(candidates):
        share = spans[name] / max(occurrences[name], spans[name])
        if share >= MIN_SHARE:
            rows.append((name, spans[name], occurrences[name], round(share, 2), ",".join(sorted(sources[name]))))
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data")
    args = ap.parse_args(argv)
    rows = build(args.shared)
    header = ("# name\tspans\toccurrences\tshare\tsources  (built by python -m nlp.training.build_corpus_orgs:"
              f" organisations of CLUENER train and MSRA train, >= {MIN_SPANS} spans, share >= {MIN_SHARE})")
    lines = [header] + ["\t".join(map(str, r)) for r in rows]
    (args.out / OUT_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT_FILE}: {len(rows)} names")


if __name__ == "__main__":
    main()
