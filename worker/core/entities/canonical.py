"""Group an article's mentions into entities with one canonical name each.

* People: a full name that the model labelled otherwise is a PERSON when its
  surname alone is one in the article ("Mason Rudolph" as ORG, "Rudolph" as
  PERSON); a capitalised word glued before a known surname is cut ("Hosting
  Cook" → "Cook"). Partial and variant names take the article's full name
  (`people.PersonNames`: "Putin" → "Vladimir Putin", "Bob Smith" → "Robert
  Smith"); with two candidates a mention keeps its own text. A word of a person's
  name written in capitals for emphasis ("LINDA Nolan", a tabloid's opening words)
  is written as the article's other mentions of people write it ("Linda"). A one-word
  ORG/GPE/... mention that is the surname of exactly one such name, or its
  plural ("the Obamas"), becomes a PERSON (a city's name only where it speaks:
  "Phoenix said" beside Joaquin Phoenix; NORP excluded: "Democrats" must not
  join "Virginia Democrats"). One-word PERSONs that read as brands become ORGs
  (`people.reads_as_organisation`), and so do those that are a word of an
  organisation name with a legal form ("Hewlett" beside "Hewlett-Packard Co.").
* Organisations: legal-form variants are one (`orgs.org_canonicals`); in sports
  copy a club called by a word of its name takes the name ("Real" → "Real Madrid").
* Acronyms defined in the article, "Long Name (ACR)" (`acronyms.defined`):
  every "ACR" becomes a mention of Long Name, with Long Name's label. An acronym mention
  with no such definition takes the one ORG of two words or more whose
  initials it is ("UAW" beside "United Auto Workers"), never one of two.
* Places take the name of the place they resolve to in the article's context
  (`places.PlaceResolver`: "US" → "United States", "Washington" → "Washington,
  D.C." or the state); nationalities the gazetteer's demonym ("Russians" →
  "Russian").
* The model may label one name differently in two places; all mentions of one
  canonical name take its most frequent label (the first seen on a tie).

A canonical name is thus a mention's text or one of those documented
expansions of it, never a new string.

`entity_key` is "LABEL:slug", where slug is the canonical name NFKD-folded
(accents dropped), casefolded, with every run of non-alphanumerics replaced by
"-" and no leading/trailing "-": "PERSON:vladimir-putin". It depends only on the
label and the name, so it is the same across articles and processes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from worker.core.entities.acronyms import defined, initials
from worker.core.entities.brands import reads_as_place_organisation
from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.orgs import org_canonicals, registered_words
from worker.core.entities.people import (
    PersonNames,
    is_given_name,
    reads_as_organisation,
    reads_as_person,
)
from worker.core.entities.places import PlaceResolver
from worker.core.entities.spans import Span, merge
from worker.core.entities.subdivisions import is_direction_name, without_accents
from worker.core.types import Mention, Place

_ACRONYM = re.compile(r"[A-Z]{2,6}")
_SAYS = re.compile(r" (?:said|says|told|added|explained|noted|wrote|asked|recalled)\b")
_NON_ALNUM = re.compile(r"[\W_]+")
_MAX_INITIALS = 2  # "JR Smith", "AJ Styles": initials, not a word in capitals


def entity_key(label: str, canonical: str) -> str:
    """Stable key of an entity: "LABEL:slug" (see the module docstring)."""
    return f"{label}:{_slug(canonical)}"


def _slug(name: str) -> str:
    return _NON_ALNUM.sub("-", without_accents(name).casefold()).strip("-")


def resolve(
    parts: Sequence[tuple[str, list[Span]]],
    gaz: Gazetteer,
    site: str | None = None,
    sport: bool = False,
) -> tuple[list[list[Mention]], dict[str, Place]]:
    """Mentions with canonical names and keys, one list per (text, spans) part, and the
    place of each GPE/LOC canonical name, resolved in the article's context."""
    acronyms = _acronyms(parts)
    parts = [(text, _add_acronym_mentions(text, spans, acronyms)) for text, spans in parts]
    parts = _cut_glued_words(parts, gaz)
    surfaces = [[text[s.start : s.end] for s in spans] for text, spans in parts]
    parts = _organisations(_people_by_surname(parts, surfaces, gaz, sport), surfaces, gaz)
    names = _Names(parts, surfaces, gaz, acronyms, PlaceResolver(gaz, parts, site), sport)
    resolved = [
        [
            (*names.name(text, span, surface), surface)
            for surface, span in zip(part, spans, strict=True)
        ]
        for part, (text, spans) in zip(surfaces, parts, strict=True)
    ]
    votes: dict[str, Counter[str]] = {}
    for span, canonical, _ in (r for part in resolved for r in part):
        votes.setdefault(_slug(canonical), Counter())[span.label] += 1
    mentions = [
        [_mention(span, surface, canonical, votes) for span, canonical, surface in part]
        for part in resolved
    ]
    return mentions, names.places


