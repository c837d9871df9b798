"""First-level subdivisions of every country, from pycountry's ISO 3166-2 data.

A subdivision is a `Place` of kind "state" (the kind of US states: a province,
region, Land or home nation is a country's first-level unit just the same)
with its ISO 3166-2 code in `subdivision_code`. Names are pycountry's without
its bracketed variants ("Wales [Cymru GB-CYM]" → "Wales"), also without
accents ("Gujarāt" → "Gujarat") and followed by the type when that is one
capitalised word ("Osun" → "Osun State"); names with a comma ("Madrid,
Comunidad de") are not text. pycountry names many subdivisions in the
country's own language ("Bayern", "Nei Mongol Zizhiqu"): those are known only
under that name. US states are left out (`us` knows them with their AP
abbreviations). No installed package ships coordinates of subdivisions, so
they have none.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pycountry

from worker.core.types import Place

# Subdivision types that English text treats like countries: the UK's home
# nations ("England", "Scotland", "Wales"; "Northern Ireland" is a Province).
NATION_TYPES = frozenset({"Country", "Nation", "Province"})
NATIONS_OF = "GB"


def subdivisions() -> Iterator[tuple[list[str], Place]]:
    """(names, place) of every first-level subdivision outside the US."""
    for record in pycountry.subdivisions:
        if record.parent_code is not None or record.country_code == "US":
            continue
        name = record.name.split(" [")[0].strip()
        if "," in name:
            continue
        names = [name, _ascii(name)]
        kind_word = str(record.type)
        if " " not in kind_word and kind_word not in name:
            names.append(f"{name} {kind_word}")
        yield names, Place(name, record.country_code, "state", None, None, record.code)


def is_home_nation(place: Place) -> bool:
    """England, Scotland, Wales and Northern Ireland, which text names like countries."""
    code = place.subdivision_code or ""
    if place.country_code != NATIONS_OF or not code:
        return False
    record = pycountry.subdivisions.get(code=code)
    return record is not None and str(record.type) in NATION_TYPES and record.parent_code is None


def _ascii(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c))
