"""US federal courts and their districts, which the model reads as places.

"the Southern District of New York", "the District of Massachusetts": a
district of the federal courts is named by a compass word (optional), the
words "District of" and a US state; it is an institution (ORG), not the
place inside it, which the model and the gazetteer would tag alone
("Southern District" + "New York"). The longest name wins, as in the gold
guidelines: "the U.S. Attorney's Office for the Western District of New York"
is one ORG. "U.S. District Court" and "U.S. Bankruptcy Court" are ORGs too
("Boston's U.S. District Court"), not "U.S." and "District Court". The state
is checked against the gazetteer, so "District of Columbia" (a place) is left
alone.
"""

from __future__ import annotations

import re

from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.spans import Span, override

_DISTRICT = re.compile(
    r"(?:U\.S\. Attorney['’]s Office for the )?"
    r"(?:(?:Northern|Southern|Eastern|Western|Central|Middle) )?District of "
    r"(?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
)
_COURT = re.compile(r"\bU\.S\. (?:District|Bankruptcy) Court\b")


def courts(text: str, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """The spans, with federal court districts and US district courts as one ORG each."""
    found = [Span(*m.span(), "ORG") for m in _COURT.finditer(text)]
    for match in _DISTRICT.finditer(text):
        start = match.start("state")
        words = match.group("state").split(" ")
        # "District of Massachusetts Joshua Levy": the state is one word or two
        for size in range(len(words), 0, -1):
            state = " ".join(words[:size])
            if gaz.is_us_state(state):
                found.append(Span(match.start(), start + len(state), "ORG"))
                break
    return override(spans, found)
