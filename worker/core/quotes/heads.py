"""The head nouns of descriptions that name no one ("the company said", "the statement said").

A description's referent depends on its head: an organization for these
(`ORG_HEADS`), the author named next to it for a document (`DOCUMENTS`), and
nobody when the article brought that head in unnamed ("an investigator quoted
by the newspaper" ... "the investigator said": `introduced_unnamed`).
"""

import re

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
