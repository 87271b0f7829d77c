"""Relation rules over a document's entities (no spaCy here; the component is pipeline/relations.py).

person_title: who holds which title, and for which organisation or place (SPEC section 2).
News writes appointments in a few regular shapes, all read over the entities and the text
between them:

- ``[ORG|GPE] TITLE (、[ORG|GPE] TITLE)* PERSON`` : 青岛市委副书记、市长赵豪志, 中国工程院院士邬贺铨;
- an organisation written partly outside the entities, between a place or parent body and the
  title: 湖北省|发展和改革委员会|副主任 -> 湖北省发展和改革委员会, 国家统计局新闻发言人、
  国民经济综合统计司|司长 -> 国民经济综合统计司;
- a company or body referred to by 公司/集团/该局/本院 before the title: the last ORG of the text
  with that head (公司董事长 -> 恒锐（苏州）精密科技有限公司);
- ``PERSON TITLE`` right after the name: 李克强总理, 民航总局陈光毅局长 (org before the name);
- ``PERSON（[ORG|GPE] TITLE…）`` and ``PERSON，[ORG|GPE] TITLE…，``: brackets and appositions,
  and a name set off by spaces in lists and captions (王石　万科企业股份有限公司董事长);
- ``作为 [ORG] TITLE，PERSON``; a biography's fields between the name and the post (卢柏强，
  1962年生，深圳诺普信农化股份有限公司董事长); a caption opening a line (童亚辉浙江省能源集团有限公司董事长);
- ``GPE 驻 GPE TITLE PERSON``, ``GPE驻华 TITLE PERSON``: an ambassador's org is the sending country;
- ``任命/聘任 PERSON 为 [ORG] TITLE``, ``免去 PERSON 的 [ORG] TITLE 职务`` and
  ``PERSON …担任 [ORG] TITLE`` (a former post counts);
- an aide of an officer, ``… TITLE PERSON 的 TITLE PERSON``, serves the officer's body
  (俄罗斯总统叶利钦的特使波苏瓦柳克 -> 俄罗斯); a country's one-character short name before a
  title is its org (德|国防部长);
- shared titles: ``副市长周永明、刘晓燕`` gives both persons the title;
- ``[ORG] TITLE PERSON、TITLE PERSON``: a title with no organisation after a coordinated person
  takes the previous person's organisation (四川大学党委书记王建国、校长李向东 -> 四川大学).

A title with no organisation of its own in a coordinated chain takes the previous one's; a
government title after a party committee (青岛市委副书记、市长; 四川大学党委…、校长) belongs to
the place or body (青岛市, 四川大学). A title still without one takes the ORG written earlier
in the same clause, if any (恒锐公司董事会聘任周立平为副总裁 -> 恒锐公司). A title the shapes
give to no one goes, when it is likely enough, to the person the trained scorer of
``holders.py`` ranks first among those named near it.

city_province: every place below province level, by surface form, with its province's full
official name, from the division code the gazetteer gave it.
"""
from __future__ import annotations

import functools
from typing import Collection, NamedTuple

import regex

from ..labels import GPE, LOC, ORG, PERSON, QUANTITY, TITLE
from ..text import inside_a_work_title
from .gazetteer import ADMIN_SUFFIXES, contains, level_of, lookup, name_of
from .holders import OBJECT_VERB, HolderModel
from .orgs import STOCK_CODE_AFTER
from .titles import QUALIFIERS, names_its_organ
from .words import COMMON_WORD_FLAGS, word_flags

_JOIN_CHARS = "、和及与兼,，（(&＆/／\\s"   # 首席执行官（CEO）: the bracketed short form joins too; CEO&董事长
_QUALIFIER = "|".join(QUALIFIERS)   # SPEC's 原, 前, 时任, 现任, 代理, 新任, outside the title
#: Posts that serve the holder of the post written right before them (秘书长|发言人, 总统|助理):
#: that post is not the aide's.
_AIDE_OF_A_POST = frozenset({"发言人", "副发言人", "新闻发言人", "助理", "特别助理", "秘书", "特使", "特别代表"})
_JOIN = regex.compile(rf"^[{_JOIN_CHARS}]*(?:{_QUALIFIER})?$")   # between coordinated titles (、代|市长)
_PERSON_JOIN = regex.compile(r"^\s*[、和及与]\s*$")      # between coordinated persons
#: between one person with a body's title and the next title of a list of that body's
#: officers (清华大学党委书记陈旭，校长邱勇)
_OFFICER_LIST = regex.compile(rf"^\s*(?:主持|出席|致辞|讲话)?\s*[、，,和及与]\s*(?:{_QUALIFIER})?\s*$")   # (…主任王建国主持，副主任刘明)
_ADJ = regex.compile(r"^\s*$")                           # org directly before its title
_OF = regex.compile(r"^\s*的\s*$")                       # 阿里巴巴集团的首席执行官
#: 王强（…）, 王强，…，, and a biography's opening fields before the post: 张鹰，男，教授，
#: and a name set off by spaces, as in lists and captions: 王石　万科企业股份有限公司董事长
_APPOSITION_OPEN = regex.compile(r"^\s*[（(，,]\s*(?:[男女]\s*[，,、]\s*)?(?:\p{Han}{1,3}族\s*[，,、]\s*)?$|^\s+$")
#: 孙正义（软银董事长…）: a name in a bracket after a person, right before the titles, is
#: their body even when the rules read no ORG there; not a qualifier or a pronoun (（原董事长）)
_BRACKETED_NAME = regex.compile(r"\s*[（(]\s*(?P<org>\p{Han}{2,6})")
_NOT_A_NAME = regex.compile(r"原|前|时任|现任|代理|新任|曾任|现|曾|任|系|为|是|该|本|其|某|他|她|我|公司|集团")
_APPOSITION_END = regex.compile(r"^\s*[）)，,。；;：:]|^\s")      # what follows the last title
#: Roles that are no TITLE (SPEC) but are listed with the titles before a name:
#: 董事长、创始人逯利军, 总经理、法定代表人张伟
_ROLE = r"(?:联合)?创始人|创办人|法定代表人|法人代表|实际控制人|\p{Han}{0,4}负责人"   # 财务负责人
# SPEC keeps 原, 前, 时任, 现任, 代理, 新任 outside the title: the org before them is still the
# title's (美国前国防部长, 公司原总经理), as it is across a role (智豪刑事团队创始人及首席合伙人)
#: 在天水市任副市长, 在华为公司担任总裁: the body where the post is held, before the verb
_HOLD_AT = regex.compile(r"^\s*(?:任|担任|出任|兼任|曾任|历任)\s*$")
_ORG_TO_TITLE = regex.compile(rf"^》?\s*(?:[（(]\s*\d{{4,6}}(?:\.(?:SH|SZ|HK|BJ))?\s*[）)])?"   # 《读书》|主编; a stock code: 辽宁成大(600739)董事长
                              rf"\s*(?:(?:{_ROLE})\s*[、和及与兼]\s*)?(?:{_QUALIFIER})?"
                              r"(?:第?[\d一二三四五六七八九十百]+(?:任|届|代))?女?\s*$")   # 美国第44任|总统; 达沃市女|市长
#: between the last title and the person it names: nothing, a colon (董事长：王德志), roles or
#: descriptions, a familiar 老
#: Descriptions listed with the titles before a name (清华大学教授、著名水利科学家钱宁): no post,
#: and no break between the titles and their holder.
_DESCRIPTION = (r"(?:著名|知名|资深|青年)?\p{Han}{0,6}(?:学家|学者|专家|理论家|作家|艺术家|企业家|教育家)"
                r"|[正副]?[省部厅局处科县]级干部")   # 党组成员、副厅级干部张善飞: a grade, no post
