"""Reclassify dump lines by their neighbours, then find the article's lines.

What a line is also depends on what is around it: everything after a comment
section header is comments, headlines under "Related" are links, a short line
above a bare credit is a caption, a lone sentence among menus is a teaser. The
article is then the run of lines with the highest body score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from worker.core.cleaning.dump_lines import KEPT, Kind, Line, ends_like_prose
from worker.core.text import CREDIT_ONLY_LINE

# Region scores per kind, as a multiple of the line's word count (at least 2).
_WEIGHT = {
    Kind.BODY: 1.0,
    Kind.LONG: 0.5,
    Kind.SHORT: 0.5,
    Kind.HEADING: -1.0,
    Kind.TAG: -0.5,
    Kind.NAV: -1.0,
    Kind.BOILERPLATE: -1.0,
    Kind.CAPTION: 0.0,
    Kind.COMMENTS: -1.0,
    Kind.LINKS: -5.0,
}
_TRANSPARENT = {Kind.CAPTION, Kind.BOILERPLATE}
_MAX_ISOLATED_WORDS = 30
_ISOLATION_REACH = 2
_MIN_WORDS_BEFORE_COMMENTS = 100
_SHARE_BAR = re.compile(r"\bshare (?:this|on|via)\b", re.IGNORECASE)
_MIN_WORDS_BETWEEN_BARS = 40
_MIN_PARAGRAPH_WORDS = 15
_MAX_CREDIT_LINE_WORDS = 10
_MAX_CAPTION_WORDS = 60
_MIN_GAP_LINES = 6
_MAX_STACKED_HEADINGS = 2
_MIN_TAIL_SHARE = 0.5
# A row of a numbered list or table: "1 Kyle Busch 5040", "2a etapa: 8 de abril", "3. Step".
_NUMBERED_ROW = re.compile(r"^(\d{1,3})(?:[a-zº°ª]{0,2}[.):]?)\s+\S")
_MIN_NUMBERED_ROWS = 4
_MIN_ROW_WORDS = 3
_MAX_ROW_GAP = 2  # lines between two rows of a list: an item's link or second line
_MAX_ITEM_WORDS = 12  # an item of a list, not a headline of another story


def in_context(lines: list[Line]) -> list[Line]:
    """The lines before any comment section, reclassified by their neighbours."""
    ended = _before_comments(_mark_numbered_rows(lines))
    return _demote_isolated(_mark_credited_captions(_mark_link_lists(ended)))


def _before_comments(lines: list[Line]) -> list[Line]:
    """Drop everything after the first comment-section header that follows article text,
    and after a share bar printed again below article text (pages print it above and
    below the article; what follows the second copy is the page's, not the article's)."""
    body_words, kept_words = 0, 0
    share_bars: dict[str, int] = {}  # text of a share bar → kept words seen before it
    for position, line in enumerate(lines):
        if line.kind is Kind.COMMENTS and body_words >= _MIN_WORDS_BEFORE_COMMENTS:
            return lines[:position]
        if line.kind is Kind.BOILERPLATE and _SHARE_BAR.search(line.text):
            if kept_words - share_bars.get(line.text, kept_words) >= _MIN_WORDS_BETWEEN_BARS:
                return lines[: position + 1]
            share_bars.setdefault(line.text, kept_words)
        body_words += line.words if line.kind is Kind.BODY else 0
        kept_words += line.words if line.kind in KEPT else 0
    return lines


def _mark_link_lists(lines: list[Line]) -> list[Line]:
    """Headlines listed under a "Related"-style header are links, up to the next paragraph."""
    marked: list[Line] = []
    in_list = False
    for line in lines:
        in_list = line.kind is Kind.LINKS or (in_list and not _is_paragraph(line))
        if in_list and line.kind in KEPT:
            line = replace(line, kind=Kind.NAV)
        marked.append(line)
    return marked


def _mark_credited_captions(lines: list[Line]) -> list[Line]:
    """A short text line followed by a bare credit line is a caption, and so is the credit."""
    marked = list(lines)
    for position in range(1, len(lines)):
        line, previous = lines[position], lines[position - 1]
        if _is_credit_line(line) and previous.kind in KEPT and previous.words <= _MAX_CAPTION_WORDS:
            marked[position - 1] = replace(previous, kind=Kind.CAPTION)
            marked[position] = replace(line, kind=Kind.CAPTION)
    return marked


def _is_credit_line(line: Line) -> bool:
    return (
        line.kind in (Kind.HEADING, Kind.NAV)
        and line.words <= _MAX_CREDIT_LINE_WORDS
        and bool(CREDIT_ONLY_LINE.search(line.text))
    )


def _mark_numbered_rows(lines: list[Line]) -> list[Line]:
    """Lines numbered 1, 2, 3, ... are rows of a ranking, a results table or a list of
    steps: article text, however few function words they hold; so are the few lines
    between two rows (an item's link or second line: "1) Lego Star Wars 75188" /
    "http://amzn.to/..." / "2) Polistil 960574").

    Menus and tag lists are not numbered; the count must go up by one from row to
    row for at least `_MIN_NUMBERED_ROWS` rows, so that figures that merely start
    lines (prices, years, scores) do not make a list.
    """
    marked = list(lines)
    run: list[int] = []  # positions of the current run's rows, each numbered one more
    previous = -1
    for position, line in enumerate(lines):
        number = _row_number(line)
        if number < 0 and run and position - run[-1] <= _MAX_ROW_GAP:
            continue  # an item's second line, or the next row may follow
        if not (run and number == previous + 1):
            _mark_rows(marked, run)
            run = []
        if number >= 0:
            run.append(position)
        previous = number
    _mark_rows(marked, run)
    return marked


def _mark_rows(lines: list[Line], run: list[int]) -> None:
    """The rows, and the headings and link-like lines between them, are text (a caption,
    a credit or a sharing line between two rows stays what it is)."""
    rows = set(run)
    if len(run) >= _MIN_NUMBERED_ROWS:
        for index in range(run[0], run[-1] + 1):
            kind = lines[index].kind
            if (index in rows and kind not in KEPT) or kind in (Kind.HEADING, Kind.NAV):
                lines[index] = replace(lines[index], kind=Kind.SHORT)


def _row_number(line: Line) -> int:
    """The number a line starts with as a list row, or -1."""
    if line.words < _MIN_ROW_WORDS or line.kind is Kind.BOILERPLATE:
        return -1
    match = _NUMBERED_ROW.match(line.text)
    return int(match.group(1)) if match else -1


def _demote_isolated(lines: list[Line]) -> list[Line]:
    """A short text line with no text near it is a teaser, not a paragraph.

    Captions and ad markers are not neighbours: articles are interrupted by
    pictures and ads, teaser lists by headlines, dates and tags.
    """
    solid = [i for i, line in enumerate(lines) if line.kind not in _TRANSPARENT]
    demoted = list(lines)
    for position, index in enumerate(solid):
        line = lines[index]
        neighbours = [
            *solid[max(0, position - _ISOLATION_REACH) : position],
            *solid[position + 1 : position + 1 + _ISOLATION_REACH],
        ]
        if (
            line.kind in KEPT
            and line.words < _MAX_ISOLATED_WORDS
            and len(neighbours) == 2 * _ISOLATION_REACH
            and all(lines[i].kind not in KEPT for i in neighbours)
        ):
            demoted[index] = replace(line, kind=Kind.NAV)
    return demoted


def _is_paragraph(line: Line) -> bool:
    return line.kind is Kind.BODY and line.words >= _MIN_PARAGRAPH_WORDS


def main_region(lines: Sequence[Line]) -> tuple[int, int]:
    """Bounds [start, end) of the line run with the highest body score (Kadane)."""
    best, best_bounds = 0.0, (0, 0)
    total, start = 0.0, 0
    for position, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, position
        total += _WEIGHT[line.kind] * max(line.words, 2)
        if total > best:
            best, best_bounds = total, (start, position + 1)
    return _drop_trailing_blocks(lines, *best_bounds)


def is_subheading(region: Sequence[Line], position: int) -> bool:
    """A heading between two stretches of running text belongs to the article (a
    section heading and its subheading may stand together)."""
    if region[position].kind is not Kind.HEADING:
        return False
    run_start, run_end = position, position + 1
    while run_start > 0 and region[run_start - 1].kind is Kind.HEADING:
        run_start -= 1
    while run_end < len(region) and region[run_end].kind is Kind.HEADING:
        run_end += 1
    return (
        run_end - run_start <= _MAX_STACKED_HEADINGS
        and run_start > 0
        and run_end < len(region)
        and region[run_start - 1].kind in KEPT
        and region[run_end].kind in KEPT
    )


def is_article_line(region: Sequence[Line], position: int) -> bool:
    """A line of the article's region that is article text.

    Running text is; so is a subheading, and so is a sentence the classifier
    took for a menu (few function words: figures, names, scores) when running
    text stands on both sides of it: menus and link lists are not printed
    between two paragraphs of one article.
    """
    line = region[position]
    if line.kind in KEPT:
        return True
    if line.kind is Kind.NAV and ends_like_prose(line.text):
        return _next_to_text(region, position)
    return is_subheading(region, position) or _is_listed(region, position)


def _is_listed(region: Sequence[Line], position: int) -> bool:
    """A short line of a run of them that a paragraph ending with a colon introduces is an
    item of the article's list ("... They're selling:" / "Courses on writing a book" / ...);
    a label with a colon ("Further reading:", "Lire aussi :", "Watch below:") is no
    paragraph, and the headlines of a box of links follow it."""
    start = position
    while start > 0 and region[start - 1].kind is Kind.HEADING:
        start -= 1
    return (
        start > 0
        and region[start - 1].kind is Kind.BODY
        and region[start - 1].text.rstrip().endswith(":")
        and region[position].words <= _MAX_ITEM_WORDS
    )


def _next_to_text(region: Sequence[Line], position: int) -> bool:
    return (position > 0 and region[position - 1].kind in KEPT) or (
        position < len(region) - 1 and region[position + 1].kind in KEPT
    )


def _drop_trailing_blocks(lines: Sequence[Line], start: int, end: int) -> tuple[int, int]:
    """Cut the region's tail off at a long run of lines without text after the article.

    After an article come author boxes, tag lists, share buttons, teasers and
    sign-up blurbs: short prose among many headings and tags. Split at runs of
    `_MIN_GAP_LINES` non-text lines (captions and ad markers do not count, and
    nor does a list introduced by a colon), the first block after the largest one with
    less than `_MIN_TAIL_SHARE` of its words ends the article.
    """
    blocks: list[tuple[int, int, int]] = []  # (text words, start, end)
    block_start, words, gap, listing = start, 0, 0, False
    for position in range(start, end):
        line = lines[position]
        if line.kind in KEPT:
            if gap >= _MIN_GAP_LINES:
                blocks.append((words, block_start, position - gap))
                block_start, words = position, 0
            gap, words = 0, words + line.words
            listing = line.text.endswith(":")
        elif line.kind not in _TRANSPARENT and not listing:
            gap += 1
    blocks.append((words, block_start, end))
    largest = blocks.index(max(blocks))
    last = largest
    while last + 1 < len(blocks) and blocks[last + 1][0] >= _MIN_TAIL_SHARE * blocks[largest][0]:
        last += 1
    return start, blocks[last][2]
