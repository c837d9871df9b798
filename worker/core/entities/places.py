"""Which place a place name means in one article, resolved by context as GDELT does.

A name may mean several places (`Gazetteer.candidates`, most likely first:
countries, capitals, big cities, US states and home nations, other first-level
subdivisions, other cities by population). A name with one meaning is resolved
by its "name" (confidence 1.0); otherwise the strongest evidence decides:

1. "words" (0.95): the words around the mention. "Washington state", "the
   state of New York", "upstate New York", "New York State" mean the state;
   "Buffalo, N.Y.",
   "Greenbelt, Maryland", "DUBAI, United Arab Emirates" a place inside the
   state or country named after the comma.
2. "dateline" (0.9): a name in capitals opening the body is a city.
   Then "article" if the words around another mention of the name settled it
   ("Birmingham, Alabama ... Birmingham police": one meaning per article); then
   "site" (below) if the site's country is that of the name's most likely
   meaning and none of the article's other places is near another meaning or
   in its state: two signs agree ("Limerick" on an Irish site, in a report of a
   North Carolina trial, is Ireland's city; "Perth" beside Dundee on an
   Australian site is still Scotland's).
3. "article" (0.85): the article's other places whose meanings all lie in one
   country (their first meaning stands for them). A
   state wins over its own big city when the article names another place of
   that state ("A New York man ... of Addison, southwest of Ithaca"); else a
   capital when the article names its country ("Paris" in a story naming France
   and Texas); else a place inside a US state the article names, else one in a
   country it names (never instead of a capital: "Paris" in a story of Chicago),
   else the meaning within 300 km of one of them ("Gaza" beside Israel).
4. "site" (0.75): a place in the country of the site's country-code domain
   ("sportsnet.ca" → Canada; generic domains such as ".com" say nothing), never
   instead of a capital (a Canadian site's "London" is the capital).
5. "default" (0.6): the most likely meaning ("Washington" is the capital,
   "New York" the city).

A country's name is only taken for a city of that name by the words around it
("Jamaica, New York"): the article's other places and the site say where a
story is, not that "Jamaica" is a neighbourhood of Queens; they still choose
between a country and a state ("Georgia" next to Atlanta).

The confidences are fixed levels of evidence, not calibrated probabilities.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlsplit

import pycountry

from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.postal import postal_state
from worker.core.entities.spans import Span
from worker.core.types import Place, PlaceEvidence

CONFIDENCE: dict[PlaceEvidence, float] = {
    "name": 1.0,
    "words": 0.95,
    "dateline": 0.9,
    "article": 0.85,
    "site": 0.75,
    "default": 0.6,
}
_STATE_AFTER = re.compile(r" [Ss]tate\b(?! (?:Department|University|College))")
_STATE_BEFORE = re.compile(r"(?:\bstate of|\bupstate|\bdownstate) $", re.IGNORECASE)
_COMMA_PLACE = re.compile(r",? ([A-Z][\w.]*(?: [A-Z][\w.]*){0,3})")
_PLACE_LABELS = ("GPE", "LOC")
# A place this close to a city may be part of it (Brooklyn and New York City).
SAME_PLACE_KM = 100
# A meaning this close to another place of the article is in the story's region.
NEAR_KM = 300


class PlaceResolver:
    """Resolve the GPE/LOC names of one article; built from all of its spans."""

    def __init__(
        self, gaz: Gazetteer, parts: Sequence[tuple[str, Sequence[Span]]], site: str | None
    ) -> None:
        self._gaz = gaz
        self._site = site_country(site)
        self._known: list[tuple[str, Place]] = []  # (surface, place) of one-country names
        self._settled: dict[str, Place] = {}  # names the words around one mention settle
        for text, spans in parts:
            for span in spans:
                surface = text[span.start : span.end]
                found = gaz.candidates.get(surface, ()) if span.label in _PLACE_LABELS else ()
                if len({p.country_code for p in found}) == 1:  # "Tbilisi": city or region
                    self._known.append((surface, found[0]))
                elif found and (pick := self._by_words(text, span, found)):
                    self._settled.setdefault(surface, pick[0])

    def resolve(self, text: str, span: Span) -> Place | None:
        """The place `text[span]` means, with `resolved_by` and `confidence`; None if unknown."""
        surface = text[span.start : span.end]
        if state := postal_state(text, span.start, span.end, self._gaz):
            return _chosen(state, "words")  # "ALBANY, NY": the state, not a country's code
        found = self._gaz.candidates.get(surface, ())
        if not found:
            return self._named_state(surface)
        if len(found) == 1:
            return _chosen(found[0], "name")
        checks: list[tuple[PlaceEvidence, list[Place]]] = [
            ("words", self._by_words(text, span, found)),
            ("dateline", _by_dateline(text, span, found)),
            ("article", [self._settled[surface]] if surface in self._settled else []),
            ("site", self._site_first(surface, found)),
            ("article", self._by_article(surface, found)),
            ("site", [p for p in found if p.country_code == self._site]),
        ]
        for evidence, pick in checks:
            if evidence in ("article", "site") and found[0].kind == "country":
                # "Jamaica" next to New York places is the country, not Jamaica, Queens
                pick = [p for p in pick if p.kind not in ("capital", "city")]
            if evidence == "site" and found[0].kind == "capital":
                pick = []  # a Canadian site's "London" is still the capital
            if pick and len(pick) < len(found):
                return _chosen(pick[0], evidence)
        return _chosen(found[0], "default")

    def _site_first(self, surface: str, found: Sequence[Place]) -> list[Place]:
        """The name's likeliest meaning when the site is of its country, unless the
        article's other places are near another meaning or inside its state: "Limerick"
        on an Irish site beside North Carolina is Ireland's, "Perth" on an Australian
        site beside Dundee is Scotland's, "Cambridge" beside Massachusetts is not
        England's."""
        if found[0].country_code != self._site:
            return []
        others, inside = self._others(surface)
        rivals = [p for p in found[1:] if p.country_code != self._site]
        if any(p.subdivision_code in inside for p in rivals) or _nearest(rivals, others):
            return []
        return [found[0]]

    def _others(self, surface: str) -> tuple[list[Place], set[str]]:
        """The article's places of one country other than `surface`, and the
        subdivisions they lie in."""
        others = [p for s, p in self._known if s != surface]
        return others, {p.subdivision_code for p in others if p.subdivision_code}

    def _named_state(self, surface: str) -> Place | None:
        """ "New York State": a US state's name and "State" is the state (not a school:
        sports copy makes "Ohio State" an ORG before places are resolved)."""
        name = surface.removesuffix(" State")
        if name == surface or not self._gaz.is_us_state(name):
            return None
        return _chosen(self._gaz.places[name], "words")

    def _by_words(self, text: str, span: Span, found: Sequence[Place]) -> list[Place]:
        if _STATE_AFTER.match(text, span.end) or _STATE_BEFORE.search(
            text, max(0, span.start - 12), span.start
        ):
            return [p for p in found if p.kind == "state"]
        after = _COMMA_PLACE.match(text, span.end)
        if after is None or not text.startswith(",", span.end):
            return []
        outer = self._gaz.candidates.get(after.group(1), ())
        if not outer:
            return []
        if outer[0].kind == "state" and outer[0].subdivision_code:
            return [p for p in found if p.subdivision_code == outer[0].subdivision_code]
        return [p for p in found if p.country_code == outer[0].country_code]

    def _by_article(self, surface: str, found: Sequence[Place]) -> list[Place]:
        others, inside = self._others(surface)
        countries = Counter(p.country_code for p in others)
        states = [p for p in found if p.kind == "state" and _named_away(p, found, others)]
        if states:
            return states
        capital = found[0].kind == "capital"
        if capital and found[0].country_code in countries:
            return [found[0]]  # "Paris" in a story that names France, and Texas too
        in_states = [p for p in found if p.kind != "state" and p.subdivision_code in inside]
        if in_states:
            return in_states
        if capital:  # "Paris" in a story of Chicago: a country named is no town's state
            return _nearest(found, others)
        named = sorted(
            (p for p in found if p.country_code in countries),
            key=lambda p: -countries[p.country_code],
        )
        return named or _nearest(found, others)


