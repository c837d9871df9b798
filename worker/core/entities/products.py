"""Products the model calls an organisation: names measured or counted as things.

"The new 16-inch MacBook Pro", "a 65-inch Bravia", "all MacBook Air models":
a company is never measured in inches; a name written so is a product, and
so is a name of two or more words that has models (a one-word name before
"models" is the maker's: "older Samsung models"). Such a span is relabelled
PRODUCT (not an entity the scored labels count), and the article's vote over
labels carries it to the name's other mentions.
"""

from __future__ import annotations

import re

from worker.core.entities.spans import Span

_MEASURE_BEFORE = re.compile(r"\b\d+(?:\.\d+)?[- ](?:inch|in\.|mm|cm|GB|TB|megapixel)\s$")
_MODELS_AFTER = re.compile(r" (?:models?|versions?|editions?|variants?)\b")
_RELABELLED = ("ORG", "PERSON", "GPE", "LOC")


def products(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with names measured or counted as things relabelled PRODUCT."""
    return [
        s._replace(label="PRODUCT")
        if s.label in _RELABELLED
        and (
            _MEASURE_BEFORE.search(text, max(0, s.start - 16), s.start)
            or (" " in text[s.start : s.end] and _MODELS_AFTER.match(text, s.end))
        )
        else s
        for s in spans
    ]
