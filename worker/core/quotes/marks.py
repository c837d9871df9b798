"""Quoted segments: the text between quote marks, paragraph by paragraph.

Double marks (typographic or ASCII) are paired first; single marks count as
quote marks only where a double pair does not already cover them (nested
quotes belong to their outer quotation) or where they enclose a double pair
(British style, single outside). An opening mark left unclosed at the end of
a paragraph whose next paragraph opens with a quote mark is a quotation
running over several paragraphs: each paragraph's part is a segment, chained
to the previous one (`continues`), also over a line of page furniture between
them (a short line with no sentence's end: "read more linda nolan") where the open mark
is a double one (a single one may be no quotation: "the '90s"). Where wire
copy lost that break, a straight mark after a finished sentence inside an open
quotation ends it and opens the next (`_reopens`); an opening mark between a word
and a space or a punctuation mark closes (`_closes`). A line break inside a
quotation that the next line does not reopen, where a later line closes it (text
wrapped at a fixed width, or one sentence per line as in CoNLL's wire copy), is no
paragraph break (`paragraphs`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.core.quotes.verbs import VERBS

# Doubled single marks stand for double ones in some feeds: ‘‘...’’, ''...'', ``...''.
# Guillemets («...», nesting) and German low-high marks („...“) pair as well.
_DOUBLE = re.compile(r"‘‘|’’|''|``|[“”\"«»„]")
_OPENERS = {"“": "“", "‘‘": "“", "``": "“", "''": '"', '"': '"', "«": "«", "„": "„"}
# Not an opening mark: a detached possessive or contraction ("Boeing 's jets", "' re").
_SINGLE_OPEN = re.compile(r"(?<![\w’'])[‘'](?!(?:s|t|re|ve|ll|d|m)\b)(?=[\w“\"])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…”\"])[’'](?!\w)")
# A dateline and a dash turned into a straight mark: 'LONDON " AstraZeneca says'.
_DATELINE = re.compile(r"[A-Z][A-Z.'-]*(?:[ ,]+[A-Z][A-Z.'-]*)* \" ")
_OPENING = "“\"‘'`«„"
_SINGLE_MARKS = "‘'"
_PARAGRAPH = re.compile(r"[^\n]+")
_EDGE_MARKS = "‘’'`"  # the second mark of a doubled single one
_STRAIGHT = re.compile(r'(?<!\d)"')
_CLOSING = "”\"'’"
_FIRST_WORD = re.compile(r"\s*([a-z]+)\b")
MAX_FURNITURE_WORDS = 6
_SENTENCE_ENDS = (".", "!", "?", ":", ";", "…", '"', "”", "’", "'", ")")
# How far a quotation runs on over line breaks without a mark (`paragraphs`).
MAX_RUN_ON = 12
MAX_RUN_ON_CHARS = 4000
# A straight mark after a line's last sentence that opens the next line's words: one
# sentence per line puts the opening mark of a quotation's second sentence there
# ('I think he got a little tight , " said Washington . "' + 'But I think ... . "').
_REOPENED_AT_END = re.compile(r'[.?!] "\s*$')


@dataclass(frozen=True, slots=True)
class Segment:
    """Quoted text `[start, end)` (marks and edge spaces excluded) in paragraph `paragraph`.

    `open_at`/`close_at` are the marks' offsets (`close_at` is the paragraph end
    when the mark is missing); `continues` marks the next paragraph's part of a
    quotation that ran over a paragraph break.
    """

    start: int
    end: int
    open_at: int
    close_at: int
    paragraph: int
    continues: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, the cleaner's paragraphs, with the lines of a
    quotation that runs on over plain line breaks joined into one (`_closing_line`)."""
    lines = [m.span() for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    joined: list[tuple[int, int]] = []
    n = 0
    while n < len(lines):
        last = n
        while (closing := _closing_line(text, lines, n, last)) is not None or (
            last + 1 < len(lines) and _cue_line(text, lines[last], lines[last + 1])
        ):
            last = closing if closing is not None else last + 1
        joined.append((lines[n][0], lines[last][1]))
        n = last + 1
    return joined


def _cue_line(text: str, line: tuple[int, int], following: tuple[int, int]) -> bool:
    """Whether `following` carries on the sentence of a quotation that ends `line`: it
    opens with a verb of saying in lower case ('... ? "' + 'asked Mustafa Hoshiyeh ,')."""
    word = _FIRST_WORD.match(text, following[0], following[1])
    ends_quoted = text[line[0] : line[1]].rstrip()[-1:] in _CLOSING
    plain = _plain_break(text, line[1], following[0])
    return plain and ends_quoted and word is not None and word.group(1) in VERBS


def _plain_break(text: str, end: int, start: int) -> bool:
    """Whether one line break, no blank line (a paragraph break), lies between."""
    return text.count("\n", end, start) == 1


def _closing_line(text: str, lines: list[tuple[int, int]], first: int, last: int) -> int | None:
    """The last line of a quotation left open at the end of lines `first` to `last`
    that runs on over plain line breaks (no blank line between: a paragraph break): the
    line that closes it, if none before opens with a quote mark (a paragraph break would
    reopen it) and the first with a double mark has an odd number of straight ones, or
    an even number with the last reopening at its end, or a typographic closing one
    first; or, for a quotation opened at the end of its line (`_REOPENED_AT_END`), the
    line before the next that opens with a mark (the paragraph break). At most
    MAX_RUN_ON lines and MAX_RUN_ON_CHARS characters run on, which keeps a text of a mark
    on every line linear."""
    start, end = lines[first][0], lines[last][1]
    if end - start > MAX_RUN_ON_CHARS:
        return None
    pairs = _double_pairs(text, start, end)
    if not pairs or pairs[-1][1] != end:
        return None
    for k in range(last + 1, min(len(lines), first + MAX_RUN_ON)):
        line = text[lines[k][0] : lines[k][1]]
        if line.lstrip()[:1] in _OPENING or not _plain_break(text, lines[k - 1][1], lines[k][0]):
            opened_at_end = _REOPENED_AT_END.search(text, lines[last][0], end) is not None
            return k - 1 if k - 1 > last and opened_at_end else None
        mark = _DOUBLE.search(line)
        if mark is not None:
            straight = len(_STRAIGHT.findall(line))  # not an inch mark: '6.1" screen'
            reopened = straight > 1 and _REOPENED_AT_END.search(line) is not None
            closes = mark.group() in ("”", "’’", "''") or straight % 2 == 1 or reopened
            return k if closes else None
    return None


def _double_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open mark, close mark or `end`) of double quotes in one paragraph."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    depth = 0  # of guillemets: «... «...» ...» is one quotation
    for m in _DOUBLE.finditer(text, start, end):
        mark = _OPENERS.get(m.group(), "”")
        if opened is None:
            if mark != "”" and _opens(text, m, start):
                opened, depth = m.start(), 1
        elif text[opened] == "«":
            depth += (mark == "«") - (m.group() == "»")
            if depth == 0:
                pairs.append((opened, m.start()))
                opened = None
        elif mark == "“" and text[opened] in "“‘`" and not _closes(text, m):
            opened = m.start()  # the previous one was never closed
        elif _reopens(text, m, opened):
            pairs.append((opened, m.start()))  # the previous one ended with its paragraph
            opened = m.start()
        else:
            pairs.append((opened, m.start()))
            opened = None
    if opened is not None:
        pairs.append((opened, end))
    return pairs


