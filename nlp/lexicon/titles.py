"""TITLE: positions and ranks (副市长, 总会计师, 党组副书记, 首席科学家).

A title is a lexicon entry or a prefix followed by a title, recursively:

- lexicon: ``titles_core.txt`` (hand-made) and ``titles.txt`` (built by
  ``python -m nlp.training.build_titles`` from the Resume NER and CLUENER train splits);
- prefixes: ``title_prefixes.txt`` (副, 常务, 代, 党组, 首席, 轮值, 名誉, 执行, 董事会, ...),
  so 常务副省长 = 常务 + 副 + 省长 and 党组副书记 = 党组 + 副 + 书记 are one TITLE.

Matching takes, at each word start that is not inside an existing entity, the longest
title that ends at a word end, where an existing entity starts, or where a Chinese name
starts (the segmenter glues 盟长斯琴 and splits 副州|长金|永哲); never before 会/会议
(常委会议: a meeting, not the post). Word boundaries keep
市长 out of 南京市长江大桥 (南京市 is already a GPE; 市长 would start inside it) and out
of 城市长期. Organ + title splits come from the order of the stages: after
``zh_news_orgs`` has written ORG 武汉市委, only 书记 is left for this stage.
"""
from __future__ import annotations

import functools
import re

from ..data import read_tsv
from ..labels import TITLE
from ..text import NAME_DOTS
from .candidates import Ent
from .names import name_at
from .words import word_flags

MAX_LEN = 12
#: SPEC keeps these outside the title (原市长, 代理局长, 时任书记): a title may start after them.
QUALIFIERS = ("代理", "代", "原", "前", "时任", "现任", "新任", "老", "新")   # 老将军, 新教练: like 原
_QUALIFIER = re.compile("|".join(QUALIFIERS))
_GENERATION = re.compile(r"[一二三四五六七八九十百0-9]代")
#: A country's permanent representative to a body (中国常驻联合国代表傅聪, 常驻世贸组织副代表):
#: 代表 is a post there, as an ambassador's 大使 is, before the holder's name (not 代表处, 代表团).
_PERMANENT_REPRESENTATIVE = re.compile(r"常驻[\u4e00-\u9fffA-Za-z]{1,12}?(副?代表)(?=[\u4e00-\u9fff])(?![处团室机在的是和与对向就将])")


@functools.lru_cache(maxsize=None)
def lexicon() -> tuple[frozenset[str], tuple[str, ...]]:
    """RETURNS (titles, prefixes longest first) from the data files."""
    titles = {f[0] for _, f in read_tsv("titles_core.txt")}
    titles |= {f[0] for _, f in read_tsv("titles.txt")}
    prefixes = sorted({f[0] for _, f in read_tsv("title_prefixes.txt")}, key=len, reverse=True)
    return frozenset(titles), tuple(prefixes)


