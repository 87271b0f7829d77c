"""Who holds a title the person_title rules gave to no one: a small trained pair scorer.

The rules in ``relations.py`` read the regular shapes of news (青岛市委副书记、市长赵豪志, 李克强
总理, 张三任…董事长). A title they leave without a holder is often still someone's: a biography's
posts far from its subject (陈公白…历任…组长、委员), a name and a post split by a clause. For each
such title mention, every person named within ``window`` characters is a candidate; a logistic
model scores (person, title) pairs from the text between them and around them, and the best
candidate holds the title when its probability reaches ``threshold``.

The model is a table of feature weights (``models/holders/holders.json``), trained by
``python -m nlp train holders`` on the person_title pairs of the real-text dev gold
(``nlp/training/holders.py``). No spaCy here: the caller passes the entities as ``E`` tuples.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence, TypeVar

import regex

from ..errors import ModelLoadError
from ..labels import GPE, ORG, PERSON, TITLE
from ..text import inside_a_work_title

K = TypeVar("K")
_SENTENCE_BREAK = regex.compile(r"[。！？!?\n]")
_CLAUSE_BREAK = regex.compile(r"[，,；;：:]")
#: verbs and copulas that put a person in a post; the last one between the two is a feature
_HOLDING = regex.compile(r"历任|担任|出任|兼任|升任|调任|接任|就任|当选|曾任|现任|任职|聘为|聘任|任命|改任|转任|"
                         r"作为|成为|任|是|为")

#: A verb of meeting, greeting or addressing someone: a title after it in the same sentence is
#: its object's, not the subject's (习近平会见美国总统, 李明看望原副市长, 致电祝贺当选总统).
OBJECT_VERB = regex.compile(r"会见|会晤|接见|拜会|拜访|看望|慰问|探望|宴请|陪同|致电|致函|致信|致贺|祝贺|感谢"
                            r"|邀请|会谈|通话|通电话|约见|召见|问候|采访|汇报")
#: A preposition right before a title (or its body): the title names the preposition's object
#: (王毅同俄罗斯外长通电话, 李明向总经理汇报).
_OBJECT_PREPOSITION = frozenset("同与跟向对给把被替")


def _bucket(n: int, top: int) -> str:
    return str(min(n, top))


def _log_bucket(n: int) -> str:
    return "0" if n <= 0 else str(min(int(math.log2(n)) + 1, 8))


def pair_features(text: str, ents: Sequence, title: int, person: int, doc: "DocContext") -> list[str] | None:
    """The features of ``ents[person]`` holding ``ents[title]``; None when the two overlap."""
    t, p = ents[title], ents[person]
    if p.end <= t.start:
        lo, hi, side = p.end, t.start, "L"     # the person is written before the title
    elif p.start >= t.end:
        lo, hi, side = t.end, p.start, "R"
    else:
        return None
    between = text[lo:hi]
    inside = []   # the entities between the two (``ents`` is sorted by offset)
    for e in ents[bisect_left(doc.starts, lo):]:
        if e.start >= hi:
            break
        if e.end <= hi:
            inside.append(e)
    persons = _bucket(sum(e.label == PERSON for e in inside), 2)
    sentences = _bucket(len(_SENTENCE_BREAK.findall(between)), 2)
    distance = _log_bucket(hi - lo)
    verbs = _HOLDING.findall(between)
    short = between if len(between) <= 3 else "*"
    return [
        f"side={side}", f"dist={side}{distance}", f"persons={side}{persons}",
        f"sentences={side}{sentences}",
        f"clauses={side}{_bucket(len(_CLAUSE_BREAK.findall(between)), 3)}",
        f"titles={side}{_bucket(sum(e.label == TITLE for e in inside), 2)}",
        f"bodies={side}{_bucket(sum(e.label in (ORG, GPE) for e in inside), 2)}",
        f"sentences+persons={side}{sentences}{persons}", f"dist+persons={side}{distance}{persons}",
        f"last_verb={side}{verbs[-1] if verbs else '-'}", f"first_verb={side}{verbs[0] if verbs else '-'}",
        f"before_title={text[t.start - 1:t.start]}", f"before_title2={text[max(0, t.start - 2):t.start]}",
        f"after_title={text[t.end:t.end + 1]}", f"after_title2={text[t.end:t.end + 2]}",
        f"after_person={side}{text[p.end:p.end + 1]}", f"after_person2={side}{text[p.end:p.end + 2]}",
        f"before_person={side}{text[p.start - 1:p.start]}",
        f"title={t.text}", f"title_len={_bucket(len(t.text), 5)}",
        f"first_person={p.text == doc.first_person}", f"main_person={p.text == doc.main_person}",
        f"mentions={_bucket(doc.mentions[p.text], 3)}", f"one_person={len(doc.mentions) == 1}",
        f"name_len={_bucket(len(p.text), 5)}",
        f"main_person+sentences={p.text == doc.main_person}{side}{sentences}",
        f"between{side}={short}",
    ]


@dataclass
class DocContext:
    """What the features need to know about the whole document."""
    mentions: Counter = field(default_factory=Counter)   # person -> times named
    first_person: str | None = None
    main_person: str | None = None                       # the person named most often
    starts: list = field(default_factory=list)           # the entities' start offsets, sorted


def _context(ents: Sequence) -> DocContext:
    names = [e.text for e in ents if e.label == PERSON and len(e.text) > 1]
    mentions = Counter(names)
    return DocContext(mentions, names[0] if names else None,
                      mentions.most_common(1)[0][0] if names else None, [e.start for e in ents])


def candidates(text: str, ents: Sequence, ruled: Sequence[tuple[str, str]], window: int
               ) -> Iterator[tuple[int, list[tuple[int, list[str]]]]]:
    """For each TITLE mention whose text no rule pair holds: its index and its candidate
    holders, each ``(person index, features)``. ``ents`` sorted by offset; ``ruled`` the
    (person, title) pairs the rules found (training passes none, to see every title)."""
    held = {t for _, t in ruled}
    doc = _context(ents)
    # a title or a name inside a work's title (《谢谢总经理》, 《周恩来、邓颖超珍藏书画选》) is no post held
    persons = [i for i, e in enumerate(ents) if e.label == PERSON and len(e.text) > 1
               and not inside_a_work_title(text, e.start, e.end)]
    for j, t in enumerate(ents):
        if t.label != TITLE or t.text in held or inside_a_work_title(text, t.start, t.end):
            continue
        found = []
        for i in persons:
            p = ents[i]
            if max(t.start - p.end, p.start - t.end) > window:
                continue
            features = pair_features(text, ents, j, i, doc)
            if features is not None:
                found.append((i, features))
        yield j, found


def object_of_the_person(text: str, ents: Sequence, title: int, person: int) -> bool:
    """RETURNS whether ``ents[title]`` is the object of a verb or a preposition of
    ``ents[person]``, written before it: a verb of meeting or greeting between them (习近平会见
    美国总统) or a preposition right before the title or its body (王毅同|俄罗斯|外长). A rule
    over the scorer: such a title is someone else's."""
    t, p = ents[title], ents[person]
    if p.end > t.start:
        return False
    head = title   # the title's body written right before it (俄罗斯|外长) goes with it
    while head > 0 and ents[head - 1].label in (ORG, GPE) and ents[head - 1].end == ents[head].start:
        head -= 1
    return text[ents[head].start - 1:ents[head].start] in _OBJECT_PREPOSITION \
        or OBJECT_VERB.search(text, p.end, t.start) is not None


