"""Sentences and their subjects: who a later "he", "she" or "it" most likely means."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence

from worker.core.quotes.layout import sentence_ends
from worker.core.quotes.verbs import VERBS
from worker.core.types import Mention

SUBJECTS = ("PERSON", "ORG")
SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
# "In his Instagram post, ...", "If Trump read it, ...": the subject comes after the comma.
INTRO = re.compile(
    r"\s*(?:In|During|After|Before|At|On|With|Without|Despite|While|When|As|For|From|Since|"
    r"Upon|Following|Asked|If|Unless|Although|Though|Because|Once|Until|[A-Z]\w+ing)\b[^,]*,"
)
# a pronoun for the one spoken of before, in a sentence another opens: "Jolie, his co-star"
_BACK = re.compile(r"\b(?:him|her)\b")
_BACK_APPOSED = re.compile(r"\s*,\s*(?:his|her)\b")
_PRONOUN_START = re.compile(r"^\W*(?:he|she|his|her|they|it)\b", re.IGNORECASE)
_POSSESSIVE_END = re.compile(r"['’](?:s\b|\s)")
# "And on the subject of Johnny Depp, ...": a topic (not "On Monday, ... with Greta Thunberg")
TOPIC_FIRST = re.compile(
    r"\W*(?:(?:and|but)\s+)?(?:(?:on|about)\s+the\s+(?:subject|topic|question|issue|matter)\s+of"
    r"|as\s+for|regarding|speaking\s+of)\s",
    re.I,
)
# an opening phrase: "To Lorenz's delight, Hamilton would" (not "began with X's nose as")
_VIEW = re.compile(r"['’]s?\s+(?:view|opinion|words|mind|eyes|account|estimation|judgment)\b")
_IN_PHRASE = re.compile(r"\W*(?:(?:and|but)\s+)?(?:to|for|with|by|from|at|in|on)\s+", re.I)
_OBJECT_OF = re.compile(r"\b(?:of|about|with|against|like)\s+$")
_NEXT_WORD = re.compile(r"\s+(?:\w+ly\s+)?(\w+)")  # "Albright insisted", "Smith also said"
# "As some in the audience booed Ramaswamy - who's ... - she charged": an object in an
# opening clause, the main clause's subject a pronoun
_SUBORDINATORS = (
    "as", "when", "while", "after", "before", "because", "since", "although", "though", "if",
    "until",
)  # fmt: skip
_OBJECT_IN_OPENING = re.compile(
    rf"\W*(?:{'|'.join(w.capitalize() for w in (*_SUBORDINATORS, 'once'))})\s+"
    r"[^,;]*?\b[a-z]+\s+$"
)
_MAIN_PRONOUN = re.compile(r"[^,;]*?(?:,|\s[-–—])\s+(?:he|she)\b")
_SUBORDINATE = re.compile(rf"\b(?:{'|'.join(_SUBORDINATORS)})\s[^,;]*$", re.IGNORECASE)


def inside(m: Mention, quoted: Sequence[tuple[int, int]], opens: Sequence[int]) -> bool:
    """Whether `m` lies inside a quoted segment (`opens`: the segments' starts)."""
    index = bisect_right(opens, m.start) - 1
    return index >= 0 and m.end <= quoted[index][1]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`."""
    return list(itertools.pairwise([0, *sentence_ends(text), len(text)]))


def blanked(text: str, quoted: Sequence[tuple[int, int]]) -> str:
    """`text` with its quoted segments replaced by spaces (offsets kept)."""
    parts, position = [], 0
    for start, end in quoted:
        start = max(start, position)
        parts += [text[position:start], " " * max(0, end - start)]
        position = max(position, end)
    return "".join([*parts, text[position:]])


def sentence_subjects(
    blanked: str, mentions: Sequence[Mention], sentences: Sequence[tuple[int, int]]
) -> list[Mention]:
    """The first PERSON and the first ORG mention of each sentence not led by a pronoun,
    or the one a verb of saying follows ("In Kosovo, where ... Slobodan Milosevic is
    resisting ..., Albright insisted": Albright): who a later "he" or "it" most likely
    is; a possessor in a subordinate clause only when the sentence names no other ("In
    2016, as Trump's rise continued, Schwartz disavowed the book": Schwartz). A
    pronoun-led sentence keeps the earlier one, and so does a sentence whose "he" or
    "she" comes before its first person ("As he has alleged, he and Farrow ...": he is
    its subject) unless a verb of saying follows that person ("... he has battled ...
    and Sharetsky said"), and so does one whose first person is an object in an opening
    clause before a "he" or "she" (`_object_of_opening`). `blanked` is the text with its
    quotations blanked out."""
    subjects: list[Mention] = []
    index = 0
    for begin, end in sentences:
        while index < len(mentions) and mentions[index].start < begin:
            index += 1
        if _PRONOUN_START.match(blanked[begin:end]):
            continue
        firsts: dict[str, Mention] = {}
        possessors: dict[str, Mention] = {}
        said: Mention | None = None  # the first a verb of saying follows: "Albright insisted"
        topic = TOPIC_FIRST.match(blanked, begin, end)  # an opening phrase names a topic
        for m in itertools.islice(mentions, index, None):
            if m.start >= end:
                break
            if _POSSESSIVE_END.match(blanked, m.end) and (
                _SUBORDINATE.search(blanked, begin, m.start)
                or (
                    _IN_PHRASE.fullmatch(blanked, begin, m.start)
                    and not _VIEW.match(blanked, m.end)  # "In Johnson's view, ... he told"
                )
            ):  # "as Trump's rise continued", "To Lorenz's delight, Hamilton would"
                possessors.setdefault(m.label, m)
            elif not (topic and _OBJECT_OF.search(blanked, max(begin, m.start - 12), m.start)):
                firsts.setdefault(m.label, m)  # not "On the subject of Johnny Depp, ... she"
            word = _NEXT_WORD.match(blanked, m.end) if said is None else None
            if word and word.group(1).lower() in VERBS:
                said = m
        firsts = possessors | firsts
        if said is not None:
            firsts[said.label] = said
        person = firsts.get("PERSON")
        pronoun = person is not None and SUBJECT_PRONOUN.search(blanked, begin, person.start)
        opening = person is not None and _object_of_opening(blanked, begin, end, person)
        if (pronoun or opening) and person is not said:  # "... he has battled ... and X said"
            del firsts["PERSON"]
        subjects.extend(sorted((firsts[k] for k in SUBJECTS if k in firsts), key=lambda m: m.start))
    return subjects


def _object_of_opening(blanked: str, begin: int, end: int, person: Mention) -> bool:
    """Whether `person` is an object in the opening clause of the sentence `[begin, end)`
    whose main clause a "he" or "she" leads ("As some in the audience booed Ramaswamy -
    who's tussled with Haley - she charged": she; not "When Smith arrived, he said")."""
    return bool(
        _OBJECT_IN_OPENING.match(blanked, begin, person.start)
        and _MAIN_PRONOUN.match(blanked, person.end, end)
    )


def opens_sentence(text: str, sentence_start: int, m: Mention) -> bool:
    """Whether `m` opens its sentence (starting at `sentence_start`), after an introductory
    phrase or not ("For this battle, Chandor asked")."""
    intro = INTRO.match(text, sentence_start, m.start)
    return not text[intro.end() if intro else sentence_start : m.start].strip()


def refers_back(text: str, m: Mention, position: int) -> bool:
    """Whether the words from `m` to `position` point back to someone spoken of before
    ("Jolie, his co-star, did not attend", "Ham rested him")."""
    return bool(_BACK.search(text, m.end, position) or _BACK_APPOSED.match(text, m.end))