_TITLE_TO_PERSON = regex.compile(rf"^\s*(?:[:：）)]|(?:[、，,兼及和]\s*(?:{_ROLE}|{_DESCRIPTION})\s*)+|老)?\s*$")   # 教练老|雷德克纳普
#: 作为公司董事长，陈旭荣…: the titles are those of the person after the comma
_AS_HOLDER = regex.compile(r"(?:作为|身为)\s*$")
# TITLE 是/为/由 PERSON, the person's clause ending there (万科的董事长是王石。董事长由王石担任):
# the person holds it; not 市长为李明颁发证书, where 为 is "for"
_TITLE_IS = regex.compile(r"^\s*(?:是|为|由)\s*$")
_HOLDER_ENDS = regex.compile(r"\s*(?:[，,。；;！!？?、）)\n]|担任|出任|兼任|$)")
#: A legislature named in a list of a country's officers, and the government posts that belong
#: to the country rather than to it (法国总统希拉克、国民议会议长法比尤斯和外长韦德里纳).
_LEGISLATURE = regex.compile(r"(?:议会|议院|国会|杜马)$")
_STATE_TITLE = regex.compile(r"(?:副)?(?:总统|总理|首相|国务卿|外长|外相|\p{Han}{0,4}部长|\p{Han}{0,4}大臣)")
_PARTY_COMMITTEE = regex.compile(r"(?:(?:省|市|县|区|州|盟|旗)委|党委|党组|中共中央|党中央)$")
_PARTY_TITLE = regex.compile(r"书记|常委|委员|秘书长|部长")
_ENVOY = regex.compile(r"^常?驻$")   # 中国驻法国大使, 中国常驻联合国代表
#: An envoy's post (驻德国大使) written with no sender before it: the sender is unnamed.
_ENVOY_BEFORE = regex.compile(r"驻\p{Han}{1,6}$")
#: 德国驻华大使: the receiving place written as a word, not an entity.
_ENVOY_WORD = regex.compile(r"^驻\p{Han}{1,3}$")
#: A country's one-character short name standing right before a title, after a break, a
#: conjunction or a verb's particle (菲经济发展部长, 与德国防部长): not 以 ("as") or 中 (中美).
_COUNTRY_SHORT = regex.compile(r"(?:^|(?<=[^\p{Han}]|[与和及同了向对]))[美英法德日俄意菲韩朝越泰伊埃澳]$")
#: The tail of an organisation name written outside the entities (发展和改革委员会, 医政司).
_ORG_SUFFIX = (r"(?:委员会|办公室|办公厅|管理局|政府|银行|大学|学院|医院|法院|检察院|研究院|研究所"
               r"|协会|联合会|商会|中心|组委会|亚组委|公司|集团|[司局厅部署院办委处所馆站会科系厂])")
_ORG_TAIL = regex.compile(rf"^[\p{{Han}}（）()]{{0,14}}{_ORG_SUFFIX}$")
#: A body referred to by its head word: 公司, 集团, 该局, 本院 (+ its party committee or board).
_BODY_REF = regex.compile(r"(?:(?:该|本)?(?<![分子])(?P<head>集团公司|公司|集团|俱乐部)|(?:该|本)(?P<head2>[局院委厅部司办校行所]))"
                          r"(?:党委|党组|董事会|监事会)?$")
#: A professional grade (高级工程师, 经济师) or a mentor, a supervisor's or a talent show's
#: (博士生导师, 导师): what the person is qualified as or does, not a post held in the organisation
#: named before it (建行高级经济师孙兆东), unlike 总工程师 or 总会计师.
_GRADE = regex.compile(r"(?:教授级)?(?:高级|助理|注册)?(?:工程师|经济师|会计师|农艺师|畜牧师|审计师|统计师)"
                       r"|(?:(?:博士|硕士)(?:研究)?生)?导师|博导|硕导")
_CLAUSE_BREAK = regex.compile(r"[，,。；;！!？?：:\n]")
# A short name defined in brackets after a full one: X(以下简称Y), X（简称“Y”）
_SHORT_NAME_DEFINED = regex.compile(r"\s*[（(](?:以下)?简称[“\"「]?$")
# A bracket that names a person: a dateline's byline (（记者张荣典）国家副主席), which ends
# the clause as a comma would
_BYLINE_BRACKET = regex.compile(r"[（(][^（()）]*[）)]")
#: A conjunction after a person that names the other party (主任沈建明与东方盛虹董事长缪汉根签约).
_OTHER_PARTY = ("与", "和", "同", "跟")
#: The end of a wire dateline (…１月２８日电　, …日电（记者…）): the story starts after it.
_DATELINE_END = regex.compile(r"日电(?:[\s　]|[（(][^）)]{0,20}[）)])|日讯")
_SENTENCE_BREAK = regex.compile(r"[。；;！!？?\n]")
#: 任命/聘任 PERSON 为 …: the person's titles follow 为.
_APPOINT_VERB = regex.compile(r"(?:任命|聘任|聘请|提名|选举|推选|委任|增补|补选|推举)$")
_APPOINT_AS = regex.compile(r"^\s*(?:同志|先生|女士)?\s*(?:为|担任|出任)\s*$")   # between the person and the titles
#: 免去 PERSON 的 [ORG] TITLE 职务: a post the person leaves is still one the text gives them.
_REMOVE_VERB = regex.compile(r"(?:免去|免除|撤销)$")
_REMOVE_OF = regex.compile(r"^\s*(?:同志|先生|女士)?\s*的?\s*$")
#: … 担任 [ORG] TITLE: the subject is the nearest person before, in the same sentence.
#: 任 alone too (张锐钢任天津港（集团）有限公司董事长), not the 任 of 责任, 信任, 放任; and the
#: passive or elective forms (李强当选为江苏省政协主席, 张伟被任命为…副主任).
_HOLDS = "担任|出任|兼任|接任|升任|改任|转任|曾任|现任|历任|任职|辞去|卸去"
_HOLD_VERB = regex.compile(_HOLDS)
_HOLD_VERB = regex.compile(rf"(?:{_HOLDS}|调任|成为|作为|身为|(?<![责信放主])任|当选为?|(?:任命|选举|推选|提名|聘任|聘请|委任|推举|选|现|今)为)[了过]?$")
#: A holding verb, then a short name written right before the post (出任永隆行长, 担任巨人网络总裁)
_HELD_AT_A_NAME = regex.compile(rf"(?:{_HOLDS})过?(?P<org>\p{{Han}}{{2,6}})$")
#: A preposition before a person: the person is its object, not the subject of a later clause.
_OBJECT_BEFORE = regex.compile(r"(?:与|跟|同|和|向|给|对|被|把|替)$")
#: A person named right after these is the one whose post the subject takes (陈德荣接替于勇出任…):
#: the holder is the subject before.
_PREDECESSOR_BEFORE = regex.compile(r"(?:接替|接任|替代|代替|取代|顶替|继任)\s*$")
#: Another name of the subject (李四光，原名李仲揆，…曾任…; 蔡元培，字鹤卿): the subject holds the post.
_OTHER_NAME_BEFORE = regex.compile(r"(?:原名|本名|又名|别名|曾用名|笔名|乳名|小名|字|号)\s*$")
#: A subject of its own between a person and a holding verb: the post is that one's
#: (王刚说，他的父亲曾任县长).
_OTHER_SUBJECT = regex.compile(r"[他她其]的|父亲|母亲|儿子|女儿|妻子|丈夫|哥哥|弟弟|姐姐|妹妹|爷爷|奶奶|外公|外婆")
#: 张三和李四分别担任董事长和总经理: each person the title in the same place of the list.
_RESPECTIVELY = regex.compile(r"分别")
#: 张华、王敏|两位|院士: the count of the persons listed before their shared title.
_COUNTED_HOLDERS = regex.compile(r"\s*(?:[两二三四五六七八九十几]|\d{1,2})\s*(?:位|名)\s*")
#: PERSON 是/现为/曾是 [ORG(的)] TITLE: a copula right after the person, or opening a later
#: clause of the person's sentence (张伟毕业于北京大学，现为清华大学教授).
_COPULA = regex.compile(r"(?:^|(?P<clause>[，,]))\s*(?:现|曾|曾经|一度|目前|现在|原|也|还|仍|即|则)?(?:是|为|系)$")
#: A verb (after an honorific) that starts the text between a person and an org written
#: outside the entities: 廖小平同志任|中南林业科技大学|党委副书记
_TAIL_LEAD = regex.compile(rf"^(?:同志|先生|女士)?(?:在|于)?(?:{_HOLDS}|当选为?|任|为|是)")
#: What may stand before 公司/集团 when the head word refers back (为公司副总裁, 据公司董事长).
_LEADS = rf"(?:(?:{_HOLDS}|成为|为|任)了?|据|由|在|经|和|与|及|、)"
_LEAD_VERB = regex.compile(rf"{_LEADS}$")
#: ... and the whole of an ORG's text before the head word (担任|公司; not 华为|公司, a name)
_LEAD_VERB_ALONE = regex.compile(rf"[现曾已并又还也]?{_LEADS}")


