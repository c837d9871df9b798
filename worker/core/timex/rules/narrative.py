"""Expressions dated by the previous date of the text rather than the publication date:
"that year", "later that day", "the next morning", "the following month", "the
previous Friday", "on the 15th", and the second day of "April 24 and 25"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from worker.core.text import month_number
from worker.core.timex import resolve
from worker.core.timex.context import Context
from worker.core.timex.lexicon import (
    MONTH_FULL_RE,
    MONTH_RE,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    WEEKDAY_FULL_RE,
    YEAR_RE,
    weekday_number,
)
from worker.core.timex.resolve import Direction
from worker.core.timex.rules.base import (
    DIGITS,
    T_MONTHS,
    T_PARTS,
    T_WEEKDAYS,
    FromReference,
    Result,
    rule,
    tense_direction,
    time_suffix,
    words,
)
from worker.core.timex.values import Unit, fmt, shift, unknown

_PERIODS: dict[str, Unit] = {
    "day": "D", "week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y",
}  # fmt: skip
_PERIOD_RE = rf"(?P<what>{'|'.join(_PERIODS)}|{PART_OF_DAY_RE})"
_STEPS = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}
_STEP_RE = rf"the\s+(?P<step>{'|'.join(_STEPS)})"
T_PERIODS = set(_PERIODS) | T_PARTS


def _period(what: str, n: int, anaphoric: bool = False) -> FromReference:
    """The day, part of day, week... `n` units after the reference's."""
    word = what.lower()
    if word in PARTS_OF_DAY:
        suffix = time_suffix(word)
        return FromReference(
            "TIME",
            "D",
            lambda day, _: (day + timedelta(days=n)).isoformat() + suffix,
            "XXXX-XX-XX" + suffix,
            anaphoric,
        )
    unit = _PERIODS[word]
    return FromReference(
        "DATE", unit, lambda day, _: fmt(shift(day, n, unit), unit), unknown(unit), anaphoric
    )


@rule(
    r"(?:(?:earlier|later|early|late)\s+(?:on\s+|in\s+)?)?(?:that|the\s+same|that\s+same)\s+"
    rf"{_PERIOD_RE}|(?:earlier|later)\s+in\s+the\s+(?P<day>day)",
    T_PERIODS,
)
def same_period(m: re.Match[str], ctx: Context) -> FromReference:
    """That year, later that day, the same week, that night (anaphoric: dropped when no
    date precedes them); later in the day."""
    return _period(m["what"] or m["day"], 0, anaphoric=not m["day"])


@rule(
    rf"{_STEP_RE}\s+{_PERIOD_RE}|(?:the|a)\s+(?P<day>day|night|week|month|year)\s+(?P<rel>before|after)"
    r"(?=\s*(?:[,.;:!?)]|$))",
    T_PERIODS,
)
def adjacent_period(m: re.Match[str], ctx: Context) -> FromReference | None:
    """The next day, the following year, the previous week, the day before, a year after
    (with nothing after it: "the day before the vote" is dated by an event, not a date).

    "The next week/month/year" counts from the publication date unless the sentence
    is in the past tense; the relative-unit rule handles it then.
    """
    step = _STEPS[m["step"].lower()] if m["step"] else (-1 if m["rel"].lower() == "before" else 1)
    what = m["what"] or m["day"]
    next_period = words(m["step"]) == "next" and _PERIODS.get(what.lower()) not in {None, "D"}
    if next_period and tense_direction(m, ctx) >= 0:
        return None
    return _period(what, step)


@rule(rf"{_STEP_RE}\s+(?P<wd>{WEEKDAY_FULL_RE})(?:\s+(?P<pod>{PART_OF_DAY_RE}))?", T_WEEKDAYS)
def adjacent_weekday(m: re.Match[str], ctx: Context) -> FromReference:
    """The previous Friday, the following Monday morning."""
    number = weekday_number(m["wd"])
    direction: Direction = 1 if _STEPS[m["step"].lower()] > 0 else -1
    suffix = time_suffix(m["pod"])
    return FromReference(
        "TIME" if suffix else "DATE",
        "D",
        lambda day, _: resolve.weekday(day, number, direction, strict=True).isoformat() + suffix,
        f"XXXX-WXX-{number}{suffix}",
    )


