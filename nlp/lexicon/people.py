"""PERSON from cues: names next to titles, appointment phrases, foreign names with a middle dot.

Reads the TITLEs found before it (the titles stage runs first). A Chinese name is a surname from
``surnames.txt`` (single or compound: 欧阳, 司马) and a given name of 1–2 characters.
Cues:

- TITLE + name: 市长李明, 总工程师韩夏, 副总经理简勤;
- name + TITLE when the name stands alone between a break and the title: 。李克强总理;
- name + bracket ending in a title: 李明（武汉市副市长）;
- appointment phrases: 任命李明为..., 聘任王芳为...;
- foreign names with a middle dot: 玛丽亚·洛佩斯;
- a speaker's name before a colon at the start of a line or sentence: 陈艳萍：…;
- a name opening a biography: 谢中华，男，汉族….

The given name stops at punctuation, at function words and verbs that often follow a
name (说, 表示 → 说, 表), and prefers the length that ends at a word boundary.
"""
from __future__ import annotations

import re

from ..labels import GPE, LOC, PERSON, TITLE
from ..text import NAME_BREAK
from .candidates import Ent
from .gazetteer import ADMIN_SUFFIXES, transliteration_chars
from .names import DOT_NAME_CUT, UNIVERSITY_SHORT, after_a_dynasty, common_word, name_at, surnames, verb_led
from .words import MAX_WORD, word_flags
from .titles import is_title

# Conjunctions and adverbs that are also (rare) surnames: after a title they join or
# modify, not name (教授和乔治城大学, 两位外长都强调).
_JOINER = set("和与及同跟并或都")
# Prepositions that are also surnames (向华强, 于丹), 时 ("when") and 来 ("come to"): after a
# title they usually start the holder's verb phrase (总统向大会提交, 外长于昨日抵达,
# 欢迎国防部长时强调, 请主编来宣布).
_PREPOSITION_SURNAMES = set("向于时来")
# A district's or county's organ written short (区监委, 区纪委, 县政协): no name, though 区 is a surname.
_SHORT_ORGAN = re.compile(r"[区县市][\u4e00-\u9fff]{0,2}委")
_BREAK = NAME_BREAK
# A place name ending in one of these is a division, never a given name (副市长|武汉市).
_ADMIN_ENDS = ADMIN_SUFFIXES | set("镇乡村")
_DOTS = re.compile(r"[·•‧・]")
_HYPHENS = "-‐－"
# What a citation writes after a classical author's name (明·宋濂撰, 唐·李白诗)
_AUTHOR_VERBS = frozenset("撰著编作诗词曰云书")
_DOT_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}([·•‧・][\u4e00-\u9fff]{1,10})+")
# Heads of Uyghur names whose characters are also function words (不, 都): 阿不都热合曼·买买提.
_NAME_HEADS = ("阿不都", "阿布都", "阿不力", "阿不来", "阿不")


def _head_start(text: str, k: int) -> int | None:
    """RETURNS the start of a name head (``_NAME_HEADS``) that covers offset ``k``, or None."""
    for h in _NAME_HEADS:
        for i, c in enumerate(h):
            if c == text[k] and k - i >= 0 and text.startswith(h, k - i):
                return k - i
    return None


# Words that end a dotted foreign name (亨利·本西德|先生, 阿内·卡尔森|率领, 罗宾·库克|时).
_AFTER_NAME = ("一行", "先生", "女士", "夫人", "率领", "率团", "近日", "日前", "突然", "时", "进行", "等人")
# A speaker's name opening a text, line or sentence before a colon (interviews: 张裕能：…).
_SPEAKER = re.compile(r"(?:^|(?<=[\n。！？”」]))[\u4e00-\u9fff]{2,4}(?=[：:])")
# A name opening a biography: 谢中华，男，汉族，1965年生 (appointment notices, résumés), 莫言，原名…,
# 谷文昌，河南林县人，.
_BIO = re.compile(r"(?:^|(?<=[\n。！？；”」]))[\u4e00-\u9fff]{2,4}(?=[，,](?:[男女][，,、（(]|原名|本名|笔名|又名|字|号"
                  r"|(?:出)?生于|祖籍|籍贯|(?:19|20|18)\d\d年|[\u4e00-\u9fff]{2,10}人[，,。]))")
