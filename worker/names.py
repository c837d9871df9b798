"""Names learned across the stream, as both shells keep them around the core.

Before an enrich batch: read the one-word names its articles may need
(capitalised words of each cleaned event's title and body) and hand the core
what the book knows of them. After it: count what each article was sure of
(`core.names.sightings`) into the book. The store maps a casefolded word to
the names it stood for, as dicts.

The store is a plain dict in `worker process` and a changelogged Faust
GlobalTable in the stream (it survives restarts, and every worker reads all of
it). One writer per entry: a word's counts are kept per slot, the partition
of the consumed topic its articles came from (`"word slot"`), and a partition
is processed by one worker of the group at a time, so two workers never
write the same entry; reading a word merges its slots. (During a rebalance
the new owner of a partition may write before it has read the old owner's
last batch: that batch's counts for the words both touched are lost.) A
sighting delivered twice is counted once (each name keeps the ids of the
last articles that counted; a redelivery comes from the same partition).

Bounded and decaying: a name no article was sure of for `window_days` is
forgotten (not read, and dropped at the next write), a word keeps its
`per_word` most seen names per slot, and at most `max_words` entries (word and
slot) are kept (the one updated least recently by this process goes first).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, MutableMapping
from dataclasses import asdict, dataclass, replace
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

    def __init__(self, store: MutableMapping[str, Any], limits: NameLimits, slots: int = 1) -> None:
        self.store = store
        self.limits = limits
        self.slots = slots  # partitions of the consumed topic
        self._order: OrderedDict[str, None] = OrderedDict()

    def slot(self, item: Input) -> int:
        """The slot `item`'s sightings are counted in: its partition (0 for files)."""
        return (item.origin.partition or 0) % self.slots

    def known(self, items: Iterable[Input], now: str) -> dict[str, tuple[KnownName, ...]]:
        """What the book knows, within the window, of the words the articles of `items` use."""
        words = set().union(*(candidate_words(item.payload) for item in items))
        since = self._since(now)
        found = {}
        for word in words:
            slots = (self.store.get(_key(word, slot)) or [] for slot in range(self.slots))
            names = _merged(
                e for entries in slots for e in entries if _instant(e["last_seen"]) >= since
            )
            if names:
                found[word] = names
        return found

    def learn(self, seen: Iterable[tuple[int, str, NameSighting]], now: str) -> None:
        """Count what articles were sure of, as (slot, article id, sighting), into the book;
        each entry is written once per call, and only if it changed."""
        by_key: dict[str, list[tuple[str, NameSighting]]] = {}
        for slot, article_id, sighting in seen:
            by_key.setdefault(_key(sighting.word, slot), []).append((article_id, sighting))
        for key, sightings in by_key.items():
            stored = self.store.get(key) or []
            entries = {e["entity_key"]: e for e in stored}
            for article_id, sighting in sightings:
                _count(entries, article_id, sighting, now)
            kept = self._kept(entries.values(), now)
            if kept != stored:
                self._store(key, kept)
        while len(self._order) > self.limits.max_words:
            oldest, _ = self._order.popitem(last=False)
            self.store.pop(oldest, None)

    def _kept(self, entries: Iterable[dict[str, Any]], now: str) -> list[dict[str, Any]]:
        """Entries seen within the window, the most seen first, at most `per_word`."""
        since = self._since(now)
        fresh = [e for e in entries if _instant(e["last_seen"]) >= since]
        fresh.sort(key=lambda e: (-e["articles"], e["entity_key"]))
        return fresh[: self.limits.per_word]

    def _since(self, now: str) -> datetime:
        """The oldest `last_seen` still within the window."""
        return _instant(now) - timedelta(days=self.limits.window_days)

    def _store(self, key: str, entries: list[dict[str, Any]]) -> None:
        if entries:
            self.store[key] = entries
        else:
            self.store.pop(key, None)
        self._order.pop(key, None)
        self._order[key] = None


def _key(word: str, slot: int) -> str:
    return f"{word} {slot}"  # a word has no space


def _merged(entries: Iterable[dict[str, Any]]) -> tuple[KnownName, ...]:
    """One name per entity key over a word's slots: articles added up, latest sighting."""
    names: dict[str, KnownName] = {}
    for entry in entries:
        name = KnownName(*(entry[f] for f in _FIELDS))
        if (before := names.get(name.entity_key)) is not None:
            name = replace(
                name if name.articles >= before.articles else before,
                articles=name.articles + before.articles,
                last_seen=max(name.last_seen, before.last_seen),
            )
        names[name.entity_key] = name
    return tuple(sorted(names.values(), key=lambda n: (-n.articles, n.entity_key)))


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
