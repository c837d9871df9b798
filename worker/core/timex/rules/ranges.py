"""Durations ("three years", "the past three months", "two years ago"), sets
("every week", "daily") and the PRESENT/PAST/FUTURE_REF references."""

from __future__ import annotations

import re

from worker.core.text import month_number
from worker.core.timex.context import Context
from worker.core.timex.lexicon import (
    MONTH_FULL_RE,
    NUMBER_RE,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    SEASON_RE,
    SEASONS,
    UNIT_RE,
    WEEKDAY_FULL_RE,
    parse_number,
    weekday_number,
)
from worker.core.timex.rules.base import (
    T_MONTHS,
    T_PARTS,
    T_SEASONS,
    T_UNITS,
    T_WEEKDAYS,
    Found,
    Result,
    quarter_context,
    relative,
    rule,
    tense_direction,
    time_suffix,
    unit_of,
    words,
    year_ago,
)
from worker.core.timex.values import MULTIPLES, duration

# --------------------------------------------------------------------------- durations

_AMOUNT_MOD = (
    r"about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than"
    r"|at\s+least|at\s+most|up\s+to|no\s+more\s+than|close\s+to|another|an\s+additional"
)
_DURATION_DET = (
    r"the\s+(?:past|last|next|first|coming|previous|final|remaining|following|latest|initial|same|other|full|early)"
    r"|the|past|last|next|first|these|each\s+of\s+the\s+(?:past|last|next)"
)


@rule(
    r"(?:(?<=\bwill\s)|(?<=\bwould\s)|(?<=\bcould\s)|(?<=\bmight\s)|(?<=\bmay\s)|(?<=\bcan\s))"
    r"one\s+day|someday",
    {"day", "someday"},
)
def some_day(m: re.Match[str], ctx: Context) -> Result:
    """ "Islam will one day be...", "someday": an unspecified future (before the
    duration rule, which would read "one day" as P1D)."""
    return "DATE", "FUTURE_REF", False


# A range: "5-10 years", "two to three weeks", "between two and six days".
_RANGE_HIGH = rf"(?:(?(btw)\s+and\s+|(?:\s*[-–]\s*(?=\d)|\s+(?:to|or)\s+))(?P<high>{NUMBER_RE}))?"


@rule(
    rf"(?:(?P<mod>{_AMOUNT_MOD})\s+)?(?:(?P<det>{_DURATION_DET})\s+(?!(?:{NUMBER_RE})-))?(?<![\d,.$/])"
    rf"(?P<btw>between\s+)?(?P<num>{NUMBER_RE}){_RANGE_HIGH}"
    rf"(?:\s+(?:more|additional|straight|consecutive|full|long|trading|business|calendar))?(?P<sep>\s+|-)"
    rf"(?P<unit>{UNIT_RE})(?:-long)?(?![- ]old\b)(?P<half>\s+and\s+a\s+half)?"
    r"(?P<or>\s+or\s+(?:two|three|so)\b)?"
    rf"(?:\s+(?P<dir>(?:or\s+so\s+)?(?:ago|earlier)|from\s+(?:now|today)|hence))?",
    T_UNITS,
)
def quantity(m: re.Match[str], ctx: Context) -> Found | None:
    """Three years, the past three months, five-year, two years ago, an hour and a half.

    A range has no TIMEX3 value: it keeps its lower end ("two to three weeks", "a year or
    two" → P2W, P1Y), or is vague before "ago" ("five or six years ago" → PAST_REF). "In
    five years" said of the future is the date five years on (as "five years from now").
    """
    if m["unit"].istitle() and m["num"][0].isdigit():
        return None  # a title: "60 Minutes", "the 80 Day Obsession", "May 24 Second Test"
    n = parse_number(m["num"])
    if n is not None and m["half"]:
        n += 0.5
    designator, is_time = unit_of(m["unit"])
    if (
        designator == "Q"
        and n is not None
        and (_FRACTION.match(ctx.text, m.end()) or (m["sep"] == "-" and m["unit"].endswith("s")))
    ):
        return None  # "a quarter of the shares", "three-quarters": fractions
    number_word = words(m["num"])
    direction = words(m["dir"])
    if direction:
        sign = 1 if direction in {"from now", "from today", "hence"} else -1
        return _ago(m, ctx, None if m["high"] else n, designator, is_time, sign)
    if _in_future(m, ctx, is_time):  # "would be redeemed in five years": five years from now
        return _ago(m, ctx, None if m["high"] or m["or"] else n, designator, is_time, 1)
    bare_a = number_word in {"a", "an"} and not (m["det"] or m["mod"])
    if bare_a and (m["unit"].lower() == "second" or _amount_before(m, ctx)):
        return None  # "a second group"; a rate
    return "DURATION", duration(n, designator, is_time), False


