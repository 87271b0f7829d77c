"""person_title where a name is written right beside its title, on two training corpora.

    python benchmarks/person_title_beside.py [--corpus cluener|pd1998] [--errors N] [--kind missed|linked|extra]

Where a title ends right before a name (国务院总理李克强, 总经理 张三) or starts right after one
(李克强总理), SPEC section 1 asks for a person_title entry for that pair, so such pairs are a
weak gold for recall. Neither corpus marks the relation:

- **cluener**: CLUENER 2020 train marks ``name`` and ``position`` spans. Positions that SPEC
  counts as occupations or roles, not TITLE (记者, 导演, 律师..., ``OCCUPATIONS`` below, a
  general-knowledge list in SPEC's sense), are left out.
- **pd1998**: People's Daily 1998 (the paragraphs training may read: the two days reserved for
  the real-text gold sets are left out), every 4th paragraph. Names are its ``nr`` words (a
  surname and a given name joined); titles are its nouns that our title lexicon knows, so
  this corpus measures how titles are linked to names, not which titles are known.

Reported:

- **title found**: the pipeline has a TITLE overlapping the corpus's (副总经理 in 公司副总经理);
- **pair found**: the pipeline gives the person a title found in the position;
- **extra pairs**: pairs given to a person CLUENER does not mark as a name, or to a title
  that lies in no CLUENER position: mostly errors (CLUENER also misses some names), read as
  a precision hint.

Both are training data: their errors are read to improve the rules, so this is a development
set. Sentences in ``corpora/gold/real_dev.jsonl`` or ``real_test.jsonl`` are left out (none
should be: those come from CLUENER dev and the reserved days).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# SPEC section 1: occupations and roles are not TITLE. These are the ones CLUENER marks as
# position most often; each is an occupation, a role or a description rather than a post.
OCCUPATIONS = frozenset("""
记者 实习记者 通讯员 律师 医生 民警 导游 负责人 导演 主持人 主持 作者 画家 专家 老板 艺术家 老师
编辑 实习编辑 设计师 实习生 解说 前锋 中场 后卫 门将 作家 选手 收藏家 藏家 大师 编剧 学生 大学生
分析师 建筑师 演员 经济学家 领导 球员 歌手 模特 摄影师 工程师 厨师 司机 农民 网友 球迷 粉丝
""".split())
_GAP = " \u3000"


Span = tuple[int, int, str]  # start, end, surface


def beside(text: str, names: list[Span], titles: list[Span]) -> list[tuple[str, str, int, int]]:
    """RETURNS ``(person, title, title start, title end)`` for each title written right before
    a name (spaces between allowed) or right after one."""
    pairs = set()
    for ts, te, title in titles:
        for ns, ne, name in names:
            if len(name) < 2:
                continue  # SPEC: in 王书记 the surname alone is optional, and holds no title
            if te <= ns and text[te:ns].strip(_GAP) == "" or ne <= ts and text[ne:ts] == "":
                pairs.add((name, title, ts, te))
    return sorted(pairs)


def cluener(leave_out: set[str]) -> list[tuple[str, list[Span], list[Span]]]:
    """RETURNS ``(text, names, positions)`` of CLUENER train sentences with both."""
    out = []
    with open(SHARED / "corpora" / "cluener2020" / "train.json", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            text, label = rec["text"], rec["label"]
            if text in leave_out or "name" not in label or "position" not in label:
                continue
            names = [(s, e + 1, n) for n, spans in label["name"].items() for s, e in spans]
            positions = [(s, e + 1, p) for p, spans in label["position"].items() for s, e in spans
                         if p.lower() not in OCCUPATIONS]
            out.append((text, names, positions))
    return out


def pd1998(leave_out: set[str], every: int = 4) -> list[tuple[str, list[Span], list[Span]]]:
    """RETURNS ``(text, names, titles)`` of every ``every``-th People's Daily paragraph that
    training may read and that has both."""
    from nlp.lexicon.titles import is_title
    from nlp.training.splits import training_paragraphs

    out = []
    for k, words in enumerate(training_paragraphs(SHARED / "corpora" / "peoples_daily_1998" / "199801.txt")):
        if k % every:
            continue
        text, names, titles, at = "", [], [], 0
        for i, (word, pos, _) in enumerate(words):
            start, at = at, at + len(word)
            text += word
            if pos == "nr":
                if names and names[-1][1] == start and words[i - 1][1] == "nr" and len(names[-1][2]) == 1:
                    s = names.pop()[0]
                    names.append((s, at, text[s:at]))  # 江/nr 泽民/nr: a surname and its given name
                else:
                    names.append((start, at, word))
            elif pos == "n" and is_title(word):
                titles.append((start, at, word))
        if names and titles and text not in leave_out:
            out.append((text, names, titles))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=("cluener", "pd1998"), default="cluener")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of --kind")
    ap.add_argument("--kind", choices=("missed", "linked", "extra"), default="missed",
                    help="missed: no TITLE in the corpus's title; linked: title found, pair not; "
                         "extra: a pair outside the corpus's names and titles")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    import nlp

    leave_out = {json.loads(line)["text"] for name in ("real_dev", "real_test")
                 for line in open(ROOT / "corpora" / "gold" / f"{name}.jsonl", encoding="utf-8")}
    sentences = (cluener if args.corpus == "cluener" else pd1998)(leave_out)
    data = [(text, beside(text, names, titles), names, titles) for text, names, titles in sentences]
    data = [d for d in data if d[1]]
    extractor = nlp.load()
    total = title_found = pair_found = predicted_total = extra = 0
    errors = {"missed": [], "linked": [], "extra": []}
    for (text, pairs, names, positions), doc in zip(data, extractor.pipe(d[0] for d in data)):
        predicted = doc._.relations["person_title"]
        titles = [e for e in doc.ents if e.label_ == "TITLE"]
        for person, position, ps, pe in pairs:
            total += 1
            # overlapping, not inside: People's Daily writes 副/b 主席/n, where SPEC's TITLE is 副主席
            inside = [t.text for t in titles if t.start_char < pe and ps < t.end_char]
            if not inside:
                errors["missed"].append((person, position, text, [t.text for t in titles]))
                continue
            title_found += 1
            if any(r["person"] == person and r["title"] in inside for r in predicted):
                pair_found += 1
            else:
                errors["linked"].append((person, position, text, predicted))
        names = {name for _, _, name in names}
        for r in predicted:
            predicted_total += 1
            spans = [(t.start_char, t.end_char) for t in titles if t.text == r["title"]]
            in_position = any(s < pe and ps < e for s, e in spans for ps, pe, _ in positions)
            if r["person"] not in names or not in_position:
                extra += 1
                errors["extra"].append((r["person"], r["title"], text, r))
    source = {"cluener": "CLUENER 2020 train", "pd1998": "People's Daily 1998 (every 4th paragraph training may read)"}
    md = [f"# person_title where a name is written beside its title: {source[args.corpus]}", "",
          f"Machine: {machine()}. Command: `python benchmarks/person_title_beside.py --corpus {args.corpus}`; "
          f"{len(data)} texts, {total} name–title pairs. "
          "A development set: its errors are read.", "",
          "| | count | share |", "|---|---|---|",
          f"| title found (overlapping the corpus's title) | {title_found} of {total} | **{100 * title_found / max(total, 1):.1f} %** |",
          f"| pair found | {pair_found} of {total} | **{100 * pair_found / max(total, 1):.1f} %** |",
          f"| pair found where the title was found | {pair_found} of {title_found} | **{100 * pair_found / max(title_found, 1):.1f} %** |",
          f"| predicted pairs outside the corpus's names and titles | {extra} of {predicted_total} | {100 * extra / max(predicted_total, 1):.1f} % |"]
    text = "\n".join(md) + "\n"
    print(text)
    for person, position, sentence, rel in errors[args.kind][: args.errors]:
        print(f"[{args.kind}] {person} / {position}\n  {sentence}\n  -> {rel}\n")
    if not args.no_write:
        write_result(f"person_title_beside_{args.corpus}.md", text)


if __name__ == "__main__":
    main()
