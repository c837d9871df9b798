"""Repair the model's spans in one text: credits, titles, places (possessives:
`possessives.py`).

Each function takes spans sorted by start and not overlapping, and returns
spans with the same property; offsets always index into the same text.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from itertools import accumulate
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from worker.core.entities.gazetteer import Gazetteer

LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
# Honorifics that only ever precede a person's name; a span starting with one
# is a PERSON whatever the model said, and "Mr X" is a person even if missed.
PERSONAL_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "mister", "dr"})

APOSTROPHE_S = r"(?:['’][sS]|(?<=[sS])['’])"
_POSSESSIVE = re.compile(APOSTROPHE_S + "$")
# a dangling dash, comma or "(", or a lowercase word the model ran into ("Associated Press that")
_TAIL = re.compile(r"(?:[\s\-–—(,;:/&]+|\s+[a-z]+)$")
_COLON_AFTER = re.compile(r" ?:")
_WORDS_AFTER_COLON = re.compile(r" ?: +[^\W\d]")
_LABEL = re.compile(r"(?m)^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3} ?:")
DATELINE = re.compile(r"(?m)^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?= ?[,:]| \(| ?[-–—]| \d)")
_ALL_CAPS = re.compile(r"[A-Z]{2,}")
_OPENING = "-–—“\"‘'(«["  # marks the model runs into a name's start
_WORD = re.compile(r"\S+")
_CODE = re.compile(r"[A-Z][A-Za-z]*[A-Z]-\d+")
_HOST_PATH = re.compile(r"\w(?:[\w-]*\.)+[a-z]{2,}/")  # "pic.twitter.com/..."
_NEXT_CAPITALISED = re.compile(r" ([A-Z][a-z]+)\b(?![.'’-])")
CALENDAR = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])
_WORD_BEFORE = re.compile(r"(\S+) $")
# English prefixes glued to a name ("ex-Soviet", "pro-Russian"); not "al-Qaeda".
_PREFIX = re.compile(r"(?:ex|pro|anti|non|post|pre|neo|pan)-(?=[A-Z])")
_HYPHEN_BEFORE = re.compile(r"(?<![\w-])[A-Z][a-z]+-$")
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
    """Strip "the", "ex-", possessives, dangling words and, for people, leading titles;
    complete a "The ..." title the model cut ("The Hollywood Reporter").

    "Nikol Pashinyan's" → "Nikol Pashinyan", "Russian President Vladimir Putin"
    → "Vladimir Putin", "Mr Putin" → "Putin" (PERSON even if the model said
    otherwise), "Browns DL Sheldon Richardson" → "Sheldon Richardson". Returns
    None when nothing but titles is left ("President"), for spans without a
    capital letter ("n't", "marijuana") and for URLs, @handles, #hashtags and codes
    ("COVID-19"); a person's name ends before a word with a digit ("Usain Bolt 9.58") and
    is None if its first word has one ("Covid-19" PERSON).
    """
    start, label = span.start, span.label
    end = _title_end(text, start, _name_end(text, start, span.end))
    words = [m.span() for m in _WORD.finditer(text, start, end)]
    while words and text[words[0][0]] in _OPENING:  # "— Jennifer Lawrence", "“Star Wars"
        words[0] = (words[0][0] + 1, words[0][1])
        if words[0][0] == words[0][1]:
            words.pop(0)
    article = text[words[0][0] : words[0][1]] if words else ""
    # "The" is no part of a name, unless the gazetteer's place has it ("The Hague")
    if article in ("the", "The") and len(words) > 1 and text[start:end] not in gaz.candidates:
        words = words[1:]
    prefix = _PREFIX.match(text, *words[0]) if words else None
    if prefix:
        words[0] = (prefix.end(), words[0][1])
    if not words or _is_web_or_code(text[words[0][0] : end]) or text[words[0][0] : end].islower():
        return None
    forms = [_strip_possessive(text[a:b]) for a, b in words]
    if forms[0].rstrip(".").lower() in PERSONAL_HONORIFICS or _is_titled_name(
        text, words[0][0], forms, gaz
    ):
        label = "PERSON"
    if label == "PERSON" and _is_team(text, words[0][0], forms):
        label = "ORG"
    if label == "PERSON" and (kept := _before_figures(forms)) < len(forms):
        if not kept:
            return None  # "Covid-19": a person's name has no digits
        words, forms, end = words[:kept], forms[:kept], words[kept - 1][1]
    first = _name_start(forms, gaz) if label == "PERSON" else 0
    if first is None:
        return None
    if label == "PERSON":
        first = max(first, _after_capitals(forms))
    return Span(words[first][0], end, label)


def _before_figures(forms: list[str]) -> int:
    """How many words open a person's name before one with a digit ("Usain Bolt 9.58")."""
    return next((i for i, form in enumerate(forms) if any(c.isdigit() for c in form)), len(forms))


