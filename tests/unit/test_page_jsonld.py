"""A page's embedded schema.org JSON-LD: its author is the byline, its publisher the site.

Both dev pages embed a NewsArticle node (AutoIndustriya's with raw newlines in
its strings, as pages often do): `"author": {"name": "Jose Altoveros"}`,
`"publisher": {"name": "AutoIndustriya.com"}`; Al Jazeera's names "Laura
Winter" and "Al Jazeera".
"""

from __future__ import annotations

import orjson
import pytest

from tests.archives import AL_JAZEERA, AUTOINDUSTRIYA
from worker.core import Core, CoreConfig, Input, Limits, Origin
from worker.core.cleaning.html import parse_html
from worker.core.cleaning.jsonld import page_publisher

CORE = Core(CoreConfig(Limits(), "x", 10_000))


def _cleaned(envelope: dict[str, str]) -> dict[str, object]:
    ((output,),) = CORE.clean(
        [Input(orjson.dumps(envelope), Origin(path="t"))], {}, now="2026-01-01T00:00:00Z"
    ).outputs
    record: dict[str, object] = orjson.loads(output.value)
    return record


@pytest.mark.parametrize(
    ("html", "byline", "publisher"),
    [
        (AUTOINDUSTRIYA.html, "Jose Altoveros", "AutoIndustriya.com"),
        (AL_JAZEERA.html, "Laura Winter", "Al Jazeera"),
    ],
)
def test_byline_and_site_of_a_page(html: bytes, byline: str, publisher: str) -> None:
    assert page_publisher(parse_html(html.decode())) == publisher
    event = _cleaned({"id": "p", "html": html.decode()})
    assert (event["byline"], event["site"]) == (byline, publisher)


def test_the_envelope_names_the_site_first() -> None:
    event = _cleaned({"id": "p", "html": AUTOINDUSTRIYA.html.decode(), "source": "autoindustriya"})
    assert event["site"] == "autoindustriya"


@pytest.mark.parametrize(
    "ld",
    [
        '{"@type": "WebPage", "publisher": {"name": "Not an article"}}',
        '{"@type": "NewsArticle", "publisher": "https://example.org/"}',  # a URL is no name
        '{"@type": "NewsArticle", "publisher": {"@id": "#org"}}',  # a reference to nothing
        '{"@type": "NewsArticle", "publisher": ',  # broken JSON
    ],
)
def test_no_site_without_an_article_publisher_name(ld: str) -> None:
    html = f'<html><head><script type="application/ld+json">{ld}</script></head><body/></html>'
    assert page_publisher(parse_html(html)) is None


def test_a_publisher_referenced_by_id_in_a_graph() -> None:
    ld = orjson.dumps(
        {
            "@graph": [
                {"@type": "Organization", "@id": "#org", "name": "Example News"},
                {"@type": ["Article", "NewsArticle"], "publisher": {"@id": "#org"}},
            ]
        }
    ).decode()
    html = f'<html><head><script type="application/ld+json">{ld}</script></head><body/></html>'
    assert page_publisher(parse_html(html)) == "Example News"
