"""Raw article → cleaned document: read the page once, pick the cleaner, merge envelope metadata.

Envelope fields are what the producer knew for sure, so they win over what the
cleaner guesses from the page (publication date: envelope, then dump header or
page metadata, then a dateline in the text).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from lxml.html import HtmlElement

from worker.core.cleaning.dump import Dump, clean_text_dump, dump_fingerprints, read_dump
from worker.core.cleaning.html import clean_html, html_fingerprints, parse_html
from worker.core.cleaning.normalize import normalize_text
from worker.core.errors import PipelineError
from worker.core.types import CleanedDoc, RawArticle


@dataclass(frozen=True, slots=True, eq=False)
class Page:
    """An input read once: its lxml tree (HTML) or its normalized lines (dump).

    `fingerprints` are its raw lines' fingerprints, for per-site boilerplate
    learning: taken from the whole page, not from the cleaned body, because a
    line dropped as known boilerplate must keep being counted. An HTML page
    that does not parse has no tree and no fingerprints. The tree is not
    picklable: read a page in the process that cleans it.
    """

    raw: RawArticle
    tree: HtmlElement | None  # HTML input (None: it does not parse)
    dump: Dump | None  # text dump input
    fingerprints: tuple[str, ...]


def read_page(raw: RawArticle) -> Page:
    """Parse the page (or read the dump) once; never raises for a bad page."""
    if raw.html is not None:
        tree = parse_html(raw.html)
        return Page(raw, tree, None, html_fingerprints(tree))
    dump = read_dump(raw.text or "")
    return Page(raw, None, dump, dump_fingerprints(dump))


def clean(page: Page, boilerplate: frozenset[str] = frozenset()) -> CleanedDoc:
    """Clean one article read by `read_page`; raises `PipelineError("clean", "no_body")`
    when no body is left. A page can be cleaned more than once: it is not modified.

    `boilerplate` holds the line fingerprints learned as the article's site's own.
    """
    raw = page.raw
    if page.dump is None:
        doc = clean_html(page.tree, url=raw.url, boilerplate=boilerplate)
    else:
        doc = clean_text_dump(page.dump, boilerplate, _kind(raw))
    if not doc.body.strip():
        raise PipelineError("clean", "no_body", "cleaning left no article body")
    published = normalize_published_at(raw.published_at)
    return dataclasses.replace(
        doc,
        title=normalize_text(raw.title) if raw.title else doc.title,
        byline=normalize_text(raw.byline) if raw.byline else doc.byline,
        authors=tuple(normalize_text(name) for name in raw.authors),
        modified_at=normalize_published_at(raw.modified_at),
        description=normalize_text(raw.description) if raw.description else None,
        published_at=published or doc.published_at,
        published_at_source="envelope" if published else doc.published_at_source,
        language=(raw.language or doc.language or None),
        content_kind_source="envelope" if raw.content_kind else "inferred",
    )


def _kind(raw: RawArticle) -> str | None:
    """What the producer says its text is; a title beside the text says "article":
    whoever sends a title has extracted the page already."""
    if raw.content_kind is None and raw.title:
        return "article"
    return raw.content_kind


def normalize_published_at(value: str | None) -> str | None:
    """ISO 8601 form of an envelope date, or None when it is not a date we can read.

    A date-only value stays a date (no invented midnight); a datetime keeps its
    offset when it has one. Besides ISO 8601, the RFC 2822 form some pages put in
    their JSON-LD ("19 Nov 2019 07:09 GMT") is read. Unreadable values are
    dropped rather than guessed.
    """
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None
