"""Publication date from all the evidence: URL, declared dates, dateline, htmldate.

Each page is a short head and article header shaped like the real pages the
rule comes from (news sites, CMS blogs, wire stories); htmldate runs for real.
"""

from __future__ import annotations

import json

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from worker.core.cleaning.published import publication_date

STORY = "<p>" + "The council met on Tuesday and voted on the budget for next year. " * 3 + "</p>"


def page(head: str = "", header: str = "<h1>Council approves the budget</h1>") -> HtmlElement:
    tree = load_html(
        f"<html><head><title>Council approves the budget</title>{head}</head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><header>{header}</header>{STORY}</article></body></html>"
    )
    assert tree is not None
    return tree


def meta(name: str, content: str, attribute: str = "property") -> str:
    return f'<meta {attribute}="{name}" content="{content}">'


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_url_date_that_the_markup_repeats_is_taken() -> None:
    tree = page(meta("article:published_time", "2020-12-24T10:00:00+01:00"))
    url = "https://www.sudinfo.be/id300074/article/2020-12-24/il-brise-le-couvre-feu"
    assert publication_date(tree, url, "2020-12-25") == "2020-12-24"


def test_url_date_comes_before_a_declared_date() -> None:
    tree = page(meta("article:published_time", "2020-02-20T10:00:00+08:00"))
    url = "http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm"
    assert publication_date(tree, url, None) == "2020-02-19"


def test_dateline_that_a_modification_date_confirms_is_the_page_date() -> None:
    # The page prints its update under the headline; readers know it by that day.
    data = {
        "@type": "Article",
        "datePublished": "2019-10-15T16:59:59.000Z",
        "dateModified": "2020-03-12T14:42:17.000Z",
    }
    header = "<h1>Council approves the budget</h1><div>Updated Mar 12, 2020 @ 10:42 am</div>"
    assert publication_date(page(json_ld(data), header), None, "2019-10-15") == "2020-03-12"


def test_dateline_without_any_declared_date() -> None:
    header = "<h1>Council approves the budget</h1><p class='date'>27.01.2022</p>"
    assert publication_date(page(header=header), None, "2021-12-20") == "2022-01-27"


def test_spaced_german_dateline_is_read() -> None:
    header = (
        "<h1>Kohlmann nominiert zwei Neulinge</h1>"
        "<div>Von <span>Deutscher Tennis Bund</span> 4.&thinsp;2.&thinsp;2022.</div>"
    )
    assert publication_date(page(header=header), None, "2022-04-02") == "2022-02-04"


def test_date_inside_a_sentence_is_no_dateline_on_its_own() -> None:
    head = meta("date", "2022-01-26", "name")
    header = (
        "<h1>Radiobeitrag zum Blasius-Segen</h1>"
        "<p>Radiobeitrag vom 30.1.2022 von Annette Florin für Himmel und Erde in Audio</p>"
    )
    assert publication_date(page(head, header), None, "2022-01-26") == "2022-01-26"


def test_dateline_above_the_headline_beats_a_restamped_declaration() -> None:
    # Every field holds the last update's stamp; the header line holds the first day.
    stamp = "2020-01-20T09:49:32+0000"
    head = meta("og:article:published_time", stamp) + meta("og:article:modified_time", stamp)
    header = (
        '<div class="channel">Entertainment News</div>'
        "<div>January 19, 2020 / 12:25 PM / Updated 8 hours ago</div>"
        "<h1>Parasite scores historic upset at SAG awards</h1>"
    )
    assert publication_date(page(head, header), None, "2020-01-20") == "2020-01-19"


def test_today_in_the_navigation_is_no_dateline() -> None:
    tree = load_html(
        "<html><head><title>t</title></head><body>"
        "<nav><span>Mittwoch, 01. November 2023</span></nav>"
        f"<main><h1>Council approves the budget</h1>{STORY}</main></body></html>"
    )
    assert publication_date(tree, None, "2023-10-31") == "2023-10-31"


def test_hidden_date_is_no_dateline() -> None:
    head = meta("article:published_time", "2018-06-22T10:20:00+02:00")
    header = '<h1>Council approves the budget</h1><time class="hidden">2018-08-29 14:15:57</time>'
    assert publication_date(page(head, header), None, "2018-08-29") == "2018-06-22"


def test_headline_found_as_the_title_repeated_in_a_heading() -> None:
    tree = load_html(
        "<html><head><title>Kolumne: Queer Royal – Über Dragqueens</title></head><body>"
        "<div>Mittwoch, 01. November 2023</div>"
        "<h2>Kolumne: Queer Royal - Über Dragqueens</h2>"
        '<p><span class="text_datum">31. Oktober 2023.</span> Dragqueens sind Kunstfiguren.</p>'
        f"{STORY}</body></html>"
    )
    assert publication_date(tree, None, "2023-11-01") == "2023-10-31"


def test_htmldate_reading_the_same_generic_meta_is_no_second_witness() -> None:
    # A CMS `date` meta (the page record) against the item's datePublished:
    # htmldate reads the meta first, but that is still one kind of markup.
    head = meta("date", "2022-01-21T15:38:44+01:00", "name")
    header = (
        "<h1>Council approves the budget</h1>"
        f"<div>{STORY}</div>"
        '<span itemprop="datePublished" content="2022-01-27"></span>'
    )
    assert publication_date(page(head, header), None, "2022-01-21") == "2022-01-27"


def test_htmldate_day_shown_by_more_kinds_of_markup_wins() -> None:
    # The JSON-LD object's datePublished stands alone against a Dublin Core date
    # and the microdata of the article item, which htmldate also reads.
    head = meta("dc.date", "2021-03-02", "name") + json_ld(
        {"@type": "WebPage", "datePublished": "2015-06-01T08:00:00+02:00"}
    )
    header = (
        "<h1>Council approves the budget</h1>"
        f"<div>{STORY}</div>"
        '<span itemprop="datePublished" content="2021-03-02"></span>'
    )
    assert publication_date(page(head, header), None, "2015-06-01") == "2021-03-02"


def test_publication_field_repeating_the_modification_stamp_counts_for_less() -> None:
    stamp = "2020-10-01T12:00:00+00:00"
    head = (
        meta("date", "2016-08-29", "name")
        + meta("article:published_time", stamp)
        + meta("article:modified_time", stamp)
    )
    assert publication_date(page(head), None, "2020-10-01") == "2016-08-29"


def test_modification_day_htmldate_picks_does_not_displace_the_declared_date() -> None:
    head = meta("article:modified_time", "2018-08-29T14:15:57+02:00", "name")
    header = (
        "<h1>Council approves the budget</h1>"
        f"<div>{STORY}</div>"
        '<span itemprop="datePublished" content="2018-06-22"></span>'
    )
    assert publication_date(page(head, header), None, "2018-08-29") == "2018-06-22"


def test_timezone_only_disagreement_keeps_the_publisher_day() -> None:
    head = meta("article:published_time", "2020-12-24T23:59:50+00:00") + json_ld(
        {"@type": "NewsArticle", "datePublished": "2020-12-25T01:59:50+02:00"}
    )
    assert publication_date(page(head), None, "2020-12-24") == "2020-12-25"


def test_dates_of_a_comment_item_are_not_the_page_date() -> None:
    header = (
        "<h1>Council approves the budget</h1>"
        f"<div>{STORY}</div>"
        '<div itemscope itemtype="https://schema.org/Comment">'
        '<span itemprop="datePublished" content="2019-02-01"></span></div>'
    )
    assert publication_date(page(header=header), None, "2018-11-05") == "2018-11-05"