@dataclass(frozen=True)
class HolderModel:
    """A logistic model over pair features: P(holds) = sigmoid(bias + sum of weights)."""
    weights: dict
    bias: float
    threshold: float
    window: int

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def best(self, candidates: Iterable[tuple[K, Sequence[str]]]) -> tuple[float, K] | None:
        """RETURNS ``(probability, key)`` of the likeliest of ``(key, features)`` candidates
        (ties to the greater key), or None when none reaches the threshold."""
        scored = [(self.probability(f), key) for key, f in candidates]
        if not scored:
            return None
        top = max(scored)
        return top if top[0] >= self.threshold else None

    def holders(self, text: str, ents: Sequence, ruled: Sequence[tuple[str, str]]
                ) -> list[tuple[int, int, float]]:
        """RETURNS ``(person index, title index, probability)`` for each title the rules left
        without a holder whose best candidate reaches the threshold."""
        out = []
        for j, found in candidates(text, ents, ruled, self.window):
            top = self.best([(i, f) for i, f in found if not object_of_the_person(text, ents, j, i)])
            if top is not None:
                out.append((top[1], j, top[0]))
        return out

    def to_json(self) -> dict:
        return {"bias": self.bias, "threshold": self.threshold, "window": self.window,
                "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: dict) -> "HolderModel":
        return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]), int(data["window"]))


@lru_cache(maxsize=4)
def load(path: str | Path) -> HolderModel:
    """Read a model written by ``nlp train holders`` (a JSON file; cached per path).
    RAISES ModelLoadError when it is missing or unreadable."""
    try:
        with open(path, encoding="utf-8") as f:
            return HolderModel.from_json(json.load(f))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ModelLoadError(str(path), f"holder scorer not loadable ({err}); "
                                        "rebuild it with `python -m nlp train holders --install`") from err
