"""Nothing lost, nothing stuck: kill -9, broker outage, rebalance, SIGTERM under load.

Real broker process, real worker processes, real article text. Each test checks
what a user would: every input id ends up in `articles.enriched` or
`articles.deadletter`, and duplicates (at-least-once) carry the same content.
After a restart, a worker whose partition stays stalled stops itself (exit 75) and
is replaced, as a deployment's restart policy would (`_wait_restarting`).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.conftest import (
    Record,
    WorkerProcess,
    alive,
    consume_until,
    descendants,
    outcome_ids,
    produce_sync,
    real_dumps,
    worker_env,
)
from worker.tools.broker import EmbeddedBroker

pytestmark = pytest.mark.integration


# A worker whose partition stays stalled this long stops itself (exit 75) and the
# deployment's restart policy starts a fresh one: `_wait_restarting` plays that policy.
STALL_EXIT_S = 90


@pytest.fixture
def env(broker: EmbeddedBroker) -> dict[str, str]:
    return {**worker_env(broker), "WORKER_STALL_EXIT_S": str(STALL_EXIT_S)}


@pytest.fixture
def workers(env: dict[str, str], tmp_path: Path) -> Iterator[list[WorkerProcess]]:
    started: list[WorkerProcess] = []
    yield started
    for worker in started:
        if worker.process and worker.process.poll() is None:
            worker.process.kill()
            worker.process.wait()


def _start(
    env: dict[str, str], tmp_path: Path, workers: list[WorkerProcess], name: str
) -> WorkerProcess:
    worker = WorkerProcess(dict(env), tmp_path / f"{name}.log").start()
    workers.append(worker)
    return worker


def _topics(env: dict[str, str]) -> tuple[str, str, str]:
    return env["WORKER_TOPIC_RAW"], env["WORKER_TOPIC_ENRICHED"], env["WORKER_TOPIC_DEADLETTER"]


def _wait_for_outcomes(
    env: dict[str, str], ids: set[str], minimum: int | None = None, timeout: float = 600
) -> list[Record]:
    """Read outputs until `minimum` (default: all) of `ids` have an outcome."""
    _, enriched, dead = _topics(env)
    needed = len(ids) if minimum is None else minimum

    def done(records: list[Record]) -> bool:
        return len(outcome_ids(records, enriched, dead) & ids) >= needed

    return consume_until(env["KAFKA_BOOTSTRAP_SERVERS"], [enriched, dead], done, timeout)


def _wait_restarting(
    env: dict[str, str],
    tmp_path: Path,
    workers: list[WorkerProcess],
    ids: set[str],
    timeout: float = 600,
) -> list[Record]:
    """Wait for every outcome as a deployment would: a worker that stopped itself as
    stalled (exit 75) is replaced by a fresh one, which consumes its unfinished work."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        records = _wait_for_outcomes(env, ids, timeout=max(1.0, min(30.0, left)))
        _, enriched, dead = _topics(env)
        if ids <= outcome_ids(records, enriched, dead) or left <= 30:
            return records
        last = workers[-1].process
        if last is not None and last.poll() == 75:
            _start(env, tmp_path, workers, f"restarted-{len(workers)}")


def _assert_complete(env: dict[str, str], ids: set[str], records: list[Record]) -> None:
    _, enriched, dead = _topics(env)
    missing = ids - outcome_ids(records, enriched, dead)
    assert not missing, f"{len(missing)} inputs lost, e.g. {sorted(missing)[:5]}"
    by_id: dict[str, list[dict]] = {}
    for record in records:
        if record.topic == enriched:
            by_id.setdefault(record.value["id"], []).append(record.value)
    for article_id, events in by_id.items():
        first = _replay_view(events[0])
        for other in events[1:]:
            assert _replay_view(other) == first, f"duplicate of {article_id} differs"


# What a replayed input must repeat exactly. Canonical names, keys and labels may differ:
# a replay reads the name book as it is now, and may get a full name and label the
# stream learned since the first pass ("Pashinyan" then, "Nikol Pashinyan" with
# canonical_source "stream" now); the mentions themselves and their spans may not.
_MENTION = ("text", "start", "end")
_QUOTED = ("text", "start", "end", "cue", "speaker_mention")


