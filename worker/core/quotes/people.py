"""The article's people: the full name a surname stands for, and the people the model
called organizations ("Vivek Ramaswamy", ORG, then "Ramaswamy said"), who are persons
for "he" and "she" but keep the model's label and key as speakers."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from worker.core.quotes.names import Names, person_named, reads_as_name
from worker.core.quotes.subjects import SUBJECTS
from worker.core.types import Mention, Speaker


def speaker_of(m: Mention, names: Names) -> Speaker:
    """The mention's entity, or the person's name in it that the model ran a title into."""
    name = names.untitled(m.canonical) if m.label in SUBJECTS else None
    return person_named(name) if name else Speaker(m.canonical, m.entity_key, m.label)


class People:
    """The people among one text's mentions (outside quotations, in order)."""

    def __init__(self, mentions: Sequence[Mention], names: Names) -> None:
        people: dict[str, Mention] = {}
        for m in mentions:  # and people the model called organizations ("Nikki Haley")
            if m.label == "PERSON" or (m.label == "ORG" and _reads_as_person(m.canonical, names)):
                people.setdefault(m.canonical, m)
        first_named = {  # people the article calls by their given name alone ("Elian")
            m.canonical
            for m in mentions
            if " " not in m.text and m.canonical.startswith(m.text + " ")
        }
        self.surnames = _surnames(people.values(), names, first_named)
        self._seen: dict[str, list[tuple[int, str]]] = {}  # surname → (start, full name)
        for m in mentions:
            if m.canonical in people and " " in m.canonical and m.canonical not in first_named:
                self._seen.setdefault(m.canonical.split()[-1], []).append((m.start, m.canonical))
        self._names, self._people = names, people
        self._orgs = self._org_people(people)
        as_person = {m: self._as_person(m) for m in mentions}
        self._modelled = {v: k for k, v in as_person.items() if v != k}
        self.mentions = list(as_person.values())  # persons labelled so, surnames named in full

    def _as_person(self, m: Mention) -> Mention:
        """A person the model called an organization as a PERSON mention, and a surname the
        model left alone ("Haley", ORG, beside "Nikki Haley") under the full name: one
        person for "he" and "she" and their evidence."""
        person = m.label == "PERSON" or m.canonical in self._orgs
        full = self.full_name(m.canonical, m.start)
        canonical = full.canonical if person and full is not None else m.canonical
        if not person or (m.label == "PERSON" and canonical == m.canonical):
            return m
        return replace(m, label="PERSON", canonical=canonical)

    def full_name(self, surname: str, position: int) -> Speaker | None:
        """The full name a lone surname at `position` stands for: of the article's people
        with that surname (those it calls by the given name passed over), the one it
        mentioned last before `position` ("Hussein said" after the king's paragraph is
        King Hussein, not Saddam Hussein, named first), else `surnames`'."""
        seen = self._seen.get(surname, [])
        at = bisect_left(seen, (position, "")) - 1
        full = self.surnames.get(surname)
        if at < 0 or full is None or seen[at][1] == full.canonical:
            return full
        return speaker_of(self._people[seen[at][1]], self._names)

    def modelled(self, m: Mention) -> Mention:
        """The mention as the model labelled it (its speaker keeps the model's label and key)."""
        return self._modelled.get(m, m)

    def _org_people(self, people: dict[str, Mention]) -> set[str]:
        """The people the model called organizations: a name that reads as a person's and
        whose surname the article uses alone ("Vivek Ramaswamy", ORG, then "Ramaswamy
        said"), and that surname."""
        named = [name for name, m in people.items() if m.label == "ORG"]
        count = self._names.words() if named else Counter()
        orgs = {name for name in named if count[name.split()[-1]] > count[name.split()[0]]}
        return orgs | {s for s, full in self.surnames.items() if full.canonical in orgs}

    def is_person(self, speaker: Speaker) -> bool:
        """Whether the speaker is a person, the people the model called organizations too."""
        return speaker.label == "PERSON" or speaker.canonical in self._orgs


def _reads_as_person(name: str, names: Names) -> bool:
    return reads_as_name(name) or names.untitled(name) is not None


def _surnames(
    people: Iterable[Mention], names: Names, first_named: Collection[str]
) -> dict[str, Speaker]:
    """Last name → the first full name of the article that ends with it ("Cook" → "Tim Cook"),
    of a person the article does not call by the given name alone: the surname of a family
    is the father's, not the child's the article calls "Elian".

    `people` are in order of first mention: an article names a person in full first.
    """
    full: dict[str, Speaker] = {}
    for m in people:
        speaker = speaker_of(m, names)
        if " " in speaker.canonical:
            surname = speaker.canonical.split()[-1]
            taken = full.get(surname)
            if taken is None or (taken.canonical in first_named and m.canonical not in first_named):
                full[surname] = speaker
    return full