# Other names of a person given after their kind: 原名蒋伟, 字冰之, 笔名彬芷、从喧等 (SPEC: pen names
# and courtesy names are PERSON); 字 and 号 only opening a clause (not 数字, 型号).
_OTHER_NAMES = re.compile(r"(?:原名|本名|笔名|艺名|别名|化名|(?<=[，,；;\s])(?:字|号))"
                          r"(?![称为是叫])([\u4e00-\u9fff]{2,3}?(?:[、][\u4e00-\u9fff]{2,3}?)*)(?=[，,。；;）)\s]|等)")
# A byline in brackets: （记者贾鹏陈博）, （实习生李泽玲记者金融）: the names run up to the
# bracket's end or the next role, with no separator when the source dropped the spaces.
# A photographer's credit ends with 摄 (（本报记者张悦摄）): no part of the name.
_BYLINE = re.compile(r"(?:记者|通讯员|实习生)\s*([\u4e00-\u9fff]{2,4}?)(?:摄影?|报道)?(?=[）)]|记者|通讯员|实习生)")
# ... and a byline written with spaces, no bracket (本报记者 向东 摄, 记者 张伟 通讯员 李娜 报道)
_SPACED_BYLINE = re.compile(r"(?:记者|通讯员|实习生)[ \t\u3000]+([\u4e00-\u9fff]{2,4})(?=[ \t\u3000\n]|$)")
_APPOINT = re.compile(r"(?:任命|聘任|聘请|推选|选举|提名|免去|任免)(?=[\u4e00-\u9fff]{2,4}(?:为|同志|的))")


def spelt_like_a_foreign_name(name: str) -> bool:
    """RETURNS whether a dotted name is spelt with the characters of foreign names, rather than
    being Chinese words around a dot (晒·幸福关注广禾堂月子餐, 龙湖·花墅, 先·挖鼻屎). Short and
    half-spelt names pass (凡·高, 司马义·艾买提)."""
    parts = _DOTS.split(name)
    letters = "".join(parts)
    if not letters:
        return False
    spelling = transliteration_chars()
    share = sum(c in spelling for c in letters) / len(letters)
    return not (share == 0 and len(letters) >= 4 or share < 0.2 and max(map(len, parts)) >= 4)


