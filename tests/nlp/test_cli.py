"""`worker process` and `worker config` as a user runs them: real subprocesses, real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

from tests.conftest import SAMPLE, validate


def _worker(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args],
        capture_output=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_process_writes_events_and_dead_letters_and_exits_zero(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "sample.txt").write_bytes(SAMPLE.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    lines = [
        orjson.dumps({"id": "env-1", "published_at": "2023-10-13", "text": SAMPLE.read_text()}),
        b'{"id": "cut',
        orjson.dumps({"text": SAMPLE.read_text()}),
    ]
    (inputs / "feed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    out, dlq = tmp_path / "events.jsonl", tmp_path / "dlq.jsonl"

    result = _worker("process", str(inputs), "-o", str(out), "--deadletter", str(dlq))

    assert result.returncode == 0, result.stderr.decode()
    events = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    dead = [orjson.loads(line) for line in dlq.read_bytes().splitlines()]
    assert sorted(e["id"] for e in events) == ["env-1", "feed:3", "sample"]
    for event in events:
        validate("articles.enriched", event)
    assert {(d["id"], d["reason"]) for d in dead} == {
        ("empty", "empty"),
        ("feed:2", "invalid_json"),
    }
    by_id = {d["id"]: d for d in dead}
    assert by_id["feed:2"]["source"] == {"file": str(inputs / "feed.jsonl"), "line": 2}
    assert by_id["empty"]["source"]["file"] == str(inputs / "empty.txt")
    for record in dead:
        validate("articles.deadletter", record)
    assert b"3 events, 2 dead letters" in result.stderr


def test_process_handles_thousands_of_files(tmp_path: Path) -> None:
    text = SAMPLE.read_text()
    article = text[text.index("Russian President Vladimir Putin attended") :]
    paragraphs = [p for p in article.split("\n\n") if len(p.split()) > 15 and "AP/PA" not in p]
    for i in range(2000):
        paragraph = paragraphs[i % len(paragraphs)]
        text = f" date 2023-10-{1 + i % 28:02d}\nStory number {i}\n\n{paragraph}\n"
        (tmp_path / f"story-{i:04d}.txt").write_text(text)
    out = tmp_path / "events.jsonl"
    result = _worker("process", str(tmp_path), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    ids = [orjson.loads(line)["id"] for line in out.read_bytes().splitlines()]
    assert len(ids) == len(set(ids)) == 2000


def test_config_masks_secrets_and_rejects_bad_values() -> None:
    shown = _worker("config", env={"KAFKA_SASL_PASSWORD": "hunter2", "WORKER_BATCH_SIZE": "8"})
    assert shown.returncode == 0
    assert b"hunter2" not in shown.stdout and b"KAFKA_SASL_PASSWORD=********" in shown.stdout
    assert b"WORKER_BATCH_SIZE=8" in shown.stdout
    bad = _worker("config", env={"WORKER_BATCH_SIZE": "zero"})
    assert bad.returncode != 0 and b"WORKER_BATCH_SIZE" in bad.stderr
    empty = _worker("config", env={"WORKER_DATA_DIR": ""})  # would be the working directory
    assert empty.returncode != 0 and b"WORKER_DATA_DIR" in empty.stderr


def test_process_learns_a_sites_boilerplate_across_the_files_it_reads(tmp_path: Path) -> None:
    from tests.unit.test_boilerplate import IN_BODY, site_dumps

    dumps = site_dumps()
    # Enough files that later batches (of 32) see what earlier ones taught.
    for i in range(70):
        dump, _ = dumps[i % len(dumps)]
        envelope = {
            "id": f"site-{i:03d}",
            "url": f"https://www.harbour-gazette.example/{i}",
            "text": dump,
        }
        (tmp_path / f"site-{i:03d}.json").write_bytes(orjson.dumps(envelope))
    out = tmp_path / "events.jsonl"
    result = _worker("process", str(tmp_path), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    bodies = {
        e["id"]: e["body"].split("\n\n") for e in map(orjson.loads, out.read_bytes().splitlines())
    }
    assert len(bodies) == 70
    assert any(line in bodies["site-000"] for line in IN_BODY), "first batch: not learned yet"
    for i in range(64, 70):
        body, (_, own) = bodies[f"site-{i:03d}"], dumps[i % len(dumps)]
        assert not any(line in body for line in IN_BODY)
        assert all(paragraph in body for paragraph in own)


def test_process_gives_one_event_per_page_of_a_warc_crawl(tmp_path: Path) -> None:
    from bench.archives import OTHER_RECORDS
    from tests.archives import AL_JAZEERA, AUTOINDUSTRIYA, PAGES, crawl

    out = tmp_path / "events.jsonl"
    result = _worker("process", str(crawl(tmp_path, PAGES)), "-o", str(out))

    assert result.returncode == 0, result.stderr.decode()
    events = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    for event in events:
        validate("articles.enriched", event)
    found = {
        e["url"]: (e["title"], e["byline"], e["site"], e["published_at"], e["fetched_at"])
        for e in events
    }
    assert found == {
        AL_JAZEERA.url: (
            "NASA's commercial moon shot: Musk's and Bezos's firms to bid",
            "Laura Winter",
            "Al Jazeera",  # the publisher of the page's JSON-LD
            "2019-11-19",
            "2019-11-20T10:00:00Z",
        ),
        AUTOINDUSTRIYA.url: (
            "Lexus wants you to go topless with 2020 LC500 Convertible - Auto News",
            "Jose Altoveros",
            "AutoIndustriya.com",
            "2019-11-20",
            "2019-11-20T10:00:00Z",
        ),
    }
    assert all(e["id"].startswith("urn:uuid:") for e in events)
    assert b"2 events, 0 dead letters" in result.stderr
    others = sum(OTHER_RECORDS.values()) + len(PAGES)  # and one request per page
    assert f"skipped {others} archive records".encode() in result.stderr


def test_process_finds_the_copies_of_one_article_across_the_files_of_a_run(
    tmp_path: Path,
) -> None:
    from tests.conftest import FIXTURES, ROOT

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a-dump.txt").write_bytes(SAMPLE.read_bytes())
    (inputs / "b-moon.html.gz").write_bytes((FIXTURES / "html_en_aljazeera.html.gz").read_bytes())
    (inputs / "c-page.html").write_bytes((ROOT / "worker/examples/putin-summit.html").read_bytes())
    out = tmp_path / "events.jsonl"

    result = _worker("process", str(inputs), "-o", str(out))

    assert result.returncode == 0, result.stderr.decode()
    stories = {}
    for line in out.read_bytes().splitlines():
        event = orjson.loads(line)
        validate("articles.enriched", event)
        stories[event["id"]] = event["story"]
    assert stories["c-page"]["id"] == stories["a-dump"]["id"] != stories["b-moon"]["id"]
    assert {stories["a-dump"]["duplicate_of"], stories["c-page"]["duplicate_of"]} == {
        None,
        stories["a-dump"]["id"],
    }
