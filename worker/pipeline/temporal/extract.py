"""Run every rule over a text and keep the best non-overlapping matches.

Each rule only runs near its trigger tokens (a rule for weekdays near weekday
names, one for durations near unit words...), so the cost follows the temporal
content of an article rather than rules × characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from worker.pipeline.model import Timex
from worker.pipeline.temporal.context import DIGIT_KEY, Context, parse_anchor
from worker.pipeline.temporal.rules import RULES

Candidate = tuple[int, int, int, Timex]  # start, end, rule priority, timex

_BEFORE, _AFTER = 50, 40  # characters a match may extend before or after its trigger
_WORD_END = re.compile(r"\S*")


def find_timexes(text: str, published_at: str | None) -> list[Timex]:
    """All temporal expressions in `text`, sorted and non-overlapping, with TIMEX3 values.

    Relative expressions are resolved against the date of `published_at`
    (ISO 8601) and the tense around them; without it they stay underspecified.
    """
    anchor = parse_anchor(published_at)
    ctx = Context(text, anchor)
    anchor_iso = anchor.isoformat() if anchor else None
    positions = _positions(ctx.tokens)
    candidates: list[Candidate] = []
    for priority, rule in enumerate(RULES):
        for lo, hi in trigger_windows(text, positions, rule.triggers):
            for match in rule.pattern.finditer(text, lo, hi):
                try:
                    result = rule.handle(match, ctx)
                except (ValueError, OverflowError):
                    continue  # a date before year 1 or after 9999: not representable
                if result is None:
                    continue
                kind, value, anchored = result
                start, end = match.span()
                timex = Timex(
                    text[start:end], start, end, kind, value, anchor_iso if anchored else None
                )
                candidates.append((start, end, priority, timex))
    return _select(candidates)


def _positions(tokens: list[tuple[int, int, str]]) -> dict[str, list[int]]:
    """Start offsets of each token, numbers all under DIGIT_KEY."""
    positions: dict[str, list[int]] = defaultdict(list)
    for start, _, token in tokens:
        positions[DIGIT_KEY if token[0].isdigit() else token].append(start)
    return positions


def trigger_windows(
    text: str, positions: dict[str, list[int]], triggers: frozenset[str]
) -> list[tuple[int, int]]:
    """Merged, word-aligned spans of text within reach of one of the `triggers` tokens."""
    starts = sorted(p for key in triggers.intersection(positions) for p in positions[key])
    windows: list[tuple[int, int]] = []
    for start in starts:
        lo, hi = max(0, start - _BEFORE), min(len(text), start + _AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return [(lo, _WORD_END.match(text, hi).end()) for lo, hi in windows]  # type: ignore[union-attr]


def _select(candidates: list[Candidate]) -> list[Timex]:
    """Longest spans first (earlier rules on ties); drop anything overlapping a kept span."""
    kept: list[Candidate] = []  # sorted by start, pairwise disjoint
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        i = bisect_left(kept, cand[0], key=lambda k: k[0])
        before_ok = i == 0 or kept[i - 1][1] <= cand[0]
        after_ok = i == len(kept) or cand[1] <= kept[i][0]
        if before_ok and after_ok:
            kept.insert(i, cand)
    return [c[3] for c in kept]
