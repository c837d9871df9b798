"""Events and venues the model calls an organisation or a person.

"The Davis Cup Finals", "the American Music Awards", "the Kentucky Derby",
"the Belmont Stakes", "Heathrow Airport", "Churchill Downs": a
name whose last word is the head noun of an event or a venue names that
event (EVENT) or venue (FAC), neither of which the scored labels count. The
heads are common English nouns; words that also head organisations
("Center": "Pew Research Center"; "Hall": "Hall of Fame") are left out.
Places keep their label: CoNLL, for one, labels many venues as locations.
"""

from __future__ import annotations

from worker.core.entities.spans import Span

EVENT_HEADS = frozenset(
    {"Cup", "Finals", "Final", "Awards", "Championship", "Championships", "Games",
     "Olympics", "Festival", "Tournament", "Marathon", "Expo", "Prix", "Induction", "Derby",
     "Stakes"}
)  # fmt: skip
VENUE_HEADS = frozenset({"Stadium", "Arena", "Auditorium", "Airport", "Downs", "Racecourse"})
_RELABELLED = ("ORG", "PERSON")


def events(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with ORG and PERSON names headed by an event or venue noun relabelled."""
    out = []
    for span in spans:
        words = text[span.start : span.end].split()
        head = words[-1] if len(words) > 1 else ""
        if span.label in _RELABELLED and head in EVENT_HEADS:
            span = span._replace(label="EVENT")
        elif span.label in _RELABELLED and head in VENUE_HEADS:
            span = span._replace(label="FAC")
        out.append(span)
    return out
