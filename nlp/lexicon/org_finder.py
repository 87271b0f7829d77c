"""ORG by rules: known national bodies, and a name + organisation suffix grammar.

Reads the entities found before it (its anchors are the GPEs). Data (``nlp/data/README.md``):
``orgs_known.txt`` (国务院, 工信部, 中国工程院, ...), ``org_suffixes.tsv`` (suffix + kind),
``org_stopwords.txt`` (where a company name stops when read leftwards).

Rules, by anchor:

- a known organisation, possibly followed by a business line and suffixes (国务院 + 办公厅,
  新浪 + 娱乐);
- a GPE (or 中共 + GPE) followed by an organ suffix (武汉市委, 湖北省人民政府), or by a short
  middle (2–8 characters, no punctuation or function word) and a weak or organ suffix
  (湖北省统计局, 中国标准化协会, 山东省通信管理局);
- a strong (company) suffix, whose name is read leftwards over words up to punctuation, a
  stop word, a time word or 12 characters, stepping over a bracketed place
  (星河（苏州）智能科技有限公司); a generic word before it (各, 该, 上市) means no name;
- a ``named`` suffix (联盟, 协会, 研究院) read leftwards the same way, over 2–8 characters of
  whole words (宽带发展联盟);
- ``head`` suffixes (大学, 日报, 海关) also right after a place (兰州大学).

Organisations are then widened to one maximal span: a sub-unit named after one joins it
(国家卫生健康委员会医政司, 教育部高校学生司). A place right before a place-anchored one only
locates it and stays apart (SPEC: 江苏省 + 昆山市人民医院), except after 中共 (中共湖北省委).
Middles may contain 和 (湖北省发展和改革委员会) but no other
entity (武汉市和襄阳市人民政府 is no organisation).

A suffix must end at a word boundary or right before a title (武汉市委|书记), and
suffixes that follow each other chain (集团 + 公司). The first suffix after the anchor
ends the organisation, so 湖北省统计局局长 gives ORG 湖北省统计局 and leaves 局长 to
``zh_news_titles``; a place before a title (武汉市副市长) stays a GPE. Entities are
merged with ``replace_contained`` (``nlp/pipeline/merge.py``): the ORG 湖北省人民政府 replaces
the GPE 湖北省.
"""
from __future__ import annotations

import functools

import regex

from ..labels import GPE, LOC, ORG
from ..text import ORG_NAME_BREAK
from . import gazetteer, orgs
from .orgs import STOCK_CODE
from .candidates import Ent
from .gazetteer import ADMIN_SUFFIXES
from .names import surnames
from .places import MATCHER as PLACES, STREET_AFTER
from .titles import ORGAN_FUNCTIONS, title_ends
from .words import char_flags, word_flags

MAX_MIDDLE = 10
MAX_NAME = 12
# Before a company suffix, these words make the phrase generic (各铁路局集团公司, 该公司):
# no organisation is named.
_GENERIC = frozenset({"各", "该", "本", "这", "那", "每", "各家", "多家", "一家", "两家", "几家", "一些", "其他", "其它", "所有",
                      "相关", "有关", "上市", "国有", "民营", "外资", "中小", "外国", "国外", "境外", "国内",
                      "许多", "多数", "少数", "不少", "部分", "大批", "众多", "诸多",
                      "大多数", "绝大多数", "大部分", "绝大部分", "很多"})
# jieba's flags of a brand's name (西门子 nr, 三星 nz, 丰田 nt), as against common words
# (电话电报, 广播) that with a country make the company's own name (英国广播公司)
_BRAND_FLAGS = frozenset({"nr", "nz", "nt", "ns"})
# Words that introduce an organisation's other name: no part of either name.
_ALIAS_WORD = regex.compile(r"简称|又称|原名|全称|俗称")
# A rank or a count before a company word describes companies, names none (美国第三大|汽车
# 工业公司, 一个跨国汽车公司).
# Verbs of a company's dealings written right before 公司/集团: the head word refers back.
_DEAL_VERBS = ("减持", "增持", "收购", "持有", "入股", "成立", "创办", "创立", "注册", "起诉",
               "举报", "加盟", "加入", "离开", "进入", "退出", "回购", "出售", "注销")
_RANK_OR_COUNT = regex.compile(r"第[一二三四五六七八九十百\d]+大|[一两几每][个所座间处栋]")
# jieba's flags of words that never open a company's name: conjunctions, adverbs, pronouns,
# prepositions, time words, classifiers (１２２个|种子公司)
_NO_NAME_FLAGS = frozenset({"c", "d", "r", "p", "t", "q"})
# Words naming a time end a company name read leftwards (今年|集团, 一季度|公司).
# A word with a time character inside is no time word (日用品, 明基, 今日头条).
# A word of digits and Latin letters is a brand (17K|小说网, 3D|互联), not a count.
_TIME_WORD = regex.compile(r"^(?!.*[A-Za-z]).*\d|(?:年|月|日|号|季度)$|^(?:今|去|明|此前|目前|近日|日前|期间)$")
# A middle opening with a count of places (两省, 各市, 全县) names no single organisation.
# Organs named by their level alone (县委, 市人大常委会, 镇党委), ORG before a title; a school's,
# a factory's or a bureau's party committee by its kind alone (校党委, 厂党总支, 局党委).
_BARE_ORGAN = regex.compile(r"(?:自治区|[省市县区州])(?:委|党委|人大常委会|人大|政协|纪委|(?P<government>人民政府|政府))"
                            r"|[镇乡](?:党委|人大|纪委|(?P<government>人民政府|政府))|[校厂局院所站](?:党委|党总支|纪委)")
