"""WARC/ARC archives: one raw envelope per archived page, everything else skipped and counted.

The archives are written by warcio's own writer (`bench.archives`) from two real
dev pages (Al Jazeera, AutoIndustriya) with their HTTP headers, next to the
records a crawl also holds: warcinfo, requests, a redirect, an image,
robots.txt and metadata.
"""

from __future__ import annotations

import gzip
import io
from collections import Counter
from pathlib import Path

import orjson
import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bench.archives import OTHER_RECORDS, Page
from tests.archives import AL_JAZEERA, AUTOINDUSTRIYA, PAGES, crawl
from tests.conftest import validate
from worker.core import Input
from worker.tools.inputs import read_inputs
from worker.tools.warc import archive_inputs


def _response_ids(path: Path) -> list[str]:
    """The WARC-Record-IDs of the archive's 200 HTML responses, as warcio reads them."""
    with path.open("rb") as fh:
        return [
            r.rec_headers.get_header("WARC-Record-ID").strip("<>")
            for r in ArchiveIterator(fh)
            if r.rec_type == "response"
            and r.http_headers.get_statuscode() == "200"
            and "html" in (r.http_headers.get_header("Content-Type") or "")
        ]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_one_envelope_per_html_response_and_the_rest_counted(tmp_path: Path, name: str) -> None:
    path = crawl(tmp_path, PAGES, name)
    skipped: Counter[str] = Counter()
    items = list(read_inputs([str(path)], 10**7, skipped))

    docs = [orjson.loads(i.payload) for i in items]
    assert [d["url"] for d in docs] == [p.url for p in PAGES]
    assert [d["id"] for d in docs] == [i.default_id for i in items] == _response_ids(path)
    assert all(d["fetched_at"] == "2019-11-20T10:00:00Z" for d in docs)
    assert docs[0]["html"] == AL_JAZEERA.html.decode("utf-8")
    assert set(docs[0]) == {"id", "url", "fetched_at", "html"}  # our raw envelope, nothing new
    for doc in docs:
        validate("articles.raw", doc)
    assert skipped == Counter(OTHER_RECORDS) + Counter({"record:request": len(PAGES)})


def test_the_http_charset_decodes_the_page(tmp_path: Path) -> None:
    """A cp1252 page whose <meta> wrongly says utf-8: the HTTP header is right, and wins."""
    text = AUTOINDUSTRIYA.html.decode("utf-8")
    assert "’" in text and '<meta charset="utf-8">' in text
    page = Page(AUTOINDUSTRIYA.url, text.encode("cp1252", errors="replace"), "windows-1252")
    (item,) = read_inputs([str(crawl(tmp_path, [page]))], 10**7)
    html = orjson.loads(item.payload)["html"]
    assert html == text.encode("cp1252", errors="replace").decode("cp1252")
    assert "’" in html and "\ufffd" not in html


def test_a_page_without_a_charset_is_read_as_a_raw_message(tmp_path: Path) -> None:
    page = Page(AL_JAZEERA.url, AL_JAZEERA.html, charset=None)
    (item,) = read_inputs([str(crawl(tmp_path, [page]))], 10**7)
    assert orjson.loads(item.payload)["html"] == AL_JAZEERA.html.decode("utf-8")


def test_an_oversize_page_is_skipped_and_counted(tmp_path: Path) -> None:
    limit = 70_000  # the limit applies to the envelope, a few % above the page's size
    assert len(AL_JAZEERA.html) < 60_000 and len(AUTOINDUSTRIYA.html) > limit
    skipped: Counter[str] = Counter()
    items = list(read_inputs([str(crawl(tmp_path, PAGES))], limit, skipped))
    assert [orjson.loads(i.payload)["url"] for i in items] == [AL_JAZEERA.url]
    assert skipped["too_large"] == 1