_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
# "the first time in 20 years", "the fastest pace in a decade": a superlative looks back
# over the span, whatever the tense.
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?!(?:inter|r|t|w|requ|prot|inv|harv|gu|sugg|cont)est\b)(?:\w+est|first|most|least|only"
    r"|record)\b(?:\s+[\w-]+){0,3}\s+in\s+$",
    re.IGNORECASE,
)


def _in_future(m: re.Match[str], ctx: Context, is_time: bool) -> bool:
    """ "in five years" said of the future names a date (as "five years from now" does),
    not a span; in the past ("his second letter in two weeks") or after a superlative
    ("the highest level in five years") it stays a duration."""
    if m["det"] or is_time or not _IN_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start()):
        return False
    if _SUPERLATIVE_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start()):
        return False
    return tense_direction(m, ctx) > 0


def _amount_before(m: re.Match[str], ctx: Context) -> bool:
    """ "$2 million a year", "four flights a week": a rate, not a time span."""
    return any(
        pattern.search(ctx.text, max(0, m.start() - 40), m.start()) is not None
        for pattern in (_AMOUNT_BEFORE, _COUNT_BEFORE)
    )


def _ago(
    m: re.Match[str], ctx: Context, n: float | None, designator: str, is_time: bool, sign: int
) -> Found:
    """ "two years ago" → the year two years before the anchor; vague counts → PAST/FUTURE_REF."""
    if n is None or is_time or designator == "WE" or n != int(n):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", False
    if designator == "Y" and n == 1 and sign < 0 and quarter_context(ctx):
        return year_ago(m, ctx)
    # "a decade ago" names a year, not a decade; "a fortnight ago" a week
    factor, base = MULTIPLES.get(designator, (1, designator))
    value, anchored = relative(ctx, sign * int(n) * factor, base)  # type: ignore[arg-type]
    return "DATE", value, anchored


_AMOUNT_BEFORE = re.compile(
    r"(?:\d|%|percent|cents?|dollars?|pounds?|euros?|yen|times|once|twice|billion|million|tons?|barrels?)\W*$",
    re.IGNORECASE,
)
# A counted plural noun: "four flights", "700 new seats".
_COUNT_BEFORE = re.compile(rf"\b(?:{NUMBER_RE})\s+(?:[a-z]+\s+)?[a-z]+s\s*$", re.IGNORECASE)
_FRACTION = re.compile(r"\s+of\b")
_PLURAL_UNIT = r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
_OF_A_DAY = re.compile(
    rf"\s+of\s+(?:{WEEKDAY_FULL_RE}|{MONTH_FULL_RE}|(?i:today|yesterday|tomorrow)\b)"
)


@rule(
    r"(?:(?:the\s+)?(?:recent|past|last|next|coming|following|ensuing|early|first|final)\s+"
    rf"|the\s+(?=[a-z]+\s+ahead\b)){_PLURAL_UNIT}(?:\s+ahead)?",
    T_UNITS,
)
def vague_span(m: re.Match[str], ctx: Context) -> Result | None:
    """Recent years, the coming weeks, the first hours, the months ahead → PXY, PXW, PTXH.

    Hours of a named day ("the early hours of Thursday morning") are a time of that day,
    not a span of their own: the day is the expression.
    """
    if m["unit"].lower() == "hours" and _OF_A_DAY.match(ctx.text, m.end()):
        return None
    designator, is_time = unit_of(m["unit"])
    return "DURATION", duration(None, designator, is_time), False


_AFTER_EVENTS = re.compile(r"\b(?:after|despite|amid|following)\s+$", re.IGNORECASE)


