"""/health means progress: a worker whose pool is frozen while input waits turns unhealthy,
and one that stays stalled stops by itself so that a fresh worker finishes its work."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from tests.conftest import SAMPLE
from tests.integration.conftest import (
    WorkerProcess,
    consume_until,
    outcome_ids,
    produce_sync,
    wait_for,
    worker_env,
)
from worker.tools.broker import EmbeddedBroker

pytestmark = pytest.mark.integration


def _children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    found: list[int] = []
    for task in tasks.iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.fixture
def stall_worker(broker: EmbeddedBroker, tmp_path: Path) -> Iterator[WorkerProcess]:
    env = {**worker_env(broker), "WORKER_LIVENESS_STALL_S": "6"}
    proc = WorkerProcess(env, tmp_path / "worker.log").start()
    yield proc
    proc.stop()


def test_health_turns_unhealthy_when_stalled_with_lag_and_recovers(
    stall_worker: WorkerProcess,
) -> None:
    worker = stall_worker
    assert worker.http("/health")[0] == 200
    assert worker.process is not None
    pool = _children(worker.process.pid)
    assert pool, "the worker runs its pipeline in child processes"
    for pid in pool:
        os.kill(pid, signal.SIGSTOP)
    try:
        messages = [(f"stall-{i}".encode(), SAMPLE.read_bytes()) for i in range(20)]
        produce_sync(worker.env["KAFKA_BOOTSTRAP_SERVERS"], worker.topic("raw"), messages)
        assert wait_for(lambda: worker.http("/health")[0] == 503, timeout=40), worker.http(
            "/health"
        )
        body = orjson.loads(worker.http("/health")[1])
        assert body["stalled"] and body["lag"] > 0
        assert worker.http("/ready")[0] == 200, (
            "a stalled worker is still ready; liveness restarts it"
        )
    finally:
        for pid in pool:
            os.kill(pid, signal.SIGCONT)
    assert wait_for(lambda: worker.http("/health")[0] == 200, timeout=60)

    def raw_lags() -> list[float]:
        lines = worker.http("/metrics")[1].decode().splitlines()
        prefix = "worker_consumer_lag{"
        raw = f'topic="{worker.topic("raw")}"'
        return [float(x.rsplit(" ", 1)[1]) for x in lines if x.startswith(prefix) and raw in x]

    assert wait_for(lambda: raw_lags() != [] and sum(raw_lags()) == 0, timeout=60), raw_lags()


def test_ready_only_with_models_loaded_and_partitions(stall_worker: WorkerProcess) -> None:
    answers = stall_worker.ready_answers
    assert answers[-1][0] == 200
    not_ready = [orjson.loads(body) for status, body in answers if status == 503]
    assert not_ready, "the web server answers before the worker is ready, and says 503"
    assert all(not (a["models_loaded"] and a["partitions"] > 0) for a in not_ready)
    ready = orjson.loads(answers[-1][1])
    assert ready["models_loaded"] and ready["partitions"] > 0


def test_a_worker_stalled_past_the_limit_exits_75_and_a_fresh_one_loses_nothing(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    env = {**worker_env(broker), "WORKER_LIVENESS_STALL_S": "4", "WORKER_STALL_EXIT_S": "8"}
    first = WorkerProcess(env, tmp_path / "first.log").start()
    assert first.process is not None
    pool = _children(first.process.pid)
    for pid in pool:
        os.kill(pid, signal.SIGSTOP)
    try:
        messages = [(f"wedged-{i}".encode(), SAMPLE.read_bytes()) for i in range(12)]
        produce_sync(env["KAFKA_BOOTSTRAP_SERVERS"], first.topic("raw"), messages)
        assert first.process.wait(timeout=120) == 75
    finally:
        for pid in pool:  # frozen, they cannot see their parent go; thawed, they exit
            os.kill(pid, signal.SIGCONT)
    assert b'"event": "worker_stalled_exiting"' in first.log_path.read_bytes()
    second = WorkerProcess(env, tmp_path / "second.log").start()
    try:
        ids = {key.decode() for key, _ in messages}
        enriched, dead = first.topic("enriched"), first.topic("deadletter")
        records = consume_until(
            env["KAFKA_BOOTSTRAP_SERVERS"],
            [enriched, dead],
            lambda found: ids <= outcome_ids(found, enriched, dead),
            timeout=120,
        )
        assert ids <= outcome_ids(records, enriched, dead)
    finally:
        second.stop()
