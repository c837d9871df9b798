"""Names that the article itself calls a place, whatever label the model gave them.

No gazetteer lists every region, enclave or village ("Nagorno-Karabakh",
"Donbas"), and the small model often tags such an unknown hyphenated name as
an ORG. News text usually says what the place is, in one of three ways:

- "the Donbas region", "the Kherson province": the name is followed by the noun;
- "Nagorno-Karabakh, a breakaway region of Azerbaijan": an apposition;
- "control of Nagorno-Karabakh, sparking an exodus of the breakaway region's
  population": a locative object described again, in the same sentence, by a
  possessive definite description, with no other name or "the" in between.

The cue words are common nouns of place, not names, so this generalises to
places no list has. Only ORG spans are relabelled: PERSON, NORP or product
names described this way are far more often right than wrong. The one
exception is a residence after an age, "Ryan Hollman, 31, of Hope": the name
after it is a place even when the model calls it a PERSON or an ORG.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from worker.core.entities.spans import Span
from worker.core.text import SENTENCE_END

# A place noun and the label of the place it describes: a political unit (GPE)
# or a geographic one (LOC).
PLACE_NOUNS = {
    "region": "LOC",
    "valley": "LOC",
    "island": "LOC",
    "peninsula": "LOC",
    "territory": "GPE",
    "enclave": "GPE",
    "exclave": "GPE",
    "province": "GPE",
    "district": "GPE",
    "county": "GPE",
    "city": "GPE",
    "town": "GPE",
    "village": "GPE",
    "republic": "GPE",
    "country": "GPE",
}
_NOUN = r"(?P<noun>" + "|".join(PLACE_NOUNS) + r")"
_MODIFIERS = r"(?:[a-z][\w-]* ){0,2}"  # "breakaway", "mountainous", "disputed"
_END = r"(?![\w'’-])"  # the noun is not a possessive or the start of a compound
# Nouns that follow a name as its head ("the Donbas region"); "country",
# "city" and "republic" are left out ("Marlboro country").
_HEADS = re.compile(r" (?P<noun>region|valley|province|territory|enclave|district)\b")
_APPOSITION = re.compile(r", (?:a|an|the) " + _MODIFIERS + _NOUN + _END)
_DESCRIPTION = re.compile(r"\bthe " + _MODIFIERS + _NOUN + r"['’]s\b")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|of|from|into|to|across|over|inside|throughout|near) (?:the )?$", re.IGNORECASE
)
_THE = re.compile(r"\bthe\b")
# "Christopher L. Tays, 32, of Franklin": a person's age, then where they live.
_RESIDENCE = re.compile(r"\b\d{1,3}, of $")
RELABELLED = ("ORG", "PERSON")


def described_places(text: str, spans: Sequence[Span]) -> list[Span]:
    """`spans` with every ORG (or PERSON, for a residence) that the article describes as
    a place relabelled GPE or LOC."""
    places: dict[str, str] = {}
    for i, span in enumerate(spans):
        if span.label in RELABELLED:
            limit = spans[i + 1].start if i + 1 < len(spans) else len(text)
            label = _described_as(text, span, limit)
            if label:
                places[text[span.start : span.end]] = label
    if not places:
        return list(spans)
    return [
        s._replace(label=places[text[s.start : s.end]])
        if s.label in RELABELLED and text[s.start : s.end] in places
        else s
        for s in spans
    ]


def _described_as(text: str, span: Span, limit: int) -> str | None:
    """The place label the words around `span` (up to `limit`) give it, if any."""
    if _RESIDENCE.search(text, max(0, span.start - 8), span.start):
        return "GPE"
    if span.label != "ORG":
        return None
    head = _HEADS.match(text, span.end) or _APPOSITION.match(text, span.end)
    if head is None and _LOCATIVE_BEFORE.search(text, max(0, span.start - 20), span.start):
        sentence = SENTENCE_END.search(text, span.end, limit)
        end = sentence.start() if sentence else limit
        the = _THE.search(text, span.end, end)  # the first definite noun phrase after it
        head = _DESCRIPTION.match(text, the.start(), end) if the else None
    return PLACE_NOUNS[head.group("noun")] if head else None
