"""Repairs of the statistical model's spans, and the labels its places get (no spaCy).

The model reads characters and knows PER/LOC/ORG (MSRA's labels). Its raw spans are
repaired here before they become candidates: spans that cut a bracket, a clause or a Latin
word are dropped, hyphenated foreign names joined, bare surnames completed, ORGs trimmed to
their organisation ending. PER becomes PERSON; LOC becomes GPE when the place is an
administrative unit or a country (gazetteer or suffix), else LOC. ``company_unsupported``
says which rule ORGs the model's reading overrides (applied by the merge policy).
"""
from __future__ import annotations

import regex

from ..labels import GPE, LOC, ORG, PERSON, TITLE
from ..text import BRACKET_PAIRS, HYPHENS
from . import gazetteer, orgs
from .candidates import Ent
from .names import (NOT_GIVEN, UNIVERSITY_SHORT, VERBS_AFTER_A_GIVEN_NAME, addresses, after_a_dynasty, name_at,
                    preposition_before_date, surnames, verb_after_given_name, verb_led)
from .places import (COMPASS_REGIONS, STREET_AFTER, SUFFIX_TITLES, a_direction, suffix_word, after_a_name_word, facility_after,
                     inside_a_set_phrase, part_of_a_facility)
from .teams import team_beside_a_match
from .titles import QUALIFIERS, is_title, stands_as_a_post, title_ends
from .words import COMMON_WORD_FLAGS, cut_flags, word_flags

# An adverb between a name and its verb that the model reads as the name's last character.
_ADVERB_AFTER_NAME = frozenset("现曾也都还仍即就又")
_VERB_AFTER_ADVERB = frozenset("为任是系在有将已被")
# Verbs of founding a body: a model ORG that has one right before its bare suffix (钱创立|公司)
# reads a clause, not a name.
_FOUNDING_VERB = regex.compile(r"创立|创办|成立|开办|注册|开设|组建")
# A digit (and a space) right before a one-character place: a date's unit (29 日), no place.
_DIGIT_BEFORE = regex.compile(r"\d\s*$")
# A biography's opening fields after its subject's name (张三，男，).
_BIO_OPENING = regex.compile(r"\s*[，,]\s*[男女]\s*[，,]")
# A monarch's or pope's regnal number after the name (伊丽莎白二世, 本笃十六世); not 世纪, 世界.
_REGNAL = regex.compile(r"[一二三四五六七八九十]{1,3}世(?![纪界代])")
# What ends a credit in a list of songs (江羽词　●, 顾嘉辉曲＞): a break, a space or a mark.
_CREDIT_END = regex.compile(r"$|[\s，,、；;。）)＞>/●|]")
# A kind of body after a place, before a body's own name that starts with a place (上虞企业|浙江…公司).
_KIND_OF_BODY = regex.compile(r"(?:本地|当地)?(?:企业|公司|上市公司|民企|国企|民营企业|厂商|品牌)")
# A child named by birth order after the parent's name (房玄龄|次子, 刘备|长女): no part of it.
_KIN_AFTER_NAME = ("长子", "次子", "三子", "幼子", "独子", "之子", "长女", "次女", "幼女", "之女", "长孙", "之孙")
# Roads, buildings and sites (中山路, 大厦): never a foreign city, whatever their characters.
_FACILITY_ENDING = regex.compile(r"[路街道巷桥站场园苑楼厦馆院寺庙宫塔门城]$")
# A house number (6008号): a model place holding one is the rest of an address line.
_HOUSE_NUMBER = regex.compile(r"\d+号")
# Natural features by their ending (翰海, 盆地, 维多利亚港): LOC, whatever their characters
# (a city named so, 连云港, is known to the gazetteer).
_NATURAL_ENDING = regex.compile(r"[山河江湖海洋岛峰岭湾峡谷原漠川泉溪林礁角滩洲窟港]$|地带|盆地")
_HAN = regex.compile(r"\p{Han}")
#: The end of a company's full registered name, and the companies that are units of the one
#: named before them (…有限公司北京分公司: one ORG).
_FULL_COMPANY = regex.compile(r"有限(?:责任)?公司")
# The schools of a place as a class (海淀区中小学, 全市中小学校), no one organisation.
_SCHOOLS_OF_A_PLACE = ("中小学", "中小学校", "大中小学", "中小学和幼儿园")
# A level's party committee and its government written side by side (桥东区委区政府): two organs.
_COMMITTEE_AND_GOVERNMENT = regex.compile(r"(.+?委)((?:自治区|[省市县区州镇乡])(?:人民)?政府)")
_UNIT_COMPANIES = ("分公司", "子公司")
# A wire dateline: 新华社波恩１月２８日电 names the city the story is filed from (a GPE).
_DATELINE_DATE = regex.compile(r"\s*[\d０-９〇一二三四五六七八九十]{1,4}月[\d０-９〇一二三四五六七八九十]{1,3}日(?:电|讯)")
# Places ending like an administrative unit are GPE even when no list knows them.
_GPE_SUFFIX = regex.compile(r"(?:省|市|县|区|州|盟|旗|国|自治区|特别行政区|地区|镇|乡)$")
# Marks between the items of a list (温江、新都、万县).
_LIST_MARKS = frozenset("、，,和及与")
# What a person's name starts and ends with, and what never stands inside one.
_NAME_EDGE = regex.compile(r"[\p{Han}\p{Latin}（）()]")
_NOT_IN_NAME = regex.compile(r"[^\p{Han}\p{Latin}·•‧・\-\s.（）()]")  # 何鸿（申音）: a rare character spelt out
_MODEL_LABELS = {"PER": PERSON, ORG: ORG, LOC: LOC}
# Prepositions and conjunctions the model sometimes reads into the start of an ORG when the
# segmenter has them as a word of their own (毕业|于|世新大学): cut off.
_LEADING_FUNCTION = frozenset("于在由从向对和与及跟同的被把将给为以到自据")
# One-character abbreviations of countries and provinces (中美, 访华, 美方, 京沪, 鄂): GPE.
_GPE_ABBREVIATIONS = frozenset("中华美日韩朝俄苏英法德意西葡荷比瑞奥澳加墨巴印泰越菲缅柬老蒙伊以埃土希"
                               "波匈捷乌古阿南新港台京沪津渝冀晋辽吉黑皖闽赣鲁豫鄂湘粤桂琼蜀川黔贵滇云陕陇甘宁青藏")