#: The fields of a biography between a name and its post (张伟，男，汉族，1962年生，湖北应城人，
#: 大专学历，中共党员，…): each a fixed kind of fact, so that no clause of prose passes
#: A kin field of a biography after a person's name (陈卓林夫人, 王永庆之子): that person is
#: no holder of the posts that follow.
_KIN = r"(?:夫人|之妻|的妻子|之夫|的丈夫|遗孀|之子|之女|长子|长女|次子|次女|之孙|的儿子|的女儿)"
_KIN_AFTER = regex.compile(_KIN)
_BIO_DATE = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?"
_PARTIES = r"中共|中国共产党|民革|民盟|民建|民进|农工党|致公党|九三学社|台盟"
_BIO_FIELD = (r"[男女]|\p{Han}{1,3}族|\d{1,3}岁|[一二三四五六七八九十]{1,3}岁"
              rf"|{_BIO_DATE}(?:出?生(?:于\p{{Han}}{{2,12}})?)?"
              r"|(?:出?生于|籍贯|祖籍)\p{Han}{2,20}|\p{Han}{2,8}(?<!创始|创办|负责|代表|联系|发起|合伙|经纪|候选|主持|继承|接班|带头|证)人"
              rf"|出?生于{_BIO_DATE}"
              r"|\p{Han}{0,8}(?:学历|学位)|\p{Han}{0,6}(?:博士|硕士|学士)(?:研究生)?"
              rf"|(?:{_PARTIES})?(?:预备)?(?:党员|成员|会员)"
              rf"|(?:{_BIO_DATE})?(?:\p{{Han}}{{0,10}}(?:参加工作|入党)|加入(?:{_PARTIES}))"
              rf"|\p{{Han}}{{2,4}}{_KIN}"
              rf"|{_GRADE.pattern}|\p{{Han}}{{1,6}}(?<![回在到老娘婆])家")   # 高级工程师, 药学家: a grade, a calling
_BIO_FIELDS = regex.compile(rf"\s*(?:[，,]|(?<=\s)(?=[男女][，,])|(?=\s*(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})年))"
                            rf"(?:\s*(?:{_BIO_FIELD})\s*[，,、])+\s*(?:现任|现为|曾任|历任|原任|原|前)?\s*《?")   # 陈松利1968年2月出生，副教授


#: Between the items of a list of posts: a separator, maybe after an item that holds no post
#: (民营企业家联谊会会员、); no subject, verb or clause of its own (他的妻子是, 表示).
_LIST_GAP = regex.compile(r"\s*(?:[^、，,。；;！!？?\n他她其我你是为说称示任在和与及]{0,15}[、，,]\s*)+"
                          r"(?:\p{Han}{1,4}(?<![的是为任在和与及等]))?")   # …副处长，行署|秘书长: a body the rules did not read


def _place_chain_start(ents: list[E], k: int) -> int:
    """RETURNS the start of ``ents[k]`` and of the places written right before it (甘肃省天水市)."""
    start = ents[k].start
    while k >= 1 and ents[k - 1].label == GPE and ents[k - 1].end == start:
        k -= 1
        start = ents[k].start
    return start


def _listed_after(text: str, ents: list[E], j: int, chain_before) -> list[list]:
    """RETURNS the chains of posts listed after the title ``ents[j]`` (、 or ， between the
    items, items without a post skipped), each as ``chain_before`` reads it; none once a
    person, another label or a gap that is no list separator comes."""
    def gap(a: int, b: int) -> str:
        return text[ents[a].end:ents[b].start]

    out, prev = [], j
    m = j + 1
    while m < len(ents):
        if not _LIST_GAP.fullmatch(gap(prev, m)):
            break
        n = m   # the item: organisations or places, then its titles
        while n < len(ents) and ents[n].label in (ORG, GPE) and (n == m or _ORG_TO_TITLE.match(gap(n - 1, n))):
            n += 1
        if n < len(ents) and ents[n].label == TITLE and (n == m or _ORG_TO_TITLE.match(gap(n - 1, n))):
            last = n
            while last + 1 < len(ents) and ents[last + 1].label == TITLE and _JOIN.match(gap(last, last + 1)):
                last += 1
            if last + 1 < len(ents) and ents[last + 1].label == PERSON and _TITLE_TO_PERSON.match(gap(last, last + 1)):
                break   # the titles of the person after them
            out.append(chain_before(last, left_limit=m)[0])
            prev, m = last, last + 1
        elif n > m and (n == len(ents) or _LIST_GAP.fullmatch(gap(n - 1, n))):
            prev, m = n - 1, n   # an item naming a body without a post (…联谊会会员、)
        else:
            break
    return out


def _starts_a_line(text: str, start: int) -> bool:
    """RETURNS whether ``text[start:]`` opens the text, a line or a sentence."""
    before = text[:start].rstrip(" \t\u3000")
    return not before or before[-1] in "\n。！？!?；;：:"


class E(NamedTuple):
    start: int
    end: int
    label: str
    text: str
    value: object = None


def _body_org(ref: regex.Match, ents: list[E], before: int, text: str = "") -> str | None:
    """The ORG a head word (公司, 该局) refers to: the last ORG before ``before`` with that head,
    or, for 公司, a listed company named by its short name with its stock code (贵州茅台（600519）)."""
    head = ref["head"] or ref["head2"]
    heads = ("公司", "集团") if head in ("公司", "集团", "集团公司") else (head,)
    for e in reversed(ents):
        if e.start >= before or e.label != ORG:
            continue
        name = e.text.rstrip("）)")
        if any(h in name for h in heads) and len(name) > len(head) + 1 \
                or "公司" in heads and text and STOCK_CODE_AFTER.match(text, e.end):
            return e.text
    return None


