"""The address chain splitter (nlp.lexicon.addresses), which drafts gold and the address benchmark."""
import pytest

from nlp.lexicon.addresses import address_units

# address, its units, its residue
CHAINS = [
    ("北京市海淀区中关村大街", ["北京市", "海淀区"], ["中关村大街"]),
    # a short name before a road or a station word is part of that name
    ("南京东路", [], ["南京东路"]),
    ("北京西客站", [], ["北京西客站"]),
    ("北京朝阳路", ["北京"], ["朝阳路"]),
    # 中, 大, 广 start no facility word on their own: 蚌埠 stays a unit
    ("安徽蚌埠中华古民居博览园", ["安徽", "蚌埠"], ["中华古民居博览园"]),
    # a full name keeps its unit before a facility word
    ("朝阳区小区", ["朝阳区"], ["小区"]),
]


@pytest.mark.parametrize("text,units,residue", CHAINS)
def test_addresses_units_and_residue(text, units, residue):
    got_units, got_residue = address_units(text, 0, len(text))
    assert [text[s:e] for s, e, _ in got_units] == units
    assert [text[s:e] for s, e in got_residue] == residue
