"""Classify each line of a text dump by its content alone.

A dump has no markup, so what a line is (running text, a heading, a menu, a
caption, a sign-up prompt) is read from its shape: sentence ends, function-word
density, capitalisation, length, known phrases and repetition on the page.
The neighbours of a line are looked at later (`dump_layout`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import justext

from worker.core.cleaning.boilerplate import line_fingerprint
from worker.core.cleaning.normalize import count_words
from worker.core.text import CLOSERS, LINE_CREDIT, SENTENCE_END, ends_sentence

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
_NOUN_CAPITALIZING = {"de", "lb"}
WORD = re.compile(r"\w+")

# Icon legends and cookie notices: boilerplate however long the line is.
STRONG_BOILERPLATE = re.compile(
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
    r"|^follow\b.{0,40}\bon (?:twitter|facebook|instagram|linkedin|youtube|tiktok)\b"
    r"|\bcomments?\b.*\bpolicy\b|^more:?$|^(?:source|sources|tags?|topics?|filed under)\s*:"
    r"|\binbox\b|\bnews alerts?\b|\bdelayed (?:by )?\d+ minutes\b",
    re.IGNORECASE,
)
# Lines that no article's text has, in a dump or in an extractor's output: the author's
# address under the article ("Jane Doe can be reached at jdoe@..."), a link to another
# story with its label ("Read: ...", "READ MORE: ...", "SEE ALSO: ...": a headline, not
# a sentence)
_NOT_ARTICLE = re.compile(
    r"^\W*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} can be (?:reached|contacted) at\b.*@"
    r"|^(?:read(?: more)?|see also|also read|more|related|watch|listen)\s*:\s*\S"
    r"(?:.*[^.!?\s])?$",
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
# A comment section's header that names the article: "20 thoughts on “Amazon Liable ...”"
_COMMENTS_ON = re.compile(
    r"^\W*\d+\s+(?:thoughts?|comments?|responses?|replies)\s+(?:on|to)\s+[“\"‘'][^“”\"]+[”\"’']$",
    re.IGNORECASE,
)
# A news agency's photo caption: "This combination photo shows ...", "In this Nov. 14,
# 2017, file photo, ...", "This cover image released by Arcade Publishing shows ..."
_AGENCY_CAPTION = re.compile(
    r"^(?:In )?[Tt]his (?:(?:undated|file|handout|combination|cover|aerial|satellite|"
    r"[A-Z][a-z]{2,3}\.? \d{1,2},(?: \d{4},)?) )*(?:photo|image|picture|frame grab)"
    r"(?: (?:made|taken|released|provided|shows)\b|(?<=file photo),|(?<=handout photo),)"
)
# A picture's furniture: the controls of its caption and a credit of a photographer's name
# and an agency ("hide caption", "Enlarge this image", "Belal Khaled/Anadolu via Getty
# Images"; a photographer's name has two words or more: "Israel/Gaza" is no credit):
# articles are interrupted by pictures, and these lines are no more a gap in the article
# than the caption itself
_PICTURE_FURNITURE = re.compile(
    r"^(?:(?:hide|show|toggle|image) caption|(?:enlarge|expand|view) (?:this )?(?:image|photo))$"
    r"|(?-i:^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}/(?:[A-Z][\w.'’&-]* ){0,3}"
    r"(?:via [A-Z].*|Images|Photos?|Pool|AP|AFP|Reuters|EPA|Getty|Shutterstock|Alamy|NPR)$)",
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
MIN_BODY_WORDS = 8
_MIN_LONG_WORDS = 20
_MIN_STOP_DENSITY = 0.2
_MAX_CAPITALIZED = 0.6
_MAX_WORDS_PER_SENTENCE = 60
_MAX_BOILERPLATE_WORDS = 40
_CAPTION_WINDOW = 3
CAPTION_PREFIX = 40


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


# Kinds of line that are article text.
KEPT = {Kind.BODY, Kind.LONG, Kind.SHORT}


@dataclass(frozen=True, slots=True)
class Line:
    """One dump line holding words, with its classification."""

    text: str
    words: int
    kind: Kind
    learned: bool = False  # the line is one learned as its site's boilerplate


@dataclass(frozen=True, slots=True)
class Profile:
    """What the line classifier needs to know about the page's language."""

    stopwords: frozenset[str]  # empty when jusText has no list for the language
    capitalized_nouns: bool  # German capitalizes every noun: capitals say nothing about menus


@lru_cache(maxsize=64)
def profile(language: str | None) -> Profile:
    name = _STOPLIST_NAMES.get(language or "")
    stopwords = justext.get_stoplist(name) if name else frozenset()
    return Profile(stopwords, language in _NOUN_CAPITALIZING)


