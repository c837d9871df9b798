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

import worker.core.timex.extract as extract
from worker.core.timex import find_timexes
from worker.core.types import Timex

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
    lists = ABSOLUTE + RELATIVE + DURATIONS + TIMES_AND_SETS + RANGES_AND_UNITS + TENSE_AND_DAY_CUES
    lists += RESULTS_AND_HOLIDAYS + GUIDELINE_VALUES + NEWS_CALENDAR + NEWS_CLOCK_AND_SPANS
    texts_without = list(NOT_TEMPORAL)
    texts = [article, *(s for s, *_ in lists), *(s for s, *_ in NARRATIVE), *texts_without]
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
    # TimeML writes a decade as its first three digits, a century as its first two.
    ("Inflation was low in the 1990s.", FRIDAY, "the 1990s", "DATE", "199"),
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
    # TimeBank wsj_0585 and wsj_0586 (DCT 1989-10-30): a bare "the week" keeps only its year.
    ("For the week, the index dropped 3.8%.", "1989-10-30", "the week", "DATE", "1989-WXX"),
    (
        "Volume was up from 443.6 million Thursday and the week's most active session.",
        "1989-10-30",
        "the week",
        "DATE",
        "1989-WXX",
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


# --------------------------------------------------------------------------- narrative anchoring

# (text, publication date, timex text, type, value, anchor): "the next day", "that year"...
# follow the last date mentioned before them, the publication date when there is none.
NARRATIVE = [
    (  # TimeBank APW19980418.0210
        "On May 22, 1995, Farkas was made a brigadier general, and the following year he was "
        "appointed military attache at the Hungarian embassy.",
        "1998-04-18",
        "the following year",
        "DATE",
        "1996",
        "1995-05-22",
    ),
    (  # TimeBank APW20000128.0316
        "Munero had fled to Florida in June 1998 and returned to Cuba later that year.",
        "2000-01-28",
        "later that year",
        "DATE",
        "1998",
        "1998-06",
    ),
    (  # TimeBank wsj_0026
        "Imports of the watches totaled about $37.3 million in 1988, a small share of the "
        "$1.5 billion in U.S. watch imports that year.",
        "1989-11-02",
        "that year",
        "DATE",
        "1988",
        "1988",
    ),
    (  # after TimeBank wsj_0586, published Monday 1989-10-30: Friday is the 27th
        "London stocks fell on Friday. The 100-share index closed down 4.5% from the previous "
        "Friday.",
        "1989-10-30",
        "the previous Friday",
        "DATE",
        "1989-10-20",
        "1989-10-27",
    ),
    (  # after TimeBank wsj_0786
        "In March, a group urged the company to sell assets. The following month, the company "
        "put itself up for sale.",
        "1989-10-27",
        "The following month",
        "DATE",
        "1989-04",
        "1989-03",
    ),
    (  # after TimeBank NYT20000224.0173, published Thursday 2000-02-24
        "Manuel went to Lazaro's home last Tuesday, and he appeared in court the next morning.",
        "2000-02-24",
        "the next morning",
        "TIME",
        "2000-02-23TMO",
        "2000-02-22",
    ),
    (  # TimeBank APW19991024.0075
        "Slepian was killed on Oct. 23, 1998 by a sniper. Earlier that day, the family sent a "
        "fax to local police.",
        "1999-10-24",
        "Earlier that day",
        "DATE",
        "1998-10-23",
        "1998-10-23",
    ),
    (
        "He was arrested on Oct. 3. The day before, police had searched his home.",
        FRIDAY,
        "The day before",
        "DATE",
        "2023-10-02",
        "2023-10-03",
    ),
    (  # "the year before", "a year after" move from the last date as "the day before" does
        "The mill closed in 2009. The year before, it had cut 200 jobs.",
        FRIDAY,
        "The year before",
        "DATE",
        "2008",
        "2009",
    ),
    ("The minister left the next day.", FRIDAY, "the next day", "DATE", "2023-10-14", FRIDAY),
    ("The minister left the next day.", None, "the next day", "DATE", "XXXX-XX-XX", None),
    (  # TimeBank XIE19990210.0079: the 25 takes April and the year from "April 24"
        "The accession will still be held at the NATO Washington summit on April 24 and 25.",
        "1999-02-10",
        "25",
        "DATE",
        "1999-04-25",
        "1999-04-24",
    ),
    ("The dividend will be paid on the 25th.", FRIDAY, "the 25th", "DATE", "2023-10-25", FRIDAY),
    # Past tense and a day after the publication day's: the month before.
    ("The shares were sold on the 20th.", FRIDAY, "the 20th", "DATE", "2023-09-20", FRIDAY),
    (
        "In March, the company paid its dividend on the 15th.",
        FRIDAY,
        "the 15th",
        "DATE",
        "2023-03-15",
        "2023-03",
    ),
    (  # after TimeBank NYT19990419.0515: a clock time without a day is on the day last named
        "Slepian was shot in his kitchen on Oct. 23, 1998 at 10 p.m.",
        "1999-04-19",
        "10 p.m.",
        "TIME",
        "1998-10-23T22:00",
        "1998-10-23",
    ),
    (  # TimeBank wsj_0169: a part of a named day, from the publication date
        "In London at mid-afternoon yesterday, Ratners's shares were up 2 pence.",
        "1989-11-02",
        "mid-afternoon yesterday",
        "TIME",
        "1989-11-01TAF",
        "1989-11-02",
    ),
]


@pytest.mark.parametrize(
    ("text", "published_at", "phrase", "kind", "expected", "anchor"), NARRATIVE
)
def test_narrative_expressions_follow_the_last_date_mentioned(
    text: str, published_at: str | None, phrase: str, kind: str, expected: str, anchor: str | None
) -> None:
    timex = only(text, published_at, phrase)
    assert (timex.type, timex.value, timex.anchor) == (kind, expected, anchor)


# --------------------------------------------------------------------------- spans and ranges

# A range has no TIMEX3 value: one expression with the lower end (vague before "ago").
RANGES_AND_UNITS = [
    (  # TimeBank wsj_0585
        "Market makers say the shares may not recover for two to three weeks.",
        "1989-10-30",
        "two to three weeks",
        "DURATION",
        "P2W",
    ),
    ("Rebuilding the port will take 5-10 years.", FRIDAY, "5-10 years", "DURATION", "P5Y"),
    (  # TimeBank wsj_0637
        "The company expects losses over the next 12 to 18 months.",
        "1989-10-30",
        "the next 12 to 18 months",
        "DURATION",
        "P12M",
    ),
    (
        "The village was abandoned five or six years ago.",
        FRIDAY,
        "five or six years ago",
        "DATE",
        "PAST_REF",
    ),
    ("The dock strike lasted a fortnight.", FRIDAY, "a fortnight", "DURATION", "P2W"),
    # Two weeks before Friday 2023-10-13 is Friday 2023-09-29, in ISO week 39.
    ("The ship sailed a fortnight ago.", FRIDAY, "a fortnight ago", "DATE", "2023-W39"),
    (  # TimeBank WSJ910225-0066, published Monday 1991-02-25: the week of 1991-02-18
        "Soviet diplomats proposed a peace plan a week or so ago.",
        "1991-02-25",
        "a week or so ago",
        "DATE",
        "1991-W08",
    ),
    (  # TimeBank wsj_0904
        "Over the next couple of years we would not be surprised to see growth.",
        "1989-10-26",
        "the next couple of years",
        "DURATION",
        "P2Y",
    ),
    (  # TimeBank AP900815-0044
        "More troops are expected to be committed to Desert Shield within weeks.",
        "1990-08-15",
        "weeks",
        "DURATION",
        "PXW",
    ),
    (  # TimeBank wsj_0768
        "Funds may sell junk bonds to pay departing investors in the weeks ahead.",
        "1989-10-27",
        "the weeks ahead",
        "DURATION",
        "PXW",
    ),
    (  # TimeBank NYT20000403.0463
        "Lawyers emerged from their third day-long meeting with federal officials.",
        "2000-04-03",
        "day-long",
        "DURATION",
        "P1D",
    ),
    (  # TimeBank APW19980213.1310
        "Australia rests in the hands of the Australian people as it has for almost a hundred "
        "years.",
        "1998-02-13",
        "almost a hundred years",
        "DURATION",
        "P100Y",
    ),
    (  # TimeBank CNN19980223.1130.0 (a broadcast transcript)
        "Prices fell to the level we saw in the winter of nineteen ninety-four.",
        "1998-02-23",
        "the winter of nineteen ninety-four",
        "DATE",
        "1994-WI",
    ),
    (  # TimeBank CNN19980227.2130.0 (a broadcast transcript)
        "January nineteen ninety-seven. Atlanta again.",
        "1998-02-27",
        "January nineteen ninety-seven",
        "DATE",
        "1997-01",
    ),
    (  # TimeBank NYT20000224.0173
        "The post-1959 politics have managed to split thousands of families apart.",
        "2000-02-24",
        "1959",
        "DATE",
        "1959",
    ),
    (  # TimeBank wsj_0157: said of the future, "in five years" is a date
        "The stock would be redeemed in five years, subject to terms of the company's debt.",
        "1989-11-02",
        "five years",
        "DATE",
        "1994",
    ),
    (  # TimeBank VOA19980331.1700.1533: a vague count in the future
        "You may, in a year or two, save a few more lives.",
        "1998-03-31",
        "a year or two",
        "DATE",
        "FUTURE_REF",
    ),
    (  # TimeBank APW20000216.0272: in the past it is the span it took
        "Gonzalez's second letter to Reno in two weeks was published in Granma on Tuesday.",
        "2000-02-16",
        "two weeks",
        "DURATION",
        "P2W",
    ),
    (  # after a superlative it looks back over the span, whatever the tense
        "It will be the first time in 20 years that the two leaders meet.",
        FRIDAY,
        "20 years",
        "DURATION",
        "P20Y",
    ),
    (
        "Analysts expect prices to reach the highest level in five years.",
        FRIDAY,
        "five years",
        "DURATION",
        "P5Y",
    ),
]


@pytest.mark.parametrize(("text", "published_at", "phrase", "kind", "expected"), RANGES_AND_UNITS)
def test_ranges_and_other_spans(
    text: str, published_at: str, phrase: str, kind: str, expected: str
) -> None:
    assert value(text, published_at, phrase) == (kind, expected)


def test_fiscal_year_span_gives_both_years() -> None:
    text = "Revenue for fiscal 1990-91 rose 8%, after a flat 1998-99 season."
    assert [(t.text, t.value) for t in find_timexes(text, FRIDAY)] == [
        ("fiscal 1990", "1990"),
        ("91", "1991"),
        ("1998", "1998"),
        ("99", "1999"),
    ]


def test_anaphoric_expression_without_an_earlier_date_is_dropped() -> None:
    """TimeBank wsj_0585: "that day" refers to an event, not to a date of the text."""
    text = "Market makers can suffer huge losses on trades made that day at dropping prices."
    assert find_timexes(text, "1989-10-30") == []


def test_high_noon_is_not_a_time() -> None:
    """TimeBank NYT19990312.0271."""
    assert find_timexes("For the people of Poland, high noon comes at last.", FRIDAY) == []


def test_rates_are_not_durations() -> None:
    text = "Qantas will fly four flights a week and add nearly 700 seats a week on the route."
    assert find_timexes(text, FRIDAY) == []


# --------------------------------------------------------------------------- tense and day cues

TENSE_AND_DAY_CUES = [
    (  # TimeBank APW19990507.0207, published Friday 1999-05-07: "until" in the past perfect
        "Until Thursday, they had not called Kopp a suspect.",
        "1999-05-07",
        "Thursday",
        "DATE",
        "1999-05-06",
    ),
    (  # TimeBank wsj_0745, published Friday 1989-10-27: a possessive names a past event
        "The GM move follows Tuesday's declaration by Ford.",
        "1989-10-27",
        "Tuesday",
        "DATE",
        "1989-10-24",
    ),
    (  # TimeBank wsj_0542, published Monday 1989-10-30: a plan in the past perfect
        "The offer previously had been scheduled to expire at midnight Friday.",
        "1989-10-30",
        "midnight Friday",
        "TIME",
        "1989-10-27T24:00",
    ),
    (  # TimeBank wsj_0927
        "U.S. Trust also created a four-member office of the chairman, effective Feb. 1.",
        "1989-10-26",
        "Feb. 1",
        "DATE",
        "1990-02-01",
    ),
    (  # TimeBank wsj_0918: "unspecified" is an adjective, "would" sets the tense
        "The split would be paid on a still unspecified date in January.",
        "1989-10-26",
        "January",
        "DATE",
        "1990-01",
    ),
    (  # TimeBank NYT19981025.0188: "vs." does not end the sentence before "killed"
        "In January, a week after the anniversary of the Roe vs. Wade decision, a clinic "
        "bombing killed a guard.",
        "1998-10-25",
        "January",
        "DATE",
        "1998-01",
    ),
    (  # TimeBank APW19980322.0749: the verb of the other clause does not count
        "The governments, which cosponsor the talks that are supposed to conclude by May, "
        "invited Sinn Fein to rejoin two weeks ago.",
        "1998-03-22",
        "May",
        "DATE",
        "1998-05",
    ),
    (  # TimeBank wsj_0557, published Monday 1989-10-30: "by" looks forwards
        "The sale, which had been expected, is part of KKR's program to pay down $5 billion "
        "of a bridge loan by February.",
        "1989-10-30",
        "February",
        "DATE",
        "1990-02",
    ),
    (  # TimeBank NYT20000329.0359, published Wednesday: "plan to" looks forwards
        "Officials said they did not plan to remove Elian on Thursday morning.",
        "2000-03-29",
        "Thursday morning",
        "TIME",
        "2000-03-30TMO",
    ),
    # Published Thursday 2023-10-12: "ahead of" looks forwards whatever the verb.
    (
        "Traders sold shares ahead of the weekend.",
        "2023-10-12",
        "the weekend",
        "DATE",
        "2023-W41-WE",
    ),
    # Published Wednesday 2023-10-11: "by" sets a deadline, unless it introduces an agent.
    ("Payment is due by Friday.", "2023-10-11", "Friday", "DATE", "2023-10-13"),
    ("The town was hit by Friday's storm.", "2023-10-11", "Friday", "DATE", "2023-10-06"),
    (  # TimeBank APW19980808.0022, published Saturday: the day follows a bracket
        "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.",
        "1998-08-08",
        "about 10:35 a.m.",
        "TIME",
        "1998-08-07T10:35",
    ),
    (  # TimeBank APW20000405.0276, published Wednesday: the day closes the bracket
        "This courageous father will leave at 4 in the morning (4 a.m. EDT Thursday).",
        "2000-04-05",
        "4 in the morning",
        "TIME",
        "2000-04-06T04:00",
    ),
]


@pytest.mark.parametrize(("text", "published_at", "phrase", "kind", "expected"), TENSE_AND_DAY_CUES)
def test_tense_and_day_cues(
    text: str, published_at: str, phrase: str, kind: str, expected: str
) -> None:
    assert value(text, published_at, phrase) == (kind, expected)


# --------------------------------------------------------------------------- results, holidays

RESULTS_AND_HOLIDAYS = [
    (  # TimeBank wsj_1013: a nine-month figure is compared with the year before, not a quarter
        "Third-quarter net fell 30%. For the nine months, losses totaled $212 million, compared "
        "with net income of $48.7 million a year earlier.",
        "1989-10-26",
        "a year earlier",
        "DATE",
        "1988",
    ),
    (  # TimeBank wsj_0161: in a quarterly report "a year earlier" is the quarter a year back
        "Third-quarter net rose to $5 million from $4 million a year earlier.",
        "1989-11-02",
        "a year earlier",
        "DATE",
        "1988-Q3",
    ),
    (  # TimeBank wsj_0924: the quarter reported is the one named, a fiscal first quarter
        "Dominion Textile posted net income of 4.7 million Canadian dollars for the "
        "fiscal-first quarter ended Sept. 30. The company had a net loss of C$2.3 million, "
        "or 14 Canadian cents a share, a year ago.",
        "1989-10-26",
        "a year ago",
        "DATE",
        "1988-Q1",
    ),
    (  # TimeBank wsj_0144: a quarter still running is an outlook, not the one reported
        "Travelers estimated that the California earthquake last month will result in a "
        "fourth-quarter pre-tax charge of less than $10 million. The insurer's earnings from "
        "commercial lines fell 59% in the latest quarter, compared with earnings of $6.1 "
        "million a year ago.",
        "1989-11-02",
        "a year ago",
        "DATE",
        "1988-Q3",
    ),
    (  # TimeBank wsj_0006: year-end is the end of the year (TimeML: the year, mod END)
        "The company expects to obtain regulatory approval and complete the transaction by "
        "year-end.",
        "1989-11-02",
        "year-end",
        "DATE",
        "1989",
    ),
    (  # TimeBank wsj_0586: "since year-end" is the last one passed
        "The index is based on the close of 1969 equaling 100. The percentage change is since "
        "year-end.",
        "1989-10-30",
        "year-end",
        "DATE",
        "1988",
    ),
    (  # TimeBank wsj_0144: the same for "the 1988 period"
        "Third-quarter net was $24 million. In the first nine months, net was $306 million, "
        "compared with a loss of $195 million in the 1988 period.",
        "1989-11-02",
        "the 1988 period",
        "DATE",
        "1988",
    ),
    (  # TimeBank wsj_0344
        "The company lost $2 million in the third quarter. These results compare with net "
        "income of $1.8 million for the corresponding period last year.",
        "1989-11-01",
        "the corresponding period last year",
        "DATE",
        "1988-Q3",
    ),
    (  # TimeBank wsj_0344: in the past, "this quarter" is the quarter just reported
        "Net fell in the third quarter. This quarter's loss includes pretax charges of $4.9 "
        "million.",
        "1989-11-01",
        "This quarter",
        "DATE",
        "1989-Q3",
    ),
    (  # TimeBank wsj_1003
        "Orders for the first two quarters of 1990 are lower.",
        "1989-10-26",
        "the first two quarters of 1990",
        "DATE",
        "1990-H1",
    ),
    (  # TimeBank NYT20000224.0173
        "The case may be resolved in a court hearing the week of March 6.",
        "2000-02-24",
        "the week of March 6",
        "DATE",
        "2000-W10",
    ),
    (  # TimeBank APW20000417.0031, published Monday 2000-04-17; Easter 2000 was April 23
        "Protesters prayed for divine help as Easter week began.",
        "2000-04-17",
        "Easter week",
        "DATE",
        "2000-W16",
    ),
    ("The talks will resume after Easter.", FRIDAY, "Easter", "DATE", "2024-03-31"),
    (  # TimeBank PRI19980303.2000.2
        "Islam will one day be the second largest religion in the country.",
        "1998-03-03",
        "one day",
        "DATE",
        "FUTURE_REF",
    ),
]


@pytest.mark.parametrize(
    ("text", "published_at", "phrase", "kind", "expected"), RESULTS_AND_HOLIDAYS
)
def test_results_news_and_holidays(
    text: str, published_at: str, phrase: str, kind: str, expected: str
) -> None:
    assert value(text, published_at, phrase) == (kind, expected)


def test_year_earlier_before_a_counted_span_only_qualifies_it() -> None:
    """TimeBank wsj_0904: "the year-earlier nine months" is a nine-month duration, not a
    compared quarter followed by a duration; a quarter still follows the adjective."""
    text = "Net for the year-earlier nine months also included a gain of $9.7 million."
    found = find_timexes(text, "1989-10-26")
    assert [(t.text, t.type, t.value) for t in found] == [("nine months", "DURATION", "P9M")]
    quarter = "Coast earned $10.2 million in the third quarter and in the year-ago quarter."
    assert value(quarter, "1989-11-01", "the year-ago quarter") == ("DATE", "1988-Q3")


def test_a_when_or_if_clause_in_the_present_speaks_of_the_future() -> None:
    # TimeBank NYT20000329.0359 (published 2000-03-29): the past verb before the clause
    # does not reach into it.
    hearing = (
        "Gonzalez had not signed an agreement to hand the child over if the relatives lose "
        "a fight to keep him when the case is heard in May in the appeals court."
    )
    assert value(hearing, "2000-03-29", "May") == ("DATE", "2000-05")
    # Published 2023-10-13: June is nearer backwards, but the clause looks ahead, unless
    # its own verb is past.
    assert value("Rates rise if the bank acts in June.", FRIDAY, "June") == ("DATE", "2024-06")
    assert value("Rates fell when the bank acted in June.", FRIDAY, "June") == ("DATE", "2023-06")


def test_then_current_is_past() -> None:
    """TimeBank wsj_0924: "the then current market price"."""
    text = "Holders may buy shares at 50% of the then current market price."
    assert value(text, "1989-10-26", "then current") == ("DATE", "PAST_REF")


def test_adjective_recent_is_not_tagged_but_recently_is() -> None:
    """TimeBank tags "recently" most of the time, the adjective "recent" rarely."""
    text = "Shares fell after the recent sale and were recently downgraded."
    assert [(t.text, t.value) for t in find_timexes(text, FRIDAY)] == [("recently", "PAST_REF")]


# --------------------------------------------------------------------------- beyond the dev set
# Made-up news sentences, published Friday 2023-10-13 (FRIDAY); values from the TimeML
# guidelines and the calendar.

# (sentence, timex text, type, value): TimeML value formats.
GUIDELINE_VALUES = [
    # A decade is its first three digits, a century its first two.
    ("The bridge was built in the 1960s.", "the 1960s", "DATE", "196"),
    ("Cities grew quickly in the 19th century.", "the 19th century", "DATE", "18"),
    ("The castle was built in the fourteenth century.", "the fourteenth century", "DATE", "13"),
    ("Work changed in the twenty-first century.", "the twenty-first century", "DATE", "20"),
    # An unknown number of decades is an unknown number of years; of centuries, centuries.
    ("The family has farmed there for decades.", "decades", "DURATION", "PXY"),
    ("Pilgrims have visited the shrine for centuries.", "centuries", "DURATION", "PXC"),
    ("The deal, signed months ago, has collapsed.", "months ago", "DATE", "PAST_REF"),
    ("A few moments ago, the jury returned its verdict.", "A few moments ago", "DATE", "PAST_REF"),
    ("The merger came after months of talks.", "months", "DURATION", "PXM"),
    ("The two sides ended a near 1-1/2 year trade war.", "1-1/2 year", "DURATION", "P1Y6M"),
    # "a year ago" is a quarter back only in quarterly results: "headquarters" and a
    # "quarter-century" are not quarters.
    ("The company moved its headquarters a year ago.", "a year ago", "DATE", "2022"),
    (
        "Wages rose 4 percent from a year earlier, near a quarter-century high.",
        "a year earlier",
        "DATE",
        "2022",
    ),
]

NEWS_CALENDAR = [
    # Days of a month spelled as ordinals (transcripts, holidays), with a spelled year.
    (
        "Voting begins this coming Sunday, October fifteenth.",
        "this coming Sunday, October fifteenth",
        "DATE",
        "2023-10-15",
    ),
    ("Fireworks are planned for the Fourth of July.", "the Fourth of July", "DATE", "2024-07-04"),
    (
        "The ban took effect January first, nineteen ninety-nine.",
        "January first, nineteen ninety-nine",
        "DATE",
        "1999-01-01",
    ),
    # Seasons with a position or a preposition; a season of every year is a SET.
    ("The festival is held in late summer.", "late summer", "DATE", "2023-SU"),
    ("The plant will reopen by spring.", "spring", "DATE", "2024-SP"),
    ("The festival is held every summer.", "every summer", "SET", "XXXX-SU"),
    # Holidays computed from Thanksgiving (Nov. 23, 2023) and Easter (April 9, 2023).
    ("Retailers expect record sales on Black Friday.", "Black Friday", "DATE", "2023-11-24"),
    ("Shops closed early on Good Friday.", "Good Friday", "DATE", "2023-04-07"),
    ("He called his mother on Mother’s Day.", "Mother’s Day", "DATE", "2023-05-14"),
    ("Veterans Day parades will be held across the country.", "Veterans Day", "DATE", "2023-11-11"),
    # Fiscal years, months of a named year, halves and quarters of a relative year.
    ("Home Depot expects growth in fiscal year 2024.", "fiscal year 2024", "DATE", "2024"),
    (
        "The model was updated as recently as May of this year.",
        "May of this year",
        "DATE",
        "2023-05",
    ),
    (
        "The deal should close in the first half of next year.",
        "the first half of next year",
        "DATE",
        "2024-H1",
    ),
    (
        "Growth slowed in the fourth quarter of last year.",
        "the fourth quarter of last year",
        "DATE",
        "2022-Q4",
    ),
    # A period named by its last day: the calendar week or quarter it mostly covers.
    ("Jobless claims fell in the week ended Oct. 7.", "the week", "DATE", "2023-W40"),
    ("Sales rose 4% in the quarter ended July 31.", "the quarter", "DATE", "2023-Q2"),
]

NEWS_CLOCK_AND_SPANS = [
    # "early"/"late" are part of the expression (TimeML's mod), not of its value.
    ("The storm hit the coast early Tuesday.", "early Tuesday", "DATE", "2023-10-10"),
    ("Officials met late yesterday.", "late yesterday", "DATE", "2023-10-12"),
    # A clock time takes the date named after it, the day of a spelled hour too.
    (
        "Tickets go on sale at 10 a.m. Friday, Dec. 1.",
        "10 a.m. Friday, Dec. 1",
        "TIME",
        "2023-12-01T10:00",
    ),
    (
        "The ceasefire began at six o'clock this morning.",
        "six o'clock this morning",
        "TIME",
        "2023-10-13T06:00",
    ),
    ("The plane landed at 14:30 GMT.", "14:30 GMT", "TIME", "2023-10-13T14:30"),
]


@pytest.mark.parametrize(
    ("sentence", "phrase", "kind", "expected"),
    GUIDELINE_VALUES + NEWS_CALENDAR + NEWS_CLOCK_AND_SPANS,
)
def test_news_expressions_beyond_the_dev_set(
    sentence: str, phrase: str, kind: str, expected: str
) -> None:
    assert value(sentence, FRIDAY, phrase) == (kind, expected)


# Words that look temporal in sentences where they are not: names, titles, a coil, a verb,
# a collapse, noun modifiers, the halves of a game, a scale and a game clock.
NOT_TEMPORAL = [
    "The spring in the mattress broke.",
    "Tickets for the Summer Olympics sold out.",
    "The Arab Spring toppled several governments.",
    "Trade grew after the fall of the Berlin Wall.",
    "Prices are expected to fall.",
    "The team opens spring training in Florida.",
    "The Sunday Times reported the story.",
    "The remarks were reported by USA Today.",
    "He scored in the second half of the game.",
    "The model is a 1:24 scale replica.",
    "He appeared on 60 Minutes.",
    'Secretary of State James Baker said on ABC-TV\'s "This Week With David Brinkley" that '
    "the resolutions stood.",  # TimeBank WSJ910225-0066: a programme's title
    "The striker scored at 7:14, 19:56 and 43:10 of the match.",
]


@pytest.mark.parametrize("sentence", NOT_TEMPORAL)
def test_words_that_only_look_temporal(sentence: str) -> None:
    assert find_timexes(sentence, FRIDAY) == []


def test_the_hours_of_a_named_day_are_that_day() -> None:
    """TimeBank APW19991008.0151 (published Friday 1999-10-08): one expression, the day's."""
    text = (
        "Capt. Rod Beer said the FBI arrested Mohamed at the city's airport in the early hours "
        "of Thursday morning as he was about to be deported."
    )
    found = find_timexes(text, "1999-10-08")
    assert [(t.text, t.value) for t in found] == [("Thursday morning", "1999-10-07TMO")]


def test_a_range_of_days_is_two_dates() -> None:
    """conll-dev (Reuters, 1996-08-31): "March 1-2" is March 1 and March 2, not "March"."""
    text = (
        "Spain travels to Belgium, while the U.S. team heads to the Netherlands for "
        "first-round matches March 1-2."
    )
    found = find_timexes(text, "1996-08-31")
    assert [(t.text, t.value) for t in found] == [("March 1", "1997-03-01"), ("2", "1997-03-02")]


def test_the_year_after_a_pair_of_days_is_both_days() -> None:
    found = find_timexes("The summit was held April 24 and 25, 1995, in Halifax.", FRIDAY)
    assert [(t.text, t.value) for t in found] == [
        ("April 24", "1995-04-24"),
        ("25, 1995", "1995-04-25"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose on Feb. 3 to 1,995 stores.", ["Feb. 3"]),
        ("On May 2 the Yankees beat Boston 4-1.", ["May 2"]),
    ],
)
def test_a_number_after_a_date_is_not_a_day(text: str, expected: list[str]) -> None:
    assert [t.text for t in find_timexes(text, FRIDAY)] == expected


def test_end_of_a_month_written_with_a_hyphen() -> None:
    """conll-dev (Reuters, 1996-08-30)."""
    text = (
        "Dealers remained optimistic that the usual seasonal pick-up in jewellery fabrication "
        "demand would see gold at $395 by end-October."
    )
    assert value(text, "1996-08-30", "end-October") == ("DATE", "1996-10")


def test_a_span_from_today_is_a_date() -> None:
    # Friday 2023-10-13 + 2 weeks = Friday 2023-10-27, in ISO week 43
    assert value("The report is due two weeks from today.", FRIDAY, "two weeks from today") == (
        "DATE",
        "2023-W43",
    )


def test_a_quoted_sentence_may_start_with_this_week() -> None:
    text = '"This week we will decide," the minister said.'
    assert value(text, FRIDAY, "This week") == ("DATE", "2023-W41")


def test_a_holiday_within_a_month_is_that_years_whatever_the_tense() -> None:
    """Published Monday 2023-11-20: a past-tense verb nearby does not make it 2022's."""
    text = "Black Friday is approaching, and some prices have already dropped."
    assert value(text, "2023-11-20", "Black Friday") == ("DATE", "2023-11-24")


def test_an_ordinal_before_a_noun_is_not_a_day_of_the_month() -> None:
    found = find_timexes("In January first-time buyers returned.", FRIDAY)
    assert [(t.text, t.value) for t in found] == [("January", "2023-01")]
