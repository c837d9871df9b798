"""The head nouns of descriptions that name no one ("the company said", "the statement said").

A description's referent depends on its head: an organization for these
(`ORG_HEADS`), the author named next to it for a document (`DOCUMENTS`), and
nobody when the article brought that head in unnamed ("an investigator quoted
by the newspaper" ... "the investigator said": `introduced_unnamed`).
"""

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from worker.core.quotes.genders import noun_gender
from worker.core.types import Mention

MAX_INTRODUCED = 1500  # characters before a description searched for its introduction
# "an investigator", "another highly placed source", "one of the investigators": a few
# modifiers between, no determiner or preposition ("a blow to the president" is a blow's)
_NOT_MODIFIER = (
    r"(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|of|for|to|with|by|"
    r"from|about|on|in|at|into|over|against)\b"
)
_INDEFINITE = re.compile(
    rf"\b(?:a|an|another|one(?:\s+of\s+the)?)\s+(?:(?!{_NOT_MODIFIER})[\w-]+\s+){{0,3}}$",
    re.IGNORECASE,
)
# a name apposed before ("Smith, an investigator") or said to be one ("Smith is an ...")
_NAMED_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*\s*,|\b(?:is|was|as|became|becomes))\s*$")
_NAMED_AFTER = re.compile(r"\s*,\s*[A-Z]")  # "an investigator, John Smith,"
# "a 2014 report from the World Bank", "the statement by the ministry": the author follows
_AUTHOR_AFTER = re.compile(r"\s+(?:from|by)\s+(?:the\s+)?")  # not "a survey of Amazon workers"

# A description whose names sit in a phrase attached to it is the speaker ("a spokesperson
# for X"); a place in a compound modifier names no one ("a Singapore-based spokesman for").
_GROUP = re.compile(
    r"((?i:the|a|an|one|some|several|two|three|many)\s+"
    r"(?:(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*[-–][a-z]+\s+)?[^A-Z]*?)"
    r"\s+(?:of|in|at|for|from|with|by|on)\s"
)  # "a New York-based analyst at Citigroup", en dash too
COMPOUND = re.compile(r"[-–][a-z]")


def described_group(text: str, words: str, begin: int, mentions: Sequence[Mention]) -> int | None:
    """Where a description whose names sit in a phrase attached to it ends ("a spokesperson
    for X", "The authors of the research in the journal X"): an unnamed speaker; None if
    `words` (at `begin`) are no such description or name a person apposed to X."""
    group = _GROUP.match(words)
    if group is None:
        return None
    end = begin + group.end(1)
    if any(m.end <= end for m in mentions) or _apposed_to_org(text, mentions):
        return None
    return end


def _apposed_to_org(text: str, mentions: Sequence[Mention]) -> bool:
    """Whether a person is apposed to an organisation among `mentions` ("a spokeswoman for
    Chanel, Marie Dupont,": hers; not "a lawyer for the president, Donald Trump,")."""
    orgs = {m.end for m in mentions if m.label == "ORG"}
    return any(
        m.label == "PERSON" and m.start - 2 in orgs and text.startswith(", ", m.start - 2)
        for m in mentions
    )


# "the company", "the agency": the latest organization the article made a subject.
ORG_HEADS = frozenset(
    [
        "company",
        "firm",
        "group",
        "agency",
        "club",
        "team",
        "bank",
        "airline",
        "carrier",
        "ministry",
        "department",
        "government",
        "organization",
        "organisation",
        "network",
        "studio",
        "league",
        "retailer",
        "startup",
        "party",
        "union",
        "council",
        "court",
        "committee",
        "board",
        "commission",
        "office",
        "police",
        "service",
        "website",
        "newspaper",
        "magazine",
        "weekly",
        "daily",
        "radio",
        "television",
        "broadcaster",
        "administration",
        "campaign",
        "platform",
        "giant",
        "maker",
        "manufacturer",
    ]
)
# What a quotation may be read from: "the statement said" is its author's words.
DOCUMENTS = frozenset(
    [
        "statement",
        "message",
        "letter",
        "report",
        "release",
        "post",
        "tweet",
        "email",
        "memo",
        "note",
        "document",
        "filing",
        "complaint",
        "ruling",
        "opinion",
        "order",
        "communique",
        "website",
        "description",
        "study",
        "survey",
        "poll",
        "sign",
        "banner",
        "headline",
        "editorial",
        "article",
        "story",
        "piece",
        "column",
        "book",
        "ad",
        "advertisement",
        "video",
        "caption",
        "petition",
        "resolution",
        "bill",
        "transcript",
        "verdict",
        "judgment",
        "decision",
        "notice",
        "announcement",
    ]
)


def author_at(text: str, end: int) -> int | None:
    """Where the author named right after a document ending at `end` would start ("a 2014
    report from the World Bank"); None when no "from" or "by" follows it."""
    after = _AUTHOR_AFTER.match(text, end)
    return after.end() if after else None


