"""The story index as both shells keep it around the core.

A mapping of prefixed keys, a plain dict in `worker process` and a
changelogged Faust table in the stream:

    a:<article id>    the member (its story, duplicate_of, similarity, seen_at, signature)
    b:<band key>      article ids whose signature has this band (newest `BUCKET_CAP`)
    h:<content hash>  the first article with this body
    u:<page address>  the first article at this address
    s:<story id>      {"state": the story's current state, "live": members in the index}

`record` writes what the core decided for one message, then evicts: the
articles first seen before the window, and the oldest beyond `max_articles`.
The eviction order is kept in memory and rebuilt from the store after a
restart or a rebalance (`invalidate`), so only the store is state. A table's
writes reach its changelog in the background: `durable` waits for them, and
the stories step calls it before its outputs are published and its inputs
acknowledged, so that a committed offset never covers a write still in flight.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

from worker.core import Member, StoryLimits, StoryUpdate, url_key, window_start

BUCKET_CAP = 64  # ids kept per band key: a band that many bodies share tells nothing


async def _at_once() -> None:
    """A dict's writes are done when made."""


class StoryIndex:
    """Members, LSH buckets and story states over `store`, bounded by `limits`."""

    def __init__(
        self,
        store: MutableMapping[str, Any],
        limits: StoryLimits,
        durable: Callable[[], Awaitable[None]] = _at_once,
    ) -> None:
        self.store = store
        self.limits = limits
        self.durable = durable  # returns once every write so far is safe (the table's changelog)
        self._order: deque[tuple[str, str]] | None = None  # (seen_at, article id), oldest first

    def member(self, article_id: str) -> Member | None:
        data = self.store.get(f"a:{article_id}")
        return Member.from_dict(data) if data is not None else None

    def bucket(self, band: str) -> Sequence[str]:
        return self.store.get(f"b:{band}") or ()

    def by_hash(self, content_hash: str) -> str | None:
        return self.store.get(f"h:{content_hash}")

    def by_url(self, url: str) -> str | None:
        return self.store.get(f"u:{url}")

    def story(self, story_id: str) -> dict[str, Any] | None:
        data = self.store.get(f"s:{story_id}")
        return data["state"] if data is not None else None

    def invalidate(self) -> None:
        """Forget the eviction order: the store changed under us (restart, rebalance)."""
        self._order = None

    def record(self, update: StoryUpdate) -> None:
        """Store what the core decided for one message, then evict what is too old or too many."""
        member = update.assignment.member
        order = self._ordered()
        live = self.store.get(f"s:{member.story}", {}).get("live", 0)
        if update.assignment.new:
            self.store[f"a:{member.id}"] = member.to_dict()
            for band in member.sketch.bands:
                self.store[f"b:{band}"] = [*self.bucket(band), member.id][-BUCKET_CAP:]
            self._first(f"h:{member.sketch.content_hash}", member.id)
            if address := url_key(member.url):
                self._first(f"u:{address}", member.id)
            order.append((member.seen_at, member.id))
            live += 1
        self.store[f"s:{member.story}"] = {"state": update.state, "live": live}
        self._evict(order, window_start(member.seen_at, self.limits.window_days))

    def __len__(self) -> int:
        return len(self._ordered())

    def _first(self, key: str, article_id: str) -> None:
        if self.store.get(key) is None:
            self.store[key] = article_id

    def _ordered(self) -> deque[tuple[str, str]]:
        if self._order is None:
            members = (Member.from_dict(v) for k, v in self.store.items() if k.startswith("a:"))
            self._order = deque(sorted((m.seen_at, m.id) for m in members))
        return self._order

    def _evict(self, order: deque[tuple[str, str]], oldest: str) -> None:
        while order and (len(order) > self.limits.max_articles or order[0][0] < oldest):
            _, article_id = order.popleft()
            self._forget(article_id)

    def _forget(self, article_id: str) -> None:
        member = self.member(article_id)
        if member is None:
            return
        del self.store[f"a:{article_id}"]
        for band in member.sketch.bands:
            kept = [i for i in self.bucket(band) if i != article_id]
            self._put(f"b:{band}", kept or None)
        for key in (f"h:{member.sketch.content_hash}", f"u:{url_key(member.url)}"):
            if self.store.get(key) == article_id:
                del self.store[key]
        story = self.store.get(f"s:{member.story}")
        if story is not None:
            self._put(
                f"s:{member.story}",
                {**story, "live": story["live"] - 1} if story["live"] > 1 else None,
            )

    def _put(self, key: str, value: Any) -> None:
        if value is None:
            self.store.pop(key, None)
        else:
            self.store[key] = value
