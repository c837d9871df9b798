"""Expressions resolved against the publication date and the tense: month and
weekday names, today/yesterday, this/last/next units and compared periods in
results news (clock times are in `clock`, holidays and seasons in `named`)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from worker.core.text import month_number
from worker.core.timex import resolve
from worker.core.timex.context import Context
from worker.core.timex.lexicon import (
    MONTH_FULL_RE,
    MONTH_RE,
    NUMBER_RE,
    ORDINAL_RE,
    ORDINALS,
    PART_OF_DAY_RE,
    UNIT_RE,
    UNITS,
    WEEKDAY_FULL_RE,
    WEEKDAY_RE,
    YEAR_RE,
    weekday_number,
)
from worker.core.timex.rules.base import (
    DIGITS,
    POSITION,
    T_MONTHS,
    T_PARTS,
    T_UNITS,
    T_WEEKDAYS,
    UNIT_STEP,
    Found,
    Result,
    last_quarter,
    longer_period,
    quarter_context,
    relative,
    reported_quarter,
    rule,
    side,
    step_of,
    tense_direction,
    time_suffix,
    with_part_of_day,
    words,
    year_ago,
)
from worker.core.timex.values import Unit, duration, fmt

# "last May", "this coming Friday": the words that step a month or weekday from the anchor.
_STEP = r"last|next|this|this\s+past|this\s+coming"


@rule(
    rf"{POSITION}?(?:(?P<det>{_STEP})\s+)?(?P<mon>{MONTH_FULL_RE}|{MONTH_RE}(?<=\.))"
    r"(?:\s+(?:of\s+)?(?P<rel>this|last|next)\s+year)?",
    T_MONTHS,
)
def month_alone(m: re.Match[str], ctx: Context) -> Result | None:
    """ "in March" (tense decides the year), "last May", "January this year"."""
    number = month_number(m["mon"])
    if not (m["det"] or m["rel"] or m.group(0) != m["mon"] or _month_context(m, ctx)):
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{number:02d}", False
    if m["rel"] or words(m["det"]) == "this":
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[words(m["rel"] or "this")]
        return "DATE", f"{year}-{number:02d}", True
    step = step_of(m["det"])
    direction = side(m, ctx, step)
    found = resolve.month(ctx.anchor, number, direction, strict=bool(step))
    return "DATE", fmt(found, "M"), True


_MONTH_PREPOSITIONS = re.compile(
    r"\b(?:in|on|by|since|until|till|from|to|through|before|after|during|between|and|or|of|since|early|late|mid|the)\s+$",
    re.IGNORECASE,
)


def _month_context(m: re.Match[str], ctx: Context) -> bool:
    """A bare month name needs a preposition before it unless it cannot be a verb or name."""
    if m["mon"].lower() not in {"may", "march", "august"}:
        return True
    return _MONTH_PREPOSITIONS.search(ctx.text, max(0, m.start() - 12), m.start()) is not None


# "Early Friday", "late yesterday", "earlier today": part of the extent (TimeML's mod),
# not of the value.
_DAY_POSITION = r"(?P<mod>(?:early|late|earlier|later)\s+)?"
# A capitalised word after a weekday that makes "The Sunday Times" a name, not a date.
_NAME_AROUND = re.compile(
    rf"\s+(?!(?:{MONTH_RE}|{WEEKDAY_RE}|{PART_OF_DAY_RE})\b)(?-i:[A-Z][a-z]+)"
)
_WORD = re.compile(r"\w")
_OPENING_QUOTE = re.compile(r"[\"“‘'`]$")


def _starts_sentence(ctx: Context, start: int) -> bool:
    """Whether no word stands between the sentence start and `start` (quotes may)."""
    return _WORD.search(ctx.text, ctx.sentence(start, start + 1)[0], start) is None


@rule(
    rf"{_DAY_POSITION}(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<pod>{PART_OF_DAY_RE}))?",
    {"today", "tonight", "yesterday", "tomorrow"},
)
def deictic_day(m: re.Match[str], ctx: Context) -> Result | None:
    """Today, late yesterday, tomorrow morning, tonight → the day (TIME with a part of day).

    A capitalised "Today" inside a sentence is a name ("USA Today").
    """
    if m["w"][0].isupper() and not m["mod"] and not _starts_sentence(ctx, m.start()):
        return None
    word = m["w"].lower()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    pod = m["pod"] or ("night" if word == "tonight" else None)
    if ctx.anchor is None:
        return with_part_of_day("XXXX-XX-XX", pod)
    kind, value, _ = with_part_of_day((ctx.anchor + timedelta(days=offset)).isoformat(), pod)
    return kind, value, True


@rule(
    rf"(?:(?:early|late|earlier|later)\s+)?(?P<det>this|last)\s+(?P<pod>{PART_OF_DAY_RE})", T_PARTS
)
def this_part_of_day(m: re.Match[str], ctx: Context) -> Result | None:
    """This morning, last night → TIME on the anchor day (last night: the day before)."""
    if m["det"].lower() == "last" and m["pod"].lower() != "night":
        return None
    offset = -1 if m["det"].lower() == "last" else 0
    if ctx.anchor is None:
        return "TIME", "XXXX-XX-XX" + time_suffix(m["pod"]), False
    return "TIME", (ctx.anchor + timedelta(days=offset)).isoformat() + time_suffix(m["pod"]), True


@rule(
    rf"{_DAY_POSITION}(?P<day>(?:(?P<det>{_STEP})\s+)?(?P<wd>{WEEKDAY_FULL_RE}|{WEEKDAY_RE}(?<=\.))"
    rf"(?P<pl>s)?(?:\s+(?P<pod>{PART_OF_DAY_RE}|night)(?P<pl2>s)?)?)",
    T_WEEKDAYS,
)
def weekday(m: re.Match[str], ctx: Context) -> Result | None:
    """Friday (tense decides which), last Friday, late Monday, Monday night, Tuesdays (a SET).

    A weekday between "the" and a capitalised word is part of a name ("The Sunday Times").
    """
    after_the = ctx.text[max(0, m.start() - 4) : m.start()].lower() == "the "
    if after_the and not (m["mod"] or m["det"]) and _NAME_AROUND.match(ctx.text, m.end()):
        return None
    number = weekday_number(m["wd"])
    if m["pl"] or m["pl2"]:
        return "SET", f"XXXX-WXX-{number}" + time_suffix(m["pod"]), False
    if ctx.anchor is None:
        return with_part_of_day(f"XXXX-WXX-{number}", m["pod"])
    step = step_of(m["det"])
    direction = side(m, ctx, step, "day")
    day = resolve.weekday(ctx.anchor, number, direction, strict=bool(step))
    kind, value, _ = with_part_of_day(day.isoformat(), m["pod"])
    return kind, value, True


# --------------------------------------------------------------------------- relative units


@rule(
    rf"(?P<mod>{POSITION}(?:in\s+)?)?(?:(?P<det>" + UNIT_STEP + r")\s+)"
    r"(?P<fiscal>fiscal\s+)?(?P<unit>week|weekend|month|quarter|year|decade|century)"
    r"(?:'s\s+end|-end|\s+end)?(?P<ended>(?=\s+(?:ended|ending|to\s+(?:date|"
    + MONTH_FULL_RE
    + r"))))?",
    T_UNITS,
)
def relative_unit(m: re.Match[str], ctx: Context) -> Found | None:
    """This year, last month, next week, the quarter, earlier this year, the weekend.

    A capitalised one in quotation marks is a title: ABC's "This Week".
    """
    if m["unit"][0].isupper() and _OPENING_QUOTE.search(ctx.text, max(0, m.start() - 1), m.start()):
        return None
    unit_word = m["unit"].lower()
    det = words(m["det"])
    if unit_word == "weekend":
        return _weekend(m, ctx, step_of(det) if det != "the" else None)
    unit: Unit = UNITS[unit_word][0]  # type: ignore[assignment]
    if m["ended"] is not None and unit == "Y":
        return "DURATION", duration(1, unit), False  # "the year ended March 31": a fiscal year
    if m["ended"] is not None and unit in {"Q", "W"} and (closed := _ended_on(m, ctx, unit)):
        return closed
    if det in {"the", "the latest", "the full", "the entire", "the whole"} and not m["mod"]:
        return _the_unit(m, ctx, unit, latest=det == "the latest")
    if unit == "Q" and det == "this" and tense_direction(m, ctx) < 0:
        return reported_quarter(ctx)  # "This quarter's loss includes...": the one reported
    value, anchored = relative(ctx, step_of(det) or 0, unit)
    return "DATE", value, anchored


_ENDED_ON = re.compile(
    rf"\s+(?P<verb>ended|ending)\s+(?:on\s+)?(?P<mon>{MONTH_RE})\s+(?P<d>[0-3]?\d)\b"
    rf"(?:,?\s+(?P<y>{YEAR_RE}))?"
)
# How far before its last day the bulk of a period lies: a quarter "ended July 31" is
# mostly May to July (the second calendar quarter), a week "ended Sunday" its Monday on.
_BACK_FROM_END = {"Q": 45, "W": 3}


def _ended_on(m: re.Match[str], ctx: Context, unit: Unit) -> Result | None:
    """ "The quarter ended Sept. 30", "the week ending March 9": the calendar quarter or
    week of the period that closes on that day (None if no date follows)."""
    closing = _ENDED_ON.match(ctx.text, m.end())
    if closing is None:
        return None
    month_, day_ = month_number(closing["mon"]), int(closing["d"])
    if closing["y"]:
        end = date(int(closing["y"]), month_, day_)
    elif ctx.anchor is None:
        return None
    else:
        direction = -1 if closing["verb"] == "ended" else tense_direction(m, ctx)
        found = resolve.month_day(ctx.anchor, month_, day_, direction)
        if found is None:
            return None
        end = found
    anchored = not closing["y"]
    return "DATE", fmt(end - timedelta(days=_BACK_FROM_END[unit]), unit), anchored


def _the_unit(m: re.Match[str], ctx: Context, unit: Unit, latest: bool) -> Found:
    """ "the year" is the anchor's; "the (latest) quarter" the reported one, unless
    a plain "the quarter" is in a sentence that looks ahead. "The week" ("for the week,
    the index fell") names a week of the story without saying which, and TimeML keeps
    only its year (`1989-WXX`)."""
    if unit == "Q" and (latest or tense_direction(m, ctx) <= 0):
        return reported_quarter(ctx)
    if unit == "W" and ctx.anchor is not None:
        return "DATE", f"{ctx.anchor.year}-WXX", True
    value, anchored = relative(ctx, 0, unit)
    return "DATE", value, anchored


def _weekend(m: re.Match[str], ctx: Context, step: int | None) -> Result:
    """The weekend next to the anchor on the tense's side (the anchor's own if it is one)."""
    if ctx.anchor is None:
        return "DATE", "XXXX-WXX-WE", False
    direction = step if step else tense_direction(m, ctx)
    saturday = resolve.weekday(ctx.anchor, 6, -1 if direction < 0 else 1)
    if ctx.anchor.isoweekday() == 7 and direction >= 0 and not step:
        saturday = ctx.anchor - timedelta(days=1)
    return "DATE", fmt(saturday, "WE"), True


_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


@rule(r"(?:around\s+)?year(?:-|\s+|'s\s+)end", {"year"})
def year_end(m: re.Match[str], ctx: Context) -> Result:
    """Year-end: the end of a year (TimeML: the year, the end being its mod), the anchor's
    ("by year-end"), or the year before's when it is past ("since year-end", "debt at
    year-end was...")."""
    since = _SINCE.search(ctx.text, max(0, m.start() - 7), m.start()) is not None
    past = since or tense_direction(m, ctx) < 0
    if ctx.anchor is not None and past and (ctx.anchor.month, ctx.anchor.day) != (12, 31):
        value, anchored = relative(ctx, -1, "Y")
    else:
        value, anchored = relative(ctx, 0, "Y")
    return "DATE", value, anchored


