"""Failures that must not stop or lose anything: rejected outputs, replay of dead letters."""

from __future__ import annotations

import base64
import subprocess
import sys

import orjson
import pytest

from tests.conftest import SAMPLE, validate
from tests.integration.conftest import Record, WorkerProcess, consume_until, produce_sync

pytestmark = pytest.mark.integration


def _by(records: list[Record], topic: str, article_id: str) -> list[dict]:
    return [r.value for r in records if r.topic == topic and r.value.get("id") == article_id]


def _long_dump() -> bytes:
    """A real article's paragraphs repeated into a 1.1 MB live blog: its cleaned event
    is larger than a Kafka record may be (1 MiB by default)."""
    text = SAMPLE.read_text(encoding="utf-8")
    article = text[text.index("Russian President Vladimir Putin attended") :]
    paragraphs = [p for p in article.split("\n\n") if len(p.split()) > 15]
    updates = "\n\n".join(f"Update {i}: {paragraphs[i % len(paragraphs)]}" for i in range(5000))
    header = " date 2023-10-13\nLive: the summit in Bishkek\n\nBy Press Association"
    return f"{header}\n\n{updates}".encode()


def test_output_rejected_by_kafka_becomes_a_produce_dead_letter(worker: WorkerProcess) -> None:
    bootstrap = worker.env["KAFKA_BOOTSTRAP_SERVERS"]
    raw_t, cleaned_t, dead_t = (worker.topic(n) for n in ("raw", "cleaned", "deadletter"))
    big = _long_dump()
    assert 1_048_576 < len(big) < 5_000_000  # accepted as input, too large as an output record
    produce_sync(bootstrap, raw_t, [(b"huge-blog", big), (b"after-huge", SAMPLE.read_bytes())], 0)

    def done(records: list[Record]) -> bool:
        return bool(_by(records, dead_t, "huge-blog") and _by(records, cleaned_t, "after-huge"))

    records = consume_until(bootstrap, [cleaned_t, dead_t], done)
    assert done(records), worker.log_path.read_text()[-3000:]
    (dead,) = _by(records, dead_t, "huge-blog")
    validate("articles.deadletter", dead)
    assert (dead["stage"], dead["reason"]) == ("produce", "output_too_large")
    assert dead["payload_size"] == len(big) and dead["payload_truncated"]
    assert (
        base64.b64decode(dead["payload_b64"]) == big[: len(base64.b64decode(dead["payload_b64"]))]
    )
    assert not _by(records, cleaned_t, "huge-blog")


def test_replay_resubmits_chosen_dead_letters_with_the_next_attempt(worker: WorkerProcess) -> None:
    bootstrap = worker.env["KAFKA_BOOTSTRAP_SERVERS"]
    raw_t, enriched_t, dead_t = (worker.topic(n) for n in ("raw", "enriched", "deadletter"))
    # A dead letter left by an earlier, buggy version: its payload is fine today.
    fixed = orjson.dumps(
        {"id": "was-bug", "published_at": "2023-10-13", "text": SAMPLE.read_text()}
    )
    old = {
        "schema_version": 1,
        "id": "was-bug",
        "stage": "clean",
        "reason": "internal_error",
        "error_type": "KeyError",
        "message": "'x'",
        "traceback": [],
        "attempt": 1,
        "source": {"topic": raw_t, "partition": 0, "offset": 0},
        "payload_b64": base64.b64encode(fixed).decode(),
        "payload_size": len(fixed),
        "payload_truncated": False,
        "failed_at": "2026-01-01T00:00:00Z",
        "worker_version": "0.0.1",
    }
    validate("articles.deadletter", old)
    produce_sync(bootstrap, dead_t, [(b"was-bug", orjson.dumps(old))])
    # And an input that is still bad.
    produce_sync(bootstrap, raw_t, [(b"still-bad", b'{"id": "still-bad", "text": "cut')])
    consume_until(bootstrap, [dead_t], lambda rs: bool(_by(rs, dead_t, "still-bad")))

    def replay(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "worker.cli", "replay-deadletter", *args],
            env=worker.env,
            capture_output=True,
            timeout=60,
            check=True,
        )
        return result.stderr.decode()

    assert "would replay 1 dead letters" in replay("--reason", "internal_error", "--dry-run")
    assert "replayed 2 dead letters" in replay("--id", "was-bug", "--id", "still-bad")

    def done(records: list[Record]) -> bool:
        retried = [d for d in _by(records, dead_t, "still-bad") if d["attempt"] == 2]
        return bool(_by(records, enriched_t, "was-bug") and retried)

    records = consume_until(bootstrap, [enriched_t, dead_t], done)
    assert done(records), worker.log_path.read_text()[-3000:]
    (event,) = _by(records, enriched_t, "was-bug")
    assert event["title"] == "Putin calls for ex-Soviet states to expand their influence"