# A trade role right before a name makes the name a company's (开发商贝塞斯达, 发行商育碧).
_COMPANY_ROLE_BEFORE = regex.compile(r"(?:开发|发行|运营|制造|供应|生产|代理|经销|零售|出版|承包|服务|电信)商\s*$")
# After a one-character abbreviation, these make a word for the place's people, language or
# money (华人, 华侨, 华裔, 港商, 英语, 中文, 美籍, 港资): a compound, no place of its own.
_PEOPLE_OF_A_PLACE = frozenset("人侨裔商语文籍资股")   # 股: 港股, 美股 (shares listed there)
# English function words the model reads as names inside an English title or phrase.
_ENGLISH_FUNCTION_WORDS = frozenset("the a an of and or in on at to for with by from as is".split())
# Characters of laughter and interjections: a "name" made of them only (哈哈, 呵呵呵) is the
# writer's laugh, and a run of one character three times or more (唐唐唐) is no name either.
_INTERJECTIONS = frozenset("哈呵嘿嘻哇啊呀哦噢嗯嘛啦")


def _name_letters(text: str, start: int, end: int) -> tuple[int, int] | None:
    """RETURNS the span of a model PERSON without the symbols the model read into its edges
    (👇周峰, 〜〜璐温, 呃···); None if it holds no Chinese or Latin letter, or other symbols
    inside."""
    while start < end and not _NAME_EDGE.match(text[start]):
        start += 1
    while end > start and not _NAME_EDGE.match(text[end - 1]):
        end -= 1
    return (start, end) if start < end and not _NOT_IN_NAME.search(text, start, end) else None


def reduplicated(name: str) -> bool:
    """RETURNS whether ``name`` is laughter or one character repeated (no person's name)."""
    return len(name) >= 2 and (set(name) <= _INTERJECTIONS or len(name) >= 3 and len(set(name)) == 1)


