"""A non-Python consumer (librdkafka via confluent-kafka) reads our topics like another service."""

from __future__ import annotations

import time

import orjson
import pytest
from confluent_kafka import Consumer, Producer, TopicPartition

from tests.conftest import SAMPLE, validate_asyncapi
from tests.integration.conftest import WorkerProcess

pytestmark = pytest.mark.integration


def test_librdkafka_roundtrip_with_cloudevents_headers(worker: WorkerProcess) -> None:
    bootstrap = worker.env["KAFKA_BOOTSTRAP_SERVERS"]
    raw_t, enriched_t, dead_t = (worker.topic(n) for n in ("raw", "enriched", "deadletter"))
    producer = Producer({"bootstrap.servers": bootstrap, "acks": "all"})
    producer.produce(raw_t, SAMPLE.read_bytes(), key=b"rdkafka-good")
    producer.produce(raw_t, b"\x1f\x8b\x08\x00not really gzip", key=b"rdkafka-bad")
    assert producer.flush(30) == 0

    # Partition assignment instead of a group: no join delay on the local broker.
    consumer = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": "interop-reader",
            "enable.auto.commit": False,
            "auto.offset.reset": "earliest",
        }
    )
    metadata = consumer.list_topics(timeout=10)
    consumer.assign(
        [
            TopicPartition(t, p, 0)
            for t in (enriched_t, dead_t)
            for p in metadata.topics[t].partitions
        ]
    )
    seen: dict[str, tuple[str, dict[str, bytes], dict]] = {}
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not {"rdkafka-good", "rdkafka-bad"} <= set(seen):
        message = consumer.poll(0.5)
        if message is None or message.error():
            continue
        key = (message.key() or b"").decode()
        headers = {k: v or b"" for k, v in message.headers() or []}
        seen[key] = (message.topic(), headers, orjson.loads(message.value()))
    consumer.close()

    assert {"rdkafka-good", "rdkafka-bad"} <= set(seen), (
        f"worker log:\n{worker.log_path.read_text()[-2000:]}"
    )
    topic, headers, event = seen["rdkafka-good"]
    assert topic == enriched_t
    validate_asyncapi("articles.enriched", headers, event)
    assert headers["ce_type"] == b"org.article-worker.enriched.v1"
    assert event["title"] == "Putin calls for ex-Soviet states to expand their influence"
    topic, headers, dead = seen["rdkafka-bad"]
    assert topic == dead_t and dead["reason"] == "invalid_gzip"
    validate_asyncapi("articles.deadletter", headers, dead)
