"""Named days and periods of the year: holidays ("Christmas", "Labor Day", "Black Friday")
and seasons ("last fall", "in late summer", "the winter of 1994").

Registered right after the `relative` rules (the priority order of `rules/__init__`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter

from worker.core.timex import resolve
from worker.core.timex.context import Context
from worker.core.timex.lexicon import SEASON_RE, SEASONS, SPELLED_YEAR_RE, YEAR_RE, year_number
from worker.core.timex.rules.base import T_SEASONS, UNIT_STEP, Result, rule, side, step_of, words
from worker.core.timex.values import Unit, fmt, nth_weekday


def _after_thanksgiving(days: int) -> Callable[[int], date]:
    return lambda y: nth_weekday(y, 11, 4, 4) + timedelta(days=days)


def _after_easter(days: int) -> Callable[[int], date]:
    return lambda y: easter(y) + timedelta(days=days)


# Public holidays of English-language news: fixed dates, n-th weekdays and Easter-based days.
_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24),
    "boxing day": lambda y: date(y, 12, 26),
    "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "independence day": lambda y: date(y, 7, 4),
    "bastille day": lambda y: date(y, 7, 14),
    "may day": lambda y: date(y, 5, 1),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "st. patrick's day": lambda y: date(y, 3, 17),
    "veterans day": lambda y: date(y, 11, 11),
    "armistice day": lambda y: date(y, 11, 11),
    "remembrance day": lambda y: date(y, 11, 11),
    "martin luther king day": lambda y: nth_weekday(y, 1, 1, 3),
    "presidents day": lambda y: nth_weekday(y, 2, 1, 3),
    "presidents' day": lambda y: nth_weekday(y, 2, 1, 3),
    "mother's day": lambda y: nth_weekday(y, 5, 7, 2),
    "father's day": lambda y: nth_weekday(y, 6, 7, 3),
    "columbus day": lambda y: nth_weekday(y, 10, 1, 2),
    "thanksgiving": _after_thanksgiving(0),
    "thanksgiving day": _after_thanksgiving(0),
    "black friday": _after_thanksgiving(1),
    "cyber monday": _after_thanksgiving(4),
    "labor day": lambda y: nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 1, -1),
    "election day": lambda y: nth_weekday(y, 11, 1, 1) + timedelta(days=1),
    "easter": easter,
    "easter sunday": easter,
    "good friday": _after_easter(-2),
    "easter monday": _after_easter(1),
}
HOLIDAY_WORDS = {re.match(r"[a-z]+", name)[0] for name in _HOLIDAYS}  # type: ignore[index]


def _name_re(name: str) -> str:
    """ "Valentine's Day" with any apostrophe and spacing, capitalised as written."""
    parts = (re.escape(w.capitalize()).replace("'", "['’]") for w in name.split())
    return r"\s+".join(parts)


_HOLIDAY_RE = "|".join(_name_re(name) for name in sorted(_HOLIDAYS, key=len, reverse=True))


# Days around a holiday when it names that year's occurrence whatever the tense.
_SEASON_OF_HOLIDAY = 31


def _holiday_key(text: str) -> str:
    return words(text).replace("’", "'")


@rule(
    rf"(?:(?P<det>last|next|this)\s+)?(?-i:(?P<h>{_HOLIDAY_RE}))(?!\s+(?:Island|Rising|egg))"
    r"(?P<week>\s+week)?"
    rf"(?:,?\s+(?P<y>{YEAR_RE}))?",
    HOLIDAY_WORDS,
)
def holiday(m: re.Match[str], ctx: Context) -> Result | None:
    """Christmas, Thanksgiving Day, Election Day, Easter, Black Friday: fixed or computed
    dates; "Easter week" is the ISO week of the day. Within a month of the publication
    date, the nearest occurrence; otherwise the tense decides."""
    unit: Unit = "W" if m["week"] else "D"

    def compute(year_: int) -> date:
        day_ = _HOLIDAYS[_holiday_key(m["h"])](year_)
        return day_ - timedelta(days=day_.isoweekday() - 1) if m["week"] else day_

    if m["y"]:
        return "DATE", fmt(compute(int(m["y"])), unit), False
    anchor = ctx.anchor
    if anchor is None:
        return None
    step = step_of(m["det"])
    direction = side(m, ctx, step)
    candidates = [compute(anchor.year + k) for k in (-1, 0, 1)]
    nearest = min(candidates, key=lambda d: abs((d - anchor).days))
    if not step and abs((nearest - anchor).days) <= _SEASON_OF_HOLIDAY:
        return "DATE", fmt(nearest, unit), True  # "Black Friday is approaching" in November
    if direction < 0:
        day = max(d for d in candidates if d < anchor or (d == anchor and not step))
    elif direction > 0:
        day = min(d for d in candidates if d > anchor or (d == anchor and not step))
    else:
        day = nearest
    return "DATE", fmt(day, unit), True


# --------------------------------------------------------------------------- seasons

# Words before a season with no determiner, or with "the", that make it a time ("in
# spring", "over the summer"); elsewhere "the spring" may be a coil and "fall" a verb.
_SEASON_PREPOSITION = re.compile(
    r"\b(?:in|during|by|until|till|since|through|throughout|over|before|after|from|into)\s+$",
    re.IGNORECASE,
)
# Lower-case words that may follow a season used as a time; any other lower-case word
# makes it a modifier of a noun ("spring training", "summer camp", "fall fashion").
_AFTER_SEASON_OK = frozenset(
    {
        "and", "or", "of", "when", "as", "to", "in", "on", "at", "for", "the", "this", "that",
        "with", "before", "after", "is", "was", "will", "has", "had", "if", "but", "while",
        "because", "until", "months", "season", "break", "recess", "holidays",
    }
)  # fmt: skip
# Verbs after "the summer" as a subject ("The summer was the hottest on record").
_SEASON_SUBJECT = frozenset({"was", "is", "will", "has", "had", "brought", "saw", "months"})
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_WORD = re.compile(r"\w")


@rule(
    r"(?P<mod>(?:earlier|later|early|late|mid)(?:-|\s+)(?:in\s+)?)?(?:(?P<det>"
    + UNIT_STEP
    + r")\s+)?(?P<pos>(?:early|late|mid)(?:-|\s+))?"
    rf"(?P<s>{SEASON_RE})(?:\s+(?:of\s+)?(?P<y>{YEAR_RE}|{SPELLED_YEAR_RE}))?",
    T_SEASONS,
)
def season(m: re.Match[str], ctx: Context) -> Result | None:
    """Last fall, this summer, in late spring, the winter of 1994 → 2022-FA, 2023-SU,
    2023-SP, 1994-WI. A season is a time only when a determiner, a position ("late") or
    a preposition says so; a capitalised one inside a sentence is a name ("the Summer
    Olympics")."""
    code = SEASONS[m["s"].lower()]
    if m["y"]:
        year_ = year_number(" ".join(m["y"].split()))
        return ("DATE", f"{year_}-{code}", False) if year_ else None
    if not _is_time(m, ctx):
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}", False
    det = words(m["det"])
    if det == "this":
        return "DATE", f"{ctx.anchor.year}-{code}", True
    step = step_of(det) if det and det != "the" else None
    direction = side(m, ctx, step)
    year_, code = resolve.season(ctx.anchor, code, direction, strict=bool(step))
    return "DATE", f"{year_}-{code}", True


def _is_time(m: re.Match[str], ctx: Context) -> bool:
    """Whether a season without a year names a time, not a name, coil or noun modifier."""
    name = m["s"]
    sentence_start = ctx.sentence(m.start(), m.end())[0]
    if name[0].isupper() and _WORD.search(ctx.text, sentence_start, m.start("s")):
        return False  # "the Summer Olympics", "Arab Spring"
    det = words(m["det"])
    if det and det != "the":
        return True  # "last fall", "this summer", "the coming winter"
    before = ctx.text[max(0, m.start() - 16) : m.start()]
    following = _NEXT_WORD.match(ctx.text, m.end())
    next_word = following[1] if following else ""
    if not (m["mod"] or m["pos"] or _SEASON_PREPOSITION.search(before)):
        return det == "the" and next_word in _SEASON_SUBJECT  # "The summer was hot."
    if not next_word.islower():
        return True
    if name.lower() == "fall" and next_word == "of":
        return False  # "after the fall of the Berlin Wall"
    return next_word in _AFTER_SEASON_OK
