"""The statistical NER stage: the trained character model fills what the rules left.

The model (models/ner, spaCy ``ner`` over one token per character, trained by
``python -m nlp train ner``) runs on its own character ``Doc`` of the width-folded text; its
spans are mapped back by character offsets and written with ``add_entities``, which splits
word tokens where a span ends inside a word. Entities already on the Doc (from the rule
stages) win over overlapping model spans: see the conflict policy in ``entities.py``.

The model knows PER/LOC/ORG (MSRA's labels). PER becomes PERSON; LOC becomes GPE when the
place is an administrative unit or a country (gazetteer or suffix), else LOC.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterable, Iterator

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import gazetteer
from ..data import read_tsv
from ..extract import sentences
from ..labels import fold_width
from . import orgs
from .titles import title_ends
from .entities import Ent, _named_org, add_entities, token_bounds
from .person_cues import NOT_GIVEN, name_at, surnames

# Places ending like an administrative unit are GPE even when no list knows them.
_GPE_SUFFIX = regex.compile(r"(?:省|市|县|区|州|盟|旗|国|自治区|特别行政区|地区|镇|乡)$")
_MODEL_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
# Prepositions and conjunctions the model sometimes reads into the start of an ORG when the
# segmenter has them as a word of their own (毕业|于|世新大学): cut off.
_LEADING_FUNCTION = frozenset("于在由从向对和与及跟同的被把将给为以到自据")
# One-character abbreviations of countries and provinces (中美, 访华, 美方, 京沪, 鄂): GPE.
_GPE_ABBREVIATIONS = frozenset("中华美日韩朝俄苏英法德意西葡荷比瑞奥澳加墨巴印泰越菲缅柬老蒙伊以埃土希"
                               "波匈捷乌古阿南新港台京沪津渝冀晋辽吉黑皖闽赣鲁豫鄂湘粤桂琼蜀川黔贵滇云陕陇甘宁青藏")


@Language.factory("zh_news_ner", assigns=["doc.ents"],
                  default_config={"model": None, "named_orgs_over_places": True})
def make_statistical_ner(nlp: Language, name: str, model: str | None,
                         named_orgs_over_places: bool) -> "StatisticalNER":
    """named_orgs_over_places: a model ORG ending like an organisation replaces the rule
    places inside it (欧洲中央银行 over the GPE 欧洲); see ``entities.add_entities``."""
    return StatisticalNER(name, model, named_orgs_over_places=named_orgs_over_places)


class StatisticalNER:
    """Runs the shipped character NER model and adds its PERSON/ORG/GPE/LOC spans."""

    def __init__(self, name: str = "ner", model: str | None = None, *, named_orgs_over_places: bool = True):
        self.name = name
        self.model_path = model
        self.named_orgs_over_places = named_orgs_over_places
        self._inner: Language | None = None

    @property
    def inner(self) -> Language:
        if self._inner is None:
            import spacy

            from ..shipped_models import ner_dir

            path = Path(self.model_path) if self.model_path else ner_dir()
            if not (path / "config.cfg").exists():
                raise FileNotFoundError(f"{path}: NER model missing; run `python -m nlp train ner --install`")
            self._inner = spacy.load(path)
        return self._inner

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._process(batch)
                batch = []
        if batch:
            yield from self._process(batch)

    def _process(self, docs: list[Doc]) -> Iterator[Doc]:
        found = model_ents(self.inner, [fold_width(d.text) for d in docs])
        org_suffixes = orgs.data()[1]
        for doc, spans in zip(docs, found):
            text = doc.text  # Doc.text builds a new string each time: read it once
            # a span that opens or closes a bracket it does not hold is cut in the wrong
            # place (智云数和（天津|）科技有限公司): the model has no reading of it
            # ... and one that runs over a clause break or a space is two things read as one
            # (江苏大学管理工程专业，获硕士学位; 阮洪良 福莱特玻璃集团股份有限公司)
            spans = [(s, e, label) for s, e, label in spans
                     if _brackets_balanced(text[s:e]) and not _SPAN_BREAK.search(text[s:e])
                     and not _cuts_latin_word(text, s, e)]
            spans = _join_hyphenated_names(text, spans)
            words = token_bounds(doc)
            word_starts, word_ends = {s for s, _ in words}, {e for _, e in words}
            spans = _complete_surnames(text, spans, word_starts, word_ends, {e.start_char for e in doc.ents})
            model_orgs = [(s, e) for s, e, label in spans if label == "ORG"]
            kept = [e for e in doc.ents if not _company_unsupported(text, e, model_orgs)]
            if len(kept) < len(doc.ents):
                doc.ents = kept
            cands = []
            people = {e.start_char: e.end_char for e in doc.ents if e.label_ == "PERSON"}
            place_at_end = {e.end_char: e.start_char for e in doc.ents if e.label_ in ("GPE", "LOC")}
            for start, end, model_label in spans:
                label = _MODEL_LABELS.get(model_label)
                if label is None:
                    continue
                if label == "PERSON" and start in people and people[start] < end \
                        and text[people[start]] in NOT_GIVEN:
                    continue  # 任命张三|为: the cue's name stops before a word no name goes on with
                if label == "PERSON" and 2 <= place_at_end.get(end, start) - start <= 4 \
                        and end - place_at_end[end] >= 2 and start not in people \
                        and text[start:place_at_end[end]] not in surnames()[1]:  # 欧阳|长春: one name
                    end = place_at_end[end]  # 记者公培佳|北京报道: a name, then the dateline's place
                if label == "ORG":
                    if text[start:end] in org_suffixes or text[end - 2:end] in orgs.NOT_SUFFIXED:
                        continue  # a bare 公司 or 委员会, or 大道交会处, names no organisation
                    if start + 1 in word_ends and text[start] in _LEADING_FUNCTION and end - start > 3:
                        start += 1  # 毕业|于|世新大学: a preposition the model read into the name
                    if text[end - 2:end] in ("报讯", "社讯"):
                        end -= 1  # 晨报|讯: the dateline's 讯 is no part of the paper's name
                    end = _before_title(text, start, end)  # 研究中心|高级顾问: organ + title split
                    end = _to_org_ending(text, start, end, org_suffixes)  # 西南交通大学|桥梁
                value = None
                if label == "ORG" and (gazetteer.lookup(text[start:end]) or ("",))[0] == "GPE":
                    label = "LOC"  # a country read as its team (斯洛伐克|人): SPEC keeps it a GPE
                if label == "LOC":
                    label, value = place_label(text[start:end])
                cands.append(Ent(start, end, label, value))
            add_entities(doc, cands, named_orgs_over_places=self.named_orgs_over_places,
                         places_extended_left=True)
            yield doc

    def to_disk(self, path, exclude=tuple()) -> None:
        self.inner.to_disk(path)

    def from_disk(self, path, exclude=tuple()) -> "StatisticalNER":
        import spacy

        self._inner = spacy.load(path)
        return self


def model_ents(model: Language, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """RETURNS per text the model's ``(start, end, label)`` spans, the model reading one
    sentence at a time (``nlp.extract.sentences``) as it was trained (MSRA train is one
    sentence per line), so a sentence inside a paragraph gets the reading of one at its
    start. On the MSRA dev split joined into paragraphs of 40 sentences this took the
    model's F1 from 86.70 to 87.24, near the 87.30 of one sentence per call
    (benchmarks/ner_paragraphs.py).
    """
    pieces = [(i, s, text[s:e]) for i, text in enumerate(texts) for s, e in sentences(text)]
    found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for (i, offset, _), char_doc in zip(pieces, model.pipe(p[2] for p in pieces)):
        found[i] += [(offset + e.start_char, offset + e.end_char, e.label_) for e in char_doc.ents]
    return found


# jieba flags of common words (保险, 销售, 所在): such a word + 公司 is a kind of company, not a name.
_COMMON_FLAGS = frozenset({"n", "vn", "v", "b", "a", "an", "ad", "vd"})
# jieba flags no company name contains (我们, 一家, 在): words read over by the rules.
_NOT_NAME_FLAGS = frozenset("rmpvdcuqft")
_FUNCTION_FLAGS = frozenset("rpcu")


def _company_unsupported(text: str, ent, model_orgs: list[tuple[int, int]]) -> bool:
    """RETURNS whether a rule ORG read leftwards from a company-type suffix (公司, 集团,
    协会: ``orgs.companies``) is to give way to the model. Two cases, chosen on the MSRA dev
    split (the model is right far more often there) and checked on the dev gold:

    - its name is one common word (保险公司, 销售公司) and no model ORG overlaps it: a kind
      of company, not a name (the model still keeps 苹果公司 when it reads one there);
    - a model ORG ends where it ends but starts later, and what the model left out holds a
      word no name has (我们|北京城建集团一公司, 在委中标油田|中国石油总公司, 一家|海运公司):
      the model's span replaces it. A place left out (黑龙江省|牡丹江市煤气公司) keeps the
      rule span (SPEC: an organisation name with its place is one ORG).
    """
    if ent.label_ != "ORG":
        return False
    start, end = ent.start_char, ent.end_char
    name = _company_name(text[start:end])
    if not name:
        return False
    over = [(s, e) for s, e in model_orgs if s < end and start < e]
    if not over:
        return _generic_company(text[start:end])
    later = [s for s, e in over if e == end and start < s]
    if later and _generic_company(text[later[0]:end]):
        return False  # the model's span names no company (北京奇天揽胜|科技有限公司)
    if later:
        import jieba.posseg

        # a one-character word counts only as a function word: a brand cut into characters
        # (北京天一讯灵|科技有限公司) gets verb and numeral flags as easily
        return any(p.flag[:1] in (_NOT_NAME_FLAGS if len(p.word) > 1 else _FUNCTION_FLAGS)
                   for p in jieba.posseg.dt.cut(text[start:later[0]]))
    return False


def _generic_company(org: str) -> bool:
    """RETURNS whether a company-type ORG names a kind of company, not one: what precedes
    its suffixes is one common word (保险|公司, 科技|有限公司) or a single character."""
    from .char_features import lexicon_flags

    name = _company_name(org)
    return name is not None and (len(name) < 2 or lexicon_flags().get(name) in _COMMON_FLAGS)


def _company_name(org: str) -> str | None:
    """RETURNS what precedes the company-type suffixes ending ``org`` (保险 in 保险公司,
    中国石油 in 中国石油集团有限公司), or None when it does not end with one."""
    suffixes = orgs.data()[1]
    name = org
    while True:
        cut = [n for n in range(len(name) - 1, 0, -1) if suffixes.get(name[-n:]) in ("strong", "named")]
        if not cut:
            break
        name = name[:-cut[0]]
    return name if name != org else None


# Clause punctuation, or a space that is not between two Latin letters (Bonnie Turner).
# 、 is not here: it joins the halves of an organ's name (墨西哥环境、自然资源和渔业部).
_SPAN_BREAK = regex.compile(r"[，。；！？：,;!?:]|(?<![A-Za-z])\s|\s(?![A-Za-z])")


_HYPHENS = "-－‐"


def _join_hyphenated_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join two model PER spans around a hyphen into one (索尔-坎贝尔, 汤姆-克鲁斯): news
    sometimes writes a foreign name's parts with a hyphen for the middle dot (SPEC: one PERSON)."""
    out: list[tuple[int, int, str]] = []
    for s, e, label in sorted(spans):
        if out and label == "PER" and out[-1][2] == "PER":
            ps, pe, _ = out[-1]
            gap = text[pe:s]
            if (gap in tuple(_HYPHENS) and text[pe - 1] not in _HYPHENS) or (gap == "" and text[pe - 1] in _HYPHENS):
                out[-1] = (ps, e, "PER")
                continue
        out.append((s, e, label))
    return out


