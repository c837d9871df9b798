"""People's names within one article: variants of one name, and names that are not people.

Variants: a PERSON mention takes the one longest full name of the article that
contains its words in order ("Putin", "Mr Putin" → "Vladimir Putin"; "John
Public" → "John Q. Public"), where

* generational suffixes are left out of the comparison ("Patrick Carlineo" →
  "Patrick W. Carlineo Jr."); "John Doe Jr." and "John Doe Sr." stay two people;
* a word matches itself or the formal name it is a nickname of, from the
  `nicknames` table ("Bob Smith" → "Robert Smith"); failing any such match, a
  word spelt without diacritics matches ("Mueller" → "Gerhard Müller", unless
  the article names a Robert Mueller too); of two full names of the
  same length, the one with the more formal first name (the one with more
  nicknames in the table) is the canonical one;
* with two or more candidates ("Johnson" with Boris and Dwayne Johnson) the
  mention keeps its own text. So does a surname whose full name the article
  never gives ("President Smith" → "Smith").

People the model calls organisations: in sports copy, a two- or three-word
ORG name that opens with a given name of the nickname table ("Brad Marchand",
"Stephan Marasek") is a PERSON, unless a word of it says
otherwise: its first word is a country or a state ("Georgia Tech"), its last a plural
("Bradford Bulls"), an acronym, a legal form, a noun of organisations
(`orgs.ORG_HEADS`: "Ford Motor Co.", "Dell Group") or a word that clubs and firms
named after their place end with ("Orlando City", "Austin Energy"), "the" comes
before it ("the Orlando Magic"), or the words around one of its mentions call it
an organisation ("the luxury brand Louis Vuitton"). On the
fold-A articles of the gold sets and CoNLL-dev the rule was right on 8 names of
10, all 8 players in sports copy; the two misses were brands named after their
founders in other copy ("hosted Louis Vuitton areas", "from Alfred A. Knopf"),
hence sports copy only.

Not people: the model labels brand names PERSON ("Twitter", "Netflix", "Full
Fact"). A PERSON name that does not start with a given name of the nickname
table, is never after a title or honorific, and that the words around one of
its mentions call an organisation (`brands.py`: "the website Full Fact", "Oxy
Pure was launched"; for one word also "posted on Twitter", "the Twitter
account") is an ORG. A one-word name must also be no word of a longer
person's name in the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from nicknames import NickNamer

from worker.core.entities.brands import one_word_cue, org_cue
from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.orgs import ORG_HEADS, is_company
from worker.core.entities.subdivisions import without_accents

_WORD_BEFORE = re.compile(r"(\S+) $")


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


def _formality(word: str) -> int:
    """How formal a given name is: the number of its nicknames ("Robert" 11, "Bob" 2)."""
    return len(_nicknamer().nicknames_of(word.casefold()))


def _same(word: str, other: str, spelt: bool = False) -> bool:
    """`word` is `other`, a nickname of it ("Bob", "Robert") or, with `spelt`, `other`
    spelt without diacritics, in any case ("Mueller", "MULLER" for "Müller")."""
    return (
        word == other
        or other.casefold() in _nicknamer().canonicals_of(word.casefold())
        or (spelt and not _spellings(word).isdisjoint(_spellings(other)))
    )


_TRANSCRIBED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@cache
def _spellings(word: str) -> frozenset[str]:
    """How a name is written without diacritics: "Müller" as "Muller" or "Mueller"."""
    return frozenset({without_accents(word).casefold(), word.translate(_TRANSCRIBED).casefold()})


def is_given_name(word: str) -> bool:
    """True for given names the nickname table knows ("Max", "Hope", "Robert")."""
    folded = word.casefold()
    return bool(_nicknamer().nicknames_of(folded) or _nicknamer().canonicals_of(folded))


class PersonNames:
    """Resolve partial and variant person names against the article's full names."""

    def __init__(self, full_names: Iterable[str], gaz: Gazetteer) -> None:
        self._gaz = gaz
        self._full = [(name, self._words(name)) for name in sorted(set(full_names))]
        self._cache: dict[str, str] = {}

    def _words(self, name: str) -> tuple[str, ...]:
        words = name.split()
        while len(words) > 1 and words[-1].rstrip(".,").lower() in self._gaz.suffixes:
            words.pop()
        return tuple(w.rstrip(",") for w in words)

    def canonical(self, name: str) -> str:
        if name in self._cache:
            return self._cache[name]
        self._cache[name] = name  # a guard against cycles of variants
        words = self._words(name)
        longer = [(n, w) for n, w in self._full if n != name and _covers(words, w)] or [
            (n, w) for n, w in self._full if n != name and _covers(words, w, spelt=True)
        ]  # "Mueller" is Gerhard Müller's only when no Mueller is named
        maximal = {n for n, w in longer if not any(_covers(w, o) and o != w for _, o in longer)}
        found = {self.canonical(n) for n in maximal}
        self._cache[name] = found.pop() if len(found) == 1 else name
        return self._cache[name]


