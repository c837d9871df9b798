"""Where each quoted segment's sentence starts and ends, and which paragraphs are all quotes.

Computed once per text, so that an article with thousands of quote marks
stays linear: sentence ends inside quoted text do not count, and titles and
terms between a quotation and its cue (`"...," the "Pose" actor said`) do not
end the quotation's sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from worker.core.quotes.kinds import MIN_WORDS
from worker.core.quotes.marks import Segment
from worker.core.text import SENTENCE_BOUNDARY

# A sentence end before a wire-style opening mark, which the shared boundaries do not know.
_BEFORE_WIRE_QUOTE = re.compile(r"[.!?][\"'’”)]*\s+(?=(?:``|'')[A-Z])")
_NOT_WORDS = " ,.;:—–-'’`"  # the second mark of a doubled one (``...'') too
# An attribution is near its quotation: longer stretches of one "sentence" are not read.
MAX_REACH = 400
MAX_PASSED = 2  # short segments a quotation's sentence may run over


class Layout:
    """Sentence and paragraph facts about the segments of one text."""

    def __init__(
        self, text: str, segments: Sequence[Segment], spans: Sequence[tuple[int, int]]
    ) -> None:
        self.segments = segments
        self.spans = spans  # the text's paragraphs (`marks.paragraphs`)
        opens = [s.open_at for s in segments]
        self.bounds = [  # sentence ends outside quoted text
            end for end in sentence_ends(text) if not _within(segments, opens, end - 1)
        ]
        self.long = [len(text[s.start : s.end].split()) >= MIN_WORDS for s in segments]
        self.next_stop = [self._stop(n, +1) for n in range(len(segments))]
        self.previous_stop = [self._stop(n, -1) for n in range(len(segments))]
        self.bare = _bare_paragraphs(text, segments, self.spans)

    def sentence_start(self, n: int) -> int:
        """Where the text before segment `n` that may attribute it starts."""
        segment = self.segments[n]
        index = bisect_right(self.bounds, segment.open_at)
        start = max(self.spans[segment.paragraph][0], self.bounds[index - 1] if index else 0)
        previous = self.previous_stop[n]
        if previous is not None and self.segments[previous].paragraph == segment.paragraph:
            start = max(start, self.segments[previous].close_at + 1)
        return max(start, segment.open_at - MAX_REACH)

    def sentence_end(self, n: int) -> int:
        """Where the text after segment `n` that may attribute it ends."""
        following = self.next_stop[n]
        paragraph = self.segments[n].paragraph
        end = self.spans[paragraph][1]
        if following is not None and self.segments[following].paragraph == paragraph:
            end = self.segments[following].open_at
        return min(end, self.segments[n].close_at + 1 + MAX_REACH)

    def _stop(self, n: int, step: int) -> int | None:
        """The segment that bounds segment `n`'s sentence on one side: the nearest long one,
        passing at most `MAX_PASSED` short ones (titles, terms), so windows stay short."""
        m = n + step
        for _ in range(MAX_PASSED):
            if not 0 <= m < len(self.segments) or self.long[m]:
                break
            m += step
        return m if 0 <= m < len(self.segments) else None

    def sentence_before(self, n: int) -> tuple[int, int] | None:
        """The sentence before the one segment `n` opens, in the same paragraph and with no
        quoted text in it; None if segment `n` does not open its sentence or there is none."""
        segment = self.segments[n]
        index = bisect_right(self.bounds, segment.open_at)
        paragraph_start = self.spans[segment.paragraph][0]
        if not index or self.bounds[index - 1] <= paragraph_start:
            return None
        end = self.bounds[index - 1]
        start = max(paragraph_start, self.bounds[index - 2] if index > 1 else 0)
        previous = n - 1
        if previous >= 0 and self.segments[previous].close_at >= start:
            return None  # the previous segment is in that sentence or between the two
        return max(start, end - MAX_REACH), end

    def last_sentence(self, paragraph: int) -> tuple[int, int]:
        """The last sentence of a paragraph."""
        start, end = self.spans[paragraph]
        index = bisect_left(self.bounds, end) - 1
        start = max(start, self.bounds[index]) if index >= 0 else start
        return max(start, end - MAX_REACH), end


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` ends (the next one starts): the shared sentence
    boundaries, and those before a wire-style opening mark (`said. ``We ...`)."""
    ends = {m.end() for m in SENTENCE_BOUNDARY.finditer(text)}
    return sorted(ends | {m.end() for m in _BEFORE_WIRE_QUOTE.finditer(text)})


def _within(segments: Sequence[Segment], opens: Sequence[int], position: int) -> bool:
    index = bisect_right(opens, position) - 1
    return index >= 0 and segments[index].open_at < position <= segments[index].close_at


def _bare_paragraphs(
    text: str, segments: Sequence[Segment], spans: Sequence[tuple[int, int]]
) -> dict[int, bool]:
    """For each paragraph with a segment: whether it holds nothing but quoted text."""
    outside: dict[int, list[str]] = {}
    for n, s in enumerate(segments):
        first = n == 0 or segments[n - 1].paragraph != s.paragraph
        start = spans[s.paragraph][0] if first else segments[n - 1].close_at + 1
        outside.setdefault(s.paragraph, []).append(text[start : s.open_at])
        last = n + 1 == len(segments) or segments[n + 1].paragraph != s.paragraph
        if last:
            outside[s.paragraph].append(text[s.close_at + 1 : spans[s.paragraph][1]])
    return {p: not "".join(words).strip(_NOT_WORDS) for p, words in outside.items()}
