"""Attribution cues: the verbs and phrases that say who said a quotation, and where the
words naming the speaker are.

Three shapes cover news writing:

* after the quotation: `"...," Mayer said` / `"...," said one legal expert` /
  `"...," Mayer, Disney's chairman, said Tuesday` (the speaker before or after the cue);
* before it, in the same sentence: `Mr Putin said "..."`, `He noted that "..."`,
  `aides called it "..."`, `according to Pompeo, "..."`;
* a colon introduction: `Netanyahu on the move: "..."`.

A cue is returned with the span of the words that name the speaker; the speaker
itself is resolved in `speakers.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from worker.core.quotes.verbs import ADJACENT_ONLY, NOUN_LIKE, PHRASES, THAT_VERBS, VERBS

# "to calls for a ceasefire", "the calls": a verb form in -s after these is a noun.
_NOUN_BEFORE = re.compile(r"\b(?:to|the|a|an|his|her|its|their|our|these|those)\s+$", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
# Cues right at a quotation only: verbs that take an object, and words that are also nouns
# ("misogynistic remarks to him ... titled "The Wit and ..."" is no cue).
_ADJACENT = ADJACENT_ONLY | NOUN_LIKE
_PHRASE_STARTS = frozenset(p.split()[0] for p in PHRASES)
_WORD = re.compile(r"[^\W\d_]+")


class _Hit(NamedTuple):
    start: int
    end: int
    word: str  # lower case


def _cues(text: str, start: int, end: int, words: frozenset[str]) -> Iterator[_Hit]:
    """Each cue word or two-word cue phrase in `text[start:end]`, in order."""
    tokens = list(_WORD.finditer(text, start, end))
    n = 0
    while n < len(tokens):
        this = tokens[n]
        following = tokens[n + 1] if n + 1 < len(tokens) else None
        word = this.group().lower()
        if word in _PHRASE_STARTS and following is not None:
            pair = f"{word} {following.group().lower()}"
            if pair in PHRASES and text[this.end() : following.start()] == " ":
                yield _Hit(this.start(), following.end(), pair)
                n += 2
                continue
        if word in words:
            yield _Hit(this.start(), this.end(), word)
        n += 1


# A full stop that ends a sentence, not the dot of an initial, "U.S." or a title ("Mr.").
_STOP = (
    r"(?<![A-Z]\.)(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGen)"
    r"(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bLt)(?<!\bCol)(?<!\bCapt)(?<!\bSgt)(?<!\bProf)"
    r"(?<!\bJr)(?<!\bSr)\."
)
# (a line break before a lower-case word carries the sentence on: '? "' + 'asked X ,')
_AFTER_END = re.compile(rf"(?:{_STOP}|[!?;])(?:\s|$)|\n(?![a-z])")
_PHRASE_END = re.compile(
    rf"[,;:!?()]|{_STOP}|\s(?:in|on|at|during|after|before|when|while|as|to|of|"
    r"who|which|that|from|about|with)\s"
)
# What may stand between a cue and the quote mark it introduces: `said, "`, `said that "`.
_INTRODUCES = re.compile(r"\s*[,:]?\s*(?:that\s*)?$")
# A cue after a quotation that introduces the next one: `asked "...?" Cueto replied that "...`.
_INTRODUCES_NEXT = re.compile(r"\s*that\s*[“\"‘]")
# A participle clause has no subject of its own: "When asked about it, Hawley told FOX 2 that
# he "..."" (the cue is "told"), "Asked about it, she said".
_PARTICIPLE_CLAUSE = re.compile(
    r"\b(?:when|if|once|unless|as|after|before|while|though|although)\s*$",
    re.IGNORECASE,
)
# What follows a participle that opens its sentence: "Asked about ...", "Pressed on ...".
_QUESTIONED = re.compile(r"\s+(?:about|of|on|if|whether|to|by|for|why|how|what|when)\b")
# In a colon introduction, what the speaker spoke about follows these words.
_TOPIC = re.compile(r"\s(?:on|about|over|after|of|to|at|in)\s")
MAX_SPEAKER_WORDS = 30
# Someone's words right before a quotation: the possessor is the speaker ("In Dr. Shadlen's
# words, "...", "Arment's insistence that "...", "his reply: "...").
_SAYING = (
    "words", "claim", "claims", "insistence", "assertion", "contention", "argument",
    "statement", "promise", "pledge", "vow", "warning", "boast", "admission", "remark",
    "remarks", "comment", "comments", "reply", "response", "answer", "tweet", "message",
    "verdict", "advice", "plea",
)  # fmt: skip
_WORDS_OF = re.compile(
    r"(?:\b([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})[’']s?|\b(his|her|their|its))"
    rf"\s+(?:own\s+)?({'|'.join(_SAYING)})\s*(?:that\s*)?[,:]?\s*$"
)
MAX_WORDS_OF = 80  # characters before a quotation searched for someone's words
# Words between a quotation and its cue that continue the quotation's sentence: they open
# with a lower-case word that is no pronoun and end with a comma, and a name follows the cue.
_INVERTED = re.compile(
    r"[\s'’”]*(?!(?:he|she|it|they|we|i|you)\b)[a-z]"
    r"[^,]*,\s*$"
)
_NAMED_AFTER = re.compile(
    r"\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today)\b)[A-Z]"
)
_QUOTED_AS = re.compile(r"\s+(?:was|were|is|are|has been|had been)\s+quoted\s+as\s*$")
_BETWEEN = " \t\r\n,—–-'’`”"
# Words after a quotation that do not open with its speaker: a second verb of the sentence's
# own subject (`called Wilson "an outstanding nominee," and noted`), or the sentence going on
# (`"...'' in making the arrest, police spokesman Capt. Rod Beer said`: the last clause's).
_WORDS_END = re.compile(r"[.,!?…]\W*$")  # the quotation before a cue ended its words
_COMMA = re.compile(r"\s*,")
# A word that is also a noun names a thing after a preposition ("According to his prepared
# remarks, "...", "In a series of text messages, "..."), and a capitalised one is a name
# ("the United States: "...").
_AFTER_PREPOSITION = re.compile(
    r"\b(?:to|in|of|with|from|by|through|on|at)\s+(?:\S+\s+){0,2}$", re.I
)
# A verb of `THAT_VERBS` right after its subject (not "It", "This": "It emerged that")
# and before "that" and its clause reports what the subject said: "Haley spotlighted that
# the former president "put us ..."", "She offered that "DeSantis seemed ..."" (not a
# determiner "that" before quoted words in lower case: "highlighted that "..." slogan").
_VERB_THAT = re.compile(
    r"(?:\b(?i:he|she|they)|\b(?!(?:It|This|That|There)\b)[A-Z][\w.-]*[a-z])\s+"
    rf"(?P<verb>{'|'.join(sorted(THAT_VERBS))})\s+that\s+(?=\w|$)"
)
# Words right before a quotation that make it a name or a term, not the subject's words.
_NAMING = re.compile(
    r"\b(?:titled|entitled|named|dubbed|called|known\s+as|reading|phrase|term|words|slogan|"
    r"label|nickname|motto|hashtag)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# Words after a fragment that name its speaker: `"..." she shared` (not `"..." order revealed`)
_NAMER = re.compile(r"[\s,—–-]*(?:[A-Z]|(?:he|she|they|it|we|i)\b)")
_NO_SUBJECT = re.compile(
    r"[\s,'’”]*(?:and|but|or|then|before|after|over|in|on|at|for|to|of|with|about|from|by|"
    r"into|than|as|while|because|if|since|until|during)\b",
    re.IGNORECASE,
)  # what may stand between a quotation and its cue's words


@dataclass(frozen=True, slots=True)
class Cue:
    """An attribution cue: its words, and the span naming the speaker (`who`, may be empty)."""

    word: str
    end: int  # where the cue's words end
    who_start: int
    who_end: int
    first: bool = True  # the speaker is the first name of `who` (else the one nearest the cue)


def _phrase_after(text: str, start: int, end: int) -> tuple[int, int]:
    """The words naming a speaker that follow a cue: up to a comma or a clause word (an
    empty span at `end` when the cue ends the text)."""
    start = min(start, end)
    stop = _PHRASE_END.search(text, start, end)
    return start, stop.start() if stop else end


def after(text: str, start: int, end: int) -> Cue | None:
    """A cue just after a quotation: `text[start:end]` is the rest of its sentence."""
    stop = _AFTER_END.search(text, start, end)
    end = stop.start() if stop else end
    # A capitalised cue word starts a sentence of its own (`..." Read our review.`).
    found = _cues(text, start, end, VERBS | NOUN_LIKE)
    cue = next((c for c in found if text[c.start].islower() and not _passive(text, start, c)), None)
    if cue is None or _INTRODUCES_NEXT.match(text, cue.end):
        return None
    # The quoted words ended (`"...," he`, British `"...", he`), or a fragment runs on.
    ended = _WORDS_END.search(text, max(0, start - 3), start) or _COMMA.match(text, start)
    who = text[start : cue.start]
    named = "," in who or _NAMER.match(who)  # `"..." she shared`, `"..." and others, the X`
    if cue.word in _ADJACENT and not ended and not named:  # not `"stay home" order revealed`
        return None
    passive = _QUOTED_AS.search(who)  # "the captain was quoted as saying": the captain's
    who = who[: passive.start()] if passive else who
    words = who.strip(_BETWEEN)  # `"hang out with" Pitt, Paltrow said`: "Paltrow"
    fragment = not ended and words.count(",") == 1
    if _NO_SUBJECT.match(who) or fragment:  # the sentence goes on: the last clause's subject
        comma = who.rfind(",", 0, len(who.rstrip(_BETWEEN))) if fragment else who.rfind(",")
        if comma < 0:
            return None
        start, who = start + comma + 1, who[comma + 1 :]
    if not who.strip(_BETWEEN):  # `, said one legal expert`
        begin = cue.end + len(text[cue.end : end]) - len(text[cue.end : end].lstrip())
        return Cue(cue.word, cue.end, *_phrase_after(text, begin, end))
    if len(who.split()) > MAX_SPEAKER_WORDS or ":" in who:
        return None
    if _INVERTED.match(who) and _NAMED_AFTER.match(text, cue.end, end):
        # `"...") changes in the marketplace, said Ryosuke Ito`: the quotation's sentence
        # runs on, and the speaker follows the cue.
        return Cue(cue.word, cue.end, *_phrase_after(text, cue.end + 1, end))
    if cue.word == "according to":
        return Cue("according to", cue.end, *_phrase_after(text, cue.end + 1, end))
    lead = len(who) - len(who.lstrip(_BETWEEN))
    return Cue(cue.word, cue.end, start + lead, start + len(who))


def _noun(text: str, start: int, cue: _Hit) -> bool:
    """Whether a verb form in -s is a noun here ("to calls for a ceasefire", "the calls")."""
    return cue.word.endswith("s") and bool(
        _NOUN_BEFORE.search(text, max(start, cue.start - 8), cue.start)
    )


def _participle(text: str, start: int, cue: _Hit) -> bool:
    """Whether a cue opens a participle clause ("When asked about these races, ...", "Asked
    whether ...", "Explaining why he argued ..."; not "Added Smith: "..." nor "..., saying")."""
    first = not text[start : cue.start].strip(_BETWEEN)
    if cue.word.endswith("ing"):  # opening its sentence: capitalised ("..., adding:" is not)
        opens = first and text[cue.start].isupper()
    elif cue.word == "told" or cue.word.endswith("ed"):
        opens = first and bool(_QUESTIONED.match(text, cue.end))
    else:
        return False
    return opens or bool(_PARTICIPLE_CLAUSE.search(text, start, cue.start))


def _noun_is_verb(text: str, start: int, cue: _Hit) -> bool:
    """Whether a word that is also a noun is a verb before its quotation ("As the report
    states:", "he notes,")."""
    before = _AFTER_PREPOSITION.search(text, max(start, cue.start - 40), cue.start)
    return text[cue.start].islower() and before is None


def _quoted_at(text: str, end: int) -> bool:
    """Whether the quotation opens right at `end` (not in the sentence after this one)."""
    return text.startswith(("“", '"', "‘", "'"), end)


def _passive(text: str, start: int, cue: _Hit) -> bool:
    """Whether a cue is a participle in the passive ("buyers were charged"), which names
    no one who speaks (not a progressive: "Biden was telling reporters")."""
    return not cue.word.endswith("ing") and bool(
        _PASSIVE_BEFORE.search(text, max(start, cue.start - 12), cue.start)
    )


def before(text: str, start: int, end: int) -> Cue | None:
    """A cue before a quotation in its sentence: `text[start:end]` is that part of it.

    The cue right before the mark (`he said, "...`) wins; else the first one of the
    sentence's last clause after a semicolon (`Pompeo said that ... Washington had
    concluded ... "...`; not `Iraq said ...; Waldegrave called the order "...`).
    """
    semicolon = text.rfind(";", start, end)
    if semicolon >= 0 and text[semicolon + 1 : end].strip():  # not `he added; "...`
        start = semicolon + 1
    words_of = _WORDS_OF.search(text, max(start, end - MAX_WORDS_OF), end)
    if words_of is not None and _owned(text, start, words_of):
        # `In Dr. Shadlen's words, "...` / `Arment's insistence that "...`
        name = 1 if words_of.group(1) else 2
        noun = words_of.group(3)
        return Cue(noun, words_of.end(), words_of.start(name), words_of.end(name))
    found = [
        c
        for c in _cues(text, start, end, VERBS | NOUN_LIKE)
        if not _noun(text, start, c)
        and not _participle(text, start, c)
        and not _passive(text, start, c)
        and (c.word not in _ADJACENT or _INTRODUCES.match(text, c.end, end))
        and (c.word not in NOUN_LIKE or _noun_is_verb(text, start, c))
    ]
    last = found[-1] if found and _INTRODUCES.match(text, found[-1].end, end) else None
    cue = last or (found[0] if found else None)
    if cue is not None:
        word = cue.word
        if word == "according to" or not text[start : cue.start].strip(_BETWEEN):
            # `according to X, "...` / `says Michael Hirsch, ...: "...`
            return Cue(word, cue.end, *_phrase_after(text, cue.end + 1, end))
        return Cue(word, cue.end, start, cue.start, first=False)
    that = _VERB_THAT.search(text, start, end)
    if (
        that is not None
        and _quoted_at(text, end)
        and (that.end() < end or text[end + 1 : end + 2].isupper())  # a clause, no term
        and not _NAMING.search(text, start, end)
    ):
        return Cue(that.group("verb"), that.end("verb"), start, that.start("verb"), first=False)
    words = text[start:end].rstrip()
    if words.endswith(":") and words.strip() != ":":
        topic = _TOPIC.search(words)  # "Browns player on Rudolph's role:" names a player
        return Cue(
            ":", start + len(words), start, start + (topic.start() if topic else len(words) - 1)
        )
    return None


def _owned(text: str, start: int, words_of: re.Match[str]) -> bool:
    """Whether the words, claim, reply ... before a quotation are the speaker's: someone's
    words always; another noun only if no cue word comes before it in its clause and it is
    no object of a preposition (not `Jones said in response to Smith's claim: "...`)."""
    if words_of.group(3) == "words":
        return True
    before = text[start : words_of.start()]
    return (
        not _AFTER_PREPOSITION.search(before)
        and next(_cues(text, start, words_of.start(), VERBS | NOUN_LIKE), None) is None
    )


def introduces(text: str, cue: Cue, open_at: int) -> bool:
    """Whether the cue directly introduces the quotation at `open_at` (`he said: "`); a
    colon, and a noun other than "words", leave the quotation to a cue after it
    (`Britain's answer: "...," said David Lammy`)."""
    weak = cue.word == ":" or (cue.word in _SAYING and cue.word != "words")
    return not weak and bool(_INTRODUCES.match(text, cue.end, open_at))
