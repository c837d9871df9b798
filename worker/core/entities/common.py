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


def common_words(text: str, spans: list[Span]) -> list[Span]:
    """The spans less one-word ORGs that the article also writes in lowercase."""
    return [s for s in spans if not _is_common(text, s)]


def _is_common(text: str, span: Span) -> bool:
    word = text[span.start : span.end]
    return (
        span.label == "ORG"
        and _TITLE_WORD.fullmatch(word) is not None
        and re.search(rf"(?<![\w-]){word.lower()}(?![\w-])", text) is not None
    )
