"""clean_text_dump on real page dumps: what a reader of the cleaned article checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.core.cleaning.dump import clean_text_dump, read_dump
from worker.core.cleaning.dump_lines import Kind, classify, profile
from worker.core.cleaning.normalize import normalize_text
from worker.core.errors import PipelineError
from worker.core.types import CleanedDoc

FIXTURES = Path(__file__).parent.parent / "fixtures"
SAMPLE = "000_d59a720f40c57080.txt"
CAPTION_STARTS = (
    "Russian President Vladimir Putin speaks at the Commonwealth",
    "Leaders pose for a family photo",
    "From left, Kazakhstan's President",
)


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample() -> CleanedDoc:
    return clean_text_dump(read_dump(_read(SAMPLE)))


def _sample_article_paragraphs() -> list[str]:
    """The article as a reader sees it: from the first paragraph to the end, minus pictures."""
    lines = normalize_text(_read(SAMPLE)).split("\n")
    first = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("Russian President Vladimir Putin attended")
    )
    return [
        line
        for line in lines[first:]
        if line and not line.endswith("/PA)") and line != "Kyrgyzstan Summit CIS"
    ]


def test_sample_metadata(sample: CleanedDoc) -> None:
    assert sample.published_at == "2023-10-13"
    assert sample.published_at_source == "dump_header"
    assert sample.title == "Putin calls for ex-Soviet states to expand their influence"
    assert sample.byline is not None and "Press Association" in sample.byline
    assert sample.language == "en"


def test_sample_body_keeps_every_paragraph_in_order(sample: CleanedDoc) -> None:
    expected = _sample_article_paragraphs()
    assert len(expected) == 16
    assert sample.body.split("\n\n") == expected
    assert sample.body.endswith('on the level of Ukrainian leadership."')


def test_sample_body_has_no_boilerplate_captions_or_credits(sample: CleanedDoc) -> None:
    for unwanted in ("An icon of", "Kyrgyzstan Summit CIS", "AP/PA", "Pavel Bednyakov", "By Press"):
        assert unwanted not in sample.body
    for start in CAPTION_STARTS:
        assert start not in sample.body


def test_sample_each_caption_once(sample: CleanedDoc) -> None:
    assert len(sample.captions) == len(CAPTION_STARTS)
    for start in CAPTION_STARTS:
        assert sum(caption.startswith(start) for caption in sample.captions) == 1
    assert all(caption.endswith("/PA)") for caption in sample.captions)


def test_german_dump_passes_through_undamaged() -> None:
    doc = clean_text_dump(read_dump(_read("dump_de_comwrap_excerpt.txt")))
    assert doc.language == "de"
    assert (
        doc.title
        == "Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen"
    )
    assert (
        "Gesundheitsversorgung in Krankenhäusern ist dieser Aspekt ein besonders wichtiger."
        in doc.body
    )
    assert doc.body.startswith("Die Digitalisierung als Wachstums- und Entwicklungstreiber")
    # the visible "publiziert am 25. September 2018" is the only date the dump has
    assert (doc.published_at, doc.published_at_source) == ("2018-09-25", "text")
    for footer in ("Hanauer Landstr.", "Impressum", "Twitter Facebook", "comwrap GmbH Logo"):
        assert footer not in doc.body


def test_comment_section_and_share_links_are_dropped() -> None:
    doc = clean_text_dump(read_dump(_read("dump_en_comments_excerpt.txt")))
    assert doc.title == 'Anthony Lynn: "We needed to win this game"'
    assert doc.byline == "Michael David Smith"
    assert doc.published_at == "2019-11-19"
    assert doc.body.startswith("Chargers coach Anthony Lynn recognizes")
    assert "the Chargers would probably not make the playoffs" in doc.body
    for unwanted in ("dumpster fire", "says:", "Click to share", "Leave a Reply", "NBC Universal"):
        assert unwanted not in doc.body


def test_dump_without_article_text_is_rejected() -> None:
    dump = (
        "Home News Sport Weather\nSubscribe\nFacebook\n© 2019 Example Media. All rights reserved."
    )
    with pytest.raises(PipelineError) as caught:
        clean_text_dump(read_dump(dump))
    assert (caught.value.stage, caught.value.reason) == ("clean", "no_body")


MARKETS_DUMP = "\n".join(
    (
        "Business Markets World Politics Tech",
        "Asian shares soft as trade doubts creep back in",
        "Asian shares slipped on Tuesday as doubts about a trade deal between the United States"
        " and China crept back into the market, dulling the appetite for riskier assets.",
        "Long-dated U.S. Treasury yields slipped as risk appetite weakened.",
        "Investors had bid up stocks over the past weeks on hopes that the two sides were close"
        " to signing the first phase of a deal, but the talks have since stalled"
        " over farm purchases.",
        "Related Coverage",
        "Oil prices fall on trade worries, U.S. inventory build",
        "Dollar steadies near three-week high as traders await Fed minutes",
        "Our Standards: The Thomson Reuters Trust Principles.",
    )
)

# A paragraph to put into it where a test needs more story.
TOKYO = (
    "Traders in Tokyo and Hong Kong said the mood had soured after a week in which every"
    " report from the talks seemed to contradict the one that came before it."
)


def _markets_with(position: int, *inserted: str) -> CleanedDoc:
    """The markets dump cleaned with `inserted` lines put before its line `position`."""
    lines = MARKETS_DUMP.split("\n")
    return clean_text_dump(read_dump("\n".join((*lines[:position], *inserted, *lines[position:]))))


def test_terse_sentence_between_paragraphs_is_kept_but_link_list_is_not() -> None:
    # Few function words make the middle sentence look like a menu on its own;
    # printed between two paragraphs of the story, it is the story.
    doc = clean_text_dump(read_dump(MARKETS_DUMP))
    assert "Long-dated U.S. Treasury yields slipped as risk appetite weakened." in doc.body
    assert doc.body.startswith("Asian shares slipped on Tuesday")
    assert doc.body.endswith("stalled over farm purchases.")
    for unwanted in ("Oil prices fall", "Dollar steadies", "Business Markets"):
        assert unwanted not in doc.body


BLOG_DUMP = "\n".join(
    (
        "Home Blog Courses About Contact",
        "How to step into an online leadership role",
        "Leading online starts long before anyone calls you a leader, with the small things you"
        " publish every week for the people who read your work.",
        "You can grow into it one step at a time, and each step asks a little more of you than"
        " the one before it did, which is exactly the point of the exercise.",
        "Here is the order most people follow:",
        *(f"Step {n}: {task}" for n, task in enumerate(("Blog posts", "Email", "Calls"), 1)),
        *(f"Step {n}: {task}" for n, task in enumerate(("Podcasts", "Panels", "Keynotes"), 4)),
        "Each of these asks you to speak to more people at once, and every one of them gets"
        " easier once you have done the one before it a few times.",
        "197 Shares",
        "Share",
        "Tweet",
        "Email",
        "Online Business, Selling",
        "Pamela Wilson",
        "Pamela Wilson",
        "Pamela Wilson is an online educator, author and keynote speaker who helps small"
        " businesses grow.",
    )
)


def test_author_box_after_the_share_buttons_is_not_the_article() -> None:
    # A long run of buttons, tags and names ends the article; the short prose after it
    # (the author box) is not the story, while a list introduced by a colon is no such run.
    doc = clean_text_dump(read_dump(BLOG_DUMP))
    assert doc.body.startswith("Leading online starts long before")
    assert doc.body.endswith("done the one before it a few times.")
    assert "online educator" not in doc.body


def test_follow_us_on_social_media_line_is_not_the_article() -> None:
    dump = "\n".join(
        (*MARKETS_DUMP.split("\n")[:5], "Follow Newsbeat on Instagram, Facebook and YouTube.")
    )
    doc = clean_text_dump(read_dump(dump))
    assert doc.body.endswith("stalled over farm purchases.")
    assert "Follow Newsbeat" not in doc.body


def test_market_figures_closing_the_story_are_its_sentences() -> None:
    # The Reuters markets story of dumps-dev ends with a line per commodity: figures
    # and tickers, few words, but sentences of the story, not a menu
    figures = (
        "Spot gold XAU= added 0.1% to $1,472.19 an ounce.",
        "Copper CMCU3 rose 0.86% to $5,880.00 a tonne.",
    )
    doc = _markets_with(5, *figures)
    assert doc.body.endswith("\n\n".join(figures))


def test_a_labelled_link_and_an_agency_caption_inside_the_article_are_not_its_text() -> None:
    # lines of three pages of a fresh set (The Atlantic, an AP story, the Washington
    # Times): a labelled link to another story and an AP photo caption printed between
    # two paragraphs, the author's address under the last
    link = "Read: Two disasters are exponentially worse than one"
    caption = (
        'This combination photo shows director Woody Allen at a special screening of "Wonder '
        'Wheel" in New York on Nov. 14, 2017, left, and a cover image for "Apropos of '
        "Nothing,\" Allen's autobiography."
    )
    contact = "• Susan Ferrechio can be reached at sferrechio@washingtontimes.com."
    lines = MARKETS_DUMP.split("\n")
    dump = "\n".join((*lines[:3], link, caption, *lines[3:5], contact, *lines[5:]))
    doc = clean_text_dump(read_dump(dump))
    assert "Long-dated U.S. Treasury yields" in doc.body
    assert link not in doc.body
    assert "combination photo" not in doc.body
    assert doc.body.endswith("stalled over farm purchases.")  # not the author's address


def test_a_pictures_controls_and_credits_are_no_gap_in_the_article() -> None:
    # NPR's photo block (a fresh set's page): the controls of the caption and the
    # credit printed three times; the story's last paragraph follows it
    picture = (
        "Enlarge this image",
        "Destruction and chaos caused by Israeli attacks on Al-Maghazi refugee camp.",
        "Belal Khaled/Anadolu via Getty Images",
        "hide caption",
        "toggle caption",
        "Belal Khaled/Anadolu via Getty Images",
        "Destruction and chaos caused by Israeli attacks on Al-Maghazi refugee camp.",
        "Belal Khaled/Anadolu via Getty Images",
    )
    last = (
        "Analysts in Singapore said the next move would depend on whether the two sides"
        " could agree on farm purchases before the end of the month."
    )
    doc = _markets_with(5, *picture, last)
    assert doc.body.endswith(last)
    assert "Getty" not in doc.body and "caption" not in doc.body
    # a heading with a slash is no photographer's credit: it stays a heading
    heading, credit = classify(["Israel/Gaza", picture[2]], profile("en"), frozenset())
    assert (heading.kind, credit.kind) == (Kind.HEADING, Kind.CAPTION)


@pytest.mark.parametrize(
    "sentence",
    [  # a reviewer's sentences: the article's own, though they look like page furniture
        "This comes after a photo, released by Kensington Palace on Mother's Day, was"
        " withdrawn by agencies.",
        "This image, shared thousands of times on Facebook, does not show the Kabul airport.",
        "Watch: Biden said on Tuesday that he would sign the bill into law this week.",
        "The National Suicide Prevention Lifeline can be reached at 1-800-273-8255.",
        "3 responses to 'the crisis' were debated in parliament on Tuesday, he said.",
    ],
)
def test_sentences_like_captions_links_or_headers_stay_in_the_article(sentence: str) -> None:
    doc = _markets_with(3, sentence)
    assert sentence in doc.body


def test_a_credit_between_the_rows_of_a_list_stays_out() -> None:
    # a reviewer's listicle: each numbered city, its photo credit, a line about it
    cities = ("Vienna, Austria", "Prague, Czech Republic", "Lisbon, Portugal", "Krakow, Poland")
    rows = [
        line
        for n, city in enumerate(cities, 1)
        for line in (f"{n}. {city}", "Photo: Getty Images", f"{city.split(',')[0]} has cafes.")
    ]
    doc = _markets_with(5, *rows)
    assert "1. Vienna, Austria" in doc.body and "Krakow has cafes." in doc.body
    assert "Getty" not in doc.body


def test_short_items_a_colon_introduces_are_the_articles_list() -> None:
    # bigbrandsystem.com (dumps-dev, fold A): "They're selling:" and three items, no
    # sentence among them, between two paragraphs
    intro = (
        "There are a lot of people online who are pushing their solutions for gaining"
        " visibility in your online business. They're selling:"
    )
    items = (
        "Courses on writing a book",
        "Workshops on becoming a highly paid speaker",
        "Classes on running successful webinars",
    )
    doc = _markets_with(3, intro, *items)
    assert "\n\n".join((intro, *items)) in doc.body


def test_headlines_a_label_with_a_colon_introduces_are_no_list_of_the_article() -> None:
    # a reviewer's box of links inside the article: a label, then three headlines
    box = (
        "Further reading:",
        "Oil prices fall on trade worries",
        "Dollar steadies near three-week high",
        "Gold edges up as investors seek safety",
    )
    doc = _markets_with(5, *box, TOKYO)
    assert not any(headline in doc.body for headline in box[1:])
    assert doc.body.endswith(TOKYO)


def test_lines_of_figures_alone_are_no_sentences() -> None:
    # a calendar widget: numbers only, no words; a menu, not text
    calendar = " ".join(str(day) for day in range(1, 32))
    (line,) = classify([calendar], profile("en"), frozenset())
    assert line.kind is Kind.NAV


def test_a_comment_section_named_after_the_article_ends_it() -> None:
    # a WordPress theme's comment section (California Globe, a fresh set): the header
    # names the article, then each comment is a name, a time and sentences
    comments = (
        "20 thoughts on “Asian shares soft as trade doubts creep back in”",
        "Michael F Dougherty says:",
        "August 15, 2020 at 9:35 am",
        "That is the market for you. Remember the trade talks a year ago, when every report"
        " from the negotiators moved the index by a point or more before lunch.",
        "Reply",
    )
    paragraph = (  # the article must have some length before comments can follow it
        f"{TOKYO} Few of them expected a signed agreement before the end of the year, and"
        " fewer still expected one that would settle the questions of tariffs and purchases."
    )
    doc = _markets_with(5, paragraph, *comments)
    assert doc.body.endswith("tariffs and purchases.")
    assert "Remember the trade talks" not in doc.body


def test_section_heading_with_its_subheading_stays_between_paragraphs() -> None:
    lines = MARKETS_DUMP.split("\n")
    dump = "\n".join((*lines[:3], TOKYO, "What comes next", "Farm purchases", *lines[4:]))
    doc = clean_text_dump(read_dump(dump), kind="page")
    assert "came before it.\n\nWhat comes next\n\nFarm purchases\n\nInvestors had bid" in doc.body


def test_numbered_calendar_is_the_article_and_ends_at_the_second_share_bar() -> None:
    # The whole article is a list of twelve dated rounds: short lines without a
    # sentence in them, between a share bar above and the same bar below; a
    # sidebar of teasers with longer sentences follows it.
    doc = clean_text_dump(read_dump(_read("dump_pt_calendar.txt")))
    rows = [line for line in doc.body.split("\n\n") if "etapa:" in line]
    assert [row.split("a etapa")[0] for row in rows] == [str(n) for n in range(1, 13)]
    assert rows[0] == "1a etapa: 10 de março – Interlagos"
    for sidebar in ("Clique na foto do Adauto", "Loucos 2019", "Usuários Online"):
        assert sidebar not in doc.body


def test_standings_table_rows_are_kept_in_order() -> None:
    doc = clean_text_dump(read_dump(_read("dump_pt_standings.txt")))
    assert doc.body.startswith("Nesta página você terá sempre a classificação atualizada")
    lines = doc.body.split("\n\n")
    first, last = (
        lines.index("1 Kyle Busch 5040 5 1 17 27"),
        lines.index("40 Casey Mears 1 0 0 0 0"),
    )
    assert last - first == 39
    for sidebar in (
        "Clique na foto do Adauto",
        "Autoracing Power Ranking",
        "Política de Privacidade",
    ):
        assert sidebar not in doc.body


def test_a_month_name_with_a_long_s_is_read_not_a_crash() -> None:
    # Case-insensitive patterns match "ſ" (long s) as "s"; the month lookup must too.
    dump = f"Tides of the Thames\n5 ſeptember 2019\n{MARKETS_DUMP.split(chr(10), 2)[2]}"
    doc = clean_text_dump(read_dump(dump))
    assert doc.published_at == "2019-09-05"


def test_a_numbered_list_with_a_link_under_each_item_is_the_articles() -> None:
    # remember8090.it (dumps-dev, fold A): three paragraphs introduce a numbered list of
    # offers, each item followed by its link; then tags, the author's box, comments
    doc = clean_text_dump(read_dump(_read("dump_it_numbered_links.txt")))
    items = [line.split(")")[0] for line in doc.body.split("\n\n") if ")" in line[:3]]
    assert items == [str(n) for n in range(1, 11)]
    assert "http://amzn.to/2iJFhRj" in doc.body  # the first item's link
    assert doc.body.startswith("Il black Friday incombe su di noi")
    for page in ("Lascia un commento", "Utilizziamo i cookie", "Pulsanti arcade"):
        assert page not in doc.body
