"""What the live page shows: the latest articles and dead letters, rates and health.

The publisher hands every acknowledged output to `LiveFeed.record`; the page
polls `/live.json`, a snapshot built from those buffers, the Prometheus
counters and the worker's status. Everything is bounded: a few articles (kept
as the bytes that were published, parsed only when a snapshot asks for them), a
few dead letters, a minute of counter samples for the rates.
"""

from __future__ import annotations

import base64
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import orjson
from prometheus_client import Counter, Gauge

from worker.core import DeadLetter, Output
from worker.stream import metrics

_RATE_WINDOW_S = 60.0
_SUMMARY_ENTITIES = 15
_PAYLOAD_PREVIEW_BYTES = 2048


@dataclass
class Status:
    """What the worker is doing, for the page's header and `/ready`."""

    state: str  # "waiting" (for the broker) or "running"
    reason: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)


def counter_values(counter: Counter) -> dict[str, float]:
    """A labelled counter's current totals, keyed by its label values joined with '/'."""
    return {
        "/".join(sample.labels.values()): sample.value
        for family in counter.collect()
        for sample in family.samples
        if sample.name.endswith("_total")
    }


def gauge_value(gauge: Gauge) -> float:
    """An unlabelled gauge's current value."""
    return next(sample.value for family in gauge.collect() for sample in family.samples)


class Rates:
    """Per-second rates of counters over the last minute, from samples taken on demand."""

    def __init__(self, window_s: float = _RATE_WINDOW_S) -> None:
        self.window_s = window_s
        self._samples: deque[tuple[float, dict[str, float]]] = deque()

    def update(self, now: float, totals: Mapping[str, float]) -> dict[str, float]:
        self._samples.append((now, dict(totals)))
        while len(self._samples) > 2 and now - self._samples[1][0] >= self.window_s:
            self._samples.popleft()
        first_at, first = self._samples[0]
        elapsed = now - first_at
        if elapsed <= 0:
            return {name: 0.0 for name in totals}
        return {name: (value - first.get(name, 0.0)) / elapsed for name, value in totals.items()}


class LiveFeed:
    """The latest published articles and dead letters of this worker, and its rates."""

    def __init__(self, articles: int = 8, deadletters: int = 20, body_chars: int = 20_000):
        self.body_chars = body_chars
        self._articles: deque[bytes] = deque(maxlen=articles)
        self._deadletters: OrderedDict[str, bytes] = OrderedDict()
        self._max_deadletters = deadletters
        self._rates = {"in": Rates(), "out": Rates()}

    def record(self, output: Output) -> None:
        """Keep an acknowledged output if the page shows its kind."""
        if isinstance(output, DeadLetter):
            self._deadletters[output.event_id] = output.value
            while len(self._deadletters) > self._max_deadletters:
                self._deadletters.popitem(last=False)
        elif output.kind == "enriched":
            self._articles.append(output.value)

    def deadletter(self, event_id: str) -> dict[str, Any] | None:
        """The whole dead-letter record, with a text preview of its payload."""
        value = self._deadletters.get(event_id)
        if value is None:
            return None
        record: dict[str, Any] = orjson.loads(value)
        payload = record.pop("payload_b64", "")
        record["payload_preview"] = _preview(payload)
        return record

    def snapshot(self, status: Status, now: Callable[[], float] = time.monotonic) -> dict[str, Any]:
        """The page's data: status, rates and totals per topic, dead letters, articles."""
        at = now()
        topics = {}
        for direction, counter in (("in", metrics.MESSAGES_IN), ("out", metrics.MESSAGES_OUT)):
            totals = counter_values(counter)
            rates = self._rates[direction].update(at, totals)
            topics[direction] = {
                name: {"total": total, "per_s": round(rates[name], 2)}
                for name, total in totals.items()
            }
        return {
            "status": {"state": status.state, "reason": status.reason, **status.detail},
            "topics": topics,
            "deadletters": {
                "by_reason": counter_values(metrics.DEADLETTERS),
                "latest": [deadletter_line(key, value) for key, value in self._latest_dead()],
            },
            "articles": [self._article(value) for value in reversed(self._articles)],
        }

    def _latest_dead(self) -> list[tuple[str, bytes]]:
        return list(reversed(self._deadletters.items()))[:5]

    def _article(self, value: bytes) -> dict[str, Any]:
        return article_view(orjson.loads(value), self.body_chars)


def article_view(record: Mapping[str, Any], body_chars: int) -> dict[str, Any]:
    """The part of an enriched event the article view shows, its body cut to `body_chars`."""
    body = (record.get("body") or "")[:body_chars]
    in_body = [m for m in record.get("entities", []) if m["end"] <= len(body)]
    return {
        "id": record.get("id"),
        "title": record.get("title"),
        "site": record.get("site"),
        "url": record.get("url"),
        "published_at": record.get("published_at"),
        "language": record.get("language"),
        "story": record.get("story"),
        "body": body,
        "body_cut": len(body) < len(record.get("body") or ""),
        "entities": in_body,
        "dates": [d for d in record.get("dates", []) if d["end"] <= len(body)],
        "entity_summary": record.get("entity_summary", [])[:_SUMMARY_ENTITIES],
    }


def deadletter_line(event_id: str | None, value: bytes) -> dict[str, Any]:
    """What the page lists of a dead letter; `event_id` links to its details, if served."""
    record = orjson.loads(value)
    return {
        "event_id": event_id,
        "id": record.get("id"),
        "stage": record.get("stage"),
        "reason": record.get("reason"),
        "message": (record.get("message") or "")[:300],
        "failed_at": record.get("failed_at"),
        "source": record.get("source"),
    }


def _preview(payload_b64: str) -> str:
    raw = base64.b64decode(payload_b64)[:_PAYLOAD_PREVIEW_BYTES]
    return raw.decode("utf-8", errors="replace")


_PLACEHOLDER = b"__ARTICLE_DATA__"


def page(data: Mapping[str, Any] | None = None) -> bytes:
    """The live page; with `data` (a snapshot's shape), a standalone page showing just that.

    The data goes into a JSON script block with `<`, `>` and `&` escaped, so no
    text of a message can close the block or open markup.
    """
    template = resources.files("worker.stream").joinpath("live.html").read_bytes()
    if data is None:
        return template
    encoded = orjson.dumps(data)
    for char, escape in ((b"<", b"\\u003c"), (b">", b"\\u003e"), (b"&", b"\\u0026")):
        encoded = encoded.replace(char, escape)
    return template.replace(_PLACEHOLDER, encoded)
