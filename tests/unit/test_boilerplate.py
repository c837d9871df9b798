"""Per-site boilerplate learning: recurring site lines leave the body, article text never does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worker.core.cleaning.boilerplate import SiteBoilerplate, line_fingerprint
from worker.core.cleaning.dump import clean_text_dump, dump_fingerprints, read_dump
from worker.core.cleaning.html import clean_html, html_fingerprints, parse_html
from worker.core.cleaning.normalize import normalize_text
from worker.settings import Settings

FIXTURES = Path(__file__).parent.parent / "fixtures"
ARTICLES = 6
PARAGRAPHS_PER_ARTICLE = 3
MIN_ARTICLES = 3
CAPACITY = Settings().boilerplate_capacity

# One site's chrome, chosen so that the line classifier alone keeps it in the
# body: a nav label between paragraphs reads as a subheading, the prompts are
# plain sentences without any known boilerplate phrase.
MASTHEAD = ["The Harbour Gazette", "Home World Business Opinion Culture"]
PROMPT = (
    "Independent reporting like this is only possible because our readers pay for it every month."
)
LABEL = "Listen to this story"
FOOTER = (
    "The Harbour Gazette has reported on the city and the wider world since 1921 for its readers."
)
IN_BODY = (PROMPT, LABEL, FOOTER)


def real_articles() -> list[list[str]]:
    """Articles of real paragraphs from the dumps in the fixtures, one language each.

    Paragraphs are the long sentence lines of a dump (captions end with a credit).
    """
    articles: list[list[str]] = []
    for name in ("000_d59a720f40c57080.txt", "dump_de_comwrap_excerpt.txt"):
        text = normalize_text((FIXTURES / name).read_text(encoding="utf-8"))
        paragraphs = [
            line
            for line in text.split("\n")
            if len(line.split()) >= 25 and line.endswith(".") and "icon" not in line
        ]
        size = PARAGRAPHS_PER_ARTICLE
        articles += [paragraphs[i : i + size] for i in range(0, len(paragraphs) - size + 1, size)]
    return articles


def site_dumps() -> list[tuple[str, list[str]]]:
    """Dumps of one site: each article's own paragraphs wrapped in the same chrome."""
    articles = real_articles()
    assert len(articles) >= ARTICLES
    return [
        ("\n".join([*MASTHEAD, own[0], PROMPT, own[1], LABEL, own[2], FOOTER]), own)
        for own in articles[:ARTICLES]
    ]


def test_site_lines_leave_the_body_after_a_few_articles_and_paragraphs_stay() -> None:
    site = SiteBoilerplate(capacity=CAPACITY)
    bodies = []
    for dump, own in site_dumps():
        doc = clean_text_dump(read_dump(dump), site.known(min_articles=MIN_ARTICLES))
        site.observe(dump_fingerprints(read_dump(dump)))
        bodies.append(doc.body.split("\n\n"))
        assert all(paragraph in bodies[-1] for paragraph in own)
    assert all(line in bodies[0] for line in IN_BODY)  # the classifier alone keeps them
    for body in bodies[MIN_ARTICLES:]:
        assert not any(line in body for line in IN_BODY)


def site_page(own: list[str]) -> str:
    """One site's HTML page: its chrome, and a prompt and footer line inside the article."""
    paragraphs = "".join(f"<p>{text}</p>" for text in (own[0], PROMPT, *own[1:], FOOTER))
    return (
        f"<html><head><title>{MASTHEAD[0]}</title></head><body>"
        f"<header><h2>{MASTHEAD[0]}</h2><nav><a href='/'>{MASTHEAD[1]}</a></nav></header>"
        f"<main><article>{paragraphs}</article></main></body></html>"
    )


def test_site_paragraphs_leave_an_html_body_after_a_few_pages() -> None:
    site = SiteBoilerplate(capacity=CAPACITY)
    bodies = []
    for own in real_articles()[:ARTICLES]:
        html = site_page(own)
        doc = clean_html(parse_html(html), "https://harbour-gazette.example/news/1", site.known())
        site.observe(html_fingerprints(parse_html(html)))
        bodies.append(doc.body.split("\n\n"))
        assert all(paragraph in bodies[-1] for paragraph in own)
    assert PROMPT in bodies[0] and FOOTER in bodies[0]  # the extractor alone keeps them
    for body in bodies[MIN_ARTICLES:]:
        assert PROMPT not in body and FOOTER not in body


def test_a_line_is_known_only_when_most_articles_have_it() -> None:
    site = SiteBoilerplate(capacity=CAPACITY)
    for index in range(4):
        site.observe(["menu", f"paragraph {index}", *(["quote"] if index < 2 else [])])
    assert site.known(min_articles=3) == {"menu"}
    for index in range(4, 12):  # the menu is gone from the new design
        site.observe(["new menu", f"paragraph {index}"])
    assert site.known(min_articles=3, min_share=0.5) == {"new menu"}


def test_an_article_seen_twice_is_counted_once() -> None:
    site = SiteBoilerplate(capacity=CAPACITY)
    for _ in range(3):
        site.observe(["menu", "the same paragraph"])
    assert site.articles == 1
    assert site.known(min_articles=2) == frozenset()


def test_state_stays_bounded_and_keeps_the_recurring_lines() -> None:
    capacity = 50
    site = SiteBoilerplate(capacity=capacity)
    for index in range(200):
        site.observe(["menu", "footer", *(f"article {index} line {n}" for n in range(20))])
        assert len(site.counts) <= capacity
    assert site.known() == {"menu", "footer"}
    assert site.counts["menu"] == 200


def test_state_round_trips_through_json() -> None:
    site = SiteBoilerplate(capacity=10)
    site.observe(["menu", "a"])
    site.observe(["menu", "b"])
    restored = SiteBoilerplate.from_dict(json.loads(json.dumps(site.to_dict())))
    assert restored == site
    restored.observe(["menu", "a"])  # still remembered as already seen
    assert restored.articles == 2


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("© 2023 Example News. All rights reserved.", "© 2024 example news.  All Rights Reserved."),
        ("12 Comments", "3 comments"),
    ],
)
def test_fingerprint_ignores_case_spacing_and_numbers(one: str, other: str) -> None:
    assert line_fingerprint(one) == line_fingerprint(other)


def test_fingerprint_tells_different_lines_apart() -> None:
    assert line_fingerprint("Home World Business") != line_fingerprint("Home World Sport")
