"""`worker replay-deadletter`: re-submit chosen dead letters after a fix.

Reads the dead-letter topic up to its current end, keeps the records that match
the filters, and produces each original payload back to the topic it first came
from (raw, cleaned for enrich-stage failures, the internal stories topic for
stories-stage failures), keyed by its article id and
with an `aw-attempt` header one higher than the dead letter's, so a new failure
shows how often it was tried. Truncated payloads cannot be replayed and are
reported, not guessed.
"""

from __future__ import annotations

import base64
import hashlib
import sys
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import orjson
from aiokafka import AIOKafkaProducer

from worker.core import ATTEMPT_HEADER
from worker.kafka import client_options, read_topics
from worker.settings import Settings


@dataclass(frozen=True)
class ReplayFilter:
    """Which dead letters to replay; an empty criterion matches everything."""

    reasons: Collection[str] = ()
    error_types: Collection[str] = ()
    stages: Collection[str] = ()
    ids: Collection[str] = ()

    def matches(self, record: dict[str, Any]) -> bool:
        return all(
            not wanted or record.get(field) in wanted
            for field, wanted in (
                ("reason", self.reasons),
                ("error_type", self.error_types),
                ("stage", self.stages),
                ("id", self.ids),
            )
        )


async def _read_all(settings: Settings) -> list[dict[str, Any]]:
    """Every record of the dead-letter topic, from the beginning to the current end."""
    found: list[dict[str, Any]] = []
    async for item in read_topics(settings.kafka, [settings.topics.deadletter], until_end=True):
        if item is None:
            continue
        try:
            found.append(orjson.loads(item.value or b""))
        except orjson.JSONDecodeError:
            continue  # not one of ours
    return found


async def replay_deadletters(settings: Settings, chosen: ReplayFilter, dry_run: bool) -> int:
    """Replay matching dead letters once each; returns how many were (or would be) sent."""
    records = [r for r in await _read_all(settings) if chosen.matches(r)]
    seen: set[tuple[str, str]] = set()
    producer = AIOKafkaProducer(**client_options(settings.kafka), acks="all")
    await producer.start()
    sent = 0
    try:
        for record in records:
            payload = base64.b64decode(record.get("payload_b64", ""))
            identity = (record.get("id", ""), hashlib.sha256(payload).hexdigest())
            if identity in seen:
                continue  # the same failure dead-lettered twice (at-least-once)
            seen.add(identity)
            if record.get("payload_truncated"):
                sys.stderr.write(f"skipped {record.get('id')}: payload was truncated\n")
                continue
            topic = _target(settings, record)
            if not dry_run:
                attempt = str(int(record.get("attempt", 1)) + 1).encode()
                await producer.send_and_wait(
                    topic,
                    payload,
                    key=str(record.get("id", "")).encode(),
                    headers=[(ATTEMPT_HEADER, attempt)],
                )
            sys.stderr.write(
                f"{'would replay' if dry_run else 'replayed'} {record.get('id')} "
                f"({record.get('stage')}/{record.get('reason')}) to {topic}\n"
            )
            sent += 1
    finally:
        await producer.stop()
    return sent


def _target(settings: Settings, record: dict[str, Any]) -> str:
    """Back to the topic the input was read from, if that is one of our input topics."""
    source = record.get("source") or {}
    topic = source.get("topic")
    inputs = (settings.topics.raw, settings.topics.cleaned, settings.stories_topic)
    return topic if topic in inputs else settings.topics.raw
