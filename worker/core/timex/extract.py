"""Run every rule over a text and keep the best non-overlapping matches.

Each rule only runs near its trigger tokens (a rule for weekdays near weekday
names, one for durations near unit words...), so the cost follows the temporal
content of an article rather than rules × characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from datetime import date

from worker.core.timex.context import DIGIT_KEY, Context, parse_anchor
from worker.core.timex.rules import RULES
from worker.core.timex.rules.base import Found, FromReference
from worker.core.timex.values import GRANULARITY, Unit, parse_value
from worker.core.types import Timex, TimexType

Candidate = tuple[int, int, int, Found]  # start, end, rule priority, what the rule found
Reference = tuple[date, Unit, str]  # first day, granularity and value of a date in the text

_BEFORE, _AFTER = 50, 40  # characters a match may extend before or after its trigger
_WORD_END = re.compile(r"\S*")


def find_timexes(text: str, published_at: str | None) -> list[Timex]:
    """All temporal expressions in `text`, sorted and non-overlapping, with TIMEX3 values.

    Relative expressions are resolved against the date of `published_at`
    (ISO 8601) and the tense around them; without it they stay underspecified.
    Narrative ones ("the next day", "that year") follow the last date mentioned
    before them, and `anchor` then holds that date's value.
    """
    anchor = parse_anchor(published_at)
    ctx = Context(text, anchor)
    positions = _positions(ctx.tokens)
    candidates: list[Candidate] = []
    windows: dict[frozenset[str], list[tuple[int, int]]] = {}  # rules share trigger sets
    for priority, rule in enumerate(RULES):
        if rule.triggers not in windows:
            windows[rule.triggers] = trigger_windows(text, positions, rule.triggers)
        for lo, hi in windows[rule.triggers]:
            for match in rule.pattern.finditer(text, lo, hi):
                try:
                    found = rule.handle(match, ctx)
                except (ValueError, OverflowError):
                    continue  # a date before year 1 or after 9999: not representable
                if found is not None:
                    candidates.append((*match.span(), priority, found))
    return _resolve(text, _select(candidates), anchor)


def _resolve(text: str, kept: list[Candidate], anchor: date | None) -> list[Timex]:
    """The timexes in text order, narrative ones valued from the last date before them."""
    anchor_iso = anchor.isoformat() if anchor else None
    references: list[Reference] = []
    timexes = []
    for start, end, _, found in kept:
        if isinstance(found, FromReference):
            resolved = _from_reference(found, references, anchor)
            if resolved is None:
                continue
            kind, value, used = resolved
        else:
            kind, value, anchored = found
            used = anchor_iso if anchored else None
        if kind in {"DATE", "TIME"} and (parsed := parse_value(value)):
            references.append((*parsed, value))
        timexes.append(Timex(text[start:end], start, end, kind, value, used))
    return timexes


def _from_reference(
    found: FromReference, references: list[Reference], anchor: date | None
) -> tuple[TimexType, str, str | None] | None:
    """(type, value, anchor used): the latest precise enough earlier date, else the anchor
    (None for an anaphoric expression without an earlier date)."""
    rank = GRANULARITY[found.unit]
    accepts = found.accepts or (lambda _, unit: GRANULARITY[unit] <= rank)
    reference = next((r for r in reversed(references) if accepts(r[0], r[1])), None)
    if reference is None and found.anaphoric:
        return None
    if reference is None and anchor:
        reference = (anchor, "D", anchor.isoformat())
    if reference is not None:
        day, granularity, value = reference
        try:
            return found.kind, found.compute(day, granularity), value
        except (ValueError, OverflowError):
            pass
    return found.kind, found.fallback, None


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


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest spans first (earlier rules on ties); drop anything overlapping a kept span."""
    kept: list[Candidate] = []  # sorted by start, pairwise disjoint
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        i = bisect_left(kept, cand[0], key=lambda k: k[0])
        before_ok = i == 0 or kept[i - 1][1] <= cand[0]
        after_ok = i == len(kept) or cand[1] <= kept[i][0]
        if before_ok and after_ok:
            kept.insert(i, cand)
    return kept