def person_titles(text: str, ents: list[E], holder_model: HolderModel | None = None) -> list[dict]:
    """RETURNS ``[{"person", "title", "org"}]``, one per (person, title), in text order.

    holder_model: the trained scorer that gives a title the rules left without a holder to the
    likeliest person near it (``holders.py``); None: the rules alone."""
    ents = sorted(ents)
    out: dict[tuple[str, str], str | None] = {}
    chains: dict[int, list[tuple[E, str | None]]] = {}   # person index -> its (title, org) chain
    list_org: dict[int, str | None] = {}   # person index -> the org its chain ends with, inherited or not
    list_country: dict[int, str | None] = {}   # person index -> the last place named as an org in its list
    place_texts = {e.text for e in ents if e.label == GPE}

    def gap(a: E, b: E) -> str:
        return text[a.end:b.start]

    def org_of(j: int, left_limit: int) -> tuple[str | None, int, str]:
        """The organisation written before the title ``ents[j]``.

        RETURNS (org text or None, index of the entity before the org part, the text between
        that entity and the org part).
        """
        title = ents[j]
        k = j - 1
        lo = ents[k].end if k >= left_limit else (ents[left_limit - 1].end if left_limit > 0 else 0)
        g = text[lo:title.start]
        # 中国驻法国大使: GPE 驻 GPE TITLE -> the sending country (the receiving place may
        # have been read as a LOC: 驻华)
        if k >= max(left_limit, 1) and ents[k].label in (ORG, GPE, LOC) and _ADJ.match(g) \
                and ents[k - 1].label == GPE and _ENVOY.match(gap(ents[k - 1], ents[k])):
            return ents[k - 1].text, k - 2, gap(ents[k - 2], ents[k - 1]) if k >= 2 else ""
        if k >= left_limit and ents[k].label == GPE and text.endswith("驻", 0, ents[k].start) \
                and _ORG_TO_TITLE.match(g):
            return None, k - 1, ""   # 我驻美大使: 美 receives the envoy; the sender is unnamed
        if k >= left_limit and ents[k].label in (ORG, GPE):
            org = ents[k]
            if _ORG_TO_TITLE.match(g) or (_OF.match(g) and org.label == ORG) or (_ENVOY_WORD.match(g) and org.label == GPE):
                lead = gap(ents[k - 1], org) if k >= 1 else text[:org.start]
                ref = _BODY_REF.search(org.text)
                if ref and (ref.start() == 0 or _LEAD_VERB_ALONE.fullmatch(org.text[:ref.start()])):
                    # an ORG that is only 公司 / 集团党委 (or a verb glued to it: 担任公司)
                    return _body_org(ref, ents, org.start, text), k - 1, lead + org.text[:ref.start()]
                return org.text, k - 1, lead
            if _HOLD_AT.match(g) and text.endswith("在", 0, _place_chain_start(ents, k)):
                lead = gap(ents[k - 1], org) if k >= 1 else text[:org.start]
                return org.text, k - 1, lead + g.strip()   # 在天水市任|副市长 (the verb kept for the holder)
            if _ORG_TAIL.match(g):          # 湖北省|发展和改革委员会|副主任
                return org.text + g, k - 1, gap(ents[k - 1], org) if k >= 1 else ""
        # a country's one-character short name right before the title, not read as an entity
        # (德|国防部长: the model reads 德国; 菲|经济发展部长): SPEC's modifier, the org
        short = _COUNTRY_SHORT.search(text, lo, title.start)
        if short and not (k >= 0 and ents[k].end > short.start()):
            return short[0], k, g[:len(g) - 1]
        # the text before the title, back to the last clause break
        parts = _CLAUSE_BREAK.split(g)
        tail = parts[-1].lstrip("、和及与 ")
        before = g[:len(g) - len(tail)]
        ref = _BODY_REF.search(tail)
        if ref and (ref.start() == 0 or _LEAD_VERB.search(tail[:ref.start()])):
            return _body_org(ref, ents, title.start, text), k, before + tail[:ref.start()]
        named = _HELD_AT_A_NAME.search(tail)
        if named and k >= left_limit and not _NOT_A_NAME.match(named["org"]):
            # 朱琦已预备出任|永隆|行长: a short name the rules read no ORG in, between the verb and
            # the post; a common word there names no body (担任|品牌|首席设计师)
            common = word_flags().get(named["org"]) in COMMON_WORD_FLAGS
            return None if common else named["org"], k, before + tail[:named.start("org")]
        lead = _TAIL_LEAD.match(tail)   # 廖小平同志任|中南林业科技大学|党委副书记
        if lead:
            before, tail = before + lead[0], tail[lead.end():]
        if tail and _ORG_TAIL.match(tail) and len(parts) == 1 and k >= left_limit \
                and ents[k].label in (TITLE, PERSON):
            return tail, k, before   # 国家统计局新闻发言人、|国民经济综合统计司|司长
        return None, k, g

    def chain_before(j: int, left_limit: int = 0, *, before_a_name: bool = False
                     ) -> tuple[list[tuple[E, str | None]], int, str]:
        """The coordinated titles ending with ``ents[j]``, left to right, with the index of
        the entity before the chain and the text between it and the chain. before_a_name:
        the chain stands before its holder's name, where a comma before a title with an org
        of its own ends it (张三任甲公司董事长，|乙公司总经理李四; but 青岛市委副书记，市长赵豪志)."""
        chain = []
        while True:
            org, k, between = org_of(j, left_limit)
            chain.append((ents[j], org))
            if k >= left_limit and ents[k].label == TITLE and _JOIN.match(between) \
                    and not rank_after_name(k) and not (not between and ents[j].text in _AIDE_OF_A_POST) \
                    and not (before_a_name and org is not None and ("，" in between or "," in between)):
                j = k
                continue
            chain.reverse()
            return chain, k, between

    def rank_after_name(k: int) -> bool:
        """Whether the title ``ents[k]`` is written right after a name (迟浩田上将): it is that
        person's, and no chain that follows it goes on to it."""
        return k >= 1 and ents[k - 1].label == PERSON and not gap(ents[k - 1], ents[k])

    def title_after_name(i: int) -> int | None:
        """The index of a title written right after the person ``ents[i]`` (李克强总理,
        总参谋长傅全有上将, 张建军（上校）), unless it opens the titles of a person after it."""
        k = i + 1
        if k < len(ents) and ents[k].label == TITLE and gap(ents[i], ents[k]) in ("（", "(") \
                and text[ents[k].end:ents[k].end + 1] in ("）", ")"):
            return k   # 张建军（上校）: a rank in brackets after the name
        if k < len(ents) and ents[k].label == TITLE and _ADJ.match(gap(ents[i], ents[k])):
            if not (k + 1 < len(ents) and ents[k + 1].label == PERSON
                    and _TITLE_TO_PERSON.match(gap(ents[k], ents[k + 1]))):
                return k
        return None

    recorded: list[tuple[E, E]] = []   # (person, the last title of a chain given to them)
    appointed: dict[E, str | None] = {}   # the last title of an appointment (rule 5) -> its org

    def record(person: E, chain: list[tuple[E, str | None]], inherited: str | None = None) -> None:
        recorded.append((person, chain[-1][0]))
        prev_org = inherited
        for title, org_text in chain:
            # a post that names its own organ, or an envoy's, is not the body's before it
            # (政治局委员、外交部长王毅; 外交部部长助理…、驻德国大使吴恳), but a country's minister is
            # the country's (塞尔维亚副总理兼外交部长)
            own_body = names_its_organ(title.text) and prev_org not in place_texts \
                or _ENVOY_BEFORE.search(text, max(0, title.start - 8), title.start) is not None
            if org_text is None and prev_org is not None and not own_body:
                org_text = prev_org
                if _PARTY_COMMITTEE.search(org_text) and not _PARTY_TITLE.search(title.text):
                    org_text = _PARTY_COMMITTEE.sub(lambda m: m[0][:-1] if m[0][-1] == "委" and
                                                    m[0] not in ("党委", "党组") else "", org_text)
                    if len(org_text) >= 3 and org_text[-1] == org_text[-2] and org_text[-1] in ADMIN_SUFFIXES:
                        org_text = org_text[:-1]   # 兰山区区委 -> 兰山区: the suffix written twice
                    org_text = org_text if len(org_text) > 1 else None  # 县委|副书记、县长: no place named
            elif org_text is not None:
                prev_org = org_text
            out.setdefault((person.text, title.text), org_text)

    person_starts = {e.start for e in ents if e.label == PERSON}

    def full_name(e: E) -> str:
        """The full name of an ORG that is a short name defined or written in brackets after it
        (重庆小康工业集团股份有限公司(以下简称小康集团), 谷歌（Google）: the full name, as SPEC's org)."""
        if _SHORT_NAME_DEFINED.search(text, 0, e.start):
            full = next((x for x in reversed(ents) if x.end <= e.start and x.label == ORG), None)
            if full is not None and _SHORT_NAME_DEFINED.fullmatch(text, full.end, e.start):
                return full.text
        if text[e.start - 1:e.start] in ("（", "(") and text[e.end:e.end + 1] in ("）", ")"):
            full = next((x for x in reversed(ents) if x.end == e.start - 1 and x.label == ORG), None)
            if full is not None:
                return full.text   # 滨州医学院附属医院（滨医附院）副院长: the name the bracket glosses
        return e.text

    def clause_org(title: E) -> str | None:
        """The last ORG written earlier in the title's clause; None where a division of the
        kind the title heads stands between them (紫金矿业董事长…在福建上杭县与县长张大伟: the
        county's, which ``_division_headed`` names)."""
        head = _DIVISION_HEAD.search(title.text)
        if text.endswith("以", 0, title.start):
            return None   # 会见了以议长X为首的…代表团: the head of a visiting body, not the host's
        for e in reversed(ents):
            if e.end > title.start:
                continue
            if _DATELINE_END.search(text, e.end, title.start):
                return None   # 新华社贝尔格莱德１月２８日电　总统…: the agency's dateline ends before the story
            if e.label == PERSON and text.startswith(_OTHER_PARTY, e.end):
                return None   # 主任沈建明与|东方盛虹董事长: the other party of the meeting, not his body
            if head and e.label == GPE and isinstance(e.value, str) and e.value \
                    and (name_of(e.value) or "").endswith(head["suffix"]):
                return None   # …在福建上杭县与县长…: the county's head, not the company's
            if _CLAUSE_BREAK.search(text[e.end:title.start]) or any(
                    person_starts.intersection(range(*b.span()))
                    for b in _BYLINE_BRACKET.finditer(text, e.end, title.start)):
                return None
            if e.label == ORG:
                ref = _BODY_REF.search(e.text)
                return _body_org(ref, ents, e.start, text) if ref and ref.start() == 0 else full_name(e)
        return None

    def apposition_after(i: int) -> None:
        """Record the posts set off by a comma or a bracket right after the person ``ents[i]``
        (樊嘉，中国科学院院士。), when they end the clause and open no one else's titles."""
        last = _last_title_after(i)
        if last is None:
            return
        chain, before_chain, between = chain_before(last, left_limit=i + 1)
        after = text[ents[last].end:ents[last + 1].start] if last + 1 < len(ents) else text[ents[last].end:]
        if before_chain == i and _APPOSITION_OPEN.match(between) and between.strip() \
                and (_APPOSITION_END.match(after) or last + 1 == len(ents) and not after.strip()) \
                and not (last + 1 < len(ents) and ents[last + 1].label == PERSON):
            record(ents[i], chain)

    def _last_title_after(i: int) -> int | None:
        """The index of the last title of an [ORG|GPE] TITLE (、[ORG|GPE] TITLE)* stretch
        that starts with the entity after ``ents[i]``, in the same sentence."""
        m = i + 1
        while m < len(ents) and ents[m].label in (ORG, GPE, TITLE) \
                and not _SENTENCE_BREAK.search(text[ents[m - 1].end:ents[m].start]) \
                and not (m > i + 1 and _HOLD_VERB.search(text, ents[m - 1].end, ents[m].start)):
            m += 1   # (a holding verb starts a predicate of its own: …主任，曾任|湖北省政协委员)
        last = m - 1
        while last > i and ents[last].label != TITLE:
            last -= 1
        return last if last > i else None

    for i, e in enumerate(ents):
        if e.label != PERSON:
            continue
        # 1. the chain of titles that ends right before the person
        j = i - 1
        if j >= 0 and ents[j].label == TITLE and _TITLE_TO_PERSON.match(gap(ents[j], e)):
            chain, k, between = chain_before(j, before_a_name=True)
            if gap(ents[j], e).isspace() and k >= 0 and ents[k].label == PERSON and between.isspace():
                # 王石　万科企业股份有限公司董事长　　冯仑: a list of names, each with its post after it
                continue
            inherited = None
            if chain[0][1] is None and k >= 0 and ents[k].label == PERSON \
                    and (_OFFICER_LIST.match(between) or _OF.match(between)):
                # 四川大学党委书记王建国、校长李向东; 俄罗斯总统叶利钦的特使波苏瓦柳克: an aide
                # of an officer serves the officer's body
                inherited = list_org.get(k)
                if inherited and _DIVISION_HEAD.search(chain[0][0].text) and inherited not in place_texts \
                        and not _ORGAN_OF_A_DIVISION.match(inherited):
                    inherited = None   # 政法委书记梁兴文，副市长谭林: a city's post, not the body's before it
                if inherited and _LEGISLATURE.search(inherited) and _STATE_TITLE.fullmatch(chain[0][0].text) \
                        and list_country.get(k):
                    inherited = list_country[k]   # 法国总统希拉克、国民议会议长法比尤斯和外长韦德里纳
            if chain[0][1] is None and inherited is None:
                inherited = clause_org(chain[0][0])
            chains[i] = chain
            list_org[i] = next((o for _, o in reversed(chain) if o), inherited)
            list_country[i] = next((o for _, o in reversed(chain) if o in place_texts),
                                   list_country.get(k) if k >= 0 and ents[k].label == PERSON else None)
            record(e, chain, inherited)
            rank = title_after_name(i)
            if rank is not None:   # 校长汤云为教授: the rank after the name is the person's too
                out.setdefault((e.text, ents[rank].text), None)
            else:
                apposition_after(i)   # 中山医院院长樊嘉，中国科学院院士。: and the posts set off after it
            continue
        # 2. 副市长周永明、刘晓燕: a person coordinated with one who has titles shares them
        if j >= 0 and ents[j].label == PERSON and _PERSON_JOIN.match(gap(ents[j], e)) and j in chains:
            chains[i] = chains[j]
            for title, _ in chains[j]:
                key = (ents[j].text, title.text)
                if key in out:
                    out.setdefault((e.text, title.text), out[key])
        # 3. a title right after the name (李克强总理); an ORG or place right before the
        # name is the title's (民航总局陈光毅局长)
        k = title_after_name(i)
        if k is not None:
            org = ents[j].text if j >= 0 and ents[j].label in (ORG, GPE) and _ADJ.match(gap(ents[j], e)) else None
            out.setdefault((e.text, ents[k].text), org)
            continue
        # 4. brackets and appositions: 王强（湖北省发改委主任）, 王强，湖北省发改委主任，, and
        # a biography's fields before the post: 卢柏强，1962年生，深圳诺普信农化股份有限公司董事长
        # 5. 任命/聘任 PERSON 为 [ORG] TITLE
        bio = _BIO_FIELDS.match(text, e.end) if not _OTHER_NAME_BEFORE.search(text, 0, e.start) else None
        m = i + 1
        while bio and m < len(ents) and ents[m].start < bio.end():
            m += 1
        if bio and (m == len(ents) or ents[m].start != bio.end()
                    or any(x.label == TITLE and not _GRADE.fullmatch(x.text)
                           or x.label == PERSON and not _KIN_AFTER.match(text, x.end) for x in ents[i + 1:m])):
            bio = None   # the fields must run up to the post and name no one
        last = _last_title_after(m - 1 if bio else i)
        if last is None:
            continue
        chain, before_chain, between = chain_before(last, left_limit=m if bio else i + 1)
        after = text[ents[last].end:ents[last + 1].start] if last + 1 < len(ents) else text[ents[last].end:]
        ends = _APPOSITION_END.match(after) or (last + 1 == len(ents) and not after.strip())
        bracketed = _BRACKETED_NAME.fullmatch(between) if before_chain == i and chain[0][1] is None else None
        if (bio and before_chain == m - 1 and ends) or (_APPOSITION_OPEN.match(between) and ends):
            record(e, chain)
        elif bracketed and ends and not _NOT_A_NAME.match(bracketed["org"]):
            # 孙正义（软银董事长兼总裁）: a body the rules did not read, named in the bracket
            record(e, [(chain[0][0], bracketed["org"])] + chain[1:])
        elif not between and _starts_a_line(text, e.start) and not (
                last + 1 < len(ents) and ents[last + 1].label == PERSON and _TITLE_TO_PERSON.match(after)):
            record(e, chain)   # a caption: 童亚辉浙江省能源集团有限公司董事长
        elif _APPOINT_AS.match(between):
            first = i   # 选举张建国、李明华为副主席: the verb before the first of the persons listed
            while first > 0 and ents[first - 1].label == PERSON and _PERSON_JOIN.match(gap(ents[first - 1], ents[first])):
                first -= 1
            if _APPOINT_VERB.search(text[max(0, ents[first].start - 4):ents[first].start]):
                org = clause_org(e)
            elif first > 0 and ents[first - 1] in appointed and regex.fullmatch(r"\s*[，,]\s*", gap(ents[first - 1], ents[first])):
                org = appointed[ents[first - 1]]   # 选举王建为市人大常委会主任，李强为副主任: the same body
            else:
                continue
            for person in ents[first:i + 1]:
                record(person, chain, org)
            appointed[ents[last]] = out.get((e.text, ents[last].text))
        elif _REMOVE_OF.match(between) and _REMOVE_VERB.search(text[max(0, e.start - 4):e.start]):
            record(e, chain, clause_org(e))  # 免去李四的国家统计局副局长职务

    # 6. PERSON … 担任/出任 [ORG] TITLE (此前担任公司首席技术官): the nearest person before,
    # in the same sentence, unless the chain already belongs to someone
    for j, t in enumerate(ents):
        if t.label != TITLE or (j + 1 < len(ents) and ents[j + 1].label == TITLE
                                  and _JOIN.match(gap(t, ents[j + 1]))):
            continue   # not a title, or not the last of its chain
        if j + 1 < len(ents) and ents[j + 1].label == PERSON and _TITLE_TO_PERSON.match(gap(t, ents[j + 1])):
            continue   # the titles of the person after them
        chain, k, between = chain_before(j)
        if _AS_HOLDER.search(between) and j + 1 < len(ents) and ents[j + 1].label == PERSON \
                and regex.fullmatch(r"\s*[，,]\s*", gap(t, ents[j + 1])):
            record(ents[j + 1], chain, clause_org(chain[0][0]))
            continue
        if j + 1 < len(ents) and ents[j + 1].label == PERSON and _TITLE_IS.match(gap(t, ents[j + 1])) \
                and _HOLDER_ENDS.match(text, ents[j + 1].end):
            record(ents[j + 1], chain, clause_org(chain[0][0]))
            continue
        copula = _COPULA.search(between.rstrip())
        if copula and not copula["clause"] and not _HOLD_VERB.search(between.rstrip()):
            if k >= 0 and ents[k].label == PERSON and not _SENTENCE_BREAK.search(between):
                record(ents[k], chain, clause_org(chain[0][0]))
            continue
        if not (_HOLD_VERB.search(between.rstrip()) or copula):
            continue
        if j + 1 < len(ents) and ents[j + 1].label == PERSON and _OF.match(gap(t, ents[j + 1])):
            record(ents[j + 1], chain, clause_org(chain[0][0]))
            continue   # 会见了担任北京大学校长的张三: the holder is the person the clause describes
        holders = []
        for p in range(k, -1, -1):
            if _SENTENCE_BREAK.search(text[ents[p].end:t.start]) or _OTHER_SUBJECT.search(text, ents[p].end, t.start) \
                    or OBJECT_VERB.search(text, ents[p].end, t.start):
                break   # 王刚说，他的父亲曾任县长; 习近平致电祝贺当选总统: the post is someone else's
            if ents[p].label == PERSON:
                joined = p > 0 and ents[p - 1].label == PERSON and _PERSON_JOIN.match(gap(ents[p - 1], ents[p]))
                if not holders and not joined and _OBJECT_BEFORE.search(text, 0, ents[p].start) \
                        and _CLAUSE_BREAK.search(text, ents[p].end, t.start):
                    continue   # 与大卫·贝克汉姆结婚，2006年担任…: the subject is the one before
                if not holders and text.endswith("被", 0, ents[p].start):
                    continue   # 杨虎城…被蒋介石任命为陕西省主席: the passive's agent appoints, the subject holds
                if not holders and _PREDECESSOR_BEFORE.search(text, 0, ents[p].start):
                    continue   # 陈德荣接替于勇出任董事长: the predecessor held it, the subject holds it now
                if not holders and _OTHER_NAME_BEFORE.search(text, 0, ents[p].start):
                    continue   # 李四光，原名李仲揆，…曾任…: the subject's other name
                if not holders and _KIN_AFTER.match(text, ents[p].end):
                    continue   # 梁思成，梁启超之子，…曾任…: the subject's parent
                holders.append(ents[p])
                if not joined:
                    break
        if len(holders) > 1 and len(holders) == len(chain) and _RESPECTIVELY.search(text, holders[0].end, t.start):
            for person, title in zip(reversed(holders), chain):   # 张三和李四分别担任董事长和总经理
                record(person, [title], clause_org(title[0]))
        else:
            for person in reversed(holders):   # 张三和李四担任副总经理: both
                record(person, chain, clause_org(chain[0][0]))
    # 6a. 张华、王敏两位院士: persons listed, then their count and the title they share
    for j, t in enumerate(ents):
        last = j - 2 if j >= 2 and ents[j - 1].label == QUANTITY and _COUNTED_HOLDERS.fullmatch(ents[j - 1].text) \
            and not gap(ents[j - 1], t).strip() and not gap(ents[j - 2], ents[j - 1]).strip() else j - 1
        if t.label != TITLE or last < 0 or ents[last].label != PERSON \
                or last == j - 1 and not _COUNTED_HOLDERS.fullmatch(gap(ents[last], t)):
            continue
        first = last
        while first > 0 and ents[first - 1].label == PERSON and _PERSON_JOIN.match(gap(ents[first - 1], ents[first])):
            first -= 1
        if first < last:
            for person in ents[first:last + 1]:
                record(person, [(t, None)], clause_org(t))
    # 6b. a biography's list of posts (现任A中学校长、B协会常务理事、C协会理事): the posts
    # listed after one the person holds are theirs too, up to a person or a sentence break
    for person, title in list(recorded):
        for chain in _listed_after(text, ents, ents.index(title), chain_before):
            record(person, chain)
    # 7. 单教授 after 单兴缘: a surname + title refers back to the one person of that surname
    # named before (SPEC: in 王书记 the surname alone is no PERSON, so the full name is the person)
    for j, t in enumerate(ents):
        if t.label != TITLE or t.start == 0 or (j > 0 and ents[j - 1].end > t.start - 1
                                               and not (ents[j - 1].label == PERSON and len(ents[j - 1].text) == 1)):
            continue   # (a surname the model read as a name of its own is still that surname: 史|书记)
        surname = text[t.start - 1]
        if not regex.match(r"\p{Han}", surname) or (t.start >= 2 and text[t.start - 2] in "老小大"):
            continue
        named = {e.text for e in ents[:j] if e.label == PERSON and e.text[0] == surname
                 and 2 <= len(e.text) <= 4 and regex.fullmatch(r"\p{Han}+", e.text)}
        if len(named) == 1:
            out.setdefault((named.pop(), t.text), None)
    # a surname alone (王|书记) is no name of its own (SPEC: optional), so it holds no title;
    # nor do a name or a title written only inside a user's handle (@大象院长) or a work's
    # title (《谢谢总经理》, 《周恩来、邓颖超珍藏书画选》)
    inside = {e: inside_a_mention(text, e.start) or inside_a_work_title(text, e.start, e.end)
              for e in ents if e.label in (PERSON, TITLE)}
    only_inside = {e.text for e, within in inside.items() if within} - {e.text for e, within in inside.items() if not within}

    def kept(person: str, title: str) -> bool:
        return len(person) > 1 and person not in only_inside and title not in only_inside \
            and not _GRADE.fullmatch(title)

    def served(j: int) -> bool:
        """Whether the title ``ents[j]`` names the post an aide right after it serves (秘书长|发言人)."""
        return j + 1 < len(ents) and ents[j + 1].label == TITLE and not gap(ents[j], ents[j + 1]) \
            and ents[j + 1].text in _AIDE_OF_A_POST

    pairs = {k: o for k, o in out.items() if kept(*k)}
    if holder_model is not None:
        # 8. a title the rules gave to no one: the trained scorer's best holder, if likely
        for i, j, _ in holder_model.holders(text, ents, list(pairs)):
            if kept(ents[i].text, ents[j].text) and not served(j):
                chain, _, _ = chain_before(j)
                pairs.setdefault((ents[i].text, ents[j].text), chain[-1][1] or clause_org(ents[j]))
    for (p, t), o in pairs.items():
        if o is None:
            pairs[(p, t)] = _division_headed(text, ents, p, t)
    return [{"person": p, "title": t, "org": o} for (p, t), o in pairs.items()]


