"""WARC archives of real pages, written with warcio's own writer (for tests and bench.formats).

What a crawler writes for each page it fetched: a `request` record and its
`response` (HTTP headers, HTML body); and, once per archive, the records a crawl
also holds that are not pages: `warcinfo`, a redirect, an image, robots.txt and
a `metadata` record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO
from typing import IO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FETCHED = "2019-11-20T10:00:00Z"
# The records a crawl holds besides its pages, by the reason `worker` skips them for.
OTHER_RECORDS = {
    "record:warcinfo": 1,
    "record:request": 1,  # the redirect's (each page's own request is counted apart)
    "record:metadata": 1,
    "status:301": 1,
    "type:image/png": 1,
    "robots.txt": 1,
}
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@dataclass(frozen=True)
class Page:
    url: str
    html: bytes
    charset: str | None = "utf-8"


def write_archive(out: IO[bytes], pages: Iterable[Page], *, gzip: bool = True) -> int:
    """Write a crawl of `pages` plus one of each `OTHER_RECORDS` to `out`; returns the
    number of pages written."""
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "bench"}))
    count = 0
    for page in pages:
        content_type = "text/html" + (f"; charset={page.charset}" if page.charset else "")
        _exchange(writer, page.url, "200 OK", [("Content-Type", content_type)], page.html)
        count += 1
    _exchange(
        writer,
        "https://example.org/old",
        "301 Moved Permanently",
        [("Location", "https://example.org/new")],
        b"",
    )
    _response(
        writer, "https://example.org/logo.png", "200 OK", [("Content-Type", "image/png")], PNG
    )
    _response(
        writer,
        "https://example.org/robots.txt",
        "200 OK",
        [("Content-Type", "text/plain")],
        b"User-agent: *\nDisallow:\n",
    )
    metadata = writer.create_warc_record(
        "https://example.org/old",
        "metadata",
        payload=BytesIO(b"outlinks: 1\n"),
        warc_content_type="application/warc-fields",
    )
    writer.write_record(metadata)
    return count


def _exchange(
    writer: WARCWriter, url: str, status: str, headers: list[tuple[str, str]], body: bytes
) -> None:
    request = StatusAndHeaders(
        "GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True
    )
    writer.write_record(
        writer.create_warc_record(url, "request", payload=BytesIO(b""), http_headers=request)
    )
    _response(writer, url, status, headers, body)


def _response(
    writer: WARCWriter, url: str, status: str, headers: list[tuple[str, str]], body: bytes
) -> None:
    http = StatusAndHeaders(status, [*headers, ("Content-Length", str(len(body)))], "HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": FETCHED},
    )
    writer.write_record(record)
