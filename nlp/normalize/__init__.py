"""Pure normalisers (no spaCy import): numerals, percentages, dates.

    from nlp.normalize import parse_number, parse_percent, normalize_date
    parse_number("4.7亿")        # 470000000
    parse_percent("百分之十二")   # 0.12
    normalize_date("2019年5月8日")  # "2019-05-08"
"""
from __future__ import annotations

from .dates import normalize_date
from .numbers import parse_number, parse_percent

__all__ = ["parse_number", "parse_percent", "normalize_date"]
