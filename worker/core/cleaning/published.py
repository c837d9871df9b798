"""Publication date of an HTML page, weighed from all the evidence the page gives.

No single source is always right, so each is read and they are compared:
- a full date in the URL: the publisher's own day, set when the page was made;
  it comes first;
- the date printed next to the headline (the dateline readers see): taken when
  another source (a declared date, either htmldate estimate) shows the same
  day; alone, only when it is a line of its own and no declared publication
  date contradicts it, or when that declared date merely repeats the
  modification stamp (pages that rewrite every date field on update);
- the dates the markup declares: publication (Open Graph, schema.org JSON-LD,
  microdata, generic `date` metas) and modification;
- htmldate's estimates: its original-date search, and the most-recent-date
  search trafilatura runs during extraction (`HTMLDATE_PARAMS`).
When the dateline settles nothing, the first declared publication date stands
unless more kinds of markup show htmldate's original date; a date that only
repeats the modification stamp counts for less. Days are the publisher's: a
UTC timestamp is moved into the page's own timezone when the page shows it
elsewhere, so that the day is the one the page prints.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cached_property, lru_cache
from typing import Any

from htmldate import find_date
from htmldate.core import DATE_ATTRIBUTES, NAME_MODIFIED, PROPERTY_MODIFIED
from htmldate.extractors import COMPLETE_URL, try_date_expr
from htmldate.settings import MAX_SEGMENT_LEN
from lxml.html import HtmlElement

_DAY = "%Y-%m-%d"
_MIN_DATE = datetime(1995, 1, 1)
# htmldate settings for the estimate trafilatura makes during extraction. Its
# original-date mode looks for the oldest date, which on pages that declare
# nothing is more often an older date the text mentions than the page's own;
# the original-date estimate is asked for apart, where declared dates are weighed.
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
# schema.org types whose dates are the page's own, not those of an embedded
# video, picture, comment or review.
_SKIPPED_TYPES = frozenset(
    {"videoobject", "imageobject", "audioobject", "mediaobject", "comment", "review", "person",
     "organization", "product", "event", "offer", "clip"}
)  # fmt: skip
_META_PUBLISHED = frozenset(
    {"article:published_time", "og:article:published_time", "og:published_time"}
)
_META_MODIFIED = frozenset(NAME_MODIFIED | PROPERTY_MODIFIED)
_META_GENERIC = frozenset(DATE_ATTRIBUTES - _META_PUBLISHED - _META_MODIFIED)
_ITEMPROP_XPATH = "//*[@itemprop='datePublished' or @itemprop='dateModified']"
_LD_XPATH = "//script[@type='application/ld+json']"
# Kinds of declared dates, in the order they are trusted.
_KINDS = ("meta", "json_ld", "itemprop", "generic", "modified")
# The headline: the article's own <h1> when the page marks its article out,
# else what microdata calls the headline, else a heading that repeats the title.
_HEADLINE_XPATHS = (
    "//article//h1",
    "//main//h1",
    "//h1",
    "//*[@itemprop='headline'][not(self::meta)]",
)
_HEADING_XPATH = "//h2|//h3"
_TITLE_XPATH = "//meta[@property='og:title']/@content|//title/text()"
# "4. 2. 2022": German typesetting spaces the parts of a numeric date.
_SPACED_DATE = re.compile(r"(?<=\d\.)\s+(?=\d)")
# Text read after the headline for a dateline: the byline block, not the story.
_DATELINE_NODES = 25
_DATELINE_CHARS = 300
_READABLE = "[normalize-space()][not(ancestor::script or ancestor::style or ancestor::noscript)]"
_FOLLOWING_TEXT = "following::text()" + _READABLE
# Above the headline, only its own block: a kicker or date line, not the site's
# navigation (which may show today's date).
_ABOVE_TEXT = "preceding-sibling::*/descendant-or-self::text()" + _READABLE
# Markup that keeps text from the reader: a date there is no dateline.
_HIDDEN_CLASSES = frozenset({"hidden", "sr-only", "screen-reader-text", "visually-hidden"})


@dataclass(frozen=True)
class Claim:
    """One declared date: its day in the page's timezone and as written."""

    day: str
    raw: str
    kind: str  # one of _KINDS
    stamp: str  # the value as declared: two fields may repeat one stamp


