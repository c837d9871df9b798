"""The live page's data and pages, without a broker: bounded buffers, rates, escaping,
and the pages a worker serves while it waits for the brokers."""

from __future__ import annotations

import asyncio
import json
import re
import urllib.request
from typing import Any

import orjson

from worker.core import Input, Origin, PipelineError, deadletter_output
from worker.core.types import Output
from worker.stream.live import LiveFeed, Rates, Status, page
from worker.stream.waiting import WaitingPages
from worker.tools.broker import free_port

HOSTILE = '</script><script>alert(1)</script><img src=x onerror="alert(2)"> & \u2028'


def _embedded(document: bytes) -> Any:
    block = re.search(
        rb'<script id="article-data" type="application/json">(.*?)</script>', document, re.S
    )
    assert block is not None
    return json.loads(block.group(1))


def test_page_embeds_hostile_text_as_data_that_cannot_close_its_script_block() -> None:
    data = {"status": {"state": "inspected"}, "articles": [{"title": HOSTILE, "body": HOSTILE}]}
    document = page(data)
    assert document.count(b"<script") == page().count(b"<script") == 2
    assert _embedded(document) == data  # the text itself arrives intact, as data


def test_rates_are_per_second_over_the_window() -> None:
    rates = Rates(window_s=60)
    assert rates.update(0.0, {"t": 10}) == {"t": 0.0}
    assert rates.update(10.0, {"t": 60}) == {"t": 5.0}
    assert rates.update(100.0, {"t": 60}) == {"t": 0.0}  # the old samples left the window


def _dead(n: int) -> Output:
    error = PipelineError("decode", "invalid_json", f"bad {n}")
    item = Input(b"{not json " + str(n).encode(), Origin("raw", 0, n))
    return deadletter_output(item, f"id-{n}", error, "decode", "2026-11-30T00:00:00Z")


def test_feed_keeps_the_latest_dead_letters_with_their_details() -> None:
    feed = LiveFeed(deadletters=3)
    outputs = [_dead(n) for n in range(5)]
    for output in outputs:
        feed.record(output)
    latest = feed.snapshot(Status("running"))["deadletters"]["latest"]
    assert [d["id"] for d in latest] == ["id-4", "id-3", "id-2"]
    assert latest[0]["reason"] == "invalid_json" and latest[0]["source"]["offset"] == 4
    assert feed.deadletter(outputs[0].event_id) is None  # evicted
    details = feed.deadletter(outputs[4].event_id)
    assert details is not None and details["payload_preview"] == "{not json 4"


def _get(port: int, path: str) -> tuple[int, dict[str, Any] | bytes]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as answer:
            status, body = answer.status, answer.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    return status, orjson.loads(body) if path != "/metrics" and path != "/" else body


def test_waiting_pages_say_alive_not_ready_and_why() -> None:
    port = free_port()

    async def scenario() -> list[tuple[int, Any]]:
        pages = WaitingPages(port, "kafka:9092")
        await pages.start()
        try:
            pages.failed(ConnectionRefusedError("connection refused"))
            paths = ("/health", "/ready", "/live.json", "/metrics", "/")
            return [await asyncio.to_thread(_get, port, path) for path in paths]
        finally:
            await pages.stop()

    health, ready, live, metrics, home = asyncio.run(scenario())
    assert health == (200, {"status": "waiting", "version": health[1]["version"]})
    assert ready[0] == 503 and ready[1]["ready"] is False
    assert "kafka:9092" in ready[1]["reason"] and "connection refused" in ready[1]["reason"]
    assert live[0] == 200 and live[1]["status"]["state"] == "waiting"
    assert live[1]["status"]["reason"] == ready[1]["reason"]
    assert metrics[0] == 200 and b"worker_broker_connect_attempts_total" in metrics[1]
    assert home[0] == 200 and b"article-worker" in home[1]
