"""The JSON that producers' tools write is an envelope as it is (issue 13, item 1).

The article is the Al Jazeera dev page of the fixtures: trafilatura's JSON is
its real output on that HTML; the schema.org object is the page's own JSON-LD
(plus the `articleBody` the page leaves out); news-please and newspaper4k
records carry those tools' keys, filled with the page's values (newspaper4k
itself cannot be a dev dependency: it requires python-dateutil < 3, and the
worker pins 4.0).
"""

from __future__ import annotations

import gzip
import json
import re
from typing import Any

import orjson
import pytest
import trafilatura

from tests.conftest import FIXTURES, validate
from worker.core import Core, CoreConfig, Input, Limits, Origin
from worker.core.decode import decode, peek_envelope

CORE = Core(CoreConfig(Limits(), "x", 10_000))
HTML = gzip.decompress((FIXTURES / "html_en_aljazeera.html.gz").read_bytes()).decode("utf-8")
URL = (
    "https://www.aljazeera.com/ajimpact/"
    "nasas-commercial-moon-shot-musk-bezos-firms-bid-191119041538885.html"
)
TITLE = "NASA's commercial moon shot: Musk's and Bezos's firms to bid"  # quotes normalized
FIRST = "Washington, DC, United States: Getting to the Moon"
_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.S)


def _trafilatura() -> dict[str, Any]:
    out = trafilatura.extract(HTML, output_format="json", with_metadata=True, url=URL)
    assert out is not None
    doc: dict[str, Any] = json.loads(out)
    return doc


BODY = _trafilatura()["text"]


def _cleaned(envelope: dict[str, Any]) -> dict[str, Any]:
    ((output,),) = CORE.clean(
        [Input(orjson.dumps(envelope), Origin(path="t"))], {}, now="2026-01-01T00:00:00Z"
    ).outputs
    record: dict[str, Any] = orjson.loads(output.value)
    assert output.kind == "cleaned", record
    validate("articles.cleaned", record)
    return record


def _news_please() -> dict[str, Any]:
    return {
        "authors": ["Laura Winter", "Jane Doe"],
        "date_download": "2019-11-20 10:00:00",
        "date_modify": "2019-11-19 08:00:00",
        "date_publish": "2019-11-19 07:09:00",
        "description": "NASA's sights are set on landing on our Moon and Mars.",
        "filename": "https%3A%2F%2Fwww.aljazeera.com%2Fajimpact.json",
        "image_url": "https://www.aljazeera.com/mritems/Images/2019/11/19/a9cf.jpg",
        "language": "en",
        "localpath": None,
        "maintext": BODY,
        "source_domain": "www.aljazeera.com",
        "text": None,
        "title": TITLE,
        "title_page": None,
        "title_rss": None,
        "url": URL,
    }


def _newspaper4k() -> dict[str, Any]:
    return {
        "url": URL,
        "read_more_link": "",
        "language": "en",
        "title": TITLE,
        "top_image": "https://www.aljazeera.com/mritems/Images/2019/11/19/a9cf.jpg",
        "meta_img": "https://www.aljazeera.com/mritems/Images/2019/11/19/a9cf.jpg",
        "images": [],
        "movies": [],
        "keywords": ["moon", "nasa"],
        "meta_keywords": ["NASA", "Moon"],
        "tags": [],
        "authors": ["Laura Winter"],
        "publish_date": "2019-11-19T07:09:00+00:00",
        "summary": "",
        "meta_description": "NASA's sights are set on landing on our Moon and Mars.",
        "meta_lang": "en",
        "meta_favicon": "",
        "meta_site_name": "Al Jazeera",
        "canonical_link": URL,
        "text": BODY,
    }


def _schema_org() -> dict[str, Any]:
    (ld,) = (json.loads(m.group(1)) for m in _LD.finditer(HTML))
    assert ld["@type"] == "NewsArticle" and "articleBody" not in ld
    return {**ld, "articleBody": BODY}


def _assert_article(event: dict[str, Any], *, site: str, byline: str, published: str) -> None:
    assert event["title"] == TITLE
    assert event["published_at"] == published
    assert event["published_at_source"] == "envelope"
    assert event["url"] == URL
    assert event["site"] == site
    assert event["byline"] == byline
    assert event["body"].startswith(FIRST)
    assert event["body"].count("\n\n") == BODY.count("\n")  # kept whole: one paragraph a line
    assert event["content_kind"] == "article"


def test_trafilatura_json_output() -> None:
    doc = _trafilatura()
    assert doc["source"] == URL and doc["id"] is None  # its `source` is the page URL
    event = _cleaned(doc)
    _assert_article(event, site="aljazeera.com", byline="Laura Winter", published="2019-11-19")
    assert event["authors"] == ["Laura Winter"]
    assert event["description"].startswith("NASA's sights are set")
    assert {"categories", "tags", "source-hostname", "fingerprint"} <= set(event["extra"])
    assert not {"source", "raw_text", "text", "title", "author"} & set(event["extra"])


