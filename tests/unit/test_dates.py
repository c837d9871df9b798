"""Temporal expressions: extents, types and TIMEX3 values decided by hand.

Sentences are from the reference article (published Friday 2023-10-13), from
TimeBank (quoted with their document creation time) or short news-style
sentences; each expected value was worked out from the calendar, not copied
from the extractor's output.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

import worker.pipeline.temporal.extract as extract
from worker.pipeline.dates import find_timexes
from worker.pipeline.model import Timex

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "000_d59a720f40c57080.txt"
FRIDAY = "2023-10-13"  # the reference article's publication date, a Friday


def only(text: str, published_at: str | None, phrase: str) -> Timex:
    """The single timex whose text is `phrase`, checking its offsets."""
    found = [t for t in find_timexes(text, published_at) if t.text == phrase]
    assert len(found) == 1, find_timexes(text, published_at)
    timex = found[0]
    assert timex.start == text.index(phrase) and text[timex.start : timex.end] == phrase
    return timex


def value(text: str, published_at: str | None, phrase: str) -> tuple[str, str]:
    timex = only(text, published_at, phrase)
    return timex.type, timex.value


# --------------------------------------------------------------------------- reference article


@pytest.fixture(scope="module")
def article() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def test_article_required_expressions(article: str) -> None:
    found = {(t.start, t.text): t for t in find_timexes(article, FRIDAY)}
    summit = article.index("attended a summit on Friday") + len("attended a summit on ")
    assert found[(summit, "Friday")] == Timex(
        "Friday", summit, summit + 6, "DATE", "2023-10-13", FRIDAY
    )
    last_month = article.index("last month of Nagorno")
    assert found[(last_month, "last month")].value == "2023-09"
    march = article.index("March for war crimes")
    assert found[(march, "March")] == Timex("March", march, march + 5, "DATE", "2023-03", FRIDAY)


def test_article_dump_header_date_is_absolute(article: str) -> None:
    first = find_timexes(article, FRIDAY)[0]
    assert (first.text, first.start, first.value, first.anchor) == (
        "2023-10-13",
        6,
        "2023-10-13",
        None,
    )


def test_article_spans_are_exact_sorted_and_disjoint(article: str) -> None:
    timexes = find_timexes(article, FRIDAY)
    assert all(article[t.start : t.end] == t.text for t in timexes)
    assert all(a.end <= b.start for a, b in itertools.pairwise(timexes))


def test_trigger_windows_find_what_a_full_scan_finds(
    article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rules run only near their trigger words; that must not lose or change matches."""
    texts = [article, *(s for s, *_ in ABSOLUTE + RELATIVE + DURATIONS + TIMES_AND_SETS)]
    windowed = [find_timexes(t, FRIDAY) for t in texts]
    monkeypatch.setattr(
        extract, "trigger_windows", lambda text, positions, triggers: [(0, len(text))]
    )
    assert [find_timexes(t, FRIDAY) for t in texts] == windowed


# --------------------------------------------------------------------------- kinds of expressions

# (sentence, publication date, timex text, type, value)
ABSOLUTE = [
    (
        "The accord was signed on Oct. 13, 2023, in Bishkek.",
        FRIDAY,
        "Oct. 13, 2023",
        "DATE",
        "2023-10-13",
    ),
    (
        "The accord was signed on 13 October 2023 in Bishkek.",
        FRIDAY,
        "13 October 2023",
        "DATE",
        "2023-10-13",
    ),
    ("Exports fell in October 2023.", FRIDAY, "October 2023", "DATE", "2023-10"),
    ("Filed 2023-10-13.", None, "2023-10-13", "DATE", "2023-10-13"),
    ("The deadline was 10/13/2023.", None, "10/13/2023", "DATE", "2023-10-13"),
    ("The company expects a loss in fiscal 2024.", FRIDAY, "fiscal 2024", "DATE", "2024"),
    ("Prices peaked in mid-2022.", FRIDAY, "mid-2022", "DATE", "2022"),
    ("Inflation was low in the 1990s.", FRIDAY, "the 1990s", "DATE", "199X"),
    ("Revenue rose in Q3 2023.", FRIDAY, "Q3 2023", "DATE", "2023-Q3"),
    (
        "NINETEEN ninety-six was a good year, she recalled.",
        None,
        "NINETEEN ninety-six",
        "DATE",
        "1996",
    ),
]

