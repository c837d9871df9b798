"""Common words the model takes for an organisation: "the LC Convertible Concept",
"the Defence" (of "Defence Minister") where the article also writes "concept" or
"defence" in lowercase.

A one-word ORG that the same article also writes in lowercase is a common noun that a
title, a heading or a product name capitalised, not the name of an organisation; it is
dropped. So is a word of five or more capitals ("SCORES QUARANTINED" above "were
initially quarantined"); shorter ones are acronyms ("WHO" beside "who"), and names with
capitals inside ("WeWork") are left alone.
"""

from __future__ import annotations

import re

from worker.core.entities.spans import Span

_TITLE_WORD = re.compile(r"[A-Z][a-z]+|[A-Z]{5,}")
_WORD = re.compile(r"[\w-]+")  # a word and its hyphenated compounds: "concept", "well-known"


def common_words(text: str, spans: list[Span]) -> list[Span]:
    """The spans less one-word ORGs that the article also writes in lowercase."""
    words = set(_WORD.findall(text))  # once: a search per span is slow on long articles
    return [s for s in spans if not _is_common(text[s.start : s.end], s.label, words)]


def _is_common(name: str, label: str, words: set[str]) -> bool:
    return label == "ORG" and _TITLE_WORD.fullmatch(name) is not None and name.lower() in words