@functools.lru_cache(maxsize=None)
def _grammar() -> tuple[frozenset[str], frozenset[str], tuple[int, ...],
                        dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """The lexicon as look-ups, built once: a match is a few set look-ups per length that
    exists instead of a scan of every prefix.

    RETURNS (titles, prefixes, prefix lengths, title lengths by first character, prefix
    lengths by first character).
    """
    titles, prefixes = lexicon()

    def lengths_by_first(words) -> dict[str, tuple[int, ...]]:
        by_first: dict[str, set[int]] = {}
        for w in words:
            by_first.setdefault(w[:1], set()).add(len(w))
        return {c: tuple(sorted(ls)) for c, ls in by_first.items()}

    return (titles, frozenset(prefixes), tuple(sorted({len(p) for p in prefixes})),
            lengths_by_first(titles), lengths_by_first(prefixes))


#: A post's aide is a post too, written after the title, with the field of the aide's brief
#: between them or not: 厂长助理, 总统特使, 总统科技顾问, 总统国家安全事务助理 (SPEC: one TITLE).
_AIDES = ("助理", "特使", "顾问")
_AIDE_FIELDS = ("科技", "国家", "安全", "事务", "法律", "政治", "军事", "经济", "外交", "特别", "私人",
                "新闻", "贸易", "金融", "高级")


#: Government functions whose organ contracts with 长 into one post (SPEC: 组织部长, 财政局长
#: are one TITLE): 宣传|部长, 公安|局长, 教育|厅长; one or two of them (经济发展|部长, a
#: foreign ministry; 外交国务|部长), and an embassy's counsellor of one (教育|参赞, 商务|参赞).
ORGAN_FUNCTIONS = frozenset(
    "宣传 组织 统战 外交 国防 财政 公安 教育 交通 卫生 商务 司法 民政 水利 农业 文化 审计 税务 环保 国土 "
    "规划 建设 人事 劳动 科技 体育 旅游 林业 统计 工商 粮食 发改 应急 人社 住建 城管 气象 信访 侨务 "
    "物价 档案 民航 铁道 外贸 经贸 计生 监察 内务 内政 经济 发展 贸易 工业 能源 国务 新闻 环境 移民 政务 "
    "政法 地震 医保 海洋 文旅 人防 海事 减灾 卫健 网信 国资 金融 大藏 外务 通产 厚生 防卫 财务 法务 文部".split())   # the last: Japan's ministries (大藏大臣)
_CONTRACTED_HEADS = ("部长", "局长", "厅长", "参赞", "大臣")


def names_its_organ(s: str) -> bool:
    """RETURNS whether ``s`` is one or two organ functions + a contracted head (宣传部长,
    经济发展部长, 教育参赞): a post that names its own organ, so that it belongs to no body
    named before it."""
    body = s[:-2]
    return s.endswith(_CONTRACTED_HEADS) and len(body) in (2, 4) \
        and all(body[k:k + 2] in ORGAN_FUNCTIONS for k in range(0, len(body), 2))


#: A company's functions, whose managers' posts are written as the function + a managerial head
#: (SPEC: company posts are TITLE): 客户总监, 工程主管, 品牌经理, 研发副总监.
BUSINESS_FIELDS = frozenset(
    "市场 销售 技术 财务 人事 人力资源 行政 运营 产品 研发 工程 客户 采购 品牌 公关 营销 设计 创意 项目 "
    "业务 区域 法务 投资 质量 生产 信息 数据 战略 内容 商务 培训 物流 渠道 招商 策划 开发 监制".split())
_MANAGER_HEADS = ("副总经理", "总经理", "副总监", "副经理", "总监", "经理", "主管")
_FIELD_OPENINGS = frozenset(f[:2] for f in BUSINESS_FIELDS)


def _field_post(s: str) -> bool:
    """RETURNS whether ``s`` is a business function + a managerial head (客户总监, 工程主管,
    营销总经理)."""
    return any(s.endswith(h) and s[:-len(h)] in BUSINESS_FIELDS for h in _MANAGER_HEADS)


def is_title(s: str) -> bool:
    """RETURNS whether ``s`` is a title: a lexicon entry or prefix + title."""
    titles, prefixes, prefix_lens, _, _ = _grammar()
    if s in titles:
        return True
    if names_its_organ(s) or _field_post(s):
        return True  # 宣传部长, 公安局长, 经济发展部长: a contracted organ + 长
    if s.endswith(_AIDES) and any(is_title(s[:j]) for j in _aide_heads(s[:-2])):
        return True  # 厂长助理, 总统特使: the aide to a post holds a post
    # The title after a prefix has at least two characters (副 + 省长, not 副 + 长).
    return any(len(s) > n + 1 and s[:n] in prefixes and is_title(s[n:]) for n in prefix_lens)


#: 代表 is a post only as a deputy to a people's congress: after its organ it is the TITLE (SPEC:
#: organ + title splits, 全国人大 + 代表, 长春市人大 + 代表, as 全国政协 + 委员); written whole
#: with no organ before it, 人大代表 is one TITLE.
_CONGRESS, _DEPUTY = "人大", "代表"


def title_ends(text: str, i: int, limit: int) -> set[int]:
    """RETURNS every ``j <= limit`` for which ``is_title(text[i:j])``.

    The same grammar as ``is_title``, read forwards from ``i``: all the titles starting at
    one offset are found at once, trying only the lengths of the entries that start with
    ``text[i]``, instead of testing every candidate end separately.
    """
    titles, prefixes, _, title_lens, prefix_lens = _grammar()
    first = text[i:i + 1]
    ends = {i + n for n in title_lens.get(first, ()) if i + n <= limit and text[i:i + n] in titles}
    for n in prefix_lens.get(first, ()):
        k = i + n
        if k + 2 <= limit and text[i:k] in prefixes:
            ends.update(j for j in title_ends(text, k, limit) if j >= k + 2)
    ends.update(i + n for n in (4, 6) if i + n <= limit and names_its_organ(text[i:i + n]))   # 宣传部长
    if text[i:i + 2] in _FIELD_OPENINGS:
        ends.update(i + n for n in (4, 5, 6, 7) if i + n <= limit and _field_post(text[i:i + n]))   # 客户总监
    ends.update(_aide_ends(text, [j for j in ends if j - i >= 2], limit))
    if text.startswith(_DEPUTY, i) and text[i - 2:i] == _CONGRESS and i + 2 <= limit:
        ends.add(i + 2)   # 全国人大|代表
    return ends


def _aide_heads(s: str) -> list[int]:
    """RETURNS the lengths of ``s`` with only aide fields after them (the candidate head
    titles of an aide's post written as ``s`` + 助理)."""
    out, k = [len(s)], len(s)
    while k >= 4 and s[k - 2:k] in _AIDE_FIELDS:
        k -= 2
        out.append(k)
    return [k for k in out if k >= 2]


def _aide_ends(text: str, heads: list[int], limit: int) -> set[int]:
    """RETURNS the ends of the aides' posts written after the titles ending at ``heads``."""
    out = set()
    for j in heads:
        k = j
        for _ in range(4):   # up to three fields
            if text.startswith(_AIDES, k) and k + 2 <= limit:
                out.add(k + 2)
            if text[k:k + 2] not in _AIDE_FIELDS:
                break
            k += 2
    return out


# A title word followed by these is part of another word: 常委会议, 常委会 (a body, not a
# post); 主管部门, 主管单位 (the supervising body). Not the verbs of a meeting that open with 会:
# 江泽民主席会见, 克林顿总统会晤.
# 们 and 候选人 after a post name its holders in general, not a post held (议员们, 总统候选人).
_NOT_AFTER = ("会议", "会", "部门", "单位", "机构", "机关", "们", "候选人")
_MEETING_VERBS = ("会见", "会晤", "会谈", "会面", "会商", "会同")


# A title and the character after it that a dictionary knows as a word of its own (理事国,
# 主席台, 总统府, 排长队): no post. Words ending in these are still titles, or a title and
# 兼 (司令官, 书记长, 大将军, 总裁兼).
_TITLE_WORD_ENDS = frozenset("官长军兼")


def _glued_to_next(text: str, i: int, j: int) -> bool:
    """RETURNS whether the title ``text[i:j]`` and the character after it are one word."""
    word = text[i:j + 1]
    return len(word) > j - i and word[-1] not in _TITLE_WORD_ENDS and word in word_flags() \
        and not word_flags()[word].startswith("nr") and not is_title(word)


def _name_follows(text: str, j: int) -> bool:
    """RETURNS whether a Chinese name (surname + given name) or a foreign name written with a
    middle dot starts at ``j``.

    Lets a title end inside a word when the segmenter glued it to the name after it
    (盟长斯琴|巴特尔, 副州|长金|永哲, 上尉|纳特·克里斯滕森).
    """
    return j < len(text) and (name_at(text, j, set(), set()) is not None or _DOT_NAME_AT.match(text, j) is not None)


#: A foreign name written with a middle dot: its given name, the dot, a letter of its surname.
_DOT_NAME_AT = re.compile(rf"[\u4e00-\u9fff]{{1,6}}[{NAME_DOTS}][\u4e00-\u9fff]")


#: Titles that are also verbs: after a name and before no name they are the verb (《微积分》
#: 李梦如主编: edited by), not the post (主编张三, 张三，《读书》主编).
_ALSO_VERBS = frozenset({"主编"})


def _verb_after_a_name(text: str, i: int, j: int) -> bool:
    """RETURNS whether ``text[i:j]`` is a title that is also a verb, written right after a
    Chinese name and before no name (申思、何惠主编)."""
    return text[i:j] in _ALSO_VERBS and not _name_follows(text, j) \
        and any(name_at(text, k, set(), set()) == i for k in (i - 3, i - 2) if k >= 0)


def _script_changes(text: str, j: int) -> bool:
    """RETURNS whether a Latin title ends at ``j`` before a Chinese character (CEO|蒂姆·库克,
    which the segmenter may write as one word)."""
    return 0 < j < len(text) and text[j - 1].isascii() and text[j - 1].isalpha() and "\u4e00" <= text[j] <= "\u9fff"


def stands_as_a_post(text: str, i: int, j: int) -> bool:
    """RETURNS whether the title ``text[i:j]`` names a post in its context: not part of a body
    or a class of people after it (常委|会议, 理事|单位, 总统|候选人), nor a verb after a name
    (申思、何惠主编)."""
    return (not text.startswith(_NOT_AFTER, j) or text.startswith(_MEETING_VERBS, j)) \
        and not _verb_after_a_name(text, i, j)


def find_titles(text: str, starts: set[int], ends: set[int], blocked: list[tuple[int, int]]) -> list[Ent]:
    """TITLE entities in ``text``: leftmost-longest, at word boundaries, outside ``blocked``.

    starts, ends: word boundaries (character offsets); blocked: spans of existing entities.
    RETURNS (list[Ent]).
    """
    # SPEC keeps 代/代理, 原, 前, 时任... outside the title: a title may start after one the
    # segmenter glued to it (代市长); 代 after a numeral counts generations (八代|将军)
    starts = starts | {m.end() for m in _QUALIFIER.finditer(text) if m.start() in starts}
    starts -= {m.start() + 1 for m in _GENERATION.finditer(text)}
    inside = set()
    ent_starts = set()
    for s, e in blocked:
        inside.update(range(s, e))
        ent_starts.add(s)
    out: list[Ent] = []
    i, n = 0, len(text)
    while i < n:
        if i in inside or i not in starts:
            i += 1
            continue
        # The longest title that ends at a boundary; titles are rare, so find the titles
        # first and test the (costlier) boundary conditions on those only.
        for j in sorted(title_ends(text, i, min(n, i + MAX_LEN)), reverse=True):
            if j >= i + 2 and (j in ends or j in ent_starts or _name_follows(text, j) or _script_changes(text, j)) \
                    and not inside.intersection(range(i, j)) and stands_as_a_post(text, i, j) \
                    and (not _glued_to_next(text, i, j) or _name_follows(text, j)):
                if text[j - 1:j + 1] == "长官" and not is_title(text[i:j + 1]):
                    out.append(Ent(j - 1, j + 1, TITLE))   # 韩国外交部|长官: Korea's minister, not 外交部长
                    i = j + 1
                    break
                out.append(Ent(_after_a_named_office(text, i, j), j, TITLE))
                i = j
                break
        else:
            i += 1
    for m in _PERMANENT_REPRESENTATIVE.finditer(text):
        if not inside.intersection(range(m.start(1), m.end(1))) and all(e.end <= m.start(1) or e.start >= m.end(1) for e in out):
            out.append(Ent(m.start(1), m.end(1), TITLE))
    return sorted(out, key=lambda e: e.start)


def _after_a_named_office(text: str, i: int, j: int) -> int:
    """RETURNS where the title ``text[i:j]`` starts: after 办公室 when the office has a name of
    its own before it (社会事务办公室|主任, 县政府办公室|主任: SPEC's organ + title), else ``i``."""
    if text.startswith("办公室", i) and i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" \
            and text[i - 1] not in "原前任兼" and is_title(text[i + 3:j]):
        return i + 3
    return i
