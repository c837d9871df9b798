"""Hostile input through the whole pure pipeline: no crash, no hang, a reason for every refusal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import validate
from tests.nlp.conftest import clean_one, enrich_one
from tests.strategies import hostile_payloads
from worker.core import REASONS, Core, Input, Limits, Origin

LIMITS = Limits(max_message_bytes=5_000_000, deadline_s=10.0)


def _rss_mib() -> float:
    """Resident memory of this process now (not its peak: other tests ran before)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


def _outcome(core: Core, payload: bytes) -> str:
    """'event' or 'deadletter', after checking what a consumer would check of either."""
    item = Input(payload, Origin(topic="articles.raw", partition=0, offset=1), "hostile")
    output = clean_one(core, item)
    if output.kind == "deadletter":
        return _dead_letter(output.value, payload)
    assert output.kind == "cleaned"
    first = enrich_one(core, output.value, item.origin, "hostile")[0]
    if first.kind == "deadletter":
        return _dead_letter(first.value, output.value)
    event = orjson.loads(first.value)
    assert first.kind == "enriched" and event["body"].strip()
    for mention in event["entities"]:
        assert event["body"][mention["start"] : mention["end"]] == mention["text"]
    return "event"


def _dead_letter(value: bytes, payload: bytes) -> str:
    record = orjson.loads(value)
    assert record["reason"] in REASONS
    assert record["payload_size"] == len(payload)
    return "deadletter"


def test_10000_hostile_messages_each_give_an_event_or_a_dead_letter_in_bounded_memory(
    make_core: Callable[[Limits], Core], caplog: pytest.LogCaptureFixture
) -> None:
    # Libraries warn about most hostile pages; captured, 10,000 warnings would be the memory used.
    caplog.set_level(logging.CRITICAL)
    core = make_core(LIMITS)
    seen = {"event": 0, "deadletter": 0}
    before = _rss_mib()

    @settings(
        max_examples=10_000,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(payload=hostile_payloads)
    def run(payload: bytes) -> None:
        seen[_outcome(core, payload)] += 1

    run()
    assert seen["event"] + seen["deadletter"] >= 10_000
    assert seen["event"] > 50 and seen["deadletter"] > 1000
    grown = _rss_mib() - before
    assert grown < 500, f"RSS grew {grown:.0f} MiB over 10,000 messages"


def test_dead_letters_of_hostile_input_are_schema_valid(
    make_core: Callable[[Limits], Core],
) -> None:
    core = make_core(LIMITS)
    for payload in (b"\x00\x01", b"{" * 3, b"\x1f\x8bxx", b"x" * 6_000_000):
        output = clean_one(core, Input(payload, Origin(path="h"), "h"))
        validate("articles.deadletter", orjson.loads(output.value))
