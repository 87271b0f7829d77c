"""Build the real-text gold sets (issue 18): draft slices from the corpora, then the gold files.

Usage (from the project's root)::

    PYTHONPATH=. python corpora/real/build_real.py draft      # corpora/real/draft/{dev,test}_NNN.jsonl
    PYTHONPATH=. python corpora/real/build_real.py source corpora/real/draft/test_000.jsonl
                                            # print a draft slice in the review source format
    PYTHONPATH=. python corpora/real/build_real.py review corpora/real/reviewed/test_000_source.txt
                                            # reviewed source -> corpora/real/reviewed/test_000.jsonl
    PYTHONPATH=. python corpora/real/build_real.py assemble   # reviewed/*.jsonl -> corpora/gold/real_{dev,test}.jsonl

``draft`` is deterministic (seed ``SEED``): it draws documents from real text in
``../shared/corpora`` and maps each corpus's own spans onto SPEC labels (see README.md in
this folder for the mapping). Drafts are a start for the hand review, not gold.

``source`` / ``review`` use the hand-written source format of ``corpora/gold/build_dev.py``
(``=== id``, ``T text``, ``E surface LABEL [value unit]``, ``O surface LABEL``,
``R person title org|-``, ``C city province``) and its checks, so that no offset is typed by hand.

``assemble`` concatenates the reviewed slices ``reviewed/{dev,test}_*.jsonl`` in name order and
validates every record (span texts, no overlaps, SPEC labels, values and units of numeric
entities, relation members, no text in both files).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from nlp.lexicon.addresses import address_units, place_label
from nlp.io.corpora import read_char_tagged, read_cluener
from nlp.labels import LABELS, NUMERIC_LABELS
from nlp.training.splits import is_reserved, pd1998_paragraphs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
DRAFT = HERE / "draft"
REVIEWED = HERE / "reviewed"
GOLD = ROOT / "corpora" / "gold"
sys.path.insert(0, str(ROOT / "corpora" / "gold"))
import build_dev  # noqa: E402  (the source format and its checks; a script, not a package)

SEED = 18
SLICE = 100
#: documents per corpus in each slice of 100
PER_SLICE = {"cluener": 40, "pd1998": 25, "duie": 20, "weibo": 15}
SLICES = {"dev": 68, "test": 2}
PD_LENGTH = (30, 200)
TEXT_LENGTH = (12, 300)

# -- label mapping helpers ---------------------------------------------------------------

#: CLUENER positions that are occupations or roles, not posts (SPEC: not TITLE)
ROLES = {"记者", "通讯员", "律师", "医生", "民警", "导游", "负责人", "演员", "歌手", "球员",
         "作家", "导演", "主持人", "编剧", "画家", "模特", "学生", "警察", "护士", "老师",
         "网友", "市民", "专家", "分析师", "研究员", "工程师", "设计师", "制片人", "选手", "运动员"}
BYLINE_ROLES = {"记者", "通讯员", "实习生", "见习记者", "特约记者"}
NATURAL_ENDINGS = ("山", "峰", "岭", "河", "江", "湖", "海", "岛", "湾", "峡", "谷", "洞", "泉",
                   "瀑布", "草原", "沙漠", "高原", "盆地", "平原", "森林", "湿地", "水库", "溪", "潭")
DATE_RE = re.compile(r"^([0-9０-９一二三四五六七八九十〇零两]+(年|月|日|号|天|周|世纪|年代)|"
                     r"(今|去|前|明|后|本|上|下|当|次|同|昨)(年|月|日|天|周|半年|季度)|今天|昨天|明天|"
                     r"前天|后天|当天|次日|当日|上旬|中旬|下旬|[上下]半年|年初|年底|年末|月初|月底|"
                     r"目前|近年|近年来|元月|年前|年内)+$")
HOLIDAYS = {"春节", "元旦", "除夕", "中秋", "国庆", "国庆节", "元宵节", "端午", "端午节", "清明",
            "清明节", "圣诞", "圣诞节", "新年", "春运", "五一", "十一", "腊月", "正月", "新春"}


def date_like(word: str) -> bool:
    return bool(DATE_RE.match(word))


def _resolve(entities: list[dict], optional: list[dict]) -> tuple[list[dict], list[dict]]:
    """Drop overlapping entities (longer first, then earlier) and optional spans inside entities."""
    kept: list[dict] = []
    for e in sorted(entities, key=lambda e: (-(e["end"] - e["start"]), e["start"])):
        if all(e["end"] <= k["start"] or k["end"] <= e["start"] for k in kept):
            kept.append(e)
    kept.sort(key=lambda e: e["start"])
    opts: list[dict] = []
    for o in sorted(optional, key=lambda o: (-(o["end"] - o["start"]), o["start"])):
        inside = any(k["start"] <= o["start"] and o["end"] <= k["end"] for k in kept)
        if not inside and all(o["end"] <= k["start"] or k["end"] <= o["start"] for k in opts):
            opts.append(o)
    opts.sort(key=lambda o: o["start"])
    return kept, opts


def _span(text: str, s: int, e: int, label: str) -> dict:
    return {"start": s, "end": e, "label": label, "text": text[s:e]}


def record(doc_id: str, text: str, entities: list, optional: list) -> dict:
    ents, opts = _resolve(entities, optional)
    return {"id": doc_id, "text": text, "entities": ents, "optional": opts,
            "relations": {"person_title": [], "city_province": []}}


def _strip(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Strip surrounding whitespace (the review source keeps one stripped line) and shift spans."""
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    return text, [(s - lead, e - lead, lab) for s, e, lab in spans
                  if 0 <= s - lead and e - lead <= len(text) and s < e]


