"""Kafka plumbing shared by the stream and the tools.

Client options, topic creation, reading whole partitions without a consumer
group, and the one backoff schedule used wherever a Kafka call is retried.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import weakref
from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from typing import Any, Literal, cast

import faust
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types.tuples import TP, Message

from worker.observability import get_logger
from worker.settings import KafkaSettings, Settings

log = get_logger("worker.kafka")


def backoff(first_s: float = 0.5, cap_s: float = 8.0) -> Iterator[float]:
    """Delays before each retry: doubling from `first_s`, never more than `cap_s`."""
    delay = first_s
    while True:
        yield delay
        delay = min(delay * 2, cap_s)


def _ssl_context(kafka: KafkaSettings) -> ssl.SSLContext | None:
    if "SSL" not in kafka.security_protocol:
        return None
    return ssl.create_default_context(cafile=kafka.ssl_cafile)


def _password(kafka: KafkaSettings) -> str | None:
    return kafka.sasl_password.get_secret_value() if kafka.sasl_password else None


def client_options(kafka: KafkaSettings) -> dict[str, Any]:
    """aiokafka connection options, SASL/SSL included, for managed clusters."""
    options: dict[str, Any] = {
        "bootstrap_servers": kafka.bootstrap_servers,
        "security_protocol": kafka.security_protocol,
    }
    context = _ssl_context(kafka)
    if context is not None:
        options["ssl_context"] = context
    if kafka.security_protocol.startswith("SASL"):
        options["sasl_mechanism"] = kafka.sasl_mechanism or "PLAIN"
        options["sasl_plain_username"] = kafka.sasl_username
        options["sasl_plain_password"] = _password(kafka)
    return options


def faust_credentials(kafka: KafkaSettings) -> faust.types.auth.CredentialsT | None:
    """The same security settings in the form the Faust app takes them."""
    context = _ssl_context(kafka)
    if kafka.security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=kafka.sasl_username,
            password=_password(kafka),
            mechanism=kafka.sasl_mechanism or "PLAIN",
            ssl_context=context,
        )
    return faust.SSLCredentials(context) if context is not None else None


class _ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    # No public setting exists: Faust passes `fetch_max_wait_ms=1500` to aiokafka in
    # this method and aiokafka reads the value from this attribute on every fetch.
    def _create_worker_consumer(self, transport: faust_aiokafka.Transport) -> Any:
        consumer = super()._create_worker_consumer(transport)
        consumer._fetch_max_wait_ms = Transport.fetch_max_wait_ms_of(transport)
        return consumer


# Messages whose outputs the broker has acknowledged: the only ones the consumer may ack.
_FINISHED: weakref.WeakSet[Message] = weakref.WeakSet()


def finished(message: Message) -> None:
    """Mark `message` as done (its outputs delivered), just before the agent acks it."""
    _FINISHED.add(message)


class _Consumer(faust_aiokafka.Consumer):
    def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    def ack(self, message: Message) -> bool:
        """Ack only messages an agent has finished.

        Faust's stream acks on its own every event it skips while flow control is
        off (a shutdown, a rebalance) or from an older consumer generation, and
        every event that passes after an agent stopped: those were never processed,
        and committing them would lose them. Left unacked, they are consumed again.
        """
        if self.app.topics.acks_enabled_for(message.topic) and message not in _FINISHED:
            return False
        _FINISHED.discard(message)
        return bool(super().ack(message))

    def _new_offset(self, tp: TP) -> int | None:
        """The offset to commit: only a run of acked offsets that starts at the committed
        one. Faust also commits a run that starts one further (the head offset still in
        flight). While a partition has no committed offset (None, or 0, which Faust
        reads as None) any first run passes here too: `InFlight`'s ordered acks cover
        that case."""
        acked, committed = self._acked[tp], self._committed_offset[tp]
        if acked and committed is not None and min(acked) > committed:
            return None
        return cast(int | None, super()._new_offset(tp))

    async def _add_gap(self, tp: TP, offset_from: int, offset_to: int) -> None:
        """Faust counts offsets it did not see between two fetched records as acked (a
        compacted or transactional topic leaves such holes). The worker's topics have
        none, so a hole means records were fetched but never handed to an agent (the
        queues emptied when flow resumes, see `resume_flow`): counted as acked they
        would be committed unprocessed. They stay unacked, so commits wait for them
        until they are fetched again."""
        log.warning(
            "offsets_skipped_by_fetch",
            topic=tp.topic,
            partition=tp.partition,
            first=offset_from,
            last=offset_to - 1,
        )

    # Set when flow resumes: the next fetch first seeks back (`_refetch_unfinished`).
    _refetch = False

    def resume_flow(self) -> None:
        """After a rebalance Faust resumes the stream partitions and seeks them to their
        committed offsets, then calls `app.flow_control.resume()`, which empties the
        streams' queues, then this. Events fetched in between were put in a queue
        and dropped there, unprocessed, yet counted as read: Faust's fetch loop then
        drops the records its seek fetches again as already read, and the partition
        never commits again (the stall after a kill -9 restart, with table
        recovery). So the fetch loop first reads every stream partition again from
        its committed offset."""
        super().resume_flow()
        self._refetch = True

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[TP, Message]]:
        """Faust's fetch, preceded by the seek back after flow resumed; in a batch fetched
        before that, the stream records are dropped (fetched again from the committed
        offset), while changelog records still go to table recovery, which never reads
        them again (a recovery waiting for them hung a joining worker)."""
        if self._refetch and not await self._refetch_unfinished():
            return
        fetched = cast(AsyncGenerator[tuple[TP, Message], None], super().getmany(timeout))
        async with contextlib.aclosing(fetched) as records:
            async for tp, message in records:
                if self._refetch and self.app.topics.acks_enabled_for(tp.topic):
                    continue
                yield tp, message

    async def _refetch_unfinished(self) -> bool:
        """Seek each stream partition to its committed offset (the earliest one if none
        was committed yet), so that the next fetch reads it from there; False if the
        seek failed (retried at the next fetch)."""
        self._refetch = False
        tps = [tp for tp in self.assignment() if self.app.topics.acks_enabled_for(tp.topic)]
        if not tps:
            return True
        try:
            await self.perform_seek()
            uncommitted = [tp for tp in tps if self._committed_offset[tp] is None]
            if uncommitted:
                for tp, offset in (await self.earliest_offsets(*uncommitted)).items():
                    await self.seek(tp, offset)
        except Exception as exc:  # noqa: BLE001 - a rebalance or the broker away: retry
            self._refetch = True
            log.warning("refetch_seek_failed", error=repr(exc))
            await asyncio.sleep(1.0)
            return False
        log.info("refetch_from_committed", partitions=len(tps))
        return True


class Transport(faust_aiokafka.Transport):
    """Faust's aiokafka transport with a configurable fetch wait.

    Faust hard-codes `fetch_max_wait_ms=1500`. A broker that answers a fetch only
    when that wait ends instead of when records arrive (Tansu does) turns it into
    the latency of every hop; Kafka answers at once, so a short wait costs it
    only a few more empty fetches on idle partitions.
    """

    Consumer = _Consumer
    fetch_max_wait_ms = 500

    @staticmethod
    def fetch_max_wait_ms_of(transport: faust_aiokafka.Transport) -> int:
        return transport.fetch_max_wait_ms if isinstance(transport, Transport) else 1500


def use_fetch_wait(app: faust.App, fetch_max_wait_ms: int) -> None:
    """Give `app` a consumer transport that waits at most `fetch_max_wait_ms` per fetch."""
    transport = Transport(app.conf.broker_consumer, app)
    transport.fetch_max_wait_ms = fetch_max_wait_ms
    app.transport = transport


async def ensure_topics(settings: Settings) -> list[str]:
    """Create the worker's topics that do not exist yet; returns the ones created."""
    topics = settings.topics
    admin = AIOKafkaAdminClient(**client_options(settings.kafka))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in topics.names() if t not in existing]
        if missing:
            new = [
                NewTopic(
                    t,
                    topics.partitions,
                    topics.replication,
                    topic_configs={"cleanup.policy": "compact"} if t == topics.stories else {},
                )
                for t in missing
            ]
            with contextlib.suppress(TopicAlreadyExistsError):  # another worker was first
                await admin.create_topics(new)
        return missing
    finally:
        await admin.close()


