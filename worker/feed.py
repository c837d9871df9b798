"""`worker produce` and `worker tail`: feeding and reading topics from a terminal."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
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


async def tail_topic(
    settings: Settings,
    topics: list[str],
    style: str,
    from_beginning: bool,
    limit: int,
    idle_timeout: float,
) -> int:
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
        if from_beginning:
            await consumer.seek_to_beginning(*tps)
        else:
            await consumer.seek_to_end(*tps)
        while (not limit or seen < limit) and not stop.is_set():
            batch = await consumer.getmany(timeout_ms=int((idle_timeout or 1.0) * 1000))
            if not batch and idle_timeout:
                break
            for records in batch.values():
                for record in records:
                    sys.stdout.write(_render(record.value or b"", style) + "\n")
                    sys.stdout.flush()
                    seen += 1
    finally:
        await consumer.stop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    return seen


def _render(value: bytes, style: str) -> str:
    if style == "raw":
        return value.decode("utf-8", errors="replace")
    try:
        event = orjson.loads(value)
    except orjson.JSONDecodeError:
        return value.decode("utf-8", errors="replace")
    if style == "compact" and isinstance(event, dict):
        return compact_line(event)
    return orjson.dumps(event, option=orjson.OPT_INDENT_2).decode()