# -- one mapper per corpus ---------------------------------------------------------------

def cluener_docs() -> list[dict]:
    out = []
    for text, spans, line in read_cluener(CORPORA / "cluener2020" / "dev.json"):
        text, spans = _strip(text, spans)
        names = [(s, e) for s, e, lab in spans if lab == "name"]
        ents, opts = [], []
        for s, e, lab in spans:
            if lab == "name":
                ents.append(_span(text, s, e, "PERSON"))
            elif lab in ("company", "organization", "government"):
                ents.append(_span(text, s, e, "ORG"))
            elif lab == "address":
                units, residue = address_units(text, s, e)
                ents += [_span(text, a, b, l) for a, b, l in units]
                opts += [_span(text, a, b, "LOC") for a, b in residue]
            elif lab == "position":
                word = text[s:e]
                held = any(0 <= ns - e <= 2 or 0 <= s - ne <= 2 for ns, ne in names)
                if word in BYLINE_ROLES:
                    opts.append(_span(text, s, e, "TITLE"))
                elif word not in ROLES and held:
                    ents.append(_span(text, s, e, "TITLE"))
                elif word not in ROLES:
                    opts.append(_span(text, s, e, "TITLE"))
            elif lab == "scene":
                word = text[s:e]
                if place_label(word) == "GPE":
                    ents.append(_span(text, s, e, "GPE"))
                elif place_label(word) == "LOC" or word.endswith(NATURAL_ENDINGS):
                    ents.append(_span(text, s, e, "LOC"))
                else:
                    opts.append(_span(text, s, e, "LOC"))
            elif lab in ("book", "game", "movie"):
                opts.append(_span(text, s, e, "ORG"))
        out.append(record(f"cluener-dev:{line}", text, ents, opts))
    return out


