"""WARC and ARC archives → raw envelopes, one per archived page, read as a stream.

Crawlers (Heritrix, Browsertrix, `wget --warc-file`, Common Crawl's CC-NEWS)
store what they fetched as WARC records. A `response` or `resource` record
holding an HTML page becomes our JSON envelope (`url`, `fetched_at`, `html`),
a WET `conversion` record (the page's text) one with `text` and
`content_kind: page`. Everything else (requests, metadata, redirects, errors,
images, robots.txt, over-size pages) is skipped and counted by reason, so that
the caller can tell the user what was left out. warcio reads one record at a
time, inflating `.warc.gz` member by member, so memory does not grow with the
archive; a record's content is never read past the raw size limit.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from typing import IO, Any

import orjson
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.timeutils import timestamp_to_iso_date

from worker.core import Input, Origin, PipelineError, page_text

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_PAGE_RECORDS = ("response", "resource", "conversion")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPE = "text/plain"  # a WET conversion record's page text


def is_archive(name: str) -> bool:
    return name.endswith(ARCHIVE_SUFFIXES)


def archive_inputs(
    stream: IO[bytes], path: str, max_bytes: int, skipped: Counter[str]
) -> Iterator[Input]:
    """One raw message per page record of the archive `stream`; `skipped` counts the rest,
    and an archive that stops making sense as one (`invalid_archive`) is read no further."""
    try:
        yield from _pages(stream, path, max_bytes, skipped)
    except ArchiveLoadFailed:
        skipped["invalid_archive"] += 1


def _pages(stream: IO[bytes], path: str, max_bytes: int, skipped: Counter[str]) -> Iterator[Input]:
    for number, record in enumerate(ArchiveIterator(stream), start=1):
        reason = _not_a_page(record)
        if reason is None:
            content = record.content_stream().read(max_bytes + 1)
            envelope = _envelope(record, content) if content.strip() else b""
            reason = "too_large" if len(envelope) > max_bytes else None if envelope else "empty"
        if reason is not None:
            skipped[reason] += 1
            continue
        origin = Origin(path=path, line=number)  # `line`: the record's number in the archive
        yield Input(envelope, origin, _record_id(record))


def _not_a_page(record: ArcWarcRecord) -> str | None:
    """Why a record is not a page to send (`record:request`, `status:301`, ...), or None."""
    if record.rec_type not in _PAGE_RECORDS:
        return f"record:{record.rec_type}"
    url = _header(record, "WARC-Target-URI") or ""
    if url.split("?")[0].endswith("/robots.txt"):
        return "robots.txt"
    if record.rec_type == "response":
        reason = _not_an_ok_response(record)
        if reason:
            return reason
    media = _media_type(record)
    text_ok = record.rec_type == "conversion" and media == _TEXT_TYPE
    return None if media in _HTML_TYPES or text_ok else f"type:{media or 'none'}"


def _not_an_ok_response(record: ArcWarcRecord) -> str | None:
    """A response that is not a 200, or whose body warcio cannot inflate (brotli
    without the `brotli` package): sent as it is, it would be bytes, not a page."""
    if record.http_headers is None:
        return "not_http"
    status = record.http_headers.get_statuscode()
    if status != "200":
        return f"status:{status}"
    encoding = (record.http_headers.get_header("Content-Encoding") or "identity").lower()
    if encoding not in ("identity", *BufferedReader.get_supported_decompressors()):
        return f"encoding:{encoding}"
    return None


def _content_type(record: ArcWarcRecord) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return str(headers.get_header("Content-Type") or "")


def _media_type(record: ArcWarcRecord) -> str:
    return _content_type(record).split(";")[0].strip().lower()


def _charset(record: ArcWarcRecord) -> str | None:
    for part in _content_type(record).split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _header(record: ArcWarcRecord, name: str) -> str | None:
    """A WARC header, or its ARC counterpart (`uri`, `archive-date` as ISO 8601)."""
    headers = record.rec_headers
    if record.format != "arc":
        return headers.get_header(name)
    if name == "WARC-Date":
        stamp = headers.get_header("archive-date")
        return timestamp_to_iso_date(stamp) if stamp else None
    return headers.get_header("uri") if name == "WARC-Target-URI" else None


def _record_id(record: ArcWarcRecord) -> str:
    """`WARC-Record-ID` (`urn:uuid:...`); an ARC record has none, so its URL and date
    make one."""
    found = _header(record, "WARC-Record-ID")
    if found:
        return found.strip("<>")
    key = f"{_header(record, 'WARC-Target-URI')} {_header(record, 'WARC-Date')}"
    return "arc:" + hashlib.sha1(key.encode()).hexdigest()[:20]


def _envelope(record: ArcWarcRecord, content: bytes) -> bytes:
    """Our raw envelope for a page record; a page no text encoding fits is sent as its
    bytes, for the worker to dead-letter with its reason."""
    try:
        text, _ = page_text(content, _charset(record))
    except PipelineError:
        return content
    doc: dict[str, Any] = {
        "id": _record_id(record),
        "url": _header(record, "WARC-Target-URI"),
        "fetched_at": _header(record, "WARC-Date"),
    }
    if _media_type(record) == _TEXT_TYPE:
        doc.update(text=text, content_kind="page")
    else:
        doc["html"] = text
    return orjson.dumps({k: v for k, v in doc.items() if v})
