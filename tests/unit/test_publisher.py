"""Publishing a batch: transient failures are retried, a rejected record becomes a dead letter."""

from __future__ import annotations

import asyncio
from typing import Any, get_args

import orjson
import pytest
from aiokafka.errors import KafkaTimeoutError, MessageSizeTooLargeError

from tests.conftest import validate
from worker.core import DeadLetter, Input, Origin, Output, OutputKind
from worker.stream import publisher as publisher_module
from worker.stream.publisher import Publisher, cloudevent_headers


class FlakyTopic:
    """Stands in for a Faust topic: records what was acknowledged, fails as told."""

    def __init__(self, name: str, failures: list[BaseException] | None = None) -> None:
        self.name = name
        self.failures = failures or []
        self.acked: list[tuple[bytes, bytes, dict[str, bytes]]] = []

    def get_topic_name(self) -> str:
        return self.name

    async def send(self, *, key: bytes, value: bytes, headers: dict[str, bytes]) -> Any:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self.failures:
            future.set_exception(self.failures.pop(0))
        else:
            self.acked.append((key, value, headers))
            future.set_result(None)
        return future


@pytest.fixture(autouse=True)
def no_backoff_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    async def instant(delay: float) -> None:
        return None

    monkeypatch.setattr(publisher_module.asyncio, "sleep", instant)


def _topics(**failures: list[BaseException]) -> dict[str, FlakyTopic]:
    return {k: FlakyTopic(f"t.{k}", failures.get(k)) for k in get_args(OutputKind)}


INPUT = Input(b"raw page bytes", Origin(topic="t.raw", partition=0, offset=3), "a1")


def test_transient_failures_are_retried_until_every_output_is_acknowledged() -> None:
    topics = _topics(cleaned=[KafkaTimeoutError(), KafkaTimeoutError()])
    output = Output("cleaned", b"a1", b'{"id": "a1"}', "e1")
    results = [[output]]
    asyncio.run(Publisher(topics, "/test").publish(results, [INPUT]))  # type: ignore[arg-type]
    (acked,) = topics["cleaned"].acked
    assert acked[:2] == (b"a1", b'{"id": "a1"}')
    assert acked[2]["ce_id"] == b"e1" and acked[2]["ce_type"] == b"org.article-worker.cleaned.v1"
    assert results == [[output]] and topics["deadletter"].acked == []


def test_a_record_the_broker_rejects_turns_its_input_into_a_dead_letter() -> None:
    topics = _topics(enriched=[MessageSizeTooLargeError()])
    results: list[list[Output]] = [
        [Output("enriched", b"a1", b"{}", "e1"), Output("entities", b"k", b"{}", "e2")]
    ]
    asyncio.run(Publisher(topics, "/test").publish(results, [INPUT]))  # type: ignore[arg-type]
    (dead,) = results[0]
    assert isinstance(dead, DeadLetter) and (dead.stage, dead.reason) == (
        "produce",
        "output_too_large",
    )
    ((key, value, _),) = topics["deadletter"].acked
    record = orjson.loads(value)
    validate("articles.deadletter", record)
    assert key == b"a1" and record["source"] == {"topic": "t.raw", "partition": 0, "offset": 3}


def test_cloudevent_headers_carry_the_deterministic_event_id() -> None:
    headers = cloudevent_headers(Output("entities", b"k", b"{}", "abc"), "/src", "2026-01-01")
    assert headers["ce_id"] == b"abc" and headers["ce_source"] == b"/src"
    assert headers["ce_specversion"] == b"1.0"