def pd1998_docs(overflow: bool = False) -> list[dict]:
    """Paragraphs of the reserved days of PD_LENGTH; with ``overflow``, the others (TEXT_LENGTH
    still applies in the draw), which the draw deals only once the first pool is used up."""
    path = CORPORA / "peoples_daily_1998" / "199801.txt"
    out = []
    for pid, words in pd1998_paragraphs(path):
        if not is_reserved(pid):  # only the reserved days, which no training reads
            continue
        text = "".join(w for w, _, _ in words)
        if (PD_LENGTH[0] <= len(text) <= PD_LENGTH[1]) == overflow:
            continue
        ents, opts = [], []
        pos, i = 0, 0
        offsets = []
        for w, _, _ in words:
            offsets.append((pos, pos + len(w)))
            pos += len(w)
        while i < len(words):
            w, p, comp = words[i]
            if comp is not None and comp.split(":")[1] in ("nt", "ns", "nz", "i", "l"):
                j = i
                while j + 1 < len(words) and words[j + 1][2] == comp:
                    j += 1
                s, e = offsets[i][0], offsets[j][1]
                tag = comp.split(":")[1]
                if tag == "nt":
                    ents.append(_span(text, s, e, "ORG"))
                elif tag == "ns":
                    ents.append(_span(text, s, e, place_label(text[s:e]) or "LOC"))
                i = j + 1
                continue
            s, e = offsets[i]
            if p == "nr":
                j = i
                if i + 1 < len(words) and words[i + 1][1] == "nr" and words[i + 1][2] is None:
                    j = i + 1
                ents.append(_span(text, s, offsets[j][1], "PERSON"))
                i = j + 1
                continue
            if p == "ns":
                ents.append(_span(text, s, e, place_label(w) or "LOC"))
            elif p == "nt":
                ents.append(_span(text, s, e, "ORG"))
            elif p == "t":
                j = i
                while j + 1 < len(words) and words[j + 1][1] == "t" and words[j + 1][2] is None:
                    j += 1
                surface = text[s:offsets[j][1]]
                if date_like(surface):
                    ents.append(_span(text, s, offsets[j][1], "DATE"))
                elif surface in HOLIDAYS:
                    opts.append(_span(text, s, offsets[j][1], "DATE"))
                i = j + 1
                continue
            i += 1
        out.append(record(f"pd1998:{pid}", text, ents, opts))
    return out


DUIE_TYPES = {"人物": "PERSON", "娱乐人物": "PERSON", "历史人物": "PERSON",
              "企业": "ORG", "机构": "ORG", "学校": "ORG", "企业/品牌": "ORG",
              "地点": "PLACE", "城市": "PLACE", "国家": "PLACE", "行政区": "PLACE", "景点": "PLACE",
              "Date": "DATE"}


