"""A bounded number of batches in flight per agent, published in per-key order.

An agent that waits for each batch before taking the next leaves the pool idle
while it publishes, and makes every article of a batch wait for the slowest
one: one large page then delays everything behind it. `InFlight` lets an agent
hand up to `limit` batches to the pool at once; when all slots are taken,
`submit` waits, so intake slows down instead of memory growing (backpressure).

Batches may finish out of order. Offsets stay correct because each event is
acked on its own and Faust commits only contiguous acked offsets; and two
versions of one article (same key) are still published in the order they were
consumed, because a batch holding a key publishes only after the earlier
batches holding that key are done.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Collection
from functools import partial
from typing import Any

from worker.observability import get_logger

log = get_logger("worker.stream.inflight")


class InFlight:
    """Runs batches concurrently, at most `limit` at a time."""

    def __init__(self, limit: int) -> None:
        self._slots = asyncio.Semaphore(limit)
        self._running: set[asyncio.Task[None]] = set()
        self._holders: dict[bytes, asyncio.Task[None]] = {}  # key → last batch holding it
        self._failure: BaseException | None = None

    async def submit(
        self,
        keys: Collection[bytes | None],
        compute: Callable[[], Awaitable[Any]],
        publish: Callable[[Any], Awaitable[None]],
    ) -> None:
        """Start `publish(await compute())` once a slot is free; re-raise an earlier failure."""
        self.raise_failure()
        await self._slots.acquire()
        held = {k for k in keys if k is not None}
        earlier = {self._holders[k] for k in held if k in self._holders}
        task = asyncio.create_task(self._run(compute, earlier, publish))
        self._running.add(task)
        for key in held:
            self._holders[key] = task
        task.add_done_callback(partial(self._done, held))

    async def drain(self) -> None:
        """Wait for every batch in flight; re-raise the first failure."""
        await asyncio.gather(*self._running, return_exceptions=True)
        self.raise_failure()

    async def cancel(self) -> None:
        """Stop the batches in flight (unacked work is consumed again after a restart)."""
        for task in self._running:
            task.cancel()
        await asyncio.gather(*self._running, return_exceptions=True)

    def raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure

    @property
    def running(self) -> int:
        return len(self._running)

    @staticmethod
    async def _run(
        compute: Callable[[], Awaitable[Any]],
        earlier: set[asyncio.Task[None]],
        publish: Callable[[Any], Awaitable[None]],
    ) -> None:
        result = await compute()
        if earlier:
            await asyncio.wait(earlier)
        await publish(result)

    def _done(self, held: set[bytes], task: asyncio.Task[None]) -> None:
        self._slots.release()
        self._running.discard(task)
        for key in held:
            if self._holders.get(key) is task:
                del self._holders[key]
        if not task.cancelled() and task.exception() is not None:
            # Re-raised at the next `submit`; logged now, since that may never come
            # (the batch's events stay unacked, and /health reports the stall).
            log.error("batch_failed", error=repr(task.exception()))
            self._failure = self._failure or task.exception()
