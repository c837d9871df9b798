"""Quotations of one text with their speakers: segments, cues, speakers, put together.

Each quoted segment looks for its own cue: just after it in its sentence
(`"...," he said`), else before it in its sentence (`Mr Putin said "..."`, a
colon), else, when it opens its sentence, in the unquoted sentence before it in
its paragraph (`..., Mr. Barrios said. "The service runs ..."`: a reporter's
cue covers the quotation that follows it). A segment with none takes the
speaker of the quotation it belongs to:
the other parts of an interrupted quotation or a multi-paragraph one, the
other quoted sentences of its paragraph, and for a paragraph that is nothing
but a quotation, the quotation of the paragraph before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from worker.core.quotes import cues
from worker.core.quotes.kinds import MIN_WORDS, is_quotation
from worker.core.quotes.layout import Layout
from worker.core.quotes.marks import Segment, find_segments, paragraphs
from worker.core.quotes.speakers import Speakers
from worker.core.types import Mention, Quote

MAX_PULL_QUOTE_SEARCH = 200  # quotations per text searched for the pull quotes they repeat
_OPENERS = " \n\t\"'“‘`("  # what may stand between a sentence's start and its opening mark


@dataclass(frozen=True, slots=True)
class _Found:
    segment: Segment
    quote: Quote
    bare: bool  # the paragraph holds nothing but quoted text


def find_quotes(text: str, mentions: Sequence[Mention]) -> list[Quote]:
    """The quotations of `text` (a body or a title) and who said each, in order.

    `mentions` are the text's entity mentions (offsets into `text`).
    """
    spans = paragraphs(text)
    segments = find_segments(text, spans)
    if not segments:
        return []
    layout = Layout(text, segments, spans)
    speakers = Speakers(text, mentions, [(s.open_at, s.close_at + 1) for s in segments])
    found: list[_Found] = []
    attributed: set[int] = set()  # paragraphs with an attributed quotation
    quoted = {s.paragraph for s in segments}
    for n, segment in enumerate(segments):
        start, end = layout.sentence_start(n), layout.sentence_end(n)
        quote = _attributed(text, segment, start, end, speakers)
        if quote is None:
            continue
        bare = layout.bare[segment.paragraph]
        paragraph = segment.paragraph
        opens_paragraph = bare and paragraph > 0 and not segment.continues
        if quote.cue is None and opens_paragraph and paragraph - 1 not in attributed:
            before = layout.last_sentence(paragraph - 1)
            quote = _introduced(text, quote, before, speakers, paragraph - 1 not in quoted)
        elif quote.cue is None and not segment.continues:
            previous = layout.sentence_before(n)
            if previous is not None and not text[start : segment.open_at].strip(_OPENERS):
                quote = _introduced(text, quote, previous, speakers, unquoted=False)
        if _said(quote):
            speakers.add(quote)
            attributed.add(paragraph)
        found.append(_Found(segment, quote, bare))
    return _inherited(found)


def _introduced(
    text: str, quote: Quote, sentence: tuple[int, int], speakers: Speakers, unquoted: bool
) -> Quote:
    """The quotation with the speaker the last sentence of the paragraph before introduces
    ("..., Van Der Beek noted there should be "zero shame" involved." then a quoted
    paragraph), or, when that paragraph quotes nothing and has no cue, the person it names
    as its subject ("In the bar of a top London hotel, Rollock spells out why she used the title."
    then quoted paragraphs: text with one newline between paragraphs); or as it was."""
    cue = cues.before(text, *sentence)
    if cue is None:
        speaker, mention = speakers.subject(*sentence) if unquoted else (None, None)
        if speaker is None or not speakers.people.is_person(speaker):
            return quote
        named = speaker.canonical.split()[-1] in text[sentence[0] : sentence[1]]
        return replace(quote, speaker=speaker, speaker_mention=mention) if named else quote
    speaker, mention = speakers.who(cue.who_start, cue.who_end, cue.first)
    return replace(quote, speaker=speaker, speaker_mention=mention, cue=cue.word)


def _attributed(
    text: str, segment: Segment, start: int, end: int, speakers: Speakers
) -> Quote | None:
    """The segment as a quotation with its own cue and speaker, or None if it is no quotation."""
    cue = introducing = cues.before(text, start, segment.open_at)
    words = text[segment.start : segment.end]
    # A quotation closed by a full stop ends its sentence: what follows is a new one
    # (an ellipsis or the dot of "U.S." ends none).
    ended = words.endswith(".") and not words.endswith("..") and not words[-2:-1].isupper()
    if (cue is None or not cues.introduces(text, cue, segment.open_at)) and not ended:
        cue = (
            cues.after(text, segment.close_at + 1, end) if segment.close_at < end else None
        ) or cue
    before, after = text[start : segment.open_at], text[segment.close_at : end]
    if not is_quotation(words, before, cue is not None, after):
        return None
    speaker, mention = speakers.who(cue.who_start, cue.who_end, cue.first) if cue else (None, None)
    if cue is not None and speaker is None and mention is None:
        # A cue that names nobody (`He said the war is "...", adding: "...`): the sentence's
        # cue before the quotation, else none, so the segment takes its quotation's speaker.
        cue = introducing if introducing is not cue else None
        speaker, mention = (
            speakers.who(cue.who_start, cue.who_end, cue.first) if cue else (None, None)
        )
    elif cue is not None and speaker is None and introducing not in (None, cue):
        # A cue after it whose words name no one, the sentence going on (`Goldstein, who said
        # it was "..." that the issue would surface, defended it by noting`): the one before,
        # if that one names someone.
        named = speakers.who(introducing.who_start, introducing.who_end, introducing.first)
        if named[0] is not None:
            cue, (speaker, mention) = introducing, named
    return Quote(words, segment.start, segment.end, speaker, mention, cue.word if cue else None)


def _inherited(found: list[_Found]) -> list[Quote]:
    """Segments without a cue take the speaker of the quotation they are part of: the
    attributed part before them in their paragraph (or the paragraph they continue),
    else the one after, else, for a paragraph of nothing but quotes, the paragraph before."""
    quotes = [f.quote for f in found]

    def take(n: int, m: int | None) -> None:
        if not _said(quotes[n]) and m is not None and _said(quotes[m]):
            source = quotes[m]
            quotes[n] = replace(
                quotes[n], speaker=source.speaker, speaker_mention=source.speaker_mention,
                cue=source.cue,
            )  # fmt: skip

    last: dict[int, int] = {}
    for n, f in enumerate(found):
        take(n, last.get(f.segment.paragraph, n - 1 if f.segment.continues and n else None))
        if _said(quotes[n]):
            last[f.segment.paragraph] = n
    upcoming: dict[int, int] = {}
    for n in reversed(range(len(found))):
        chain = n + 1 if n + 1 < len(found) and found[n + 1].segment.continues else None
        take(n, upcoming.get(found[n].segment.paragraph, chain))
        if _said(quotes[n]):
            upcoming[found[n].segment.paragraph] = n
    for n in range(1, len(found)):
        if found[n].bare and found[n - 1].segment.paragraph == found[n].segment.paragraph - 1:
            take(n, n - 1)
    if len(quotes) <= MAX_PULL_QUOTE_SEARCH:
        for n in range(len(quotes)):
            take(n, _repeated(quotes, n))
    return quotes


def _said(quote: Quote) -> bool:
    """Whether the quotation is attributed: by a cue, or by the sentence before it."""
    return quote.cue is not None or quote.speaker is not None


def _repeated(quotes: Sequence[Quote], n: int) -> int | None:
    """The attributed quotation that a pull quote repeats: one whose words contain its words."""
    words = quotes[n].text.strip(" ,.;:!?…").casefold()
    if quotes[n].cue is not None or len(words.split()) < MIN_WORDS:
        return None
    return next(
        (m for m, q in enumerate(quotes) if m != n and q.cue and words in q.text.casefold()), None
    )
