"""The whole path through a real broker: `worker produce` → `worker run` → topics."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import tempfile
from pathlib import Path

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
    enriched_t, entities_t, cleaned_t, quotes_t = (
        worker.topic(n) for n in ("enriched", "entities", "cleaned", "quotes")
    )
    article = SAMPLE.name.removesuffix(".txt")

    def done(records: list[Record]) -> bool:
        """The enriched event and every one of its entity and quote records (they span
        partitions)."""
        events = [r.value for r in records if r.topic == enriched_t and r.value["id"] == article]
        keys = {
            r.key for r in records if r.topic == entities_t and r.value["article_id"] == article
        }
        quotes = [r for r in records if r.topic == quotes_t and r.value["article_id"] == article]
        return (
            bool(events)
            and {s["entity_key"].encode() for s in events[0]["entity_summary"]} <= keys
            and len(quotes) >= len(events[0]["quotes"])
        )

    records = consume_until(
        worker.env["KAFKA_BOOTSTRAP_SERVERS"], [cleaned_t, enriched_t, entities_t, quotes_t], done
    )
    assert done(records), f"no events; worker log:\n{worker.log_path.read_text()[-3000:]}"

    for record in records:
        topic_kind = "articles." + record.topic.rsplit(".", 1)[1]
        validate(topic_kind, record.value)
        validate_asyncapi(topic_kind, record.headers, record.value)

    (event,) = [r.value for r in records if r.topic == enriched_t and r.value["id"] == article]
    assert event["title"] == "Putin calls for ex-Soviet states to expand their influence"
    assert event["published_at"] == "2023-10-13"
    assert "Press Association" in event["byline"]
    assert event["source"]["topic"] == worker.topic("raw")
    canonical = {s["canonical"]: s["label"] for s in event["entity_summary"]}
    assert canonical["Vladimir Putin"] == "PERSON"
    assert canonical["Bishkek"] == "GPE"

    # Other tests of the module send articles too: this article's entity records.
    entity_records = [
        r for r in records if r.topic == entities_t and r.value["article_id"] == article
    ]
    assert {r.key.decode() for r in entity_records if r.key} == {
        s["entity_key"] for s in event["entity_summary"]
    }
    # Its six quotations, each once, keyed by the speaker: Vladimir Putin.
    quote_records = [r for r in records if r.topic == quotes_t and r.value["article_id"] == article]
    assert len(event["quotes"]) == 6
    assert sorted(r.value["start"] for r in quote_records) == [q["start"] for q in event["quotes"]]
    assert {r.key for r in quote_records} == {b"PERSON:vladimir-putin"}
    assert {r.value["speaker"]["canonical"] for r in quote_records} == {"Vladimir Putin"}


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


def _counter(text: str, line_start: str) -> float:
    """The value of the metric line starting with `line_start` (0 when absent)."""
    for line in text.splitlines():
        if line.startswith(line_start + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_the_worker_keeps_its_data_out_of_its_working_directory(worker: WorkerProcess) -> None:
    group = worker.env["WORKER_CONSUMER_GROUP"]
    assert not (Path.cwd() / f"{group}-data").exists()  # Faust's default: "{group}-data"
    assert (Path(tempfile.gettempdir()) / f"article-worker-{os.getuid()}" / group).is_dir()


def test_metrics_count_the_messages_that_flowed(worker: WorkerProcess) -> None:
    raw_t, enriched_t, dead_t = (worker.topic(n) for n in ("raw", "enriched", "deadletter"))
    names = {
        "in": f'worker_messages_in_total{{topic="{raw_t}"}}',
        "dead": f'worker_messages_out_total{{topic="{dead_t}"}}',
        "reason": 'worker_deadletters_total{reason="invalid_json",stage="decode"}',
    }
    before = worker.http("/metrics")[1].decode()
    good = orjson.dumps({"id": "metrics-good", "text": SAMPLE.read_text(encoding="utf-8")})
    bad = b'{"id": "metrics-bad", "text": '
    produce_sync(worker.env["KAFKA_BOOTSTRAP_SERVERS"], raw_t, [(b"mg", good), (b"mb", bad)])
    consume_until(
        worker.env["KAFKA_BOOTSTRAP_SERVERS"],
        [enriched_t, dead_t],
        lambda records: {"metrics-good", "mb"} <= _ids(records, enriched_t) | _ids(records, dead_t),
    )
    status, body = worker.http("/metrics")
    assert status == 200
    text = body.decode()
    grown = {k: _counter(text, n) - _counter(before, n) for k, n in names.items()}
    assert grown == {"in": 2.0, "dead": 1.0, "reason": 1.0}
    for stage in ("decode", "clean", "ner", "dates", "serialize"):
        assert f'worker_stage_seconds_count{{stage="{stage}"}}' in text
    assert "process_resident_memory_bytes" in text
    assert "worker_event_loop_lag_seconds_count" in text


def test_tail_prints_compact_lines_filtered_by_entity_and_date(worker: WorkerProcess) -> None:
    enriched_t = worker.topic("enriched")
    envelope = {"id": "tail-sample", "text": SAMPLE.read_text(encoding="utf-8")}
    produce_sync(
        worker.env["KAFKA_BOOTSTRAP_SERVERS"],
        worker.topic("raw"),
        [(b"tail-sample", orjson.dumps(envelope))],
    )
    consume_until(
        worker.env["KAFKA_BOOTSTRAP_SERVERS"],
        [enriched_t],
        lambda records: "tail-sample" in _ids(records, enriched_t),
    )

    def tail(*args: str) -> list[str]:
        """The compact lines of this test's article (other tests share the topic)."""
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "worker.cli",
                "tail",
                enriched_t,
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
        return [line for line in result.stdout.decode().splitlines() if line.startswith("tail-")]

    (line,) = tail()
    assert line.startswith("tail-sample | Putin calls for ex-Soviet states")
    assert tail("--entity", "PERSON:vladimir-putin") == [line]
    assert tail("--entity", "bishkek") == [line]
    assert tail("--entity", "Angela Merkel") == []
    assert tail("--date", "2023-10") == [line]
    assert tail("--date", "1999") == []
