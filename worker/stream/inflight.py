"""A bounded number of batches in flight per agent: published in per-key order,
acknowledged in the order they were taken.

An agent that waits for each batch before taking the next leaves the pool idle
while it publishes, and makes every article of a batch wait for the slowest
one: one large page then delays everything behind it. `InFlight` lets an agent
hand up to `limit` batches to the pool at once; when all slots are taken,
`submit` waits, so intake slows down instead of memory growing (backpressure).

Batches may finish and publish out of order, but two versions of one article
(same key) are published in the order they were consumed: a batch holding a
key publishes only after the earlier batches holding that key are done.

Acks, however, go strictly in the order the batches were taken. Faust does not
protect a committed offset from acks that arrive out of order: while a
partition has no committed offset yet, and when only one offset is missing at
the head, it commits the first run of acked offsets even though earlier ones
are still in flight (`Consumer._new_offset`, faust-streaming 0.15). A worker
killed then loses those earlier records; acking in order keeps every committed
offset behind finished work (at-least-once). A batch that fails is never
acked, and neither is any batch taken after it: they are consumed again after
a restart.
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
        self._last_acked: asyncio.Future[None] | None = None  # of the batch taken last
        self._failure: BaseException | None = None

    async def submit(
        self,
        keys: Collection[bytes | None],
        compute: Callable[[], Awaitable[Any]],
        publish: Callable[[Any], Awaitable[None]],
        ack: Callable[[], Awaitable[None]],
    ) -> None:
        """Start `publish(await compute())`, then `ack()` after every earlier batch's ack,
        once a slot is free; re-raise an earlier failure."""
        self.raise_failure()
        await self._slots.acquire()
        held = {k for k in keys if k is not None}
        earlier = {self._holders[k] for k in held if k in self._holders}
        acked: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        task = asyncio.create_task(
            self._run(compute, earlier, publish, ack, before=self._last_acked, acked=acked)
        )
        self._last_acked = acked
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
        ack: Callable[[], Awaitable[None]],
        *,
        before: asyncio.Future[None] | None,
        acked: asyncio.Future[None],
    ) -> None:
        try:
            result = await compute()
            if earlier:
                await asyncio.wait(earlier)
            await publish(result)
            if before is not None:
                await asyncio.shield(before)  # cancelled: an earlier batch failed or was stopped
            await ack()
            acked.set_result(None)
        except BaseException:
            acked.cancel()  # and so every later batch stays unacked too
            raise

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
