"""The Faust app: two agents that move messages between topics and the core.

Agent `clean` reads raw dumps, agent `enrich` reads cleaned events; both take
batches (`noack_take`), run the core in the process pool, produce every output,
wait until the broker has acknowledged all of them, and only then ack the input
events, so a committed offset never covers unfinished work (at-least-once).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any, cast

import faust
from aiokafka.errors import (
    InvalidTopicError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
)
from faust.types import EventT, StreamT
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from worker import __version__, loop_lag, metrics, pool
from worker.clock import utc_now
from worker.inflight import InFlight
from worker.kafka import faust_credentials, use_fetch_wait
from worker.learning import SiteLearning
from worker.observability import get_logger
from worker.pipeline.errors import PipelineError
from worker.pipeline.event import ATTEMPT_HEADER, deadletter_output
from worker.pipeline.messages import Input, Origin, Output, OutputKind
from worker.progress import Progress
from worker.settings import Settings

log = get_logger("worker.app")

# Errors about the record itself: retrying cannot help, the input is dead-lettered.
REJECTED = (MessageSizeTooLargeError, RecordListTooLargeError, InvalidTopicError)


def _rejected_record(error: BaseException | None) -> bool:
    """Whether the broker or client refused the record itself (Faust wraps the cause)."""
    while error is not None:
        if isinstance(error, REJECTED):
            return True
        error = error.__cause__
    return False


async def _failed(error: BaseException) -> None:
    """An awaitable that fails like a delivery future, for a send that raised at once."""
    raise error


def cloudevent_headers(output: Output, source: str, kind_type: str, time_: str) -> dict[str, bytes]:
    """CloudEvents 1.0 binary-mode attributes for one output record."""
    return {
        "ce_specversion": b"1.0",
        "ce_id": output.event_id.encode(),
        "ce_source": source.encode(),
        "ce_type": kind_type.encode(),
        "ce_time": time_.encode(),
        "content-type": b"application/json",
    }


class Pipeline:
    """Owns the process pool and knows how to publish outputs; shared by both agents."""

    def __init__(self, app: faust.App, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.executor: ProcessPoolExecutor | None = None
        self.ready = asyncio.Event()
        self.topics: dict[OutputKind, faust.TopicT] = {
            "cleaned": self._topic(settings.topic_cleaned),
            "enriched": self._topic(settings.topic_enriched),
            "entities": self._topic(settings.topic_entities),
            "deadletter": self._topic(settings.topic_deadletter),
        }
        self.source = f"/article-worker/{settings.consumer_group}"

    def _topic(self, name: str) -> faust.TopicT:
        return self.app.topic(
            name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw"
        )

    async def start(self) -> None:
        started = time.monotonic()
        self.executor = pool.start_pool(
            self.settings.pool_processes,
            self.settings.nlp_model,
            self.settings.max_ner_chunk_chars,
            self.settings.limits,
        )
        loop = asyncio.get_running_loop()
        # One warm-up task per process so every model is loaded before we say ready.
        await asyncio.gather(
            *(
                loop.run_in_executor(self.executor, pool.warm_up)
                for _ in range(self.settings.pool_processes)
            )
        )
        self.ready.set()
        metrics.MODEL_LOAD_SECONDS.set(time.monotonic() - started)
        log.info(
            "pipeline_started",
            processes=self.settings.pool_processes,
            model=self.settings.nlp_model,
            startup_s=round(time.monotonic() - started, 2),
        )

    async def _send(
        self, pending: list[tuple[int, Output]]
    ) -> list[tuple[int, Output, BaseException]]:
        """Send `pending` outputs; return those that failed, with their errors."""
        now = utc_now()
        futures: list[Awaitable[Any]] = []
        for _, output in pending:
            headers = cloudevent_headers(
                output, self.source, f"org.article-worker.{output.kind}.v1", now
            )
            try:
                futures.append(
                    await self.topics[output.kind].send(
                        key=output.key, value=output.value, headers=headers
                    )
                )
            except Exception as exc:  # noqa: BLE001 - sorted out by the caller
                futures.append(_failed(exc))
        outcomes = await asyncio.gather(*futures, return_exceptions=True)
        return [
            (i, output, outcome)
            for (i, output), outcome in zip(pending, outcomes, strict=True)
            if isinstance(outcome, BaseException)
        ]

    def _rejected(self, event: EventT, output: Output, error: BaseException) -> Output:
        (item,) = _inputs([event])
        reason = PipelineError("produce", "output_too_large", f"{output.kind}: {error!r}")
        return deadletter_output(
            item, output.key.decode(errors="replace"), reason, "produce", utc_now()
        )

    def kill(self) -> None:
        """Last resort at a forced exit: end the pool processes at once."""
        if self.executor is not None:
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.kill()

    async def run(
        self, fn: Callable[..., pool.BatchResult], items: list[Input], *args: Any
    ) -> list[list[Output]]:
        """Run a batch function over `items` on every pool process at once.

        The batch is split into one contiguous slice per process, so that a
        single agent's batch uses all cores; results come back in input order.
        Records the per-stage seconds each slice reports.
        """
        await self.ready.wait()
        assert self.executor is not None
        loop = asyncio.get_running_loop()
        size = -(-len(items) // self.settings.pool_processes)  # ceiling division
        slices = [items[i : i + size] for i in range(0, len(items), size)]
        done = await asyncio.gather(
            *(loop.run_in_executor(self.executor, fn, part, *args) for part in slices)
        )
        results: list[list[Output]] = []
        for part_results, seconds in done:
            results += part_results
            for stage, spent in seconds.items():
                metrics.STAGE_SECONDS.labels(stage).observe(spent)
        return results

    async def publish(self, results: list[list[Output]], events: list[EventT]) -> None:
        """Produce all outputs and wait until the broker has acknowledged every one.

        Transient failures (broker unavailable, timeouts) are retried with capped
        exponential backoff for as long as it takes: nothing is committed
        meanwhile and `/health` reports the stall. An output the broker rejects
        for good (too large) turns its input into a dead letter of stage
        `produce`, so one bad record never blocks the stream.
        """
        pending = [(i, o) for i, result in enumerate(results) for o in result]
        delay = 0.5
        while pending:
            failures = await self._send(pending)
            pending, transient = [], []
            for i, output, error in failures:
                if _rejected_record(error) and output.kind != "deadletter":
                    results[i] = [self._rejected(events[i], output, error)]
                    pending.append((i, results[i][0]))  # the dead letter goes out at once
                else:
                    pending.append((i, output))
                    transient.append(error)
            if transient:
                metrics.PRODUCE_RETRIES.inc()
                log.warning(
                    "produce_retried",
                    outputs=len(transient),
                    error=repr(transient[0]),
                    delay_s=delay,
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 8.0)
        outputs = [o for result in results for o in result]
        for o in outputs:
            metrics.MESSAGES_OUT.labels(self.topics[o.kind].get_topic_name()).inc()
        for event, result in zip(events, results, strict=True):
            message = event.message
            coordinates = {
                "topic": message.topic,
                "partition": message.partition,
                "offset": message.offset,
            }
            for o in result:
                if o.kind == "deadletter":
                    metrics.DEADLETTERS.labels(o.stage, o.reason).inc()
                    log.warning(
                        "deadletter_written",
                        article_id=o.key.decode(errors="replace"),
                        stage=o.stage,
                        reason=o.reason,
                        **coordinates,
                    )
                elif o.kind in ("cleaned", "enriched"):
                    log.debug(
                        f"article_{o.kind}",
                        article_id=o.key.decode(errors="replace"),
                        **coordinates,
                    )


def _inputs(events: list[EventT]) -> list[Input]:
    out = []
    for event in events:
        message = event.message
        key = message.key.decode("utf-8", errors="replace") if message.key else None
        origin = Origin(topic=message.topic, partition=message.partition, offset=message.offset)
        out.append(Input(message.value or b"", origin, key or None, _attempt(message.headers)))
    return out


def _attempt(headers: Any) -> int:
    """Delivery attempt from the `aw-attempt` header that `worker replay-deadletter` sets."""
    items = headers.items() if isinstance(headers, dict) else headers or []
    for name, value in items:
        if name == ATTEMPT_HEADER and value and value.isdigit():
            return int(value)
    return 1


def create_app(settings: Settings) -> faust.App:
    """Build the Faust app with its topics, agents and web pages."""
    app = faust.App(
        settings.consumer_group,
        broker=[f"kafka://{h.strip()}" for h in settings.kafka_bootstrap_servers.split(",")],
        broker_credentials=faust_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        broker_session_timeout=settings.broker_session_timeout_s,
        broker_rebalance_timeout=settings.broker_rebalance_timeout_s,
        broker_heartbeat_interval=min(3.0, settings.broker_session_timeout_s / 3),
        broker_commit_interval=1.0,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        # Backpressure: a stream prefetches at most a few batches, so a slow stage
        # pauses fetching instead of filling memory with pages (default 4096).
        stream_buffer_maxsize=settings.batch_size * 4,
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        web_enabled=True,
        web_port=settings.web_port,
        web_bind="0.0.0.0",
        store="memory://",
        version=1,
    )
    use_fetch_wait(app, settings.fetch_max_wait_ms)
    pipeline = Pipeline(app, settings)
    raw = app.topic(settings.topic_raw, key_type=bytes, value_type=bytes)
    cleaned = app.topic(settings.topic_cleaned, key_type=bytes, value_type=bytes)
    batch, within = settings.batch_size, settings.batch_timeout_s

    # Per-site boilerplate, changelogged: survives restarts, and every worker of the
    # group sees every site (articles of one site arrive on all partitions).
    learning = SiteLearning(
        app.GlobalTable(
            "boilerplate",
            schema=faust.Schema(key_serializer="json", value_serializer="json"),
            use_partitioner=True,  # written between events: partition the changelog by site
        ),
        capacity=settings.boilerplate_capacity,
        max_sites=settings.boilerplate_max_sites,
    )

    async def drive(
        agent: str,
        stream: faust.Stream,
        fn: Callable[..., pool.BatchResult],
        *args: Any,
        learn: bool = False,
    ) -> None:
        in_flight = metrics.IN_FLIGHT.labels(agent)
        batches = InFlight(settings.max_in_flight_batches)

        async def compute(events: list[EventT]) -> list[list[Output]]:
            inputs = learning.prepare(_inputs(events)) if learn else _inputs(events)
            with metrics.BATCH_SECONDS.labels(agent).time():
                results = await pipeline.run(fn, inputs, *args, utc_now())
            if learn:
                learning.learn(results)
            return results

        async def publish(events: list[EventT], results: list[list[Output]]) -> None:
            await pipeline.publish(results, events)
            for event in events:
                await stream.ack(event)
            in_flight.dec(len(events))

        try:
            async for batch_events in stream.noack_take(batch, within=within):
                events: list[EventT] = list(batch_events)
                in_flight.inc(len(events))
                for event in events:
                    metrics.MESSAGES_IN.labels(event.message.topic).inc()
                metrics.BATCH_SIZE.labels(agent).observe(len(events))
                await batches.submit(
                    [e.message.key for e in events],
                    partial(compute, events),
                    partial(publish, events),
                )
        finally:
            await batches.cancel()

    @app.agent(raw, name="clean")
    async def clean_agent(stream: StreamT) -> None:
        await drive(
            "clean", cast(faust.Stream, stream), pool.clean_batch, settings.limits, learn=True
        )

    @app.agent(cleaned, name="enrich")
    async def enrich_agent(stream: StreamT) -> None:
        await drive("enrich", cast(faust.Stream, stream), pool.enrich_batch)

    @app.task
    async def start_pipeline() -> None:
        await pipeline.start()

    @app.task
    async def watch_event_loop() -> None:
        await loop_lag.watch()

    progress = Progress(stall_after_s=settings.liveness_stall_s, started_at=time.monotonic())
    inputs = {settings.topic_raw, settings.topic_cleaned}

    @app.timer(interval=2.0)
    async def track_progress() -> None:
        consumer = app.consumer
        tps = [tp for tp in consumer.assignment() if tp.topic in inputs]
        highwaters = await consumer.highwaters(*tps) if tps else {}
        # Faust's own record of committed offsets (next offset to read), per partition.
        committed = getattr(consumer, "_committed_offset", {})
        progress.update(
            {f"{tp.topic}/{tp.partition}": highwaters.get(tp) for tp in tps},
            {f"{tp.topic}/{tp.partition}": committed.get(tp) for tp in tps},
            time.monotonic(),
        )
        metrics.CONSUMER_LAG.clear()
        for name, lag in progress.lags.items():
            topic, partition = name.rsplit("/", 1)
            metrics.CONSUMER_LAG.labels(topic, partition).set(lag)

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
        ok = pipeline.ready.is_set() and assigned > 0
        body = {"ready": ok, "models_loaded": pipeline.ready.is_set(), "partitions": assigned}
        return web.json(body, status=200 if ok else 503)

    app.pipeline = pipeline  # type: ignore[attr-defined]
    return app
