"""Publication date of an HTML page: URL, then declared metadata, then htmldate.

htmldate weighs every date it sees in the page and can fall for a "today" date
in the navigation bar or a modification date; markup that names the
publication date outright (Open Graph, schema.org) is more reliable, and a
full date in the URL more reliable still. Days are the publisher's: a UTC
timestamp is moved into the page's own timezone when the page shows it
elsewhere, so that the day is the one the page prints.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache

from htmldate.extractors import try_date_expr
from lxml.html import HtmlElement

_DAY = "%Y-%m-%d"
_MIN_DATE = datetime(1995, 1, 1)
# htmldate settings for pages that declare no date. Its original-date mode
# looks for the oldest date, which on such pages is more often an older date
# the text mentions than the page's own; the declared dates it would favour
# are read here first anyway.
HTMLDATE_PARAMS = {"original_date": False, "extensive_search": True}
# "2020-06-29T00:16:15+03:00", "2019-10-18T22:04:00Z", "2023-11-08 17:49:09" (local).
_ISO_STAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?"
)
# "Sat, 19 Oct 2019 00:04:00 +0200"
_RFC_STAMP = re.compile(
    r"\b[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}\b"
)
_STAMP_XPATH = "//meta/@content|//time/@datetime|//script[@type='application/ld+json']/text()"
_MAX_OFFSET = timedelta(hours=14)
_QUARTER_HOUR = timedelta(minutes=15)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/([01]?\d)/([0-3]?\d)(?:/|$)")
# schema.org types whose datePublished is the page's own, not that of an
# embedded video, picture, comment or review.
_SKIPPED_TYPES = frozenset(
    {"videoobject", "imageobject", "audioobject", "mediaobject", "comment", "review", "person",
     "organization", "product", "event", "offer", "clip"}
)  # fmt: skip
_META_PUBLISHED = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
)
_ITEMPROP_XPATH = "//*[@itemprop='datePublished']"
_LD_XPATH = "//script[@type='application/ld+json']"


def publication_date(tree: HtmlElement, url: str | None, heuristic: str | None) -> str | None:
    """ISO day the page was published, or None.

    A full date in the URL comes first: publishers put the day of publication
    there, in their own timezone. Then the publication date the markup
    declares, then `heuristic`: htmldate's guess from the page's visible dates
    (trafilatura runs it during extraction, see `HTMLDATE_PARAMS`).
    """
    today = datetime.now()
    return _url_date(url, today) or _declared_date(tree, today) or heuristic


def _declared_date(tree: HtmlElement, today: datetime) -> str | None:
    stamps = list(_structured(tree))
    offset = _page_offset(tree) if stamps else None
    days = (_day(stamp, offset, today) for stamp in stamps)
    return next((day for day in days if day), None)


def _structured(tree: HtmlElement) -> Iterator[str]:
    """Publication timestamps the markup declares, most trusted first."""
    for name in _META_PUBLISHED:
        for element in tree.xpath("//meta[@property=$name or @name=$name]", name=name):
            if content := element.get("content"):
                yield content
    yield from _json_ld_dates(tree)
    for element in tree.xpath(_ITEMPROP_XPATH):
        value = element.get("content") or element.get("datetime") or element.text_content()
        if value:
            yield value


def _json_ld_dates(tree: HtmlElement) -> Iterator[str]:
    for script in tree.xpath(_LD_XPATH):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        yield from _ld_walk(data)


def _ld_walk(node: object) -> Iterator[str]:
    """datePublished of every schema.org object that is not embedded media or a comment."""
    if isinstance(node, list):
        for item in node:
            yield from _ld_walk(item)
    elif isinstance(node, dict):
        types = node.get("@type")
        names = types if isinstance(types, list) else [types]
        if not any(str(name).lower() in _SKIPPED_TYPES for name in names):
            value = node.get("datePublished")
            if isinstance(value, str) and value:
                yield value
        for key, child in node.items():
            if key != "datePublished" and isinstance(child, dict | list):
                yield from _ld_walk(child)


def _page_offset(tree: HtmlElement) -> timedelta | None:
    """The page's own UTC offset, when its timestamps show one.

    Either written out ("+02:00") or implied: a local time without offset that
    is a UTC timestamp of the page shifted by whole quarter hours is the same
    moment, shown as the publisher's readers see it.
    """
    stamps = [stamp for text in tree.xpath(_STAMP_XPATH) for stamp in _timestamps(str(text))]
    utc = {stamp for stamp in stamps if stamp.utcoffset() == timedelta(0)}
    offsets = Counter(offset for stamp in stamps if (offset := stamp.utcoffset()))
    offsets.update(
        shift
        for local in stamps
        if local.tzinfo is None
        for moment in utc
        if _is_offset(shift := local - moment.replace(tzinfo=None))
    )
    return offsets.most_common(1)[0][0] if offsets else None


def _is_offset(shift: timedelta) -> bool:
    return bool(shift) and abs(shift) <= _MAX_OFFSET and not shift % _QUARTER_HOUR


def _timestamps(text: str) -> Iterator[datetime]:
    """Timestamps in `text`, ISO 8601 or RFC 2822, with or without offset."""
    for match in _ISO_STAMP.finditer(text):
        if parsed := _parse_iso(match.group()):
            yield parsed
    for match in _RFC_STAMP.finditer(text):
        with suppress(TypeError, ValueError):
            yield parsedate_to_datetime(match.group())


@lru_cache(maxsize=1024)
def _parse_iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1)).replace(microsecond=0)
    except ValueError:
        return None


def _day(value: str, offset: timedelta | None, today: datetime) -> str | None:
    """The day of a declared date; a UTC time is read in the page's own timezone."""
    value = value.strip()
    parsed = _parse_iso(value) if _ISO_STAMP.fullmatch(value) else None
    if parsed is None:
        return try_date_expr(value, _DAY, True, _MIN_DATE, today)
    if offset is not None and parsed.utcoffset() == timedelta(0):
        parsed += offset
    moment = parsed.replace(tzinfo=None)
    return moment.strftime(_DAY) if _MIN_DATE <= moment <= today + _MAX_OFFSET else None


def _url_date(url: str | None, today: datetime) -> str | None:
    """A /2019/05/14/ date in the page's URL."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        found = datetime(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return found.strftime(_DAY) if _MIN_DATE <= found <= today else None