#: The head of a division, by its title's last characters, and the suffix of the divisions such a
#: title heads (县长: a 县; 市长: a 市; 州长: a 州).
_DIVISION_HEAD = regex.compile(r"(?:^|副|常务副|代)(?P<suffix>[省市县区州旗盟])长$")
#: ... or a division's level word written bare right before a title (自治区|副主席, 市|副秘书长)
_LEVEL_BEFORE = regex.compile(r"(?:自治区|[省市县区州])$")


#: A division's party committee or government (临桂区委, 兰山区区委, 南平市人民政府): its place.
_ORGAN_OF_A_DIVISION = regex.compile(r"(?P<place>\p{Han}+?(?P<suffix>[省市县区州旗盟]))(?P=suffix)?(?:委|人民政府|政府)$")


_HAN = regex.compile(r"\p{Han}")


@functools.lru_cache(maxsize=4096)
def _division_of_organ(name: str) -> tuple[str | None, str | None]:
    """RETURNS (code, written place) of the division whose party committee or government
    ``name`` is (临桂区委 -> 临桂区), or (None, None)."""
    organ = _ORGAN_OF_A_DIVISION.match(name)
    found = lookup(organ["place"]) if organ else None
    return (found[1], organ["place"]) if found and found[0] == GPE else (None, None)


