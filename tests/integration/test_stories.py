"""Stories in the stream: copies that two workers clean and enrich on different
partitions end in one story, and a restart keeps the story ids (the index is
recovered from its table's changelog)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import orjson
import pytest

from tests.conftest import SAMPLE, validate, validate_asyncapi
from tests.integration.conftest import (
    Record,
    WorkerProcess,
    consume_until,
    produce_sync,
    worker_env,
)
from worker.tools.broker import EmbeddedBroker

pytestmark = pytest.mark.integration

PUTIN_HTML = Path(__file__).resolve().parents[2] / "worker" / "examples" / "putin-summit.html"


def _syndicated(article_id: str, site: str) -> bytes:
    """The sample article as a wire partner prints it: other headline, a paragraph dropped."""
    text = SAMPLE.read_text(encoding="utf-8")
    article = text[text.index("Russian President Vladimir Putin attended") :]
    paragraphs = [p for p in article.split("\n\n") if len(p.split()) > 12]
    body = "\n\n".join(paragraphs[:2] + paragraphs[3:])
    envelope = {
        "id": article_id,
        "source": site,
        "url": f"https://{site}/world/{article_id}",
        "title": "Putin urges former Soviet republics to widen their reach",
        "published_at": "2023-10-13",
        "text": body,
    }
    return orjson.dumps(envelope)


def _raw_consumed(worker: WorkerProcess) -> float:
    name = f'worker_messages_in_total{{topic="{worker.topic("raw")}"}}'
    found = re.search(rf"^{re.escape(name)} (\S+)$", worker.http("/metrics")[1].decode(), re.M)
    return float(found.group(1)) if found else 0.0


def _wait_for(worker: WorkerProcess, ids: set[str]) -> dict[str, Record]:
    """The enriched event of each of `ids`, and the latest state of every story seen."""
    enriched, stories = worker.topic("enriched"), worker.topic("stories")

    def done(records: list[Record]) -> bool:  # each enriched event comes with its story's state
        events = [r for r in records if r.topic == enriched]
        states = [r for r in records if r.topic == stories]
        return ids <= {r.value["id"] for r in events} and len(states) >= len(events)

    bootstrap = worker.env["KAFKA_BOOTSTRAP_SERVERS"]
    records = consume_until(bootstrap, [enriched, stories], done, timeout=180)
    found: dict[str, Record] = {}
    for r in records:
        validate_asyncapi("articles." + r.topic.rsplit(".", 1)[1], r.headers, r.value)
        key = r.value["id"] if r.topic == enriched else f"story:{r.key.decode()}"  # type: ignore[union-attr]
        found[key] = r  # read in order: the last state of a story wins, as compaction keeps it
    assert ids <= set(found), f"missing {ids - set(found)}"
    return found


def test_copies_at_two_workers_are_one_story_and_a_restart_keeps_it(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    env = worker_env(broker)
    bootstrap = env["KAFKA_BOOTSTRAP_SERVERS"]
    workers = [WorkerProcess(env, tmp_path / f"worker-{n}.log").start() for n in range(2)]
    try:
        time.sleep(5)  # let the group settle: each worker owns one raw partition
        raw = workers[0].topic("raw")
        produce_sync(bootstrap, raw, [(b"copy-a", SAMPLE.read_bytes())], partition=0)
        produce_sync(
            bootstrap, raw, [(b"copy-b", _syndicated("copy-b", "wire.example"))], partition=1
        )
        found = _wait_for(workers[0], {"copy-a", "copy-b"})
        assert all(_raw_consumed(w) >= 1 for w in workers), "each worker cleaned one copy"
    finally:
        assert all(w.stop() == 0 for w in workers)
    a, b = (found[i].value["story"] for i in ("copy-a", "copy-b"))
    story_id = a["id"]
    assert b["id"] == story_id and story_id in {"copy-a", "copy-b"}
    later = b if story_id == "copy-a" else a
    assert later["duplicate_of"] == story_id and 0.5 < later["similarity"] <= 1.0
    state = found[f"story:{story_id}"].value
    validate("articles.stories", state)
    assert {m["id"] for m in state["members"]} == {"copy-a", "copy-b"}

    # A new worker recovers the index from the changelog: a third copy joins the same story.
    again = WorkerProcess(env, tmp_path / "after-restart.log").start()
    try:
        html = orjson.dumps(
            {"id": "copy-c", "source": "example.org", "html": PUTIN_HTML.read_text()}
        )
        produce_sync(bootstrap, raw, [(b"copy-c", html)])
        found = _wait_for(again, {"copy-a", "copy-b", "copy-c"})
    finally:
        again.stop()
    assert found["copy-c"].value["story"]["id"] == story_id
    state = found[f"story:{story_id}"].value
    assert state["member_count"] == 3 and set(state["sites"]) >= {"wire.example", "example.org"}
