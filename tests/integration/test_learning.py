"""Per-site boilerplate learning in the stream: learned as articles flow, kept across restarts."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.integration.conftest import (
    Record,
    WorkerProcess,
    consume_until,
    produce_sync,
    worker_env,
)
from tests.unit.test_boilerplate import IN_BODY, MIN_ARTICLES, site_dumps
from worker.tools.broker import EmbeddedBroker

pytestmark = pytest.mark.integration


def _send_and_wait(worker: WorkerProcess, article_id: str, dump: str) -> dict:
    envelope = {
        "id": article_id,
        "source": "harbour-gazette",
        "published_at": "2023-10-13",
        "text": dump,
    }
    bootstrap, raw, cleaned = (
        worker.env["KAFKA_BOOTSTRAP_SERVERS"],
        worker.topic("raw"),
        worker.topic("cleaned"),
    )
    produce_sync(bootstrap, raw, [(article_id.encode(), orjson.dumps(envelope))])

    def mine(records: list[Record]) -> list[dict]:
        return [r.value for r in records if r.value.get("id") == article_id]

    records = consume_until(bootstrap, [cleaned], lambda rs: bool(mine(rs)), timeout=60)
    (event,) = mine(records)[:1]
    return event


def test_site_menu_lines_disappear_after_a_few_articles_and_stay_gone_after_restart(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    env = worker_env(broker)
    worker = WorkerProcess(env, tmp_path / "first.log").start()
    dumps = site_dumps()
    try:
        bodies = [
            _send_and_wait(worker, f"site-{i}", dump)["body"].split("\n\n")
            for i, (dump, _) in enumerate(dumps)
        ]
    finally:
        assert worker.stop() == 0
    for body, (_, own) in zip(bodies, dumps, strict=True):
        assert all(paragraph in body for paragraph in own), "article paragraphs are never dropped"
    assert all(line in bodies[0] for line in IN_BODY), (
        "the first article still shows the site lines"
    )
    for body in bodies[MIN_ARTICLES:]:
        assert not any(line in body for line in IN_BODY)

    # A new worker process recovers what was learned from the table's changelog.
    again = WorkerProcess(env, tmp_path / "second.log").start()
    try:
        dump, own = dumps[0]
        body = _send_and_wait(again, "site-after-restart", dump)["body"].split("\n\n")
    finally:
        again.stop()
    assert all(paragraph in body for paragraph in own)
    assert not any(line in body for line in IN_BODY)