def _opens(text: str, m: re.Match[str], start: int) -> bool:
    """Whether an opening or straight double mark `m` of the paragraph from `start` opens a
    quotation: not after a digit (an inch or second mark: `34" 3440x1440 monitor`, `22"
    long`), not a dateline's dash turned into a straight mark ('LONDON " AstraZeneca
    says'), not a doubled single mark right after a word or a full stop (it closes:
    `'... may be around 90% effective.''`)."""
    before = text[m.start() - 1] if m.start() > start else " "
    if m.group() == '"':
        return not before.isdigit() and not _DATELINE.fullmatch(text, start, m.end() + 1)
    return m.group() != "''" or not (before.isalnum() or before in ".,!?…")


def _closes(text: str, m: re.Match[str]) -> bool:
    """Whether an opening mark `m` is a closing one mistyped: right after a word or its
    punctuation (no space between), before a space or a punctuation mark ('“The Purple
    Rose of Cairo“ to', '“very, very beautiful“ actress')."""
    after = text[m.end()] if m.end() < len(text) else " "
    return m.start() > 0 and not text[m.start() - 1].isspace() and not after.isalnum()


def _reopens(text: str, m: re.Match[str], opened: int) -> bool:
    """Whether a straight mark `m` inside a quotation opened at `opened` opens another:
    after a finished sentence and a space, before a word ('truth. "We believe'), as a
    quotation running on over a paragraph break does once the break is lost."""
    at = m.start()
    if m.group() != '"' or text[opened] != '"' or at + 1 >= len(text):
        return False
    before = text[opened + 1 : at]
    return (
        text[at - 1] == " " and text[at + 1].isalnum() and before.rstrip()[-1:] in (".", "?", "!")
    )