Start = Literal["beginning", "end"]


async def read_topics(
    kafka: KafkaSettings,
    topics: list[str],
    *,
    start: Start = "beginning",
    until_end: bool = False,
    poll_timeout_s: float = 1.0,
    fetch_max_wait_ms: int = 500,
) -> AsyncGenerator[ConsumerRecord[bytes, bytes] | None, None]:
    """Every record of every partition of `topics`, without a consumer group.

    Starts at the beginning or the end of each partition; with `until_end`, stops
    once the end offsets seen at the start are reached, else yields forever and
    the caller stops. An empty poll yields None, so that the caller can tell idle.
    """
    consumer = AIOKafkaConsumer(
        **client_options(kafka), enable_auto_commit=False, fetch_max_wait_ms=fetch_max_wait_ms
    )
    await consumer.start()
    try:
        await consumer.topics()  # fetches metadata, so that partitions are known
        tps = []
        for topic in topics:
            partitions = consumer.partitions_for_topic(topic)
            if not partitions:
                raise SystemExit(f"topic {topic!r} does not exist")
            tps += [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        await (consumer.seek_to_beginning if start == "beginning" else consumer.seek_to_end)(*tps)
        ends = await consumer.end_offsets(tps) if until_end else {}
        while not until_end or [tp for tp in tps if await consumer.position(tp) < ends[tp]]:
            batch = await consumer.getmany(timeout_ms=int(poll_timeout_s * 1000))
            if not batch:
                yield None
            for records in batch.values():
                for record in records:
                    yield record
    finally:
        await consumer.stop()
