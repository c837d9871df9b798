"""Clean plain-text page dumps: keep the article, set captions and metadata apart.

A dump is all visible text of a page, one block element per line, with no
markup left, so no HTML extractor applies. Each line is classified by its
content (sentence shape, function-word density, length, repetition, known
boilerplate), the article is taken as the densest run of body-like lines, and
the title, byline, captions and date are read from the lines around it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from functools import lru_cache

import justext

from worker.pipeline.boilerplate import line_fingerprint
from worker.pipeline.errors import PipelineError
from worker.pipeline.language import detect_language
from worker.pipeline.model import CleanedDoc
from worker.pipeline.normalize import count_words, normalize_text

_HEADER_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")

# jusText ships function-word lists for ~100 languages under English names.
_STOPLIST_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay", "nb": "Norwegian_Bokmal",
    "nl": "Dutch", "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish",
    "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese",
}  # fmt: skip

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
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
_NOUN_CAPITALIZING = {"de", "lb"}
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…。！？:]['\"’”»)\]]*$")
_SENTENCE_BREAK = re.compile(r"[.!?…。！？]['\"’”»)\]]*(?:\s|$)")
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

# A photo credit closing a line: "(Name/AP/PA)", "[SpaceX via Nasa]", "Credit... X".
_CREDIT = re.compile(
    r"(?:[(\[][^()\[\]]{0,160}(?:(?-i:[A-Za-z.]\s?/\s?[A-Z])|\bvia\b|\bphoto|\bimages?\b|\bcredit"
    r"|\bgetty\b|\bshutterstock\b|\balamy\b)[^()\[\]]{0,160}[)\]]\s*$)"
    r"|(?:\b(?:credit|photo|photograph|image|picture|foto|bild)\s*(?:\.{3}|…|:)\s*\S.*$)"
    r"|(?:^©)|(?:\bimage (?:copyright|caption)\b)",
    re.IGNORECASE,
)

# A line that is only a picture credit: "Natalie Naccache | Bloomberg | Getty Images".
_CREDIT_LINE = re.compile(
    r"^[^|/]{2,40}(?:\s[|/]\s[^|/]{2,40})*\s[|/]\s\W*"
    r"(?:getty images|shutterstock|alamy|reuters|ap|afp|epa|bloomberg|courtesy\b.*)\W*$",
    re.IGNORECASE,
)
_MAX_CREDIT_LINE_WORDS = 10
_MAX_CAPTION_WORDS = 60

# Icon legends and cookie notices: boilerplate however long the line is.
_STRONG_BOILERPLATE = re.compile(
    r"\ban icon (?:of|representing|that|used|indicating|displaying)\b"
    r"|\b(?:we|site|website|page) uses? cookies\b|\buse of cookies\b",
    re.IGNORECASE,
)
# Phrases that mark navigation, sharing, sign-up and legal blocks in short lines.
_BOILERPLATE = re.compile(
    r"\bskip to (?:content|main)"
    r"|\b(?:sign|signed) (?:up|in)\b|\blog ?(?:in|out)\b|\bsubscribe\b|\bnewsletter"
    r"|\bcookies?\b|\bprivacy (?:policy|settings)|\bterms (?:of|and) (?:use|service|conditions)"
    r"|\ball rights reserved\b|\bcopyright\b|©|^advertisement$|^related\b|\bread more\b"
    r"|\bshare (?:this|on|via)\b|\bfollow us\b|\bclick here\b|\bdownload (?:the|our) app"
    r"|\bcomments?\b.*\bpolicy\b|^more:?$|^(?:source|sources|tags?|topics?)\s*:"
    r"|\binbox\b|\bnews alerts?\b|\bdelayed (?:by )?\d+ minutes\b",
    re.IGNORECASE,
)

# Whole-line headers of a comment section: nothing after them is the article.
_COMMENTS_MARKER = re.compile(
    r"^\W*(?:\d+\s+(?:comments?|responses?|replies|reactions)\b.{0,60}|comments|comments? \(\d+\))$"
    r"|^(?:view|show|read|load|see|post|add|leave|write)\s+(?:all\s+)?(?:a\s+)?(?:\d+\s+)?"
    r"(?:comments?|reply|replies|responses?)\b.{0,30}$"
    r"|^(?:top[- ]rated|most recent|newest|oldest)\s+comments\b"
    r"|^(?:join|start) the (?:discussion|conversation)\b",
    re.IGNORECASE,
)
# Whole-line headers of link lists (related, popular, more): the lines after
# them are headlines of other pages, but the article may go on after the list.
_LINKS_MARKER = re.compile(
    r"^(?:related|recommended|popular|trending|latest|see also|also read)(?:\s+(?:stories|"
    r"articles|posts|news|content|links|videos|coverage|reading|topics))?\W*$"
    r"|^(?:most (?:popular|read|viewed|shared)"
    r"|more (?:stories|news|from|on|in|like this|to explore)"
    r"|you (?:may|might) also (?:like|enjoy)|read (?:next|more|also)|recommended for you"
    r"|related (?:roundup|stories|articles|posts)|sponsored (?:stories|content|links)"
    r"|don't miss)\b.{0,60}$",
    re.IGNORECASE,
)
_MAX_MARKER_WORDS = 12
_MIN_WORDS_BEFORE_COMMENTS = 100
_MIN_PARAGRAPH_WORDS = 15


class Kind(Enum):
    """What a dump line looks like."""

    BODY = "body"  # sentence-shaped running text
    LONG = "long"  # long text without a sentence end
    SHORT = "short"  # short sentence, e.g. a one-line quote
    HEADING = "heading"  # short line without a sentence end
    TAG = "tag"  # short line printed more than once: picture tags, menu items
    NAV = "nav"  # menus and lists of links: long, few function words
    BOILERPLATE = "boilerplate"  # sharing, sign-up, legal, ads
    CAPTION = "caption"  # photo caption or credit
    COMMENTS = "comments"  # header of a comment section: the article is over
    LINKS = "links"  # header of a list of links to other pages


@dataclass(frozen=True, slots=True)
class Line:
    """One dump line holding words, with its classification."""

    text: str
    words: int
    kind: Kind


# Region scores per kind, as a multiple of the line's word count (at least 2).
_WEIGHT = {
    Kind.BODY: 1.0,
    Kind.LONG: 0.5,
    Kind.SHORT: 0.5,
    Kind.HEADING: -1.0,
    Kind.TAG: -0.5,
    Kind.NAV: -1.0,
    Kind.BOILERPLATE: -1.0,
    Kind.CAPTION: 0.0,
    Kind.COMMENTS: -1.0,
    Kind.LINKS: -5.0,
}
_KEPT = {Kind.BODY, Kind.LONG, Kind.SHORT}
_TRANSPARENT = {Kind.CAPTION, Kind.BOILERPLATE}
_MAX_ISOLATED_WORDS = 30
_ISOLATION_REACH = 2

_MIN_BODY_WORDS = 8
_MIN_LONG_WORDS = 20
_MIN_STOP_DENSITY = 0.2
_MAX_CAPITALIZED = 0.6
_MAX_WORDS_PER_SENTENCE = 60
_MAX_BOILERPLATE_WORDS = 40
_CAPTION_WINDOW = 3
_CAPTION_PREFIX = 40
_MIN_TITLE_WORDS = 3
_MAX_TITLE_WORDS = 30
_TITLE_KINDS = {Kind.HEADING, Kind.TAG, Kind.SHORT, Kind.BODY, Kind.LONG, Kind.NAV}
_MIN_CAPTION_WORDS = 3
_CAPTION_LOOKBACK = 10
_MAX_DATELINE_WORDS = 20
_DATELINE_LOOKAHEAD = 3
_MAX_BYLINE_WORDS = 8
_BYLINE_LOOKAHEAD = 5
_MAX_DEK_WORDS = 60


def clean_text_dump(text: str, boilerplate: frozenset[str] = frozenset()) -> CleanedDoc:
    """Extract the article of a plain-text page dump.

    `boilerplate` holds fingerprints (`boilerplate.line_fingerprint`) of lines
    learned as the site's own (menus, footers, prompts): they are classified
    as boilerplate whatever they look like.
    Raises PipelineError("clean", "no_body") when no body line is found.
    """
    header_date, raw_lines = _read_dump(text)
    language = detect_language(_prose_sample(raw_lines))
    lines = _classify(raw_lines, _profile(language), boilerplate)
    lines = _mark_credited_captions(_mark_link_lists(_before_comments(lines)))
    lines = _demote_isolated(lines)
    start, end = _main_region(lines)
    title = _title(lines[: start + 1])
    region = lines[_after_byline(lines, start) : end]
    body_lines = [
        line.text
        for position, line in enumerate(region)
        if line is not title and (line.kind in _KEPT or _is_subheading(region, position))
    ]
    if not body_lines:
        raise PipelineError("clean", "no_body", "no article text found in the dump")
    body = "\n\n".join(body_lines)
    published_at = header_date or _text_date(lines[: start + _DATELINE_LOOKAHEAD])
    return CleanedDoc(
        body=body,
        title=title.text if title else None,
        byline=_byline(lines[:end]),
        published_at=published_at,
        published_at_source=("dump_header" if header_date else "text") if published_at else None,
        captions=_captions(lines[max(0, start - _CAPTION_LOOKBACK) : end]),
        language=detect_language(body) or language,
    )


def dump_fingerprints(text: str) -> list[str]:
    """Fingerprints of a dump's text lines, for `SiteBoilerplate.observe`.

    Every line is counted, the article's too: what recurs across a site's
    articles is told apart by the counts, not here.
    """
    _, lines = _read_dump(text)
    return [line_fingerprint(line) for line in lines if _WORD.search(line)]


@lru_cache(maxsize=2)  # cleaning and fingerprinting read the same dump one after the other
def _read_dump(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The date of a leading `date YYYY-MM-DD` header, and the normalized lines after it."""
    header = _HEADER_DATE.match(text)
    rest = text[header.end() :] if header else text
    return (header.group(1) if header else None), tuple(normalize_text(rest).split("\n"))