_COUNTED_SPAN = re.compile(rf"\s+(?:{NUMBER_RE})[- ]+(?:{UNIT_RE})\b", re.IGNORECASE)


@rule(
    r"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:year-(?:earlier|ago)|year\s+earlier|(?P<y>"
    + YEAR_RE
    + rf"))(?:\s+(?P<ord>{ORDINAL_RE})(?:\s+|-)?)?(?:\s*(?P<what>quarter|period))?",
    {"year"},
    DIGITS,
)
def year_earlier(m: re.Match[str], ctx: Context) -> Found | None:
    """Year-earlier, the year-ago third quarter, the 1988 period: a compared quarter.

    Before a counted span ("the year-earlier nine months") it is that span's modifier: the
    span alone is tagged, a duration (`P9M`, TimeBank's value for the whole phrase).
    """
    if m["y"] and not m["what"]:
        return None
    if not m["what"] and _COUNTED_SPAN.match(ctx.text, m.end()):
        return None
    if m["ord"]:
        number = ORDINALS[m["ord"].lower()]
        if number > 4 or not m["what"]:
            return None
        if m["y"]:
            return "DATE", f"{m['y']}-Q{number}", False
        if ctx.anchor is None:
            return "DATE", f"XXXX-Q{number}", False
        return "DATE", f"{ctx.anchor.year - 1}-Q{number}", True
    if m["y"]:
        if m["what"].lower() == "period" and not quarter_context(ctx):
            return None  # "the 2010-2015 period": just a year
        if m["what"].lower() == "period" and longer_period(m, ctx):
            return "DATE", m["y"], False  # "the nine months ... the 1988 period"
        base = last_quarter(ctx.anchor) if ctx.anchor else None
        quarter_ = f"Q{(base.month - 1) // 3 + 1}" if base else "QX"
        return "DATE", f"{m['y']}-{quarter_}", False
    return year_ago(m, ctx)


@rule(
    r"the\s+latest\s+period|the\s+(?:\d{4}\s+)?period(?=\s+(?:a\s+year\s+)?(?:earlier|ago))",
    {"period"},
)
def latest_period(m: re.Match[str], ctx: Context) -> Found:
    """The latest period: the reported quarter."""
    return reported_quarter(ctx)


@rule(
    r"(?:the\s+)?(?:(?:same|corresponding|comparable)\s+)?(?:quarter|period)\s+"
    r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)|last\s+year's\s+(?:quarter|period)",
    {"quarter", "period"},
)
def period_a_year_back(m: re.Match[str], ctx: Context) -> Found:
    """The quarter a year ago, the corresponding period last year, last year's quarter:
    the compared period, as "a year earlier" (`year_ago`)."""
    return year_ago(m, ctx)
