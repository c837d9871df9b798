"""The place table scores resolution on every gold place and on the entities found."""

from __future__ import annotations

from dataclasses import dataclass

from bench.quality.places import place_table
from worker.core.types import Place, PlaceKind


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    label: str
    canonical: str


@dataclass(frozen=True)
class _Doc:
    id: str
    mentions: tuple[_Mention, ...]


def _place(name: str, country: str, kind: PlaceKind) -> Place:
    return Place(name=name, country_code=country, kind=kind, latitude=None, longitude=None)


def test_a_place_whose_entity_was_not_found_counts_wrong_overall_but_not_among_found() -> None:
    doc = _Doc("x1", (_Mention(0, 6, "GPE", "London"), _Mention(20, 25, "GPE", "Paris")))
    gold = {"x1": {"London": ("GB", "capital"), "Paris": ("FR", "capital")}}
    found = [{(0, 6): _place("London", "GB", "capital")}]  # Paris was not found
    line = place_table([doc], gold, found)
    assert "country+kind 0.500 (1/2)" in line
    assert "entities missed 1; of the entities found 1.000 (1/1)" in line