class PersonCues:
    """Find PERSON candidates in one text from its words and existing entities."""

    def __init__(self, text: str, words: list[tuple[int, int]], ents: list[tuple[int, int, str]]):
        self.text = text
        self.starts = {s for s, _ in words}
        self.ends = {e for _, e in words}
        self.word_starts = sorted(self.starts)
        self.word_ends = dict(words)
        self.ents = ents
        self.ent_starts = {s for s, _, _ in ents}
        self.covered = {i for s, e, _ in ents for i in range(s, e)}

    def find(self) -> list[Ent]:
        """RETURNS PERSON candidates."""
        out: list[Ent] = []
        places = {(s, e) for s, e, label in self.ents if label in (GPE, LOC)}
        for s, e, label in self.ents:
            if label != TITLE:
                continue
            end = name_at(self.text, e, self.ends, self.ent_starts) if self.text[e:e + 1] not in _JOINER else None
            if end is not None and ((e, end) in places and not self.place_named_person(e, end)
                                    or (e, end) not in places and self.word_after_title(e, end)):
                end = None
            if end is not None:
                out.append(Ent(e, end, PERSON))
            before = self.name_before(s)
            if before is not None:
                out.append(Ent(before, s, PERSON))
            bracket = self.name_before_bracket(s)
            if bracket is not None:
                out.append(bracket)
        # a name opening a line or sentence: a biography (谢中华，男，汉族) or a speaker (陈艳萍：)
        for m in (*_BIO.finditer(self.text), *_SPEAKER.finditer(self.text)):
            # a place read inside the name does not stop it (高|仰光，男，: the merge lets the
            # name replace it)
            stop = {s for s in self.ent_starts if not m.start() < s < m.end()}
            end = name_at(self.text, m.start(), self.ends | {m.end()}, stop)
            if end == m.end() and m.start() not in self.covered and not common_word(m.group()):
                out.append(Ent(m.start(), end, PERSON))
        for m in _OTHER_NAMES.finditer(self.text):
            k = m.start(1)
            for name in m[1].split("、"):
                if not self.covered.intersection(range(k, k + len(name))):
                    out.append(Ent(k, k + len(name), PERSON))
                k += len(name) + 1
        for m in _BYLINE.finditer(self.text):
            opened = max(self.text.rfind("（", 0, m.start()), self.text.rfind("(", 0, m.start()))
            if opened >= 0 and m.start() - opened <= 20 and not re.search(r"[）)\n]", self.text[opened:m.start()]):
                out.extend(self.byline_names(m.start(1), m.end(1)))
        for m in _SPACED_BYLINE.finditer(self.text):
            out.extend(self.byline_names(m.start(1), m.end(1)))
        for m in _APPOINT.finditer(self.text):
            end = name_at(self.text, m.end(), self.ends, self.ent_starts)
            if end is not None:
                out.append(Ent(m.end(), end, PERSON))
        for m in _DOT_NAME.finditer(self.text):
            start, end = self.dot_name_start(m.start(), m.start(1)), self.dot_name_end(m.start(1), m.end())
            start = self.hyphened_given_name(start)
            classical = after_a_dynasty(self.text, start, end)
            while classical > start and end - classical >= 3 and self.text[end - 1] in _AUTHOR_VERBS:
                end -= 1   # 明·宋濂|撰, 唐·李白|诗云
            if classical > start and not _DOTS.search(self.text, classical, end) \
                    and not self.covered.intersection(range(classical, end)):
                out.append(Ent(classical, end, PERSON))   # 宋·秦观: a classical author, the name after the dot
            elif start < m.start(1) and not self.covered.intersection(range(start, end)) \
                    and spelt_like_a_foreign_name(self.text[start:end]):
                out.append(Ent(start, end, PERSON))
        return out

    def byline_names(self, start: int, end: int) -> list[Ent]:
        """The names of a byline's run ``text[start:end]``: one name of 2–3 characters, or two
        of two characters each written together (贾鹏陈博), each opening with a surname."""
        single, compound = surnames()
        run = self.text[start:end]
        if self.covered.intersection(range(start, end)):
            return []   # another stage has read part of it
        if len(run) == 4 and run[0] in single and run[2] in single and run[:2] not in compound:
            return [Ent(start, start + 2, PERSON), Ent(start + 2, end, PERSON)]
        if len(run) <= 3 and (run[0] in single or run[:2] in compound):
            return [Ent(start, end, PERSON)]
        return []

    def dot_name_start(self, start: int, dot: int) -> int:
        """Where a dotted foreign name really starts, given the regex's ``start`` and first ``dot``.

        The regex takes up to 8 characters before the dot; the name starts after the last
        entity or function word among them (首席执行官|马库斯·霍夫曼, 议员|玛蒂尔德·…), or at a
        word that runs over the dot when the segmenter keeps the name whole.
        """
        for k in range(dot - 1, start - 1, -1):
            head = _head_start(self.text, k)
            if head is not None and k not in self.covered:
                return head  # 阿不都|热合曼·买买提: the function words belong to the name
            if k in self.covered or self.text[k] in DOT_NAME_CUT:
                start = k + 1
                break
        for k in range(dot - 1, start, -1):  # 驻华大使|汉斯·…: a title the earlier stage missed
            if any(is_title(self.text[x:k]) for x in range(start, k - 1)):
                start = k
                break
        inner = [w for w in self.word_starts if start < w < dot and self.word_end_after(w) > dot]
        return inner[0] if inner else start

    def hyphened_given_name(self, start: int) -> int:
        """Where a dotted name starts when a hyphen joins a given name before it (让-|皮埃尔·索瓦,
        斯文-|戈兰·埃里克森): up to four characters right before the hyphen, after a break, an
        entity or a function word; else ``start``."""
        if start < 2 or self.text[start - 1] not in _HYPHENS:
            return start
        k = start - 1
        while k > 0 and start - 1 - k < 4 and k - 1 not in self.covered and "\u4e00" <= self.text[k - 1] <= "\u9fff" \
                and self.text[k - 1] not in DOT_NAME_CUT:
            k -= 1
        return k if k < start - 1 else start

    def dot_name_end(self, first_dot: int, end: int) -> int:
        """Where a dotted name ends: before the first function word or verb after its last
        dot (玛丽亚·洛佩斯|说, 马库斯·霍夫曼|在), or at the end of a word that runs over the
        last dot when that comes first."""
        last_dot = max(k for k in range(first_dot, end) if self.text[k] in "·•‧・")
        cut = next((k for k in range(last_dot + 2, end)
                    if self.text[k] in DOT_NAME_CUT and _head_start(self.text, k) is None or self.text.startswith(_AFTER_NAME, k)
                    or any(is_title(self.text[k:j]) for j in range(k + 2, min(end, k + 6) + 1))), end)
        whole = [self.word_end_after(w) for w in self.word_starts if w < last_dot < self.word_end_after(w)]
        if whole and last_dot + 1 < whole[0] < cut:
            return whole[0]
        return cut

    def word_after_title(self, start: int, end: int) -> bool:
        """RETURNS whether the name read after a title is rather a word that a surname
        happens to start: 校长|游览, 总统|国防问题, 总理|曾多次, 主席|纪念堂. The model, which runs later,
        still reads a real name that is also a word (市长|高峰) from its context."""
        name = self.text[start:end]
        return common_word(name, surname_head=True) or verb_led(name) or self.preposition_led(start, end)

    def preposition_led(self, start: int, end: int) -> bool:
        """RETURNS whether the name read at ``start`` is a preposition before a word: the text
        after 向/于/时 opens a dictionary word that is no given name, or one running past the
        name's end (向|大会, 于|昨日, 向|萨达姆; not 向|华强, 于|丹)."""
        if self.text[start] not in _PREPOSITION_SURNAMES:
            return False
        flags = word_flags()
        for j in range(min(len(self.text), start + 1 + MAX_WORD), start + 2, -1):
            flag = flags.get(self.text[start + 1:j])
            if flag is not None and (not flag.startswith("nr") or j > end):
                return True
        return False

    def place_named_person(self, start: int, end: int) -> bool:
        """RETURNS whether a place read right after a title, with no administrative suffix
        and a break or a word end after it, is a person's name: 院长黄河|表示."""
        return (self.text[end - 1] not in _ADMIN_ENDS
                and (end == len(self.text) or end in self.ends or self.text[end] in _BREAK))

    def word_end_after(self, w: int) -> int:
        return self.word_ends.get(w, w)

    def name_before(self, s: int) -> int | None:
        """Start of a name standing alone between a break (or the start) and offset ``s``."""
        for length in (3, 2, 4):
            i = s - length
            if i < 0 or i in self.covered or (s - 1) in self.covered:
                continue
            if (i == 0 or self.text[i - 1] in _BREAK) and name_at(self.text, i, self.ends | {s}, self.ent_starts) == s \
                    and not common_word(self.text[i:s]) and not verb_led(self.text[i:s]) \
                    and not self.text.endswith(UNIVERSITY_SHORT, i, s) and self.text[s - 1] not in _ADMIN_ENDS \
                    and not _SHORT_ORGAN.fullmatch(self.text, i, s):
                # not 、宣传部|部长 (a department), ，任公司|办公室主任 (a verb), 南师大|副校长,
                # 、罗汉村|党支部书记 (a division) or 、区监委|主任 (a district's organ: 区 is a surname too)
                return i
        return None

    def name_before_bracket(self, s: int) -> Ent | None:
        """李明（武汉市副市长）: a name right before a bracket whose content ends in a title."""
        open_at = max(self.text.rfind("（", 0, s), self.text.rfind("(", 0, s))
        if open_at < 2 or s - open_at > 20 or any(c in "）)" for c in self.text[open_at:s]):
            return None
        title_end = next((e for ts, e, lab in self.ents if ts == s and lab == TITLE), None)
        if title_end is None or self.text[title_end:title_end + 1] not in ("）", ")"):
            return None
        start = self.name_before(open_at)
        return Ent(start, open_at, PERSON) if start is not None else None