@functools.lru_cache(maxsize=None)
def _addresses() -> frozenset[str]:
    return frozenset(f[0] for _, f in read_tsv("name_addresses.txt"))


# Single characters that make a bare surname a form of address or a family (胡老, 孙家, 王氏).
_ADDRESS_CHARS = frozenset("老总家氏某姓公婆父母兄弟姐妹叔伯婶嫂姨")
# Prefixes of a surname used alone as a familiar name (小薛, 老王, 阿张).
_FAMILIAR = frozenset("小老阿")


def _complete_surnames(text: str, spans: list[tuple[int, int, str]], starts: set[int], ends: set[int],
                       stop: set[int]) -> list[tuple[int, int, str]]:
    """Extend a model PER that is a bare single-character surname over the two-character word
    after it when that word can be a given name (王|名扬, 褚|红军, 陈|众议): the model's jieba
    feature reads such a given name as a word of its own (名扬/v) and stops after the surname.

    Left alone (MSRA marks bare surnames PER: 毛|主席, 袁|说): a surname before a form of
    address (郑先生, 李大妈, 孙家, 胡老), after a familiar prefix (小薛|太小, 老王), before a
    title (毛主席: a rule entity starts there) or a one-character word, and before a word
    jieba's dictionary does not know (给黄|送钱): jieba itself reads a surname + an unknown
    given name as one name, so that is not why the model stopped.

    A surname before 某/某某 takes them (被告人刘某, 王某某): court and police news name people
    so, and the rule cues read 王某某 whole too.

    starts, ends: the segmenter's word boundaries; stop: where rule entities start."""
    from .char_features import lexicon_flags

    if not any(label == "PER" and e - s == 1 for s, e, label in spans):
        return spans
    single, _ = surnames()
    out = []
    for s, e, label in spans:
        given = text[e:e + 2]
        if label == "PER" and e - s == 1 and text[s] in single and text[e:e + 1] == "某":
            out.append((s, e + (2 if given == "某某" else 1), label))  # 刘某, 王某某: the name news gives
            continue
        if (label == "PER" and e - s == 1 and text[s] in single and e in starts and e + 2 in ends
                and text[s - 1:s] not in _FAMILIAR
                and given not in _addresses() and given[0] not in _ADDRESS_CHARS
                and lexicon_flags().get(given) is not None
                and name_at(text, s, ends, stop) == e + 2):
            e += 2
        out.append((s, e, label))
    return out