def introduced_unnamed(text: str, head: str, position: int) -> bool:
    """Whether the latest use of `head` before `position` brought someone in unnamed: "a",
    "an", "another", "one" or "one of the" before it, a few modifiers between (no
    determiner or preposition: not "a blow to the president"), no name apposed to it
    ("another highly placed source said"; not "an investigator, John Smith,", "Smith,
    an investigator", "Smith is an investigator")."""
    window = text[max(0, position - MAX_INTRODUCED) : position]
    uses = list(re.finditer(rf"\b{re.escape(head)}s?\b", window, re.IGNORECASE))
    if not uses:
        return False
    last = uses[-1]
    indefinite = _INDEFINITE.search(window, 0, last.start())
    return (
        indefinite is not None
        and not _NAMED_BEFORE.search(window, 0, indefinite.start())
        and not _NAMED_AFTER.match(window, last.end())
    )


# Nouns of one person that news uses for unnamed speakers, besides gendered ones ("man").
_PERSON_NOUNS = frozenset(
    [
        "official", "spokesperson", "source", "witness", "resident", "analyst", "diplomat",
        "expert", "officer", "trader", "dealer", "executive", "lawyer", "doctor", "worker",
        "employee", "neighbor", "neighbour", "friend", "relative", "victim", "survivor",
        "member", "aide", "adviser", "advisor", "economist", "investigator", "prosecutor",
        "student", "teacher", "farmer", "driver", "passenger", "fan", "player", "person",
    ]
)  # fmt: skip
_DESCRIPTION = re.compile(
    r"(?i:an?|the|one|another|this|that)\s+(?:[\w.'’-]+\s+){0,4}?([a-z][\w-]*)"
    r"(?=\s+(?:of|for|at|in|with|from|on|to|who)\b|\s*$)"
)


def unnamed_person(words: str) -> str | None:
    """ "he", "she" or "" (either) for the words of one unnamed person a later pronoun may
    mean ("a spokeswoman of the Dutch criminal investigation service", "one elderly man",
    "a senior official", "he"); None for anything else ("officials", "the company")."""
    words = words.strip()
    if words.lower() in ("he", "she"):
        return words.lower()
    description = _DESCRIPTION.match(words)
    head = description.group(1).lower() if description else ""
    if head.endswith("men"):  # "the women", "two spokesmen": more than one
        return None
    gender = noun_gender(head)
    return gender if gender or head in _PERSON_NOUNS else None


# A sentence whose subject is one unnamed person and whose verb is one of saying: "One
# elderly man, who declined to give his name, said two of his sons ...", "The ministry
# spokesman said" after "A spokesman said" (`introduced_unnamed`).
_SAYS_UNNAMED = re.compile(
    r"\s*((A|An|One|Another|The)\s+(?:[\w.'’-]+\s+){0,4}?([a-z][\w-]*))"
    r"(?:\s*,[^,.;]{1,80},)?\s+(?:said|says|told|added)\b"
)


def unnamed_speakers(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, str]]:
    """(start, `unnamed_person` gender) of the sentences an unnamed person says
    (quotations blanked out of `text`)."""
    found = []
    for start, end in sentences:
        says = _SAYS_UNNAMED.match(text, start, end)
        if says is None:
            continue
        gender = unnamed_person(says.group(1))
        definite = says.group(2) == "The"
        if gender is not None and (not definite or introduced_unnamed(text, says[3], start)):
            found.append((says.start(1), gender))
    return found


# "Gastelum-Vera's neighbor", "Disney's spokesman": an owner before the one who speaks
_POSSESSIVE = re.compile(r"['’]s?\s+(?:[a-z-]+\s+)?([a-z]+)")
_DETERMINER_BEFORE = re.compile(
    r"(?i:a|an|the|one|two|three|four|five|some|several|many)\s+(?:[a-z-]+\s+)?"
)
_NOUN_AFTER = re.compile(r"\s+([a-z]+)")


def owns_description(text: str, m: Mention, end: int) -> bool:
    """Whether `m` only qualifies the one who speaks by a possessive ("Gastelum-Vera's
    neighbor, Brian Kinder", "one of baby Kristofer's uncles", "Disney's spokesman"); the
    owner of the cue's words says them ("In Dr. Shadlen's words")."""
    return _POSSESSIVE.match(text, m.end, end) is not None


def qualifies(text: str, m: Mention, begin: int, length: int) -> bool:
    """Whether a name only qualifies the description `text[begin:begin + length]` ("a
    U.S. official", "two Labour councillors"): right after the determiner that opens
    it, before a lower-case noun; or opening it before the plural noun that ends it
    ("Congress representatives said")."""
    before = text[begin : m.start]
    noun = _NOUN_AFTER.match(text, m.end, begin + length)
    if noun is None or noun.group(1) in STOP_WORDS:
        return False  # "the Commission for ..."
    plural = not before.strip() and noun.end() == begin + length and noun[1].endswith("s")
    return plural or bool(_DETERMINER_BEFORE.fullmatch(before))
