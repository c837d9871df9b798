"""The live page of a running worker on the real broker, as a browser shows it; and the
pages a worker answers while the broker is not up yet."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from tests.browser import rendered, screenshot
from tests.conftest import SAMPLE
from tests.integration.conftest import (
    WorkerProcess,
    consume_until,
    produce_sync,
    wait_for,
    worker_env,
)
from tests.unit.test_dashboard import dashboard_queries, query_parts
from worker.tools.broker import EmbeddedBroker, free_port

pytestmark = pytest.mark.integration

HOSTILE_TITLE = "<img src=x onerror=\"document.title='pwned'\">Hostile<script>alert(1)</script>"
TITLE = "Putin calls for ex-Soviet states to expand their influence"


@pytest.fixture(scope="module")
def fed_worker(worker: WorkerProcess) -> Iterator[WorkerProcess]:
    """The module's worker after it published the sample, a hostile article and a bad message."""
    hostile = {"id": "hostile-1", "title": HOSTILE_TITLE, "text": SAMPLE.read_text()}
    messages = [
        (b"live-bad", b'{"id": "live-bad", "text": '),
        (b"hostile-1", orjson.dumps(hostile)),
        (b"live-sample", SAMPLE.read_bytes()),
    ]
    bootstrap = worker.env["KAFKA_BOOTSTRAP_SERVERS"]
    produce_sync(bootstrap, worker.topic("raw"), messages)
    enriched, dead = worker.topic("enriched"), worker.topic("deadletter")
    consume_until(
        bootstrap,
        [enriched, dead],
        lambda found: {r.value["id"] for r in found} >= {"live-sample", "hostile-1", "live-bad"},
    )
    assert wait_for(lambda: b"live-sample" in worker.http("/live.json")[1], 30)
    yield worker


def test_live_page_shows_articles_entities_and_dead_letters(
    fed_worker: WorkerProcess, tmp_path: Path
) -> None:
    url = f"http://127.0.0.1:{fed_worker.web_port}/"
    dom = rendered(url)
    assert dom.findtext(".//title") == "article-worker"  # no script of a message ran
    assert dom.get_element_by_id("state").text_content() == "running"
    titles = [h.text_content() for h in dom.xpath("//article/h3")]
    assert TITLE in titles and HOSTILE_TITLE in titles  # hostile markup shown as text
    assert not dom.xpath("//article//img") and not dom.xpath("//article//script")
    people = [m.text for m in dom.xpath("//article//mark[contains(@class, 'ent-PERSON')]")]
    assert "Vladimir Putin" in people
    reasons = [r.text_content() for r in dom.xpath("//p[@class='deadletter']/span")]
    assert "decode/invalid_json" in reasons
    topics = [row.text_content() for row in dom.xpath("//table[@id='topics']//td[1]")]
    assert fed_worker.topic("raw") in topics and fed_worker.topic("enriched") in topics
    (link,) = dom.xpath("//p[@class='deadletter']/a/@href")
    status, details = fed_worker.http("/" + link)
    assert status == 200 and orjson.loads(details)["id"] == "live-bad"
    screenshot(url, str(tmp_path / "live.png"))
    assert (tmp_path / "live.png").stat().st_size > 10_000


def test_metrics_hold_every_series_and_label_the_dashboard_queries(
    fed_worker: WorkerProcess,
) -> None:
    status, body = fed_worker.http("/metrics")
    assert status == 200
    lines = [line for line in body.decode().splitlines() if not line.startswith("#")]
    for expr in dashboard_queries():
        for name, labels in query_parts(expr):
            series = [line for line in lines if line.startswith((name + "{", name + " "))]
            assert series, f"{name} is queried by the dashboard but absent from /metrics"
            assert all(f"{label}=" in series[0] for label in labels), (name, labels)


def test_pages_answer_before_the_broker_is_up(tmp_path: Path) -> None:
    port = free_port()
    env = worker_env(EmbeddedBroker(port=port))  # its address only: not started yet
    waiting = WorkerProcess(env, tmp_path / "worker.log")
    waiting.process = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "run"],
        env={**env, "WORKER_WEB_PORT": str(waiting.web_port)},
        stdout=waiting.log_path.open("ab"),
        stderr=subprocess.STDOUT,
    )
    try:
        assert wait_for(lambda: waiting.http("/health")[0] == 200, 30), waiting.log_path.read_text()
        status, body = waiting.http("/ready")
        assert status == 503 and f"127.0.0.1:{port}" in orjson.loads(body)["reason"]
        assert orjson.loads(body) | {"reason": ""} == {  # the running worker's shape
            "ready": False,
            "models_loaded": False,
            "partitions": 0,
            "reason": "",
        }
        assert wait_for(lambda: b"connect_attempts_total 2" in waiting.http("/metrics")[1], 30)
        dom = rendered(f"http://127.0.0.1:{waiting.web_port}/")
        assert dom.get_element_by_id("state").text_content() == "waiting"
        assert f"127.0.0.1:{port}" in dom.get_element_by_id("reason").text_content()
        with EmbeddedBroker(port=port, log_path=tmp_path / "broker.log") as broker:
            assert wait_for(lambda: waiting.http("/ready")[0] == 200, 120), (
                waiting.log_path.read_text()[-3000:]
            )
            produce_sync(broker.bootstrap, waiting.topic("raw"), [(b"late", SAMPLE.read_bytes())])
            found = consume_until(
                broker.bootstrap, [waiting.topic("enriched")], lambda records: bool(records)
            )
            assert [record.value["title"] for record in found] == [TITLE]
    finally:
        waiting.stop()