@dataclass(frozen=True, slots=True)
class _Profile:
    """What the line classifier needs to know about the page's language."""

    stopwords: frozenset[str]  # empty when jusText has no list for the language
    capitalized_nouns: bool  # German capitalizes every noun: capitals say nothing about menus


@lru_cache(maxsize=64)
def _profile(language: str | None) -> _Profile:
    name = _STOPLIST_NAMES.get(language or "")
    stopwords = justext.get_stoplist(name) if name else frozenset()
    return _Profile(stopwords, language in _NOUN_CAPITALIZING)


def _prose_sample(raw_lines: Sequence[str]) -> str:
    """Sentence-shaped lines first: the page language is in its prose, not its menus."""
    prose = [line for line in raw_lines if _SENTENCE_END.search(line)]
    return "\n".join(prose or raw_lines)


def _classify(
    raw_lines: Sequence[str], profile: _Profile, boilerplate: frozenset[str]
) -> list[Line]:
    texts = [text for text in raw_lines if _WORD.search(text)]
    counts = Counter(texts)
    lines: list[Line] = []
    for position, text in enumerate(texts):
        words = count_words(text)
        if boilerplate and line_fingerprint(text) in boilerplate:
            kind = Kind.BOILERPLATE
        else:
            repeated = counts[text] > 1 or _has_variant_nearby(texts, position)
            kind = _kind(text, words, profile, repeated)
        lines.append(Line(text, words, kind))
    return lines


