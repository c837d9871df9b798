"""Publication dates of HTML pages: URL, declared metadata, htmldate; the publisher's day."""

from __future__ import annotations

import json

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from worker.core.cleaning.published import publication_date

NAV_TODAY = '<nav><time class="today">Samstag, 19. Oktober 2019</time></nav>'


def page(head: str = "", body: str = "") -> HtmlElement:
    tree = load_html(
        f"<html><head><title>t</title>{head}</head><body>{NAV_TODAY}"
        f"<article><h1>Headline</h1>{body}<p>Some article text.</p></article></body></html>"
    )
    assert tree is not None
    return tree


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_declared_date_beats_the_heuristic_guess() -> None:
    tree = page('<meta property="article:published_time" content="2019-10-18T17:08:11+02:00">')
    assert publication_date(tree, "https://example.com/a/1", "2019-10-19") == "2019-10-18"


def test_without_declared_date_the_heuristic_guess_is_kept() -> None:
    assert publication_date(page(), "https://example.com/a/1", "2019-10-19") == "2019-10-19"
    assert publication_date(page(), None, None) is None


def test_url_date_comes_first() -> None:
    tree = page('<meta property="article:published_time" content="2019-06-17T18:28:00+02:00">')
    url = "https://www.example.de/home/2017/7/12/unter-uns"
    assert publication_date(tree, url, None) == "2017-07-12"
    assert publication_date(tree, "https://example.com/2019/13/40/x", None) == "2019-06-17"


def test_json_ld_article_date_not_that_of_an_embedded_video() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "VideoObject", "datePublished": "2023-06-08T15:50:19-04:00"},
            {"@type": "NewsArticle", "datePublished": "2023-11-09T03:02:34-05:00"},
        ],
    }
    assert publication_date(page(json_ld(data)), None, "2023-11-08") == "2023-11-09"


def test_non_iso_declared_dates_are_read() -> None:
    data = {"@type": "Article", "datePublished": "Tue, Sep 15 2020 10:01:41 EDT"}
    assert publication_date(page(json_ld(data)), None, "2020-05-20") == "2020-09-15"
    itemprop = '<span itemprop="datePublished">2022-01-14 10:31:00</span>'
    assert publication_date(page(body=itemprop), None, "2022-01-21") == "2022-01-14"


def test_utc_timestamp_is_read_in_the_offset_the_page_shows() -> None:
    head = (
        '<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">'
        '<meta property="article:modified_time" content="2023-11-08T23:10:51-05:00">'
    )
    assert publication_date(page(head), None, None) == "2023-11-08"


def test_utc_timestamp_is_read_in_the_local_time_the_page_prints() -> None:
    head = '<meta property="article:published_time" content="2023-11-09T05:30:59+00:00">'
    body = '<time datetime="2023-11-08 23:30:59">November 8, 2023 at 11:30 p.m.</time>'
    assert publication_date(page(head, body), None, None) == "2023-11-08"


def test_utc_timestamp_stays_utc_when_the_page_shows_no_other_time() -> None:
    head = '<meta property="article:published_time" content="2020-08-25T00:23:33.312Z">'
    body = '<time datetime="2020-08-25T01:00:00">1 h</time>'  # not the same moment
    assert publication_date(page(head, body), None, None) == "2020-08-25"


def test_future_and_implausible_dates_are_not_declared_dates() -> None:
    head = '<meta property="article:published_time" content="2999-01-01T00:00:00+00:00">'
    assert publication_date(page(head), None, "2020-01-01") == "2020-01-01"
