"""What the core knows about news text, written once: sentence ends, month names, credits.

The cleaners, the entity repairs and the temporal tagger all need to know where
a sentence ends, how months are spelled and what a photo credit looks like.
Each of those is defined here, and every module that needs it imports it, so
that a fix (a new closing quote, a new credit marker) reaches all of them.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- sentence ends

# Marks that end a sentence in Latin-script and CJK text.
FULL_STOPS = ".!?…。！？"
# Closing quotes and brackets that may follow a full stop: 'He said "no."'
CLOSERS = "'\"’”»)]"
_FULL_STOP = f"[{re.escape(FULL_STOPS)}]"
_CLOSER = f"[{re.escape(CLOSERS)}]"

# A sentence end in running text: a full stop and its closers, then a space or the end.
# Its start is the full stop; its end is just after the closers (the space is not part
# of it). Abbreviations are not told apart: use SENTENCE_BOUNDARY for that.
SENTENCE_END = re.compile(rf"{_FULL_STOP}{_CLOSER}*(?=\s|$)")

# Where running English text is cut into sentences: a line break, or a sentence end
# that is not the dot of a title, an initial or an AP-style month abbreviation
# ("Mr.", "J.", "Nov.") and that a capital (maybe after an opening quote) follows.
SENTENCE_BOUNDARY = re.compile(
    rf"\n|{_FULL_STOP}(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<![ .][A-Z]\.)"
    r"(?<!\bJan\.)(?<!\bFeb\.)(?<!\bAug\.)(?<!\bOct\.)(?<!\bNov\.)(?<!\bDec\.)(?<!\bSept\.)"
    r"(?<!\bvs\.)(?<!\bGen\.)(?<!\bGov\.)(?<!\bSen\.)(?<!\bRep\.)(?<!\bNo\.)"
    rf"{_CLOSER}*\s+(?=[\"'“‘(]?[A-Z])"
)


def ends_sentence(line: str) -> bool:
    """Whether `line` (one line, no line break) ends with a sentence end."""
    core = line.rstrip(CLOSERS)
    return bool(core) and core[-1] in FULL_STOPS


# --------------------------------------------------------------------------- months

# English month names and the abbreviations news text uses for them.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# The three-letter stem every month name starts with ("jan"... "dec").
MONTH_STEMS = tuple(name for name in MONTHS if len(name) == 3)


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept." → 9).

    A word that is not in MONTHS is read by its three-letter stem, so that other
    spellings that share it still count ("Novembre", "Sept"). Raises KeyError for a
    word that starts with no month stem. Case-folded as the patterns that find the
    names match case-insensitively: "ſeptember" (long s) is September.
    """
    key = name.casefold().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


# --------------------------------------------------------------------------- photo credits
#
# Two questions are asked about credits, and each has its own pattern here:
# is this whole line (of a text dump) a caption's credit, and where are the
# credits left inside a paragraph (whose names are not the story's people)?

# A credit closing a line: "(Name/AP/PA)", "[SpaceX via Nasa]", "Credit... X", "© X".
LINE_CREDIT = re.compile(
    r"(?:[(\[][^()\[\]]{0,160}(?:(?-i:[A-Za-z.]\s?/\s?[A-Z])|\bvia\b|\bphoto|\bimages?\b|\bcredit"
    r"|\bgetty\b|\bshutterstock\b|\balamy\b)[^()\[\]]{0,160}[)\]]\s*$)"
    r"|(?:\b(?:credit|photo|photograph|image|picture|foto|bild)\s*(?:\.{3}|…|:)\s*\S.*$)"
    r"|(?:^©)|(?:\bimage (?:copyright|caption)\b)",
    re.IGNORECASE,
)

# A line that is only a credit: "Natalie Naccache | Bloomberg | Getty Images".
CREDIT_ONLY_LINE = re.compile(
    r"^[^|/]{2,40}(?:\s[|/]\s[^|/]{2,40})*\s[|/]\s\W*"
    r"(?:getty images|shutterstock|alamy|reuters|ap|afp|epa|bloomberg|courtesy\b.*)\W*$",
    re.IGNORECASE,
)

_CREDIT_WORD = r"(?:photo(?:graph)?s?|pictures?|images?|credits?|pool|via|getty|file)"
_NAME = r"[A-Z][\w.'-]*"
_PERSON_WORD = r"[A-Z](?:\.|[\w'-]*)"  # "J." or "Doe", never "Ukraine." ending a sentence
# Credits, agency tags and bylines inside paragraphs. Structural (parentheses,
# slashes between names, "Photo:"/"via" markers), not lists of agencies.
_INLINE_CREDITS = (
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
    """Sorted, merged (start, end) spans of the credits and agency tags inside `text`.

    The cleaner removes captions, but credits survive inside paragraphs ("...in
    Bishkek (Pavel Bednyakov, Sputnik, Kremlin Pool Photo via AP/PA)"), as
    "Photo: X/Reuters" tails and as "MOSCOW (AP) —" datelines.
    """
    found = sorted(m.span(1 if p.groups else 0) for p in _INLINE_CREDITS for m in p.finditer(text))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
