"""Players in sports copy the model missed or took for a thing, read off what they did.

A round-up of results names its players once each, often in a run of names the
small model leaves untagged or calls a facility: "Tuukka Rask made 25 saves",
"Wild 4, Sabres 1: Zach Parise scored twice", "Linus Ullmark stopped 22 shots"
(FAC). In sports copy (`sport.is_sport`), a name of two or three capitalised
words right before a verb of play ("scored", "stopped", "made 25 saves", "threw",
"homered", ...) is a PERSON when the model tagged nothing there, or a thing or a
place that no gazetteer knows; not a team: the name must read as a person's
(`people.shaped_as_person`: no plural, noun of organisations or place-named club
word last), no word of it may be a known place or a common word ("Real Madrid
scored", "New Jersey scored"; a common word before the name is no part of it: "Then
Zach Parise scored"), and an ORG stays one
(`sport.py` and `people.reads_as_person` judge those).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.lang.en.stop_words import STOP_WORDS

from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.people import shaped_as_person
from worker.core.entities.spans import Span, override

_WORD = r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?"
_PLAYED = (
    r"scored|stopped|saved|netted|tallied|assisted|homered|pitched|threw|rushed|caught|"
    r"made\s+\d+\s+saves|had\s+\d+|finished\s+with|struck\s+out|drove\s+in"
)
_PLAYER = re.compile(rf"(?<![\w.'’-])({_WORD}(?:\s+{_WORD}){{1,2}})(?=\s+(?:{_PLAYED})\b)")
_LEADING_COMMON = re.compile(rf"(?:(?i:{'|'.join(sorted(STOP_WORDS))})\s+)?")
_THINGS = frozenset({"FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LOC", "GPE", "NORP"})


def players(text: str, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """The spans of a sports story, with the players that a verb of play follows PERSONs
    where the model tagged nothing or a thing or an unknown place (module docstring)."""
    starts, ends = [s.start for s in spans], [s.end for s in spans]  # sorted, disjoint
    found = []
    for m in _PLAYER.finditer(text):
        common = _LEADING_COMMON.match(text, m.start(1))  # "Then Zach Parise scored"
        start = common.end() if common else m.start(1)
        if _reads_as_player(text[start : m.end(1)], gaz) and all(
            s.label in _THINGS
            for s in spans[bisect_right(ends, start) : bisect_left(starts, m.end(1))]
        ):
            found.append(Span(start, m.end(1), "PERSON"))
    return override(spans, found) if found else spans


def _reads_as_player(name: str, gaz: Gazetteer) -> bool:
    words = name.split()
    return (
        shaped_as_person(name, gaz)
        and gaz.place(name) is None
        and not any(gaz.place(w) is not None or w.lower() in STOP_WORDS for w in words)
    )
