"""`worker produce` and `worker tail`: feeding and reading topics from a terminal."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from dataclasses import dataclass
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from tqdm import tqdm

from worker.inputs import read_inputs
from worker.kafka import client_options
from worker.pipeline.messages import Input
from worker.settings import Settings

IN_FLIGHT = 500  # unacknowledged sends before we wait, to bound memory


def message_key(item: Input) -> bytes:
    """The envelope's `id` when the payload is a JSON envelope naming one, else the default id."""
    if item.payload[:1] == b"{":
        try:
            doc = orjson.loads(item.payload)
        except orjson.JSONDecodeError:
            doc = None
        if isinstance(doc, dict) and isinstance(doc.get("id"), str | int) and doc["id"] != "":
            return str(doc["id"]).encode()
    return (item.default_id or "").encode()


async def produce_paths(settings: Settings, paths: list[str], topic: str) -> int:
    """Send every input found in `paths` to `topic`; returns the number acknowledged."""
    producer = AIOKafkaProducer(
        **client_options(settings),
        acks="all",
        max_request_size=settings.max_message_bytes + 65536,
        linger_ms=5,
    )
    await producer.start()
    sent = 0
    started = time.monotonic()
    pending: list[asyncio.Future[Any]] = []
    try:
        with tqdm(unit="msg", desc=f"produce {topic}", disable=None, file=sys.stderr) as bar:
            for item in read_inputs(paths, settings.max_message_bytes):
                pending.append(await producer.send(topic, item.payload, key=message_key(item)))
                if len(pending) >= IN_FLIGHT:
                    await asyncio.gather(*pending)
                    bar.update(len(pending))
                    sent += len(pending)
                    pending.clear()
            await asyncio.gather(*pending)
            bar.update(len(pending))
            sent += len(pending)
    finally:
        await producer.stop()
    elapsed = max(time.monotonic() - started, 1e-9)
    sys.stderr.write(f"{sent} messages in {elapsed:.1f} s ({sent / elapsed:.0f} msg/s)\n")
    return sent


def compact_line(event: dict[str, Any]) -> str:
    """id | title | top entities | dates: what a person watching the stream wants to see."""
    if "stage" in event and "reason" in event:
        return f"DEADLETTER {event.get('id')} stage={event['stage']} reason={event['reason']}"
    summary = event.get("entity_summary") or []
    top = ", ".join(f"{s['canonical']} ({s['label']})" for s in summary[:4])
    dates = ", ".join(f"{d['text']}={d['value']}" for d in (event.get("dates") or [])[:4])
    title = (event.get("title") or "")[:70]
    return f"{event.get('id')} | {title} | {top or '-'} | {dates or '-'}"


@dataclass(frozen=True)
class TailOptions:
    """How `worker tail` reads and prints, and which events it keeps."""

    style: str = "pretty"  # pretty | raw | compact
    from_beginning: bool = False
    limit: int = 0  # stop after this many printed events; 0: never
    idle_timeout: float = 0.0  # stop after this many seconds without events; 0: never
    entity: str | None = None  # canonical name or entity_key, case-insensitive
    date: str | None = None  # prefix of published_at or of any TIMEX value, e.g. "2023-10"

    def keeps(self, event: Any) -> bool:
        if self.entity is None and self.date is None:
            return True
        if not isinstance(event, dict):
            return False
        return self._entity_ok(event) and self._date_ok(event)

    def _entity_ok(self, event: dict[str, Any]) -> bool:
        if self.entity is None:
            return True
        wanted = self.entity.casefold()
        items = event.get("entity_summary") or [event]
        return any(
            wanted
            in (str(i.get("canonical", "")).casefold(), str(i.get("entity_key", "")).casefold())
            for i in items
        )

    def _date_ok(self, event: dict[str, Any]) -> bool:
        if self.date is None:
            return True
        values = [event.get("published_at") or ""]
        values += [d.get("value", "") for d in event.get("dates") or []]
        return any(str(v).startswith(self.date) for v in values)


async def tail_topic(settings: Settings, topics: list[str], options: TailOptions) -> int:
    """Print events of every partition of `topics`; no consumer group, nothing committed.

    Stops on Ctrl-C or SIGTERM (checked between polls), after `limit` events, or
    after `idle_timeout` seconds without a new event.
    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    consumer = AIOKafkaConsumer(**client_options(settings), enable_auto_commit=False)
    await consumer.start()
    seen = 0
    try:
        await consumer.topics()  # fetches metadata, so that partitions are known
        tps = []
        for topic in topics:
            partitions = consumer.partitions_for_topic(topic)
            if not partitions:
                raise SystemExit(f"topic {topic!r} does not exist")
            tps += [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        if options.from_beginning:
            await consumer.seek_to_beginning(*tps)
        else:
            await consumer.seek_to_end(*tps)
        while (not options.limit or seen < options.limit) and not stop.is_set():
            batch = await consumer.getmany(timeout_ms=int((options.idle_timeout or 1.0) * 1000))
            if not batch and options.idle_timeout:
                break
            for records in batch.values():
                for record in records:
                    line = _render(record.value or b"", options)
                    if line is not None:
                        sys.stdout.write(line + "\n")
                        sys.stdout.flush()
                        seen += 1
    finally:
        await consumer.stop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    return seen


def _render(value: bytes, options: TailOptions) -> str | None:
    """The line to print for one record, or None when the filters drop it."""
    try:
        event = orjson.loads(value)
    except orjson.JSONDecodeError:
        event = None
    if not options.keeps(event):
        return None
    if options.style == "raw" or event is None:
        return value.decode("utf-8", errors="replace")
    if options.style == "compact" and isinstance(event, dict):
        return compact_line(event)
    return orjson.dumps(event, option=orjson.OPT_INDENT_2).decode()
