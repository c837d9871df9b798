"""What a relative expression is resolved against: the anchor date and the tense.

The tense is guessed lexically (no parser): the verb cues of the sentence that
are nearest to the expression decide whether "Friday" or "March" points
backwards or forwards from the publication date. Everything here is a pure
function of the text and `published_at`; the machine clock is never read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from worker.core.text import SENTENCE_BOUNDARY

Tense = Literal["past", "future", "present"]

# Lexical tense cues. Single tokens; "has"/"have" count as past only before a participle.
_FUTURE_WORDS = frozenset(
    {
        "will", "shall", "'ll", "would", "might", "may", "going", "expects", "expect",
        "scheduled", "upcoming", "forecast", "forecasts", "predicts"
    }
)  # fmt: skip
_PAST_WORDS = frozenset(
    {
        "was", "were", "had", "did", "said", "told", "met", "went", "came", "took", "made", "gave",
        "got", "saw", "sold", "bought", "rose", "fell", "won", "lost", "left", "began", "became",
        "brought", "held", "kept", "led", "paid", "ran", "sent", "spent", "spoke", "stood",
        "struck", "thought", "wrote", "fought", "found", "felt", "heard", "knew", "meant", "built",
        "caught", "drew", "drove", "flew", "grew", "hit", "hurt", "quit", "shut", "sank", "shot",
        "sought", "taught", "threw", "understood", "woke", "wore", "ago", "last", "earlier",
        "yesterday", "recently"
    }
)  # fmt: skip
# Reporting verbs date the report, not what is reported: they only count right next to
# the expression ("said Friday"), not across a quotation.
_REPORTING = frozenset(
    {
        "said", "says", "told", "announced", "reported", "added", "stated", "noted", "declared",
        "according"
    }
)  # fmt: skip
_REPORTING_REACH = 12
# Extra distance for a cue in another clause (a comma or semicolon in between).
_CLAUSE_PENALTY = 40
# How close a "had" must be to turn "until/by Tuesday" into the past perfect.
_PERFECT_REACH = 40
_HAD = re.compile(r"\bhad\b", re.IGNORECASE)
# Words just before an expression that point forwards whatever the verb ("until Tuesday").
_FORWARD_BEFORE = re.compile(
    r"\b(?:until|till|ahead\s+of|as\s+(?:early|soon)\s+as|(?:planned|scheduled|set|slated|due)\s+for"
    r"|effective(?:\s+as\s+of)?)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# "by Friday" is a deadline, unless agentive ("hit by Friday's storm").
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
# A temporal or conditional clause still open before the expression ("if they lose when
# the case is heard in May"): English puts its future events in the present tense.
_SUBORDINATE = re.compile(r"\b(?:when|if|once|unless)\b[^,;.()\"`“”]*$", re.IGNORECASE)
_SUBORDINATE_REACH = 80
_POSSESSIVE = re.compile(r"['’]s\b")
_ANNOUNCED = re.compile(r"\b(?:before|for|upcoming|scheduled|planned)\s+$", re.IGNORECASE)
# Intention verbs point forwards when an infinitive follows ("planned to leave"), not
# otherwise ("vacation plans", "the planned trip").
_INTENTION = frozenset(
    {
        "planned", "agreed", "decided", "promised", "vowed", "pledged", "threatened", "hoped",
        "intended", "aimed", "expected", "scheduled", "set", "prepared", "offered", "proposed",
        "supposed", "plan", "plans", "planning", "intends", "intend", "aim", "aims", "hope",
        "hopes", "want", "wants", "seek", "seeks"
    }
)  # fmt: skip
_PASSIVE_AUX = frozenset({"be", "been", "being", "is", "are", "am", "to", "get", "gets"})
# Words before an -ed form that make it an adjective ("a still unspecified date").
_ADJECTIVE_BEFORE = frozenset(
    {"a", "an", "the", "still", "very", "more", "most", "so", "as", "its", "their", "his", "her"}
)
_PERFECT_AUX = frozenset({"has", "have", "'ve", "hasn", "haven"})
# -ed words that are rarely past-tense verbs in news.
_NOT_PAST = frozenset(
    {
        "need", "feed", "speed", "seed", "bed", "red", "shed", "hundred", "unprecedented",
        "interested", "concerned", "related", "limited", "united", "based", "detailed", "advanced",
        "indeed", "breed", "greed", "proceed", "exceed", "succeed", "embed", "expected"
    }
)  # fmt: skip
# Words, numbers and clitics ("month's" → "month", "'s"; "won't" → "won", "'t").
_TOKEN = re.compile(r"[A-Za-z]+|'[A-Za-z]+|\d+")
DIGIT_KEY = "#"  # the trigger key of every number token


def _cue(tokens: list[tuple[int, int, str]], i: int) -> Tense | None:
    """Tense signalled by token i of a sentence, if any."""
    word = tokens[i][2]
    following = tokens[i + 1][2] if i + 1 < len(tokens) else ""
    previous = tokens[i - 1][2] if i else ""
    intention = word in _INTENTION and following == "to"
    if word in _FUTURE_WORDS or intention or (word == "won" and following == "'t"):
        return "past" if _after_had(tokens, i) else "future"  # "had been scheduled to": past
    if word in _PERFECT_AUX:
        return "past" if following == "been" or following.endswith(("ed", "en")) else None
    if word in _PAST_WORDS or (len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST):
        # "will be named": a participle; "a still unspecified date": an adjective
        return None if previous in _PASSIVE_AUX or previous in _ADJECTIVE_BEFORE else "past"
    return None


def _after_had(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token i follows "had" or "had been": a plan made in the past perfect."""
    before = [t[2] for t in tokens[max(0, i - 2) : i]]
    return before[-1:] == ["had"] or before == ["had", "been"]


