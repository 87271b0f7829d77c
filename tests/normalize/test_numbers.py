"""Tests of the pure numeral, ratio and date parsers in ``nlp.normalize``."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, strategies as st

from nlp.normalize import normalize_date, parse_number, parse_percent

NUMBERS = [
    # Arabic, full-width, separators, decimals, sign
    ("0", 0), ("12", 12), ("３６", 36), ("１２３.５", 123.5), ("1,234", 1234),
    ("1,234.5", 1234.5), ("12,345,678", 12345678), ("3.14", 3.14), ("-3.5", -3.5),
    ("−2", -2), ("+7", 7),
    # Chinese positional
    ("十", 10), ("十五", 15), ("二十", 20), ("一百七十万", 1700000), ("两", 2), ("两千零五", 2005),
    ("一百零五", 105), ("一千零一十", 1010), ("三千万亿", 3 * 10**15), ("一亿三千万", 130000000),
    ("一万二千亿", 1200000000000), ("六百万", 6000000), ("十万八千", 108000), ("百万", 1000000),
    ("二十六点四", 26.4), ("零点五", 0.5), ("三点一四", 3.14), ("一点二亿", 120000000),
    ("负三", -3), ("零下五", -5),
    # colloquial elision
    ("一千二", 1200), ("三万五", 35000), ("一亿二", 120000000), ("两百五", 250),
    # digit by digit
    ("二○○一", 2001), ("二〇一九", 2019), ("一九九八", 1998), ("二零二零", 2020),
    # financial capitals and traditional forms
    ("壹仟贰佰", 1200), ("叁佰伍拾万", 3500000), ("壹拾贰万", 120000), ("玖佰玖拾玖", 999),
    ("貳萬", 20000), ("伍億", 500000000),
    # mixed
    ("4.7亿", 470000000), ("1千万", 10000000), ("3.5万亿", 3500000000000), ("31.5万", 315000),
    ("2.5万", 25000), ("1万2千", 12000), ("３６万", 360000), ("0.5亿", 50000000),
    # approximators: the number written
    ("5万余", 50000), ("100多万", 1000000), ("20多", 20), ("十余万", 100000),
]

NOT_NUMBERS = ["", "余", "多", "abc", "五十百", "十十", "亿万x", "点", "3点", "1.2.3"]

PERCENTS = [
    ("7.2%", 0.072), ("30.3%", 0.303), ("７.２％", 0.072), ("-3.5%", -0.035), ("100%", 1.0),
    ("5‰", 0.005), ("百分之十二", 0.12), ("百分之三点五", 0.035), ("百分之百", 1.0),
    ("百分之5", 0.05), ("千分之三", 0.003), ("千分之八点五", 0.0085), ("万分之五", 0.0005),
    ("三分之一", 1 / 3), ("四分之三", 0.75), ("十分之一", 0.1), ("三成", 0.3), ("两成", 0.2),
    ("九成", 0.9), ("七成五", 0.75), ("十成", 1.0), ("1/3", 1 / 3), ("３／４", 0.75),
]

NOT_PERCENTS = ["7.2", "百分之", "零分之一", "三成x", "abc", "1/0", "/3"]

DATES = [
    ("2019年5月8日", "2019-05-08"), ("2019年", "2019"), ("1998年1月", "1998-01"),
    ("二○○一年", "2001"), ("二〇一九年五月八日", "2019-05-08"), ("二〇二〇年十二月二十四日", "2020-12-24"),
    ("2030年底", "2030"), ("2030年前", "2030"), ("2023年6月底前", "2023-06"), ("２０２１年", "2021"),
    ("2019年5月8号", "2019-05-08"), ("2019年5月份", "2019-05"), ("2019-05-08", "2019-05-08"),
    ("2019/5/8", "2019-05-08"), ("2020年2月29日", "2020-02-29"),
    # no absolute value
    ("5月8日", None), ("今年4月", None), ("2019年2月30日", None), ("2019年13月", None),
    ("2019年2月29日", None), ("五年", None), ("0999年", None),
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_numbers_parse_number(text, expected):
    value = parse_number(text)
    assert math.isclose(value, expected, rel_tol=1e-12)
    assert type(value) is type(expected)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_numbers_parse_number_rejects(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_numbers_large_values_are_exact():
    # Decimal arithmetic: no float error in 4.7 * 10**8 or 1234.5678万
    assert parse_number("4.7亿") == 470000000
    assert parse_number("1234.5678万") == 12345678
    assert parse_number("9.99万亿") == 9990000000000


@pytest.mark.parametrize("text,expected", PERCENTS)
def test_numbers_parse_percent(text, expected):
    assert math.isclose(parse_percent(text), expected, rel_tol=1e-9)


@pytest.mark.parametrize("text", NOT_PERCENTS)
def test_numbers_parse_percent_rejects(text):
    with pytest.raises((ValueError, KeyError)):
        parse_percent(text)


@pytest.mark.parametrize("text,expected", DATES)
def test_numbers_normalize_date(text, expected):
    assert normalize_date(text) == expected


_CN = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """A straightforward reference writer of Chinese numerals below 10**8."""
    if n == 0:
        return "零"
    out, zero = "", False
    for unit_value, unit in ((10**7, "千"), (10**6, "百"), (10**5, "十"), (10**4, "万"),
                             (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit_value % 10
        if d:
            if zero and out:
                out += "零"
            out += _CN[d] + unit
            zero = False
        else:
            zero = True
        if unit_value == 10**4 and n >= 10**4 and not out.endswith("万"):
            out += "万"
            zero = n // 1000 % 10 == 0 and n % 10**4 != 0
    return out


@given(st.integers(min_value=0, max_value=10**8 - 1))
def test_numbers_roundtrip_chinese(n):
    assert parse_number(_to_chinese(n)) == n


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_numbers_roundtrip_arabic_with_separators(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n