def repair(text: str, spans: list[tuple[int, int, str]], words: list[tuple[int, int]],
           ents: list[tuple[int, int, str]]) -> tuple[list[Ent], list[tuple[int, int]]]:
    """Turn the model's raw ``(start, end, label)`` spans of ``text`` into candidates.

    words: the word boundaries; ents: the entities found before the model (rules).
    RETURNS (candidates, the model's ORG spans before trimming: what ``company_unsupported``
    weighs rule ORGs against).
    """
    # a span that opens or closes a bracket it does not hold is cut in the wrong
    # place (智云数和（天津|）科技有限公司): the model has no reading of it
    # ... and one that runs over a clause break or a space is two things read as one
    # (江苏大学管理工程专业，获硕士学位; 阮洪良 福莱特玻璃集团股份有限公司)
    spans = [(s, e, label) for s, e, label in spans
             if brackets_balanced(text[s:e]) and not SPAN_BREAK.search(text[s:e])
             and not cuts_latin_word(text, s, e)]
    spans = join_hyphenated_names(text, spans)
    word_starts, word_ends, word_set = {s for s, _ in words}, {e for _, e in words}, set(words)
    spans = complete_surnames(text, spans, word_starts, word_ends, {s for s, _, _ in ents})
    model_orgs = [(s, e) for s, e, label in spans if label == ORG]
    org_suffixes = orgs.suffixes()
    cands = []
    people = {s: e for s, e, label in ents if label == PERSON}
    # rule ORGs right after a place: (place start, ORG end) -> ORG start
    place_starts = {e: s for s, e, label in ents if label == GPE}
    rule_orgs_after_place = {(place_starts[s], e): s for s, e, label in ents if label == ORG and s in place_starts}
    place_at_end = {e: s for s, e, label in ents if label in (GPE, LOC)}
    gpe_at_end = {e: s for s, e, label in ents if label == GPE}
    gpe_ends = {s: e for s, e, label in ents if label == GPE}
    ent_starts = {s for s, _, _ in ents}
    for start, end, model_label in spans:
        label = _MODEL_LABELS.get(model_label)
        if label is None:
            continue
        if label == PERSON:
            letters = _name_letters(text, start, end)
            if letters is None or letters != (start, end) and letters[1] - letters[0] < 2:
                continue   # no name left, or a lone character once its symbols are cut off
            start, end = letters
            if reduplicated(text[start:end]):
                continue
            if text[start:end].lower() in _ENGLISH_FUNCTION_WORDS:
                continue   # The Legend of the Unknowns: English words of a title, no name
            if text[start] in _FUNCTION_SURNAMES and (text[start + 1:end] in orgs.known()
                                                       or _known_place(text[start + 1:end])):
                continue   # 毕业于|清华, 生于|北京: the preposition and a known body or place, no name
            if end - start == 2 and word_flags().get(text[start:end]) == "v":
                continue   # 辞行, 守孝, 罗嗦: a two-character verb of the dictionary is no name
            if text[start] in "老小" and end - start >= 4 and _transliterated(text[start + 1:end]):
                start += 1   # 老|雷德克纳普, 小|贝克汉姆: a familiar 老/小 before a foreign name
            if text.endswith(UNIVERSITY_SHORT, start, end):
                label = ORG   # 南师大, 哈工大: a university's short name
            if _mostly_transliterated(text[start:end]) and team_beside_a_match(text, start, end):
                label = ORG   # 输给|埃因霍温, 胜|雷丁: a club named by its city, beside a match word
            if _COMPANY_ROLE_BEFORE.search(text, 0, start) and not (
                    end - start <= 3 and text[start] in surnames()[0]):
                label = ORG   # 开发商贝塞斯达, 发行商育碧: a company named by its role (not 开发商张三)
        if label == PERSON and end - start >= 3 and text[end - 1] in _ADVERB_AFTER_NAME \
                and text[end:end + 1] in _VERB_AFTER_ADVERB:
            end -= 1  # 张伟现|为, 李明也|是: an adverb read into the name
        if label == PERSON and end - start >= 3 and preposition_before_date(text, end - 1):
            end -= 1  # 陈平于|2009年创立: the preposition before a date read into the name
        regnal = _REGNAL.match(text, end) if label == PERSON else None
        if regnal:
            end = regnal.end()  # 君士坦丁|五世, 查尔斯|三世: the regnal number is part of the name
        if label == PERSON and end - start >= 3 and text[end - 1] in "词曲" and _CREDIT_END.match(text, end):
            end -= 1  # 江羽|词, 顾嘉辉|曲: a songs list's credit, lyrics or music by the name
        if label == PERSON and end - start >= 4 and text.endswith(_KIN_AFTER_NAME, start, end):
            end -= 2  # 房玄龄|次子: the parent's name, then a child named by birth order
        if label == PERSON and start in people and people[start] < end \
                and text[people[start]] in NOT_GIVEN:
            continue  # 任命张三|为: the cue's name stops before a word no name goes on with
        if label == PERSON and 2 <= place_at_end.get(end, start) - start <= 4 \
                and end - place_at_end[end] >= 2 and start not in people \
                and text[start:place_at_end[end]] not in surnames()[1]:  # 欧阳|长春: one name
            end = place_at_end[end]  # 记者公培佳|北京报道: a name, then the dateline's place
        if label == ORG:
            if STREET_AFTER.match(text, end):
                continue  # 赛罕区大学|西街: the start of a street's name
            if text[start:end] in org_suffixes or text[end - 2:end] in orgs.NOT_SUFFIXED:
                continue  # a bare 公司 or 委员会, or 大道交会处, names no organisation
            if is_title(text[start:end]):
                continue  # 常委|会议: a post, no body
            if text.endswith(_SCHOOLS_OF_A_PLACE, start, end):
                continue  # 海淀区|中小学: the schools of a district, no one school
            if orgs.industry_only(orgs.company_name(text[start:end]) or ""):
                continue  # 实业有限公司, 网络科技公司: a kind of company
            founding = _FOUNDING_VERB.search(text, start + 1, end)
            if founding and text[founding.end():end] in org_suffixes:
                continue  # 赚来的钱|创立公司: founding a company, no name
            if start + 1 in word_ends and text[start] in _LEADING_FUNCTION and end - start > 3:
                start += 1  # 毕业|于|世新大学: a preposition the model read into the name
            if (start, start + 1) in word_set and text[start] in "原前" and end - start > 3:
                start += 1  # 原|省交通厅: SPEC keeps 原/前 outside (原子能机构 is one word)
            if text[end - 2:end] in ("报讯", "社讯"):
                end -= 1  # 晨报|讯: the dateline's 讯 is no part of the paper's name
            while end - start > 2 and text[end - 1] in "&＆/／":
                end -= 1   # 森影传媒CEO|&董事长: a joiner of two titles is no part of a name
            end = _before_title(text, start, end)  # 研究中心|高级顾问: organ + title split
            end = _to_org_ending(text, start, end, org_suffixes)  # 西南交通大学|桥梁
            start = rule_orgs_after_place.get((start, end), start)  # 德国|西门子公司: as the rules split it
            start = _past_locating_places(text, start, end, gpe_ends, ent_starts)
            if any(text[e] == "一" and (e, e + 1) in word_set for s, e in gpe_ends.items() if start <= s and e < end):
                continue  # 丰满区|一|化工厂: "a chemical plant in the district", no name
            pair = _COMMITTEE_AND_GOVERNMENT.fullmatch(text, start, end)
            if pair:
                cands.append(Ent(start, pair.end(1), ORG))
                start = pair.start(2)
            first = _FULL_COMPANY.search(text, start, end)
            rest = text[first.end():end] if first else ""
            if len(rest) >= 4 and rest.endswith("公司") and not rest.endswith(_UNIT_COMPANIES):
                cands.append(Ent(start, first.end(), ORG))
                start = first.end()   # 完美（中国）日用品有限公司|完美公司: a full name, then another
        value = None
        if label == ORG and (gazetteer.lookup(text[start:end]) or ("",))[0] == GPE:
            label = LOC  # a country read as its team (斯洛伐克|人): SPEC keeps it a GPE
        if label in (GPE, LOC) and text.startswith("族", end) and _known_place(text[start:end]):
            continue  # 朝鲜族, 蒙古族: a people, no place
        if label in (GPE, LOC) and end - start == 1 and _DIGIT_BEFORE.search(text, 0, start):
            continue  # 3月29 日: the date's day, not 日 (Japan)
        if label == LOC and _BIO_OPENING.match(text, end) and (start == 0 or text[start - 1] in "\n 　"):
            label = PERSON  # 真马斯路，男，1986年2月: a biography opens with its subject's name
        if label == LOC:
            if after_a_name_word(text, start):
                continue  # 号松溪, 笔名天河: a courtesy, art or pen name
            if _HOUSE_NUMBER.search(text, start, end):
                continue  # 深南大道6008号特区: an address line read as one place, no place name
            if end - start == 1 and text[end:end + 1] in _PEOPLE_OF_A_PLACE:
                continue  # 华人, 华侨, 港商, 英语: a word for people or things of the place, no place
            if end - start == 1 and text.startswith("运", end) and text[start] == "奥":
                continue  # 奥运: the Olympics, not 奥 (Austria)
            if end - start >= 2 and text[end:end + 1] in "人族" and not _known_place(text[start:end]):
                continue  # 犹太人, 吉普赛人: a people, no place the gazetteer knows
            if text.endswith("地区", 0, end) and end - start >= 5 and _mostly_transliterated(text[start:end - 2]):
                cands.append(Ent(start, end - 2, GPE))
                continue  # 奇里诺奇|地区: a foreign district, 地区 outside (SPEC: 苏州地区)
            if text.endswith("城", 0, end) and end - start >= 3 \
                    and (gazetteer.lookup(text[start:end - 1]) or ("", None))[0] == GPE:
                cands.append(Ent(start, end, GPE))
                continue  # 北京城, 悉尼城: the city itself
            if end - start == 1 and text[end:end + 1] in "东南西北" and text[end + 1:end + 2] not in "部方面京非美欧亚东南西北":
                end += 1  # 粤|东, 藏|北: a region of the province, one LOC (not 中|东部, 北京, 粤东西北)
                cands.append(Ent(start, end, LOC))
                continue
            if _risky_alone(text, start, end, gpe_at_end):
                continue  # 河东河西, 山城, 金山 (the company): an ordinary word, as in the places stage
            if text.endswith("地区", 0, end) and end - start > 3 and gazetteer.division_code(text[start:end - 2]):
                end -= 2  # SPEC: 广州地区 -> GPE 广州; 地区 after a division stays outside
            label, value = place_label(text[start:end])
            if label == LOC and text.startswith("地区", end) and _mostly_transliterated(text[start:end]):
                label = GPE   # 奇里诺奇|地区: a foreign district, 地区 outside (as above)
            if label == LOC and text.startswith("地区", end):
                end += 2   # SPEC: 地区 after a region is part of the LOC (西海固地区, 成渝地区)
            if label == LOC and text.endswith("社", 0, start) and _DATELINE_DATE.match(text, end):
                label = GPE   # 新华社|波恩|１月２８日电: the city of the dateline
            if value is None and facility_after(text, end):
                continue  # 长江|西路: the start of a road's name, as in the places stage
            if text[start:end] in COMPASS_REGIONS and a_direction(
                    text, start, end, [Ent(s, e, lab) for s, e, lab in sorted(ents) if e <= start and lab in (GPE, LOC)]):
                continue  # 西南|抵哈萨克斯坦: a direction, as in the places stage
            if value and text[end - 1:end + 1] in SUFFIX_TITLES and suffix_word(text, end - 1):
                continue  # 长清县|主, 嘉定县|志: a princess's title, a book, as in the places stage
            if value and _facility(text, start, end, ents):
                continue  # 市南区|香港中路: the places stage left it out
            if value and inside_a_set_phrase(text, start, end, _known_place):
                continue  # 夸下海口: as in the places stage
        if label == PERSON and end - start == 2 and verb_led(text[start:end]):
            continue   # 曾任|高雄市长: a holding verb whose first character is a surname too
        brand = next((k for k in range(start + 2, end - 1) if text[start:k] in orgs.known()
                      and 2 <= end - k <= 3 and (text[k] in surnames()[0] or text[k:k + 2] in surnames()[1])), None) \
            if label == PERSON else None
        if brand is not None:
            cands.append(Ent(start, brand, ORG))   # 小米|雷军, 蔚来|李斌: the company, then its head
            start = brand
        if label == PERSON and end - start == 3 and text[start] in surnames()[0] \
                and (text[end - 1] in "作均" and verb_after_given_name(text, end - 1)
                     or text[end - 1] in VERBS_AFTER_A_GIVEN_NAME and end in ent_starts):
            end -= 1   # 李红|均被问责: the model read the next word's first character into the name
        if label == PERSON and _STORM_BEFORE.search(text, 0, start):
            continue   # 台风“杜苏芮”: a storm's name, no person
        if label == PERSON:
            start = after_a_dynasty(text, start, end)   # 唐·|司空曙: a classical author's dynasty
        cands.append(Ent(start, end, label, value))
    abbreviations = bracketed_abbreviations(text, [(c.start, c.end, c.label) for c in cands] + ents)
    cands = [c for c in cands if not any(c.start < a.end and a.start < c.end for a in abbreviations)]
    cands += abbreviations
    cands += titles_after_orgs(text, cands, ents, word_ends)
    cands = one_reading_per_name(text, cands, ents)
    cands += given_names_again(text, [(c.start, c.end, c.label) for c in cands] + ents, word_starts, word_ends)
    cands += names_again(text, [(c.start, c.end, c.label) for c in cands] + ents, word_starts, word_ends)
    return cands, model_orgs


