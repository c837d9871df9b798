"""Which story an article belongs to, decided from the index the shell hands in.

Pure: `assign` reads the index through `StoryView` and returns an `Assignment`
(the member to record and whether it is new); the shell writes it. An article
already in the index keeps its assignment (redelivery is idempotent); an
exact `content_hash` match, or the same page address (`url_key`: another
rendering or a revision of one page), joins its earliest holder; otherwise the LSH
buckets give candidates, and the most similar one at or above the threshold
(the earliest on a tie) is the article's `duplicate_of` and gives its story.
Members older than the window are not candidates, whether or not the shell
has evicted them yet, so the answer does not depend on when eviction ran.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from worker.core.stories.sketch import Sketch, similarity
from worker.core.stories.urls import url_key

# Estimated Jaccard of 5-word shingles at or above which two bodies are one story
# (chosen on the dev pages: `python -m bench.quality stories`).
THRESHOLD = 0.3


@dataclass(frozen=True, slots=True)
class Member:
    """One article of a story, as the index keeps it."""

    id: str
    story: str  # the id of the story's earliest article
    duplicate_of: str | None  # the closest earlier member; None for the first
    similarity: float | None  # estimated Jaccard with `duplicate_of`
    first_seen_at: str  # when the story's first article was seen
    seen_at: str  # when this article was first seen
    sketch: Sketch
    site: str | None = None
    url: str | None = None
    published_at: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        fields = {k: getattr(self, k) for k in self.__slots__ if k != "sketch"}
        return {**fields, "sketch": self.sketch.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Member:
        return cls(**{**data, "sketch": Sketch.from_dict(data["sketch"])})

    def story_fields(self) -> dict[str, Any]:
        """The `story` object of the enriched event."""
        return {
            "id": self.story,
            "duplicate_of": self.duplicate_of,
            "similarity": self.similarity,
            "first_seen_at": self.first_seen_at,
        }


class StoryView(Protocol):
    """The part of the index `assign` reads."""

    def member(self, article_id: str) -> Member | None: ...

    def bucket(self, band: str) -> Sequence[str]: ...

    def by_hash(self, content_hash: str) -> str | None: ...

    def by_url(self, url: str) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Assignment:
    """What `assign` decided: the member to record, and whether the index lacked it."""

    member: Member
    new: bool


def _alive(member: Member | None, oldest: str) -> Member | None:
    return member if member is not None and _instant(member.seen_at) >= _instant(oldest) else None


def _instant(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def window_start(now: str, window_days: float) -> str:
    """The oldest `seen_at` still inside the window ending at `now` (in `now`'s format)."""
    start = _instant(now) - timedelta(days=window_days)
    return start.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _closest(
    article: Member, view: StoryView, oldest: str, threshold: float
) -> tuple[Member, float] | None:
    """The most similar earlier member at or above the threshold, earliest on a tie."""
    scored: list[tuple[float, str, str, Member]] = []
    seen: set[str] = {article.id}
    for band in article.sketch.bands:
        for other_id in view.bucket(band):
            if other_id in seen:
                continue
            seen.add(other_id)
            other = _alive(view.member(other_id), oldest)
            if other is not None:
                score = similarity(article.sketch.signature, other.sketch.signature)
                scored.append((-score, other.seen_at, other.id, other))
    best = min(scored, default=None, key=lambda item: item[:3])
    return (best[3], -best[0]) if best is not None and -best[0] >= threshold else None


def _same_page(article: Member, view: StoryView, oldest: str) -> tuple[Member, float] | None:
    """The earliest member with the same body, else with the same page address."""
    holder = _alive(view.member(view.by_hash(article.sketch.content_hash) or ""), oldest)
    if holder is not None:
        return holder, 1.0
    address = url_key(article.url)
    holder = _alive(view.member(view.by_url(address) or ""), oldest) if address else None
    if holder is None:
        return None
    return holder, similarity(article.sketch.signature, holder.sketch.signature)


def assign(
    article: Member, view: StoryView, window_days: float, threshold: float = THRESHOLD
) -> Assignment:
    """The story of `article` (given as its own first member, seen at `article.seen_at`)."""
    known = view.member(article.id)
    if known is not None:
        return Assignment(known, new=False)
    oldest = window_start(article.seen_at, window_days)
    found = _same_page(article, view, oldest) or _closest(article, view, oldest, threshold)
    if found is None:
        return Assignment(article, new=True)
    other, score = found
    joined = replace(
        article,
        story=other.story,
        duplicate_of=other.id,
        similarity=round(score, 4),
        first_seen_at=other.first_seen_at,
    )
    return Assignment(joined, new=True)