def _has_variant_nearby(texts: Sequence[str], position: int) -> bool:
    """Captions are printed more than once, with and without credit or truncated."""
    text = texts[position]
    if len(text) < _CAPTION_PREFIX:
        return False
    window = [
        *texts[max(0, position - _CAPTION_WINDOW) : position],
        *texts[position + 1 : position + 1 + _CAPTION_WINDOW],
    ]
    return any(other[:_CAPTION_PREFIX] == text[:_CAPTION_PREFIX] for other in window)


def _kind(text: str, words: int, profile: _Profile, repeated: bool) -> Kind:
    if _CREDIT.search(text) or (repeated and words >= _MIN_BODY_WORDS):
        return Kind.CAPTION
    if words <= _MAX_MARKER_WORDS and _COMMENTS_MARKER.match(text):
        return Kind.COMMENTS
    if words <= _MAX_MARKER_WORDS and _LINKS_MARKER.match(text):
        return Kind.LINKS
    if _is_boilerplate(text, words):
        return Kind.BOILERPLATE
    if repeated:
        return Kind.TAG
    sentence = bool(_SENTENCE_END.search(text))
    if words >= _MIN_BODY_WORDS and _looks_like_nav(text, profile, sentence):
        return Kind.NAV
    if sentence:
        return Kind.BODY if words >= _MIN_BODY_WORDS else Kind.SHORT
    return Kind.LONG if words >= _MIN_LONG_WORDS else Kind.HEADING


