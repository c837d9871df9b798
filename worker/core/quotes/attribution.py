"""Quotations of one text with their speakers: segments, cues, speakers, put together.

Each quoted segment looks for its own cue: just after it in its sentence
(`"...," he said`), else before it in its sentence (`Mr Putin said "..."`, a
colon). A segment with none takes the speaker of the quotation it belongs to:
the other parts of an interrupted quotation or a multi-paragraph one, the
other quoted sentences of its paragraph, and for a paragraph that is nothing
but a quotation, the quotation of the paragraph before it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from worker.core.quotes import cues
from worker.core.quotes.kinds import MIN_WORDS, is_quotation
from worker.core.quotes.marks import Segment, find_segments, paragraphs
from worker.core.quotes.speakers import Speakers
from worker.core.text import SENTENCE_BOUNDARY
from worker.core.types import Mention, Quote


@dataclass(frozen=True, slots=True)
class _Found:
    segment: Segment
    quote: Quote
    bare: bool  # the paragraph holds nothing but quoted text


def find_quotes(text: str, mentions: Sequence[Mention]) -> list[Quote]:
    """The quotations of `text` (a body or a title) and who said each, in order.

    `mentions` are the text's entity mentions (offsets into `text`).
    """
    segments = find_segments(text)
    if not segments:
        return []
    quoted = [(s.open_at, s.close_at + 1) for s in segments]
    speakers = Speakers(text, mentions, quoted)
    spans = paragraphs(text)
    bounds = [
        m.end()
        for m in SENTENCE_BOUNDARY.finditer(text)
        if not any(a < m.start() < b for a, b in quoted)
    ]
    found: list[_Found] = []
    for n, segment in enumerate(segments):
        para_start, para_end = spans[segment.paragraph]
        previous = segments[n - 1] if n and segments[n - 1].paragraph == segment.paragraph else None
        following = next(
            (s for s in segments[n + 1 :] if _words(text, s) >= MIN_WORDS), None
        )  # titles and terms in between ("the "Pose" actor said") do not end the sentence
        same = following is not None and following.paragraph == segment.paragraph
        start = max(
            para_start,
            bounds[bisect_right(bounds, segment.open_at) - 1]
            if bisect_right(bounds, segment.open_at)
            else 0,
            previous.close_at + 1 if previous and _words(text, previous) >= MIN_WORDS else 0,
        )
        quote = _attributed(
            text, segment, start, following.open_at if same and following else para_end, speakers
        )
        if quote is None:
            continue
        outside = "".join(
            text[a:b] for a, b in _gaps(segments, segment.paragraph, para_start, para_end)
        )
        bare = not outside.strip(" ,.;:—–-")
        if quote.cue is None and bare and _opens_unattributed(found, segment):
            quote = _introduced(text, quote, spans[segment.paragraph - 1], bounds, speakers)
        if quote.cue is not None:
            speakers.history.append(quote)
        found.append(_Found(segment, quote, bare))
    return _inherited(found)


def _opens_unattributed(found: Sequence[_Found], segment: Segment) -> bool:
    """A paragraph-long quotation whose paragraph before quotes nobody it could continue."""
    return (
        segment.paragraph > 0
        and not segment.continues
        and not any(f.segment.paragraph == segment.paragraph - 1 and f.quote.cue for f in found)
    )


def _introduced(
    text: str, quote: Quote, before: tuple[int, int], bounds: Sequence[int], speakers: Speakers
) -> Quote:
    """The quotation with the speaker the last sentence of the paragraph before introduces
    ("..., Van Der Beek noted there should be "zero shame" involved." then a quoted
    paragraph), or as it was."""
    start = max((b for b in bounds if before[0] <= b < before[1]), default=before[0])
    cue = cues.before(text, start, before[1])
    if cue is None:
        return quote
    speaker, mention = speakers.who(cue.who_start, cue.who_end, cue.first)
    return replace(quote, speaker=speaker, speaker_mention=mention, cue=cue.word)


def _attributed(
    text: str, segment: Segment, start: int, end: int, speakers: Speakers
) -> Quote | None:
    """The segment as a quotation with its own cue and speaker, or None if it is no quotation."""
    cue = cues.before(text, start, segment.open_at)
    if cue is None or not cues.introduces(text, cue, segment.open_at):
        cue = (
            cues.after(text, segment.close_at + 1, end) if segment.close_at < end else None
        ) or cue
    words = text[segment.start : segment.end]
    if not is_quotation(words, text[start : segment.open_at], cue is not None):
        return None
    speaker, mention = speakers.who(cue.who_start, cue.who_end, cue.first) if cue else (None, None)
    return Quote(words, segment.start, segment.end, speaker, mention, cue.word if cue else None)


def _words(text: str, segment: Segment) -> int:
    return len(text[segment.start : segment.end].split())


def _gaps(
    segments: Sequence[Segment], paragraph: int, start: int, end: int
) -> list[tuple[int, int]]:
    """The unquoted stretches of one paragraph."""
    gaps, position = [], start
    for s in segments:
        if s.paragraph == paragraph:
            gaps.append((position, s.open_at))
            position = s.close_at + 1
    gaps.append((position, end))
    return gaps


def _inherited(found: list[_Found]) -> list[Quote]:
    """Segments without a cue take the speaker of the quotation they are part of."""
    quotes = [f.quote for f in found]
    for n, f in enumerate(found):
        if f.quote.cue is not None:
            continue
        source = _source(found, n)
        if source is not None:
            quotes[n] = replace(
                f.quote,
                speaker=source.speaker,
                speaker_mention=source.speaker_mention,
                cue=source.cue,
            )
            found[n] = replace(f, quote=quotes[n])
    return quotes


def _source(found: list[_Found], n: int) -> Quote | None:
    """The attributed quotation segment `n` belongs to, if any."""
    segment = found[n].segment
    linked = [
        m
        for m in range(len(found))
        if m != n
        and found[m].quote.cue is not None
        and (
            found[m].segment.paragraph == segment.paragraph
            or (m == n + 1 and found[m].segment.continues)
            or (m == n - 1 and segment.continues)
        )
    ]
    before = [m for m in linked if m < n]
    if before:
        return found[before[-1]].quote
    if linked:
        return found[linked[0]].quote
    if found[n].bare and n and found[n - 1].segment.paragraph == segment.paragraph - 1:
        return found[n - 1].quote if found[n - 1].quote.cue is not None else None
    return None
