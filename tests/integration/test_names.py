"""Names across the stream on the real broker: learned from what articles were sure of,
lent to an article that only says the surname, kept across a restart, read by every
worker of the group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.conftest import SAMPLE
from tests.integration.conftest import (
    Record,
    WorkerProcess,
    consume_until,
    produce_sync,
    worker_env,
)
from tests.nlp.test_names_stream import SHORT
from worker.tools.broker import EmbeddedBroker

pytestmark = pytest.mark.integration
STREAM_PUTIN = ("Vladimir Putin", "PERSON:vladimir-putin", "stream")


def _enriched(
    worker: WorkerProcess, envelopes: list[dict[str, Any]], partition: int | None = None
) -> dict[str, dict[str, Any]]:
    bootstrap = worker.env["KAFKA_BOOTSTRAP_SERVERS"]
    messages = [(e["id"].encode(), orjson.dumps(e)) for e in envelopes]
    produce_sync(bootstrap, worker.topic("raw"), messages, partition)
    wanted = {e["id"] for e in envelopes}

    def mine(records: list[Record]) -> dict[str, dict[str, Any]]:
        return {r.value["id"]: r.value for r in records if r.value.get("id") in wanted}

    found = consume_until(
        bootstrap, [worker.topic("enriched")], lambda rs: set(mine(rs)) == wanted, timeout=90
    )
    return mine(found)


def _putin(event: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {
        (m["canonical"], m["entity_key"], m["canonical_source"])
        for m in event["entities"]
        if m["text"] == "Putin"
    }


def _lent(worker: WorkerProcess, prefix: str, partition: int | None = None) -> int:
    """How many short articles it took until the stream lent the full name (the counts
    reach the table a moment after the articles that taught them are out)."""
    for attempt in range(20):
        envelope = {"id": f"{prefix}-{attempt}", "text": SHORT}
        (event,) = _enriched(worker, [envelope], partition).values()
        if _putin(event) == {STREAM_PUTIN}:
            return attempt
        assert _putin(event) == {("Putin", "PERSON:putin", "article")}
    raise AssertionError("the stream never lent the full name")


def test_names_are_learned_lent_kept_across_restart_and_read_by_every_worker(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    env = worker_env(broker)
    first = WorkerProcess(env, tmp_path / "first.log").start()
    try:
        (alone,) = _enriched(first, [{"id": "short-before", "text": SHORT}]).values()
        assert _putin(alone) == {("Putin", "PERSON:putin", "article")}  # nothing learned yet
        sample = SAMPLE.read_text(encoding="utf-8")
        _enriched(first, [{"id": f"sure-{n}", "text": sample} for n in range(2)])
        assert _lent(first, "short-first") <= 10
    finally:
        assert first.stop() == 0
    workers = [WorkerProcess(env, tmp_path / f"next-{n}.log").start() for n in range(2)]
    try:
        for partition in (0, 1):  # each owned by one of the two workers
            assert _lent(workers[partition], f"short-after-{partition}", partition) == 0
    finally:
        for worker in workers:
            worker.stop()
