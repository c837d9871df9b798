"""Clock times ("3 p.m.", "noon Thursday", "10:35 a.m. (0735 GMT) Friday") and the day
they fall on: named next to them, or else the day last mentioned in the text.

Registered after the `relative` rules (the priority order of `rules/__init__`).
"""

from __future__ import annotations

import re
from datetime import timedelta

from worker.core.text import month_number
from worker.core.timex import resolve
from worker.core.timex.context import Context
from worker.core.timex.lexicon import (
    MONTH_RE,
    ONES,
    PART_OF_DAY_RE,
    WEEKDAY_FULL_RE,
    alternation,
    weekday_number,
)
from worker.core.timex.rules.base import DIGITS, FromReference, Result, rule, tense_direction

_CLOCK = (
    r"(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?!\d|:\d)"
    r"|(?<!\bhigh\s)(?P<named>noon|midnight|midday)"  # not "High Noon"
    r"|(?P<hw>\d{1,2})\s+(?:o['’]clock|in\s+the\s+(?P<pod>morning|afternoon|evening))"
    rf"|(?P<hword>{alternation(k for k, v in ONES.items() if v <= 12)})\s+o['’]clock"
)
_TIME_DAY = (
    rf"(?P<wd>{WEEKDAY_FULL_RE})(?:,?\s+(?P<wmon>{MONTH_RE})\s+(?P<wdd>[0-3]?\d)(?!\d))?"
    r"|(?P<rel>today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening))"
    rf"|(?P<mon>{MONTH_RE})\s+(?P<d>[0-3]?\d)(?!\d)"
)


# "Friday at 3 p.m.": the day is a separate expression just before the time.
_DAY_BEFORE_CLOCK = re.compile(
    rf"(?:{_TIME_DAY})(?:\s+(?:{PART_OF_DAY_RE}))?,?\s+(?:at|from|until|by|around|about|before|after)\s+$",
    re.IGNORECASE,
)


# "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)": the day
# follows a bracketed conversion, or closes it.
_DAY_AFTER_BRACKET = re.compile(
    rf"\s*\([^()]{{0,30}}?(?:\)\s*,?\s*(?:on\s+)?)?\b(?:{_TIME_DAY})",
    re.IGNORECASE,
)


@rule(
    r"(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    rf"(?:{_CLOCK})(?:\s+(?P<tz>(?-i:[A-Z]{{2}}T|GMT|UTC)))?(?:,?\s+(?:on\s+)?(?:{_TIME_DAY}))?",
    DIGITS,
    {"noon", "midnight", "midday", "'clock"},
)
def clock(m: re.Match[str], ctx: Context) -> Result | FromReference | None:
    """3 p.m., noon Thursday, 10:35 a.m., 9 a.m. EST Tuesday → 2023-10-13T15:00.

    Without a day next to it, a time is on the day last mentioned (the publication
    date if none): "Slepian was shot on Oct. 23 ... at 10 p.m.".
    """
    hour, minute = _clock_time(m)
    if hour is None or (m["h24"] and not _looks_like_clock(m, ctx)):
        return None
    clock_time = f"T{hour:02d}:{minute:02d}"
    named = _clock_day(m, ctx)
    if named is None:
        return FromReference(
            "TIME", "D", lambda day, _: day.isoformat() + clock_time, "XXXX-XX-XX" + clock_time
        )
    day, anchored = named
    return "TIME", day + clock_time, anchored


# Words before a bare "14:30" that make it a time of day, not a score, ratio or race time.
_AT_CLOCK = re.compile(
    r"\b(?:at|by|until|till|from|before|after|around|about|since|to|between|and)\s+$", re.IGNORECASE
)


def _looks_like_clock(m: re.Match[str], ctx: Context) -> bool:
    """A bare "14:30" is a time with a time zone or day next to it ("14:30 GMT", "at 09:15
    Friday"), or after "at"/"until"... and not in a list of scores or results."""
    if m["tz"] or m["wd"] or m["rel"] or m["mon"]:
        return True
    start, end = ctx.sentence(m.start(), m.end())
    if len(_BARE_CLOCK.findall(ctx.text, start, end)) > 2:
        return False  # "scored at 7:14 ... 19:56 ... 17:46": a game's clock
    return _AT_CLOCK.search(ctx.text, max(0, m.start() - 10), m.start()) is not None


_BARE_CLOCK = re.compile(r"(?<![\d:.])\d{1,2}:\d\d(?![\d:])")


def _clock_time(m: re.Match[str]) -> tuple[int | None, int]:
    """(hour, minute) on a 24-hour clock; hour None if it is not a valid time."""
    if m["named"]:
        return (24 if m["named"].lower() == "midnight" else 12), 0
    if m["h24"]:
        return int(m["h24"]), int(m["mi24"])
    hour = int(m["h"] or m["hw"]) if m["h"] or m["hw"] else ONES[m["hword"].lower()]
    if hour > 12 or hour == 0:
        return None, 0
    pm = (m["ampm"] or "").lower().startswith("p") or (m["pod"] or "").lower() in {
        "afternoon",
        "evening",
    }
    return (hour % 12 + (12 if pm else 0)), int(m["mi"] or 0)


def _clock_day(m: re.Match[str], ctx: Context) -> tuple[str, bool] | None:
    """The day a clock time falls on, the day named after it (maybe past a bracket) or
    just before it, and whether it was resolved against the anchor; None if none is named."""
    if not (m["wd"] or m["rel"] or m["mon"]):
        m = (
            _DAY_AFTER_BRACKET.match(ctx.text, m.end())
            or _DAY_BEFORE_CLOCK.search(ctx.text, max(0, m.start() - 40), m.start())
            or m
        )
    if not (m["wd"] or m["rel"] or m["mon"]):
        return None
    if ctx.anchor is None:
        return "XXXX-XX-XX", False
    direction = tense_direction(m, ctx)
    if m["rel"]:
        offset = {"yesterday": -1, "tomorrow": 1}.get(m["rel"].lower(), 0)
        return (ctx.anchor + timedelta(days=offset)).isoformat(), True
    if m["wd"] and not m["wmon"]:
        day = resolve.weekday(ctx.anchor, weekday_number(m["wd"]), direction)
        return day.isoformat(), True
    # "Oct. 23", or "Friday, Dec. 6", where the date says which Friday
    month_, day_ = (m["wmon"], m["wdd"]) if m["wmon"] else (m["mon"], m["d"])
    found = resolve.month_day(ctx.anchor, month_number(month_), int(day_), direction)
    return (found.isoformat(), True) if found else ("XXXX-XX-XX", False)