def duie_docs() -> list[dict]:
    out = []
    with open(CORPORA / "duie2_sample" / "train_data_5000.json", encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec["text"].strip()
            mentions: dict[str, str] = {}
            for spo in rec.get("spo_list", []):
                mentions.setdefault(spo["subject"], spo["subject_type"])
                for key, typ in spo["object_type"].items():
                    surface = spo["object"].get(key)
                    if surface:
                        mentions.setdefault(surface, typ)
            ents, opts = [], []
            for surface, typ in mentions.items():
                label = DUIE_TYPES.get(typ)
                if not label or not surface.strip():
                    continue
                if label == "PLACE":
                    label = place_label(surface) or ("LOC" if surface.endswith(NATURAL_ENDINGS) else "GPE")
                if label == "DATE" and not date_like(surface):
                    continue
                for m in re.finditer(re.escape(surface), text):
                    ents.append(_span(text, m.start(), m.end(), label))
            out.append(record(f"duie-sample:{line_no}", text, ents, opts))
    return out


WEIBO_TYPES = {"PER.NAM": "PERSON", "ORG.NAM": "ORG", "GPE.NAM": "GPE", "LOC.NAM": "LOC"}


def weibo_docs() -> list[dict]:
    out = []
    for text, spans, line in read_char_tagged(CORPORA / "weibo_ner" / "weiboNER_2nd_conll.dev"):
        text, spans = _strip(text, spans)
        ents = [_span(text, s, e, WEIBO_TYPES[lab]) for s, e, lab in spans if lab in WEIBO_TYPES]
        out.append(record(f"weibo-dev:{line}", text, ents, []))
    return out


# -- drawing -----------------------------------------------------------------------------

def _usable(doc: dict) -> bool:
    n = len(doc["text"])
    return (TEXT_LENGTH[0] <= n <= TEXT_LENGTH[1] and "\n" not in doc["text"]
            and all(" " not in e["text"] for e in doc["entities"] + doc["optional"]))


def draw(seed: int = SEED) -> dict[str, list[list[dict]]]:
    """RETURNS {"dev": [slice, ...], "test": [slice, ...]}: slices of 100 distinct documents.

    Each corpus is shuffled with its own seeded generator; documents with at least one mapped
    entity are preferred (Weibo and DuIE posts without any are mostly chatter), and no text
    is drawn twice. A corpus that runs out leaves the rest of its share to the first corpus in
    ``PER_SLICE`` order that still has documents, so every slice keeps 100 documents and the
    slices dealt before that point are unchanged.
    """
    pools = {"cluener": cluener_docs(), "pd1998": pd1998_docs(), "duie": duie_docs(),
             "weibo": weibo_docs()}
    seen: set[str] = set()
    queues = {}
    for name, docs in pools.items():
        rng = random.Random(f"{seed}:{name}")
        docs = [d for d in docs if _usable(d)]
        rng.shuffle(docs)
        docs.sort(key=lambda d: not d["entities"])  # stable: shuffled order within each group
        queues[name] = docs
    # 310 paragraphs of PD_LENGTH give 12 slices; later slices go on with the other paragraphs
    # of the reserved days (12-29 and 201-300 characters), shuffled with their own generator
    overflow = [d for d in pd1998_docs(overflow=True) if _usable(d)]
    random.Random(f"{seed}:pd1998-overflow").shuffle(overflow)
    overflow.sort(key=lambda d: not d["entities"])
    queues["pd1998"] += overflow
    out: dict[str, list[list[dict]]] = {}
    for split in ("test", "dev"):
        out[split] = []
        for _ in range(SLICES[split]):
            part, short = [], 0
            for name, n in PER_SLICE.items():
                taken = 0
                while taken < n and queues[name]:
                    d = queues[name].pop(0)
                    if d["text"] in seen:
                        continue
                    seen.add(d["text"])
                    part.append(d)
                    taken += 1
                short += n - taken
            for name in PER_SLICE:
                while short and queues[name]:
                    d = queues[name].pop(0)
                    if d["text"] in seen:
                        continue
                    seen.add(d["text"])
                    part.append(d)
                    short -= 1
            out[split].append(part)
    return out


def write_jsonl(path: Path, docs: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def cmd_draft(args) -> int:
    slices = draw(args.seed)
    counts = Counter()
    for split, parts in slices.items():
        for k, part in enumerate(parts):
            write_jsonl(DRAFT / f"{split}_{k * SLICE:03d}.jsonl", part)
            for d in part:
                counts[(split, d["id"].split(":")[0])] += 1
                for e in d["entities"]:
                    counts[(split, e["label"])] += 1
    for key in sorted(counts):
        print(*key, counts[key], sep="\t")
    return 0


# -- source format (review) ---------------------------------------------------------------

def to_source(doc: dict) -> str:
    lines = [f"=== {doc['id']}", f"T {doc['text']}"]
    text = doc["text"]

    def ref(spans: list[dict], e: dict, avoid=()) -> str:
        """surface@k so that build_dev resolves the span to the same offsets."""
        prev_end = 0
        for x in spans:
            if x is e:
                break
            prev_end = x["end"]
        k, pos = 0, prev_end
        while True:
            i = text.find(e["text"], pos)
            if not any(i < b and a < i + len(e["text"]) for a, b in avoid):
                k += 1
            if i == e["start"]:
                break
            pos = i + 1
        return e["text"] if k == 1 else f"{e['text']}@{k}"

    for e in doc["entities"]:
        extra = f" {e['value']} {e['unit']}" if e["label"] in NUMERIC_LABELS else ""
        lines.append(f"E {ref(doc['entities'], e)} {e['label']}{extra}")
    avoid = [(e["start"], e["end"]) for e in doc["entities"]]
    for o in doc["optional"]:
        lines.append(f"O {ref(doc['optional'], o, avoid)} {o['label']}")
    for r in doc["relations"]["person_title"]:
        lines.append(f"R {r['person']} {r['title']} {r['org'] or '-'}")
    for r in doc["relations"]["city_province"]:
        lines.append(f"C {r['city']} {r['province']}")
    return "\n".join(lines) + "\n"


def cmd_source(args) -> int:
    for d in read_jsonl(Path(args.draft)):
        print(to_source(d))
    return 0


def cmd_review(args) -> int:
    src = Path(args.source)
    warnings: list[str] = []
    try:
        docs = build_dev.build(src, warnings)
    except build_dev.SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for w in warnings:
        if "characters" not in w and "sentences" not in w:
            print(f"warning: {w}", file=sys.stderr)
    out = Path(args.out) if args.out else src.with_name(src.name.replace("_source.txt", ".jsonl"))
    write_jsonl(out, docs)
    print(f"{len(docs)} documents -> {out}", file=sys.stderr)
    return 0


# -- assembling and validating the gold files ----------------------------------------------

def validate_record(doc: dict) -> list[str]:
    """RETURNS the problems of one SPEC gold record (empty when it is valid)."""
    problems, did, text = [], doc.get("id"), doc.get("text", "")
    prev_end = 0
    for key in ("entities", "optional"):
        prev_end = 0
        for e in sorted(doc.get(key, []), key=lambda e: e["start"]):
            if text[e["start"]:e["end"]] != e["text"]:
                problems.append(f"{did}: {key} span {e} does not match the text")
            if e["start"] < prev_end:
                problems.append(f"{did}: {key} span {e} overlaps the previous one")
            if e["label"] not in LABELS:
                problems.append(f"{did}: label {e['label']} is not a SPEC label")
            if key == "entities" and e["label"] in NUMERIC_LABELS and (
                    not isinstance(e.get("value"), (int, float)) or not e.get("unit")):
                problems.append(f"{did}: {e['label']} {e['text']} needs value and unit")
            prev_end = e["end"]
    rel = doc.get("relations") or {}
    texts = {(e["label"], e["text"]) for e in doc.get("entities", [])}
    for r in rel.get("person_title", []):
        if ("PERSON", r["person"]) not in texts or ("TITLE", r["title"]) not in texts:
            problems.append(f"{did}: person_title {r} names no PERSON/TITLE entity")
    for r in rel.get("city_province", []):
        if ("GPE", r["city"]) not in texts:
            problems.append(f"{did}: city_province {r} names no GPE entity")
    return problems


def assemble(reviewed: Path = REVIEWED) -> dict[str, list[dict]]:
    """RETURNS {"dev": docs, "test": docs} from the reviewed slices, validated."""
    out = {}
    for split in ("dev", "test"):
        docs = []
        for path in sorted(reviewed.glob(f"{split}_*.jsonl")):
            docs += read_jsonl(path)
        out[split] = docs
    problems = [p for docs in out.values() for d in docs for p in validate_record(d)]
    ids = Counter(d["id"] for docs in out.values() for d in docs)
    problems += [f"{i}: id occurs {n} times" for i, n in ids.items() if n > 1]
    shared = {d["text"] for d in out["dev"]} & {d["text"] for d in out["test"]}
    problems += [f"text in both files: {t[:30]}" for t in shared]
    if problems:
        raise ValueError("\n".join(problems))
    return out


def cmd_assemble(args) -> int:
    try:
        sets = assemble(Path(args.reviewed))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for split, docs in sets.items():
        if docs:
            write_jsonl(GOLD / f"real_{split}.jsonl", docs)
        print(f"real_{split}: {len(docs)} documents", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("draft", help="draw and map the draft slices")
    p.add_argument("--seed", type=int, default=SEED)
    p.set_defaults(func=cmd_draft)
    p = sub.add_parser("source", help="print a draft slice in the review source format")
    p.add_argument("draft")
    p.set_defaults(func=cmd_source)
    p = sub.add_parser("review", help="build a reviewed slice from its source file")
    p.add_argument("source")
    p.add_argument("--out")
    p.set_defaults(func=cmd_review)
    p = sub.add_parser("assemble", help="concatenate and validate the reviewed slices")
    p.add_argument("--reviewed", default=str(REVIEWED))
    p.set_defaults(func=cmd_assemble)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