# The organs of a level written side by side (市委、市政府, 省委、省政府, 市委市政府): each names the body of
# the place the text is about, as its bare form before a title does.
_ORGAN_BEFORE = regex.compile(r"(?:委|政府|政协|纪委|人大常委会)、$")
# A news item's opening source: the paper or site, then 讯 and the byline or the time
# (晨报讯（记者…）, 新浪科技讯 北京时间…), or a paper named as such before 讯 or 记者 (晨报讯沪上…,
# 东方早报记者刘秀浩): the name is the medium, an ORG.
_BYLINE = regex.compile(r"^\s*(?:([\p{Han}A-Za-z0-9]{2,8}?)讯(?=[（(【\[]|\s*记者|\s*北京时间|\s*\d)"
                       r"|(\p{Han}{1,6}(?:报|网|社|刊|台|杂志))(?:讯|记者))")
# A newspaper or magazine named in title marks (《法制日报》记者, 《商业周刊》杂志) is the medium,
# an ORG (SPEC: media are ORG; other titles of works are not).
_MEDIUM_TITLE = regex.compile(r"《(\p{Han}{1,10}(?:报|周刊|月刊|杂志|画报))》")
# The source a report cites (据红星新闻报道, 据钱江晚报消息): a medium, ORG. Its name ends in a
# medium's head word and stands between 据 and 报道/报导/消息.
_CITED_MEDIUM = regex.compile(r"(?<=据)([\p{Han}A-Za-z]{1,10}?(?:新闻|日报|晚报|晨报|早报|时报|商报|周报|都市报|青年报"
                              r"|新闻网|(?<!官)网|报|社|电视台|卫视|周刊|杂志))(?=报道|报导|消息)")   # not 官网, a body's site
# A functional organ named by its function alone, with or without its level (民政局, 区信访办,
# 县教育局, 自治区地震局, 省应急管理厅): SPEC's short organs. Not the contracted title (民政局长) or 部门/部分 (财政部门).
_FUNCTIONAL_ORGAN = regex.compile(
    rf"(?:自治区|[省市县区州])?(?:{'|'.join(sorted(ORGAN_FUNCTIONS, key=len, reverse=True))})(?:监督管理|管理|事务)?(?:局|厅|办|委|部)(?![长门分])")
# A known body right after these places is theirs, one ORG (中国银监会, 香港证监会); a
# company after a place stays apart (北京 + 新浪).
_NATIONAL_PLACES = frozenset({"中国", "香港", "澳门", "台湾"})
_BODY_ENDINGS = frozenset("会局委院部署办厅")
# A known organ that every level of government has, named without its level (发改委, 卫健委,
# 网信办): after a division it is that division's organ, one ORG (湖北省发改委, like 湖北省统计局).
# Not a national body (北京|国务院新闻办: the place locates the meeting).
_LEVEL_FREE_ENDINGS = frozenset("委办")
_NATIONAL_STARTS = ("国", "中", "全国")
_CENTRAL_BODIES = ("国务院", "中共中央", "党中央", "中央", "全国人大", "全国政协")
_COUNTED_PLACES = regex.compile(r"[两二三四五六七八九十几多各全某本该][省市县区州]")
# 和 joins the two halves of an organ's name (发展和改革委员会, 住房和城乡建设局).
_JOINERS = frozenset({"和", "与"})
# A country or region in brackets right after an organisation's name (渣打银行（中国）).
_BRACKETED_PLACE = regex.compile(r"[（(](?:中国|香港|澳门|台湾|亚洲|亚太|美国|英国|日本|韩国|新加坡|欧洲)[）)]")
# Posts that only a company has: the name right before one is a company's, written with or
# without a suffix (华映星球|董事长, 新东方在线|副总裁), when a person's name follows.
_COMPANY_POST = regex.compile(r"(?:常务|执行|联席|联合)?副?(?:董事长|董事局主席|董事会主席|总裁|首席执行官|董事总经理|总经理)"
                              r"|CEO|CFO|COO|CTO")
