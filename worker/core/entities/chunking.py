"""Split a body into bounded, paragraph- and sentence-aligned chunks.

The NER model's cost and memory grow with the document, and its context is a
few tokens wide, so paragraphs are processed as separate texts; a paragraph
longer than the limit is cut at sentence ends (then at spaces, then anywhere).
Chunks are (start, end) offsets into the body, so entity offsets stay exact.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from worker.core.text import SENTENCE_END

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# Where a long paragraph may be cut: after a sentence end and the spaces after it.
_CUT = re.compile(rf"(?:{SENTENCE_END.pattern})\s*")


def chunk_spans(text: str, max_chars: int) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of non-blank chunks of at most `max_chars` characters."""
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    start = 0
    for blank in (*_BLANK_LINE.finditer(text), None):
        end = blank.start() if blank else len(text)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > max_chars:
            yield from _split_long(text, start, end, max_chars)
        elif start < end:
            yield start, end
        if blank:
            start = blank.end()


def _split_long(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Greedily pack whole sentences; cut inside a sentence only when it alone is too long."""
    cuts = [m.end() for m in _CUT.finditer(text, start, end)]
    while end - start > max_chars:
        limit = start + max_chars
        i = bisect_right(cuts, limit) - 1
        if i >= 0 and cuts[i] > start:
            cut = cuts[i]
        else:
            space = text.rfind(" ", start + 1, limit + 1)
            cut = space if space > start else limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end
