"""Text a producer already extracted: tell it from a page dump, and keep all of it.

A page dump holds all of a page's text, so most of it is not the article and
the dump cleaner keeps only the article's lines. Text that is already the
article (from an extractor, a wire feed, a CMS) must come back whole: tables,
lists, results, datelines and headed sections included, no line promoted to
title. An envelope may say which it is (`content_kind`); otherwise the text's
own lines tell: a page carries the chrome every web page has (menus, sharing,
sign-up and legal lines, link lists), and article text carries none of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from worker.core.cleaning import dump_fields as fields
from worker.core.cleaning.dump_lines import (
    MIN_BODY_WORDS,
    STRONG_BOILERPLATE,
    Kind,
    Line,
    prose_sample,
)
from worker.core.cleaning.language import detect_language
from worker.core.errors import PipelineError
from worker.core.types import CleanedDoc

# Lines that only page chrome produces: sharing, sign-up, legal, link lists, comments.
_PHRASES = {Kind.BOILERPLATE, Kind.LINKS, Kind.COMMENTS}
_CHROME = _PHRASES | {Kind.NAV}
_MAX_PHRASE_WORDS = 12  # a longer line that names "sign up" or "comments" is a sentence
# A page's legal footer, whatever the line classifier made of it (a credit, a caption).
_LEGAL = re.compile(r"©|\ball rights reserved\b", re.IGNORECASE)
# Menus: runs of short lines without a number ("Home", "World News", "Privacy").
# An article's subheadings stand one at a time before paragraphs; a list in an
# article may run a few lines; a page's menus and footers run for many. Menu
# items are link texts in mixed case; runs of capitals are a wire story's
# table headings and section labels ("AMERICAN LEAGUE", "CHICAGO AT TORONTO").
_MENU_WORDS = 3
_MENU_RUN = 3
_MIN_MENU_LINES = 5
_NUMBER = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
# A dateline stands among the first lines of a wire story: headline, dateline.
_DATELINE_LINES = 3
# Lines that are no article text even on a page without paragraphs.
_NOT_TEXT = {Kind.TAG, Kind.CAPTION}


def looks_like_a_page(lines: Sequence[Line]) -> bool:
    """Whether classified lines are a whole page's text rather than an article's.

    A page has chrome: a short sharing, sign-up, legal, link-list or comments
    line, or menus (runs of short lines). Article text from an extractor or a
    wire has neither; nor does it hold lines learned as its site's boilerplate.
    Measured on the dev sets in `bench.quality extracted`,
    `conll` and `cleaning` (the content-kind lines).
    """
    text = [line for line in lines if line.words]
    if any(line.learned or _chrome_phrase(line) for line in text):
        return True
    return _menu_lines(text) >= _MIN_MENU_LINES


def _chrome_phrase(line: Line) -> bool:
    """A short sharing/sign-up/legal/link-list line, or icon legends and cookie notices."""
    if line.words <= _MAX_PHRASE_WORDS and _LEGAL.search(line.text):
        return True
    if line.kind not in _PHRASES:
        return False
    return line.words <= _MAX_PHRASE_WORDS or bool(STRONG_BOILERPLATE.search(line.text))


def _menu_lines(lines: Sequence[Line]) -> int:
    """How many lines stand in runs of at least `_MENU_RUN` short, number-free lines."""
    count = run = 0
    for line in [*lines, None]:
        if line is not None and _menu_like(line):
            run += 1
            continue
        count += run if run >= _MENU_RUN else 0
        run = 0
    return count


def _menu_like(line: Line) -> bool:
    return (
        line.words <= _MENU_WORDS
        and not _NUMBER.search(line.text)
        and bool(_LETTER.search(line.text))
        and not line.text.isupper()
    )


def clean_article_text(lines: Sequence[Line], header_date: str | None) -> CleanedDoc:
    """Every line of already-extracted text, normalized, as its paragraphs.

    Nothing is dropped and nothing becomes the title or the byline: the
    envelope's fields say those. The date is a leading `date YYYY-MM-DD`
    header, else a dateline among the first lines ("LONDON 1996-08-30").
    Raises `no_body` only when there is no text at all.
    """
    paragraphs = [line.text.strip() for line in lines if line.text.strip()]
    if not paragraphs:
        raise PipelineError("clean", "no_body", "the article text is empty")
    body = "\n\n".join(paragraphs)
    dated = header_date or fields.text_date(lines[:_DATELINE_LINES])
    return CleanedDoc(
        body=body,
        published_at=dated,
        published_at_source=("dump_header" if header_date else "dateline") if dated else None,
        language=detect_language(prose_sample(paragraphs)),
        content_kind="article",
    )


def article_remains(lines: Sequence[Line]) -> CleanedDoc:
    """A page with no paragraph of running text: what is left once its chrome is gone.

    A results table, a list of dates or a short brief is still an article; a
    page of menus and legal lines is not (`no_body`).
    """
    kept = [line for line in lines if line.kind not in _CHROME | _NOT_TEXT and line.text.strip()]
    if sum(line.words for line in kept) < MIN_BODY_WORDS:
        raise PipelineError("clean", "no_body", "no article text found in the dump")
    body = "\n\n".join(line.text.strip() for line in kept)
    return CleanedDoc(body=body, language=detect_language(body))
