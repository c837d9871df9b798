"""Acronyms a name defines in brackets, in web copy and in Reuters copy as CoNLL
tokenizes it: one finder for the acronym's label and its canonical name."""

from __future__ import annotations

import re

from worker.core.entities.acronyms import abbreviates, defined
from worker.core.entities.spans import Span

WEB = (
    "The Department of Justice (DOJ) opened an inquiry on Monday. A DOJ spokesman "
    "declined to comment, and Jane Roe (JR) did too."
)
WIRE = (
    "Faik Nerweyi of the Kurdistan Democratic Party ( KDP ) told Reuters by telephone from Ankara ."
)


def _span(text: str, name: str, label: str) -> Span:
    match = re.search(re.escape(name), text)
    assert match
    return Span(match.start(), match.end(), label)


def test_a_name_followed_by_its_acronym_defines_it_with_or_without_inner_spaces() -> None:
    doj = _span(WEB, "Department of Justice", "ORG")
    kdp = _span(WIRE, "Kurdistan Democratic Party", "ORG")
    assert defined(WEB, [doj, _span(WEB, "Jane Roe", "PERSON")]) == {"DOJ": doj}
    assert defined(WIRE, [_span(WIRE, "Faik Nerweyi", "PERSON"), kdp]) == {"KDP": kdp}


def test_initials_of_all_words_or_of_the_capitalised_ones_some_skipped() -> None:
    assert abbreviates("DOJ", ["Department", "of", "Justice"])
    liffe = ["London", "International", "Financial", "Futures", "and", "Options", "Exchange"]
    assert abbreviates("LIFFE", liffe)
    assert not abbreviates("GLT", ["Wistron", "and", "Global", "Lighting", "Technologies"])
    assert not abbreviates("NATO", ["Department", "of", "Justice"])
