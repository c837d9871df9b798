"""The whole path through a real broker: `worker produce` → `worker run` → topics."""

from __future__ import annotations

import base64
import subprocess
import sys

import orjson
import pytest

from tests.conftest import SAMPLE, validate, validate_asyncapi
from tests.integration.conftest import Record, WorkerProcess, consume_until, produce_sync

pytestmark = pytest.mark.integration


def _ids(records: list[Record], topic: str) -> set[str]:
    return {r.value.get("id") or r.value.get("article_id") for r in records if r.topic == topic}


def test_sample_dump_becomes_schema_valid_events(worker: WorkerProcess) -> None:
    produced = subprocess.run(
        [sys.executable, "-m", "worker.cli", "produce", str(SAMPLE)],
        env=worker.env,
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert b"produced 1 messages" in produced.stderr
    enriched_t, entities_t, cleaned_t = (
        worker.topic(n) for n in ("enriched", "entities", "cleaned")
    )
    article = SAMPLE.name.removesuffix(".txt")

    def done(records: list[Record]) -> bool:
        """The enriched event and every one of its entity records (they span partitions)."""
        events = [r.value for r in records if r.topic == enriched_t and r.value["id"] == article]
        keys = {r.key for r in records if r.topic == entities_t}
        return (
            bool(events) and {s["entity_key"].encode() for s in events[0]["entity_summary"]} <= keys
        )

    records = consume_until(
        worker.env["KAFKA_BOOTSTRAP_SERVERS"], [cleaned_t, enriched_t, entities_t], done
    )
    assert done(records), f"no events; worker log:\n{worker.log_path.read_text()[-3000:]}"

    for record in records:
        topic_kind = "articles." + record.topic.rsplit(".", 1)[1]
        validate(topic_kind, record.value)
        validate_asyncapi(topic_kind, record.headers, record.value)

    (event,) = [r.value for r in records if r.topic == enriched_t]
    assert event["title"] == "Putin calls for ex-Soviet states to expand their influence"
    assert event["published_at"] == "2023-10-13"
    assert "Press Association" in event["byline"]
    assert event["source"]["topic"] == worker.topic("raw")
    canonical = {s["canonical"]: s["label"] for s in event["entity_summary"]}
    assert canonical["Vladimir Putin"] == "PERSON"
    assert canonical["Bishkek"] == "GPE"

    entity_records = [r for r in records if r.topic == entities_t]
    assert {r.key.decode() for r in entity_records if r.key} == {
        s["entity_key"] for s in event["entity_summary"]
    }
    assert all(r.value["article_id"] == article for r in entity_records)


def test_malformed_message_is_dead_lettered_and_the_next_one_processed(
    worker: WorkerProcess,
) -> None:
    bad = b'{"id": "it-bad", "text": "this envelope is cut'
    good = orjson.dumps(
        {"id": "it-good", "published_at": "2023-10-13", "text": SAMPLE.read_text(encoding="utf-8")}
    )
    raw_t, enriched_t, dead_t = (worker.topic(n) for n in ("raw", "enriched", "deadletter"))
    bootstrap = worker.env["KAFKA_BOOTSTRAP_SERVERS"]
    # Same partition, bad first: the good one must not be stuck behind it.
    produce_sync(bootstrap, raw_t, [(b"it-bad", bad), (b"it-good", good)], partition=0)

    def done(records: list[Record]) -> bool:
        return "it-bad" in _ids(records, dead_t) and "it-good" in _ids(records, enriched_t)

    records = consume_until(bootstrap, [enriched_t, dead_t], done)
    assert done(records), f"worker log:\n{worker.log_path.read_text()[-3000:]}"
    (dead,) = [r.value for r in records if r.topic == dead_t and r.value["id"] == "it-bad"]
    validate("articles.deadletter", dead)
    (dead_record,) = [r for r in records if r.topic == dead_t and r.value["id"] == "it-bad"]
    validate_asyncapi("articles.deadletter", dead_record.headers, dead)
    assert dead["stage"] == "decode" and dead["reason"] == "invalid_json"
    assert base64.b64decode(dead["payload_b64"]) == bad
    assert dead["source"]["topic"] == raw_t and dead["source"]["partition"] == 0
    (good_event,) = [
        r.value for r in records if r.topic == enriched_t and r.value["id"] == "it-good"
    ]
    assert good_event["source"]["offset"] == dead["source"]["offset"] + 1
    assert good_event["published_at_source"] == "envelope"


def test_health_and_readiness_endpoints(worker: WorkerProcess) -> None:
    status, body = worker.http("/health")
    assert status == 200 and orjson.loads(body)["status"] == "ok"
    status, body = worker.http("/ready")
    ready = orjson.loads(body)
    assert status == 200 and ready["models_loaded"] and ready["partitions"] > 0


def test_metrics_count_the_messages_that_flowed(worker: WorkerProcess) -> None:
    status, body = worker.http("/metrics")
    assert status == 200
    text = body.decode()
    raw_t, dead_t = worker.topic("raw"), worker.topic("deadletter")
    # The earlier tests of this module sent 3 raw messages, one of them bad.
    assert f'worker_messages_in_total{{topic="{raw_t}"}} 3.0' in text
    assert f'worker_messages_out_total{{topic="{dead_t}"}} 1.0' in text
    assert 'worker_deadletters_total{reason="invalid_json",stage="decode"} 1.0' in text
    for stage in ("decode", "clean", "ner", "dates", "serialize"):
        assert f'worker_stage_seconds_count{{stage="{stage}"}}' in text
    assert "process_resident_memory_bytes" in text
    assert "worker_event_loop_lag_seconds_count" in text


def test_tail_prints_compact_lines_filtered_by_entity_and_date(worker: WorkerProcess) -> None:
    def tail(*args: str) -> list[str]:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "worker.cli",
                "tail",
                worker.topic("enriched"),
                "--compact",
                "--from-beginning",
                "--idle-timeout",
                "3",
                *args,
            ],
            env=worker.env,
            capture_output=True,
            timeout=60,
            check=True,
        )
        return result.stdout.decode().splitlines()

    everything = tail()
    assert len(everything) == 2  # the sample and "it-good" of the tests above
    assert all("Putin calls for ex-Soviet states" in line for line in everything)
    assert len(tail("--entity", "PERSON:vladimir-putin")) == 2
    assert len(tail("--entity", "bishkek")) == 2
    assert tail("--entity", "Angela Merkel") == []
    assert len(tail("--date", "2023-10")) == 2
    assert tail("--date", "1999") == []
