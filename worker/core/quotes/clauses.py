"""The clause before a cue whose words name its speaker.

Before a cue the speaker is named by the words after the last clause boundary
(a comma, "that", "and" outside a name, "because", ...), auxiliaries, adverbs
and the verbs that lead on to the cue dropped ("the deal was done, the minister
later said" → "the minister", "He went on to add" → "He"); when nothing is left
the caller reads the sentence's subject. A relative clause or an aside
right before the cue is skipped, and the named one of a pair with his or her
own people is the speaker ("he and his co-authors predicted" → "he").
"""

from __future__ import annotations

import re

# Matched first, and no boundary: an "and" inside a name's "of"/"on"/"for" phrase ("Joint
# Committee on Intelligence and Security"; not "Sam Altman and OpenAI said"); a capitalised
# conjunction is one only opening the words ("As the report states").
_BOUNDARY = re.compile(
    r"(?P<name>\b(?:of|on|for)\s+[A-Z][\w.’'-]*\s+and(?=\s+[A-Z]))"
    r"|[,;:—(]|\b(?:that|and|but|while|as|when|after|because)\b"
    r"|^\W*(?:And|But|While|As|When|After|Because)\b"
)
_AND_OWN = re.compile(r"\s+and\s+(?:his|her)\s+[a-z-]+$")
_ASIDE = re.compile(r"\s*\([^()]{1,30}\)\s*$")
_NO_WORDS = " \"“”'’`"  # `Baker, speaking on ABC News' "This Week," said`
_RELATIVE = re.compile(r",\s*(?:which|who|whose|whom)\b[^,]*,\s*$")
_GAP_WORDS = re.compile(
    r"(?:\s|\b(?:\w+ly|has|have|had|also|then|later|again|once|would|will|did|does|do|is|was|"
    r"just|even|still|further|(?:went|goes|go|continued|continues|proceeded|proceeds)\s+(?:on\s+)?to)"
    r"\b)*$"
)
# No run of auxiliaries and adverbs before a cue is longer ("would also have then later
# ..."): searched from further back, a long run is retried from each of its words.
MAX_GAP = 120
MAX_RELATIVE = 400  # characters before a cue searched for a relative clause or an aside


def last_clause(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the last clause of `text[start:end]` (the words before a cue), or None
    when it holds no words."""
    cuts: list[int] = []
    while True:
        words = text[start:end]
        near = max(0, len(words) - MAX_RELATIVE)  # searched near the cue only: linear
        relative = _RELATIVE.search(words, near)  # "one user on Weibo, which is ... of Twitter,"
        cut_at = relative or _ASIDE.search(words, near)  # or an aside: "Gov. Phil Murphy (D) told"
        words = words[: cut_at.start()] if cut_at else words
        if cut_at or not cuts:  # else the words before "and his ...": the same boundaries
            cuts = [0, *(m.end() for m in _BOUNDARY.finditer(words) if not m.group("name"))]
        while cuts[-1] > len(words):
            cuts.pop()
        gap = _GAP_WORDS.search(words, max(cuts[-1], len(words) - MAX_GAP))
        stop = gap.start() if gap else len(words)
        own = _AND_OWN.search(words, cuts[-2] if len(cuts) > 1 else 0, stop)
        if own is None:
            break
        end = start + own.start()  # the clause before "and": "he" of "he and his co-authors"
    if not words[cuts[-1] : stop].strip(_NO_WORDS):  # or only a title's closing mark
        return None
    return start + cuts[-1], start + stop
