"""Clean plain-text page dumps: keep the article, set captions and metadata apart.

A dump is all visible text of a page, one block element per line, with no
markup left, so no HTML extractor applies. Each line is classified by its
content (`dump_lines`) and its neighbours (`dump_layout`), the article is taken
as the densest run of body-like lines, and the title, byline, captions and
date are read from the lines around it (`dump_fields`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from worker.core.cleaning import dump_fields as fields
from worker.core.cleaning.boilerplate import line_fingerprint
from worker.core.cleaning.dump_layout import in_context, is_article_line, main_region
from worker.core.cleaning.dump_lines import WORD, classify, profile, prose_sample
from worker.core.cleaning.extracted import article_remains, clean_article_text, looks_like_a_page
from worker.core.cleaning.language import detect_language
from worker.core.cleaning.normalize import normalize_text
from worker.core.types import CleanedDoc

_HEADER_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")
_CAPTION_LOOKBACK = 10
_DATELINE_LOOKAHEAD = 3


class Dump(NamedTuple):
    """A dump read once: the date of its `date YYYY-MM-DD` header, its normalized lines."""

    header_date: str | None
    lines: tuple[str, ...]


def read_dump(text: str) -> Dump:
    """The date of a leading `date YYYY-MM-DD` header, and the normalized lines after it."""
    header = _HEADER_DATE.match(text)
    rest = text[header.end() :] if header else text
    return Dump(header.group(1) if header else None, tuple(normalize_text(rest).split("\n")))


def dump_fingerprints(dump: Dump) -> tuple[str, ...]:
    """Fingerprints of a dump's text lines, for `SiteBoilerplate.observe`.

    Every line is counted, the article's too: what recurs across a site's
    articles is told apart by the counts, not here.
    """
    return tuple(line_fingerprint(line) for line in dump.lines if WORD.search(line))


def clean_text_dump(
    dump: Dump, boilerplate: frozenset[str] = frozenset(), kind: str | None = None
) -> CleanedDoc:
    """Extract the article of a text (`read_dump`): a page dump, or article text kept whole.

    `kind` is what the producer says the text is ("page" or "article"); when it
    says nothing, the lines tell (`extracted.looks_like_a_page`). `boilerplate`
    holds fingerprints (`boilerplate.line_fingerprint`) of lines learned as the
    site's own (menus, footers, prompts): they are classified as boilerplate
    whatever they look like. Raises PipelineError("clean", "no_body") only when
    no article text is left at all.
    """
    language = detect_language(prose_sample(dump.lines))
    classified = classify(dump.lines, profile(language), boilerplate)
    if kind == "article" or (kind is None and not looks_like_a_page(classified)):
        return clean_article_text(classified, dump.header_date)
    lines = in_context(classified)
    start, end = main_region(lines)
    title = fields.title(lines[: start + 1])
    region = lines[fields.after_byline(lines, start) : end]
    body_lines = [
        line.text
        for position, line in enumerate(region)
        if line is not title and is_article_line(region, position)
    ]
    if not body_lines:
        return article_remains(classified)
    body = "\n\n".join(body_lines)
    published_at = dump.header_date or fields.text_date(lines[: start + _DATELINE_LOOKAHEAD])
    return CleanedDoc(
        body=body,
        title=title.text if title else None,
        byline=fields.byline(lines[:end]),
        published_at=published_at,
        published_at_source=(
            ("dump_header" if dump.header_date else "text") if published_at else None
        ),
        captions=fields.captions(lines[max(0, start - _CAPTION_LOOKBACK) : end]),
        language=detect_language(body) or language,
    )
