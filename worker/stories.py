"""The story index as both shells keep it around the core.

A mapping of prefixed keys, a plain dict in `worker process` and a
changelogged Faust table in the stream:

    a:<article id>    the member (its story, duplicate_of, similarity, seen_at, signature)
    h:<content hash>  the first article with this body
    u:<page address>  the first article at this address
    s:<story id>      {"state": the story's current state, "live": members in the index}

The LSH buckets (band key → article ids) and the eviction order are derived
from the members: kept in memory, rebuilt from the store after a restart or a
rebalance (`invalidate`), so that the store holds four keys per article, not
one per band as well (each a changelog record). `record` writes what the
core decided for one message, then evicts the articles first seen before
the window, and the oldest beyond `max_articles`. A table's writes reach its
changelog in the background; Faust flushes the producer before it commits
offsets, so a committed offset never covers a lost write.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from worker.core import Member, StoryLimits, StoryUpdate, url_key, window_start

BUCKET_CAP = 64  # ids kept per band key: a band that many bodies share tells nothing


@dataclass
class _Derived:
    """What the members imply: the eviction order and the LSH buckets."""

    order: deque[tuple[str, str]] = field(default_factory=deque)  # (seen_at, id), oldest first
    buckets: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, member: Member) -> None:
        self.order.append((member.seen_at, member.id))
        for band in member.sketch.bands:
            bucket = self.buckets[band]
            bucket.append(member.id)
            del bucket[:-BUCKET_CAP]

    def remove(self, member: Member) -> None:
        for band in member.sketch.bands:
            kept = [i for i in self.buckets.get(band, ()) if i != member.id]
            if kept:
                self.buckets[band] = kept
            else:
                self.buckets.pop(band, None)


class StoryIndex:
    """Members, story states and LSH buckets over `store`, bounded by `limits`."""

    def __init__(self, store: MutableMapping[str, Any], limits: StoryLimits) -> None:
        self.store = store
        self.limits = limits
        self._derived: _Derived | None = None

    def member(self, article_id: str) -> Member | None:
        data = self.store.get(f"a:{article_id}")
        return Member.from_dict(data) if data is not None else None

    def bucket(self, band: str) -> Sequence[str]:
        return self._index().buckets.get(band, ())

    def by_hash(self, content_hash: str) -> str | None:
        return self.store.get(f"h:{content_hash}")

    def by_url(self, url: str) -> str | None:
        return self.store.get(f"u:{url}")

    def story(self, story_id: str) -> dict[str, Any] | None:
        data = self.store.get(f"s:{story_id}")
        return data["state"] if data is not None else None

    def invalidate(self) -> None:
        """Forget what is derived: the store changed under us (restart, rebalance)."""
        self._derived = None

    def record(self, update: StoryUpdate) -> None:
        """Store what the core decided for one message, then evict what is too old or too many."""
        member = update.assignment.member
        derived = self._index()
        live = (self.store.get(f"s:{member.story}") or {}).get("live", 0)
        if update.assignment.new:
            self.store[f"a:{member.id}"] = member.to_dict()
            self._first(f"h:{member.sketch.content_hash}", member.id)
            if address := url_key(member.url):
                self._first(f"u:{address}", member.id)
            derived.add(member)
            live += 1
        self.store[f"s:{member.story}"] = {"state": update.state, "live": live}
        self._evict(derived, window_start(member.seen_at, self.limits.window_days))

    def __len__(self) -> int:
        return len(self._index().order)

    def _first(self, key: str, article_id: str) -> None:
        if self.store.get(key) is None:
            self.store[key] = article_id

    def _index(self) -> _Derived:
        if self._derived is None:
            members = [Member.from_dict(v) for k, v in self.store.items() if k.startswith("a:")]
            self._derived = _Derived()
            for member in sorted(members, key=lambda m: (m.seen_at, m.id)):
                self._derived.add(member)
        return self._derived

    def _evict(self, derived: _Derived, oldest: str) -> None:
        while derived.order and (
            len(derived.order) > self.limits.max_articles or derived.order[0][0] < oldest
        ):
            _, article_id = derived.order.popleft()
            member = self.member(article_id)
            if member is not None:
                derived.remove(member)
                self._forget(member)

    def _forget(self, member: Member) -> None:
        del self.store[f"a:{member.id}"]
        for key in (f"h:{member.sketch.content_hash}", f"u:{url_key(member.url)}"):
            if self.store.get(key) == member.id:
                del self.store[key]
        story = self.store.get(f"s:{member.story}")
        if story is not None and story["live"] > 1:
            self.store[f"s:{member.story}"] = {**story, "live": story["live"] - 1}
        elif story is not None:
            del self.store[f"s:{member.story}"]