def _single_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open mark, close mark or `end`) of single quotes used as quote marks."""
    pairs: list[tuple[int, int]] = []
    position = start
    while (opening := _SINGLE_OPEN.search(text, position, end)) is not None:
        closing = _SINGLE_CLOSE.search(text, opening.end(), end)
        close_at = closing.start() if closing else end
        pairs.append((opening.start(), close_at))
        position = close_at + 1
    return pairs


def _kept(doubles: list[tuple[int, int]], singles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Doubles, plus singles that overlap no double or enclose the ones they overlap."""
    outer = [
        s
        for s in singles
        if all(d[1] < s[0] or d[0] > s[1] or (s[0] < d[0] and d[1] < s[1]) for d in doubles)
    ]
    inner = [d for d in doubles if not any(s[0] < d[0] and d[1] < s[1] for s in outer)]
    return sorted(inner + outer)


def _trimmed(text: str, open_at: int, close_at: int) -> tuple[int, int]:
    start, end = open_at + 1, close_at
    while start < end and (text[start].isspace() or text[start] in _EDGE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_MARKS):
        end -= 1
    return start, end


def _is_furniture(text: str, start: int, end: int) -> bool:
    """A line of a few words that ends no sentence: a link or a label, no paragraph."""
    line = text[start:end].rstrip()
    return len(line.split()) <= MAX_FURNITURE_WORDS and not line.endswith(_SENTENCE_ENDS)


def find_segments(text: str, spans: list[tuple[int, int]] | None = None) -> list[Segment]:
    """Every quoted segment of `text`, in order, with multi-paragraph chains marked
    (`spans`: the text's `paragraphs`, when the caller has them)."""
    segments: list[Segment] = []
    spans = paragraphs(text) if spans is None else spans
    unclosed = double = False
    for index, (start, end) in enumerate(spans):
        pairs = _kept(_double_pairs(text, start, end), _single_pairs(text, start, end))
        if unclosed and not pairs and _is_furniture(text, start, end) and double:
            continue  # "read more linda nolan" between two paragraphs of one quotation
        chained = unclosed and text[start] in _OPENING
        unclosed = False
        for n, (open_at, close_at) in enumerate(pairs):
            begin, finish = _trimmed(text, open_at, close_at)
            if begin >= finish:
                continue
            segments.append(
                Segment(
                    begin, finish, open_at, close_at, index, chained and n == 0 and open_at == start
                )
            )
            unclosed = close_at == end
            double = text[open_at] not in _SINGLE_MARKS  # not "the '90s": no quotation
    return segments
