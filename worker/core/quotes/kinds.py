"""Which quoted segments are quotations, decided from their structure alone.

Quote marks also enclose titles of works ("Star Wars"), product names,
nicknames, scare quotes and single terms. What tells them apart is structure:
a title is short and capitalised word by word, a work noun ("the film",
"song", "titled") or a naming word ("dubbed it", "meaning") stands next to
it, and a scare quote or a term is one or two words. A segment that ends a
statement ("No.") or that an attribution cue introduces ("called it") is a
quotation whatever its length.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

MIN_WORDS = 3  # shorter quoted words are terms or scare quotes unless a statement

_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "vs",
        "nor",
        "per",
        "via",
    ]
)
_WORK_NOUNS = re.compile(
    r"\b(?:film|movie|song|single|album|book|novel|memoir|show|series|sitcom|episode|play|"
    r"musical|opera|poem|podcast|documentary|game|app|brand|product|hashtag|slogan|titled|"
    r"entitled|(?:dubbed|nicknamed)(?:\s+(?:it|him|her|them))?|named|nickname(?:\s+of)?|"
    r"moniker|name\s+of|known as|meaning|headlined|headline|campaign|exhibition|"
    r"programme|program|franchise|track|video|magazine|newspaper|column|report)s?\W*$",
    re.IGNORECASE,
)
# `a new "functions on demand" system`, `the "this is great" zone`: quoted words between a
# determiner and the noun they modify name a thing; nobody is quoted.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|these|those|its|their|his|her|our|your|my)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(r"\s([a-z][a-z-]+)\b")
MAX_MODIFIER_WORDS = 5
# `From "Superminds: The Surprising Power of ..." by Thomas W. Malone`: a work and its author.
# `called "Researching Your Revolutionary War Ancestors" by author Craig Roberts Scott`.
_BY_AUTHOR = re.compile(
    r"^[\"'’”]*,?\s+by\s+(?:(?:author|writer|novelist|poet|director|artist|historian)\s+)?"
    r"(?:[A-Z]\.\s*)*[A-Z][\w’'-]+"
)
_STATEMENT_END = re.compile(r"[.!?…][\"'’”)]*$")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _title_cased(words: list[str]) -> bool:
    """Every word capitalised except small ones, the first one included: "Mary Poppins"."""
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _subtitled(bare: str) -> bool:
    """A title and its subtitle: two to eight words capitalised word by word, a colon, a
    capitalised part of one clause ("Graduate Together: America Honors the High School
    Class of 2020", "The Colour of Class: The educational strategies of the Black ...")."""
    head, colon, tail = bare.partition(": ")
    words = _WORD.findall(head)
    one_clause = not re.search(r"[,;:!?.]", tail)
    return (
        bool(colon and 2 <= len(words) <= 8 and _title_cased(words) and tail[:1].isupper())
        and one_clause
    )


def is_quotation(text: str, before: str, attributed: bool, after: str = "") -> bool:
    """Whether the quoted `text` (preceded in its sentence by `before`, followed by
    `after`, from its closing mark on) is someone's words.

    `attributed`: an attribution cue next to the segment names who said it.
    """
    words = _WORD.findall(text)
    if not words:
        return False
    ends = bool(_STATEMENT_END.search(text)) or (attributed and text.endswith(","))
    statement = ends and text[0].isupper() and (len(words) > 1 or attributed)
    if len(words) < MIN_WORDS and not statement:
        return False
    bare = text.rstrip(".,;:!?")
    titled = _title_cased(words) and len(words) <= 8 and not re.search(r"[,;:!?]", bare)
    if (titled and not (attributed and len(words) >= MIN_WORDS + 2)) or _subtitled(bare):
        return False  # a title, even in someone's sentence ("her acclaimed 'The Colour of ...'")
    if _WORK_NOUNS.search(before) and len(words) <= 8 and not attributed:
        return False
    if (titled or not attributed) and not ends and text[0].isupper() and _BY_AUTHOR.match(after):
        return False
    return attributed or ends or not _modifies_noun(words, bare, before, after)


def _modifies_noun(words: list[str], bare: str, before: str, after: str) -> bool:
    """Quoted words that sit between a determiner and a noun (`a new "functions on demand"
    system`): the name of a thing, not a quotation."""
    if len(words) > MAX_MODIFIER_WORDS or re.search(r"[,;:!?]", bare):
        return False
    noun = _NOUN_AFTER.match(after, 1)
    return bool(_DETERMINER_BEFORE.search(before) and noun and noun[1] not in STOP_WORDS)