class _Names:
    """Canonical names of one article's mentions (see the module docstring)."""

    def __init__(
        self,
        parts: list[tuple[str, list[Span]]],
        surfaces: list[list[str]],
        gaz: Gazetteer,
        acronyms: dict[str, tuple[str, str]],
        places: PlaceResolver,
        sport: bool,
    ) -> None:
        full_names = {
            t
            for t, s in _labelled(parts, surfaces)
            if s.label == "PERSON" and gaz.looks_like_full_name(t)
        }
        self._gaz, self._acronyms, self._resolver = gaz, acronyms, places
        self._surnames = Counter(gaz.surname(name) for name in full_names)
        self._people = PersonNames(full_names, gaz)
        self._cased = {  # how the article writes people's words when not shouting
            word.upper(): word
            for t, s in _labelled(parts, surfaces)
            if s.label == "PERSON"
            for word in t.split()
            if word[:1].isupper() and word[1:].islower()
        }
        orgs = (t for t, s in _labelled(parts, surfaces) if s.label == "ORG")
        self._orgs = org_canonicals(orgs, sport)
        self.places: dict[str, Place] = {}

    def name(self, text: str, span: Span, surface: str) -> tuple[Span, str]:
        """The mention's span (relabelled if need be) and canonical name."""
        label, gaz = span.label, self._gaz
        if surface in self._acronyms:
            canonical, label = self._acronyms[surface]
            return span._replace(label=label), canonical
        if (
            label != "NORP"
            and self._is_family(surface)
            and (surface not in gaz.places or self._speaks(text, span, surface))
        ):
            label = "PERSON"  # a surname, or a family ("the Obamas"), the model called a place
        elif label in ("GPE", "LOC") and (place := self._resolver.resolve(text, span)):
            self.places.setdefault(place.name, place)
            return span, place.name
        elif label == "NORP" and surface in gaz.demonyms:
            return span, gaz.demonyms[surface]
        if label == "PERSON":
            canonical = " ".join(
                self._cased.get(w, w) if len(w) > _MAX_INITIALS else w
                for w in self._people.canonical(surface).split()
            )
        else:
            canonical = self._orgs.get(surface, surface) if label == "ORG" else surface
        return span._replace(label=label), canonical

    def _speaks(self, text: str, span: Span, surface: str) -> bool:
        """A city's name that is the surname of the article's one person of that name and
        says something ("Phoenix said" after "Joaquin Phoenix"): cities do not speak (a
        country or a capital may: "Jordan said", "Washington said")."""
        place = self._gaz.places[surface]
        return place.kind == "city" and bool(_SAYS.match(text, span.end))

    def _is_family(self, surface: str) -> bool:
        plural = surface.endswith("s") and self._surnames.get(surface[:-1]) == 1
        return self._surnames.get(surface) == 1 or plural


