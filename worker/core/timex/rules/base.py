"""The rule registry and the helpers rules share.

A rule is a regex, the tokens one of which every match contains (its
triggers) and a handler that turns a match into (type, value, anchored) or
None to reject it; `anchored` says the value was computed from the
publication date. Registration order is the priority between rules that
match exactly the same span; otherwise the extractor keeps the longest span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from worker.core.text import MONTHS
from worker.core.timex.context import DIGIT_KEY, Context
from worker.core.timex.lexicon import (
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
)
from worker.core.timex.resolve import Direction
from worker.core.timex.values import Unit, fmt, shift, unknown
from worker.core.types import TimexType

Result = tuple[TimexType, str, bool]


@dataclass(frozen=True, slots=True)
class FromReference:
    """A value computed from the last calendar date mentioned before the expression.

    Narratives date an event by the previous one ("On May 22, 1995, he was promoted,
    and the following year..."), so "the next day", "that year" or "the previous
    Friday" follow the latest earlier date of at least `unit`'s precision; the
    publication date stands in when there is none, and `fallback` when that is unknown.
    `compute` gets the reference's first day and granularity. An `anaphoric` expression
    ("that day") with no earlier date in the text names an event's time, not a date,
    and is dropped. `accepts`, when given, replaces the precision test: which earlier
    dates (first day, granularity) may serve.
    """

    kind: TimexType
    unit: Unit
    compute: Callable[[date, Unit], str]
    fallback: str
    anaphoric: bool = False
    accepts: Callable[[date, Unit], bool] | None = None


Found = Result | FromReference
Handler = Callable[[re.Match[str], Context], Found | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled pattern, the words one of which every match contains, and its normaliser."""

    name: str
    pattern: re.Pattern[str]
    triggers: frozenset[str]
    handle: Handler


RULES: list[Rule] = []


# A match starts at a word boundary that is not inside a hyphenated word, except right
# after a year or a day and a dash (the second year of "2010-2015" or "1990-91", the
# second day of "Oct. 5-7", are expressions of their own) and after "pre-"/"post-"
# ("post-1959"); it may end before such a dash.
_START = (
    r"(?:(?<![\w-])|(?<=[-–])(?:(?<=\d{4}[-–])|(?<=\b\d[-–])|(?<=\b\d\d[-–])"
    r"|(?<=\bpre-)|(?<=\bpost-)))"
)
_END = r"(?!\w|-(?!\d{4}\b|\d{1,2}\b))"


def rule(pattern: str, *triggers: Iterable[str]) -> Callable[[Handler], Handler]:
    """Register `handler` for `pattern` (case-insensitive, word-bounded).

    `triggers` are lower-case tokens (DIGIT_KEY for any number) one of which
    occurs in every match; the pattern is only run near them.
    """

    def register(handler: Handler) -> Handler:
        compiled = re.compile(rf"{_START}(?:{pattern}){_END}", re.IGNORECASE)
        keys = frozenset(word for group in triggers for word in group)
        RULES.append(Rule(handler.__name__, compiled, keys, handler))
        return handler

    return register


def _plurals(words: Iterable[str]) -> set[str]:
    return {form for word in words for form in (word, word + "s")}


DIGITS = {DIGIT_KEY}
T_MONTHS = set(MONTHS)
T_WEEKDAYS = _plurals(WEEKDAYS)
T_UNITS = _plurals(UNITS) | {"centuries"}
T_SEASONS = set(SEASONS)
T_PARTS = set(PARTS_OF_DAY)


# --------------------------------------------------------------------------- helpers

# Determiners of a unit or season: "the past", "this coming", "last", "the"...
UNIT_STEP = (
    r"this\s+past|this\s+coming|the\s+past|the\s+last|the\s+previous|the\s+preceding|the\s+coming|the\s+next"
    r"|the\s+current|the\s+same|the\s+following|the\s+latest|the\s+full|the\s+entire|the\s+whole|the"
    r"|this|last|next|past|previous|coming|current"
)


# A quarter of the year as a reporting period ("the quarter", "third-quarter", "quarterly
# dividend", "Q3"), not a word that contains one ("headquarters", "quarterback"), a fraction
# ("three-quarters", "a quarter of the shares") or another span ("a quarter-century").
_QUARTER_CONTEXT = re.compile(
    r"\b(?:first|second|third|fourth|fiscal|1st|2nd|3rd|4th)-quarter"
    r"|(?<![\w-])(?:quarters?|quarterly)\b(?![- ](?:century|mile|of\b))|\bQ[1-4]\b",
    re.IGNORECASE,
)
_LONGER_PERIOD = re.compile(
    r"\b(?:nine|six)[- ]months?\b|\bfirst\s+half\b|\bfull\s+year\b", re.IGNORECASE
)
_BACK_WORDS = frozenset(
    {"last", "past", "previous", "preceding", "this past", "the past", "the last", "the previous"}
)
_AHEAD_WORDS = frozenset(
    {"next", "coming", "following", "this coming", "the next", "the coming", "the following"}
)


def words(text: str | None) -> str:
    """Lower-case `text` with single spaces (regex groups may span line breaks)."""
    return " ".join((text or "").lower().split())


def step_of(determiner: str | None) -> int | None:
    """-1/0/+1 for "last"/"this"/"next"-like determiners, None when there is none."""
    word = words(determiner)
    if not word:
        return None
    if word in _BACK_WORDS:
        return -1
    if word in _AHEAD_WORDS:
        return 1
    return 0


def tense_direction(m: re.Match[str], ctx: Context, group: str | int = 0) -> Direction:
    """Back for past tense, ahead for future, nearest (0) when the sentence gives no cue.

    `group` is the part of the match whose surroundings count: "earlier" in "earlier
    Friday" is part of the expression and also a cue to the past.
    """
    tense = ctx.tense(m.start(group), m.end(group))
    return -1 if tense == "past" else 1 if tense == "future" else 0


def side(m: re.Match[str], ctx: Context, step: int | None, group: str | int = 0) -> Direction:
    """Which way to look: an explicit "last"/"next" wins over the tense."""
    if step:
        return -1 if step < 0 else 1
    return tense_direction(m, ctx, group)


def relative(ctx: Context, n: int, unit: Unit, base: date | None = None) -> tuple[str, bool]:
    """Value of the `unit` n steps from the anchor (or `base`), underspecified without anchor."""
    origin = base or ctx.anchor
    if origin is None:
        return unknown(unit), False
    return fmt(shift(origin, n, unit), unit), True


def last_quarter(anchor: date) -> date:
    """A day in the last completed quarter: what "the quarter" means in results news."""
    return shift(anchor, -3, "M")


def reported_quarter(ctx: Context, back: int = 0) -> FromReference:
    """The quarter results news reports, `back` quarters earlier ("a year earlier": -4).

    That is the last quarter named before the expression (HeidelTime's "the quarter": a
    "fiscal first quarter ended Sept. 30" is Q1, not the calendar's Q3) if it ended before
    the publication date and began less than a year before it (an outlook for the current
    quarter is not a result); else the last completed quarter. Compared quarters a year
    back are outside that year, so "a year ago" never counts from an earlier "a year ago".
    """
    anchor = ctx.anchor

    def accepts(day: date, unit: Unit) -> bool:
        return (
            unit == "Q"
            and anchor is not None
            and shift(anchor, -1, "Y") < day
            and shift(day, 1, "Q") <= anchor
        )

    def compute(day: date, unit: Unit) -> str:
        return fmt(shift(day if unit == "Q" else last_quarter(day), back, "Q"), "Q")

    return FromReference("DATE", "Q", compute, unknown("Q"), accepts=accepts)


def quarter_context(ctx: Context) -> bool:
    """Whether the article reports quarterly results, where "a year ago" is a quarter back."""
    return ctx.mentions(_QUARTER_CONTEXT)


def longer_period(m: re.Match[str], ctx: Context) -> bool:
    """Whether the sentence of `m` reports more than a quarter ("for the nine months")."""
    start, end = ctx.sentence(m.start(), m.end())
    return _LONGER_PERIOD.search(ctx.text, start, end) is not None


def year_ago(m: re.Match[str], ctx: Context) -> Found:
    """ "a year ago/earlier", "year-earlier": the year before, or in results news the
    reported quarter a year back, unless the sentence reports a longer period ("for the
    nine months, ... compared with $48.7 million a year earlier")."""
    if quarter_context(ctx) and not longer_period(m, ctx):
        return reported_quarter(ctx, -4)
    value, anchored = relative(ctx, -1, "Y")
    return "DATE", value, anchored


def unit_of(word: str) -> tuple[str, bool]:
    """UNITS entry of a singular or plural unit word."""
    return UNITS[word.lower().removesuffix("s").replace("centurie", "century")]


def time_suffix(part_of_day: str | None) -> str:
    """ "TMO", "TNI"... for a part of the day, "" for none."""
    return "T" + PARTS_OF_DAY[words(part_of_day)] if part_of_day else ""


def with_part_of_day(day: str, part_of_day: str | None) -> Result:
    """A day value, as a TIME with "TMO"/"TNI"... when a part of the day is named."""
    return ("TIME" if part_of_day else "DATE"), day + time_suffix(part_of_day), False


# "early", "mid-", "the end of"...: part of the extent, not of the value (TimeML's mod).
POSITION = (
    r"(?:(?:early|late|mid|earlier|later)(?:-|\s+)|end-"
    r"|the\s+(?:middle|end|beginning|start|close|rest|remainder)\s+of\s+)"
)
