"""`worker produce`: put raw dumps from files, directories, archives or stdin onto a topic.

For producers' real loads: keys chosen by `--key-from`, an optional rate limit,
producer-side compression, a progress bar on a terminal and a closing summary
(sent, skipped, failed, bytes). A record the client or the broker refuses (one
past the broker's size limit, say) is counted with its error, never lost from the
count; any such failure makes the command exit non-zero.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError, MessageSizeTooLargeError
from tqdm import tqdm

from worker.core import Input, peek_envelope
from worker.kafka import client_options
from worker.settings import Settings
from worker.tools.inputs import read_inputs

# Unacknowledged sends (count, bytes) before we wait for the broker: bounds memory
IN_FLIGHT = 500
IN_FLIGHT_BYTES = 16 << 20
KeyFrom = Literal["id", "url", "file"]
Compression = Literal["none", "gzip", "lz4", "zstd"]


@dataclass(frozen=True)
class ProduceOptions:
    topic: str
    key_from: KeyFrom = "id"
    rate: float = 0.0  # messages per second; 0: as fast as the broker takes them
    compression: Compression = "none"


@dataclass
class ProduceReport:
    """What a run did: acknowledged, skipped (by reason) and failed (by error) messages."""

    sent: int = 0
    sent_bytes: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    first_error: str | None = None
    stopped: bool = False  # a failure no later record could escape ended the run early
    elapsed_s: float = 0.0

    def fail(self, error: BaseException) -> None:
        self.failed[type(error).__name__] += 1
        self.first_error = self.first_error or f"{type(error).__name__}: {error}"

    def summary(self, topic: str) -> str:
        rate = self.sent / max(self.elapsed_s, 1e-9)
        lines = [
            f"produced {self.sent} messages ({self.sent_bytes} bytes) to {topic} "
            f"in {self.elapsed_s:.1f} s ({rate:.0f} msg/s)",
            f"skipped {self.skipped.total()}{_by_reason(self.skipped)}",
            f"failed {self.failed.total()}{_by_reason(self.failed)}",
        ]
        if self.first_error:
            lines.append(f"first failure: {self.first_error}")
        if self.stopped:
            lines.append("stopped at that failure: the inputs after it were not sent")
        return "\n".join(lines)


def _by_reason(counts: Counter[str]) -> str:
    return f" ({', '.join(f'{k}: {n}' for k, n in sorted(counts.items()))})" if counts else ""


def message_key(item: Input, key_from: KeyFrom = "id") -> bytes:
    """The key for `item`: the envelope's `id` (else the default id), its `url` (else the
    id), or the file it came from (all of a file's messages in one partition)."""
    if key_from == "file":
        return (item.origin.path or "-").encode()
    found = peek_envelope(item.payload)
    key = found.get("url") if key_from == "url" else None
    return (key or found.get("id") or item.default_id or "").encode()


async def produce_paths(
    settings: Settings, paths: list[str], options: ProduceOptions
) -> ProduceReport:
    """Send every input found in `paths` to the topic; the report counts every one."""
    producer = AIOKafkaProducer(
        **client_options(settings.kafka),
        acks="all",
        max_request_size=settings.max_message_bytes + 65536,
        linger_ms=5,
        compression_type=None if options.compression == "none" else options.compression,
    )
    await producer.start()
    report = ProduceReport()
    started = time.monotonic()
    try:
        with tqdm(
            unit="msg", desc=f"produce {options.topic}", disable=None, file=sys.stderr
        ) as bar:
            await _send_all(
                producer,
                read_inputs(paths, settings.max_message_bytes, report.skipped),
                options,
                report,
                bar,
            )
    finally:
        await producer.stop()
        report.elapsed_s = time.monotonic() - started
    return report


async def _send_all(
    producer: AIOKafkaProducer,
    items: Iterable[Input],
    options: ProduceOptions,
    report: ProduceReport,
    bar: tqdm[Any],
) -> None:
    pending: list[tuple[asyncio.Future[Any], int]] = []
    started = time.monotonic()
    for count, item in enumerate(items):
        if options.rate > 0 and (ahead := started + count / options.rate - time.monotonic()) > 0:
            await asyncio.sleep(ahead)
        try:
            key = message_key(item, options.key_from)
            future = await producer.send(options.topic, item.payload, key=key)
            pending.append((future, len(item.payload)))
        except MessageSizeTooLargeError as error:  # this record only: go on with the next
            report.fail(error)
        except KafkaError as error:  # no record can go (unknown topic, no broker): stop
            report.fail(error)
            report.stopped = True
            break
        if len(pending) >= IN_FLIGHT or sum(size for _, size in pending) >= IN_FLIGHT_BYTES:
            await _settle(pending, report, bar)
    await _settle(pending, report, bar)


async def _settle(
    pending: list[tuple[asyncio.Future[Any], int]], report: ProduceReport, bar: tqdm[Any]
) -> None:
    """Wait for the broker's answers to the pending sends and count them."""
    results = await asyncio.gather(*(f for f, _ in pending), return_exceptions=True)
    for result, (_, size) in zip(results, pending, strict=True):
        if isinstance(result, BaseException):
            report.fail(result)
        else:
            report.sent += 1
            report.sent_bytes += size
    bar.update(len(pending))
    pending.clear()
