"""Towns and states the model calls an organisation or a person outside sports copy.

The small model reads "Police in Smalltown said" or "the crossing at
Borderville" as an ORG when the town is small, and "came to life in Agua
Dulce" as a PERSON. Outside sports copy (where a town standing for its club is
an ORG, `sport.py`) a name the gazetteer knows as a city, capital or state is a
place (GPE) where the text puts it as one: after a preposition of place ("in",
"at", "near", ...), in a list with a place ("Breisach, Kehl and Freiburg",
"at Old Trafford , Manchester"), after a street address ("of St Mildred's
Road, Margate") or before a noun of the people who live there ("a Limerick
man", "the Dublin woman"; not a relative after "the" or an owner: "the Jackson
family" and "Toronto's Thomson family" are a surname's). A PERSON stays one
when a possessive follows it ("in Jackson's view") or it is a word of a longer
person's name in the text ("Andrew Jackson"); an ORG stays one when the words
around it make it an organisation:

* a cue of `brands.org_cue` (a noun of organisations before it, an
  apposition headed by one, "was founded", a member only organisations have);
* a noun of organisations right after it ("at the Xinhua news agency");
* a player's position after it ("at Pittsburgh quarterback", `glued.teams`).

A verb of saying after it is no such cue: in "police in Liege said" the town
does not speak.

The city of a story's opening dateline ("BHUBANESWAR: A 72-year-old man from
Bhubaneswar ...") is that city where the story names it again, whatever the model said
(`dateline_towns`), unless the name is also a given name ("AUSTIN, Texas — Austin
Reaves scored") or a label that opens other lines too ("CLINTON:" of a transcript, a
team's line-up); a colon after the city has the conditions of `spans.dateline_places`.
"""

from __future__ import annotations

import re

from worker.core.entities.brands import ORG_NOUNS, org_cue
from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.glued import POSITIONS
from worker.core.entities.people import is_given_name
from worker.core.entities.spans import DATELINE, Span

_NOUN_AFTER = re.compile(
    r"^ (?:[a-z-]+ )?(?:" + "|".join(map(re.escape, (*ORG_NOUNS, *POSITIONS))) + r")\b"
)
_TOWN_KINDS = ("city", "capital", "state")
_AT = re.compile(r"\b(?:in|at|near|outside|inside|around|across|throughout) $")
_LISTED = re.compile(r"^(?: ?, (?:and |or )?| (?:and|or) )$")
_POSSESSIVE = re.compile(r"^['’]")
_ADDRESS = re.compile(
    r"\b(?:Road|Street|Avenue|Lane|Drive|Close|Crescent|Way|Place|Terrace|Gardens|Grove|Rd|St|"
    r"Ave)\.?\s*,\s*$"
)
_CLOSED = re.compile(r"^\s*[,.;)]")
_RESIDENT = re.compile(
    r"^ (?:man|woman|men|women|boy|girl|teenager|teen|pensioner|mother|father|mum|dad|couple|"
    r"family|native|resident|residents|natives)\b"
)
# "the Jackson family", "Toronto's Thomson family": a surname's relatives, no residents
_KIN = re.compile(r"^ (?:mother|father|mum|dad|couple|family)\b")
_DEFINITE = re.compile(r"(?:\b[Tt]he|['’]s?) $")


def towns(text: str, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """The spans, with ORG and PERSON towns and states that the text puts as places and
    nothing marks as organisations or people relabelled GPE."""
    names = (text[s.start : s.end].split() for s in spans if s.label == "PERSON")
    people = {word for words in names if len(words) > 1 for word in words}
    out: list[Span] = []
    for span in spans:
        surface = text[span.start : span.end]
        place = gaz.place(surface)
        if span.label in ("ORG", "PERSON") and place is not None and place.kind in _TOWN_KINDS:
            before, after = text[max(0, span.start - 60) : span.start], text[span.end :]
            listed = (
                bool(out)
                and out[-1].label == "GPE"
                and bool(_LISTED.match(text[out[-1].end : span.start]))
            )
            address = _ADDRESS.search(before) and _CLOSED.match(after)  # not "Avenue, Harris said"
            placed = listed or _AT.search(before) or address
            if (placed or _residents(before, after)) and (
                not _organisation(before, after)
                if span.label == "ORG"
                else not _POSSESSIVE.match(after) and surface not in people
            ):
                span = span._replace(label="GPE")
        out.append(span)
    return out


def _residents(before: str, after: str) -> bool:
    """Whether a noun of the people who live in the town follows it ("a Limerick man",
    "one Oakland couple"); a relative after "the" or an owner names a surname's family."""
    return bool(_RESIDENT.match(after)) and not (_KIN.match(after) and _DEFINITE.search(before))


def _organisation(before: str, after: str) -> bool:
    return bool(org_cue(before, after) or _NOUN_AFTER.match(after))


def dateline_towns(text: str, datelines: list[Span], gaz: Gazetteer) -> list[Span]:
    """The story's later mentions of the city its opening dateline names (`datelines`:
    those `spans.dateline_places` found), as places (see the module docstring)."""
    opening = DATELINE.match(text, len(text) - len(text.lstrip()))
    if opening is None or not any(s.start == opening.start() for s in datelines):
        return []
    name = " ".join(word.capitalize() for word in opening.group().split())
    if (
        gaz.place(name) is not gaz.dateline_place(opening.group())
        or is_given_name(name.split()[0])
        or sum(m.group() == opening.group() for m in DATELINE.finditer(text)) > 1
    ):
        return []
    return [Span(*m.span(), "GPE") for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
