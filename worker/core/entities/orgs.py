"""Organisations within one article: one canonical name across legal forms.

"Acme Systems, Inc.", "Acme Systems Inc." and "Acme Systems" are one company:
names are grouped by their core, the name without its legal form as cleanco
strips it ("Inc.", "Co.", "Corporation", "GmbH", "S.A.", ...), casefolded and
with punctuation ignored. Within a group, the canonical name is the longest
mention text (the first in sorted order on a tie): the fullest form the
article uses, as for people. A shorter name whose words all appear, in order,
in the core of exactly one group that has a legal form or ends with a noun only
companies bear takes that group's name ("Disney" → "Walt Disney Co.", "Arcade"
→ "Arcade Publishing"): companies are called by part of their registered name,
and the legal form or the noun says that the longer one is the company.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from cleanco import basename

from worker.core.entities.spans import Span

_NON_WORD = re.compile(r"[\W_]+")
_SPELLED_OUT = frozenset(["Inc", "Ltd", "Corp", "Corporation", "Limited", "Incorporated"])
# Nouns that end a company's name ("Sinclair Broadcast Group", "Arcade Publishing"): a word
# of such a name alone is the company. Not "Books": "Amazon Books" is a division of Amazon.
_COMPANY_HEADS = frozenset(
    ["group", "bank", "airlines", "airways", "motors", "holdings", "industries", "publishing",
     "publishers"]
)  # fmt: skip
# Nouns that end the name of an organisation and never a person's ("Arcade Publishing",
# "Polaris Partners", "Rockwood Club"; not "Church", "Press" or "Banks": surnames too).
ORG_HEADS = frozenset(h.title() for h in _COMPANY_HEADS) | frozenset(
    ["Books", "Foundation", "Institute", "Association", "Records", "Studios", "Partners",
     "Ventures", "Council", "Committee", "Agency", "University", "College", "School",
     "Society", "Club", "Department", "Ministry", "Commission", "Bureau", "Academy",
     "Hospital", "Museum"]
)  # fmt: skip


def _core(name: str) -> tuple[str, ...]:
    return tuple(_NON_WORD.sub(" ", basename(name)).casefold().split())


def org_canonicals(names: Iterable[str], sport: bool = False) -> dict[str, str]:
    """Each ORG name of an article → its canonical name (itself if no other form); in
    sports copy (`sport`), a club called by a word of its name takes the name
    (`_clubs`)."""
    names = sorted(set(names))
    groups: dict[tuple[str, ...], list[str]] = {}
    for name in names:
        groups.setdefault(_core(name) or (name,), []).append(name)
    canonical = {core: max(group, key=len) for core, group in groups.items()}
    registered = [core for core, group in groups.items() if any(map(is_company, group))]
    out: dict[str, str] = {}
    for core, group in groups.items():
        fuller = [r for r in registered if len(r) > len(core) and _within(core, r)]
        name = canonical[fuller[0]] if len(fuller) == 1 else canonical[core]
        out |= {n: name for n in group}
    return out | _clubs(names) if sport else out


def _clubs(names: list[str]) -> dict[str, str]:
    """A one-word name that opens or ends exactly one longer name of the article → that
    name: sports copy calls a club by its first or last word ("Real" for Real Madrid,
    "Islanders" for New York Islanders); with two ("Manchester" of United and City) it
    stays."""
    ends: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) > 1:
            for word in {words[0], words[-1]}:
                ends.setdefault(word, set()).add(name)
    return {
        name: next(iter(ends[name]))
        for name in names
        if " " not in name and len(ends.get(name, ())) == 1
    }


def _plain(name: str) -> tuple[str, ...]:
    return tuple(_NON_WORD.sub(" ", name).casefold().split())


def _within(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    rest = iter(name)
    return all(word in rest for word in words)


def registered_words(names: Iterable[str]) -> frozenset[str]:
    """The casefolded words of the organisation names that carry a legal form ("hewlett"
    and "packard" of "Hewlett-Packard Co.") or end with a noun only companies bear
    ("sinclair" of "Sinclair Broadcast Group"): a one-word name among them, alone, is
    the company ("Hewlett announced"), however the model labelled it."""
    return frozenset(
        word for name in names if is_company(name) for word in _core(name)
        if word not in _COMPANY_HEADS
    )  # fmt: skip


def is_company(name: str) -> bool:
    """A name with a legal form, or ending with a noun only companies bear."""
    core, plain = _core(name), _plain(name)
    return core != plain or (bool(plain) and plain[-1] in _COMPANY_HEADS)


def with_legal_form(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with a name of two or more words that the model called a person or a
    place and that ends with a legal form written as companies write it ("Pirelli SpA",
    PERSON; not the surname "Sá" of "Orlando Sá") an ORG: of the 2,203 person and place
    names of the gold set and CoNLL's, none has one cleanco strips. So is a person's name
    ending with one of `ORG_HEADS` ("Arcade Publishing" PERSON; not a place: "West Bank")."""
    return [s._replace(label="ORG") if _registered(s, text) else s for s in spans]


def _registered(span: Span, text: str) -> bool:
    if span.label not in ("PERSON", "GPE", "LOC"):
        return False
    name = text[span.start : span.end]
    words = name.split()
    if span.label == "PERSON" and len(words) > 1 and words[-1] in ORG_HEADS:
        return True
    core, plain = _core(name), _plain(name)
    form = words[-1]  # written as companies write it: "SpA", "S.A.", "Inc." (not "Sá")
    written = "." in form or sum(c.isupper() for c in form) > 1 or form in _SPELLED_OUT
    return written and len(plain) > 1 and 0 < len(core) < len(plain)


# "'s" ending a company's name, not owning a noun: "McDonald's said", "at Sotheby's in London"
# (a possessive is followed by what it owns: "Apple's upgraded chip"; "Apple's, Google's ..."
# is a list, and "than Apple's." an owner without its noun)
_NAME_S = re.compile(
    r"['’]s\s+(?:said|says|is|was|has|had|have|will|would|can|could|did|does|in|on|at|for|"
    r"to|of|with|from|by|as|reported|announced|told)\s"
)
_ENDS_IN_S = re.compile(r"['’]s\b")


def names_ending_in_s(texts: Sequence[str], parts: Sequence[list[Span]]) -> list[list[Span]]:
    """The spans of each text, an ORG's span taking in the "'s" that ends the company's name
    ("McDonald's", "Moody's", "Sotheby's"; the model and `spans.trim` cut it as a
    possessive) wherever the article writes the name so once before a verb of saying, an
    auxiliary or a preposition, which no possessive is."""
    named = {
        text[s.start : s.end]
        for text, spans in zip(texts, parts, strict=True)
        for s in spans
        if s.label == "ORG" and _NAME_S.match(text, s.end)
    }
    return [
        [
            s._replace(end=s.end + 2)
            if s.label == "ORG" and text[s.start : s.end] in named and _ENDS_IN_S.match(text, s.end)
            else s
            for s in spans
        ]
        for text, spans in zip(texts, parts, strict=True)
    ]
