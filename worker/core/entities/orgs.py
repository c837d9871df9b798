"""Organisations within one article: one canonical name across legal forms.

"Acme Systems, Inc.", "Acme Systems Inc." and "Acme Systems" are one company:
names are grouped by their core, the name without its legal form as cleanco
strips it ("Inc.", "Co.", "Corporation", "GmbH", "S.A.", ...), casefolded and
with punctuation ignored. Within a group, the canonical name is the longest
mention text (the first in sorted order on a tie): the fullest form the
article uses, as for people. A shorter name whose words all appear, in order,
in the core of exactly one group that has a legal form takes that group's
name ("Disney" → "Walt Disney Co."): companies are called by part of their
registered name, and the legal form says that the longer one is the company.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cleanco import basename

_NON_WORD = re.compile(r"[\W_]+")


def _core(name: str) -> tuple[str, ...]:
    return tuple(_NON_WORD.sub(" ", basename(name)).casefold().split())


def org_canonicals(names: Iterable[str]) -> dict[str, str]:
    """Each ORG name of an article → its canonical name (itself if no other form)."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for name in sorted(set(names)):
        groups.setdefault(_core(name) or (name,), []).append(name)
    canonical = {core: max(group, key=len) for core, group in groups.items()}
    registered = [
        core for core, group in groups.items() if any(_core(n) != _plain(n) for n in group)
    ]
    out: dict[str, str] = {}
    for core, group in groups.items():
        fuller = [r for r in registered if len(r) > len(core) and _within(core, r)]
        name = canonical[fuller[0]] if len(fuller) == 1 else canonical[core]
        out |= {n: name for n in group}
    return out


def _plain(name: str) -> tuple[str, ...]:
    return tuple(_NON_WORD.sub(" ", name).casefold().split())


def _within(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    rest = iter(name)
    return all(word in rest for word in words)


def registered_words(names: Iterable[str]) -> frozenset[str]:
    """The casefolded words of the organisation names that carry a legal form ("hewlett"
    and "packard" of "Hewlett-Packard Co."): a one-word name among them, alone, is the
    company ("Hewlett announced"), however the model labelled it."""
    return frozenset(word for name in names if _core(name) != _plain(name) for word in _core(name))
