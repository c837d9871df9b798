"""clean_html on a real article page: body, metadata and captions, with no network."""

from __future__ import annotations

import gzip
import socket
from pathlib import Path

import pytest

from worker.core.cleaning.html import clean_html, parse_html
from worker.core.errors import PipelineError
from worker.core.types import CleanedDoc

FIXTURES = Path(__file__).parent.parent / "fixtures"
URL = "https://www.aljazeera.com/news/2019/11/nasa-commercial-moon-shot-musk-bezos-firms-bid-191118212515271.html"
CAPTION_START = "This illustration of SpaceX's concept for a commercial lunar lander"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("clean_html tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="module")
def page() -> CleanedDoc:
    html = gzip.decompress((FIXTURES / "html_en_aljazeera.html.gz").read_bytes()).decode("utf-8")
    return clean_html(parse_html(html), URL)


def test_metadata(page: CleanedDoc) -> None:
    assert page.title == "NASA's commercial moon shot: Musk's and Bezos's firms to bid"
    assert page.byline == "Laura Winter"
    assert page.published_at is not None and page.published_at.startswith("2019-11-19")
    assert page.published_at_source == "html_meta"
    assert page.language == "en"


def test_body_is_the_article_only(page: CleanedDoc) -> None:
    paragraphs = page.body.split("\n\n")
    assert paragraphs[0].startswith("Washington, DC, United States: Getting to the Moon")
    assert "Rounding out the five awardees" in page.body
    assert page.body.index("NASA on Monday enlisted") < page.body.index(
        "Rounding out the five awardees"
    )
    for unwanted in ("Sign up for our Newsletter", "© 2019 Al Jazeera", "Al Jazeera Arabic"):
        assert unwanted not in page.body
    assert "\u2019" not in page.body  # normalized like every cleaner output


def test_caption_kept_apart_once(page: CleanedDoc) -> None:
    assert sum(caption.startswith(CAPTION_START) for caption in page.captions) == 1
    assert CAPTION_START not in page.body


GERMAN = (
    "Die Digitalisierung als Wachstums- und Entwicklungstreiber zieht sich bereits heute "
    "durch fast alle Branchen und Anwendungsgebiete, sei es im Finanzbereich, der Industrie "
    "oder eben auch im Bereich Healthcare.",
    "Im Bereich der Gesundheitsversorgung in Krankenhäusern ist dieser Aspekt ein besonders "
    "wichtiger. Durch die Festlegung von Fallpauschalen und Sonderentgelten besteht ein hoher "
    "Kostendruck.",
)
JAPANESE = (
    "子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、"
    "たたいたり蹴ったりする体罰を禁止することになりました。",
    "法律では虐待をした親に専門家が子どもの育て方を教えたり、"
    "子どもを守る仕事をする専門の職員を増やしたりすることも決まりました。",
)


@pytest.mark.parametrize(("lang", "paragraphs"), [("de", GERMAN), ("ja", JAPANESE)])
def test_non_english_page_is_not_damaged(lang: str, paragraphs: tuple[str, ...]) -> None:
    html = (
        f'<html lang="{lang}"><head><title>Artikel</title></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    doc = clean_html(parse_html(html))
    assert doc.language == lang
    assert doc.body.split("\n\n") == list(paragraphs)


def test_a_url_given_as_the_document_is_not_fetched() -> None:
    with pytest.raises(PipelineError) as caught:
        clean_html(parse_html(URL), URL)
    assert (caught.value.stage, caught.value.reason) == ("clean", "no_body")


def test_empty_page_is_rejected() -> None:
    with pytest.raises(PipelineError) as caught:
        clean_html(parse_html("<html><body><nav>Home</nav></body></html>"))
    assert caught.value.reason == "no_body"


def test_precision_mode_that_loses_most_of_the_text_gives_way() -> None:
    # it-for-kids.org (htmldate-dev): trafilatura's precision mode keeps the last line of
    # this short post and drops its opening; its default mode keeps both
    html = gzip.decompress((FIXTURES / "html_de_itforkids.html.gz").read_bytes()).decode("utf-8")
    doc = clean_html(parse_html(html), "https://it-for-kids.org/blog/191211_variables/")
    assert "Wie war das nochmal mit den Variablen?" in doc.body
    assert doc.body.endswith("Dann schau doch mal, ob du unser Puzzle lösen kannst!")


def test_default_mode_that_keeps_another_block_does_not_replace_the_article() -> None:
    # a short article beside ten teasers with summaries (a reviewer's page): trafilatura's
    # default mode keeps the teasers, precision mode the article; the article stays
    html = (FIXTURES / "html_en_teasers_beside_short_article.html").read_text(encoding="utf-8")
    doc = clean_html(parse_html(html), "https://localnews.example.com/news/fire")
    assert doc.body.startswith("A fire destroyed a barn near the village of Little Snoring")
    assert "Summary of story" not in doc.body


# Three paragraphs of a plague story, and what pages print between and after them.
PLAGUE = (
    "Health authorities in the region have confirmed a third case of the plague, after"
    " two people contracted it in the capital earlier this month.",
    "The health commission said in a statement that a 55-year-old man had contracted"
    " bubonic plague after eating a wild rabbit in the north of the region.",
    "Those who come into close contact with plague victims may need preventative"
    " antibiotic therapy, the commission said in its statement on Sunday.",
)


def _story_body(*blocks: str) -> list[str]:
    """The body paragraphs the cleaner finds in a page of `blocks` (HTML) after a headline."""
    page = (
        f"<html><body><article><h1>Third plague case</h1>{''.join(blocks)}</article></body></html>"
    )
    return clean_html(parse_html(page), "https://news.example.com/plague").body.split("\n\n")


def test_labelled_links_and_the_authors_address_in_the_extracted_text_are_dropped() -> None:
    # an Express-style teaser and a Washington Times-style address among the paragraphs
    first, second, third = (f"<p>{text}</p>" for text in PLAGUE)
    teaser = "<p>READ MORE: Plague outbreak confirmed in the capital</p>"
    address = "<p>Jane Doe can be reached at jdoe@example.com.</p>"
    assert _story_body(first, teaser, second, third, address) == list(PLAGUE)