def test_trafilatura_joins_several_authors_with_semicolons() -> None:
    raw = decode(
        orjson.dumps({**_trafilatura(), "author": "Laura Winter; Jane Doe"}),
        default_id="d",
        max_bytes=10**7,
    )
    assert raw.authors == ("Laura Winter", "Jane Doe")
    assert raw.byline == "Laura Winter, Jane Doe"


def test_news_please_record() -> None:
    validate("articles.raw", {k: v for k, v in _news_please().items() if v is not None})
    event = _cleaned(_news_please())
    _assert_article(
        event,
        site="www.aljazeera.com",
        byline="Laura Winter, Jane Doe",
        published="2019-11-19T07:09:00",
    )
    assert event["authors"] == ["Laura Winter", "Jane Doe"]
    assert event["modified_at"] == "2019-11-19T08:00:00"
    assert event["fetched_at"] == "2019-11-20 10:00:00"
    assert event["language"] == "en"
    assert {"image_url", "filename", "title_rss"} <= set(event["extra"])


def test_newspaper4k_article_dict() -> None:
    validate("articles.raw", _newspaper4k())
    event = _cleaned(_newspaper4k())
    _assert_article(
        event, site="Al Jazeera", byline="Laura Winter", published="2019-11-19T07:09:00+00:00"
    )
    assert event["description"] == "NASA's sights are set on landing on our Moon and Mars."
    assert {"top_image", "keywords", "canonical_link"} <= set(event["extra"])


def test_schema_org_news_article_from_the_page() -> None:
    validate("articles.raw", _schema_org())
    event = _cleaned(_schema_org())
    # the page writes its dates in RFC 2822 form ("19 Nov 2019 07:09 GMT")
    _assert_article(
        event, site="Al Jazeera", byline="Laura Winter", published="2019-11-19T07:09:00+00:00"
    )
    assert event["modified_at"] == "2019-11-19T05:44:00+00:00"
    assert event["description"].startswith("NASA's sights are set")
    assert {"@context", "@type", "image"} <= set(event["extra"])


@pytest.mark.parametrize(
    ("author", "names"),
    [
        ("Laura Winter", ("Laura Winter",)),
        ({"@type": "Person", "name": "Laura Winter"}, ("Laura Winter",)),
        ([{"name": "Laura Winter"}, {"name": "Jane Doe"}], ("Laura Winter", "Jane Doe")),
        (["Laura Winter", "Jane Doe", "Laura Winter"], ("Laura Winter", "Jane Doe")),
        ([{"@type": "Organization"}], ()),
    ],
)
def test_schema_org_authors_in_any_shape(author: Any, names: tuple[str, ...]) -> None:
    payload = orjson.dumps({"headline": "T", "articleBody": "Body.", "author": author})
    raw = decode(payload, default_id="d", max_bytes=10**6)
    assert raw.authors == names
    assert raw.byline == (", ".join(names) or None)
    assert ("author" in raw.extra) == (not names)  # what we cannot read stays in extra


def test_our_own_keys_win_over_a_formats_spellings() -> None:
    payload = orjson.dumps(
        {
            "text": "Body.",
            "source": "example.org",
            "hostname": "other.example",
            "byline": "By L. Winter",
            "author": "Laura Winter",
            "url": "https://example.org/a",
            "mainEntityOfPage": "https://example.org/b",
        }
    )
    raw = decode(payload, default_id="d", max_bytes=10**6)
    assert (raw.source, raw.url, raw.byline) == (
        "example.org",
        "https://example.org/a",
        "By L. Winter",
    )
    assert raw.authors == ("Laura Winter",)
    assert {"hostname", "mainEntityOfPage"} <= set(raw.extra)


def test_peek_reads_a_formats_envelope_as_decode_does() -> None:
    peeked = peek_envelope(orjson.dumps(_trafilatura()))
    assert (peeked["url"], peeked["source"], peeked["title"]) == (
        URL,
        "aljazeera.com",
        "NASA’s commercial moon shot: Musk's and Bezos's firms to bid",
    )
    assert "authors" not in peeked and peeked["byline"] == "Laura Winter"


def test_schema_org_article_inside_a_json_ld_graph() -> None:
    ld = {k: v for k, v in _schema_org().items() if k != "@context"}
    ld["@type"] = ["NewsArticle"]
    page = {"@type": "WebPage", "@id": URL, "name": "Al Jazeera"}
    document = {"@context": "https://schema.org", "@graph": [page, ld]}
    event = _cleaned(document)
    _assert_article(
        event, site="Al Jazeera", byline="Laura Winter", published="2019-11-19T07:09:00+00:00"
    )
    assert event["extra"]["@graph"] == [page]
    assert peek_envelope(orjson.dumps(document))["url"] == URL
