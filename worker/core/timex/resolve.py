"""Pick the concrete date an underspecified calendar name refers to.

"Friday", "March" or "the summer" name many days; the one meant is the
occurrence next to the anchor on the side the tense points to: past tense →
the latest one on or before the anchor, future → the first one on or after
it, no tense cue → the nearest one. "last"/"next" exclude the anchor's own.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from worker.core.timex.values import SEASON_START, season_of, shift

Direction = Literal[-1, 0, 1]  # backwards, nearest, forwards


def weekday(anchor: date, iso_weekday: int, direction: Direction, strict: bool = False) -> date:
    """The `iso_weekday` next to `anchor`; `strict` skips the anchor's own day ("last Friday")."""
    back = (anchor.isoweekday() - iso_weekday) % 7 or (7 if strict else 0)
    ahead = (iso_weekday - anchor.isoweekday()) % 7 or (7 if strict else 0)
    return (
        anchor - timedelta(days=back)
        if _backwards(direction, back, ahead)
        else anchor + timedelta(days=ahead)
    )


def month(anchor: date, number: int, direction: Direction, strict: bool = False) -> date:
    """First day of the month `number` next to the anchor's month."""
    back = (anchor.month - number) % 12 or (12 if strict else 0)
    ahead = (number - anchor.month) % 12 or (12 if strict else 0)
    start = anchor.replace(day=1)
    return (
        shift(start, -back, "M") if _backwards(direction, back, ahead) else shift(start, ahead, "M")
    )


def season(anchor: date, code: str, direction: Direction, strict: bool = False) -> tuple[int, str]:
    """(year, code) of the season `code` next to the anchor's season ("last fall")."""
    year, current = season_of(anchor)
    order = list(SEASON_START)
    back = (order.index(current) - order.index(code)) % 4 or (4 if strict else 0)
    ahead = (order.index(code) - order.index(current)) % 4 or (4 if strict else 0)
    steps = -back if _backwards(direction, back, ahead) else ahead
    start = shift(date(year, SEASON_START[current], 1), 3 * steps, "M")
    return season_of(start)


def month_day(anchor: date, month_number: int, day: int, direction: Direction) -> date | None:
    """The date with this month and day next to the anchor (None if it never exists).

    Only the tense's side is considered unless that leaves nothing within ~8 months.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month_number, day))
        except ValueError:
            continue
    sided = [
        d for d in candidates if direction * (d - anchor).days >= 0 and abs((d - anchor).days) < 300
    ]
    return min(sided or candidates, key=lambda d: abs((d - anchor).days), default=None)


def _backwards(direction: Direction, back: int, ahead: int) -> bool:
    """Whether to go back; with no direction the nearer side wins, the past on ties."""
    return direction < 0 or (direction == 0 and back <= ahead)