def titles_after_orgs(text: str, cands: list[Ent], ents: list[tuple[int, int, str]], word_ends: set[int]) -> list[Ent]:
    """RETURNS the TITLEs that start where one of the model's ORGs ends (第71集团军|政委): the
    title stage ran before the model and found no word start there, since the segmenter wrote
    the organisation's last character and the title as one word (军政委). A title ends at a
    word end or where another entity starts, as in the title stage."""
    spans = [(c.start, c.end) for c in cands] + [(s, e) for s, e, _ in ents]
    taken = {i for s, e in spans for i in range(s, e)}
    starts = {s for s, _ in spans}
    out = []
    for org in cands:
        if org.label != ORG or org.end in taken:
            continue
        for j in sorted(title_ends(text, org.end, min(len(text), org.end + 12)), reverse=True):
            if j - org.end >= 2 and (j in word_ends or j in starts) and not taken.intersection(range(org.end, j)) \
                    and stands_as_a_post(text, org.end, j):
                out.append(Ent(org.end, j, TITLE))
                break
    return out


#: A tropical storm's kind right before a name (台风“杜苏芮”, 超强台风山竹): the storm's name
_STORM_BEFORE = regex.compile(r"(?:台风|飓风|热带风暴|热带气旋)[“\"「『]?$")