def _records(records: list[tuple[str, str, bytes]]) -> io.BytesIO:
    """A WARC of (type, content type, content) records without HTTP headers."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for number, (kind, content_type, content) in enumerate(records):
        url = f"https://example.org/{number}"
        writer.write_record(
            writer.create_warc_record(
                url,
                kind,
                payload=io.BytesIO(content),
                warc_content_type=content_type,
                warc_headers_dict={"WARC-Date": "2024-05-01T00:00:00Z"},
            )
        )
    out.seek(0)
    return out


def test_wet_conversion_and_html_resource_records_are_pages() -> None:
    text = "Lexus wants you to go topless\nThe 2020 LC500 Convertible is here."
    archive = _records(
        [
            ("conversion", "text/plain", text.encode()),
            ("resource", "text/html", AL_JAZEERA.html),
            ("resource", "image/jpeg", b"\xff\xd8\xff\xe0"),
        ]
    )
    skipped: Counter[str] = Counter()
    wet, page = (orjson.loads(i.payload) for i in archive_inputs(archive, "a", 10**7, skipped))
    assert wet == {
        "id": wet["id"],
        "url": "https://example.org/0",
        "fetched_at": "2024-05-01T00:00:00Z",
        "text": text,
        "content_kind": "page",  # a WET record is the text of a whole page
    }
    validate("articles.raw", wet)
    assert page["url"] == "https://example.org/1" and page["html"] == AL_JAZEERA.html.decode()
    assert skipped == Counter({"type:image/jpeg": 1})


def test_an_arc_file_is_read_too(tmp_path: Path) -> None:
    """ARC v1 (the Internet Archive's older format): warcio reads it as WARC responses."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + AL_JAZEERA.html
    filedesc = b"1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n"
    header = f"filedesc://crawl.arc 0.0.0.0 20191120100000 text/plain {len(filedesc)}\n"
    record = f"{AL_JAZEERA.url} 1.2.3.4 20191120100000 text/html {len(http)}\n".encode()
    path = tmp_path / "crawl.arc.gz"
    with path.open("wb") as fh:  # one gzip member per record, as .arc.gz files are
        for part in (header.encode() + filedesc, record + http):
            fh.write(gzip.compress(part + b"\n"))
    skipped: Counter[str] = Counter()
    items = list(read_inputs([str(path)], 10**7, skipped))
    docs = [orjson.loads(i.payload) for i in items]
    assert [(d["url"], d["fetched_at"]) for d in docs] == [(AL_JAZEERA.url, "2019-11-20T10:00:00Z")]
    again = [i.default_id for i in read_inputs([str(path)], 10**7)]
    assert again == [docs[0]["id"]]  # ARC has no record ids: ours is the same every read
    assert skipped == Counter({"record:arc_header": 1})


def test_an_archive_on_stdin_streams_as_from_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = crawl(tmp_path, PAGES)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    skipped: Counter[str] = Counter()
    items: list[Input] = list(read_inputs(["-"], 10**7, skipped))
    assert [i.default_id for i in items] == _response_ids(path)
    assert skipped["status:301"] == 1


def test_a_gzip_encoded_chunked_body_is_inflated_and_an_unknown_encoding_skipped() -> None:
    """What wget stores: the body as the server sent it, compressed and chunked."""
    body = gzip.compress(AL_JAZEERA.html)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, encoding, payload in [
        (AL_JAZEERA.url, "gzip", chunked),
        ("https://example.org/br", "br", b"\x1b\x03\x00"),
        ("https://example.org/zz", "x-unknown", b"\x00\x01"),
    ]:
        headers = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", encoding),
            ("Transfer-Encoding", "chunked" if encoding == "gzip" else "identity"),
        ]
        http = StatusAndHeaders("200 OK", headers, "HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=http
            )
        )
    out.seek(0)
    skipped: Counter[str] = Counter()
    (item,) = archive_inputs(out, "a", 10**7, skipped)
    assert orjson.loads(item.payload)["html"] == AL_JAZEERA.html.decode()
    assert skipped["encoding:x-unknown"] == 1
    assert skipped["encoding:br"] == (
        0 if "br" in BufferedReader.get_supported_decompressors() else 1
    )


def test_a_file_that_is_no_archive_is_counted_and_the_next_one_read(tmp_path: Path) -> None:
    (tmp_path / "a.warc").write_bytes(bytes(range(256)) * 4)
    archive = crawl(tmp_path, PAGES, "b.warc.gz")
    skipped: Counter[str] = Counter()
    items = list(read_inputs([str(tmp_path / "a.warc"), str(archive)], 10**7, skipped))
    assert skipped["invalid_archive"] == 1
    assert [orjson.loads(i.payload)["url"] for i in items] == [p.url for p in PAGES]