@rule(rf"{_STEP_RE}\s+(?P<mon>{MONTH_FULL_RE})", T_MONTHS)
def adjacent_month(m: re.Match[str], ctx: Context) -> FromReference:
    """The following March, the previous December."""
    number = month_number(m["mon"])
    direction: Direction = 1 if _STEPS[m["step"].lower()] > 0 else -1
    return FromReference(
        "DATE",
        "M",
        lambda day, _: fmt(resolve.month(day, number, direction, strict=True), "M"),
        f"XXXX-{number:02d}",
    )


# --------------------------------------------------------------------------- days of a month

_DAY_PREPOSITION = re.compile(
    r"\b(?:on|by|until|till|since|from|before|after|through)\s+$", re.IGNORECASE
)
# A listed or ranged day right after a month and day: "April 24 and 25", "Oct. 5, 6 or 7",
# "Oct. 5-7".
_AFTER_MONTH_DAY = re.compile(
    rf"(?:{MONTH_RE})\s+[0-3]?\d(?:st|nd|rd|th)?(?:,\s*[0-3]?\d(?:st|nd|rd|th)?)*"
    r"(?:,?\s+(?:and|or|to|through)\s+|\s*[-–]\s*)$"
)


@rule(
    r"the\s+(?P<d>[1-3]?\d)(?:st|nd|rd|th)(?=\s*(?:[,.;:!?)]|$|\s+(?:and|or|to|at|when)\b))",
    {"st", "nd", "rd", "th"},  # "15th" is the tokens "15" and "th"
)
def ordinal_day(m: re.Match[str], ctx: Context) -> FromReference | None:
    """ "On the 15th": that day of the month last mentioned, or of the publication
    month (the one before or after it when the tense says the day is past or to come)."""
    n = int(m["d"])
    if not 1 <= n <= 31 or not _DAY_PREPOSITION.search(ctx.text, max(0, m.start() - 9), m.start()):
        return None
    direction = tense_direction(m, ctx)

    def compute(day: date, granularity: Unit) -> str:
        found = date(day.year, day.month, n)
        if granularity == "D" and direction * (found - day).days < 0:
            found = shift(day, direction, "M").replace(day=n)
        return found.isoformat()

    return FromReference("DATE", "M", compute, f"XXXX-XX-{n:02d}")


@rule(
    r"(?=\d)(?:(?<=\sand\s)|(?<=\sor\s)|(?<=\sto\s)|(?<=\sthrough\s)|(?<=\d[-–]))"
    r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%:]|[.,]\d|\s+(?:percent|a\.m|p\.m))"
    rf"(?:,?\s+(?P<y>{YEAR_RE})\b)?",
    DIGITS,
)
def listed_day(m: re.Match[str], ctx: Context) -> FromReference | None:
    """The 25 of "April 24 and 25" or "April 24-25, 2024": the month (and year, unless
    given) of the day before it."""
    n = int(m["d"])
    if not 1 <= n <= 31 or not _AFTER_MONTH_DAY.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None
    year = int(m["y"]) if m["y"] else None
    return FromReference(
        "DATE",
        "D",
        lambda day, _: day.replace(year=year or day.year, day=n).isoformat(),
        f"{year or 'XXXX'}-XX-{n:02d}",
    )


# --------------------------------------------------------------------------- parts of a day

_DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1}


@rule(
    r"(?:(?:early|late|mid)(?:-|\s+)|(?<=\bin\s)the\s+)(?P<pod>morning|afternoon|evening)"
    rf"(?:\s+(?P<w>{'|'.join(_DAY_OFFSETS)}))?",
    {"morning", "afternoon", "evening"},
)
def part_of_day(m: re.Match[str], ctx: Context) -> Result | FromReference:
    """Mid-afternoon yesterday (from the publication date); "by mid-afternoon", "in the
    morning" (of the day last mentioned)."""
    suffix = time_suffix(m["pod"])
    if m["w"]:
        if ctx.anchor is None:
            return "TIME", "XXXX-XX-XX" + suffix, False
        day = ctx.anchor + timedelta(days=_DAY_OFFSETS[m["w"].lower()])
        return "TIME", day.isoformat() + suffix, True
    return FromReference(
        "TIME", "D", lambda day, _: day.isoformat() + suffix, "XXXX-XX-XX" + suffix
    )