#: at most this many characters read into a name beside another mention of it
_NAME_OVERRUN = 3


# Surnames that are also prepositions or conjunctions: read into the name before it (收录于|黎姿).
_FUNCTION_SURNAMES = frozenset("于向和与对从同")


def _surname_before_given(prefix: str) -> bool:
    """RETURNS whether ``prefix``, cut from a name's front, is its surname (钱|钟书, where 钟书
    is the given name used alone), not a preposition read into it (于|黎姿)."""
    return prefix in surnames()[1] or prefix in surnames()[0] and prefix not in _FUNCTION_SURNAMES


def one_reading_per_name(text: str, cands: list[Ent], ents: list[tuple[int, int, str]]) -> list[Ent]:
    """RETURNS the candidates with each model PERSON that is another PERSON of the text plus up to
    ``_NAME_OVERRUN`` characters before or after it cut back to that name: the model read a
    preposition or the next words into one mention (收录于|黎姿 after 黎姿演唱, 蔡玉卿|明万历
    after 蔡玉卿出生于). The shorter reading is found elsewhere in the same text."""
    names = {text[c.start:c.end] for c in cands if c.label == PERSON} \
        | {text[s:e] for s, e, label in ents if label == PERSON}
    names = {n for n in names if len(n) >= 2}
    out = []
    for c in cands:
        name = text[c.start:c.end]
        if c.label == PERSON and len(name) >= 3:
            head = next((n for n in names if n != name and name.startswith(n) and len(name) - len(n) <= _NAME_OVERRUN), None)
            tail = next((n for n in names if n != name and name.endswith(n) and len(name) - len(n) <= _NAME_OVERRUN), None)
            if head is not None and text.count(head) > text.count(name):
                c = Ent(c.start, c.start + len(head), PERSON, c.value)
            elif tail is not None and text.count(tail) > text.count(name) \
                    and not _surname_before_given(name[:len(name) - len(tail)]):
                c = Ent(c.end - len(tail), c.end, PERSON, c.value)
        out.append(c)
    return out


