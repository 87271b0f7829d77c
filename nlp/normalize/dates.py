"""Calendar dates to ISO 8601: 2019年5月8日 -> "2019-05-08", 1998年1月 -> "1998-01", 2019年 -> "2019".

Only absolute dates get a value: an expression with no year (5月8日, 今年4月) returns None.
Modifiers after the calendar part are ignored, so 2030年底 and 2030年前 give "2030": the value
is the ISO form of the calendar anchor written, not of the period the modifier describes.
"""
from __future__ import annotations

import calendar

import regex

from ..text import fold_width
from .numbers import DIGITS, parse_number

_CN = "".join(DIGITS) + "十"
_DATE = regex.compile(
    rf"(?P<y>\d{{4}}|[{_CN}]{{4}})年"
    rf"(?:(?P<m>\d{{1,2}}|[{_CN}]{{1,2}})月(?:份)?"
    rf"(?:(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})[日号])?)?")
_NUMERIC = regex.compile(r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?:(?P=s)(?P<d>\d{1,2}))?")
_YEAR_RANGE = (1000, 2999)


def normalize_date(text: str) -> str | None:
    """ISO 8601 form of the absolute calendar date at the start of ``text``.

    text (str): e.g. "2019年5月8日", "二○○一年", "1998年1月", "2030年底", "2019-05-08".
    RETURNS (str | None): "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None without a valid year,
        month or day.
    """
    s = fold_width(text).strip()
    match = _DATE.match(s) or _NUMERIC.fullmatch(s)
    if not match:
        return None
    try:
        year = parse_number(match["y"])
        month = parse_number(match["m"]) if match["m"] else None
        day = parse_number(match["d"]) if match["d"] else None
    except ValueError:
        return None
    if not _YEAR_RANGE[0] <= year <= _YEAR_RANGE[1]:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