def hyphenated_persons(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with each person's name whole again where the model left out the first
    half of a hyphenated given name ("Jean-" of "Jean-Jacques Guiony"; not the prefix of
    "Pro-Trump" nor a common word, "Never-Trump"); the whole name wins over a span of that
    half ("Jean")."""
    whole = [
        s._replace(start=start)
        for s in spans
        if s.label == "PERSON" and (start := _hyphenated(text, s.start)) != s.start
    ]
    return override(spans, whole) if whole else spans


def _hyphenated(text: str, start: int) -> int:
    """The start of the given name whose second half starts at `start`, if any."""
    before = _HYPHEN_BEFORE.search(text, max(0, start - 20), start)
    if before is None:
        return start
    half = before.group().lower()
    if _PREFIX.match(half + text[start]) or half[:-1] in STOP_WORDS:
        return start  # "Pro-Trump", "Never-Trump"
    return before.start()


def _title_end(text: str, start: int, end: int) -> int:
    """End of a "The ..." name the model cut short: "The Hollywood" + " Reporter"
    (capitalised words that follow, but not a weekday or month: "The Steelers Monday")."""
    if not text.startswith("The ", start):
        return end
    while (match := _NEXT_CAPITALISED.match(text, end)) and match.group(1) not in CALENDAR:
        end = match.end()
    return end


def _is_team(text: str, start: int, forms: list[str]) -> bool:
    """A plural name after "the" ("the Steelers") is a team: a person's name takes no article."""
    before = _WORD_BEFORE.search(text, max(0, start - 4), start)
    return (
        before is not None
        and before.group(1) in ("the", "The")
        and len(forms) == 1
        and forms[0].endswith("s")
        and not forms[0].endswith("ss")
    )


def _name_end(text: str, start: int, end: int) -> int:
    """End of the name without a possessive, an unclosed "(" or a dangling tail."""
    paren = text.find("(", start, end)
    if paren >= 0 and text.find(")", paren, end) < 0:
        end = paren
    while match := _POSSESSIVE.search(text, start, end) or _TAIL.search(text, start, end):
        if match.start() <= start:
            break
        end = match.start()
    return end


def _after_capitals(forms: list[str]) -> int:
    """Index after an all-capital word (a position, a team code) inside a mixed-case name.

    "Browns DL Sheldon Richardson"; at least two words must follow, so that
    "JJ Watt" stays whole, and all-capital names ("JOHN SMITH") are left alone.
    """
    if all(f.isupper() for f in forms):
        return 0
    cut = 0
    for i, form in enumerate(forms[:-2]):
        if _ALL_CAPS.fullmatch(form):
            cut = i + 1
    return cut


def _is_web_or_code(surface: str) -> bool:
    """URLs (also without a scheme: "pic.twitter.com/4p7SXk7JPW" of an embedded tweet),
    @handles and #hashtags are not names, nor codes of capitals and a number ("COVID-19",
    "MH-17", "AK-47": a disease, a flight, a product). A site's name stays one
    ("AutoIndustriya.com")."""
    return (
        "://" in surface
        or surface.startswith(("www.", "@", "#"))
        or bool(_HOST_PATH.search(surface) or _CODE.fullmatch(surface))
    )


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


def propagate(text: str, spans: list[Span], names: dict[str, str]) -> list[Span]:
    """Add the other occurrences of names the model found elsewhere in the article.

    The model often tags a name once and misses it in the next sentence
    ("Alibaba", "WeWork"); `names` maps each name to its label. Occurrences are
    whole words with the same case; ones that overlap a span are skipped, except a
    person's full name around a part of it the model tagged alone (it missed "Han" of
    "Han Lee" at a sentence's start).
    """
    if not names:
        return spans
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?!\w)"
    )
    found = [Span(*m.span(), names[m.group()]) for m in pattern.finditer(text)]
    ends = [s.end for s in spans]
    whole = [f for f in found if f.label == "PERSON" and _around_part(text, spans, ends, f)]
    return merge(override(spans, whole) if whole else spans, found)