def given_names_again(text: str, ents: list[tuple[int, int, str]], word_starts: set[int],
                      word_ends: set[int]) -> list[Ent]:
    """RETURNS PERSON candidates for the given name of a three-character name found in the
    text, where it stands alone elsewhere in it (武仁盈 ... 多亏了仁盈的指导): a whole word of the
    segmenter, or between non-Han characters, and no ordinary word of jieba's dictionary."""
    taken = sorted((s, e) for s, e, _ in ents)
    singles, flags = surnames()[0], word_flags()
    out, seen = [], set()
    for s, e, label in ents:
        given = text[s + 1:e]
        if label != PERSON or e - s != 3 or text[s] not in singles or given in seen \
                or not regex.fullmatch(r"\p{Han}{2}", given) or not flags.get(given, "nr").startswith("nr"):
            continue
        seen.add(given)
        for m in regex.finditer(regex.escape(given), text):
            i, j = m.span()
            if any(a < j and i < b for a, b in taken):
                continue
            alone = (i in word_starts and j in word_ends) or not (
                _HAN.match(text, max(i - 1, 0), i) or _HAN.match(text, j, j + 1))
            if alone:
                out.append(Ent(i, j, PERSON))
    return out


_HAN_NAME = regex.compile(r"\p{Han}+(?:[·•]\p{Han}+)*")   # 拜登, 玛丽亚·洛佩斯


def names_again(text: str, ents: list[tuple[int, int, str]], word_starts: set[int], word_ends: set[int]) -> list[Ent]:
    """RETURNS PERSON candidates for the other mentions of a person's name found in the text
    (美国总统拜登表示… 当天，美国总统拜登在白宫…: one reading per name in a document), where the
    mention is whole words of the segmenter, overlaps no entity, and the name is no ordinary
    word of jieba's dictionary (黎明, 高峰)."""
    covered = bytearray(len(text) + 1)   # offsets inside an entity or a mention found here
    for s, e, _ in ents:
        covered[s:e] = b"\x01" * (e - s)
    flags = word_flags()
    out, seen = [], set()
    for s, e, label in ents:
        name = text[s:e]
        if label != PERSON or name in seen or e - s < 2 or not _HAN_NAME.fullmatch(name) \
                or flags.get(name) in COMMON_WORD_FLAGS or flags.get(name) in ("t", "ns", "nt", "nz", "m", "q"):
            continue
        seen.add(name)
        for m in regex.finditer(regex.escape(name), text):
            i, j = m.span()
            if any(covered[i:j]):
                continue
            if (i in word_starts or not _HAN.match(text, max(i - 1, 0), i)) \
                    and (j in word_ends or not _HAN.match(text, j, j + 1)):
                out.append(Ent(i, j, PERSON))
                covered[i:j] = b"\x01" * (j - i)
    return out


