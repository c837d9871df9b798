"""A share of the hostile generator through the real broker: every message gets an outcome."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.integration.conftest import Record, WorkerProcess, consume_until, produce_sync
from tests.strategies import hostile_payloads

pytestmark = pytest.mark.integration

SHARE = 300


def _payloads() -> list[bytes]:
    drawn: list[bytes] = []

    @settings(
        max_examples=SHARE,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(payload=hostile_payloads)
    def collect(payload: bytes) -> None:
        drawn.append(payload)

    collect()
    return drawn[:SHARE]


def _covered(
    records: list[Record], raw: str, cleaned: str, enriched: str, dead: str
) -> set[tuple[int, int]]:
    """Raw (partition, offset) pairs that reached an outcome: an enriched event or a dead letter."""
    raw_of_cleaned = {
        (r.partition, r.offset): (r.value["source"]["partition"], r.value["source"]["offset"])
        for r in records
        if r.topic == cleaned
    }
    covered = set()
    for r in records:
        source = r.value.get("source") or {}
        position = (source.get("partition"), source.get("offset"))
        if r.topic == enriched or (r.topic == dead and source.get("topic") == raw):
            covered.add(position)
        elif r.topic == dead and source.get("topic") == cleaned and position in raw_of_cleaned:
            covered.add(raw_of_cleaned[position])
    return covered


def test_hostile_share_through_the_broker(worker: WorkerProcess) -> None:
    payloads = _payloads()
    assert len(payloads) >= 250
    bootstrap = worker.env["KAFKA_BOOTSTRAP_SERVERS"]
    raw, cleaned, enriched, dead = (
        worker.topic(n) for n in ("raw", "cleaned", "enriched", "deadletter")
    )
    produce_sync(bootstrap, raw, [(f"hostile-{i}".encode(), p) for i, p in enumerate(payloads)], 0)

    def done(records: list[Record]) -> bool:
        return len(_covered(records, raw, cleaned, enriched, dead)) >= len(payloads)

    records = consume_until(bootstrap, [cleaned, enriched, dead], done, timeout=600)
    covered = _covered(records, raw, cleaned, enriched, dead)
    assert covered == {(0, offset) for offset in range(len(payloads))}, worker.log_path.read_text()[
        -2000:
    ]
    assert worker.http("/health")[0] == 200
    assert worker.process is not None and worker.process.poll() is None, (
        "the worker is still running"
    )