# A unit of a company (华北区, 现金管理部, 格拉斯小镇) ends with one of these: its company is named before it.
_UNIT_ENDINGS = frozenset("区部处科室组镇")
_BRAND_BEFORE_POST = 8  # at most this many characters: a longer run is a unit or a project
# jieba flags that end a company name read leftwards from its post: those of ``_NO_NAME_FLAGS``,
# verbs, particles and locality words (他是|公司, 担任|总经理, 云集了|美国)
_NOT_IN_BRAND = frozenset("cdrptqvufye")
# jieba flags of names (华夏 ns, 华润 nz, 深国投 nt; None: a word jieba does not know, 华映):
# a company's name holds one; common words alone name a kind of body (国有企业, 股份行信用卡)
_NAME_WORD_FLAGS = frozenset({None, "nz", "nt", "nr", "ns", "nrt", "nrfg", "j", "eng"})
# Qualifiers written between a company's name and its post (铜峰电子|原|董事长).
_POST_QUALIFIERS = frozenset({"原", "前", "现", "现任", "时任", "新任", "代理"})
#: ... those of two characters, which no sub-unit's name opens with (原子能研究所 does with 原)
_POST_QUALIFIERS_JOINED = tuple(q for q in _POST_QUALIFIERS if len(q) == 2)
# Words that qualify a post, not a company (原|华润深国投信托, 资深|副总经理), and 某 (某股份行)
_BEFORE_A_NAME = _POST_QUALIFIERS | {"资深", "高级", "首席", "某"}
_BREAK = ORG_NAME_BREAK
#: Industries that name a company after its city or province, before a company's post (青岛啤酒,
#: 云南白药, 江西铜业董事长): general knowledge of Chinese listed companies' names.
_INDUSTRY_AFTER_A_PLACE = frozenset("啤酒 白药 铜业 钼业 铝业 电气 照明 钢铁 医药 汽车 能源 化工 建工 港务 高速 电力 燃气 "
                                    "水务 旅游 传媒 矿业 黄金 水泥 玻璃 重工 机械 电子 纺织 石化 机场 国贸 交通".split())
#: A university's campus named in brackets after it by its place or region (哈尔滨工业大学（威海）).
_CAMPUS = regex.compile(r"[（(](\p{Han}{2,4})[）)]")
_OPEN, _CLOSE = "（(", "）)"


@functools.lru_cache(maxsize=None)
def _index() -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]],
                      dict[str, tuple[int, ...]], int]:
    """Lengths of the names of ``orgs.known()`` and ``orgs.suffixes()``, longest first, so a match tries only lengths that
    exist (built once, not per document):

    RETURNS (known organisations of 2+ characters by first character, suffixes by last
    character, strong and named suffixes by last character, suffixes of 2+ characters by
    first character, longest suffix).
    """
    known, suffixes = orgs.known(), orgs.suffixes()

    def lengths(names, key) -> dict[str, tuple[int, ...]]:
        by_char: dict[str, set[int]] = {}
        for name in names:
            by_char.setdefault(key(name), set()).add(len(name))
        return {c: tuple(sorted(ls, reverse=True)) for c, ls in by_char.items()}

    return (lengths((k for k in known if len(k) >= 2), lambda w: w[0]),
            lengths((x for x in suffixes if x), lambda w: w[-1]),
            lengths((x for x, kind in suffixes.items() if x and kind in ("strong", "named")), lambda w: w[-1]),
            lengths((x for x in suffixes if len(x) >= 2), lambda w: w[0]),
            max(map(len, suffixes)))


# Regions that head organisations like a place does (东亚银行, 华南理工大学, 西北大学).
_REGION_ANCHORS = frozenset({"东亚", "东南亚", "南亚", "西亚", "中亚", "北美", "南美", "拉美", "欧洲", "亚洲", "非洲",
                             "亚太", "华北", "华东", "华南", "华中", "西南", "西北", "东北", "中南", "华侨"})