# An organisation's Latin abbreviation or original name in brackets right after it:
# 印度国防研究与发展组织（DRDO）, 央视市场研究股份有限公司(CTR), （德语：Reichszeugmeisterei，缩写：RZM）
_BRACKETED_LATIN = regex.compile(r"[（(](?:[\p{Han}]{1,4}[：:])?([A-Za-z][A-Za-z&.\-]*[A-Za-z])"
                                 r"(?:[，,、；;]\s*(?:缩写|简称)?[：:]?\s*([A-Za-z][A-Za-z&.\-]*[A-Za-z]))?[）)]")


def bracketed_abbreviations(text: str, ents: list[tuple[int, int, str]]) -> list[Ent]:
    """RETURNS ORG candidates for the Latin names in brackets right after an ORG."""
    out = []
    for start, end, label in ents:
        m = _BRACKETED_LATIN.match(text, end) if label == ORG else None
        if m:
            out += [Ent(m.start(g), m.end(g), ORG) for g in (1, 2) if m.group(g)]
    return out


# jieba flags no company name contains (我们, 一家, 在): words read over by the rules.
_NOT_NAME_FLAGS = frozenset("rmpvdcuqft")
_FUNCTION_FLAGS = frozenset("rpcu")


def company_unsupported(text: str, start: int, end: int, model_orgs: list[tuple[int, int]]) -> bool:
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
    name = orgs.company_name(text[start:end])
    if not name:
        return False
    over = [(s, e) for s, e in model_orgs if s < end and start < e]
    if not over:
        return _generic_company(text[start:end])
    later = [s for s, e in over if e == end and start < s]
    if later and _generic_company(text[later[0]:end]):
        return False  # the model's span names no company (北京奇天揽胜|科技有限公司)
    if later:
        # a one-character word counts only as a function word: a brand cut into characters
        # (北京天一讯灵|科技有限公司) gets verb and numeral flags as easily
        return any(flag[:1] in (_NOT_NAME_FLAGS if len(word) > 1 else _FUNCTION_FLAGS)
                   for word, flag in cut_flags(text[start:later[0]]))
    return False


def _generic_company(org: str) -> bool:
    """RETURNS whether a company-type ORG names a kind of company, not one: what precedes
    its suffixes is one common word (保险|公司, 科技|有限公司) or a single character."""
    name = orgs.company_name(org)
    return name is not None and not org.endswith(orgs.SITE_SUFFIXES) \
        and (len(name) < 2 or word_flags().get(name) in COMMON_WORD_FLAGS)


# Clause punctuation, or a space that is not between two Latin letters (Bonnie Turner).
# 、 is not here: it joins the halves of an organ's name (墨西哥环境、自然资源和渔业部).
SPAN_BREAK = regex.compile(r"[，。；！？：,;!?:]|(?<![A-Za-z])\s|\s(?![A-Za-z])")


_HYPHENS = HYPHENS


def join_hyphenated_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
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


# Single characters that make a bare surname a form of address or a family (胡老, 孙家, 王氏).
_ADDRESS_CHARS = frozenset("老总家氏某姓公婆父母兄弟姐妹叔伯婶嫂姨")
# Prefixes of a surname used alone as a familiar name (小薛, 老王, 阿张).
_FAMILIAR = frozenset("小老阿")


def complete_surnames(text: str, spans: list[tuple[int, int, str]], starts: set[int], ends: set[int],
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
                and given not in addresses() and given[0] not in _ADDRESS_CHARS
                and word_flags().get(given) is not None
                and name_at(text, s, ends, stop) == e + 2):
            e += 2
        out.append((s, e, label))
    return out


