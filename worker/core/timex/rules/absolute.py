"""Calendar dates written out: ISO and numeric dates, month names with days or
years, years, decades, centuries, quarters and halves."""

from __future__ import annotations

import re
from datetime import date

from worker.core.text import month_number
from worker.core.timex import resolve
from worker.core.timex.context import Context
from worker.core.timex.lexicon import (
    MONTH_RE,
    ORDINAL_RE,
    ORDINALS,
    SPELLED_ORDINAL_RE,
    SPELLED_YEAR_RE,
    UNIT_RE,
    WEEKDAY_RE,
    YEAR_RE,
    ordinal_number,
    year_number,
)
from worker.core.timex.rules.base import (
    DIGITS,
    POSITION,
    T_MONTHS,
    Result,
    rule,
    side,
    step_of,
    tense_direction,
    words,
)
from worker.core.timex.values import fmt

_ISO = (
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:[T\s](?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


@rule(_ISO, DIGITS)
def iso_date(m: re.Match[str], ctx: Context) -> Result | None:
    """2023-10-13 and 2023-10-13T15:30."""
    day = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if day is None:
        return None
    if m["h"]:
        return "TIME", f"{day.isoformat()}T{m['h']}:{m['mi']}", False
    return "DATE", day.isoformat(), False


@rule(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})", DIGITS)
def numeric_date(m: re.Match[str], ctx: Context) -> Result | None:
    """10/13/2023 (US order) or 13.10.2023 (day first with dots or when the first part > 12)."""
    a, b = int(m["a"]), int(m["b"])
    year = (
        int(m["y"])
        if len(m["y"]) == 4
        else 2000 + int(m["y"])
        if int(m["y"]) < 50
        else 1900 + int(m["y"])
    )
    month_, day_ = (b, a) if m["sep"] == "." or a > 12 else (a, b)
    day = _safe_date(year, month_, day_)
    return ("DATE", day.isoformat(), False) if day else None


def _safe_date(year: int, month_: int, day: int) -> date | None:
    try:
        return date(year, month_, day)
    except ValueError:
        return None


_DAY_NUM = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# "March eighth", "July Fourth" (transcripts, holidays), unless the ordinal counts something
# else ("in January first-time buyers", "in May second-quarter sales").
_SPELLED_DAY = (
    rf"(?P<dw>{SPELLED_ORDINAL_RE})(?![-\s]+(?:quarter|half|time|round|place|term|phase|year)s?\b)"
)
_WD_PREFIX = (
    rf"(?:(?P<det>last|this|next|this\s+past|this\s+coming)\s+)?(?:(?P<wd>{WEEKDAY_RE}),?\s+)?"
)
_YEAR_SUFFIX = rf"(?:,?\s+(?P<y>{YEAR_RE}(?!\d|,\d)|{SPELLED_YEAR_RE}))?"
# The year after the second day of a range or pair, "Oct. 5-7, 1998", "April 24 and 25,
# 1995", is the first day's too.
_RANGE_YEAR = (
    r"(?=(?:\s*[-–]\s*|,?\s+(?:and|or|to|through)\s+)[0-3]?\d(?:st|nd|rd|th)?"
    rf",?\s+(?P<ry>{YEAR_RE})\b)?"
)


def _month_day(m: re.Match[str], ctx: Context) -> Result | None:
    """A day of a month, completed from the anchor when the year is missing."""
    month_ = month_number(m["mon"])
    day_ = int(m["d"]) if m["d"] else ordinal_number(m["dw"])
    year_text = m["y"] or m.groupdict().get("ry")
    if year_text:
        day = _safe_date(year_number(" ".join(year_text.split())) or 0, month_, day_)
        return ("DATE", day.isoformat(), False) if day else None
    if ctx.anchor is None:
        return ("DATE", f"XXXX-{month_:02d}-{day_:02d}", False) if 1 <= day_ <= 31 else None
    found = resolve.month_day(ctx.anchor, month_, day_, side(m, ctx, step_of(m["det"])))
    return ("DATE", found.isoformat(), True) if found else None


rule(
    rf"{_WD_PREFIX}(?P<mon>{MONTH_RE})\s+(?:{_DAY_NUM}(?!\d|:\d|\s*%)|{_SPELLED_DAY}){_YEAR_SUFFIX}"
    rf"{_RANGE_YEAR}",
    T_MONTHS,
)(_month_day)
rule(
    rf"{_WD_PREFIX}(?:the\s+)?(?:{_DAY_NUM}(?:\s+of)?|{_SPELLED_DAY}\s+of)\s+(?P<mon>{MONTH_RE})"
    rf"{_YEAR_SUFFIX}",
    T_MONTHS,
)(_month_day)


@rule(
    rf"the\s+week\s+of\s+{_WD_PREFIX}(?P<mon>{MONTH_RE})\s+{_DAY_NUM}(?!\d|:\d|\s*%){_YEAR_SUFFIX}",
    {"week"},
)
def week_of(m: re.Match[str], ctx: Context) -> Result | None:
    """The week of March 6: the ISO week of that day."""
    found = _month_day(m, ctx)
    if found is None:
        return None
    kind, value, anchored = found
    week = fmt(date.fromisoformat(value), "W") if value[0].isdigit() else "XXXX-WXX"
    return kind, week, anchored


@rule(
    rf"{POSITION}?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?P<y>{YEAR_RE}(?!\d|,\d)|{SPELLED_YEAR_RE})",
    T_MONTHS,
)
def month_year(m: re.Match[str], ctx: Context) -> Result | None:
    """October 2023, mid-March 2022, January nineteen ninety-seven."""
    year_ = year_number(" ".join(m["y"].split()))
    return ("DATE", f"{year_:04d}-{month_number(m['mon']):02d}", False) if year_ else None


@rule(
    r"(?P<pos>(?:early|late|mid)(?:-|\s+)|end-|the\s+(?:middle|end|beginning|start|close|rest|remainder|"
    r"(?P<half>first|second|last|latter)\s+half)\s+of\s+|(?:(?:fiscal|calendar)(?:\s+year)?|FY|model\s+year)\s*)?"
    rf"(?<![$€£#.,:/])(?P<y>{YEAR_RE})(?!\s*(?:%|percent)|[.,:/]\d|[-–](?!{YEAR_RE}\b|\d\d\b)\d)",
    DIGITS,
)
def year(m: re.Match[str], ctx: Context) -> Result:
    """1990, fiscal 2024, mid-2022, the first half of 1990 (1990-H1)."""
    if m["half"]:
        return "DATE", f"{m['y']}-H{1 if m['half'].lower() == 'first' else 2}", False
    return "DATE", m["y"], False


@rule(rf"(?<=[-–])(?<=\b{YEAR_RE}[-–])(?P<yy>\d\d)\b", DIGITS)
def short_year(m: re.Match[str], ctx: Context) -> Result | None:
    """The 91 of "fiscal 1990-91" or "1990-95": the next year with those last digits
    (a span of years gives two dates, as "from 2010 to 2015" does)."""
    first = int(ctx.text[m.start() - 5 : m.start() - 1])
    year_ = first - first % 100 + int(m["yy"])
    year_ += 100 if year_ <= first else 0
    return ("DATE", str(year_), False) if year_ - first <= 20 else None


_DECADE_WORDS = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"


@rule(
    rf"(?:the\s+)?(?:(?:early|mid|late)(?:-|\s+))?(?:(?P<c>1[89]|20)(?P<d>\d)0s|['’](?P<d2>\d)0s|(?<=the\s)(?P<w>{_DECADE_WORDS}))",
    DIGITS,
    _DECADE_WORDS.split("|"),
)
def decade(m: re.Match[str], ctx: Context) -> Result:
    """The 1990s, the '90s, the nineties → 199 (TimeML: a decade is its first three digits)."""
    digit = m["d"] or m["d2"] or str(_DECADE_WORDS.split("|").index(m["w"].lower()) + 2)
    century = m["c"] or ("20" if digit in "012" else "19")
    return "DATE", f"{century}{digit}", False


@rule(
    rf"(?P<y>{SPELLED_YEAR_RE})(?!\s+(?:{UNIT_RE}))|the\s+year\s+(?P<k>two\s+thousand)",
    {"nineteen", "twenty", "thousand"},
)
def spelled_year(m: re.Match[str], ctx: Context) -> Result | None:
    """Nineteen ninety-six, the year two thousand (broadcast transcripts)."""
    year_ = 2000 if m["k"] else year_number(" ".join(m["y"].split()))
    return ("DATE", str(year_), False) if year_ else None


@rule(
    rf"(?:the\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{SPELLED_ORDINAL_RE}))[-\s]+century",
    DIGITS,
    {"century"},
)
def century(m: re.Match[str], ctx: Context) -> Result | None:
    """The 20th century, the twenty-first century → 19, 20 (TimeML: its first two digits)."""
    number = ordinal_number(m["n"] + "th" if m["n"] else m["w"])
    return ("DATE", f"{number - 1:02d}", False) if number <= 21 else None


# "of next year", "of the fiscal year": the year a quarter or half belongs to.
_OF_YEAR = (
    r"\s+of\s+(?:(?P<ry2>this|last|next)\s+(?:fiscal\s+)?year"
    r"|(?P<the_year>the\s+(?:(?:current|fiscal|calendar)\s+)?year))"
)
# "the second half of the game": a half of something else than a year.
_PART_OF = re.compile(r"\s+of\s+(?:the|a|an|this|that|his|her|their|its)\s+(?P<what>\w+)", re.I)
_QUARTER_DET = (
    r"the|this|last|next|its|the\s+current|the\s+latest|the\s+same|a|an|the\s+fiscal|the\s+year's"
)


@rule(
    rf"(?:(?P<det>{_QUARTER_DET})\s+(?!(?:fiscal\s+)?(?:{ORDINAL_RE})-))?(?:(?P<y1>{YEAR_RE})(?:'s)?\s+|(?P<ry>this|last|next)\s+year's\s+)?"
    rf"(?:fiscal(?:-|\s+))?(?P<ord>{ORDINAL_RE})(?:-|\s+)(?:fiscal\s+)?(?P<unit>quarter|half)"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{YEAR_RE})|{_OF_YEAR})?"
    r"(?!\s+(?:century|of\s+the\s+(?:century|month|week)))",
    {"quarter", "half"},
)
def quarter(m: re.Match[str], ctx: Context) -> Result | None:
    """Third-quarter, the fourth quarter of 1990, this year's first half, the first half
    of next year → 2023-Q3, 1990-Q4, 2023-H1, 2024-H1; not the halves of a game or match
    ("the second half of the match")."""
    part_of = None if m["y2"] or m["ry2"] or m["the_year"] else _PART_OF.match(ctx.text, m.end())
    if part_of and part_of["what"].lower() not in {"year", "fiscal", "current", "calendar"}:
        return None
    return _quarter_or_half(m, ctx, ORDINALS[m["ord"].lower()], m["unit"].lower() == "quarter")


