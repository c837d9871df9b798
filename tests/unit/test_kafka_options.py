"""Kafka security settings pass through to both clients (aiokafka tools and the Faust app)."""

from __future__ import annotations

import asyncio
import os
import ssl
from typing import Any
from unittest import mock

import faust
from faust.types.tuples import TP, ConsumerMessage

from worker.kafka import client_options, faust_credentials, finished
from worker.settings import Settings
from worker.stream.app import create_app


def _settings(**env: str) -> Settings:
    """Settings read from an environment holding exactly `env` (and no KAFKA_/WORKER_ variable)."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("KAFKA_", "WORKER_"))}
    with mock.patch.dict(os.environ, {**kept, **env}, clear=True):
        return Settings(_env_file=None)  # type: ignore[call-arg]


def test_plaintext_by_default() -> None:
    options = client_options(_settings(KAFKA_BOOTSTRAP_SERVERS="k1:9092,k2:9092").kafka)
    assert options == {"bootstrap_servers": "k1:9092,k2:9092", "security_protocol": "PLAINTEXT"}
    assert faust_credentials(_settings().kafka) is None


def test_sasl_ssl_for_managed_clusters() -> None:
    settings = _settings(
        KAFKA_SECURITY_PROTOCOL="sasl_ssl",
        KAFKA_SASL_MECHANISM="SCRAM-SHA-512",
        KAFKA_SASL_USERNAME="svc",
        KAFKA_SASL_PASSWORD="s3cret",
    )
    options = client_options(settings.kafka)
    assert options["security_protocol"] == "SASL_SSL"
    assert options["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (options["sasl_plain_username"], options["sasl_plain_password"]) == ("svc", "s3cret")
    assert isinstance(options["ssl_context"], ssl.SSLContext)
    credentials = faust_credentials(settings.kafka)
    assert isinstance(credentials, faust.SASLCredentials)
    assert credentials.username == "svc" and credentials.ssl_context is not None
    assert "s3cret" not in str(settings.masked())


def test_ssl_only() -> None:
    assert isinstance(
        faust_credentials(_settings(KAFKA_SECURITY_PROTOCOL="SSL").kafka), faust.SSLCredentials
    )


def test_worker_consumer_fetch_wait_is_the_setting() -> None:
    # Faust hard-codes 1.5 s; on a broker that answers fetches late that is per-hop latency.
    app = create_app(_settings(WORKER_FETCH_MAX_WAIT_MS="77"))

    async def fetch_wait() -> Any:
        thread = app.consumer._thread  # type: ignore[attr-defined]
        consumer = thread._create_worker_consumer(app.transport)
        await consumer.stop()  # never started: closes what the constructor opened
        return consumer._fetch_max_wait_ms

    assert asyncio.run(fetch_wait()) == 77


def test_the_consumer_acks_only_messages_an_agent_finished() -> None:
    # Faust's stream acks by itself the events it skips during a shutdown or a
    # rebalance, never processed: committing those offsets would lose them.
    settings = _settings()
    app = create_app(settings)

    async def acks() -> tuple[bool, bool, dict[Any, list[int]]]:
        app.topics.add(app.agents["clean"].channel)
        await app.topics._update_indices()
        consumer = app.consumer
        skipped, done = (
            ConsumerMessage(settings.topics.raw, 0, offset, 0.0, 0, [], b"k", b"v", None)
            for offset in (5, 6)
        )
        skipped_acked = skipped.ack(consumer)
        finished(done)
        return skipped_acked, done.ack(consumer), dict(consumer._acked)  # type: ignore[attr-defined]

    skipped_acked, done_acked, committable = asyncio.run(acks())
    assert (skipped_acked, done_acked) == (False, True)
    assert committable == {TP(settings.topics.raw, 0): [6]}


def test_commits_start_at_the_committed_offset_and_unseen_offsets_count_as_unacked() -> None:
    # Faust commits a run of acked offsets that starts one past the committed offset
    # (the head record still in flight), and counts offsets a fetch skipped as acked.
    app = create_app(_settings())
    tp = TP("articles.cleaned", 0)

    async def offsets() -> tuple[int | None, int | None, int]:
        consumer = app.consumer
        consumer._committed_offset[tp] = 100  # type: ignore[attr-defined]
        consumer._acked[tp] = list(range(101, 132))  # type: ignore[attr-defined]
        head_in_flight = consumer._new_offset(tp)  # type: ignore[attr-defined]
        consumer._acked[tp] = list(range(100, 132))  # type: ignore[attr-defined]
        contiguous = consumer._new_offset(tp)  # type: ignore[attr-defined]
        await consumer._add_gap(tp, 140, 150)  # type: ignore[attr-defined]
        return head_in_flight, contiguous, len(consumer._gap[tp])  # type: ignore[attr-defined]

    assert asyncio.run(offsets()) == (None, 132, 0)


def _refetch_fixture(
    committed: int | None,
) -> tuple[Any, TP, list[int], mock.AsyncMock, mock.AsyncMock, Any]:
    """The worker's consumer with one stream partition, a stand-in for Faust's fetch that
    hands out offsets 10-14 and, while the first fetch is handed out, resumes flow after
    offset 11 and then hands out a changelog record (offset 99), and mocked seeks;
    returns the consumer, the partition, the seek calls in order, the two seeks and
    the stand-in."""
    app = create_app(_settings())
    consumer: Any = app.consumer
    tp = TP("articles.cleaned", 0)
    changelog = TP("worker-stories-changelog", 0)
    consumer._committed_offset[tp] = committed
    order: list[int] = []
    fetches = 0

    async def fetched(self: Any, timeout: float) -> Any:
        nonlocal fetches
        fetches += 1
        for offset in range(10, 15):
            order.append(offset)
            yield tp, ConsumerMessage(tp.topic, 0, offset, 0.0, 0, [], b"k", b"v", None)
            if fetches == 1 and offset == 11:
                consumer.resume_flow()  # flow_control.resume() cleared the queues
                yield (
                    changelog,
                    ConsumerMessage(changelog.topic, 0, 99, 0.0, 0, [], b"k", b"v", None),
                )

    perform_seek = mock.AsyncMock(side_effect=lambda: order.append(-1))
    seek = mock.AsyncMock(side_effect=lambda tp, offset: order.append(-offset))
    consumer.perform_seek, consumer.seek = perform_seek, seek
    consumer.earliest_offsets = mock.AsyncMock(return_value={tp: 3})
    consumer.assignment = lambda: {tp}
    app.topics.acks_enabled_for = lambda topic: topic == tp.topic  # type: ignore[method-assign]
    return consumer, tp, order, perform_seek, seek, fetched


async def _fetch_twice(consumer: Any) -> tuple[list[int], list[int]]:
    first = [m.offset async for _, m in consumer.getmany(timeout=1.0)]
    second = [m.offset async for _, m in consumer.getmany(timeout=1.0)]
    return first, second


def test_after_flow_resumes_the_rest_of_a_batch_is_dropped_and_refetched_from_the_commit() -> None:
    # Faust's flow_control.resume() clears the streams' queues after a rebalance, dropping
    # events already read (and not refetched): a partition then never committed again.
    consumer, _tp, order, perform_seek, seek, fetched = _refetch_fixture(committed=10)
    with mock.patch.object(faust.transport.consumer.Consumer, "getmany", fetched):
        first, second = asyncio.run(_fetch_twice(consumer))
    # 12-14 were fetched before the seek back: not handed out; the changelog record is,
    # since table recovery would wait for it for ever.
    assert first == [10, 11, 99]
    assert second == [10, 11, 12, 13, 14]
    assert order == [10, 11, 12, 13, 14, -1, 10, 11, 12, 13, 14]  # seek back, then fetch
    perform_seek.assert_awaited_once()
    seek.assert_not_awaited()


def test_a_partition_without_a_commit_is_refetched_from_its_earliest_offset() -> None:
    consumer, tp, _order, _perform_seek, seek, fetched = _refetch_fixture(committed=None)
    with mock.patch.object(faust.transport.consumer.Consumer, "getmany", fetched):
        asyncio.run(_fetch_twice(consumer))
    seek.assert_awaited_once_with(tp, 3)
