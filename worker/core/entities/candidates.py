"""Every place a name may mean, most likely first, ranked when a name is first asked for.

Ranking all of the gazetteer's quarter of a million (name, place) pairs up
front took longer than building the rest of it, for names that an article
almost never contains; a name is ranked once, on first use, and then cached
for the life of the process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from worker.core.entities.subdivisions import is_home_nation
from worker.core.types import Place

# Kind ranks: countries and continents, capitals, (big cities), US states and
# home nations, (other subdivisions), other cities.
_RANK = {"continent": 0, "country": 0, "capital": 1, "state": 3, "city": 5}


class Candidates(Mapping[str, tuple[Place, ...]]):
    """Name → its places: countries, capitals, cities of `big_city` people or more, US
    states and home nations, other subdivisions, other cities, each most populous first."""

    def __init__(self, found: Iterable[tuple[str, Place, int]], big_city: int) -> None:
        self._found: dict[str, list[tuple[Place, int]]] = {}
        for name, place, population in found:
            self._found.setdefault(name, []).append((place, population))
        self._big_city = big_city
        self._ranked: dict[str, tuple[Place, ...]] = {}

    def __getitem__(self, name: str) -> tuple[Place, ...]:
        ranked = self._ranked.get(name)
        if ranked is None:
            ranked = self._ranked[name] = self._rank(self._found[name])
        return ranked

    def __contains__(self, name: object) -> bool:
        return name in self._found

    def __iter__(self) -> Iterator[str]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)

    def _rank(self, found: list[tuple[Place, int]]) -> tuple[Place, ...]:
        best: dict[int, tuple[tuple[int, int], Place]] = {}  # by identity: no hashing of floats
        for place, population in found:
            rank = (_RANK[place.kind], -population)
            if place.kind == "city" and population >= self._big_city:
                rank = (_RANK["capital"] + 1, -population)
            elif place.kind == "state" and place.country_code != "US" and not is_home_nation(place):
                rank = (_RANK["state"] + 1, 0)
            if id(place) not in best or rank < best[id(place)][0]:
                best[id(place)] = (rank, place)
        return tuple(p for _, p in sorted(best.values(), key=_rank_of))


def _rank_of(ranked: tuple[tuple[int, int], Place]) -> tuple[int, int]:
    return ranked[0]