def parse_anchor(published_at: str | None) -> date | None:
    """The calendar date of `published_at` as written (its own offset, never converted).

    Returns None for a missing or unparseable value, so that relative
    expressions are then left underspecified instead of guessed.
    """
    if not published_at:
        return None
    text = published_at.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", text)
        if match is None:
            return None
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None


@dataclass
class Context:
    """Per-document state shared by the rules: text, anchor, tokens and sentence bounds."""

    text: str
    anchor: date | None
    tokens: list[tuple[int, int, str]] = field(init=False)  # (start, end, lower-case token)
    _token_starts: list[int] = field(init=False)
    _sentence_starts: list[int] = field(init=False)
    _cues: dict[int, list[tuple[int, int, Tense, bool]]] = field(default_factory=dict, init=False)
    _mentions: dict[re.Pattern[str], bool] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.tokens = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(self.text)]
        self._token_starts = [t[0] for t in self.tokens]
        self._sentence_starts = [0, *(m.end() for m in SENTENCE_BOUNDARY.finditer(self.text))]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence containing [start, end)."""
        i = bisect_right(self._sentence_starts, start) - 1
        j = bisect_right(self._sentence_starts, max(start, end - 1))
        stop = self._sentence_starts[j] if j < len(self._sentence_starts) else len(self.text)
        return self._sentence_starts[i], stop

    def tense(self, start: int, end: int) -> Tense:
        """Tense of the verb cue nearest to the expression (cues after it count double).

        "until Tuesday", "by Tuesday", "ahead of Tuesday" look forwards unless said in
        the past perfect ("Until Tuesday, they had not..."); a possessive ("Tuesday's
        vote") names a past event unless announced ("before Tuesday's vote"); a
        "when/if" clause without a past verb speaks of the future ("when the case is
        heard in May").
        """
        before = self.text[max(0, start - 25) : start]
        possessive = _POSSESSIVE.match(self.text, end) is not None
        if _FORWARD_BEFORE.search(before) or (_BY_BEFORE.search(before) and not possessive):
            s_start, s_end = self.sentence(start, end)
            reach = (max(s_start, start - _PERFECT_REACH), min(s_end, end + _PERFECT_REACH))
            return "past" if _HAD.search(self.text, *reach) else "future"
        if possessive and not _ANNOUNCED.search(before):
            return "past"
        if self._in_present_subordinate(start, end):
            return "future"
        return self._nearest_cue(start, end) or "present"

    def _in_present_subordinate(self, start: int, end: int) -> bool:
        """Whether the expression ends a "when/if/once/unless" clause with no past verb."""
        clause = _SUBORDINATE.search(self.text, max(0, start - _SUBORDINATE_REACH), start)
        return clause is not None and not any(
            kind == "past" and clause.start() <= c_start and c_end <= start
            for c_start, c_end, kind, _ in self._sentence_cues(start, end)
        )

    def _nearest_cue(self, start: int, end: int) -> Tense | None:
        """Tense of the cue nearest to [start, end).

        Cues after the expression count double and cues in another clause (a comma or
        semicolon in between) further; reporting verbs only count right next to it.
        """
        best: tuple[int, Tense] | None = None
        for c_start, c_end, kind, reporting in self._sentence_cues(start, end):
            if start <= c_start < end:
                continue
            distance = start - c_end if c_end <= start else 2 * (c_start - end)
            if reporting and distance > _REPORTING_REACH:
                continue
            between = self.text[c_end:start] if c_end <= start else self.text[end:c_start]
            distance += _CLAUSE_PENALTY * (("," in between) + (";" in between))
            if best is None or distance < best[0]:
                best = (distance, kind)
        return best[1] if best else None

    def _sentence_cues(self, start: int, end: int) -> list[tuple[int, int, Tense, bool]]:
        """Tense cues of the sentence around [start, end), computed once per sentence."""
        s_start, s_end = self.sentence(start, end)
        if s_start not in self._cues:
            lo = bisect_right(self._token_starts, s_start - 1)
            hi = bisect_right(self._token_starts, s_end - 1)
            sentence = self.tokens[lo:hi]
            self._cues[s_start] = [
                (tok[0], tok[1], kind, tok[2] in _REPORTING)
                for i, tok in enumerate(sentence)
                if (kind := _cue(sentence, i)) and not (i and self.text[tok[0] : tok[1]] == "May")
            ]  # a capitalised "May" inside a sentence is the month, not the modal
        return self._cues[s_start]

    def mentions(self, pattern: re.Pattern[str]) -> bool:
        """Whether `pattern` occurs anywhere in the text (cached per pattern)."""
        if pattern not in self._mentions:
            self._mentions[pattern] = pattern.search(self.text) is not None
        return self._mentions[pattern]