def _cut_glued_words(
    parts: list[tuple[str, list[Span]]], gaz: Gazetteer
) -> list[tuple[str, list[Span]]]:
    """Cut a capitalised word glued before a surname: "Hosting Cook" and "House Cook" are
    "Cook" of "Tim Cook" when their first word is no given name, no word of another
    PERSON name of the article, and the two words are not a name the article gives
    twice or with an age ("Han Lee" next to "James Lee"); "Will Warren continue ...?" is
    "Warren" of "Elizabeth Warren" when an auxiliary verb opens a question (a given name
    too: "Will"). A name after a role or kinship noun ("her brother Dale Ford", "senior
    guard Kayla Cooper") is whole: such a noun introduces a full name."""
    names = [
        text[s.start : s.end].split()
        for text, spans in parts
        for s in spans
        if s.label == "PERSON" and " " in text[s.start : s.end]
    ]
    given = {words[0] for words in names if is_given_name(words[0])}
    seen = Counter(" ".join(words) for words in names)
    out = []
    for text, spans in parts:
        cut = []
        for span in spans:
            words = text[span.start : span.end].split()
            glued = (
                span.label == "PERSON"
                and len(words) == 2
                and any(n[-1] == words[1] and n[0] in given and n != words for n in names)
                and (
                    (
                        not is_given_name(words[0])
                        and not _is_own_name(text, span, seen)
                        and not _introduced_by_role(text, span.start)
                    )
                    or (words[0] in _AUXILIARIES and _opens_question(text, span.start))
                )
            )
            cut.append(span._replace(start=span.end - len(words[1])) if glued else span)
        out.append((text, cut))
    return out


def _is_own_name(text: str, span: Span, seen: Counter[str]) -> bool:
    """A two-word name the article gives twice, or with an age ("Junmyung Lee, 30, of
    Dedham"), is a person's own name, not a word glued to a namesake's surname."""
    return seen[text[span.start : span.end]] > 1 or bool(_AGE.match(text, span.end))


_AGE = re.compile(r", \d{1,3},")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")


def _introduced_by_role(text: str, start: int) -> bool:
    """Whether the word before `start` is a lowercase content word (a role or kinship noun:
    "brother", "guard"), not a function word ("the", "of") or a capitalised one."""
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and before.group(1) not in STOP_WORDS


_AUXILIARIES = frozenset(
    {"Will", "Would", "Can", "Could", "Should", "Shall", "May", "Might", "Must", "Did", "Does",
     "Do", "Is", "Was", "Has", "Have", "Had"}
)  # fmt: skip
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)$")
_SENTENCE = re.compile(r"[^.!?\n]*[.!?]?")


def _opens_question(text: str, start: int) -> bool:
    """True if a sentence asking a question starts at `start`."""
    opens = _SENTENCE_START.search(text, max(0, start - 4), start) is not None
    sentence = _SENTENCE.match(text, start)
    return opens and sentence is not None and sentence.group().endswith("?")


def _people_by_surname(
    parts: list[tuple[str, list[Span]]], surfaces: list[list[str]], gaz: Gazetteer, sport: bool
) -> list[tuple[str, list[Span]]]:
    """Make a full name a PERSON if its surname alone is a PERSON in the article, or if,
    in sports copy, it is an ORG that `reads_as_person` (elsewhere such names are as
    often brands named after their founder: "Louis Vuitton", "Alfred A. Knopf").

    The model calls "Mason Rudolph" an ORG and "Marcel Granollers" a PRODUCT
    next to a dozen PERSON "Rudolph"s; places and nationalities are left alone.
    """
    people = {
        surface
        for surface, span in _labelled(parts, surfaces)
        if span.label == "PERSON" and " " not in surface
    }
    contexts: dict[str, list[tuple[str, str]]] = {}
    for part, (text, spans) in zip(surfaces, parts, strict=True):
        for surface, span in zip(part, spans, strict=True):
            if sport and span.label == "ORG":
                contexts.setdefault(surface, []).append(_around(text, span))
    people |= {name for name, found in contexts.items() if reads_as_person(name, found, gaz)}
    return [
        (
            text,
            [
                span._replace(label="PERSON")
                if span.label not in ("PERSON", "NORP", "LAW")  # "Data Retention Bill"
                and gaz.looks_like_full_name(surface)
                and (gaz.surname(surface) in people or surface in people)
                and gaz.place(surface) is None
                else span
                for surface, span in zip(part, spans, strict=True)
            ],
        )
        for part, (text, spans) in zip(surfaces, parts, strict=True)
    ]