def prose_sample(raw_lines: Sequence[str]) -> str:
    """Sentence-shaped lines first: a text's language is in its prose, not in its
    menus or its tables of names and numbers."""
    prose = [line for line in raw_lines if ends_like_prose(line)]
    return "\n".join(prose or raw_lines)


def ends_like_prose(text: str) -> bool:
    """A sentence end, or a colon that introduces a quote or a list: running text."""
    return ends_sentence(text) or text.rstrip(CLOSERS).endswith(":")


def classify(raw_lines: Sequence[str], profile: Profile, boilerplate: frozenset[str]) -> list[Line]:
    """The lines that hold words, each with its kind (learned `boilerplate` first)."""
    texts = [text for text in raw_lines if WORD.search(text)]
    counts = Counter(texts)
    lines: list[Line] = []
    for position, text in enumerate(texts):
        words = count_words(text)
        if boilerplate and line_fingerprint(text) in boilerplate:
            lines.append(Line(text, words, Kind.BOILERPLATE, learned=True))
            continue
        repeated = counts[text] > 1 or _has_variant_nearby(texts, position)
        lines.append(Line(text, words, _kind(text, words, profile, repeated)))
    return lines


def _has_variant_nearby(texts: Sequence[str], position: int) -> bool:
    """Captions are printed more than once, with and without credit or truncated."""
    text = texts[position]
    if len(text) < CAPTION_PREFIX:
        return False
    window = [
        *texts[max(0, position - _CAPTION_WINDOW) : position],
        *texts[position + 1 : position + 1 + _CAPTION_WINDOW],
    ]
    return any(other[:CAPTION_PREFIX] == text[:CAPTION_PREFIX] for other in window)


def _kind(text: str, words: int, profile: Profile, repeated: bool) -> Kind:
    if (
        LINE_CREDIT.search(text)
        or (repeated and words >= MIN_BODY_WORDS)
        or _AGENCY_CAPTION.match(text)
        or _PICTURE_FURNITURE.match(text)
    ):
        return Kind.CAPTION
    if (words <= _MAX_MARKER_WORDS and _COMMENTS_MARKER.match(text)) or _COMMENTS_ON.match(text):
        return Kind.COMMENTS
    if words <= _MAX_MARKER_WORDS and _LINKS_MARKER.match(text):
        return Kind.LINKS
    if _is_boilerplate(text, words):
        return Kind.BOILERPLATE
    if repeated:
        return Kind.TAG
    sentence = ends_like_prose(text)
    if words >= MIN_BODY_WORDS and _looks_like_nav(text, profile, sentence):
        return Kind.NAV
    if sentence:
        return Kind.BODY if words >= MIN_BODY_WORDS else Kind.SHORT
    return Kind.LONG if words >= _MIN_LONG_WORDS else Kind.HEADING


def _is_boilerplate(text: str, words: int) -> bool:
    return bool(
        STRONG_BOILERPLATE.search(text)
        or (words < _MAX_BOILERPLATE_WORDS and _BOILERPLATE.search(text))
        or _NOT_ARTICLE.match(text)
    )


def is_page_furniture(text: str) -> bool:
    """A line that no article has, however the page was extracted: a labelled link to
    another story, the author's address, a picture's caption controls and credits, a news
    agency's photo caption. (The other boilerplate phrases, "sign up", "subscribe",
    "share this", also stand in articles' sentences: an extractor's output keeps them.)"""
    return bool(
        _NOT_ARTICLE.match(text) or _PICTURE_FURNITURE.match(text) or _AGENCY_CAPTION.match(text)
    )


def _looks_like_nav(text: str, profile: Profile, sentence: bool) -> bool:
    """Menus are runs of capitalized link labels with few function words or full stops."""
    tokens = WORD.findall(text)
    if len(tokens) > _MAX_WORDS_PER_SENTENCE * (1 + len(SENTENCE_END.findall(text))):
        return True
    stopwords = profile.stopwords
    function_words = sum(token.lower() in stopwords for token in tokens)
    # figures are no words: "Copper CMCU3 rose 0.86% to $5,880.00 a tonne." is a sentence
    lettered = sum(not token.isdigit() for token in tokens)
    if stopwords and function_words < _MIN_STOP_DENSITY * max(lettered, 1):
        return True
    if sentence or profile.capitalized_nouns:
        return False
    content = [token for token in tokens if token.isalpha() and token.lower() not in stopwords]
    capitalized = sum(token[0].isupper() for token in content)
    return capitalized > _MAX_CAPITALIZED * max(1, len(content))
