"""The head nouns of descriptions that name no one ("the company said", "the statement said").

A description's referent depends on its head: an organization for these
(`ORG_HEADS`), the author named next to it for a document (`DOCUMENTS`).
"""

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
    ]
)
