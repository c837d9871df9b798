"""Events, venues and laws the model calls an organisation or a person.

"The Davis Cup Finals", "the American Music Awards", "the Kentucky Derby",
"the Belmont Stakes", "Heathrow Airport", "Churchill Downs", "the New Jersey
Turnpike", "Insein Prison": a name whose last word is the head noun of an
event or a facility names that event (EVENT) or facility (FAC), neither of
which the scored labels count. The heads are common English nouns; those of
facilities are the OntoNotes FAC subtypes (airports, buildings, highways and
streets, bridges) and the GeoNames feature codes for them (S.AIRP, S.STDM,
S.PRN, S.HSP, R.RD, R.ST, R.TNL, S.BDG). Nouns that also head institutions
("Center": "Pew Research Center"; "Hospital") name a facility only where the
text puts one there: after "at", "in", "outside" ... and no organisation's
possessive ("at the Metropolitan Correctional Center"; not "at NASA's Goddard
Space Flight Center"); "Hall" ("Hall of Fame") is left out. A facility that
acts as an institution ("Mount Sinai Hospital said", "the Turnpike announced")
keeps the model's label. Places keep their label: CoNLL, for one, labels many
venues as locations. A name of two words or more headed by a noun of laws and
agreements, written with "the" or an owner before it ("the Volcker Rule", "the Data
Retention Bill", "the Investment Company Act"; not "Rapper Ja Rule", "Ocean Protocol
said"), is a LAW, also unscored ("Convention" is left out: the Southern Baptist
Convention is a church).
"""

from __future__ import annotations

import re

from worker.core.entities.spans import Span

EVENT_HEADS = frozenset(
    {"Cup", "Finals", "Final", "Awards", "Award", "Prize", "Trophy", "Medal", "Championship",
     "Championships", "Games", "Olympics", "Festival", "Tournament", "Marathon", "Expo",
     "Prix", "Induction", "Derby", "Stakes"}
)  # fmt: skip
VENUE_HEADS = frozenset(
    {"Stadium", "Arena", "Auditorium", "Airport", "Downs", "Racecourse", "Street", "Avenue",
     "Road", "Boulevard", "Highway", "Expressway", "Freeway", "Turnpike", "Bridge", "Tunnel",
     "Prison", "Penitentiary", "Jail"}
)  # fmt: skip
LAW_HEADS = frozenset(
    {"Act", "Bill", "Rule", "Amendment", "Treaty", "Accord", "Accords", "Agreement",
     "Protocol", "Directive", "Doctrine"}
)  # fmt: skip
_LAW_BEFORE = re.compile(r"(?:\b[Tt]he |['’]s? )$")
# Heads of facilities that also head institutions: a facility only where the text puts
# something at, in or near it.
PLACED_HEADS = frozenset({"Center", "Centre", "Hospital"})
_RELABELLED = ("ORG", "PERSON")
# right before the name: no owner's possessive ("at NASA's Goddard Space Flight Center")
_PLACED = re.compile(r"\b(?:at|in|inside|outside|near|into|from|to) (?:the )?$")
# What an institution does and a building does not: "... Hospital said", "announced".
_ACTS = re.compile(
    r"^[’']?,? (?:has |had |will |would |also |later )?(?:said|says|say|announced|announces|"
    r"hired|hires|acquired|acquires|confirmed|confirms|reported|reports|told|tells)\b"
)


_HEAD_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
_HEADS = EVENT_HEADS | VENUE_HEADS  # a head the model may have left out after a name
# A named weather system: "Storm Ciarán", "Hurricane Ian", "Tropical Storm Hilary", in an
# article that speaks of the weather ("the storm"; the actress Storm Reid is no storm).
_STORM = re.compile(r"(?:(?:Tropical|Winter) )?(?:Storm|Hurricane|Typhoon|Cyclone) [A-Z]")
_WEATHER = re.compile(r"\b(?:storm|hurricane|typhoon|cyclone|winds?|rain|flood\w*)\b")


def events(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with ORG and PERSON names headed by an event or venue noun relabelled,
    the head included when the model left it out ("WTA" + " Finals")."""
    out = []
    weather = _WEATHER.search(text) is not None
    for i, span in enumerate(spans):
        following = spans[i + 1] if i + 1 < len(spans) else None
        after = _HEAD_AFTER.match(text, span.end)
        if after and following and following.start < after.end():
            after = None  # the next name holds the word: "Stanley" + "Cup Final"
        if span.label in _RELABELLED and after and after.group(1) in _HEADS:
            span = span._replace(end=after.end())
        words = text[span.start : span.end].split()
        head = words[-1] if len(words) > 1 else ""
        if span.label in _RELABELLED and (
            head in EVENT_HEADS or (weather and _STORM.match(text, span.start))
        ):
            span = span._replace(label="EVENT")
        elif span.label in _RELABELLED and _is_facility(text, span, head):
            span = span._replace(label="FAC")
        elif span.label in _RELABELLED and head in LAW_HEADS and _is_law(text, span):
            span = span._replace(label="LAW")
        out.append(span)
    return out


def _is_law(text: str, span: Span) -> bool:
    """A law is written with a determiner or an owner before it ("the Volcker Rule", "that
    law's Volcker Rule"); people and firms are not ("Rapper Ja Rule", "Ocean Protocol
    said"), nor a group named for a cause ("the Alliance for Responsible Rule")."""
    name = text[span.start : span.end]
    return bool(_LAW_BEFORE.search(text, max(0, span.start - 12), span.start)) and (
        " for " not in name
    )


def _is_facility(text: str, span: Span, head: str) -> bool:
    """True if a name with this head noun names a facility, not an institution."""
    if _ACTS.match(text[span.end :]):
        return False
    return head in VENUE_HEADS or (
        head in PLACED_HEADS
        and _PLACED.search(text[max(0, span.start - 20) : span.start]) is not None
    )