def _covers(words: tuple[str, ...], name: tuple[str, ...], spelt: bool = False) -> bool:
    """`name` is a fuller form of `words`: longer and containing them in order, or as
    long with a more formal first name ("Bob Smith" → "Robert Smith"); with `spelt`,
    words match as spelt without diacritics."""
    if len(name) > len(words):
        return _within(words, name, spelt)
    return (
        len(name) == len(words)
        and _within(words, name, spelt)
        and _formality(name[0]) > _formality(words[0])
    )


def _within(words: tuple[str, ...], name: tuple[str, ...], spelt: bool = False) -> bool:
    """True if `words` is an ordered subsequence of `name`, nicknames (and with `spelt`,
    spellings without diacritics) matching."""
    rest = iter(name)
    return all(any(_same(word, other, spelt) for other in rest) for word in words)


def reads_as_organisation(
    surface: str, contexts: Iterable[tuple[str, str]], gaz: Gazetteer
) -> bool:
    """True if the PERSON name `surface`, in `contexts` (the text before and after each
    of its mentions), reads as an organisation (see the module docstring)."""
    words = surface.split()
    if is_given_name(words[0]) or not all(w[:1].isupper() for w in words):
        return False
    found = list(contexts)
    before = [m.group(1) if (m := _WORD_BEFORE.search(b)) else "" for b, _ in found]
    cue = one_word_cue if len(words) == 1 else org_cue
    return not any(w[:1].isupper() and gaz.is_title(w) for w in before) and any(
        cue(b, a) for b, a in found
    )


def reads_as_person(surface: str, contexts: Iterable[tuple[str, str]], gaz: Gazetteer) -> bool:
    """True if the ORG name `surface`, in `contexts` (the text before and after each of its
    mentions), reads as a person's name (see the module docstring)."""
    return (
        shaped_as_person(surface, gaz)
        and is_given_name(surface.split()[0])
        and not any(org_cue(b, a) or _THE_BEFORE.search(b) for b, a in contexts)
    )


def shaped_as_person(surface: str, gaz: Gazetteer) -> bool:
    """True if `surface` may be a person's name, not an organisation's: two or three
    capitalised words, no place first, no plural, acronym, legal form or noun of
    organisations last (see the module docstring)."""
    words = surface.split()
    last, place = words[-1], gaz.place(words[0])  # a city may be a given name: "Brad"
    return (
        2 <= len(words) <= 3
        and (place is None or place.kind == "city")
        and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words)
        and not (last.endswith("s") and not last.endswith("ss"))
        and not last.isupper()
        and last not in ORG_HEADS
        and last not in _PLACE_NAMED
        and not is_company(surface)
    )


# Last words of clubs, schools and utilities named after their place, never of a person's
# name: "Orlando City", "Ross County", "Jackson State", "Adelaide United", "Austin Energy".
_PLACE_NAMED = frozenset(
    ["City", "County", "State", "United", "Town", "Athletic", "Albion", "Energy", "Motor"]
)
_THE_BEFORE = re.compile(r"\bthe $", re.IGNORECASE)  # "the Orlando Magic": no person's name
