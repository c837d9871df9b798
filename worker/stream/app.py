"""The Faust app: configuration, topics, the tables, and the wiring of the parts.

Everything that does work lives elsewhere and is given what it needs:
`BatchAgent` (agents), `PoolExecutor` (executor), `Publisher` (publisher),
`Stages` (the core's run order), `OffsetTracker` and the pages (health).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any, cast

import faust
from faust.types import StreamT

from worker.kafka import client_options, faust_credentials, use_fetch_wait
from worker.learning import SiteLearning
from worker.names import NameMemory
from worker.observability import get_logger
from worker.settings import Settings
from worker.stages import Stages
from worker.stories import StoryIndex
from worker.stream import loop_lag, memory, metrics
from worker.stream.agents import BatchAgent
from worker.stream.executor import PoolExecutor
from worker.stream.health import OffsetTracker, Progress, add_pages
from worker.stream.live import LiveFeed
from worker.stream.publisher import Publisher

log = get_logger("worker.stream.app")


def _faust_app(settings: Settings) -> faust.App:
    settings.data_dir.mkdir(parents=True, exist_ok=True)  # Faust makes only the last level
    app = faust.App(
        settings.consumer_group,
        broker=[f"kafka://{h.strip()}" for h in settings.kafka.bootstrap_servers.split(",")],
        broker_credentials=faust_credentials(settings.kafka),
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
        topic_partitions=settings.topics.partitions,
        topic_replication_factor=settings.topics.replication,
        web_enabled=True,
        web_port=settings.web_port,
        web_bind="0.0.0.0",
        store="memory://",
        datadir=str(settings.data_dir / "{conf.name}"),
        # Workers write the GlobalTables (boilerplate, names) while a rebalance reads
        # their changelogs' highwaters; Tansu can then report a highwater below the
        # offset this worker has already applied, which Faust's check takes for lost
        # data and crashes the worker on. These tables live in memory and are rebuilt
        # from their changelogs: there is no local copy for the check to protect.
        recovery_consistency_check=False,
        version=1,
    )
    use_fetch_wait(app, settings.fetch_max_wait_ms)
    return app


def _learning(app: faust.App, settings: Settings) -> SiteLearning:
    """Per-site boilerplate, changelogged: survives restarts, and every worker of the
    group sees every site (articles of one site arrive on all partitions)."""
    table = app.GlobalTable(
        "boilerplate",
        schema=faust.Schema(key_serializer="json", value_serializer="json"),
        use_partitioner=True,  # written between events: partition the changelog by site
    )
    return SiteLearning(table, settings.boilerplate_capacity, settings.boilerplate_max_sites)


def _names(app: faust.App, settings: Settings) -> NameMemory:
    """The name book, changelogged: survives restarts, and every worker of the group
    reads all of it (the names of one person arrive on all partitions) and writes
    the slots of the partitions it owns (one slot per partition of the cleaned topic)."""
    table = app.GlobalTable(
        "names",
        schema=faust.Schema(key_serializer="json", value_serializer="json"),
        use_partitioner=True,  # written between events: partition the changelog by word
        # As the story index: apply each changelog record as it is read on recovery.
        recovery_buffer_size=1,
    )
    return NameMemory(table, settings.name_limits, settings.topics.partitions)


def _stories(app: faust.App, settings: Settings) -> StoryIndex:
    """The story index, changelogged, in one partition like the topic that feeds it; a
    worker that gains it (restart, rebalance) recovers it and rebuilds its eviction order."""
    table = app.Table(
        "stories",
        partitions=1,
        schema=faust.Schema(key_serializer="json", value_serializer="json"),
        use_partitioner=True,  # written between events: the one changelog partition
        # Apply each changelog record as it is read: faust-streaming leaves a partial
        # recovery buffer unapplied when the agent resumes (the last writes before a restart).
        recovery_buffer_size=1,
        standby_buffer_size=1,
    )
    index = StoryIndex(table, settings.story_limits)

    @app.on_partitions_assigned.connect
    def forget_order(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        index.invalidate()

    return index


def create_app(settings: Settings, on_stall: Callable[[], None] | None = None) -> faust.App:
    """Build the Faust app with its topics, agents, tasks and web pages; `on_stall` is
    called once when the worker has been stalled for `stall_exit_s`."""
    app = _faust_app(settings)
    topics = settings.topics

    def topic(name: str, **options: Any) -> faust.TopicT:
        return app.topic(
            name,
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
            **options,
        )

    executor = PoolExecutor(settings.pool_processes, settings.core)
    stages = Stages(
        executor.run, _learning(app, settings), _names(app, settings), _stories(app, settings)
    )
    feed = LiveFeed()
    sketched = topic(settings.stories_topic, partitions=1, internal=True)
    publisher = Publisher(
        {**{kind: topic(name) for kind, name in topics.outputs().items()}, "sketched": sketched},
        f"/article-worker/{settings.consumer_group}",
        feed,
    )
    clean, enrich, stories = (
        BatchAgent(
            name,
            step,
            publisher,
            settings.batch_size,
            settings.batch_timeout_s,
            settings.max_in_flight_batches,
        )
        for name, step in (
            ("clean", stages.clean),
            ("enrich", stages.enrich),
            ("stories", stages.stories),
        )
    )

    @app.agent(topic(topics.raw), name="clean")
    async def clean_agent(stream: StreamT) -> None:
        await clean(cast(faust.Stream, stream))

    @app.agent(topic(topics.cleaned), name="enrich")
    async def enrich_agent(stream: StreamT) -> None:
        await enrich(cast(faust.Stream, stream))

    @app.agent(sketched, name="stories")
    async def stories_agent(stream: StreamT) -> None:
        await stories(cast(faust.Stream, stream))

    _add_tasks(app, settings, executor, feed, on_stall)
    return app


def _add_tasks(
    app: faust.App,
    settings: Settings,
    executor: PoolExecutor,
    feed: LiveFeed,
    on_stall: Callable[[], None] | None,
) -> None:
    """Pool start-up, the event-loop watch, offset tracking, the stall exit, pages and
    their shutdown."""
    topics = settings.topics
    progress = Progress(stall_after_s=settings.liveness_stall_s)
    tracker = OffsetTracker(
        app,
        client_options(settings.kafka),
        settings.consumer_group,
        {topics.raw, topics.cleaned, settings.stories_topic},
        progress,
    )

    @app.task
    async def run_pool() -> None:
        """Start the pool, then hold it until the app stops (tasks are cancelled then)."""
        started = time.monotonic()
        try:
            await executor.start()
            metrics.MODEL_LOAD_SECONDS.set(time.monotonic() - started)
            log.info(
                "pipeline_started",
                processes=executor.processes,
                model=settings.nlp_model,
                startup_s=round(time.monotonic() - started, 2),
            )
            await asyncio.Event().wait()
        finally:
            executor.stop()
            await tracker.stop()

    @app.task
    async def watch_event_loop() -> None:
        await loop_lag.watch()

    app.timer(interval=2.0)(tracker.update)

    if on_stall is not None and settings.stall_exit_s:
        _exit_when_stalled(app, progress, settings.stall_exit_s, on_stall)

    app.timer(interval=5.0)(memory.update)

    add_pages(app, progress, executor.ready, feed)


def _exit_when_stalled(
    app: faust.App, progress: Progress, after_s: float, on_stall: Callable[[], None]
) -> None:
    """A wedge no retry undoes (a dead pool, a partition nobody consumes) ends in a
    restart: docker-compose does not act on /health, its restart policy does."""
    stopping = False

    @app.timer(interval=5.0)
    async def exit_when_stalled() -> None:
        nonlocal stopping
        now = time.monotonic()
        if not stopping and progress.stalled_for(now) >= after_s:
            waiting = {tp: round(idle, 1) for tp, idle in progress.waiting(now).items()}
            log.error("worker_stalled_exiting", lag=progress.lags, seconds_without_commit=waiting)
            stopping = True
            on_stall()
