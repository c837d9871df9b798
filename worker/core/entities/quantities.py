"""Units and time zones the model takes for names: "a 30TB drive", "5 GW", "(0100 GMT)".

A unit symbol written after a number ("20 TB", "30TB", "1.5 GW", "2.6GHz") is part of a
quantity, and a time zone's abbreviation after a clock time ("(0100 GMT)", "9:30 EDT",
"2 p.m. ET"; not after the year of "a 2016 MIT study") part of a time; the model often
reads either as an ORG. Such spans are dropped, whatever their label. Units are an SI
prefix and a unit of storage, power, energy or frequency (the symbols news prints after
numbers); time zones are dateparser's abbreviations, only after a clock time, so "CAT"
or "ART" elsewhere stay names.
"""

from __future__ import annotations

import re

from dateparser.timezones import timezone_info_list

from worker.core.entities.spans import Span

_UNIT = r"(?:[kKMGTP](?:B|b|W|Wh|Hz|bps)|Wh|Hz|bps)"
_QUANTITY = re.compile(rf"(?:\d+(?:[.,]\d+)?[ -]?)?{_UNIT}")
_NUMBER_BEFORE = re.compile(r"\d[ -]?$")
# A clock time: "9:30", "2 p.m.", or four digits of a 24-hour time in brackets, after a
# preposition of time or after another zone ("( 0050 GMT )", "by 1350 GMT", "1400 EDT /
# 1800 GMT"); "a 2016 MIT study" is a year.
_CLOCK_BEFORE = re.compile(
    r"(?:\b\d{1,2}[:.]\d{2}|\d ?[ap]\.?m\.?|"
    r"(?:\( ?|\b(?:at|by|from|to|until|till|before|after|around|about|[A-Z]{2,4} /) )"
    r"(?:[01]\d|2[0-3])[0-5]\d) $"
)
_TIME_ZONES = frozenset(
    name for group in timezone_info_list for name, _offset in group["timezones"] if name.isupper()
)


def quantities(text: str, spans: list[Span]) -> list[Span]:
    """The spans less units after a number and time zones after a clock time."""
    return [s for s in spans if not _is_quantity(text, s)]


def _is_quantity(text: str, span: Span) -> bool:
    name = text[span.start : span.end]
    before = text[max(0, span.start - 12) : span.start]
    if name in _TIME_ZONES:
        return _CLOCK_BEFORE.search(before) is not None
    return _QUANTITY.fullmatch(name) is not None and (
        name[0].isdigit() or _NUMBER_BEFORE.search(before) is not None
    )