def _division_headed(text: str, ents: list[E], person: str, title: str) -> str | None:
    """RETURNS the division a head of a division without its place written before the title
    holds the post in (雷山县…县长龙再明 -> 雷山县; 宜昌市…市委副书记、市长马泽江 -> 宜昌市): the
    one division of that kind the text names before the title, by its fullest written name;
    None where it names none or several (SPEC: the place the title belongs to, null where the
    text names none)."""
    pos = next((e.start for e in ents if e.label == TITLE and e.text == title), None)
    if pos is None:
        return None
    m = _DIVISION_HEAD.search(title)
    level = _LEVEL_BEFORE.search(text, max(0, pos - 3), pos)
    if level is not None and any(e.start < pos and level.start() < e.end for e in ents):
        level = None   # the level word ends a name (武汉市|副市长 is read by the rules)
    elif level is not None and len(level[0]) == 1 and level.start() > 0 and _HAN.match(text, level.start() - 1):
        level = None   # the end of a word (华中大区|总经理: a company's region), no level written bare
    suffix = level[0] if level is not None else m["suffix"] if m is not None else None
    if suffix is None:
        return None
    names: dict[str, list[str]] = {}
    for e in ents:
        if e.start >= pos:
            continue
        code, written = (e.value, e.text) if e.label == GPE and isinstance(e.value, str) else (None, None)
        if e.label == ORG:   # 临桂区委…区委副书记、区长: the division whose organ the text names
            code, written = _division_of_organ(e.text)
        if code:
            official = name_of(code) or ""
            if official.endswith(suffix) and not (suffix == "区" and level_of(code) == "province"):
                names.setdefault(code, []).append(written)
    if len(names) != 1:
        return None
    return max(next(iter(names.values())), key=len)