def _is_boilerplate(text: str, words: int) -> bool:
    return bool(
        _STRONG_BOILERPLATE.search(text)
        or (words < _MAX_BOILERPLATE_WORDS and _BOILERPLATE.search(text))
    )


def _looks_like_nav(text: str, profile: _Profile, sentence: bool) -> bool:
    """Menus are runs of capitalized link labels with few function words or full stops."""
    tokens = _WORD.findall(text)
    if len(tokens) > _MAX_WORDS_PER_SENTENCE * (1 + len(_SENTENCE_BREAK.findall(text))):
        return True
    stopwords = profile.stopwords
    function_words = sum(token.lower() in stopwords for token in tokens)
    if stopwords and function_words < _MIN_STOP_DENSITY * len(tokens):
        return True
    if sentence or profile.capitalized_nouns:
        return False
    content = [token for token in tokens if token.isalpha() and token.lower() not in stopwords]
    capitalized = sum(token[0].isupper() for token in content)
    return capitalized > _MAX_CAPITALIZED * max(1, len(content))


def _before_comments(lines: list[Line]) -> list[Line]:
    """Drop everything after the first comment-section header that follows article text."""
    body_words = 0
    for position, line in enumerate(lines):
        if line.kind is Kind.COMMENTS and body_words >= _MIN_WORDS_BEFORE_COMMENTS:
            return lines[:position]
        if line.kind is Kind.BODY:
            body_words += line.words
    return lines


def _mark_link_lists(lines: list[Line]) -> list[Line]:
    """Headlines listed under a "Related"-style header are links, up to the next paragraph."""
    marked: list[Line] = []
    in_list = False
    for line in lines:
        in_list = line.kind is Kind.LINKS or (in_list and not _is_paragraph(line))
        if in_list and line.kind in _KEPT:
            line = replace(line, kind=Kind.NAV)
        marked.append(line)
    return marked


def _mark_credited_captions(lines: list[Line]) -> list[Line]:
    """A short text line followed by a bare credit line is a caption, and so is the credit."""
    marked = list(lines)
    for position in range(1, len(lines)):
        line, previous = lines[position], lines[position - 1]
        if (
            _is_credit_line(line)
            and previous.kind in _KEPT
            and previous.words <= _MAX_CAPTION_WORDS
        ):
            marked[position - 1] = replace(previous, kind=Kind.CAPTION)
            marked[position] = replace(line, kind=Kind.CAPTION)
    return marked


def _is_credit_line(line: Line) -> bool:
    return (
        line.kind in (Kind.HEADING, Kind.NAV)
        and line.words <= _MAX_CREDIT_LINE_WORDS
        and bool(_CREDIT_LINE.search(line.text))
    )