@rule(
    r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bover\sthe\s)|(?<=\bwithin\s)|(?<=\btime\sin\s)"
    r"|(?<=\bafter\s)|(?<=\bdespite\s)|(?<=\bamid\s)|(?<=\bfollowing\s))"
    rf"{_PLURAL_UNIT}(?!\s+(?:ago|to\s+come))(?P<of>(?=\s+of\b))?",
    T_UNITS,
)
def bare_plural(m: re.Match[str], ctx: Context) -> Result | None:
    """ "for years", "over the decades", "within weeks", "the first time in years", "after
    months of talks": an unknown number of units."""
    after_events = _AFTER_EVENTS.search(ctx.text, max(0, m.start() - 12), m.start()) is not None
    if (m["of"] is not None) != after_events:
        return None  # "for years of service" (a count of service), "after years" (a date)
    designator, is_time = unit_of(m["unit"])
    return "DURATION", duration(None, designator, is_time), False


@rule(
    rf"(?:{_PLURAL_UNIT}|(?:a\s+few\s+|just\s+)?moments|a\s+moment)\s+ago",
    T_UNITS,
    {"moment", "moments"},
)
def units_ago(m: re.Match[str], ctx: Context) -> Result:
    """ "Months ago", "years ago", "a few moments ago": an unspecified past time (with a
    count of units, `quantity`)."""
    return "DATE", "PAST_REF", False


@rule(rf"(?P<unit>{UNIT_RE})-long", {"long"})
def unit_long(m: re.Match[str], ctx: Context) -> Result:
    """ "A day-long meeting" (one unit), "a decades-long battle" (an unknown number)."""
    designator, is_time = unit_of(m["unit"])
    plural = m["unit"].lower().endswith("s")
    return "DURATION", duration(None if plural else 1, designator, is_time), False


# --------------------------------------------------------------------------- sets

_SET_ADVERBS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "biweekly": "P2W",
}  # fmt: skip


_TIMES = rf"(?:once|twice|(?:{NUMBER_RE})\s+times)"


@rule(
    rf"(?P<adv>{'|'.join(_SET_ADVERBS)})"
    rf"|(?:{_TIMES}\s+)?(?:every|each)\s+(?:other\s+)?"
    rf"(?P<what>{UNIT_RE}|{WEEKDAY_FULL_RE}|{MONTH_FULL_RE}|{PART_OF_DAY_RE}|{SEASON_RE})"
    rf"|{_TIMES}\s+an?\s+(?P<freq>{UNIT_RE})",
    T_UNITS,
    T_WEEKDAYS,
    T_MONTHS,
    T_PARTS,
    T_SEASONS,
    _SET_ADVERBS,
)
def recurrence(m: re.Match[str], ctx: Context) -> Result | None:
    """Daily, every week, each Thursday, every summer, twice a year → SET values."""
    if m["adv"]:
        return "SET", _SET_ADVERBS[m["adv"].lower()], False
    what = m["what"] or m["freq"]
    if what.lower() in PARTS_OF_DAY:
        return "SET", "XXXX-XX-XX" + time_suffix(what), False
    if what.lower() in SEASONS:
        return "SET", f"XXXX-{SEASONS[what.lower()]}", False
    if re.fullmatch(UNIT_RE, what, re.IGNORECASE):
        designator, is_time = unit_of(what)
        every_other = 2 if "other" in m.group(0).lower() else 1
        return "SET", duration(every_other, designator, is_time), False
    if re.fullmatch(WEEKDAY_FULL_RE, what):
        return "SET", f"XXXX-WXX-{weekday_number(what)}", False
    return "SET", f"XXXX-{month_number(what):02d}", False


# --------------------------------------------------------------------------- references

_REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF",
    "until recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "then current": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF", "the longer term": "FUTURE_REF",
    "the medium term": "FUTURE_REF",
}  # fmt: skip


@rule(
    "|".join(r"\s+".join(k.split()) for k in sorted(_REFERENCES, key=len, reverse=True)),
    {k.split()[-1] for k in _REFERENCES},
)
def reference(m: re.Match[str], ctx: Context) -> Result:
    """Now, currently, recently, the future → PRESENT_REF / PAST_REF / FUTURE_REF."""
    return "DATE", _REFERENCES[words(m.group(0))], False
