"""Words of English temporal expressions and the regex fragments built from them.

Kept apart from the rules so that every rule spells months, numbers and units
the same way, and so that the word → value tables are the single source of
truth for both matching and normalisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from worker.core.text import MONTHS

WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}  # fmt: skip

ONES: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip

TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# Spelled ordinals from "first" to "thirty-first": days of a month ("March eighth", "the
# Fourth of July") and centuries ("the twenty-first century").
_ORDINAL_ONES = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip
SPELLED_ORDINALS: dict[str, int] = {word: n for n, word in enumerate(_ORDINAL_ONES, 1)}
SPELLED_ORDINALS |= {"twentieth": 20, "thirtieth": 30}
SPELLED_ORDINALS |= {
    f"{tens}{sep}{word}": base + n
    for tens, base in (("twenty", 20), ("thirty", 30))
    for n, word in enumerate(_ORDINAL_ONES[:9], 1)
    if base + n <= 31
    for sep in ("-", " ")
}


def ordinal_number(word: str) -> int:
    """1-31 for "1st", "21st", "eighth", "Twenty-First"."""
    key = " ".join(word.lower().split())
    return int(key[:-2]) if key[:-2].isdigit() else SPELLED_ORDINALS[key]


# Calendar units → (ISO 8601 duration designator, is a time-of-day unit).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False), "fortnight": ("FN", False),
    "weekend": ("WE", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip


def weekday_number(name: str) -> int:
    """ISO weekday 1-7 for a weekday name or abbreviation ("Thurs." → 4)."""
    key = name.lower().rstrip(".")
    return WEEKDAYS.get(key) or WEEKDAYS[key.removesuffix("s")]


# Vague quantities give an "X" in durations ("several years" → PXY).
VAGUE_QUANTITIES = (
    "several",
    "a few",
    "few",
    "many",
    "some",
    "a number of",
    "dozens of",
)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that prefers longer words ("september" before "sep")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _abbreviation_aware(names: dict[str, int]) -> str:
    """Capitalised full names and "Sept."-style abbreviations, matched case-sensitively.

    Case matters: "may", "march" and "sun" are ordinary words when lower-case.
    """
    short = [n.capitalize() for n in names if n not in _full_names(names)]
    return rf"(?-i:(?:{alternation(_full_names(names))})\b|(?:{alternation(short)})\b\.?)"


def _full_names(names: dict[str, int]) -> list[str]:
    """The unabbreviated, capitalised names ("May" and "June" are short but full)."""
    return [n.capitalize() for n in names if len(n) > 4 or n in {"may", "june", "july"}]


MONTH_RE = _abbreviation_aware(MONTHS)
MONTH_FULL_RE = rf"(?-i:(?:{alternation(_full_names(MONTHS))})\b)"
WEEKDAY_RE = _abbreviation_aware(WEEKDAYS)
WEEKDAY_FULL_RE = rf"(?-i:(?:{alternation(_full_names(WEEKDAYS))}))"
# "ninety-six", "twenty five", "forty"; and "ten" to "nineteen".
TENS_ONES_RE = (
    rf"(?:{alternation(TENS)})(?:[- ](?:{alternation(k for k, v in ONES.items() if v < 10)}))?"
)
TEENS_RE = alternation(k for k, v in ONES.items() if v >= 10)
_CARDINAL_WORD = rf"(?:{TENS_ONES_RE}|{alternation(ONES)})"
_MULTIPLIERS = {"hundred": 100, "thousand": 1000}
# A quantity: digits (with an optional "1/2"), number words, "a"/"an", or vague words.
NUMBER_RE = (
    rf"(?:\d+(?:\.\d+)?(?:(?:\s+|-)1/2)?|{_CARDINAL_WORD}(?:\s+(?:hundred|thousand)|\s+and\s+a\s+half)?"
    rf"|an?(?:\s+(?:hundred|thousand)|\s+and\s+a\s+half)?|half\s+an?|{alternation(VAGUE_QUANTITIES)}"
    r"|a\s+dozen|(?:a\s+)?couple\s+of)"
)
UNIT_RE = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade)s?|centur(?:y|ies)"
)
SEASON_RE = alternation(SEASONS)
PART_OF_DAY_RE = alternation(PARTS_OF_DAY)
ORDINAL_RE = alternation(ORDINALS)
SPELLED_ORDINAL_RE = alternation(SPELLED_ORDINALS).replace(r"\ ", r"\s+")
# Four-digit years a news text plausibly means; the rules exclude amounts around them.
YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
# "nineteen ninety-six" (broadcast transcripts)
SPELLED_YEAR_RE = rf"(?:nineteen|twenty)\s+(?:{TENS_ONES_RE}|{TEENS_RE})"


def year_number(text: str) -> int | None:
    """The year of a YEAR_RE or SPELLED_YEAR_RE match ("nineteen ninety-six" → 1996)."""
    if text.isdigit():
        return int(text)
    century, _, rest = text.lower().partition(" ")
    yy = parse_number(rest.strip())
    return None if yy is None else (19 if century == "nineteen" else 20) * 100 + int(yy)


def parse_number(text: str) -> float | None:
    """Value of a quantity matched by NUMBER_RE; None for vague ones ("several")."""
    words = text.lower().replace("-", " ").split()
    half = 0.5 if text.endswith("half") or text.endswith("1/2") else 0.0
    if words and words[-1] in {"half", "1/2"}:
        words = words[: -3 if words[-1] == "half" else -1]
    if not words:
        return None
    if words[0] in {"a", "an"} and len(words) == 1:
        return 1 + half
    fixed = {"a dozen": 12, "a couple of": 2, "couple of": 2, "half a": 0.5, "half an": 0.5}.get(
        " ".join(words)
    )
    if fixed is not None:
        return fixed
    if re.fullmatch(r"\d+(?:\.\d+)?", words[0]):
        return float(words[0]) + half
    if words[-1] in _MULTIPLIERS:
        base = parse_number(" ".join(words[:-1]))
        return base * _MULTIPLIERS[words[-1]] if base else None
    total = 0
    for word in words:
        if word not in TENS and word not in ONES:
            return None
        total += TENS.get(word, 0) + ONES.get(word, 0)
    return total + half
