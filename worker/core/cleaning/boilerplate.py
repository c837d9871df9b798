"""Learn a site's boilerplate lines from the articles it publishes.

Menus, footers and subscription prompts are printed around every article of a
site, but no rule tells them from a short paragraph of one page. Counting
how many of a site's articles contain each line does: a line found in most of
them is the site's, not the article's. The state is small, bounded and plain
JSON so that a stream worker can keep one per site in a changelogged table.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_RECENT_ARTICLES = 32
_DIGITS = re.compile(r"\d+")


def line_fingerprint(line: str) -> str:
    """Short stable hash of a line, blind to case, spacing and numbers.

    "© 2023 Example News" and "© 2024 Example  News" are the same footer, and
    "12 comments" the same widget as "3 comments". Python's hash() is salted
    per process, so a digest is used: fingerprints are stored and shared.
    """
    return _digest(_DIGITS.sub("0", " ".join(line.casefold().split())))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


@dataclass
class SiteBoilerplate:
    """How many of a site's articles contained each line fingerprint.

    At most `capacity` fingerprints are kept: past it, the rarest go first
    (the oldest of equally rare ones, so that new lines get their chance).
    An article seen again (a redelivered message, a re-sent page) is counted
    once: its fingerprint set is remembered among the last few articles.
    """

    capacity: int  # WORKER_BOILERPLATE_CAPACITY
    articles: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    recent: list[str] = field(default_factory=list)

    def observe(self, fingerprints: Iterable[str]) -> None:
        """Count one article's lines, each line once."""
        lines = set(fingerprints)
        digest = _digest("\n".join(sorted(lines)))
        if not lines or digest in self.recent:
            return
        self.recent = [*self.recent[-(_RECENT_ARTICLES - 1) :], digest]
        self.articles += 1
        for fingerprint in lines:
            self.counts[fingerprint] = self.counts.get(fingerprint, 0) + 1
        if len(self.counts) > self.capacity:
            self._evict()

    def _evict(self) -> None:
        """Keep the `capacity` commonest fingerprints, the newest first among equals."""
        newest_first = list(reversed(self.counts))
        # A stable sort: equally common fingerprints stay newest first.
        newest_first.sort(key=self.counts.__getitem__, reverse=True)
        kept = set(newest_first[: self.capacity])
        self.counts = {line: count for line, count in self.counts.items() if line in kept}

    def known(self, min_articles: int = 3, min_share: float = 0.5) -> frozenset[str]:
        """Fingerprints found in at least `min_articles` articles and `min_share` of all."""
        floor = max(min_articles, min_share * self.articles)
        return frozenset(line for line, count in self.counts.items() if count >= floor)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "counts": dict(self.counts),
            "recent": list(self.recent),
            "capacity": self.capacity,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SiteBoilerplate:
        return cls(
            articles=int(data.get("articles", 0)),
            counts={str(key): int(value) for key, value in data.get("counts", {}).items()},
            recent=[str(digest) for digest in data.get("recent", [])],
            capacity=int(data["capacity"]),
        )
