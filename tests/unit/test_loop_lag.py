"""The event-loop watcher reports a block of the loop as lag."""

from __future__ import annotations

import asyncio
import time

from prometheus_client import REGISTRY

from worker.stream import loop_lag


def _value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def _over_100ms() -> float:
    return _value("worker_event_loop_lag_seconds_count") - _value(
        "worker_event_loop_lag_seconds_bucket", le="0.1"
    )


def test_a_blocked_loop_shows_as_lag() -> None:
    before, over_before = _value("worker_event_loop_lag_seconds_count"), _over_100ms()

    async def block_once() -> None:
        watcher = asyncio.create_task(loop_lag.watch(0.01))
        await asyncio.sleep(0.05)
        time.sleep(0.3)  # a CPU-bound call on the loop: what the agents must never do
        await asyncio.sleep(0.05)
        watcher.cancel()

    asyncio.run(block_once())
    assert _value("worker_event_loop_lag_seconds_count") > before + 3
    assert _over_100ms() >= over_before + 1
    assert _value("worker_event_loop_lag_max_seconds") >= 0.25
