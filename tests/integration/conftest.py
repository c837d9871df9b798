"""Integration fixtures: a real Tansu broker process and real `worker run` processes.

Each test module gets its own topic names and consumer group, so modules do not
see each other's messages on the shared session broker.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import orjson
import pytest
from aiokafka import AIOKafkaProducer

from worker.core import OutputKind
from worker.kafka import read_topics
from worker.settings import KafkaSettings
from worker.tools.broker import EmbeddedBroker, free_port

TOPICS = ("raw", *get_args(OutputKind))  # every topic the worker reads or writes


@pytest.fixture(scope="session")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedBroker]:
    log = tmp_path_factory.mktemp("broker") / "tansu.log"
    with EmbeddedBroker(log_path=log) as running:
        yield running


@dataclass
class WorkerProcess:
    """A `worker run` child process and the environment it was started with."""

    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    web_port: int = field(default_factory=free_port)
    ready_answers: list[tuple[int, bytes]] = field(default_factory=list)  # /ready while starting

    def topic(self, name: str) -> str:
        return self.env[f"WORKER_TOPIC_{name.upper()}"]

    def start(self, ready_timeout: float = 120.0) -> WorkerProcess:
        env = {**self.env, "WORKER_WEB_PORT": str(self.web_port)}
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "worker.cli", "run"], env=env, stdout=log, stderr=log
        )
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log_path.read_text()[-3000:]}")
            answer = self.http("/ready")
            if answer[0]:
                self.ready_answers.append(answer)
            if answer[0] == 200:
                return self
            time.sleep(0.2)
        raise TimeoutError(f"worker not ready:\n{self.log_path.read_text()[-3000:]}")

    def http(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}{path}", timeout=2) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except OSError:
            return 0, b""

    def stop(self, timeout: float = 60.0) -> int | None:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None


def worker_env(broker: EmbeddedBroker) -> dict[str, str]:
    """Environment for a worker on fresh topic names and a fresh group."""
    suffix = uuid.uuid4().hex[:8]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WORKER_", "KAFKA_"))}
    env.update(
        {
            "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap,
            "WORKER_CONSUMER_GROUP": f"it-{suffix}",
            "WORKER_PROCESSES": "1",
            "WORKER_TOPIC_PARTITIONS": "2",
            "WORKER_LOG_LEVEL": "INFO",
        }
    )
    for name in TOPICS:
        env[f"WORKER_TOPIC_{name.upper()}"] = f"it-{suffix}.{name}"
    return env


@pytest.fixture(scope="module")
def worker(
    broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WorkerProcess]:
    proc = WorkerProcess(worker_env(broker), tmp_path_factory.mktemp("worker") / "worker.log")
    proc.start()
    yield proc
    proc.stop()


@dataclass(frozen=True)
class Record:
    topic: str
    key: bytes | None
    value: dict[str, Any]
    headers: dict[str, bytes]
    partition: int
    offset: int


async def produce(
    bootstrap: str,
    topic: str,
    messages: list[tuple[bytes | None, bytes]],
    partition: int | None = None,
) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", max_request_size=8 << 20)
    await producer.start()
    try:
        for key, value in messages:
            await (await producer.send(topic, value, key=key, partition=partition))
    finally:
        await producer.stop()


async def _consume(bootstrap: str, topics: list[str], done: Any, timeout: float) -> list[Record]:
    found: list[Record] = []
    deadline = time.monotonic() + timeout
    reader = read_topics(KafkaSettings(bootstrap_servers=bootstrap), topics, poll_timeout_s=0.5)
    try:
        async for item in reader:
            if item is not None:
                value = orjson.loads(item.value or b"null")
                found.append(
                    Record(
                        item.topic, item.key, value, dict(item.headers), item.partition, item.offset
                    )
                )
            if time.monotonic() > deadline or done(found):
                break
    finally:
        await reader.aclose()
    return found


def consume_until(
    bootstrap: str, topics: list[str], done: Any, timeout: float = 120.0
) -> list[Record]:
    """Read `topics` from the beginning until `done(records)` is true or the timeout passes."""
    return asyncio.run(_consume(bootstrap, topics, done, timeout))


def produce_sync(
    bootstrap: str,
    topic: str,
    messages: list[tuple[bytes | None, bytes]],
    partition: int | None = None,
) -> None:
    asyncio.run(produce(bootstrap, topic, messages, partition))


def real_dumps(count: int, prefix: str) -> list[tuple[bytes, bytes]]:
    """`count` (key, value) raw messages: real article text, distinct ids, mixed formats.

    Each is a text dump (header, headline, byline, a few real paragraphs), every
    third one wrapped in a JSON envelope; paragraphs rotate so contents differ.
    """
    from tests.conftest import SAMPLE

    text = SAMPLE.read_text(encoding="utf-8")
    article = text[text.index("Russian President Vladimir Putin attended") :]
    paragraphs = [p for p in article.split("\n\n") if len(p.split()) > 12 and "AP/PA" not in p]
    messages = []
    for i in range(count):
        chosen = [paragraphs[(i + k) % len(paragraphs)] for k in range(3)]
        body = "\n\n".join(chosen)
        key = f"{prefix}-{i:05d}"
        if i % 3 == 0:
            value = orjson.dumps({"id": key, "published_at": "2023-10-13", "text": body})
        else:
            header = f" date 2023-10-13\nStory {i} from the summit\n\nBy Press Association"
            value = f"{header}\n\n{body}".encode()
        messages.append((key.encode(), value))
    return messages


def wait_for(predicate: Callable[[], bool], timeout: float, every_s: float = 0.3) -> bool:
    """Whether `predicate` came true within `timeout` seconds (polled)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every_s)
    return False


def outcome_ids(records: list[Record], enriched: str, deadletter: str) -> set[str]:
    return {r.value["id"] for r in records if r.topic in (enriched, deadletter)}


def descendants(pid: int) -> set[int]:
    """Every live process below `pid`, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # exited while we looked
            parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its parent's wait is missing
