"""First-level subdivisions of every country: pycountry's ISO 3166-2 codes and names,
with the English names and coordinates that the iso3166-2 package ships.

A subdivision is a `Place` of kind "state" (the kind of US states: a province,
region, Land or home nation is a country's first-level unit just the same)
with its ISO 3166-2 code in `subdivision_code` and its centre's coordinates
(iso3166-2's `latLng`). Names are pycountry's without its bracketed variants
("Wales [Cymru GB-CYM]" → "Wales"), also without accents ("Gujarāt" →
"Gujarat") and followed by the type when that is one capitalised word ("Osun"
→ "Osun State", a name matched in text); names with a comma ("Madrid,
Comunidad de") are not text, nor are names made only of words of direction or
position ("Central", "North East", "West Coast"): English text names parts of
anything so ("the North East" of England, the US "West Coast", the NHL's
"Central Division"), and such a subdivision is only named by its code.

pycountry names many subdivisions in the country's own language ("Nei Mongol
Zizhiqu", "Guangdong Sheng"); iso3166-2 lists other names, tagged by language.
An English one is a name of the place, and the first of them its name
("Inner Mongolia", "Guangdong", "Catalonia"), when it is written as a name
(capitalised words, "of" and "and" aside, not opening with "The") and shares
a word's first four letters with the ISO name: the list also holds nicknames
("Land of Temples", "The Big Mikan", "Las Gidi" for Lagos) and old exonyms
("Canton" for Guangdong) that would take names from places and people.
US states are left out (`us` knows them with their AP abbreviations; their
coordinates come from `latlng`).
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pycountry

from worker.core.types import Place

# Subdivision types that English text treats like countries: the UK's home
# nations ("England", "Scotland", "Wales"; "Northern Ireland" is a Province).
NATION_TYPES = frozenset({"Country", "Nation", "Province"})
NATIONS_OF = "GB"
_ENGLISH = re.compile(r"([^,]+?) \(eng\)")
_LINKS = frozenset({"of", "and"})
# Words that name parts of anything: "Central Division" is Fiji's and the NHL's,
# "Eastern Province" Saudi Arabia's, Sri Lanka's and Zambia's.
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "capital", "upper", "lower", "middle", "coast", "coastal", "islands"}
)  # fmt: skip
STEM = 4  # letters a word of an English name shares with a word of the ISO name


@cache
def _iso3166_2() -> dict[str, dict[str, object]]:
    """The iso3166-2 package's data, code → record (read, not imported: its module
    pulls in an HTTP client and fuzzy matching that the data does not need)."""
    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "iso3166-2.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {code: record for country in data.values() for code, record in country.items()}


def latlng(code: str) -> tuple[float | None, float | None]:
    """The centre of the subdivision with this ISO 3166-2 code, if iso3166-2 has it."""
    found = _iso3166_2().get(code, {}).get("latLng")
    if isinstance(found, list) and len(found) == 2:
        return float(found[0]), float(found[1])
    return None, None


def english_names(code: str, iso_name: str) -> list[str]:
    """The English names of a subdivision that are names of it, not nicknames."""
    other = str(_iso3166_2().get(code, {}).get("localOtherName") or "")
    stems = {w[:STEM] for w in without_accents(iso_name).casefold().split() if len(w) >= STEM}
    return [
        name
        for name in (m.group(1).strip() for m in _ENGLISH.finditer(other))
        if not name.startswith("The ")
        and all(w[:1].isupper() or w in _LINKS for w in name.split())
        and any(
            w[:STEM] in stems for w in without_accents(name).casefold().split() if len(w) >= STEM
        )
    ]


def subdivisions() -> Iterator[tuple[list[str], str | None, Place]]:
    """(names, typed name, place) of every first-level subdivision outside the US; the
    typed name ("Osun State", "Sichuan Province") is a name with its type word, which
    says it is a place wherever it stands."""
    for record in pycountry.subdivisions:
        if record.parent_code is not None or record.country_code == "US":
            continue
        name = record.name.split(" [")[0].strip()
        english = english_names(record.code, name)
        names = [n for n in (*english, name, without_accents(name)) if not is_direction_name(n)]
        kind_word = str(record.type)
        typed = (
            f"{name} {kind_word}"
            if " " not in kind_word and kind_word not in name and not is_direction_name(name)
            else None
        )
        names += [typed] if typed else []
        shown = english[0] if english else name
        if "," in shown:
            continue
        place = Place(shown, record.country_code, "state", *latlng(record.code), record.code)
        yield names, typed, place


def is_direction_name(name: str) -> bool:
    """A name made of words of direction or position only ("Central", "North Western",
    "the South" of Korea): a part of anything, no subdivision's own name."""
    return all(word.casefold() in _DIRECTIONS for word in name.replace("-", " ").split())


def is_home_nation(place: Place) -> bool:
    """England, Scotland, Wales and Northern Ireland, which text names like countries."""
    code = place.subdivision_code or ""
    if place.country_code != NATIONS_OF or not code:
        return False
    record = pycountry.subdivisions.get(code=code)
    return record is not None and str(record.type) in NATION_TYPES and record.parent_code is None


def without_accents(name: str) -> str:
    """A name without its diacritics: "Montréal" → "Montreal"."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c))