RELATIVE = [
    # TimeBank style: a month and day without a year take the year that puts them nearest.
    ("The quarter ended Sept. 30.", "1989-10-26", "Sept. 30", "DATE", "1989-09-30"),
    ("Output rose 4% in the third quarter.", FRIDAY, "the third quarter", "DATE", "2023-Q3"),
    ("It will be finished by Christmas.", FRIDAY, "Christmas", "DATE", "2023-12-25"),
    ("Talks ended on Monday without a deal.", FRIDAY, "Monday", "DATE", "2023-10-09"),
    # Published on a Wednesday: the plant reopens two days later.
    ("The plant will reopen on Friday.", "2023-10-11", "Friday", "DATE", "2023-10-13"),
    ("He resigned last Friday.", FRIDAY, "last Friday", "DATE", "2023-10-06"),
    ("Sales will be reported in March.", FRIDAY, "March", "DATE", "2024-03"),
    ("Sales fell in February.", FRIDAY, "February", "DATE", "2023-02"),
    # No tense cue (news present for scheduled events): the nearest occurrence.
    ("Voters head to the polls on Monday.", FRIDAY, "Monday", "DATE", "2023-10-16"),
    ("The new rules take effect in January.", FRIDAY, "January", "DATE", "2024-01"),
    (
        "The company said on Friday it would close the plant in March.",
        FRIDAY,
        "March",
        "DATE",
        "2024-03",
    ),
    ("The minister will visit Paris next week.", FRIDAY, "next week", "DATE", "2023-W42"),
    ("The law was passed two years ago.", FRIDAY, "two years ago", "DATE", "2021"),
    ("The mine closed a decade ago.", FRIDAY, "a decade ago", "DATE", "2013"),
    ("Prices rose sharply earlier this year.", FRIDAY, "earlier this year", "DATE", "2023"),
    ("The festival will take place this weekend.", FRIDAY, "this weekend", "DATE", "2023-W41-WE"),
    ("Police arrested him Monday night.", FRIDAY, "Monday night", "TIME", "2023-10-09TNI"),
    ("Rain fell yesterday.", FRIDAY, "yesterday", "DATE", "2023-10-12"),
    ("They will meet tomorrow morning.", FRIDAY, "tomorrow morning", "TIME", "2023-10-14TMO"),
    # TimeBank wsj_0585 (DCT 1989-10-30, a Monday).
    (
        "The Nasdaq Composite Index tumbled 5.39 on Friday.",
        "1989-10-30",
        "Friday",
        "DATE",
        "1989-10-27",
    ),
    ("Net income rose 12% from a year earlier.", FRIDAY, "a year earlier", "DATE", "2022"),
    ("The currency is now trading freely.", FRIDAY, "now", "DATE", "PRESENT_REF"),
    ("The bank recently raised rates.", FRIDAY, "recently", "DATE", "PAST_REF"),
    ("Rates may fall in the future.", FRIDAY, "the future", "DATE", "FUTURE_REF"),
]

DURATIONS = [
    ("Sales rose 5% in the past three months.", FRIDAY, "the past three months", "DURATION", "P3M"),
    ("He served three years in prison.", FRIDAY, "three years", "DURATION", "P3Y"),
    ("The strike lasted twenty-five days.", FRIDAY, "twenty-five days", "DURATION", "P25D"),
    ("The meeting lasted 2 1/2 hours.", FRIDAY, "2 1/2 hours", "DURATION", "PT2H30M"),
    ("The flight took an hour and a half.", FRIDAY, "an hour and a half", "DURATION", "PT1H30M"),
    ("It signed a five-year contract.", FRIDAY, "five-year", "DURATION", "P5Y"),
    ("The search went on for several weeks.", FRIDAY, "several weeks", "DURATION", "PXW"),
]

