"""Health: liveness that means progress, readiness, and the worker's HTTP pages.

Lag on a partition without commits for too long is unhealthy.

A process that is up but stuck (a wedged agent, a consumer that stopped
fetching after a rebalance) still answers HTTP; what gives it away is input
waiting (lag) on a partition whose committed offset has not moved for a
while. Pure logic here, fed by the app with the consumer's numbers, so it can
be tested on its own.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import faust
from aiokafka import AIOKafkaConsumer, TopicPartition
from faust.types import TP
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from worker import __version__
from worker.observability import get_logger
from worker.stream import metrics
from worker.stream.live import LiveFeed, Status, gauge_value, page

log = get_logger("worker.stream.health")


@dataclass
class Progress:
    """Per-partition lag and when each partition's committed offset last moved.

    A partition is stalled when it has lag and its committed offset has not moved
    for `stall_after_s` (counted from when this worker first saw it): one wedged
    partition is a stall even while the others commit.
    """

    stall_after_s: float
    lags: dict[str, int] = field(default_factory=dict)
    committed: dict[str, int] = field(default_factory=dict)
    moved_at: dict[str, float] = field(default_factory=dict)

    def update(
        self, highwaters: Mapping[str, int | None], committed: Mapping[str, int | None], now: float
    ) -> None:
        """Record the latest offsets; a committed offset that moved restarts its clock."""
        for tp in highwaters:
            self.moved_at.setdefault(tp, now)
        for tp, offset in committed.items():
            if offset is not None and offset > self.committed.get(tp, -1):
                self.committed[tp] = offset
                self.moved_at[tp] = now
        self.lags = {
            tp: max(0, (hw or 0) - (committed.get(tp) or 0)) for tp, hw in highwaters.items()
        }

    def waiting(self, now: float) -> dict[str, float]:
        """Seconds without a commit, for each partition that has lag."""
        return {tp: now - self.moved_at[tp] for tp, lag in self.lags.items() if lag}

    def stalled_for(self, now: float) -> float:
        """Seconds the longest-waiting partition with lag has gone without a commit (0: none)."""
        return max(self.waiting(now).values(), default=0.0)

    def healthy(self, now: float) -> tuple[bool, dict[str, object]]:
        """Unhealthy only when a partition has lag and no commit for `stall_after_s`."""
        waiting = self.waiting(now)
        stalled = sorted(tp for tp, idle in waiting.items() if idle > self.stall_after_s)
        detail = {
            "lag": sum(self.lags.values()),
            "seconds_since_commit": round(max(waiting.values(), default=0.0), 1),
            "stalled": bool(stalled),
            "stalled_partitions": stalled,
        }
        return not stalled, detail


class OffsetTracker:
    """Feeds `Progress` every few seconds: highwaters from the consumer, commits from the broker.

    Committed offsets are asked of the broker by a consumer that carries the
    group's id but never joins it (Faust keeps its own copy only in a private
    attribute); it sees commits made by a previous run of the group too. A
    failed read is logged and tried again at the next tick: health tracking
    must never stop the worker.
    """

    def __init__(
        self,
        app: faust.App,
        options: dict[str, Any],
        group: str,
        inputs: set[str],
        progress: Progress,
    ) -> None:
        self.app = app
        self.options = options
        self.group = group
        self.inputs = inputs
        self.progress = progress
        self._reader: AIOKafkaConsumer | None = None

    async def update(self) -> None:
        consumer = self.app.consumer
        tps = [tp for tp in consumer.assignment() if tp.topic in self.inputs]
        if not tps:
            return
        try:
            highwaters = await consumer.highwaters(*tps)
            committed = await self._committed(tps)
        except Exception as exc:  # noqa: BLE001 - the broker may be away; next tick retries
            log.warning("offsets_unavailable", error=repr(exc))
            return
        names = {tp: f"{tp.topic}/{tp.partition}" for tp in tps}
        self.progress.update(
            {names[tp]: highwaters.get(tp) for tp in tps},
            {names[tp]: committed.get((tp.topic, tp.partition)) for tp in tps},
            time.monotonic(),
        )
        metrics.CONSUMER_LAG.clear()
        for name, lag in self.progress.lags.items():
            topic, partition = name.rsplit("/", 1)
            metrics.CONSUMER_LAG.labels(topic, partition).set(lag)

    async def _committed(self, tps: list[TP]) -> dict[tuple[str, int], int | None]:
        if self._reader is None:
            self._reader = AIOKafkaConsumer(
                **self.options, group_id=self.group, enable_auto_commit=False
            )
            await self._reader.start()
        reader = self._reader
        found = [await reader.committed(TopicPartition(tp.topic, tp.partition)) for tp in tps]
        return {(tp.topic, tp.partition): offset for tp, offset in zip(tps, found, strict=True)}

    async def stop(self) -> None:
        if self._reader is not None:
            await self._reader.stop()


def add_pages(
    app: faust.App, progress: Progress, models_ready: asyncio.Event, feed: LiveFeed
) -> None:
    """`/metrics` (Prometheus), `/health` (liveness: progress), `/ready` (models, partitions),
    and the live page: `/` and the `/live.json` it polls (see `live.py`)."""

    def status() -> Status:
        ok, detail = progress.healthy(time.monotonic())
        health = {
            "models loaded": models_ready.is_set(),
            "partitions assigned": len(app.consumer.assignment()) if app.consumer else 0,
            "seconds since commit": detail["seconds_since_commit"],
            "event loop lag max (s)": round(gauge_value(metrics.EVENT_LOOP_LAG_MAX), 3),
            "pool memory (MiB)": round(gauge_value(metrics.POOL_MEMORY_BYTES) / 2**20),
        }
        state = "running" if ok else "stalled"
        return Status(state, None, {"lag": progress.lags, "health": health})

    @app.page("/")
    async def live_page(web: Any, request: Any) -> Any:
        return web.bytes(page(), content_type="text/html")

    @app.page("/live.json")
    async def live_json(web: Any, request: Any) -> Any:
        return web.json(feed.snapshot(status()))

    @app.page("/live/deadletter/{event_id}")
    async def live_deadletter(web: Any, request: Any, event_id: str) -> Any:
        record = feed.deadletter(event_id)
        return web.json(
            record or {"error": "no such recent dead letter"}, status=200 if record else 404
        )

    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        return web.bytes(generate_latest(), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    @app.page("/health")
    async def health(web: Any, request: Any) -> Any:
        ok, detail = progress.healthy(time.monotonic())
        body = {"status": "ok" if ok else "stalled", "version": __version__, **detail}
        return web.json(body, status=200 if ok else 503)

    @app.page("/ready")
    async def ready(web: Any, request: Any) -> Any:
        assigned = len(app.consumer.assignment()) if app.consumer else 0
        ok = models_ready.is_set() and assigned > 0
        body = {"ready": ok, "models_loaded": models_ready.is_set(), "partitions": assigned}
        return web.json(body, status=200 if ok else 503)
