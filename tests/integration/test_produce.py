"""`worker produce` as a producer runs it: a WARC crawl, keys, compression, rate, refusals."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from bench.archives import OTHER_RECORDS
from tests.archives import PAGES, crawl
from tests.conftest import validate
from tests.integration.conftest import Record, WorkerProcess, consume_until
from worker.tools.broker import EmbeddedBroker

pytestmark = pytest.mark.integration


def _produce(
    env: dict[str, str], *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", "produce", *args],
        env=env,
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def test_a_warc_crawl_gives_one_event_per_page(worker: WorkerProcess, tmp_path: Path) -> None:
    archive = crawl(tmp_path, PAGES)
    result = _produce(worker.env, str(archive), "--key-from", "url", "--compression", "zstd")

    assert result.returncode == 0, result.stderr.decode()
    others = sum(OTHER_RECORDS.values()) + len(PAGES)  # and one request per page
    assert f"produced {len(PAGES)} messages".encode() in result.stderr
    assert f"skipped {others} (".encode() in result.stderr
    assert b"status:301: 1" in result.stderr and b"failed 0" in result.stderr
    raw_t, enriched_t = worker.topic("raw"), worker.topic("enriched")
    urls = {page.url for page in PAGES}

    def done(records: list[Record]) -> bool:
        return {r.value["url"] for r in records if r.topic == enriched_t} >= urls

    records = consume_until(worker.env["KAFKA_BOOTSTRAP_SERVERS"], [raw_t, enriched_t], done)
    assert done(records), f"no events; worker log:\n{worker.log_path.read_text()[-3000:]}"
    # Other tests of the module share the worker and its raw topic: only this crawl's pages.
    raw = [r for r in records if r.topic == raw_t and r.value.get("url") in urls]
    assert sorted(r.key for r in raw) == sorted(url.encode() for url in urls)  # --key-from url
    events = [r.value for r in records if r.topic == enriched_t and r.value["url"] in urls]
    assert sorted(e["url"] for e in events) == sorted(urls)  # one each, no more
    assert {e["id"] for e in events} == {r.value["id"] for r in raw}
    for event in events:
        validate("articles.enriched", event)
        assert event["title"] and event["byline"] and event["site"] and event["published_at"]


def test_jsonl_on_stdin_keyed_by_id_at_a_limited_rate(worker: WorkerProcess) -> None:
    lines = [orjson.dumps({"id": f"rate-{i}", "title": "T", "text": "A body."}) for i in range(8)]
    started = time.monotonic()
    result = _produce(
        worker.env, "-", "--rate", "20", "--compression", "lz4", stdin=b"\n".join(lines)
    )
    elapsed = time.monotonic() - started

    assert result.returncode == 0, result.stderr.decode()
    assert b"produced 8 messages" in result.stderr
    assert elapsed >= 7 / 20  # eight sends at 20/s span at least seven intervals
    raw_t = worker.topic("raw")
    records = consume_until(
        worker.env["KAFKA_BOOTSTRAP_SERVERS"],
        [raw_t],
        lambda found: len({r.key for r in found} & {f"rate-{i}".encode() for i in range(8)}) == 8,
        timeout=60,
    )
    by_key = {r.key: r.value for r in records}
    assert all(by_key[f"rate-{i}".encode()]["id"] == f"rate-{i}" for i in range(8))


def test_records_the_broker_refuses_are_counted_and_fail_the_run(tmp_path: Path) -> None:
    """A broker that validates the topic's records (Tansu with a JSON Schema for it)
    refuses one line: the others are sent and counted, the run exits 1."""
    (tmp_path / "strict.json").write_text(
        '{"type": "object", "properties": {"value": {"type": "object", "required": ["id"]}}}'
    )
    good = [orjson.dumps({"id": f"g{i}", "text": "A body."}) for i in range(4)]
    lines = [*good[:2], orjson.dumps({"text": "no id: refused"}), *good[2:]]
    (tmp_path / "feed.jsonl").write_bytes(b"\n".join(lines) + b"\n")

    with EmbeddedBroker(schema_dir=tmp_path) as broker:
        env = {"KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap, "PATH": ""}
        # one message per batch (20 ms apart), so that the refusal is of that line alone
        result = _produce(env, str(tmp_path / "feed.jsonl"), "--topic", "strict", "--rate", "50")
        # read until a fifth record (there must be none) or for 8 s
        stored = consume_until(broker.bootstrap, ["strict"], lambda r: len(r) > 4, timeout=8)

    assert result.returncode == 1
    assert b"produced 4 messages" in result.stderr
    assert b"failed 1 (" in result.stderr and b"first failure: " in result.stderr
    assert b"1 messages were not accepted" in result.stderr
    stored_values = sorted((r.value for r in stored), key=lambda value: str(value["id"]))
    assert stored_values == [orjson.loads(line) for line in good]
