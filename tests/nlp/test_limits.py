"""Limits with the model: the enrichment cut and the entity cap each do what the README says."""

from __future__ import annotations

from collections.abc import Callable

import orjson
import pytest

from tests.conftest import SAMPLE, validate
from tests.nlp.conftest import clean_one, enrich_one
from worker.core import Core, Input, Limits, Origin
from worker.core.limits import enrich_cut

ORIGIN = Origin(path="limits-test")
Make = Callable[[Limits], Core]


@pytest.fixture(scope="module")
def cleaned_sample(make_core: Make) -> bytes:
    return clean_one(make_core(Limits()), Input(SAMPLE.read_bytes(), ORIGIN, "s")).value


def _enrich(core: Core, cleaned: bytes) -> dict:
    outputs = enrich_one(core, cleaned, ORIGIN)
    event = orjson.loads(outputs[0].value)
    validate("articles.enriched", event)
    return event


def test_long_body_is_enriched_on_its_first_part_with_a_flag(
    cleaned_sample: bytes, make_core: Make
) -> None:
    full = _enrich(make_core(Limits()), cleaned_sample)
    assert not full["enrichment_truncated"] and not full["entities_truncated"]
    cut = _enrich(make_core(Limits(max_enrich_chars=1000)), cleaned_sample)
    assert cut["enrichment_truncated"] and cut["body"] == full["body"]
    limit = enrich_cut(full["body"], 1000)
    assert cut["entities"] and all(m["end"] <= limit for m in cut["entities"])
    assert all(d["end"] <= limit for d in cut["dates"])
    assert len(cut["entities"]) < len(full["entities"])


def test_entity_cap_keeps_the_first_mentions_with_a_flag(
    cleaned_sample: bytes, make_core: Make
) -> None:
    full = _enrich(make_core(Limits()), cleaned_sample)
    capped = _enrich(make_core(Limits(max_entities=5)), cleaned_sample)
    assert capped["entities_truncated"]
    assert capped["entities"] == full["entities"][:5]
    assert len(capped["entity_summary"]) <= 5
