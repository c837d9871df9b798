"""Names learned across the stream, as both shells keep them around the core.

Before an enrich batch: read the one-word names its articles may need
(capitalised words of each cleaned event's title and body) and hand the core
what the book knows of them. After it: count what each article was sure of
(`core.names.sightings`) into the book. The store maps a casefolded word to
the names it stood for, as dicts.

The store is a plain dict in `worker process` and a changelogged Faust
GlobalTable in the stream (it survives restarts, and every worker reads and
writes all of it). A sighting delivered twice is counted once (each name keeps
the ids of the last articles that counted). Two workers counting the same word
at the same moment write last-wins, like the boilerplate learner: a count may
come out one short, a name is not lost for long (the next article that is sure
of it writes it again).

Bounded and decaying: a name no article was sure of for `window_days` is
forgotten, a word keeps its `per_word` most seen names, and at most
`max_words` words are kept (the one updated least recently by this process
goes first).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, MutableMapping
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson

from worker.core import Input
from worker.core.names import KnownName, NameSighting

_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*\w")
_RECENT = 8  # article ids kept per name, to count a redelivered sighting once
_FIELDS = ("canonical", "entity_key", "label", "articles", "last_seen")


@dataclass(frozen=True)
class NameLimits:
    window_days: float = 30.0
    per_word: int = 8
    max_words: int = 200_000


def candidate_words(payload: bytes) -> set[str]:
    """Casefolded capitalised words of a cleaned event's title and body (none if unreadable)."""
    try:
        event = orjson.loads(payload)
        text = f"{event.get('title') or ''}\n{event.get('body') or ''}"
    except (orjson.JSONDecodeError, AttributeError, TypeError):
        return set()
    return {word.casefold() for word in _CAPITALISED.findall(text)}


class NameMemory:
    """The name book over `store` (word → list of `KnownName` dicts), bounded by `limits`."""

    def __init__(self, store: MutableMapping[str, Any], limits: NameLimits) -> None:
        self.store = store
        self.limits = limits
        self._order: OrderedDict[str, None] = OrderedDict()

    def known(self, items: Iterable[Input]) -> dict[str, tuple[KnownName, ...]]:
        """What the book knows of the words the articles of `items` use."""
        words = set().union(*(candidate_words(item.payload) for item in items))
        found = {}
        for word in words:
            entries = self.store.get(word)
            if entries:
                found[word] = tuple(KnownName(*(e[f] for f in _FIELDS)) for e in entries)
        return found

    def learn(self, seen: Iterable[tuple[str, NameSighting]], now: str) -> None:
        """Count what articles were sure of, as (article id, sighting), into the book; each
        word's entry is written once per call, and only if it changed."""
        by_word: dict[str, list[tuple[str, NameSighting]]] = {}
        for article_id, sighting in seen:
            by_word.setdefault(sighting.word, []).append((article_id, sighting))
        for word, sightings in by_word.items():
            stored = self.store.get(word) or []
            entries = {e["entity_key"]: e for e in stored}
            for article_id, sighting in sightings:
                _count(entries, article_id, sighting, now)
            kept = self._kept(entries.values(), now)
            if kept != stored:
                self._store(word, kept)
        while len(self._order) > self.limits.max_words:
            oldest, _ = self._order.popitem(last=False)
            self.store.pop(oldest, None)

    def _kept(self, entries: Iterable[dict[str, Any]], now: str) -> list[dict[str, Any]]:
        """Entries seen within the window, the most seen first, at most `per_word`."""
        since = _instant(now) - timedelta(days=self.limits.window_days)
        fresh = [e for e in entries if _instant(e["last_seen"]) >= since]
        fresh.sort(key=lambda e: (-e["articles"], e["entity_key"]))
        return fresh[: self.limits.per_word]

    def _store(self, word: str, entries: list[dict[str, Any]]) -> None:
        if entries:
            self.store[word] = entries
        else:
            self.store.pop(word, None)
        self._order.pop(word, None)
        self._order[word] = None


def _count(
    entries: dict[str, dict[str, Any]], article_id: str, sighting: NameSighting, now: str
) -> None:
    """One article sure of one name: its entry counted up, unless that article already was."""
    entry = entries.get(sighting.entity_key)
    recent = entry["recent"] if entry else []
    if article_id in recent:
        return
    name = KnownName(
        sighting.canonical,
        sighting.entity_key,
        sighting.label,
        (entry["articles"] if entry else 0) + 1,
        max(now, entry["last_seen"]) if entry else now,
    )
    entries[sighting.entity_key] = {**asdict(name), "recent": [*recent, article_id][-_RECENT:]}


def _instant(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))
