"""Which people of an article a "he" or a "she" may refer to, from the article itself.

A pronoun speaker is the latest person before it that the article allows to be
called so: in "... called Omar a "terrorist" ... Omar is one of the first two
Muslim women elected to Congress. ... he said, "..."" the speaker is not Omar.
The evidence is read in the article, never guessed from first names:

* an honorific or a gendered title right before a mention ("Mr.", "Ms.",
  "Congresswoman", "Queen");
* in a sentence led by one person and naming no other, the pronouns and the
  gendered nouns outside quotes ("Carlineo ... possessed ... at his home",
  "Omar is one of the first two Muslim women"), and twice a "he" or "she"
  before any other of these words ("Haley explained that she": a "his" may
  be another's, "mocked Ramswamy's defenses for his prolific use");
* a sentence that opens with "He" or "She" right after such a sentence.

The majority of a person's evidence decides; without evidence a person is
compatible with both pronouns.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from worker.core.quotes.subjects import TOPIC_FIRST
from worker.core.types import Mention

_BEFORE = re.compile(
    r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Congressman|Congresswoman|Chairman|Chairwoman|"
    r"Spokesman|Spokeswoman|King|Queen|Prince|Princess|Sister|Brother|Father|Mother)\.?\s+$"
)
_HIS = re.compile(
    r"\b(?:his|himself|man|men|father|son|husband|brother|boyfriend|actor|king|prince|"
    r"congressman|chairman|spokesman|businessman|sportsman|grandfather|uncle|nephew)\b",
    re.IGNORECASE,
)
_HER = re.compile(
    r"\b(?:her|hers|herself|woman|women|mother|daughter|wife|sister|girlfriend|actress|queen|"
    r"princess|congresswoman|chairwoman|spokeswoman|businesswoman|sportswoman|grandmother|"
    r"aunt|niece)\b",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_OPENS = re.compile(r"\W*(He|She)\b")
_WORDS_TO_LEAD = 6  # a sentence is led by a person named within its first words
_OWNER_AFTER = re.compile(r"['’]s?\s+([\w-]+)(?:\s+(\w+))?")
# Who speaks for an owner ("Smith's lawyer said she"): the pronoun may be the owner's.
_REPRESENTATIVES = frozenset(
    ["lawyer", "lawyers", "attorney", "attorneys", "spokesman", "spokeswoman", "spokesperson",
     "representative", "representatives", "aide", "aides", "agent", "publicist", "office",
     "campaign", "family", "friend", "friends"]
)  # fmt: skip
_MALE = frozenset(
    ["mr", "sir", "lord", "congressman", "chairman", "spokesman", "king", "prince", "father"]
)


def genders(
    text: str, people: Sequence[Mention], sentences: Sequence[tuple[int, int]], quoted: str
) -> dict[str, str]:
    """Canonical name → "he" or "she", for the people the article gives evidence about.

    `people` are the PERSON mentions outside quotes, in order; `sentences` the
    (start, end) of the text's sentences; `quoted` the text with its quoted
    segments blanked out, so that pronouns inside quotations do not count.
    """
    votes: dict[str, Counter[str]] = {}
    for m in people:
        title = _BEFORE.search(text, max(0, m.start - 20), m.start)
        if title:
            male = title.group(1).lower() in _MALE
            votes.setdefault(m.canonical, Counter())["he" if male else "she"] += 2
    index, led_by = 0, None
    for start, end in sentences:
        while index < len(people) and people[index].start < start:
            index += 1
        inside = set()
        for m in itertools.islice(people, index, None):
            if m.start >= end:
                break
            inside.add(m.canonical)
        opener = _OPENS.match(quoted, start, end)
        if opener and led_by is not None and not inside:
            votes.setdefault(led_by, Counter())[opener.group(1).lower()] += 1
        led_by = None
        if len(inside) == 1 and _leads(text, start, people[index]):
            led_by = people[index].canonical  # "For Hamilton, ... years. She recalls"
        if led_by is not None and not _topic(text, start, people[index]):
            words = votes.setdefault(led_by, Counter())
            words["he"] += len(_HIS.findall(quoted, people[index].end, end))
            words["she"] += len(_HER.findall(quoted, people[index].end, end))
            pronoun = _first_subject(quoted, people[index].end, end)
            if pronoun:
                words[pronoun] += 2  # "Haley explained that she": stronger than a "his"
    return {name: count.most_common(1)[0][0] for name, count in votes.items() if _clear(count)}


def _first_subject(quoted: str, start: int, end: int) -> str:
    """The "he" or "she" of `quoted[start:end]` if it comes before any other gendered word
    (not "her father was stationed as he served")."""
    pronoun = _SUBJECT.search(quoted, start, end)
    if pronoun is None:
        return ""
    other = _HIS.search(quoted, start, pronoun.start()) or _HER.search(
        quoted, start, pronoun.start()
    )
    return "" if other else pronoun.group().lower()


def _leads(text: str, start: int, m: Mention) -> bool:
    """Whether `m` opens the sentence, and not as the owner of a thing ("And since Zhang's
    patent came out, she's broken off"; "Mary Smith's lawyer said she" still may be hers)."""
    owner = _OWNER_AFTER.match(text, m.end)
    return (
        m.start >= start
        and len(text[start : m.start].split()) < _WORDS_TO_LEAD
        and (owner is None or not _REPRESENTATIVES.isdisjoint(map(str.lower, owner.groups(""))))
    )


def _topic(text: str, start: int, m: Mention) -> bool:
    """Whether `m` is the topic an opening phrase names, not the sentence's subject, whose
    pronouns may be another's ("And on the subject of Johnny Depp, with whom she co-stars,
    she said"); the next sentence's "She" is still the topic's."""
    return bool(TOPIC_FIRST.match(text, start, m.start))


def _clear(count: Counter[str]) -> bool:
    return count["he"] != count["she"]


def noun_gender(noun: str) -> str:
    """ "he" or "she" for a gendered noun ("spokeswoman", "man"), else ""."""
    return "she" if _HER.fullmatch(noun) else "he" if _HIS.fullmatch(noun) else ""
