"""`worker produce`: put raw dumps from files, directories or stdin onto a topic."""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any

from aiokafka import AIOKafkaProducer
from tqdm import tqdm

from worker.core import Input, peek_envelope
from worker.kafka import client_options
from worker.settings import Settings
from worker.tools.inputs import read_inputs

IN_FLIGHT = 500  # unacknowledged sends before we wait, to bound memory


def message_key(item: Input) -> bytes:
    """The envelope's `id` when the payload is a JSON envelope naming one, else the default id."""
    return (peek_envelope(item.payload).get("id") or item.default_id or "").encode()


async def produce_paths(settings: Settings, paths: list[str], topic: str) -> int:
    """Send every input found in `paths` to `topic`; returns the number acknowledged."""
    producer = AIOKafkaProducer(
        **client_options(settings.kafka),
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
