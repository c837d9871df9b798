"""Raw article → cleaned document: pick the cleaner, then merge envelope metadata.

Envelope fields are what the producer knew for sure, so they win over what the
cleaner guesses from the page (publication date: envelope, then dump header or
page metadata, then a dateline in the text).
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from worker.pipeline.boilerplate import site_key
from worker.pipeline.clean_html import clean_html, html_fingerprints
from worker.pipeline.clean_text import clean_text_dump, dump_fingerprints
from worker.pipeline.errors import PipelineError
from worker.pipeline.model import CleanedDoc, RawArticle
from worker.pipeline.normalize import normalize_text


def clean(raw: RawArticle, boilerplate: frozenset[str] = frozenset()) -> CleanedDoc:
    """Clean one article; raises `PipelineError(stage="clean")` when no body is left.

    `boilerplate` holds the line fingerprints learned as the article's site's own.
    """
    if raw.html is not None:
        doc = clean_html(raw.html, url=raw.url, boilerplate=boilerplate)
    else:
        doc = clean_text_dump(raw.text or "", boilerplate)
    if not doc.body.strip():
        raise PipelineError("clean", "no_body", "cleaning left no article body")
    published = normalize_published_at(raw.published_at)
    return dataclasses.replace(
        doc,
        title=normalize_text(raw.title) if raw.title else doc.title,
        published_at=published or doc.published_at,
        published_at_source="envelope" if published else doc.published_at_source,
        language=(raw.language or doc.language or None),
    )


def site_of(raw: RawArticle) -> str | None:
    return site_key(raw.source, raw.url)


def raw_fingerprints(raw: RawArticle) -> tuple[str, ...]:
    """Line fingerprints of the raw input (not of the cleaned body: dropped lines
    must keep being counted, or they would be forgotten and come back)."""
    if raw.html is not None:
        return tuple(html_fingerprints(raw.html))
    return tuple(dump_fingerprints(raw.text or ""))


def normalize_published_at(value: str | None) -> str | None:
    """ISO 8601 form of an envelope date, or None when it is not a date we can read.

    A date-only value stays a date (no invented midnight); a datetime keeps its
    offset when it has one. Unreadable values are dropped rather than guessed.
    """
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None