def _around_part(text: str, spans: list[Span], ends: list[int], name: Span) -> bool:
    """Whether the full name `name` holds spans only (`ends`: theirs, in order), shorter
    than it, a PERSON among them (the other words may have been read apart: "Han" a
    nationality)."""
    if " " not in text[name.start : name.end]:
        return False
    i = bisect_left(ends, name.start + 1)
    inside = []
    while i < len(spans) and spans[i].start < name.end:
        inside.append(spans[i])
        i += 1
    return any(s.label == "PERSON" for s in inside) and all(
        name.start <= s.start and s.end <= name.end and s != name for s in inside
    )


def dateline_places(text: str, gaz: Gazetteer) -> list[Span]:
    """All-capital city names opening a line: "BUFFALO, N.Y. —", "BONN 1996-08-22", and,
    opening the text, "BHUBANESWAR: A 72-year-old" (a colon, as Indian papers write it;
    not a label that opens other lines too, a transcript's "HOLT:", nor a label of
    figures, "MOBILE: 07700 900123", nor a word of the text, "POLICE:")."""
    return [
        Span(*m.span(), "GPE")
        for m in DATELINE.finditer(text)
        if gaz.dateline_place(m.group()) is not None
        and (not _COLON_AFTER.match(text, m.end()) or _opening_colon(text, m))
    ]


def _opening_colon(text: str, dateline: re.Match[str]) -> bool:
    """Whether a dateline with a colon opens the text before words, no other line opens
    with such a label, and the text does not write the name as a word ("POLICE: ...
    police said")."""
    word = re.escape(dateline.group().lower())
    return (
        not text[: dateline.start()].strip()
        and len(_LABEL.findall(text)) == 1
        and bool(_WORDS_AFTER_COLON.match(text, dateline.end()))
        and re.search(rf"(?<!\w){word}(?!\w)", text) is None
    )


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
    spans = _widen_places(spans, matches)
    by_span = {(s.start, s.end): s for s in spans}
    for match in matches:
        found = by_span.get((match.start, match.end))
        if found and not _keeps_label(text[match.start : match.end], found.label, keep_person, gaz):
            by_span[(match.start, match.end)] = match
    return merge(sorted(by_span.values()), [m for m in matches if (m.start, m.end) not in by_span])


def _widen_places(spans: list[Span], matches: list[Span]) -> list[Span]:
    """Replace place spans that a longer known place covers ("Washington" and "D.C." by
    "Washington, D.C.", "New York" by "New York City")."""
    for match in matches:
        inside = [s for s in spans if match.start <= s.start and s.end <= match.end]
        crossing = [s for s in spans if s.start < match.end and match.start < s.end]
        if (
            inside
            and crossing == inside
            and [(s.start, s.end) for s in inside] != [(match.start, match.end)]
            and all(s.label in ("GPE", "LOC") for s in inside)
        ):
            spans = merge([s for s in spans if s not in inside], [match])
    return spans


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


def override(spans: list[Span], found: list[Span]) -> list[Span]:
    """`found` spans win over the spans they overlap."""
    ordered = sorted(found)
    starts = [f.start for f in ordered]
    reach = list(accumulate((f.end for f in ordered), max))  # furthest end so far
    kept = []
    for span in spans:  # a found span overlaps if it starts before the end and ends after
        before = bisect_left(starts, span.end)
        if not before or reach[before - 1] <= span.start:
            kept.append(span)
    return merge(kept, found)