def _demote_isolated(lines: list[Line]) -> list[Line]:
    """A short text line with no text near it is a teaser, not a paragraph.

    Captions and ad markers are not neighbours: articles are interrupted by
    pictures and ads, teaser lists by headlines, dates and tags.
    """
    solid = [i for i, line in enumerate(lines) if line.kind not in _TRANSPARENT]
    demoted = list(lines)
    for position, index in enumerate(solid):
        line = lines[index]
        neighbours = [
            *solid[max(0, position - _ISOLATION_REACH) : position],
            *solid[position + 1 : position + 1 + _ISOLATION_REACH],
        ]
        if (
            line.kind in _KEPT
            and line.words < _MAX_ISOLATED_WORDS
            and len(neighbours) == 2 * _ISOLATION_REACH
            and all(lines[i].kind not in _KEPT for i in neighbours)
        ):
            demoted[index] = replace(line, kind=Kind.NAV)
    return demoted


def _is_paragraph(line: Line) -> bool:
    return line.kind is Kind.BODY and line.words >= _MIN_PARAGRAPH_WORDS


def _is_subheading(region: Sequence[Line], position: int) -> bool:
    """A heading between two stretches of running text belongs to the article."""
    return (
        region[position].kind is Kind.HEADING
        and 0 < position < len(region) - 1
        and region[position - 1].kind in _KEPT
        and region[position + 1].kind in _KEPT
    )


def _after_byline(lines: Sequence[Line], start: int) -> int:
    """Where the body starts: after a byline that closes the headline block (title, dek)."""
    for position in range(start, min(start + _BYLINE_LOOKAHEAD, len(lines))):
        if _byline(lines[position : position + 1]):
            header_words = sum(line.words for line in lines[start:position] if line.kind in _KEPT)
            return position + 1 if header_words <= _MAX_DEK_WORDS else start
    return start


def _main_region(lines: Sequence[Line]) -> tuple[int, int]:
    """Bounds [start, end) of the line run with the highest body score (Kadane)."""
    best, best_bounds = 0.0, (0, 0)
    total, start = 0.0, 0
    for position, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, position
        total += _WEIGHT[line.kind] * max(line.words, 2)
        if total > best:
            best, best_bounds = total, (start, position + 1)
    return best_bounds


def _title(head: Sequence[Line]) -> Line | None:
    """The first headline-shaped line before (or opening) the article."""
    for line in head:
        if line.kind in _TITLE_KINDS and _MIN_TITLE_WORDS <= line.words <= _MAX_TITLE_WORDS:
            text = line.text
            if not (_BYLINE.match(text) or _visible_date(text) or text.endswith(".")):
                return line
    return None


def _byline(lines: Sequence[Line]) -> str | None:
    """The author named on a "By ..." line before or in the article."""
    for line in lines:
        match = _BYLINE.match(line.text)
        name = _BYLINE_TAIL.sub("", match.group(1)).strip() if match else ""
        if _looks_like_name(name):
            return name
    return None


def _looks_like_name(name: str) -> bool:
    """Names are short and capitalized; "By then, it was over." is not a byline."""
    return (
        name[:1].isupper()
        and count_words(name) <= _MAX_BYLINE_WORDS
        and not _SENTENCE_END.search(name)
    )


def _text_date(lines: Sequence[Line]) -> str | None:
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
        number = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
        try:
            return date(int(match["year"]), number, int(match["day"])).isoformat()
        except ValueError:
            continue
    return None


def _captions(lines: Sequence[Line]) -> tuple[str, ...]:
    """Each caption of the article once: the longest of the copies printed."""
    longest: dict[str, str] = {}
    for line in lines:
        if line.kind is Kind.CAPTION and _is_caption_text(line):
            key = line.text[:_CAPTION_PREFIX]
            if len(line.text) > len(longest.get(key, "")):
                longest[key] = line.text
    return tuple(longest.values())


def _is_caption_text(line: Line) -> bool:
    """A real caption describes the picture; a bare credit or copyright line does not."""
    described = _CREDIT.sub("", line.text)
    return count_words(described) >= _MIN_CAPTION_WORDS and not _COPYRIGHT.search(line.text)
