"""Calendar arithmetic and TIMEX3 value formatting at a given granularity.

A relative expression is resolved by shifting the anchor date by whole units
("last month" = anchor − 1 month) and then printing only the granularity the
text gives ("2023-09", not "2023-09-13"). The calendar arithmetic itself
(month lengths, Easter, the n-th weekday of a month) is dateutil's.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as Weekday  # dateutil: Weekday(0, 2) = 2nd Monday

Unit = Literal["D", "W", "WE", "M", "Q", "H", "Y", "DE", "CE"]
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# One step of each unit.
_STEP: dict[Unit, relativedelta] = {
    "D": relativedelta(days=1),
    "W": relativedelta(weeks=1),
    "WE": relativedelta(weeks=1),
    "M": relativedelta(months=1),
    "Q": relativedelta(months=3),
    "H": relativedelta(months=6),
    "Y": relativedelta(years=1),
    "DE": relativedelta(years=10),
    "CE": relativedelta(years=100),
}


def shift(day: date, n: int, unit: Unit) -> date:
    """`day` moved by `n` calendar units, month ends clamped ("Jan 31" + 1 month = "Feb 28").

    Raises ValueError or OverflowError beyond year 1-9999.
    """
    return day + _STEP[unit] * n


def fmt(day: date, unit: Unit) -> str:
    """TIMEX3 value of the `unit` that contains `day` ("2023-W41", "2023-Q4").

    A decade or century is its leading digits, as TimeML writes them ("202" for the
    2020s, "20" for the 21st century: the years 2000-2099).
    """
    if unit == "D":
        return day.isoformat()
    if unit in {"W", "WE"}:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "H":
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    return f"{day.year // 100:02d}"


# Granularities from finest to coarsest: a reference date serves a unit at its own
# granularity or a coarser one ("the next day" needs a day, "that year" any date).
GRANULARITY: dict[Unit, int] = {"D": 0, "W": 1, "WE": 1, "M": 2, "Q": 3, "H": 4, "Y": 5}
_CALENDAR_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<mo>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)|(?P<qh>[QH])(?P<n>[1-4])))?"
)


def parse_value(value: str) -> tuple[date, Unit] | None:
    """(first day, granularity) of a calendar DATE/TIME value ("2023-W41" → Monday, "W").

    None for values that name no calendar period (PRESENT_REF, XXXX-03, 199X...).
    """
    m = _CALENDAR_VALUE.match(value)
    if m is None or (len(value) > m.end() and value[m.end()] not in "T-"):
        return None
    try:
        return _period_start(m)
    except ValueError:
        return None


def _period_start(m: re.Match[str]) -> tuple[date, Unit]:
    year = int(m["y"])
    if m["d"]:
        return date(year, int(m["mo"]), int(m["d"])), "D"
    if m["mo"]:
        return date(year, int(m["mo"]), 1), "M"
    if m["w"]:
        return date.fromisocalendar(year, int(m["w"]), 1), "W"
    if m["qh"]:
        months = 3 if m["qh"] == "Q" else 6
        return date(year, (int(m["n"]) - 1) * months + 1, 1), m["qh"]  # type: ignore[return-value]
    return date(year, 1, 1), "Y"


def unknown(unit: Unit) -> str:
    """The underspecified value of a unit when there is no anchor."""
    return {
        "D": "XXXX-XX-XX",
        "W": "XXXX-WXX",
        "WE": "XXXX-WXX-WE",
        "M": "XXXX-XX",
        "Q": "XXXX-QX",
        "H": "XXXX-HX",
        "Y": "XXXX",
        "DE": "XXXX",
        "CE": "XXXX",
    }[unit]


def season_of(day: date) -> tuple[int, str]:
    """(year, code) of the meteorological season of `day`; winter belongs to December's year."""
    month = day.month
    if month in (12, 1, 2):
        return (day.year if month == 12 else day.year - 1), "WI"
    code = next(c for c, m in SEASON_START.items() if m <= month < m + 3)
    return day.year, code


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ISO `weekday` (1=Monday) of a month; n <= 0 for the last one."""
    if n > 0:
        return date(year, month, 1) + relativedelta(weekday=Weekday(weekday - 1, n))
    return date(year, month, 1) + relativedelta(day=31, weekday=Weekday(weekday - 1, -1))


def duration(n: float | None, designator: str, is_time: bool = False) -> str:
    """ISO 8601 duration ("P3M", "PT2H", "P2Y6M", "PXY") of n units; None means vague.

    `designator` is a UNITS code; with a known count, decades and centuries become
    years, fortnights weeks and a weekend two days (MULTIPLES), and a fraction is
    carried into the next smaller unit ("2 1/2 years" → P2Y6M) as TimeML annotators do.
    """
    t = "T" if is_time else ""
    if n is None:
        return f"P{t}X{_VAGUE.get(designator, designator)}"
    factor, base = MULTIPLES.get(designator, (1, designator))
    n *= factor
    whole = int(n)
    if n == whole:
        return f"P{t}{whole}{base}"
    smaller = _SMALLER.get((base, is_time))
    if smaller is None:
        return f"P{t}{n:g}{base}"
    sub, sub_factor, sub_time = smaller
    head = f"P{t}{whole}{base}" if whole else f"P{t}"
    infix = "T" if sub_time and not is_time else ""
    return f"{head}{infix}{round((n - whole) * sub_factor)}{sub}"


# Units that are whole multiples of an ISO 8601 designator.
MULTIPLES: dict[str, tuple[int, str]] = {
    "WE": (2, "D"), "FN": (2, "W"), "DE": (10, "Y"), "CE": (100, "Y"),
}  # fmt: skip

# The unit of a vague count of fortnights, decades or centuries: "decades" is an unknown
# number of years (PXY), "centuries" one of centuries (TimeML's "C": PXC).
_VAGUE: dict[str, str] = {"FN": "W", "DE": "Y", "CE": "C"}

# (designator, is a time unit) → (next smaller designator, factor, that one is a time unit)
_SMALLER: dict[tuple[str, bool], tuple[str, int, bool]] = {
    ("Y", False): ("M", 12, False),
    ("W", False): ("D", 7, False),
    ("D", False): ("H", 24, True),
    ("H", True): ("M", 60, True),
    ("M", True): ("S", 60, True),
}
