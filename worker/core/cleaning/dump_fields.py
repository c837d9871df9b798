"""Read a dump article's title, byline, dateline and captions from the lines around it.

A dump has no metadata fields: the headline, the "By ..." line, a printed date
and the picture captions are lines like any other, found by their shape and
their place before or inside the article's region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from worker.core.cleaning.dump_lines import CAPTION_PREFIX, KEPT, Kind, Line, ends_like_prose
from worker.core.cleaning.normalize import count_words
from worker.core.text import LINE_CREDIT, MONTH_STEMS, month_number

_MONTH = rf"(?:{'|'.join(MONTH_STEMS)})[a-z]*\.?"
# "2019-11-19", "Nov. 19, 2019", "19 November 2019", "19.11.2019" (day first).
_DATES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b",
        rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<month>{_MONTH}),?\s+(?P<year>\d{{4}})\b",
        r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b",
    )
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\ball rights reserved\b|\bcopyright\b", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:(?:posted|written|words|story|text|reporting)\s+)?(?:by|von|par|por|di|door|av|af)\s+(.+)$",
    re.IGNORECASE,
)
# What follows the name: "| Fox News", ", Cleveland.com", " on November 19, 2019", "Staff Writer".
_BYLINE_TAIL = re.compile(
    r"\s*(?:\s[|•·–—-]\s|,|\s(?:on|am|le|el)\s+(?=\w+\.?\s+\d)|\s(?=" + _MONTH + r"\s+\d)"
    r"|\s(?:staff|senior|chief|special|political|reporter|correspondent|contributor|columnist|"
    r"editor|writer)\b).*$",
    re.IGNORECASE,
)
_MIN_TITLE_WORDS = 3
_MAX_TITLE_WORDS = 30
_TITLE_KINDS = {Kind.HEADING, Kind.TAG, Kind.SHORT, Kind.BODY, Kind.LONG, Kind.NAV}
_MIN_CAPTION_WORDS = 3
_MAX_DATELINE_WORDS = 20
_MAX_BYLINE_WORDS = 8
_BYLINE_LOOKAHEAD = 5
_MAX_DEK_WORDS = 60


def title(head: Sequence[Line]) -> Line | None:
    """The first headline-shaped line before (or opening) the article."""
    for line in head:
        if line.kind in _TITLE_KINDS and _MIN_TITLE_WORDS <= line.words <= _MAX_TITLE_WORDS:
            text = line.text
            if not (_BYLINE.match(text) or _visible_date(text) or text.endswith(".")):
                return line
    return None


def byline(lines: Sequence[Line]) -> str | None:
    """The author named on a "By ..." line before or in the article."""
    for line in lines:
        match = _BYLINE.match(line.text)
        name = _BYLINE_TAIL.sub("", match.group(1)).strip() if match else ""
        if _looks_like_name(name):
            return name
    return None


def after_byline(lines: Sequence[Line], start: int) -> int:
    """Where the body starts: after a byline that closes the headline block (title, dek)."""
    for position in range(start, min(start + _BYLINE_LOOKAHEAD, len(lines))):
        if byline(lines[position : position + 1]):
            header_words = sum(line.words for line in lines[start:position] if line.kind in KEPT)
            return position + 1 if header_words <= _MAX_DEK_WORDS else start
    return start


def _looks_like_name(name: str) -> bool:
    """Names are short and capitalized; "By then, it was over." is not a byline."""
    return (
        name[:1].isupper() and count_words(name) <= _MAX_BYLINE_WORDS and not ends_like_prose(name)
    )


def text_date(lines: Sequence[Line]) -> str | None:
    """The first date printed on a short line (dateline, "Updated ...") before the article."""
    for line in lines:
        if line.words <= _MAX_DATELINE_WORDS and (found := _visible_date(line.text)):
            return found
    return None


def _visible_date(text: str) -> str | None:
    """ISO date of the first complete, valid calendar date written in `text`."""
    matches = sorted((m for pattern in _DATES for m in pattern.finditer(text)), key=re.Match.start)
    for match in matches:
        month = match["month"]
        number = int(month) if month.isdigit() else month_number(month)
        try:
            return date(int(match["year"]), number, int(match["day"])).isoformat()
        except ValueError:
            continue
    return None


def captions(lines: Sequence[Line]) -> tuple[str, ...]:
    """Each caption of the article once: the longest of the copies printed."""
    longest: dict[str, str] = {}
    for line in lines:
        if line.kind is Kind.CAPTION and _is_caption_text(line):
            key = line.text[:CAPTION_PREFIX]
            if len(line.text) > len(longest.get(key, "")):
                longest[key] = line.text
    return tuple(longest.values())


def _is_caption_text(line: Line) -> bool:
    """A real caption describes the picture; a bare credit or copyright line does not."""
    described = LINE_CREDIT.sub("", line.text)
    return count_words(described) >= _MIN_CAPTION_WORDS and not _COPYRIGHT.search(line.text)
