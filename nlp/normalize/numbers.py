"""Numerals to numbers: Arabic, full-width, Chinese, financial capitals and mixed forms.

``parse_number`` reads the numeral part of an expression (no unit):

* Arabic, full-width (``３６万``), thousands separators (``1,234.5``), decimals, a sign
  (``-3.5``, ``负三``, ``零下5``);
* Chinese positional numerals (``一百七十万``, ``两千零五``, ``二十六点四``), financial
  capitals (``壹仟贰佰``), colloquial elision (``一千二`` = 1200, ``三万五`` = 35000);
* digit-by-digit strings (``二○○一``, ``一九九八``), with 〇, ○ or 零 as zero;
* mixed forms (``4.7亿``, ``1千万``, ``3.5万亿``, ``一万二千亿``);
* the approximators 余 and 多 inside or after the number (``100多万``, ``5万余``): the value
  is the number written, i.e. the lower bound.

``parse_percent`` reads a ratio and returns a fraction: ``7.2%``, ``5‰``, ``百分之十二``,
``千分之三``, ``三分之一``, ``1/3``, ``三成``, ``七成五``.

Values are computed with ``decimal.Decimal`` so that ``4.7亿`` is exactly 470000000; the
result is an ``int`` when integral, else a ``float``.

cn2an is not used here. Measured by ``benchmarks/numbers_vs_cn2an.py`` it does no conversion
better than this module: ``cn2an.cn2an`` rejects ○ as a zero, mixed forms such as ``4.7亿``
outside its "smart" mode, ``一亿二``, 余/多 and every ratio form; so it serves only as the
benchmark's baseline.
"""
from __future__ import annotations

from decimal import Decimal

import regex

from ..text import fold_width

#: Chinese digits, including financial capitals and traditional forms.
DIGITS = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
#: Units that multiply within a section of four digits.
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
#: Section units; 万亿 needs no entry (万 then 亿 multiply).
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
#: Approximators read as "at least the number written".
APPROX = "余多"
SIGNS = "-−负"
BELOW_ZERO = "零下"  # 零下5 = -5 (temperatures)

_TOKEN = regex.compile(r"\d+(?:\.\d+)?|.")
_THOUSANDS = regex.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_ARABIC = regex.compile(r"[+\-−]?\d+(?:\.\d+)?")
_DENOMINATORS = {"百": 100, "千": 1000, "万": 10000}


def parse_number(text: str) -> int | float:
    """Convert a numeral (Arabic, Chinese or mixed, no unit) to a number.

    text (str): e.g. "4.7亿", "一百七十万", "二○○一", "1,234.5", "壹仟贰佰", "100多万".
    RETURNS (int | float): an int when the value is integral.
    Raises ValueError when ``text`` is not a numeral.
    """
    return _to_number(_parse_decimal(text))


def parse_percent(text: str) -> float:
    """Convert a ratio to a fraction: "7.2%" -> 0.072, "两成" -> 0.2, "三分之一" -> 0.333...

    Accepts %, ％, ‰, 百分之/千分之/万分之 X, X分之Y, Y/X (Y／X) and X成 (X成Y, e.g. 七成五 = 0.75).
    RETURNS (float): the fraction. Raises ValueError when ``text`` is not a ratio.
    """
    s = _clean(text)
    if s.endswith("%"):
        value = _parse_decimal(s[:-1]) / 100
    elif s.endswith("‰"):
        value = _parse_decimal(s[:-1]) / 1000
    elif "/" in s:
        num, den = (_parse_decimal(part) for part in s.split("/", 1))
        if den == 0:
            raise ValueError(f"zero denominator in {text!r}")
        value = num / den
    elif "分之" in s:
        den, num = s.split("分之", 1)
        sign = -1 if den[:1] in SIGNS else 1
        den = den.lstrip(SIGNS)
        denominator = Decimal(_DENOMINATORS[den]) if den in _DENOMINATORS else _parse_decimal(den)
        if denominator == 0:
            raise ValueError(f"zero denominator in {text!r}")
        value = sign * _parse_decimal(num) / denominator
    elif "成" in s:
        tenths, _, hundredths = s.partition("成")
        value = _parse_decimal(tenths) / 10
        if hundredths:
            if hundredths not in DIGITS:
                raise ValueError(f"not a ratio: {text!r}")
            value += Decimal(DIGITS[hundredths]) / 100
    else:
        raise ValueError(f"not a ratio: {text!r}")
    return float(value)


def _clean(text: str) -> str:
    """Fold width, drop spaces and thousands separators."""
    s = fold_width(text).strip().replace(" ", "")
    return _THOUSANDS.sub("", s)


def _to_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _parse_decimal(text: str) -> Decimal:
    s = _clean(text)
    sign = 1
    if s.startswith(BELOW_ZERO):
        sign, s = -1, s[len(BELOW_ZERO):]
    elif s[:1] in SIGNS:
        sign, s = -1, s[1:]
    elif s[:1] == "+":
        s = s[1:]
    if s[:1] in APPROX:  # 余/多 may follow a number, never lead one
        raise ValueError(f"not a numeral: {text!r}")
    s = "".join(c for c in s if c not in APPROX)
    if not s:
        raise ValueError(f"not a numeral: {text!r}")
    if _ARABIC.fullmatch(s):
        return sign * Decimal(s)
    if len(s) >= 2 and all(c in DIGITS for c in s):  # 二○○一, 一九九八
        return sign * Decimal("".join(str(DIGITS[c]) for c in s))
    return sign * _positional(s, text)


def _positional(s: str, original: str) -> Decimal:
    """Read a positional numeral: sections of 十/百/千 joined by 万/亿."""
    tokens = _TOKEN.findall(s)
    total = section = Decimal(0)
    number: Decimal | None = None
    last_small = 10**5           # small units must decrease within a section
    top_big = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if tok[0].isdigit() or tok in DIGITS:
            if number is not None:
                raise ValueError(f"not a numeral: {original!r}")
            if tok in DIGITS and DIGITS[tok] == 0:
                continue
            number = Decimal(tok) if tok[0].isdigit() else Decimal(DIGITS[tok])
        elif tok == "点":
            frac = ""
            while i < len(tokens) and (tokens[i] in DIGITS or tokens[i].isdigit()):
                frac += tokens[i] if tokens[i].isdigit() else str(DIGITS[tokens[i]])
                i += 1
            if not frac:
                raise ValueError(f"not a numeral: {original!r}")
            number = (number or Decimal(0)) + Decimal("0." + frac)
        elif tok in SMALL_UNITS:
            unit = SMALL_UNITS[tok]
            if unit >= last_small:
                raise ValueError(f"not a numeral: {original!r}")
            section += (Decimal(1) if number is None else number) * unit
            number, last_small = None, unit
        elif tok in BIG_UNITS:
            unit = BIG_UNITS[tok]
            section += number or 0
            if section == 0 and total == 0:
                section = Decimal(1)  # a bare 万 or 亿
            if unit > top_big:
                total, top_big = (total + section) * unit, unit
            else:
                total += section * unit
            section, number, last_small = Decimal(0), None, 10**5
        else:
            raise ValueError(f"not a numeral: {original!r}")
    if number is not None:
        # Colloquial elision: a last Chinese digit right after a unit counts one place
        # lower (一千二 = 1200, 三万五 = 35000, 十五 = 15).
        if len(tokens) >= 2 and tokens[-1] in DIGITS:
            unit = SMALL_UNITS.get(tokens[-2]) or BIG_UNITS.get(tokens[-2])
            if unit:
                number *= Decimal(unit) / 10
        section += number
    return total + section
