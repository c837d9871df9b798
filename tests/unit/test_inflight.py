"""Batches in flight: bounded, published out of order across keys and in order
within a key, acked in the order they were taken."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from worker.stream.inflight import InFlight

Batch = tuple[
    Callable[[], Awaitable[str]], Callable[[str], Awaitable[None]], Callable[[], Awaitable[None]]
]


def _batch(log: list[str], name: str, release: asyncio.Event) -> Batch:
    async def compute() -> str:
        log.append(f"start {name}")
        await release.wait()
        return name

    async def publish(result: str) -> None:
        log.append(f"publish {result}")

    async def ack() -> None:
        log.append(f"ack {name}")

    return compute, publish, ack


def test_later_batches_overtake_a_slow_one_but_not_for_the_same_key() -> None:
    async def scenario() -> list[str]:
        log: list[str] = []
        slow, fast = asyncio.Event(), asyncio.Event()
        batches = InFlight(limit=3)
        await batches.submit([b"a", b"b"], *_batch(log, "A", slow))
        await batches.submit([b"b"], *_batch(log, "B", fast))  # shares "b" with A
        await batches.submit([b"c", None], *_batch(log, "C", fast))
        fast.set()
        await asyncio.sleep(0.01)
        slow.set()
        await batches.drain()
        return log

    log = asyncio.run(scenario())
    assert log.index("publish C") < log.index("publish A") < log.index("publish B")
    assert log[:3] == ["start A", "start B", "start C"]  # all three computed at once
    # C was published first, but its offsets are acked only after A's and B's: a
    # worker killed while A was in flight must consume A again after a restart.
    assert [line for line in log if line.startswith("ack")] == ["ack A", "ack B", "ack C"]
    assert log.index("ack A") > log.index("publish A")


def test_batches_taken_after_a_failed_one_are_published_but_never_acked() -> None:
    async def scenario() -> list[str]:
        log: list[str] = []
        release, broken = asyncio.Event(), asyncio.Event()
        batches = InFlight(limit=3)

        async def fails() -> str:
            await broken.wait()
            raise RuntimeError("pool broke")

        async def no_publish(_: str) -> None:
            raise AssertionError("a failed batch is not published")

        async def no_ack() -> None:
            raise AssertionError("a failed batch is not acked")

        await batches.submit([b"a"], *_batch(log, "A", release))
        await batches.submit([b"b"], fails, no_publish, no_ack)
        await batches.submit([b"c"], *_batch(log, "C", release))
        release.set()
        await asyncio.sleep(0.01)
        broken.set()
        with pytest.raises(RuntimeError, match="pool broke"):
            await batches.drain()
        return log

    log = asyncio.run(scenario())
    assert "publish C" in log
    assert [line for line in log if line.startswith("ack")] == ["ack A"]


def test_submit_waits_for_a_free_slot() -> None:
    async def scenario() -> tuple[int, bool, bool]:
        log: list[str] = []
        release = asyncio.Event()
        batches = InFlight(limit=2)
        for name in "AB":
            await batches.submit([name.encode()], *_batch(log, name, release))
        third = asyncio.create_task(batches.submit([b"C"], *_batch(log, "C", release)))
        await asyncio.sleep(0.01)
        blocked = not third.done()
        running = batches.running
        release.set()
        await third
        await batches.drain()
        return running, blocked, "publish C" in log

    running, blocked, published = asyncio.run(scenario())
    assert (running, blocked, published) == (2, True, True)


def test_a_failed_batch_fails_the_next_submit_and_the_drain() -> None:
    async def scenario() -> None:
        batches = InFlight(limit=2)

        async def broken() -> None:
            raise RuntimeError("pool broke")

        async def publish(_: object) -> None:
            raise AssertionError("a failed batch is not published")

        async def ack() -> None:
            raise AssertionError("a failed batch is not acked")

        await batches.submit([b"a"], broken, publish, ack)
        await asyncio.sleep(0.01)
        with pytest.raises(RuntimeError, match="pool broke"):
            await batches.submit([b"b"], broken, publish, ack)
        with pytest.raises(RuntimeError, match="pool broke"):
            await batches.drain()

    asyncio.run(scenario())


def test_cancel_stops_the_batches_in_flight() -> None:
    async def scenario() -> tuple[list[str], int]:
        log: list[str] = []
        batches = InFlight(limit=2)
        await batches.submit([b"a"], *_batch(log, "A", asyncio.Event()))
        await asyncio.sleep(0.01)
        await batches.cancel()
        return log, batches.running

    log, running = asyncio.run(scenario())
    assert (log, running) == (["start A"], 0)