@rule(
    rf"(?:the\s+)?(?:(?P<y1>{YEAR_RE})(?:'s)?\s+)?(?P<which>first|last|final|second)\s+(?:two|2)\s+"
    rf"quarters(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{YEAR_RE}))?",
    {"quarters"},
)
def two_quarters(m: re.Match[str], ctx: Context) -> Result | None:
    """The first two quarters of 1990 → 1990-H1, the last two quarters of 1990 → 1990-H2
    (without a year, "the last two quarters" are the latest two: a duration)."""
    first = m["which"].lower() == "first"
    if not (first or m["y1"] or m["y2"]):
        return None
    return _quarter_or_half(m, ctx, 1 if first else 2, False)


@rule(
    rf"(?:(?P<y1>{YEAR_RE})\s+)?(?-i:(?P<unit>[QH])(?P<n>[1-4]))(?:\s+(?P<y2>{YEAR_RE}))?",
    {"q", "h"},
)
def quarter_code(m: re.Match[str], ctx: Context) -> Result | None:
    """Q3 2023, 2024 H1, Q4 → 2023-Q3, 2024-H1, the Q4 next to the anchor."""
    return _quarter_or_half(m, ctx, int(m["n"]), m["unit"] == "Q")


def _quarter_or_half(
    m: re.Match[str], ctx: Context, number: int, is_quarter: bool
) -> Result | None:
    """Quarter or half `number` of the year named, else of the anchor's year (or the one
    before, when the tense points back to a part of the year still to come)."""
    unit = "Q" if is_quarter else "H"
    if number > (4 if unit == "Q" else 2):
        return None
    label = f"{unit}{number}"
    explicit = m["y1"] or m["y2"]
    if explicit:
        return "DATE", f"{explicit}-{label}", False
    if ctx.anchor is None:
        return "DATE", f"XXXX-{label}", False
    relative_year = words(m.groupdict().get("ry") or m.groupdict().get("ry2"))
    year_ = ctx.anchor.year + {"last": -1, "next": 1}.get(relative_year, 0)
    first_month = (number - 1) * (3 if unit == "Q" else 6) + 1
    if (
        not relative_year
        and date(year_, first_month, 1) > ctx.anchor
        and tense_direction(m, ctx) < 0
    ):
        year_ -= 1
    return "DATE", f"{year_}-{label}", True