def _organisations(
    parts: list[tuple[str, list[Span]]], surfaces: list[list[str]], gaz: Gazetteer
) -> list[tuple[str, list[Span]]]:
    """Relabel ORG the PERSON names that `reads_as_organisation` and the GPE/LOC names,
    unknown to the gazetteer and not words of direction ("the South"), that
    `reads_as_unknown_place_organisation`."""
    people = {
        word
        for surface, span in _labelled(parts, surfaces)
        if span.label == "PERSON" and " " in surface
        for word in surface.split()
    }
    contexts: dict[tuple[str, bool], list[tuple[str, str]]] = {}
    for part, (text, spans) in zip(surfaces, parts, strict=True):
        for surface, span in zip(part, spans, strict=True):
            place = span.label in ("GPE", "LOC")
            if (span.label == "PERSON" and surface not in people) or (
                place and surface not in gaz.candidates and not is_direction_name(surface)
            ):
                contexts.setdefault((surface, place), []).append(_around(text, span))
    registered = registered_words(t for t, s in _labelled(parts, surfaces) if s.label == "ORG")
    brands = {
        (name, place)
        for (name, place), c in contexts.items()
        if (
            reads_as_place_organisation(name, c)
            if place
            else name.casefold() in registered or reads_as_organisation(name, c, gaz)
        )
    }
    return [
        (
            text,
            [
                s._replace(label="ORG")
                if s.label in ("PERSON", "GPE", "LOC") and (t, s.label != "PERSON") in brands
                else s
                for t, s in zip(part, spans, strict=True)
            ],
        )
        for part, (text, spans) in zip(surfaces, parts, strict=True)
    ]


def _around(text: str, span: Span) -> tuple[str, str]:
    """The 40 characters before a mention and the 40 after it: its context for cues."""
    return text[max(0, span.start - 40) : span.start], text[span.end : span.end + 40]


def _labelled(
    parts: Sequence[tuple[str, list[Span]]], surfaces: Sequence[list[str]]
) -> Iterator[tuple[str, Span]]:
    """Each span of the article's parts with its surface text."""
    for part, (_, spans) in zip(surfaces, parts, strict=True):
        yield from zip(part, spans, strict=True)


def _mention(span: Span, surface: str, canonical: str, votes: dict[str, Counter[str]]) -> Mention:
    label = votes[_slug(canonical)].most_common(1)[0][0]
    return Mention(surface, label, span.start, span.end, canonical, entity_key(label, canonical))


def _acronyms(parts: Sequence[tuple[str, list[Span]]]) -> dict[str, tuple[str, str]]:
    """Acronym → (long name, label) for "Long Name (ACR)" definitions in the texts, and
    for an acronym mention whose capitals are the initials of exactly one organisation
    the article names in full ("UAW" beside "United Auto Workers")."""
    found: dict[str, tuple[str, str]] = {}
    by_initials: dict[str, set[str]] = {}  # organisations named in two words or more
    shouted: set[str] = set()  # acronym mentions, not of places ("US" is no "U.S. Steel")
    for text, spans in parts:
        for acronym, span in defined(text, spans).items():
            found.setdefault(acronym, (text[span.start : span.end], span.label))
        for span in spans:
            name = text[span.start : span.end]
            if span.label == "ORG" and len(name.split()) > 1:
                for acronym in initials(name):
                    by_initials.setdefault(acronym, set()).add(name)
            elif span.label not in ("PERSON", "GPE", "LOC") and _ACRONYM.fullmatch(name):
                shouted.add(name)
    for acronym in shouted - found.keys():
        if len(names := by_initials.get(acronym, set())) == 1:
            found[acronym] = (next(iter(names)), "ORG")
    return found


def _add_acronym_mentions(
    text: str, spans: list[Span], acronyms: dict[str, tuple[str, str]]
) -> list[Span]:
    if not acronyms:
        return spans
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, acronyms)) + r")\b")
    found = [Span(*m.span(), acronyms[m.group()][1]) for m in pattern.finditer(text)]
    return merge(spans, found)
