"""Repair the model's spans in one text: credits, possessives, titles, places.

Each function takes spans sorted by start and not overlapping, and returns
spans with the same property; offsets always index into the same text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable
from typing import NamedTuple

from worker.pipeline.entities.gazetteer import Gazetteer

LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
# Honorifics that only ever precede a person's name; a span starting with one
# is a PERSON whatever the model said, and "Mr X" is a person even if missed.
PERSONAL_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "mister", "dr"})

_POSSESSIVE = re.compile(r"(?:'[sS]|(?<=[sS])')$")
_WORD = re.compile(r"\S+")
_WORD_BEFORE = re.compile(r"(\S+) $")
_HONORIFIC_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? ([A-Z][\w-]*(?:'[A-Z][\w-]*)?"
    r"(?: [A-Z][\w-]*(?:'[A-Z][\w-]*)?)*)"
)


class Span(NamedTuple):
    start: int
    end: int
    label: str


def drop_inside(spans: Iterable[Span], holes: list[tuple[int, int]]) -> list[Span]:
    """Drop spans that overlap any of the sorted, disjoint `holes` (credit spans)."""
    starts = [h[0] for h in holes]
    kept = []
    for span in spans:
        i = bisect_right(starts, span.end - 1) - 1
        if i < 0 or holes[i][1] <= span.start:
            kept.append(span)
    return kept


def trim(text: str, span: Span, gaz: Gazetteer) -> Span | None:
    """Strip "the", possessives and, for people, leading titles and nationalities.

    "Nikol Pashinyan's" → "Nikol Pashinyan", "Russian President Vladimir Putin"
    → "Vladimir Putin", "Mr Putin" → "Putin" (PERSON even if the model said
    otherwise). Returns None when nothing but titles is left ("President") and
    for URLs, @handles and #hashtags.
    """
    start, end, label = span
    possessive = _POSSESSIVE.search(text, start, end)
    if possessive:
        end = possessive.start()
    words = [m.span() for m in _WORD.finditer(text, start, end)]
    article = text[words[0][0] : words[0][1]] if words else ""
    # a capital "The" before one word is part of the name: "The Hague", "The Guardian"
    if (article == "the" and len(words) > 1) or (article == "The" and len(words) > 2):
        words = words[1:]
    if not words or _is_web(text[words[0][0] : end]):
        return None
    forms = [_strip_possessive(text[a:b]) for a, b in words]
    if forms[0].rstrip(".").lower() in PERSONAL_HONORIFICS or _is_titled_name(
        text, words[0][0], forms, gaz
    ):
        label = "PERSON"
    first = _name_start(forms, gaz) if label == "PERSON" else 0
    return None if first is None else Span(words[first][0], end, label)


def _is_web(surface: str) -> bool:
    """URLs, @handles and #hashtags are not names."""
    return "://" in surface or surface.startswith(("www.", "@", "#"))


def _is_titled_name(text: str, start: int, forms: list[str], gaz: Gazetteer) -> bool:
    """A short all-capitalised name right after a capitalised title is a person.

    "President Kassym-Jomart Tokayev", which the model calls an ORG. Names with
    lowercase words ("Bank of England") or known places are not.
    """
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return (
        before is not None
        and before.group(1)[0].isupper()
        and gaz.is_title(before.group(1))
        and 2 <= len(forms) <= 4
        and all(f[0].isupper() for f in forms)
        and " ".join(forms) not in gaz.places
    )


def _name_start(forms: list[str], gaz: Gazetteer) -> int | None:
    """Index of the first word of the name proper, after a titled prefix.

    The prefix is titles, nationalities and places, ending in a title
    ("Kazakhstan's President", "Armenian Prime Minister"); one untitled word
    before a title belongs to it ("Home Secretary"). A place alone is not a
    prefix ("Jordan Henderson"). None if only titles are left ("President").
    """
    i = cut = 0
    while i < len(forms) - 1:
        n = _descriptor_length(forms, i, gaz)
        if n == 1 and gaz.is_title(forms[i]):
            cut = i + 1
        elif not n and i == 0 and gaz.is_title(forms[1]):
            n = 1
        if not n:
            break
        i += n
    if all(gaz.is_title(f) for f in forms[cut:]):
        return None
    return cut


def _descriptor_length(forms: list[str], i: int, gaz: Gazetteer) -> int:
    """How many words from `i` form a title, a demonym or a place (longest first)."""
    for n in (3, 2, 1):
        if i + n >= len(forms):
            continue  # leave at least one word for the name
        phrase = " ".join(forms[i : i + n])
        if phrase in gaz.places or phrase in gaz.demonyms or (n == 1 and gaz.is_title(phrase)):
            return n
    return 0


def _strip_possessive(word: str) -> str:
    match = _POSSESSIVE.search(word)
    return word[: match.start()] if match else word


def add_honorific_persons(text: str, spans: list[Span]) -> list[Span]:
    """Add "Mr/Mrs/Dr Name" persons that the model missed (the name stops before "'s")."""
    return merge(spans, [Span(*m.span(1), "PERSON") for m in _HONORIFIC_NAME.finditer(text)])


def apply_gazetteer(
    text: str, spans: list[Span], matches: list[Span], keep_person: Collection[str], gaz: Gazetteer
) -> list[Span]:
    """Relabel model spans that are exactly a known place or demonym; add missed ones.

    Kept as they are: a PERSON whose text is a word of a person's name in the
    article ("Jordan" after "Michael Jordan"), an ORG that is a city and not a
    capital (a team or a company: "Phoenix"), and a match inside a longer span
    ("Bank of Russia").
    """
    by_span = {(s.start, s.end): s for s in spans}
    for match in matches:
        found = by_span.get((match.start, match.end))
        if found and not _keeps_label(text[match.start : match.end], found.label, keep_person, gaz):
            by_span[(match.start, match.end)] = match
    return merge(sorted(by_span.values()), [m for m in matches if (m.start, m.end) not in by_span])


def _keeps_label(surface: str, label: str, keep_person: Collection[str], gaz: Gazetteer) -> bool:
    if label == "PERSON":
        return surface in keep_person
    place = gaz.places.get(surface)
    return label == "ORG" and place is not None and place.kind == "city"


def merge(spans: list[Span], extra: list[Span]) -> list[Span]:
    """Add the `extra` spans that overlap none of `spans` (nor an earlier extra)."""
    out: list[Span] = []
    i = 0
    for span in sorted(extra):
        while i < len(spans) and spans[i].start < span.start:
            out.append(spans[i])
            i += 1
        if (not out or out[-1].end <= span.start) and (
            i == len(spans) or span.end <= spans[i].start
        ):
            out.append(span)
    out.extend(spans[i:])
    return out
