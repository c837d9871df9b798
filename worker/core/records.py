"""Event records for every output topic: ids, hashes, versions.

Records are plain JSON-ready dicts built from the stage results. Ids and hashes
depend only on the input, so a message processed twice (at-least-once delivery)
yields the same `id`, `content_hash` and content; only `processed_at` differs.
"""

from __future__ import annotations

import base64
import hashlib
import traceback
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import orjson

from worker import __version__
from worker.core.errors import PipelineError, Stage
from worker.core.types import (
    CleanedDoc,
    DeadLetter,
    Entities,
    Input,
    Origin,
    Quote,
    RawArticle,
    Timex,
)

SCHEMA_VERSION = 1
# Kafka header carrying the delivery attempt of a replayed dead letter (b"2", b"3", ...).
ATTEMPT_HEADER = "aw-attempt"
# Dead letters keep at most this much of the original payload, so that a
# rejected huge message still fits in a Kafka record (default limit 1 MiB).
DEADLETTER_PAYLOAD_LIMIT = 512 * 1024


def payload_id(payload: bytes) -> str:
    """Stable id of a message that names none: a hash of its bytes."""
    return "sha256-" + hashlib.sha256(payload).hexdigest()[:32]


def content_hash(body: str) -> str:
    return "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()


def event_id(kind: str, article_id: str, digest: str) -> str:
    """Deterministic id of one output event (CloudEvents `id`)."""
    return hashlib.sha256(f"{kind}\x1f{article_id}\x1f{digest}".encode()).hexdigest()[:32]


def cleaned_record(
    raw: RawArticle, doc: CleanedDoc, origin: Origin, processed_at: str
) -> dict[str, Any]:
    """The `articles.cleaned` event."""
    assert raw.id is not None  # decode always assigns one
    return {
        "schema_version": SCHEMA_VERSION,
        "id": raw.id,
        "source": origin.as_dict(),
        "url": raw.url,
        "site": raw.source or doc.site,
        "title": doc.title,
        "byline": doc.byline,
        "authors": list(doc.authors),
        "published_at": doc.published_at,
        "modified_at": doc.modified_at,
        "description": doc.description,
        "published_at_source": doc.published_at_source,
        "language": doc.language,
        "body": doc.body,
        "captions": list(doc.captions),
        "content_kind": doc.content_kind,
        "content_kind_source": doc.content_kind_source,
        "encoding": raw.encoding,
        "content_hash": content_hash(doc.body),
        "fetched_at": raw.fetched_at,
        "extra": raw.extra,
        "processed_at": processed_at,
        "worker_version": __version__,
    }


def enriched_record(
    cleaned: dict[str, Any],
    entities: Entities,
    dates: list[Timex],
    title_dates: list[Timex],
    processed_at: str,
) -> dict[str, Any]:
    """The `articles.enriched` event: the cleaned event plus entities and dates."""
    return {
        **cleaned,
        "schema_version": SCHEMA_VERSION,
        "entities": [asdict(m) for m in entities.mentions],
        "title_entities": [asdict(m) for m in entities.title_mentions],
        "entity_summary": [asdict(s) for s in entities.summary],
        "dates": [asdict(t) for t in dates],
        "title_dates": [asdict(t) for t in title_dates],
        "processed_at": processed_at,
        "worker_version": __version__,
    }


def entity_records(enriched: dict[str, Any]) -> list[dict[str, Any]]:
    """The `articles.entities` events: one per canonical entity of the article."""
    return [
        {
            "schema_version": SCHEMA_VERSION,
            "article_id": enriched["id"],
            **summary,
            "url": enriched["url"],
            "title": enriched["title"],
            "published_at": enriched["published_at"],
            "processed_at": enriched["processed_at"],
            "worker_version": __version__,
        }
        for summary in enriched["entity_summary"]
    ]


def quote_fields(
    summary: Sequence[dict[str, Any]], quotes: Sequence[Quote], title_quotes: Sequence[Quote]
) -> dict[str, Any]:
    """The enriched event's `quotes`, `title_quotes` and its summary with quotes per entity."""
    said = Counter(q.speaker.entity_key for q in (*quotes, *title_quotes) if q.speaker)
    return {
        "quotes": [asdict(q) for q in quotes],
        "title_quotes": [asdict(q) for q in title_quotes],
        "entity_summary": [{**item, "quotes": said[item["entity_key"]]} for item in summary],
    }


def quote_records(enriched: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """The `articles.quotes` events as (key, position, record): one per quotation.

    The key is the speaker's `entity_key`, or the article id for a quotation
    without a named speaker (it stays with its article's partition). The
    position ("body:START" or "title:START") makes the event id unique.
    """
    out = []
    for field, in_title in (("quotes", False), ("title_quotes", True)):
        for quote in enriched.get(field, ()):
            speaker = quote["speaker"]
            record = {
                "schema_version": SCHEMA_VERSION,
                "article_id": enriched["id"],
                **quote,
                "in_title": in_title,
                "url": enriched["url"],
                "site": enriched.get("site"),
                "title": enriched["title"],
                "published_at": enriched["published_at"],
                "processed_at": enriched["processed_at"],
                "worker_version": __version__,
            }
            key = speaker["entity_key"] if speaker else enriched["id"]
            out.append((key, f"{'title' if in_title else 'body'}:{quote['start']}", record))
    return out


def deadletter_record(
    payload: bytes,
    article_id: str,
    origin: Origin,
    error: BaseException,
    stage: Stage,
    failed_at: str,
    attempt: int = 1,
) -> dict[str, Any]:
    """The `articles.deadletter` event for an input that failed at `stage`.

    A `PipelineError` names its own stage and reason; any other exception is a
    bug in that stage and gets reason `internal_error` with a short traceback.
    """
    if isinstance(error, PipelineError):
        stage, reason, message = error.stage, error.reason, error.message
        trace: list[str] = []
    else:
        reason, message = "internal_error", str(error)[:2000]
        trace = traceback.format_exception(error, limit=8)[-8:]
    return {
        "schema_version": SCHEMA_VERSION,
        "id": article_id,
        "stage": stage,
        "reason": reason,
        "error_type": type(error).__name__,
        "message": message,
        "traceback": [line.rstrip()[:500] for line in trace],
        "source": origin.as_dict(),
        "attempt": attempt,
        "payload_b64": base64.b64encode(payload[:DEADLETTER_PAYLOAD_LIMIT]).decode("ascii"),
        "payload_size": len(payload),
        "payload_truncated": len(payload) > DEADLETTER_PAYLOAD_LIMIT,
        "failed_at": failed_at,
        "worker_version": __version__,
    }


def deadletter_output(
    item: Input, article_id: str, error: BaseException, stage: Stage, now: str
) -> DeadLetter:
    """The dead letter of `item` as a ready-to-produce output (keyed by article id)."""
    record = deadletter_record(
        item.payload, article_id, item.origin, error, stage, now, item.attempt
    )
    digest = hashlib.sha256(item.payload).hexdigest()
    return DeadLetter(
        "deadletter",
        article_id.encode(),
        orjson.dumps(record),
        event_id("deadletter", article_id, digest),
        stage=record["stage"],
        reason=record["reason"],
    )
