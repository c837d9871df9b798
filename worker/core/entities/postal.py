"""US states named by their postal code after one of their cities.

Local news writes "ALBANY, NY (NEWS10) —" and "moved to Springfield, IL": the
code alone is no name ("IN", "OR", "OK" are words, "IL" and "CA" are Israel's
and Canada's ISO codes), but right after a city of that state it is the state.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.spans import Span
from worker.core.types import Place

# A US state's postal code after a city: "ALBANY, NY (NEWS10) —", "in Springfield, IL."
_POSTAL_CODE = re.compile(r", ([A-Z]{2})\b(?![\w'’-]|\.\w)")
_CAPITALISED_RUN = re.compile(r"(?<![\w.'’-])([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}), $")


def postal_state(text: str, start: int, end: int, gaz: Gazetteer) -> Place | None:
    """The US state whose postal code `text[start:end]` follows one of its cities: the
    capitalised words right before its comma, but for an opening stop word or a word ending
    a sentence ("In Springfield, IL"), are the city's whole name ("St. Louis, MO"; not
    "Sarah Jackson, MS, RD": a dietitian's degree)."""
    run = _CAPITALISED_RUN.search(text, max(0, start - 60), start)
    words = run.group(1).split() if run else []
    while words:
        if state := gaz.state_after_city(" ".join(words), text[start:end]):
            return state
        if not (words[0].endswith(".") or words[0].lower() in STOP_WORDS):
            return None
        words = words[1:]  # "TX. In Albany, NY": a sentence's end and its opening word
    return None


def postal_states(text: str, gaz: Gazetteer) -> list[Span]:
    """The postal codes of US states written after one of their cities, as GPEs."""
    return [
        Span(*m.span(1), "GPE")
        for m in _POSTAL_CODE.finditer(text)
        if postal_state(text, *m.span(1), gaz) is not None
    ]