#: Ends of names of places one goes to (a shop, a cinema, a park, a base): a city before
#: them is where the place is, as delivery addresses write it (长沙星域网吧, 佛山万达影城).
_VENUE_END = regex.compile(r"(?:网吧|影城|影院|基地|广场|公园|乐园|园|街|路|馆|中心|大厦|酒店|宾馆|饭店|机场|"
                           r"车站|站|市场|商场|商城|超市|医院|景区|村|镇)$")


# A place that names a historical event (徐州会战, 台儿庄大捷, 西安事变) is part of the event's
# name, not a place the text is about.
_EVENT_AFTER_PLACE = regex.compile(r"会战|战役|保卫战|大捷|事变|起义|暴动|惨案|大屠杀")


#: A user named in a post (@南宁巴黎婚纱, //@大象院长：): the handle runs from @ to a space,
#: a colon, another @ or punctuation.
_MENTION = regex.compile(r"@[^\s:：@，,。！!？?；;、（）()\[\]【】“”\"]{1,30}")


def inside_a_mention(text: str, start: int) -> bool:
    """RETURNS whether offset ``start`` lies inside an @-mention of a user: a handle is a
    name made up by its user, so the places and posts in it (南宁, 院长) are nobody's."""
    at = text.rfind("@", max(0, start - 30), start + 1)
    if at < 0:
        return False
    m = _MENTION.match(text, at)
    return m is not None and start < m.end()


#: A name in quotes that the text calls a place's nickname: 有“水上桂林”之称, “东方巴黎”的美誉.
_NICKNAME = regex.compile(r"“[^“”]{1,12}”(?:之称|之美誉|的美誉|的美称|的称号|之美称)")


def _inside_a_nickname(text: str, start: int, end: int) -> bool:
    """RETURNS whether ``text[start:end]`` lies inside a quoted nickname (“水上桂林”之称)."""
    return any(m.start() < start and end < m.end() for m in _NICKNAME.finditer(text, max(0, start - 13), end + 20))


#: An honour in quotes (“襄城县劳动模范”, “许昌市十大优秀青年”): a title conferred, not a place named.
_HONOUR = regex.compile(r"“[^“”]{1,20}(?:模范|劳模|楷模|标兵|能手|青年|人物|先进个人|先进工作者|工作者|教师|红旗手|奖章|之星"
                        r"|荣誉市民|荣誉公民|名誉市民)”")


def _inside_an_honour(text: str, start: int, end: int) -> bool:
    """RETURNS whether ``text[start:end]`` lies inside a quoted honour (“襄城县劳动模范”)."""
    return any(m.start() < start and end < m.end() for m in _HONOUR.finditer(text, max(0, start - 21), end + 22))


#: A county, a district, a city or a banner by its name and suffix (not an estate's or a
#: zone's 区: 余家头小区, 下沙经济技术开发区).
_UNKNOWN_DIVISION = regex.compile(r"\p{Han}{1,6}[县市旗]|\p{Han}{1,3}(?<!小|社|园|校|景|街|片|城|工业|保税|开发|新|示范|试验)区")
#: The first two code digits of Taiwan, Hong Kong and Macau, whose places get no entry here.
_OUTSIDE_MAINLAND = frozenset({"71", "81", "82"})


#: An event named after the city that holds it, by its edition or year before the place
#: (第四届|珠海|国际航展, 2015|郑州|国际汽车后市场博览会, 中国|长春|电影节) and its kind after it.
_EVENT_EDITION_BEFORE = regex.compile(r"(?:第[\d一二三四五六七八九十百]+届|首届|\d{4}年?|中国)$")
_EVENT_KIND_AFTER = regex.compile(r"[^\s，,。；;、：:的“”《》（）()]{0,10}?(?:电影节|艺术节|音乐节|文化节|旅游节|博览会|展览会"
                                  r"|交易会|洽谈会|航展|车展|后博会|运动会|马拉松|论坛|峰会)")