def _cuts_latin_word(text: str, start: int, end: int) -> bool:
    """RETURNS whether a span starts or ends inside a run of Latin letters or digits (Alo|fi)."""
    def alnum(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()

    return alnum(start - 1) and alnum(start) or alnum(end - 1) and alnum(end)


_BRACKETS = {"（": "）", "(": ")", "《": "》", "“": "”", "[": "]", "【": "】"}


def _brackets_balanced(span: str) -> bool:
    """RETURNS whether every bracket or quote the span opens it also closes, and the reverse."""
    stack: list[str] = []
    closing = set(_BRACKETS.values())
    for c in span:
        if c in _BRACKETS:
            stack.append(_BRACKETS[c])
        elif c in closing:
            if not stack or stack.pop() != c:
                return False
    return not stack


def _to_org_ending(text: str, start: int, end: int, suffixes: dict[str, str]) -> int:
    """RETURNS where a model ORG ends once a tail that no organisation ends with is cut off
    after the last organisation suffix inside it (西南交通大学|桥梁, a major read on after the
    university, or 大学 of 大学学历); ``end`` when the span ends like an organisation or has
    no such suffix."""
    degree = text.startswith("学历", end)  # 省委党校|大学学历: the last suffix is a degree
    if _named_org(text[start:end]) and not degree:
        return end
    for k in range(end - 1, start + 3, -1):
        if any(text[k - n:k] in suffixes for n in (2, 3, 4)):
            return k
    return end


def _before_title(text: str, start: int, end: int) -> int:
    """RETURNS where an ORG span ends once a title that ends it is cut off (SPEC: an organ +
    title splits); ``end`` when no title ends the span or nothing would be left of the name."""
    for p in range(start + 2, end - 1):
        if end in title_ends(text, p, end):
            return p
    return end


def place_label(name: str) -> tuple[str, str | None]:
    """RETURNS ``(GPE or LOC, division code or None)`` for a place name found by the model.

    A name any list knows takes that list's label (``gazetteer.lookup``: Chinese divisions
    with their code, foreign countries and cities GPE, rivers/mountains/regions LOC). Otherwise
    a one-character country or province abbreviation is GPE (美 in 美方), and a name with an
    administrative suffix is GPE (布拉戈维申斯克市), except ``地区`` after a name that is no
    division (长三角地区, 成渝地区: regions, LOC); anything else is LOC.
    """
    known = gazetteer.lookup(name)
    if known is not None:
        return known
    if len(name) == 1:  # 美 in 美方, 华 in 访华; 江 and 淮 in 江淮 are rivers
        return ("GPE" if name in _GPE_ABBREVIATIONS else "LOC"), None
    if name.endswith("地区"):
        stem = gazetteer.lookup(name[:-2])
        return ("GPE", stem[1]) if stem is not None and stem[0] == "GPE" and stem[1] else ("LOC", None)
    if _GPE_SUFFIX.search(name):
        return "GPE", None
    return "LOC", None