def _named_away(state: Place, found: Sequence[Place], others: Sequence[Place]) -> bool:
    """True if the article names a place of `state` far from the state's own city of
    this name: "New York" with Ithaca is the state, with Brooklyn the city."""
    cities = [
        p for p in found if p.kind != "state" and p.subdivision_code == state.subdivision_code
    ]
    return bool(cities) and any(
        o.subdivision_code == state.subdivision_code
        and all(_km(o, c) > SAME_PLACE_KM for c in cities)
        for o in others
    )


def _nearest(found: Sequence[Place], others: Sequence[Place]) -> list[Place]:
    """The meaning nearest to one of the article's other places, if within `NEAR_KM`:
    "Gaza" next to Israel is in Palestine, not the province of Mozambique."""
    by_km = sorted(
        (min((_km(p, o) for o in others), default=math.inf), i) for i, p in enumerate(found)
    )
    return [found[by_km[0][1]]] if by_km and by_km[0][0] <= NEAR_KM else []


def _km(a: Place, b: Place) -> float:
    """Great-circle distance; infinite when either place has no coordinates."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    lat1, lng1, lat2, lng2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def _by_dateline(text: str, span: Span, found: Sequence[Place]) -> list[Place]:
    opens_line = span.start == 0 or text[span.start - 1] == "\n"
    if opens_line and text[span.start : span.end].isupper():
        return [p for p in found if p.kind in ("capital", "city")]
    return []


def _chosen(place: Place, evidence: PlaceEvidence) -> Place:
    return replace(place, resolved_by=evidence, confidence=CONFIDENCE[evidence])


def site_country(site: str | None) -> str | None:
    """ISO alpha-2 code of a URL's or host's country-code top-level domain ("uk" → "GB")."""
    if not site:
        return None
    host = urlsplit(site if "//" in site else f"//{site}").hostname or ""
    tld = host.rsplit(".", 1)[-1].upper()
    if len(tld) != 2:
        return None
    code = "GB" if tld == "UK" else tld
    return code if pycountry.countries.get(alpha_2=code) is not None else None