def _inside_an_event(text: str, start: int, end: int) -> bool:
    """RETURNS whether ``text[start:end]`` names the host city inside an event's name
    (第四届珠海国际航展): SPEC gives a place inside another name no entry."""
    return _EVENT_EDITION_BEFORE.search(text, max(0, start - 8), start) is not None \
        and _EVENT_KIND_AFTER.match(text, end) is not None


def city_provinces(ents: list[E], province_of, is_below_province, text: str = "", readings=None,
                   model_orgs: Collection[tuple[int, int]] = (), foreign: Collection[str] = ()) -> list[dict]:
    """RETURNS ``[{"city", "province"}]`` for GPEs below province level (by division code).

    province_of (callable): code -> full province name or None.
    is_below_province (callable): code -> bool.
    text (str): the document, to leave out places that are part of another name (a work's
        title, a historical event); SPEC gives a place that occurs only inside a name no entry.
    readings (callable | None): name -> the codes of every division the name may denote. With
        it the province follows SPEC's order: the province the text states (浙江省…普陀区), then
        the one of a parent place the text names, then the place's own code (or the one
        province all its readings share). A place whose
        code was chosen without that context (a model's 普陀, resolved to no code, or to the
        most likely reading 朝阳市 in 吉林省…朝阳) gets the province the text names.
    model_orgs: the (start, end) of the organisation names the statistical model read, kept by
        the merge or not. A place written without its administrative suffix inside a longer one
        (南京正大, 济南钢铁) is taken as part of that name, unless the name is a venue's
        (长沙星域网吧: delivery addresses write the city so); with the suffix (黄陂区罗汉寺街团委)
        it stays a place.
    foreign: names of foreign countries; a place written right after one is that country's
        (美国|德州 is Texas, not 山东省's 德州).
    """
    places = [e for e in ents if e.label == GPE and isinstance(e.value, str) and e.value]
    place_at_end = {p.end: p for p in places}
    company_names = [(a, b) for a, b in model_orgs if not _VENUE_END.search(text, a, b)]
    out, seen = [], set()
    previous = None
    for e in sorted(ents):
        before, previous = previous, e
        if e.label != GPE:
            continue
        if before is not None and before.label == GPE and before.end == e.start and before.text in foreign:
            continue
        code = e.value if isinstance(e.value, str) and e.value else None
        codes = tuple(readings(e.text)) if readings else ()
        stated = (_province_now(e, places, text, province_of) if text else None) \
            or (_province_of_unknown_after(e, before, province_of) if not code and not codes else None)
        if not stated and not (is_below_province(code) if code else codes and all(is_below_province(c) for c in codes)):
            continue
        if text and (inside_a_work_title(text, e.start, e.end) or _EVENT_AFTER_PLACE.match(text, e.end)
                     or inside_a_mention(text, e.start) or _inside_a_nickname(text, e.start, e.end)
                     or _inside_an_honour(text, e.start, e.end) or _inside_an_event(text, e.start, e.end)):
            continue
        if e.text[-1] not in ADMIN_SUFFIXES and any(
                a <= e.start and e.end <= b and (a, b) != (e.start, e.end) for a, b in company_names):
            continue
        prov = stated or _province_written_before(e, place_at_end, province_of) \
            or _likely_province(e, code, codes, places, text, province_of, is_below_province)
        if prov and (e.text, prov) not in seen:
            seen.add((e.text, prov))
            out.append({"city": e.text, "province": prov})
    return out


def _likely_province(e: E, code: str | None, codes: tuple[str, ...], places: list[E], text: str,
                     province_of, is_below_province) -> str | None:
    """RETURNS the province of a place the text states none for: its own, or a parent's named
    around it, or the one all its readings share, or the municipality's (SPEC's order)."""
    own = province_of(code) if code else None
    named = _provinces_named_around(e, codes, places, province_of, is_below_province)
    prov = own if own in named or not named else named[0]
    if prov != own and own and code.endswith("00") and not _parent_right_before(e, codes, places, text) \
            and all(not c.endswith("00") for c in codes if province_of(c) == prov):
        prov = own   # 北京 天津 成都 西安 … 吉林: the city 西安, not 吉林省's district named elsewhere
    if prov is None and len({province_of(c) for c in codes}) == 1:
        prov = province_of(codes[0])  # no reading chosen, but all of them lie in one province
    if prov is None:
        # the most likely reading of a district named in a municipality and elsewhere
        # (朝阳区: 北京市 or 长春市; 普陀区: 上海市 or 舟山市) is the municipality's
        capital = {province_of(c) for c in codes if c[:2] in _MUNICIPALITIES}
        prov = capital.pop() if len(capital) == 1 else None
    return prov


#: A historical place's modern location in brackets after it: 蒲州（今山西永济）, 历城(今山东省济南市).
_NOW_BRACKET = regex.compile(r"\s*[（(]\s*今(?:中国)?")
_CLOSE_BRACKET = regex.compile(r"[）)]")


def _province_of_unknown_after(place: E, before: E | None, province_of) -> str | None:
    """RETURNS the province of a county or city the gazetteer does not know (since renamed:
    天津市|蓟县, 河北|邯郸县) written right after its province or prefecture: the province the
    text states (SPEC), or None."""
    if before is None or before.label != GPE or before.end != place.start \
            or not (isinstance(before.value, str) and before.value.endswith("00")) \
            or before.value[:2] in _OUTSIDE_MAINLAND or not _UNKNOWN_DIVISION.fullmatch(place.text):
        return None
    return province_of(before.value)


def _province_written_before(place: E, end_at: dict[int, E], province_of) -> str | None:
    """RETURNS the province written at the head of the chain of places right before ``place``
    (浙江|绍兴|山阴县, 江苏|萧县: the province the text states, SPEC, whatever the gazetteer's
    reading of a name since moved or renamed), or None. end_at: the coded places by their end."""
    k = place
    while k.start in end_at:
        k = end_at[k.start]
        if k.value.endswith("0000"):
            return province_of(k.value) if k.value[:2] not in _OUTSIDE_MAINLAND else None
    return None


def _province_now(place: E, places: list[E], text: str, province_of) -> str | None:
    """RETURNS the province of the first division named in a bracket 今… right after ``place``
    (the province the text states for it, SPEC), or None."""
    m = _NOW_BRACKET.match(text, place.end)
    if m is None:
        return None
    close = _CLOSE_BRACKET.search(text, m.end(), m.end() + 30)
    if close is None:
        return None
    inside = [p for p in places if m.end() <= p.start and p.end <= close.start()]
    return province_of(inside[0].value) if inside else None


def _parent_right_before(place: E, codes: tuple[str, ...], places: list[E], text: str) -> bool:
    """RETURNS whether a place containing one of ``place``'s readings ``codes`` ends right
    before it (吉林省西安区, 吉林 西安区: the province stated)."""
    return any(x.end <= place.start and not text[x.end:place.start].strip()
               and any(c != x.value and contains(x.value, c) for c in codes) for x in places)


#: The division codes' first two digits of the municipalities (北京, 天津, 上海, 重庆).
_MUNICIPALITIES = frozenset({"11", "12", "31", "50"})


def _provinces_named_around(place: E, codes: tuple[str, ...], places: list[E], province_of,
                            is_below_province) -> list[str]:
    """RETURNS the provinces that the other coded places of the text give ``place``, whose
    readings are ``codes``: first those of province-level places that contain a reading, then
    those of places above a reading (its prefecture); each group nearest first, places before
    ``place`` ahead of those after it."""
    if not codes:
        return []
    around = sorted((x for x in places if x.start != place.start),
                    key=lambda x: (x.start > place.start, abs(x.start - place.start)))
    out: list[str] = []
    for provinces_only in (True, False):
        for x in around:
            if is_below_province(x.value) == provinces_only:
                continue
            for c in codes:
                prov = province_of(c)
                if c != x.value and contains(x.value, c) and prov and prov not in out:
                    out.append(prov)
    return out
