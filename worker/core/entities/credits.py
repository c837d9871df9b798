"""Find photo credits, agency tags and bylines left inline in article text.

The cleaner removes captions, but credits survive inside paragraphs ("...in
Bishkek (Pavel Bednyakov, Sputnik, Kremlin Pool Photo via AP/PA)"), as
"Photo: X/Reuters" tails and as "MOSCOW (AP) —" datelines. The photographers
and agencies named there are not people or organisations of the story, so
mentions inside these spans are dropped. Patterns are structural (parentheses,
slashes between names, "Photo:"/"via" markers), not lists of agencies.
"""

from __future__ import annotations

import re

_CREDIT_WORD = r"(?:photo(?:graph)?s?|pictures?|images?|credits?|pool|via|getty|file)"
_NAME = r"[A-Z][\w.'-]*"
_PERSON_WORD = r"[A-Z](?:\.|[\w'-]*)"  # "J." or "Doe", never "Ukraine." ending a sentence
_PATTERNS = (
    # "(Pavel Bednyakov, Sputnik, Kremlin Pool Photo via AP/PA)", "(Vladimir Voronin/AP/PA)"
    re.compile(rf"\((?=[^()\n]*(?:(?i:\b{_CREDIT_WORD}\b)|\w/[A-Z]))[^()\n]{{1,200}}\)"),
    # "Photo: X/Reuters", "Photograph by Jane Doe/AFP", "Credit: Getty Images", starting a
    # paragraph, a sentence or a parenthesis ("a photograph by Annie Leibovitz" is story text)
    re.compile(
        r"(?:^|(?<=[.!?|)\]] )|(?<=\())"
        r"(?:photo(?:graph)?|picture|image|credit)s?(?:\s+by|\s*:)\s*[^\n.;()]{1,80}",
        re.IGNORECASE | re.MULTILINE,
    ),
    # "Kremlin Pool Photo via AP/PA" and "Vladimir Voronin/AP/PA" without parentheses
    re.compile(rf"(?:{_NAME}[ ,]+){{0,6}}(?:Photo|Picture|Image)s?\s+via\s+{_NAME}(?:/{_NAME})*"),
    re.compile(rf"\b{_NAME}(?: {_NAME}){{1,3}}/[A-Z]{{2,}}\b(?:/{_NAME})*"),
    # "Jane Doe/Reuters" closing a paragraph or a parenthesis ("West Bank/Gaza border" is not)
    re.compile(
        rf"(?m)\b{_PERSON_WORD}(?: {_PERSON_WORD}){{1,3}}/{_NAME}(?:/{_NAME})*(?=[ \t]*(?:$|\)))"
    ),
    # dateline agency tag, the parenthesis only: "MOSCOW (AP) —", "(Reuters) -"
    re.compile(r"(?m)^(?:[A-Z][A-Z .,'-]*)?(\(\w[\w ]{0,30}\))(?=\s*[-\u2013\u2014])"),
    # the same without a dash after a capitalised place: "Hong Kong (CNN Business) A muddled"
    re.compile(r"(?m)^[A-Z][\w.'-]*(?:,? [A-Z][\w.'-]*){0,3} (\([A-Z][\w ]{0,30}\))(?= [A-Z])"),
    # a paragraph that is only a byline: "By Press Association"
    re.compile(r"(?m)^By\s+[A-Z][^\n.]{0,60}$"),
)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of credits and agency tags in `text`."""
    found = sorted(m.span(1 if p.groups else 0) for p in _PATTERNS for m in p.finditer(text))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
