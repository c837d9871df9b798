"""Place accuracy on the entity gold set: country code and kind of each GPE/LOC entity.

`tests/fixtures/entities-gold/places.jsonl` gives, for every GPE/LOC entity of
each gold article (by its gold canonical name), the ISO 3166 alpha-2 country
code and the kind (continent, country, state = first-level subdivision,
capital, city; "other" where none fits: celestial bodies, streets, regions
without government, counties). Annotated by hand, reading the texts.

An entity is scored on the first of its gold mentions that the extractor found
with the same span (as a GPE or LOC): right if the place it gives has the gold
country code and kind; wrong if it gives another or none, or if it found no
mention of the entity at all (counted apart as "missed"). Entities of kind
"other" are not in the accuracy; the table counts those given a place of a
known kind instead (a false claim).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

from worker.core.entities import EntityExtractor
from worker.core.types import Place

# doc id → gold canonical name → (country code, kind)
PlaceGold = dict[str, dict[str, tuple[str | None, str]]]
# (start, end) of a GPE/LOC mention → the place the extractor gave its entity
FoundPlaces = dict[tuple[int, int], Place | None]
KINDS = frozenset({"continent", "country", "state", "capital", "city", "other"})


class _Mention(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def canonical(self) -> str: ...


class _Doc(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def mentions(self) -> Sequence[_Mention]: ...


def load_places(path: Path, docs: Sequence[_Doc]) -> PlaceGold:
    """Read and check the place gold: every GPE/LOC entity annotated, nothing else."""
    gold: PlaceGold = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            record = json.loads(line)
            gold[record["id"]] = {
                p["canonical"]: (p["country_code"], p["kind"]) for p in record["places"]
            }
            if any(kind not in KINDS for _, kind in gold[record["id"]].values()):
                raise ValueError(f"{path}:{number}: unknown kind")
    for doc in docs:
        wanted = {m.canonical for m in doc.mentions if m.label in ("GPE", "LOC")}
        if set(gold.get(doc.id, {})) != wanted:
            raise ValueError(f"{path}: {doc.id} places differ from the gold GPE/LOC entities")
    return gold


def our_places(
    extractor: EntityExtractor, texts: Sequence[str], sites: Sequence[str | None]
) -> list[FoundPlaces]:
    """The place of each GPE/LOC mention's entity, per article."""
    out = []
    for entities in extractor.extract_batch([(None, text) for text in texts], sites):
        by_key = {s.entity_key: s.place for s in entities.summary}
        out.append(
            {
                (m.start, m.end): by_key.get(m.entity_key)
                for m in entities.mentions
                if m.label in ("GPE", "LOC")
            }
        )
    return out


def _judged(
    docs: Sequence[_Doc], gold: PlaceGold, found: Sequence[FoundPlaces]
) -> Iterator[tuple[str, str, tuple[str | None, str], Place | None, bool]]:
    """(article id, gold name, gold (country, kind), our place, found a mention) of
    every gold place entity."""
    for doc, places in zip(docs, found, strict=True):
        for name, wanted in gold.get(doc.id, {}).items():
            spans = [
                (m.start, m.end)
                for m in doc.mentions
                if m.canonical == name and m.label in ("GPE", "LOC")
            ]
            hit = next((s for s in spans if s in places), None)
            yield doc.id, name, wanted, places[hit] if hit is not None else None, hit is not None


def place_table(docs: Sequence[_Doc], gold: PlaceGold, found: Sequence[FoundPlaces]) -> str:
    """One line: accuracy of country code and kind (a gold place whose entity was not found
    counts as wrong), of each alone, misses, the accuracy over the entities found (what
    resolution alone scores), false claims."""
    right = country = kind = missed = scored = claims = 0
    for _, _, (gold_country, gold_kind), place, hit in _judged(docs, gold, found):
        if gold_kind == "other":
            claims += place is not None
            continue
        scored += 1
        missed += not hit
        country += place is not None and place.country_code == gold_country
        kind += place is not None and place.kind == gold_kind
        right += place is not None and (place.country_code, place.kind) == (gold_country, gold_kind)
    share = (lambda n: n / scored) if scored else (lambda n: 0.0)
    found = scored - missed
    resolved = right / found if found else 0.0
    return (
        f"places: country+kind {share(right):.3f} ({right}/{scored}), country "
        f"{share(country):.3f}, kind {share(kind):.3f}; entities missed {missed}; "
        f"of the entities found {resolved:.3f} ({right}/{found}); "
        f"'other' places given a place: {claims}"
    )


def place_errors(docs: Sequence[_Doc], gold: PlaceGold, found: Sequence[FoundPlaces]) -> list[str]:
    """Our wrong places (@): gold country and kind, then ours (None: no place, or no mention
    found)."""
    lines = []
    for doc_id, name, wanted, place, hit in _judged(docs, gold, found):
        ours = (place.country_code, place.kind) if place is not None else None
        if (wanted[1] == "other" and place is None) or ours == wanted:
            continue
        where = "" if hit else " (no mention found)"
        lines.append(f"{doc_id} @ {name!r}: {ours} != {wanted}{where}")
    return lines