class OrgFinder:
    """Find ORG candidates in one text, given its words and its existing entities."""

    def __init__(self, text: str, words: list[tuple[int, int]], ents: list[tuple[int, int, str]]):
        self.text = text
        self.words = words
        self.starts = {s for s, _ in words}
        self.ends = {e for _, e in words}
        self.ents = ents
        self.known, self.suffixes, self.stops = orgs.known(), orgs.suffixes(), orgs.stop_words()
        self.lines = orgs.lines()
        (self.known_lens, self.suffix_lens_by_last, self.company_lens_by_last, self.suffix_lens_by_first,
         self.max_suffix) = _index()
        self.covered = {i for s, e, lab in ents if lab != GPE for i in range(s, e)}
        self.ent_starts = {s for s, _, _ in ents}
        self.gpe_starts = {s for s, _, lab in ents if lab == GPE}
        self.place_spans = {(s, e) for s, e, lab in ents if lab in (GPE, LOC)}
        self.loc_spans = {(s, e) for s, e, lab in ents if lab == LOC}
        self.word_set = set(words)

    def find(self) -> list[Ent]:
        """RETURNS ORG candidates (may overlap; the writer keeps the longest)."""
        out = self.known_orgs()
        for s, e, label in self.ents + self.places_inside_words():
            region = label == LOC and self.text[s:e] in _REGION_ANCHORS
            if label == GPE or region:
                start = s - 2 if self.text[max(0, s - 2):s] == "中共" else s
                end = self.after_anchor(e, place=True, region=region)
                if end is not None and not STREET_AFTER.match(self.text, end):  # 赛罕区大学|西街
                    out.append(Ent(start, end, ORG))
        out += self.companies()
        out += self.bare_organs()
        out += self.byline()
        out += self.names_before_company_posts()
        out += [Ent(m.start(1), m.end(1), ORG) for m in _MEDIUM_TITLE.finditer(self.text)]
        out += self.cited_media()
        return [self.without_foreign_locator(o) for o in map(self.before_alias, self.widen(out))
                if o.end - o.start >= 2]

    def before_alias(self, org: Ent) -> Ent:
        """An organisation's name ends before 简称/又称/原名 and the other name after it
        (曲周县第一中学|简称曲周一中): two names, never one."""
        m = _ALIAS_WORD.search(self.text, org.start, org.end)
        return org if m is None else Ent(org.start, m.start(), ORG)

    def without_foreign_locator(self, org: Ent) -> Ent:
        """SPEC: a leading place that only locates an organisation named after another place,
        or a company or school named by a brand or a name of its own, stays apart: 日本 +
        横滨华侨总会, 德国 + 西门子公司, 美国 + 哈佛大学. A foreign country
        before an organisation named after it, or after common words, stays in (美国国务院,
        英国广播公司)."""
        country_end = next((e for s, e, lab in self.ents if s == org.start and lab == GPE and e < org.end
                        and self.text[s:e] != "中国"
                        and gazetteer.foreign_place_types().get(self.text[s:e]) == "country"), None)
        if country_end is None:
            return org
        places = PLACES.find(self.text[country_end:org.end])
        if country_end in self.gpe_starts or (places and places[0].start == 0):
            return Ent(country_end, org.end, ORG)        # 日本|横滨华侨总会
        suffix = max(self._suffixes_ending_at(org.end), key=len, default="")
        brand_end = next((e for s, e in self.words if s == country_end), None)   # the word after the country
        if self.suffixes.get(suffix) in ("strong", "head", "weak") and brand_end is not None \
                and brand_end <= org.end - len(suffix):
            brand = self.text[country_end:brand_end]
            flag = word_flags().get(brand)
            if brand in self.known or flag in _BRAND_FLAGS or (flag is None and len(brand) >= 2):
                return Ent(country_end, org.end, ORG)    # 德国|西门子公司, 美国|哈佛大学, 加拿大|西门菲沙大学
        return org

    def bare_organs(self) -> list[Ent]:
        """A level's organ written without its place right before a title (县委|副书记,
        区人大常委会|副主任), or coordinated with another organ (市委、市政府), and a functional
        organ named by its function (民政局, 区信访办): ORG, since SPEC splits organ + title and
        counts short organs as ORG. After a place the organ is read with it (武汉市委)."""
        out = []
        for m in _BARE_ORGAN.finditer(self.text):
            s, e = m.span()
            if s not in self.starts or s in self.covered or (s - 1) in self.covered:
                continue
            paired = _ORGAN_BEFORE.search(self.text, 0, s) is not None \
                or (self.text[e:e + 1] == "、" and _BARE_ORGAN.match(self.text, e + 1) is not None) \
                or (m["government"] is None and _BARE_ORGAN.match(self.text, e) is not None)  # 市委市政府
            # a level's government is that body wherever it stands (县政府决定, 自治区人民政府在…)
            if paired or (m["government"] and self._ends_ok(e)) \
                    or any(j >= e + 2 for j in title_ends(self.text, e, min(len(self.text), e + 8))):
                out.append(Ent(s, e, ORG))
        for m in _FUNCTIONAL_ORGAN.finditer(self.text):
            s, e = m.span()
            if s in self.starts and not self.covered.intersection(range(s - 1, e)) and self._ends_ok(e):
                out.append(Ent(s, e, ORG))
        return out

    def byline(self) -> list[Ent]:
        """The medium named at the opening of a news item before 讯 (晨报讯（记者…）)."""
        m = _BYLINE.match(self.text)
        g = 1 if m is not None and m[1] else 2   # the paper or site (晨报讯, 东方早报记者)
        if m is None or m[g] == "本报" or any(lab != GPE and s < m.end(g) and m.start(g) < e
                                             for s, e, lab in self.ents):
            return []
        return [Ent(m.start(g), m.end(g), ORG)]

    def cited_media(self) -> list[Ent]:
        """The medium a report cites (据红星新闻报道, 据钱江晚报消息), where no entity other than
        a place the name opens with (北京青年报) is read inside it."""
        out = []
        for m in _CITED_MEDIUM.finditer(self.text):
            s, e = m.span(1)
            if s in self.starts and not any(lab != GPE and st < e and s < en for st, en, lab in self.ents):
                out.append(Ent(s, e, ORG))
        return out

    def names_before_company_posts(self) -> list[Ent]:
        """A company named without a suffix right before a post only companies have, itself
        before a person's name (华映星球|董事长|胡劲松, 美国|史带金融财团|董事局主席|莫里斯): ORG.
        The name is read leftwards over whole words up to a clause break, an entity (a place
        before it only locates it) or a word no name holds; one common word or a few of them
        (公司, 国有企业, 现任) name a kind of body, not one."""
        out = []
        single = surnames()[0]
        gpe_ends = {e: s for s, e, lab in self.ents if lab == GPE}
        for m in _COMPANY_POST.finditer(self.text):
            p, q = m.span()
            nxt = self.text[q:q + 1]
            if p not in self.starts or not (nxt in single or nxt in "兼、" or nxt.isascii() and nxt.isalpha()) \
                    or q not in title_ends(self.text, p, q):
                continue
            # a qualifier of the post stands between the name and the post (铜峰电子|原|董事长),
            # or its scope (沃尔沃汽车|全球|总裁)
            p = next((s for s, e in self.words if e == p and self.text[s:e] in _POST_QUALIFIERS), p)
            if self.text.endswith("全球", 0, p) and p - 2 in self.starts:
                p -= 2
            code = STOCK_CODE.search(self.text, max(0, p - 14), p)
            if code:   # 辽宁成大(600739)董事长: the company's stock code between the name and the post
                p = code.start()
                if p not in self.ends:
                    continue
            if self._suffixes_ending_at(p):
                continue
            words = sorted(((s, e) for s, e in self.words if e <= p), reverse=True)
            start = p
            for s, e in words:
                w = self.text[s:e]
                flag = _flag(w)
                if e != start or s in self.ent_starts or self.covered.intersection(range(s, e)) \
                        or any(c in _BREAK or c in _OPEN or c in _CLOSE or c.isdigit() for c in w) \
                        or w in self.stops or w in _BEFORE_A_NAME or (flag or "x")[:1] in _NOT_IN_BRAND \
                        or p - s > _BRAND_BEFORE_POST:
                    break
                start = s
            if (code or self.text[start:p] in _INDUSTRY_AFTER_A_PLACE) and start in gpe_ends \
                    and not self._locator(gpe_ends[start], start):
                start = gpe_ends[start]   # a listed company's name opens with its province (贵州茅台, 辽宁成大, 青岛啤酒)
            elif start in self.covered or start - 1 in self.covered and start not in gpe_ends \
                    or start in gpe_ends and not self._locator(gpe_ends[start], start) \
                    or self.text[p - 1] in _UNIT_ENDINGS:
                continue  # the name runs on into another entity (中原|房地产华北区), or is a unit
            name, before = self.text[start:p], next((self.text[s:e] for s, e in words if e == start), "")
            flags = [_flag(self.text[s:e]) for s, e in self.words if start <= s and e <= p]
            if len(name) < 2 or name in _GENERIC or any(name.startswith(g) for g in _GENERIC) \
                    or before in _GENERIC or before == "某" or not any(f in _NAME_WORD_FLAGS for f in flags):
                continue
            out.append(Ent(start, p, ORG))
        return out

    def _locator(self, start: int, end: int) -> bool:
        """RETURNS whether the GPE ``text[start:end]`` reads as a locator before a name: a
        country, or a division by its full name (晋城市), not a short name a brand may start
        with (中原|地产)."""
        name = self.text[start:end]
        return gazetteer.foreign_place_types().get(name) == "country" or name in _NATIONAL_PLACES \
            or name[-1] in ADMIN_SUFFIXES

    def widen(self, orgs: list[Ent]) -> list[Ent]:
        """Make each organisation one maximal span.

        - a sub-unit named after it joins it (国家卫生健康委员会 + 医政司, 教育部 + 高校学生司,
          中南大学湘雅医院 + 心脏大血管外科): a middle of whole words and a suffix, as after a
          place;
        - after 中共, the places of the party committee join it (中共|湖北省委); other places
          before a place-anchored organisation stay apart (SPEC: 江苏省 + 昆山市人民医院).
        """
        gpes = {e: s for s, e, lab in self.ents if lab == GPE}
        out = []
        for o in orgs:
            start, end = o.start, o.end
            for _ in range(3):
                nxt = self.after_anchor(end, place=False)
                if nxt is None or nxt <= end or self._title_over(end, nxt) or self.text.startswith(_POST_QUALIFIERS_JOINED, end):
                    break   # (锦州医科大学|新任党委书记: a qualifier of the post, no sub-unit's name)
                end = nxt
            bracket = _BRACKETED_PLACE.match(self.text, end)
            if bracket and end + 1 in self.gpe_starts and self.text[start:end] not in self.suffixes:
                end = self.chain(bracket.end())  # 渣打银行（中国）: the arm in a country is one ORG
            campus = _CAMPUS.match(self.text, end) if self.text.endswith(("大学", "学院"), start, end) else None
            if campus and ((end + 1, campus.end() - 1) in self.place_spans or campus[1] in gazetteer.locations()):
                end = campus.end()   # 哈尔滨工业大学（威海）, 中国石油大学（华东）: a campus named by its place
            if self.text[start:start + 2] == "中共":
                while start in gpes:
                    start = gpes[start]
            elif self.text[gpes.get(start, start):start] in _NATIONAL_PLACES and self.text[start:end] in self.known \
                    and self.text[end - 1] in _BODY_ENDINGS:
                start = gpes[start]   # 中国|银监会, 香港|证监会: the body's full name
            elif start in gpes and self.text[start:end] in self.known and self.text[end - 1] in _LEVEL_FREE_ENDINGS \
                    and not self.text.startswith(_NATIONAL_STARTS, start) \
                    and gazetteer.division_code(self.text[gpes[start]:start]):
                start = gpes[start]   # 湖北省|发改委: the division's own organ
            out.append(Ent(start, end, ORG))
        return out

    # -- anchors ------------------------------------------------------------------------
    def known_orgs(self) -> list[Ent]:
        """Known organisations at word starts, extended by following suffixes."""
        out, n = [], len(self.text)
        resume = 0  # after a match, the search goes on from the end of the known name
        for i in sorted(self.starts):
            if i < resume or i >= n or i in self.covered:
                continue
            # the lengths of the known names starting with this character, longest first
            for j in (i + length for length in self.known_lens.get(self.text[i], ()) if i + length <= n):
                if self.text[i:j] in self.known and (self._ends_ok(j) or self.chain(j) > j):
                    # an arm named by a business line: 新浪|娱乐, 中信|证券
                    j = next((we for ws, we in self.words if ws == j and self.text[ws:we] in self.lines), j)
                    out.append(Ent(i, self.chain(j), ORG))
                    resume = j
                    break
        return out

    def places_inside_words(self) -> list[tuple[int, int, str]]:
        """GPEs that begin a longer word (湖北省人民政府 segmented as one word).

        The places stage only matches whole words; here such a place becomes an anchor,
        and its end a word boundary.
        """
        out = []
        taken = {s for s, _, _ in self.ents}
        for s, e in self.words:
            if e - s < 3 or s in taken or s in self.covered:
                continue
            found = PLACES.find(self.text[s:e])
            if found and found[0].start == 0 and found[0].label == GPE and found[0].end < e - s:
                out.append((s, s + found[0].end, GPE))
                self.starts.add(s + found[0].end)
        return out

    def _division_before(self, a: int) -> bool:
        """RETURNS whether a GPE ending at ``a`` is a Chinese division (not 美国 of 美国国务院)."""
        return any(e == a and lab == GPE and gazetteer.division_code(self.text[s:e]) for s, e, lab in self.ents)

    def after_anchor(self, a: int, place: bool, region: bool = False) -> int | None:
        """End of an organisation whose name part ends at ``a`` (a place's end), or None.
        After a region only suffixes of two characters or more other than 中心 count
        (非洲大陆中心 is the middle of the continent)."""
        text = self.text
        if place and text.startswith(_CENTRAL_BODIES, a) and self._division_before(a):
            return None   # 在北京|国务院新闻办公室: no division has these; the place locates them
        for k in range(a + 1, min(len(text), a + MAX_MIDDLE + self.max_suffix) + 1):
            if text[k - 1] in _BREAK or (k - 1) in self.covered:
                return None
            for suf in self._suffixes_ending_at(k):
                kind = self.suffixes[suf]
                mid = text[a:k - len(suf)]
                if k - len(suf) < a or kind == "strong" or region and (len(suf) < 2 or suf == "中心"):
                    continue
                if len(suf) == 1 and ((k - 2, k) in self.word_set or text[k - 2:k] in orgs.NOT_SUFFIXED):
                    continue  # 大厅, 主办, 打官司: the character ends an ordinary word
                if suf == "委" and not (mid == "" and text[a - 1] in ADMIN_SUFFIXES):
                    continue  # 武汉市委, not 武汉发展委
                if suf == "所" and (self._passive_before(a) or mid.endswith("中")):
                    continue  # 被荷兰球迷所占领, 在战俘营中所遭受: 所 + verb is a particle, no office
                if suf == "系" and text[k - 2:k] != "学系" and text[k - 2:k] in word_flags():
                    continue  # 金融体系, 中美关系, 长江水系: a word, no department (but 哲学系)
                if suf == "部" and mid and all(c in "东西南北中" for c in mid):
                    continue  # 阿根廷西南部: a part of the country, no ministry
                if (kind in ("organ", "head") and mid == "" and place) or self._good_middle(a, mid, suf):
                    if self._ends_ok(k):
                        return self.chain(k)
        return None

    def companies(self) -> list[Ent]:
        """Names read leftwards from strong (company) suffixes."""
        out = []
        text = self.text
        for k in sorted(self.ends):
            # only the lengths of strong/named suffixes that end with this character
            lens = self.company_lens_by_last.get(text[k - 1], ()) if k > 0 else ()
            sufs = [text[k - n:k] for n in lens
                    if n <= k and self.suffixes.get(text[k - n:k]) in ("strong", "named")]
            if not sufs:
                continue
            suf = max(sufs, key=len)
            start = self._name_start(k - len(suf))
            if start is not None and self.suffixes[suf] == "named":
                start = self._named_start(start, k - len(suf))
            if start is not None and orgs.industry_only(self.text[start:k - len(suf)]):
                continue   # 注册登记的|实业有限公司, 一家|网络科技公司: a kind of company, no name
            if start is not None:
                out.append(Ent(start, self.chain(k), ORG))
        return out

    # -- helpers ------------------------------------------------------------------------
    def _title_over(self, s: int, e: int) -> bool:
        """RETURNS whether a title starting at ``s`` runs past ``e`` (财政司|司长 is the post
        财政司司长, not a sub-unit 财政司 and a title 司长)."""
        return any(j > e for j in title_ends(self.text, s, min(len(self.text), s + 12)))

    def _suffixes_ending_at(self, k: int) -> list[str]:
        """The suffixes ending at offset ``k`` (``k <= len(text)``), longest first."""
        text = self.text
        lens = self.suffix_lens_by_last.get(text[k - 1], ()) if k > 0 else ()
        return [text[k - n:k] for n in lens if n <= k and text[k - n:k] in self.suffixes]

    def _good_middle(self, a: int, mid: str, suf: str) -> bool:
        """A middle: 2..MAX_MIDDLE chars of whole words, no break, no stop word."""
        if not (2 <= len(mid) <= MAX_MIDDLE) or any(c in _BREAK or c in _OPEN or c in _CLOSE or c.isdigit()
                                                      for c in mid):
            return False  # a bracket in the middle: 智云数和（天津|）科技公司 is no 天津 organ
        if _COUNTED_PLACES.match(mid) or any(mid.startswith(g) for g in _GENERIC if len(g) > 1):
            return False  # 江西两省|防汛抗旱指挥部, 全市各|法院, 美国几家|大银行: no one organ's name
        if any(a <= s < a + len(mid) for s in self.ent_starts):
            return False  # 武汉市和襄阳市人民政府: two places, no one organ
        if _RANK_OR_COUNT.search(mid) or any(self.text[p] == "一" and (p, p + 1) in self.word_set for p in range(a, a + len(mid))):
            return False  # 湖北|一|县级医院, 宣武区|一|所|中学: "a county hospital in Hubei", no name
        b = a + len(mid)
        if any(j - p >= 2 for p in range(a, b) if p in self.starts for j in title_ends(self.text, p, b)):
            return False  # 大学政府学教授和…研究中心: a post inside is no organisation's name
        for ws, we in self.words:  # words starting in the middle (共同|主办 ends in 办: no 局;
            # 银监会已通知国内|银行: an adverb or pronoun is no part of a name)
            if a <= ws < b and self._stop(ws, we):
                if not (self.text[ws:we] in _JOINERS and a < ws and we < b):
                    return False  # 和 only inside: 林业和草原局
        return a in self.starts

    def _stop(self, ws: int, we: int) -> bool:
        """RETURNS whether the word ``text[ws:we]`` ends a company name read leftwards: a stop
        word, a conjunction, adverb, pronoun, preposition or time word of jieba's dictionary
        (虽然|公司, 但当时|公司, 采访这些|公司), or 讯 after 本报/…社/…电 (本报|讯|南方航空（集团）公司;
        a brand may hold 讯)."""
        w = self.text[ws:we]
        flag = _flag(w)
        return w in self.stops or flag in _NO_NAME_FLAGS \
            or w == "讯" and self.text[max(0, ws - 2):ws].endswith(("报", "社", "电"))

    def _place_or_group(self, s: int, e: int) -> bool:
        """RETURNS whether the bracketed ``text[s:e]`` of a company name is its place or a
        group word (星河（苏州）, 南方航空（集团）), not a byline (（记者翟景升）) or a note."""
        return s in self.gpe_starts or self.text[s:e] in ("集团", "控股", "中国", "香港")

    def _passive_before(self, a: int) -> bool:
        """RETURNS whether 被 or 为 opens the clause part before offset ``a`` (at most 12
        characters back, up to punctuation)."""
        for p in range(a - 1, max(-1, a - 13), -1):
            c = self.text[p]
            if c in _BREAK:
                return False
            if c in "被为" and p not in self.covered:
                return True
        return False

    def _words_in(self, s: int, e: int) -> list[str]:
        return [self.text[ws:we] for ws, we in self.words if s <= ws and we <= e]

    def _ends_ok(self, k: int) -> bool:
        """A suffix ends at a word end, the text's end, or right before a title."""
        if k in self.ends or k == len(self.text):
            return True
        return any(j >= k + 2 for j in title_ends(self.text, k, min(len(self.text), k + 8)))

    def chain(self, k: int) -> int:
        """Extend an organisation over suffixes that directly follow it (集团 + 公司)."""
        while True:
            # suffixes of 2+ characters starting at k, longest first, ending at a word end
            nxt = next((k + n for n in self.suffix_lens_by_first.get(self.text[k:k + 1], ())
                        if self._chains(k, k + n)), None)
            if nxt is None:
                return k
            k = nxt

    def _chains(self, k: int, j: int) -> bool:
        """RETURNS whether the suffix ``text[k:j]`` continues the organisation ending at ``k``:
        a suffix ending at a word end, not an organ (but 人大|常委会, 政协|常委会, the standing
        committee of a congress, not 常委会议) and not a degree (省委党校|大学学历)."""
        text, suffix = self.text, self.text[k:j]
        if j not in self.ends or suffix not in self.suffixes or text.startswith("学历", j):
            return False
        if self.suffixes[suffix] != "organ":
            return True
        return suffix == "常委会" and text[k - 2:k] in ("人大", "政协") and not text.startswith("议", j)

    def _named_start(self, start: int, k: int) -> int | None:
        """A society's or institute's own name (宽带发展|联盟): 2–8 characters of whole words,
        at least two words or one of 3+ characters, and no place or entity inside (those
        are read as anchors)."""
        words = [(s, e) for s, e in self.words if start <= s and e <= k]
        while words and k - words[0][0] > MAX_MIDDLE - 2:
            words = words[1:]
        if not words or k - words[0][0] < 2 or any(s in self.ent_starts for s, _ in words):
            return None
        if len(words) == 1 and k - words[0][0] < 3:
            return None
        return words[0][0]

    def _name_start(self, k: int) -> int | None:
        """Start of a company name ending at ``k``, read leftwards over words. None if empty."""
        text, start = self.text, k
        if text.endswith(_DEAL_VERBS, 0, k):
            return None   # 减持|公司股份, 收购|公司: the company the text is about, no name
        start = next((s for s, e in self.words if s < k < e), k)  # 华为技术有限公司: one word
        words = sorted(((s, e) for s, e in self.words if e <= start), reverse=True)
        idx, after_place = 0, False
        while idx < len(words):
            s, e = words[idx]
            if e != start:
                break
            w = text[s:e]
            if (s, e) in self.loc_spans and not after_place and start < k and k - s <= MAX_NAME:
                # a river or mountain the company is named after (长江|实业集团, 黄河|实业有限公司),
                # read on like a place (香港长江实业集团); not a region alone (欧洲|公司)
                after_place = True
                start = s
                idx += 1
                continue
            if s in self.gpe_starts:
                after_place = True
            elif after_place:
                break  # the name starts with its place(s): 投资方|苏州春兴精工股份有限公司
            if w and w[-1] in _CLOSE:  # a bracketed place: 星河（苏州）, then the brand
                opening = max(text.rfind(o, max(0, e - 8), e) for o in _OPEN)
                brand = opening
                while brand > 0 and opening - brand < 6 and text[brand - 1] not in _BREAK \
                        and (brand - 1) not in self.covered:
                    brand -= 1
                # the brand is whole words after any stop word (本报讯|南方航空（集团）公司);
                # a stop word right before the bracket is the brand's end (智云数和（天津）)
                brand = max([we for ws, we in self.words if brand < we < opening
                             and self._stop(ws, we)] + [brand])
                if opening < 0 or opening - brand < 2 or not self._place_or_group(opening + 1, e - 1):
                    break
                return brand
            if start < k and self.suffixes.get(w) == "strong":
                break  # the end of another company (完美（中国）日用品有限公司|完美公司)
            if w in _GENERIC or text[max(0, s - 1):e] in _GENERIC:  # 一|家 cut apart: 一家
                return None
            if w == "一":
                return None   # 广州|一|公司: "a company in Guangzhou", no name (but 武汉|一中)
            if any(_RANK_OR_COUNT.fullmatch(text, b, e) for b in range(max(0, s - 3), s + 1)):
                return None   # 美国第三|大|汽车工业公司, 一个|跨国汽车公司: a description
            digits_of_a_brand = w.isdigit() and start == e and start < k and text[e].isascii() and text[e].isalpha()
            if self._stop(s, e) or _TIME_WORD.search(w) and not digits_of_a_brand \
                    or any(c in _BREAK or c in _OPEN for c in w) \
                    or s in self.covered:
                break
            if k - s > MAX_NAME and not (s in self.gpe_starts and k - e <= MAX_NAME):
                break   # (the place a name starts with does not count: 深圳市|立体互联文化传媒科技)
            start = s
            idx += 1
        return start if k - start >= 2 else None


def _flag(word: str) -> str | None:
    """RETURNS jieba's flag of ``word``: of the word, or of the character when it is one."""
    return word_flags().get(word) if len(word) > 1 else char_flags().get(word)
