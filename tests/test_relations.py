"""Relation rules, from entity lists written by hand."""
import pytest

from nlp.relations import E, person_titles


def ents_of(text, marked):
    """Build entities from (surface, label) pairs, each found after the previous one."""
    out, pos = [], 0
    for surface, label in marked:
        i = text.index(surface, pos)
        out.append(E(i, i + len(surface), label, surface))
        pos = i + len(surface)
    return out


CASES = [
    ("青岛市委副书记、市长赵豪志出席", [("青岛市委", "ORG"), ("副书记", "TITLE"), ("市长", "TITLE"), ("赵豪志", "PERSON")],
     [("赵豪志", "副书记", "青岛市委"), ("赵豪志", "市长", "青岛市")]),
    ("武汉市副市长李明表示", [("武汉市", "GPE"), ("副市长", "TITLE"), ("李明", "PERSON")],
     [("李明", "副市长", "武汉市")]),
    ("中国驻法国大使王强会见", [("中国", "GPE"), ("法国", "GPE"), ("大使", "TITLE"), ("王强", "PERSON")],
     [("王强", "大使", "中国")]),
    ("李克强总理主持会议", [("李克强", "PERSON"), ("总理", "TITLE")], [("李克强", "总理", None)]),
    ("宽带发展联盟理事长、中国工程院院士邬贺铨演讲",
     [("宽带发展联盟", "ORG"), ("理事长", "TITLE"), ("中国工程院", "ORG"), ("院士", "TITLE"), ("邬贺铨", "PERSON")],
     [("邬贺铨", "理事长", "宽带发展联盟"), ("邬贺铨", "院士", "中国工程院")]),
    ("总经理陈忠岳、副总经理简勤出席", [("总经理", "TITLE"), ("陈忠岳", "PERSON"), ("副总经理", "TITLE"), ("简勤", "PERSON")],
     [("陈忠岳", "总经理", None), ("简勤", "副总经理", None)]),
]


@pytest.mark.parametrize("text,marked,expected", CASES)
def test_relations_person_title(text, marked, expected):
    got = person_titles(text, ents_of(text, marked))
    assert sorted((r["person"], r["title"], r["org"]) for r in got) == sorted(expected)