def cuts_latin_word(text: str, start: int, end: int) -> bool:
    """RETURNS whether a span starts or ends inside a run of Latin letters or digits (Alo|fi)."""
    def alnum(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()

    return alnum(start - 1) and alnum(start) or alnum(end - 1) and alnum(end)


_BRACKETS = BRACKET_PAIRS


def brackets_balanced(span: str) -> bool:
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


# An organisation's own channels, read by the model into its name (顺义区政府|网站).
_ORG_CHANNELS = ("官方网站", "官方微博", "网站", "官网", "微博")


def _to_org_ending(text: str, start: int, end: int, suffixes: dict[str, str]) -> int:
    """RETURNS where a model ORG ends once a tail that no organisation ends with is cut off
    after the last organisation suffix inside it (西南交通大学|桥梁, a major read on after the
    university, or 大学 of 大学学历); ``end`` when the span ends like an organisation or has
    no such suffix."""
    degree = text.startswith("学历", end)  # 省委党校|大学学历: the last suffix is a degree
    channel = next((c for c in _ORG_CHANNELS if text.endswith(c, start, end)), None)
    if channel and any(text[end - len(channel) - n:end - len(channel)] in suffixes for n in (1, 2, 3, 4)):
        return end - len(channel)  # 顺义区政府|网站: the organisation's site, not another body
    if orgs.named_org(text[start:end]) and not degree:
        return end
    for k in range(end - 1, start + 3, -1):
        if any(text[k - n:k] in suffixes for n in (2, 3, 4)):
            return k
    return end


def _known_place(name: str) -> bool:
    """RETURNS whether the gazetteer knows ``name`` as a place."""
    return gazetteer.lookup(name) is not None


def _past_locating_places(text: str, start: int, end: int, gpe_ends: dict[int, int], ent_starts: set[int]) -> int:
    """RETURNS where a model ORG starting at ``start`` begins once the places that only locate
    it are left out (SPEC: 江苏省 + 昆山市人民医院): the rules' places written one after another
    at its start, up to the last one that another entity follows (陕西省|安康市|旬阳县人民法院办公室)."""
    cur = start
    while cur in gpe_ends and gpe_ends[cur] in ent_starts and gpe_ends[cur] < end:
        cur = gpe_ends[cur]
    kind = _KIND_OF_BODY.match(text, gpe_ends[cur]) if cur in gpe_ends else None
    if kind and kind.end() in ent_starts and kind.end() < end:
        cur = kind.end()   # 上虞企业|浙江金盾风机股份有限公司: a place's firm, then the firm's own name
    return cur


def _before_title(text: str, start: int, end: int) -> int:
    """RETURNS where an ORG span ends once a title that ends it is cut off (SPEC: an organ +
    title splits); ``end`` when no title ends the span or nothing would be left of the name."""
    for p in range(start + 2, end - 1):
        if end in title_ends(text, p, end):
            return p
    # 铜峰电子原|董事长: a qualifier of the post after it (SPEC keeps 原, 前, 时任 outside) is no part
    # of the name either
    for q in QUALIFIERS:
        if end - start - len(q) >= 2 and text.endswith(q, start, end) \
                and any(j >= end + 2 for j in title_ends(text, end, min(len(text), end + 8))):
            return end - len(q)
    return end


def _facility(text: str, start: int, end: int, ents: list[tuple[int, int, str]]) -> bool:
    """RETURNS whether the model's division ``text[start:end]`` starts a facility's name
    (``places.part_of_a_facility``), given the rule entities found before it."""
    readings = gazetteer.places_by_name().get(text[start:end])
    if not readings:
        return False
    before = [Ent(s, e, lab, (gazetteer.lookup(text[s:e]) or (None, None))[1] if lab == GPE else None)
              for s, e, lab in sorted(ents) if e <= start]
    return part_of_a_facility(text, start, end, readings, before)


def _risky_alone(text: str, start: int, end: int, gpe_at_end: dict[int, int]) -> bool:
    """RETURNS whether the model's place ``text[start:end]`` is a division alias that is an
    ordinary word too (``gazetteer.risky_aliases``) with no division beside it: neither right
    after one (北京朝阳) nor in a list with one (温江、新都、万县); a region is none (成渝地区|双城)."""
    name = text[start:end]
    if name not in gazetteer.risky_aliases() or (gazetteer.lookup(name) or ("",))[0] != GPE:
        return False  # 江南 the region
    place_starts = set(gpe_at_end.values())
    beside = start in gpe_at_end or (text[start - 1:start] in _LIST_MARKS and start - 1 in gpe_at_end) \
        or (text[end:end + 1] in _LIST_MARKS and end + 1 in place_starts)
    return not beside


def _mostly_transliterated(name: str) -> bool:
    """RETURNS whether ``name`` has 3+ characters, at least half of them spelling foreign names
    (埃因霍温, 比勒菲尔德): the spelling list misses many (霍, 温)."""
    chars = gazetteer.transliteration_chars()
    return len(name) >= 3 and 2 * sum(c in chars for c in name) >= len(name)


def _transliterated(name: str) -> bool:
    """RETURNS whether every character of ``name`` (2+ characters) spells foreign names."""
    chars = gazetteer.transliteration_chars()
    return len(name) >= 2 and all(c in chars or c == "·" for c in name)


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
        return (GPE if name in _GPE_ABBREVIATIONS else LOC), None
    if name.endswith("地区"):
        stem = gazetteer.lookup(name[:-2])
        return (GPE, stem[1]) if stem is not None and stem[0] == GPE and stem[1] else (LOC, None)
    if _GPE_SUFFIX.search(name):
        return GPE, None
    if not _NATURAL_ENDING.search(name) and not _FACILITY_ENDING.search(name) and _transliterated(name):
        return GPE, None  # 克拉科夫: a foreign city no list knows
    return LOC, None