class Evidence:
    """What one page says about its date; htmldate is only asked when it is needed."""

    def __init__(self, tree: HtmlElement, url: str | None, heuristic: str | None) -> None:
        self.tree, self.url, self.heuristic = tree, url, heuristic
        self.today = datetime.now()
        claims = _claims(tree, self.today)
        self.published = [c for c in claims if c.kind in ("meta", "json_ld", "itemprop")]
        self.generic = [c for c in claims if c.kind == "generic"]
        self.modified = [c for c in claims if c.kind == "modified"]

    @cached_property
    def original(self) -> str | None:
        """htmldate's original-date estimate, read from the tree (no fetch)."""
        return find_date(self.tree, url=self.url, original_date=True)

    @cached_property
    def _line(self) -> tuple[str, bool] | None:
        return _dateline(self.tree, self.today)

    @property
    def dateline(self) -> str | None:
        return self._line[0] if self._line else None

    @property
    def dateline_alone(self) -> bool:
        """Whether the dateline is a line of its own, not a date inside a sentence."""
        return bool(self._line and self._line[1])

    def declares(self, day: str) -> bool:
        """Whether any declared date, publication or modification, falls on `day`."""
        claims = (*self.published, *self.generic, *self.modified)
        return any(day in (c.day, c.raw) for c in claims)


def publication_date(tree: HtmlElement, url: str | None, heuristic: str | None) -> str | None:
    """ISO day the page was published, or None.

    `heuristic` is the most-recent-date guess htmldate made during
    trafilatura's extraction (see `HTMLDATE_PARAMS`).
    """
    today = datetime.now()
    return _url_date(url, today) or _decide(Evidence(tree, url, heuristic))


def _decide(page: Evidence) -> str | None:
    """The day the page's evidence shows, the sources weighed as the module says."""
    line = page.dateline
    if line and (page.declares(line) or line == page.heuristic):
        return line
    # Contradicted by no declared date, the dateline must look like one.
    unopposed = not page.published and page.dateline_alone
    if line and (unopposed or _restamped(page) or line == page.original):
        return line
    if not page.published:
        return page.heuristic
    return _weigh(page, page.published[0])


def _weigh(page: Evidence, first: Claim) -> str:
    """The first declared publication day, unless htmldate's day has more support.

    A disagreement that is only the timezone (htmldate reads the stamp as
    written) keeps the publisher's day.
    """
    other = page.original
    if other is None or other in (first.day, first.raw):
        return first.day
    return other if _support(page, other) > _support(page, first.day) else first.day


def _restamped(page: Evidence) -> bool:
    """Whether every declared publication date repeats a modification stamp.

    Such pages rewrite all their date fields when they are updated: what the
    publication field holds is the last update, not the first publication.
    """
    modified = {c.stamp for c in page.modified}
    return bool(page.published) and all(c.stamp in modified for c in page.published)


def _support(page: Evidence, day: str) -> int:
    """Kinds of evidence that show `day`, less one when they only repeat a modification."""
    showing = [c for c in (*page.published, *page.generic) if c.day == day]
    # htmldate reads the same markup: it is a witness of its own only where
    # no declared date shows its day.
    votes = len({c.kind for c in showing}) or int(day == page.original)
    modified = {c.stamp for c in page.modified}
    if showing and all(c.stamp in modified for c in showing):
        votes -= 1  # the publication fields repeat the modification stamp
    return votes


def _claims(tree: HtmlElement, today: datetime) -> list[Claim]:
    """Declared dates, most trusted kind first (see `_KINDS`)."""
    found = [*_meta_values(tree), *_json_ld_values(tree), *_itemprop_values(tree)]
    offset = _page_offset(tree) if found else None
    claims = []
    for kind, value in sorted(found, key=lambda item: _KINDS.index(item[0])):
        day = _day(value, offset, today)
        raw = _day(value, None, today)
        if day and raw:
            claims.append(Claim(day, raw, kind, value.strip()))
    return claims


