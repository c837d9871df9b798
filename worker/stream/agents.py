"""The agents' loop: take a batch, run a core step on it, publish, then ack.

`clean` reads raw dumps and `enrich` reads cleaned events; both are a `BatchAgent`
over a different step. Each batch is taken without acking (`noack_take`), run
in the pool, produced, and only when the broker has acknowledged every output
are its events acked, in the order the batches were taken, so a committed
offset never covers unfinished work (at-least-once). Up to `max_in_flight`
batches run at once (`InFlight`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import faust
from faust.types import EventT

from worker.clock import utc_now
from worker.core import ATTEMPT_HEADER, Input, Origin, Output
from worker.kafka import finished
from worker.stream import metrics
from worker.stream.inflight import InFlight
from worker.stream.publisher import Publisher

Step = Callable[[list[Input], str], Awaitable[tuple[list[list[Output]], dict[str, float]]]]


def to_input(event: EventT) -> Input:
    """The core's view of one consumed record: payload, coordinates, key, attempt."""
    message = event.message
    key = message.key.decode("utf-8", errors="replace") if message.key else None
    origin = Origin(topic=message.topic, partition=message.partition, offset=message.offset)
    return Input(message.value or b"", origin, key or None, attempt(message.headers))


def attempt(headers: Any) -> int:
    """Delivery attempt from the `aw-attempt` header that `worker replay-deadletter` sets."""
    items = headers.items() if isinstance(headers, dict) else headers or []
    for name, value in items:
        if name == ATTEMPT_HEADER and value and value.isdigit():
            return int(value)
    return 1


@dataclass(frozen=True)
class BatchAgent:
    """One agent: its name (for metrics), its core step and where results go."""

    name: str
    step: Step
    publisher: Publisher
    batch_size: int
    batch_timeout_s: float
    max_in_flight: int

    async def __call__(self, stream: faust.Stream) -> None:
        batches = InFlight(self.max_in_flight)
        try:
            async for taken in stream.noack_take(self.batch_size, within=self.batch_timeout_s):
                events: list[EventT] = list(taken)
                metrics.IN_FLIGHT.labels(self.name).inc(len(events))
                metrics.BATCH_SIZE.labels(self.name).observe(len(events))
                for event in events:
                    metrics.MESSAGES_IN.labels(event.message.topic).inc()
                inputs = [to_input(e) for e in events]
                await batches.submit(
                    [e.message.key for e in events],
                    partial(self._compute, inputs),
                    partial(self._publish, inputs),
                    partial(self._ack, stream, events),
                )
        finally:
            await batches.cancel()

    async def _compute(self, inputs: list[Input]) -> list[list[Output]]:
        with metrics.BATCH_SECONDS.labels(self.name).time():
            results, seconds = await self.step(inputs, utc_now())
        for stage, spent in seconds.items():
            metrics.STAGE_SECONDS.labels(stage).observe(spent)
        return results

    async def _publish(self, inputs: list[Input], results: list[list[Output]]) -> None:
        await self.publisher.publish(results, inputs)

    async def _ack(self, stream: faust.Stream, events: list[EventT]) -> None:
        for event in events:
            finished(event.message)  # the consumer acks nothing else (`kafka._Consumer.ack`)
            await stream.ack(event)
        metrics.IN_FLIGHT.labels(self.name).dec(len(events))
