"""Titles of works in quotation marks, whose words the model takes for names.

"... to perform “Takin’ It to the Streets.”" gives the model a PERSON
"Takin" and an ORG "Streets". A quoted segment of two to eight words, in
title case (every word of four letters or more capitalised, at least two
capitalised words, no word of a sentence's lowercase verb such as "said"),
is the title of a song, book, film or show: the spans inside it are a
WORK_OF_ART's words, not entities of the story. Quoted speech has lowercase
words ("“It is inappropriate,” he said"), so it is left alone.
"""

from __future__ import annotations

import re

from worker.core.entities.spans import Span

_QUOTED = re.compile(r"[“\"]([^“”\"\n]{3,80})[”\"]")
_WORD = re.compile(r"[\w’'-]+")
MAX_WORDS = 8
_RELABELLED = ("PERSON", "ORG", "GPE", "LOC", "NORP")


def _is_title(segment: str) -> bool:
    words = _WORD.findall(segment)
    capitalised = [w for w in words if w[0].isupper()]
    return (
        2 <= len(words) <= MAX_WORDS
        and len(capitalised) >= 2
        and all(w[0].isupper() or len(w) < 4 for w in words)
    )


def works(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with those inside a quoted title relabelled WORK_OF_ART."""
    titles = [m.span(1) for m in _QUOTED.finditer(text) if _is_title(m.group(1))]
    return [
        s._replace(label="WORK_OF_ART")
        if s.label in _RELABELLED and any(a <= s.start and s.end <= b for a, b in titles)
        else s
        for s in spans
    ]
