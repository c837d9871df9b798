"""Map text the pipeline derived from an original (a title, a cleaned body) back onto it.

The cleaner may collapse or move whitespace, join or split lines, straighten
quotes, repair mojibake and drop whole lines, so offsets into its output are
not offsets into its input. `TextMap(original).align(derived)` finds where
each character of the derived text came from:

1. Both texts are compared without whitespace and with typographic quotes
   folded to ASCII (a same-length fold, so every compared character keeps its
   offset).
2. Each line of the derived text is looked up in the original as a whole, in
   order: first from where the previous line ended, then anywhere; an
   occurrence counts only if it starts and ends at whitespace (or the text's
   ends) in the original, so "ate" is not found inside "Senate".
3. A line not found whole (the cleaner changed a character in it) is matched
   token by token with `difflib.SequenceMatcher` against the original's
   tokens; only runs of two or more equal tokens are mapped.

Characters left unmapped are the cleaner's own (or changed beyond a quote). A
span of the derived text maps back only if every non-space character in it is
mapped and the original span reads the same (ignoring whitespace and quote
style); otherwise it is unmappable, which the scorers count as a miss. What the
derived texts cover of the original gives the token survival figures and the
dropped lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

_FOLD = str.maketrans(dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"))
_FOLD.update(str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"')))
_TOKEN = re.compile(r"\S+")
_MIN_FUZZY_TOKENS = 2


def fold(text: str) -> str:
    """`text` without whitespace, quotes folded to ASCII: the form texts are compared in."""
    return "".join(text.translate(_FOLD).split())


def _squeeze(text: str) -> tuple[str, list[int]]:
    """The folded non-space characters of `text` and the offset of each."""
    offsets = [i for i, char in enumerate(text) if not char.isspace()]
    return "".join(text[i] for i in offsets).translate(_FOLD), offsets


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each whitespace-separated token."""
    return [m.span() for m in _TOKEN.finditer(text)]


@dataclass(frozen=True, slots=True)
class Alignment:
    """Where each character of `derived` came from in `original` (None: nowhere known)."""

    original: str
    derived: str
    origin: tuple[int | None, ...]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The original span of `derived[start:end]`, or None when it cannot be placed."""
        inside = [i for i in range(start, end) if not self.derived[i].isspace()]
        mapped = [self.origin[i] for i in inside]
        if not mapped or any(m is None for m in mapped):
            return None
        first, last = mapped[0], mapped[-1]
        assert first is not None and last is not None
        if fold(self.original[first : last + 1]) != fold(self.derived[start:end]):
            return None
        return first, last + 1

    def covered(self) -> set[int]:
        """Offsets of the original characters the derived text kept."""
        return {m for m in self.origin if m is not None}


class TextMap:
    """An original text, ready to align texts derived from it."""

    def __init__(self, original: str) -> None:
        self.original = original
        self._squeezed, self._offsets = _squeeze(original)
        self._tokens = token_spans(original)
        self._matcher = SequenceMatcher(None, autojunk=False)
        self._matcher.set_seq2([fold(original[s:e]) for s, e in self._tokens])

    def align(self, derived: str) -> Alignment:
        """Map every character of `derived` it can to an offset of the original."""
        origin: list[int | None] = [None] * len(derived)
        cursor = 0
        for line_start, line in _lines(derived):
            squeezed, offsets = _squeeze(line)
            if not squeezed:
                continue
            at = self._find(squeezed, cursor)
            if at is None:
                self._fuzzy(line, line_start, origin)
                continue
            for k, offset in enumerate(offsets):
                origin[line_start + offset] = self._offsets[at + k]
            cursor = at + len(squeezed)
        return Alignment(self.original, derived, tuple(origin))

    def _find(self, squeezed: str, cursor: int) -> int | None:
        """Where `squeezed` occurs whole in the original, preferring after `cursor`."""
        for start in (cursor, 0):
            at = self._squeezed.find(squeezed, start)
            while at >= 0:
                if self._at_boundaries(at, at + len(squeezed) - 1):
                    return at
                at = self._squeezed.find(squeezed, at + 1)
        return None

    def _at_boundaries(self, first: int, last: int) -> bool:
        """True when squeezed characters first..last are whole tokens in the original."""
        start, end = self._offsets[first], self._offsets[last] + 1
        text = self.original
        return (start == 0 or text[start - 1].isspace()) and (
            end == len(text) or text[end].isspace()
        )

    def _fuzzy(self, line: str, line_start: int, origin: list[int | None]) -> None:
        """Map the runs of equal tokens of a line that is not in the original whole."""
        spans = token_spans(line)
        self._matcher.set_seq1([fold(line[s:e]) for s, e in spans])
        for block in self._matcher.get_matching_blocks():
            if block.size < _MIN_FUZZY_TOKENS:
                continue
            for k in range(block.size):
                (ls, le), (os_, _) = spans[block.a + k], self._tokens[block.b + k]
                for j, i in enumerate(i for i in range(ls, le) if not line[i].isspace()):
                    origin[line_start + i] = os_ + j


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of each line of `text`."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


@dataclass(frozen=True, slots=True)
class LineLoss:
    """A line of the original some of whose tokens no derived text kept."""

    line: str
    kept: int
    tokens: int


def survival(original: str, covered: set[int]) -> tuple[int, int]:
    """(tokens of the original entirely kept, all its tokens)."""
    spans = token_spans(original)
    kept = sum(all(i in covered for i in range(s, e)) for s, e in spans)
    return kept, len(spans)


def lost_lines(original: str, covered: set[int]) -> list[LineLoss]:
    """The original's lines with at least one token not kept, in order."""
    out = []
    for start, line in _lines(original):
        spans = [(start + s, start + e) for s, e in token_spans(line)]
        kept = sum(all(i in covered for i in range(s, e)) for s, e in spans)
        if kept < len(spans):
            out.append(LineLoss(line, kept, len(spans)))
    return out


def covered_by(alignments: Iterable[Alignment]) -> set[int]:
    """Offsets of the original that any of the alignments kept."""
    out: set[int] = set()
    for alignment in alignments:
        out |= alignment.covered()
    return out