def _replay_view(event: dict) -> dict:
    view = {k: v for k, v in event.items() if k not in ("processed_at", "source")}
    for field in ("entities", "title_entities"):
        view[field] = [{k: e.get(k) for k in _MENTION} for e in event.get(field) or []]
    for field in ("quotes", "title_quotes"):
        view[field] = [{k: q.get(k) for k in _QUOTED} for q in event.get(field) or []]
    view.pop("entity_summary", None)
    return view


def _feed(env: dict[str, str], count: int, prefix: str) -> set[str]:
    """Produce `count` real dumps to the raw topic; returns their ids."""
    messages = real_dumps(count, prefix)
    produce_sync(env["KAFKA_BOOTSTRAP_SERVERS"], env["WORKER_TOPIC_RAW"], messages)
    return {k.decode() for k, _ in messages}


def test_kill_9_mid_run_leaves_no_process_behind_and_a_restart_loses_nothing(
    env: dict[str, str], tmp_path: Path, workers: list[WorkerProcess]
) -> None:
    first = _start(env, tmp_path, workers, "first")
    ids = _feed(env, 1200, "crash")
    _wait_for_outcomes(env, ids, minimum=300)
    assert first.process is not None
    children = descendants(first.process.pid)
    assert children, "the worker runs its pipeline in child processes"
    first.process.send_signal(signal.SIGKILL)
    first.process.wait()
    deadline = time.monotonic() + 10  # pool processes and the resource tracker go by themselves
    while (left := sorted(pid for pid in children if alive(pid))) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert left == [], f"processes of the killed worker still running: {left}"
    _start(env, tmp_path, workers, "second")
    records = _wait_restarting(env, tmp_path, workers, ids)
    _assert_complete(env, ids, records)


def test_broker_paused_for_20_seconds_recovers_by_itself(
    env: dict[str, str], tmp_path: Path, workers: list[WorkerProcess], broker: EmbeddedBroker
) -> None:
    _start(env, tmp_path, workers, "outage")
    ids = _feed(env, 300, "outage")
    _wait_for_outcomes(env, ids, minimum=100)
    assert broker.process is not None
    os.kill(broker.process.pid, signal.SIGSTOP)
    try:
        time.sleep(20)
    finally:
        os.kill(broker.process.pid, signal.SIGCONT)
    records = _wait_for_outcomes(env, ids)
    _assert_complete(env, ids, records)


def test_second_worker_joins_then_first_leaves_nothing_unconsumed(
    env: dict[str, str], tmp_path: Path, workers: list[WorkerProcess]
) -> None:
    raw, _, _ = _topics(env)
    messages = real_dumps(600, "rebalance")
    ids = {k.decode() for k, _ in messages}
    first = _start(env, tmp_path, workers, "first")
    produce_sync(env["KAFKA_BOOTSTRAP_SERVERS"], raw, messages[:300])
    _wait_for_outcomes(env, ids, minimum=100)
    second = _start(env, tmp_path, workers, "second")
    produce_sync(env["KAFKA_BOOTSTRAP_SERVERS"], raw, messages[300:])
    _wait_for_outcomes(env, ids, minimum=350)
    assert first.stop(timeout=60) == 0
    records = _wait_for_outcomes(env, ids)
    _assert_complete(env, ids, records)
    # The survivor owns every input partition (raw and cleaned, and the one partition of
    # the internal stories topic) and drains them all.
    partitions = 2 * int(env["WORKER_TOPIC_PARTITIONS"]) + 1

    def lags() -> list[str]:
        metrics = second.http("/metrics")[1].decode()
        return [line for line in metrics.splitlines() if line.startswith("worker_consumer_lag{")]

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if len(lags()) == partitions and all(line.endswith(" 0.0") for line in lags()):
            break
        time.sleep(1)
    assert len(lags()) == partitions and all(line.endswith(" 0.0") for line in lags()), lags()


def test_sigterm_under_load_exits_zero_in_time_and_loses_nothing(
    env: dict[str, str], tmp_path: Path, workers: list[WorkerProcess]
) -> None:
    env["WORKER_SHUTDOWN_TIMEOUT_S"] = "20"
    busy = _start(env, tmp_path, workers, "busy")
    ids = _feed(env, 600, "sigterm")
    _wait_for_outcomes(env, ids, minimum=150)
    started = time.monotonic()
    assert busy.stop(timeout=40) == 0
    assert time.monotonic() - started < 20 + 5
    _start(env, tmp_path, workers, "after")
    records = _wait_restarting(env, tmp_path, workers, ids)
    _assert_complete(env, ids, records)