def _meta_values(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """(kind, content) of each <meta> that declares a date."""
    for element in tree.iter("meta"):
        name = (element.get("property") or element.get("name") or "").lower()
        value = element.get("content")
        if not value:
            continue
        if name in _META_PUBLISHED:
            yield "meta", value
        elif name in _META_MODIFIED:
            yield "modified", value
        elif name in _META_GENERIC:
            yield "generic", value


def _itemprop_values(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """Microdata dates of the page's own item, not of a comment or review inside it."""
    for element in tree.xpath(_ITEMPROP_XPATH):
        scope = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
        itemtype = (scope.get("itemtype") or "") if scope is not None else ""
        if itemtype.rstrip("/").rsplit("/", 1)[-1].lower() in _SKIPPED_TYPES:
            continue
        value = element.get("content") or element.get("datetime") or element.text_content()
        if value and value.strip():
            yield "itemprop" if element.get("itemprop") == "datePublished" else "modified", value


def _json_ld_values(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    for script in tree.xpath(_LD_XPATH):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        yield from _ld_walk(data)


def _ld_walk(node: object) -> Iterator[tuple[str, str]]:
    """Dates of every schema.org object that is not embedded media or a comment."""
    if isinstance(node, list):
        for item in node:
            yield from _ld_walk(item)
    elif isinstance(node, dict):
        types = node.get("@type")
        names = types if isinstance(types, list) else [types]
        if not any(str(name).lower() in _SKIPPED_TYPES for name in names):
            for key, kind in (("datePublished", "json_ld"), ("dateModified", "modified")):
                value = node.get(key)
                if isinstance(value, str) and value:
                    yield kind, value
        for key, child in node.items():
            if key not in ("datePublished", "dateModified") and isinstance(child, dict | list):
                yield from _ld_walk(child)


def _dateline(tree: HtmlElement, today: datetime) -> tuple[str, bool] | None:
    """The first date printed next to the headline, where readers see it.

    Bylines put it just below the headline; some pages put it in a line just
    above, in the headline's own block.
    """
    headline = _headline(tree)
    if headline is None:
        return None
    below = headline.xpath(_FOLLOWING_TEXT)[:_DATELINE_NODES]
    above = headline.xpath(_ABOVE_TEXT)[::-1][:_DATELINE_NODES]
    return _first_date(below, today) or _first_date(above, today)


def _first_date(texts: list[Any], today: datetime) -> tuple[str, bool] | None:
    """The first visible date in the first `_DATELINE_CHARS` of these text nodes,
    and whether its text node is short enough to be a date line of its own."""
    read = 0
    for text in texts:
        if read > _DATELINE_CHARS:
            break
        segment = _SPACED_DATE.sub("", " ".join(str(text).split()))
        read += len(segment)
        if _hidden(text):
            continue
        if day := try_date_expr(segment, _DAY, False, _MIN_DATE, today):
            return str(day), len(segment) < MAX_SEGMENT_LEN
    return None


def _headline(tree: HtmlElement) -> HtmlElement | None:
    """The article's headline element, found by its markup or as the title repeated."""
    for xpath in _HEADLINE_XPATHS:
        for element in tree.xpath(xpath):
            if element.text_content().strip():
                return element
    titles = [_words(str(title)) for title in tree.xpath(_TITLE_XPATH)]
    for element in tree.xpath(_HEADING_XPATH):
        words = _words(element.text_content())
        if words and any(title[: len(words)] == words for title in titles):
            return element
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _hidden(text: Any) -> bool:
    """Whether the element holding this text node, or an ancestor, hides it from readers."""
    element = text.getparent()
    if element is not None and text.is_tail:
        element = element.getparent()
    if element is None:
        return False
    for node in (element, *element.iterancestors()):
        classes = set((node.get("class") or "").lower().split())
        style = (node.get("style") or "").replace(" ", "").lower()
        if classes & _HIDDEN_CLASSES or node.get("hidden") is not None or "display:none" in style:
            return True
    return False


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
    """A full date in the page's URL: /2019/05/14/, 2019-05-14, 2020-02/19."""
    match = COMPLETE_URL.search(url or "")
    if not match:
        return None
    try:
        found = datetime(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return found.strftime(_DAY) if _MIN_DATE <= found <= today else None
