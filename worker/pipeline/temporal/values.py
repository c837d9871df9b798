"""Calendar arithmetic and TIMEX3 value formatting at a given granularity.

A relative expression is resolved by shifting the anchor date by whole units
("last month" = anchor − 1 month) and then printing only the granularity the
text gives ("2023-09", not "2023-09-13").
"""

from __future__ import annotations

from calendar import monthrange
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import Literal

Unit = Literal["D", "W", "WE", "M", "Q", "H", "Y", "DE", "CE"]
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def shift(day: date, n: int, unit: Unit) -> date:
    """`day` moved by `n` calendar units, month ends clamped; ValueError beyond year 1-9999."""
    if unit == "D":
        return day + timedelta(days=n)
    if unit in {"W", "WE"}:
        return day + timedelta(weeks=n)
    months = n * {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}[unit]
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    return date(year, month0 + 1, min(day.day, monthrange(year, month0 + 1)[1]))


def fmt(day: date, unit: Unit) -> str:
    """TIMEX3 value of the `unit` that contains `day` ("2023-W41", "2023-Q4", "202X")."""
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
        return f"{day.year // 10:03d}X"
    return f"{day.year // 100:02d}XX"


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
    """The n-th ISO `weekday` (1=Monday) of a month; n=-1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = shift(date(year, month, 1), 1, "M") - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def duration(n: float | None, designator: str, is_time: bool = False) -> str:
    """ISO 8601 duration ("P3M", "PT2H", "P2Y6M", "PXY") of n units; None means vague.

    `designator` is a UNITS code; decades and centuries become years and a
    weekend two days when the count is known, and a fraction is carried into
    the next smaller unit ("2 1/2 years" → P2Y6M) as TimeML annotators do.
    """
    t = "T" if is_time else ""
    if n is None:
        return f"P{t}X{designator}"
    factor, base = {"WE": (2, "D"), "DE": (10, "Y"), "CE": (100, "Y")}.get(
        designator, (1, designator)
    )
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


# (designator, is a time unit) → (next smaller designator, factor, that one is a time unit)
_SMALLER: dict[tuple[str, bool], tuple[str, int, bool]] = {
    ("Y", False): ("M", 12, False),
    ("W", False): ("D", 7, False),
    ("D", False): ("H", 24, True),
    ("H", True): ("M", 60, True),
    ("M", True): ("S", 60, True),
}
