"""Acronyms an article defines: a name followed by its acronym in brackets.

"the Kurdistan Democratic Party (KDP)", or as Reuters copy is tokenized,
"the Kurdistan Democratic Party ( KDP )". One finder serves both uses: the
acronym takes the name's label wherever it stands (`coordination.acronyms`) and
the name as its canonical name (`canonical`).
"""

from __future__ import annotations

import re

from worker.core.entities.spans import Span

_AFTER = re.compile(r"\s*\( ?([A-Z][A-Za-z&]{1,9}) ?\)")
_LETTERS = re.compile(r"[^\W\d_]+")


def defined(text: str, spans: list[Span]) -> dict[str, Span]:
    """Acronym → the first span (no PERSON) that it abbreviates, followed by it in
    brackets."""
    found: dict[str, Span] = {}
    for span in spans:
        match = _AFTER.match(text, span.end)
        if match and span.label != "PERSON":
            name = text[span.start : span.end]
            if abbreviates(match.group(1), _LETTERS.findall(name)):
                found.setdefault(match.group(1), span)
    return found


def abbreviates(acronym: str, words: list[str]) -> bool:
    """True if the acronym's capitals are the initials of all `words` ("DOJ" of
    "Department of Justice") or those of their capitalised words in order, some
    skipped, the first and the last among them ("LIFFE" of "London International
    Financial Futures and Options Exchange", "Options" skipped)."""
    letters = "".join(c for c in acronym if c.isupper())
    if len(letters) < 2:
        return False
    if letters == "".join(w[0].upper() for w in words):
        return True
    capitals = [w[0] for w in words if w[0].isupper()]
    if len(capitals) < 2 or capitals[-1] != letters[-1] or capitals[0] != letters[0]:
        return False
    rest = iter(capitals)
    return all(letter in rest for letter in letters)


def initials(name: str) -> set[str]:
    """The initials of the name's words, and those of its capitalised words only."""
    words = _LETTERS.findall(name)
    return {"".join(w[0].upper() for w in words), "".join(w[0] for w in words if w[0].isupper())}