TIMES_AND_SETS = [
    ("The vote closes at 3 p.m.", FRIDAY, "3 p.m.", "TIME", "2023-10-13T15:00"),
    ("Crowds gathered at noon.", FRIDAY, "noon", "TIME", "2023-10-13T12:00"),
    ("Ministers meet every week.", FRIDAY, "every week", "SET", "P1W"),
    ("The paper is published weekly.", FRIDAY, "weekly", "SET", "P1W"),
    ("The fee is reviewed annually.", FRIDAY, "annually", "SET", "P1Y"),
    ("The market is closed on Sundays.", FRIDAY, "Sundays", "SET", "XXXX-WXX-7"),
]


@pytest.mark.parametrize(("sentence", "published_at", "phrase", "kind", "expected"), ABSOLUTE)
def test_absolute_dates(
    sentence: str, published_at: str | None, phrase: str, kind: str, expected: str
) -> None:
    timex = only(sentence, published_at, phrase)
    assert (timex.type, timex.value, timex.anchor) == (kind, expected, None)


@pytest.mark.parametrize(("sentence", "published_at", "phrase", "kind", "expected"), RELATIVE)
def test_relative_expressions(
    sentence: str, published_at: str, phrase: str, kind: str, expected: str
) -> None:
    timex = only(sentence, published_at, phrase)
    anchored = expected[0].isdigit()
    assert (timex.type, timex.value, timex.anchor) == (
        kind,
        expected,
        published_at if anchored else None,
    )


@pytest.mark.parametrize(
    ("sentence", "published_at", "phrase", "kind", "expected"), DURATIONS + TIMES_AND_SETS
)
def test_durations_times_and_sets(
    sentence: str, published_at: str, phrase: str, kind: str, expected: str
) -> None:
    assert value(sentence, published_at, phrase) == (kind, expected)


@pytest.mark.parametrize(
    "text", ["It ran from 2010 to 2015.", "It ran 2010-2015.", "It ran 2010–2015."]
)
def test_date_range_gives_two_dates(text: str) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, FRIDAY)] == [
        ("2010", "2010"),
        ("2015", "2015"),
    ]


def test_amounts_ages_and_fractions_are_not_durations() -> None:
    text = "Mr. Smith, 52 years old, sold a quarter of his 1,990 shares for $2 million a year."
    assert find_timexes(text, FRIDAY) == []


def test_dates_beyond_the_calendar_do_not_raise() -> None:
    text = "The site was settled 5000 years ago and will last 9999 years from now."
    assert all(text[t.start : t.end] == t.text for t in find_timexes(text, FRIDAY))


# --------------------------------------------------------------------------- anchor handling


def test_without_publication_date_relative_values_stay_underspecified() -> None:
    text = "The bank cut rates in March, last month and on Friday, and will again tomorrow."
    got = {t.text: (t.value, t.anchor) for t in find_timexes(text, None)}
    assert got == {
        "March": ("XXXX-03", None),
        "last month": ("XXXX-XX", None),
        "Friday": ("XXXX-WXX-5", None),
        "tomorrow": ("XXXX-XX-XX", None),
    }


def test_unparseable_publication_date_is_treated_as_missing() -> None:
    assert value("It happened yesterday.", "last Tuesday", "yesterday") == ("DATE", "XXXX-XX-XX")


def test_publication_datetime_uses_its_own_calendar_date() -> None:
    """23:30 in New York is already the next day in UTC; the writer's date counts."""
    timex = only("The mayor spoke yesterday.", "2023-10-13T23:30:00-04:00", "yesterday")
    assert (timex.value, timex.anchor) == ("2023-10-12", "2023-10-13")


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Etc/GMT+12", "UTC"])
def test_output_does_not_depend_on_the_machine_timezone(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        text = "The mayor spoke yesterday and will return on Friday at 3 p.m."
        got = [(t.text, t.value) for t in find_timexes(text, "2023-10-12T23:30:00-04:00")]
    finally:
        monkeypatch.undo()
        time.tzset()
    assert got == [
        ("yesterday", "2023-10-11"),
        ("Friday", "2023-10-13"),
        ("3 p.m.", "2023-10-13T15:00"),
    ]
