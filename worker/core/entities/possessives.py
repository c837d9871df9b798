"""Possessives inside the model's spans: an owner and the thing it owns, or one name.

"Elon Musk's SpaceX" is two names, "Workers' Party" one: an institution named for
a group of people keeps its possessive, and so does an office named for the official
who heads it ("the Harris County Sheriff's Office", "the District Attorney's Office"),
an ORG whatever the model said. A name whose possessive owns one relative ("Coleen's
daughter", "Ford's mother") is a person's, whatever the model said (not "sister" or
"parent", which companies have too, nor "children" or "kids": "Disney's kids channel",
"Gaza's children"), and so is a name a person's relative introduces, the whole
apposition ("her brother, Herumanto Tanus,"; not "his wife, NBC News anchor Savannah
Guthrie"), or that opens a clause with one ("Yohannes and his wife were"; not "He
joined Goldman Sachs and his wife worked").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from worker.core.entities.gazetteer import Gazetteer, place_label
from worker.core.entities.spans import APOSTROPHE_S, Span

# "Jeff Bezos's Blue Origin", "NASA's Office of the Inspector General"
_INNER_POSSESSIVE = re.compile(" ?" + APOSTROPHE_S + " (?=[A-Z])")  # also tokenized " 's"
_IRREGULAR_PLURALS = frozenset({"Women", "Children", "People", "Men"})
# Head nouns of institutions named for a group: "Workers' Party", "Children's Hospital"
_GROUP_HEADS = frozenset(
    {"Party", "Union", "Affairs", "Army", "Daily", "Institute", "Hospital", "Association",
     "Federation", "Alliance", "League", "Fund", "Day", "Council", "Club", "Society",
     "College", "School", "Movement", "Front", "Congress", "Assembly", "Museum", "Commission",
     "Committee", "Foundation", "Trust", "Network", "Coalition", "Centre", "Center"}
)  # fmt: skip


# One relative, no modifier after it: "Gaza's children", "Kerala's daughters", "Disney's
# kids channel", "the NHS's mum-to-be app" are no family's.
_ONE_RELATIVE = (
    r"(?:daughter|son|husband|wife|widow|widower|mother|father|dad|girlfriend|boyfriend|"
    r"fiancée?|grandson|granddaughter|niece|nephew|stepson|stepdaughter)"
)
_RELATIVE_AFTER = re.compile(APOSTROPHE_S + rf" {_ONE_RELATIVE}\b(?![-'’])")
# "her brother, Herumanto Tanus", "his wife Kimberly"; "Yohannes and his wife": a
# person's relative, siblings too (a company's "sister" is its own, never "her sister")
_KIN = rf"(?:{_ONE_RELATIVE}|brother|sister|cousin|uncle|aunt|grandmother|grandfather)"
_RELATIVE_BEFORE = re.compile(rf"\b(?i:his|her|their|my|our) {_KIN},? $")
# the whole apposition ("his brother Tanus told"), not a title's ("NBC News anchor X")
_APPOSED_END = re.compile(r"[,.;:)!?]|\s*$|\s+[a-z]+\b(?!\s+[A-Z])")
_WITH_RELATIVE = re.compile(rf" and (?:his|her) {_KIN}\b")
# "Yohannes and his wife", "Police said Tanus and his wife"; not an object: "He joined X"
_CLAUSE_START = re.compile(r"(?:^|[.!?:;,\n\"“]|\bthat|\bsaid|\bsays)\s*$")
# Offices named for the official at their head, beside the titles nameparser knows
_OFFICES = frozenset({"Office", "Department"})
_OFFICIALS = frozenset(
    {"Prosecutor", "Coroner", "Examiner", "Auditor", "Assessor", "Recorder", "Defender",
     "Inspector", "Marshal", "Ombudsman"}
)  # fmt: skip


def split_possessives(text: str, spans: Iterable[Span], gaz: Gazetteer) -> list[Span]:
    """Cut "X's Y" spans into the owner and the owned name, except the name of an
    institution named for a group ("Workers' Party", "Women's Institute": `_of_a_group`)
    or for its head (an ORG: "Sheriff's Office", `_of_an_official`).

    The owner keeps the model's label unless it is a known place; the owned
    name is a place if known, a PERSON if it starts with a title ("Kazakhstan's
    President Tokayev"), an ORG if the owner is a person ("Elon Musk's SpaceX"),
    else it keeps the model's label.
    """
    out = []
    for span in spans:
        match = _INNER_POSSESSIVE.search(text, span.start, span.end)
        if match is not None and not text[span.start : match.start()].strip():
            out.append(span._replace(start=match.end()))  # "project’s Git": "’s Git" is "Git"
            continue
        if match is None or _of_a_group(text, span, match):
            out.append(span)
            continue
        if _of_an_official(text, span, match, gaz):
            out.append(span._replace(label="ORG"))
            continue
        owner, owned = text[span.start : match.start()], text[match.end() : span.end]
        owner_label = place_label(gaz.places[owner]) if owner in gaz.places else span.label
        if owned in gaz.places:
            owned_label = place_label(gaz.places[owned])
        elif gaz.is_title(owned.split()[0]):
            owned_label = "PERSON"
        else:
            owned_label = "ORG" if owner_label == "PERSON" else span.label
        out += [
            Span(span.start, match.start(), owner_label),
            Span(match.end(), span.end, owned_label),
        ]
    return out


def _of_a_group(text: str, span: Span, possessive: re.Match[str]) -> bool:
    """An institution named for a group of people is one name: a plural's possessive
    ("Workers' Party", "Veterans' Affairs", "Women's Institute", "People's Daily") before
    a head noun of institutions (not "Elon Musk's SpaceX", "Charles' Acme")."""
    owner = text[span.start : possessive.start()].split()[-1]
    head = text[possessive.end() : span.end].split()[-1]
    bare = not possessive.group().strip().lower().endswith("s")  # "Workers'", not "Musk's"
    return (bare or owner in _IRREGULAR_PLURALS) and head in _GROUP_HEADS


def _of_an_official(text: str, span: Span, possessive: re.Match[str], gaz: Gazetteer) -> bool:
    """An office named for the official at its head: "Sheriff's Office", "Medical
    Examiner's Office" (not "Elon Musk's Office")."""
    owner = text[span.start : possessive.start()].split()[-1]
    owned = text[possessive.end() : span.end]
    return owned in _OFFICES and (owner in _OFFICIALS or gaz.is_title(owner))


def relatives(text: str, spans: Iterable[Span], gaz: Gazetteer) -> list[Span]:
    """The spans, with an organisation or an unknown place that a relative names or that
    has one ("Coleen's daughter", "her brother, Herumanto Tanus", "Yohannes and his
    wife") relabelled PERSON."""
    return [
        s._replace(label="PERSON")
        if s.label in ("ORG", "GPE", "LOC")
        and gaz.place(text[s.start : s.end]) is None
        and (
            _RELATIVE_AFTER.match(text, s.end)
            or (
                _WITH_RELATIVE.match(text, s.end)
                and _CLAUSE_START.search(text, max(0, s.start - 6), s.start)
            )
            or (
                _RELATIVE_BEFORE.search(text, max(0, s.start - 30), s.start)
                and _APPOSED_END.match(text, s.end)
            )
        )
        else s
        for s in spans
    ]
