"""Who the words next to a cue name: an entity of the article, a pronoun or description
whose referent the article makes clear, or an unnamed speaker.

* A PERSON (else ORG, else GPE/NORP) mention among the words is the speaker.
* "he", "she": the latest named speaker or sentence subject before it (the first
  PERSON of a sentence, outside quotes), so "Ryan Suter, who joked about
  Parise's sticks, ... "...," he said" is Suter, not Parise.
* "the company", "it": the latest ORG; "the coach", "the president": the latest
  person the article gave that title ("Wild coach Bruce Boudreau"), or the
  description of an earlier speaker ("one legal expert" ... "the expert": unnamed).
* Anything else ("a spokesperson", "officials", "aides"): unnamed, words kept.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from worker.core.quotes.antecedents import Antecedents
from worker.core.quotes.clauses import last_clause
from worker.core.quotes.genders import genders
from worker.core.quotes.heads import (
    COMPOUND,
    DOCUMENTS,
    ORG_HEADS,
    author_at,
    described_group,
    introduced_unnamed,
    owns_description,
    qualifies,
    unnamed_person,
    unnamed_speakers,
)
from worker.core.quotes.names import SPEAKER_LABELS, Names
from worker.core.quotes.people import People, speaker_of
from worker.core.quotes.subjects import (
    INTRO,
    SUBJECT_PRONOUN,
    SUBJECTS,
    blanked,
    inside,
    opens_sentence,
    refers_back,
    sentence_subjects,
    sentences,
)
from worker.core.types import Mention, Quote, Speaker, SpeakerMention

_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3}
_HEAD_PHRASE = re.compile(r"\s(?:of|to|for|at|in|from|with|on)\s")
_PERSONAL = re.compile(r"^(?:he|she)$", re.IGNORECASE)
_OWNERS = {"his": ("PERSON", "he"), "her": ("PERSON", "she"), "its": ("ORG", "")}
_APPOSITION = re.compile(r"(?:\s+(?:of|for|at|with)\s+[^,.;:“”\"()]{1,40})?\s*,\s*")
_APPOSITION_END = re.compile(r"\s*(?:[,:;.]|$)")
# A sentence that opens with a description of one word: "The court also found ...".
_DESCRIBED = re.compile(
    r"\s*((?i:the|this|that|its|his|her)\s+([a-z]+))\b(?![,\s]+(?:of|for|to|in)\b|,)"
)
# "the Briton", "the 35-year-old Swede": one person (not "the Israelis", "the Chinese")
_NATIONAL = re.compile(r"[Tt]he\s+(?:[\w-]+\s+)?[A-Z][a-z]+(?<![^s]s)(?<!ese)")
_AGE = re.compile(r"\d+-year-old")
_EDGES = string.whitespace + ",—–-'’`”“"  # around the words that name a speaker
_CLAUSE_END = re.compile(r"[.;:!?“”\"\n]")
_IMPERSONAL = re.compile(r"^(?:it|they)$", re.IGNORECASE)
# The writer ("we called it "..."") and a relative pronoun ("Jaime Maussan, who testified").
_OTHER_PRONOUN = re.compile(r"^(?:we|i|who)$", re.IGNORECASE)
_DEFINITE = re.compile(
    r"^(?:the|this|that|our|his|her|its)\s+(?:\S+\s+){0,4}([\w-]+)$", re.IGNORECASE
)
_NAME = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?:[A-Z][\w’'.-]+\s+){0,2}([A-Z][\w’'-]+)$")
_IN_PHRASE = re.compile(r"\b(?:in|at|on|from|near|across|around|into|to)\s+(?:the\s+)?$")
_QUALIFIED = re.compile(r"(?:a|an|A|An)\s+([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\s+([a-z]+)")
_NAMES_BETWEEN = re.compile(r"(?:\s+[A-Z][\w.-]*){0,3}")
_TOPIC = re.compile(r"\s*,\s*")
_APPOSED_TO = re.compile(r"\s*,[^,;:“”\"]+,\s*")  # the apposition that closes before the cue
MAX_DESCRIPTION_WORDS = 8
MAX_APPOSED = 60  # characters after a description searched for the name apposed to it
MAX_RELATIVE = 120  # characters before a "who" searched for the name it stands for
MAX_CONTINUED = 1500  # characters from a quotation within which "the actor" may be its speaker
MAX_NAMED_LATER = 2000  # characters after a description searched for the name given it
MAX_LOOKBACK = 50  # earlier quotations a description may repeat the speaker of
MAX_TITLED = 500  # earlier mentions searched for the one a description's head titles


def _mention(text: str, start: int, end: int) -> SpeakerMention:
    return SpeakerMention(text[start:end], start, end)


class Speakers:
    """Speaker resolution over one text, its entity mentions and its quoted segments."""

    def __init__(
        self, text: str, mentions: Sequence[Mention], quoted: Sequence[tuple[int, int]]
    ) -> None:
        self.text = text
        opens = [start for start, _ in quoted]
        outside = [m for m in mentions if m.label in _RANK and not inside(m, quoted, opens)]
        self.names = Names(text, [m for m in mentions if m.label in SPEAKER_LABELS])
        ordered = sorted(outside, key=lambda m: m.start)
        self.people = People(ordered, self.names)
        # people the model called organizations rank as people by their full names
        # ("State Department spokesman Glyn Davies said", both ORG, then "Davies also
        # noted"), not by one word: "Reds" of "Cincinnati Reds" is no surname
        self.mentions = [
            person if " " in m.text else m
            for m, person in zip(ordered, self.people.mentions, strict=True)
        ]
        self._starts = [m.start for m in self.mentions]
        sentence_spans = sentences(text)
        self._sentence_starts = [start for start, _ in sentence_spans]
        blanked_text = blanked(text, quoted)
        as_people = self.people.mentions
        subjects = sentence_subjects(blanked_text, as_people, sentence_spans)
        persons = [m for m in as_people if m.label == "PERSON"]
        self.antecedents = Antecedents(
            list(_RANK),
            {label: [m for m in subjects if m.label == label] for label in SUBJECTS},
            genders(text, persons, sentence_spans, blanked_text),
            unnamed_speakers(blanked_text, sentence_spans),
            lambda m: self._entity(m)[0],
        )
        self.history: list[Quote] = []  # attributed quotations so far, in order

    def who(
        self, start: int, end: int, first: bool
    ) -> tuple[Speaker | None, SpeakerMention | None]:
        """The speaker named by `text[start:end]`: its first words or, for words
        before a cue (`first=False`), the clause nearest the cue."""
        if not first:
            clause = last_clause(self.text, start, end)
            if clause is None:
                return self.subject(start, end)
            start, end = clause
        words = self.text[start:end].strip(_EDGES)
        if not words:
            return None, None
        begin = start + self.text[start:end].find(words)
        pronoun = words.split()[0 if first else -1]  # "he said" / "at the time she described"
        pronouns = (_PERSONAL, _IMPERSONAL, _OTHER_PRONOUN)
        if any(p.match(pronoun) for p in pronouns) or words.lower() in _OWNERS:
            at = begin if first else begin + len(words) - len(pronoun)
            speaker, mention = self._phrase(at, at + len(pronoun))
            topic = self._topic(at) if _PERSONAL.match(pronoun) else None
            if topic is not None and speaker == self._entity(topic)[0]:  # "Biden, he said,"
                speaker = self.antecedents.find(topic.start, "PERSON", pronoun.lower())
            return speaker, mention
        stop = begin + len(words)
        found = [m for m in self._named(begin, stop) if not COMPOUND.match(self.text, m.end)]
        # not an owner or a place in a compound: "a London-based analyst"
        named = [m for m in found if not owns_description(self.text, m, stop)]
        group = described_group(self.text, words, begin, found)  # "a spokesperson for X"
        if group is not None:
            return self._phrase(begin, group)
        if [m.label for m in named] == ["NORP"] and _NATIONAL.fullmatch(words):
            # "The Briton, who lost ..., said", "the Australian added": someone named
            person = self._last_person(begin, False) or self.antecedents.find(begin, "PERSON")
            return person, _mention(self.text, begin, stop)
        read = None if any(m.label == "PERSON" for m in named) else self._read(begin, end, first)
        if read is not None:  # a name the model missed
            return read
        leading = min(named, key=_start) if named else None
        persons = any(m.label == "PERSON" for m in named)
        if leading is not None and not persons and qualifies(self.text, leading, begin, len(words)):
            return self._phrase(begin, begin + len(words))  # "a U.S. official": unnamed
        if named:  # before a cue, the name nearest it: "Walt Disney Co. executive Kevin Mayer"
            chosen = named[0] if first else min(named, key=_nearest_last)
            whole = self.names.whole(chosen, begin + len(words))
            return whole or self._entity(chosen)
        apposed = self._apposed(begin + len(words)) if first else None
        return apposed or self._phrase(begin, begin + len(words.split(",")[0].rstrip()))

    def _apposed(self, at: int) -> tuple[Speaker, SpeakerMention] | None:
        """The person (a mention or a name the model missed) a description names in apposition:
        "According to his aunt, Jane Starner, "...", said head coach of the X, Dwayne Killings."""
        comma = _APPOSITION.match(self.text, at, at + MAX_APPOSED)
        named = self._named(comma.end(), at + MAX_APPOSED) if comma else []
        if comma and not named:
            read = self._read(comma.end(), at + MAX_APPOSED, True)
            return read if read and _APPOSITION_END.match(self.text, read[1].end) else None
        person = next((m for m in named if m.label == "PERSON"), None)
        if person is None or not comma or person.start != comma.end():
            return None
        return self._entity(person) if _APPOSITION_END.match(self.text, person.end) else None

    def add(self, quote: Quote) -> None:
        """An attributed quotation: a later pronoun or description may refer to its speaker."""
        self.history.append(quote)
        speaker = quote.speaker
        if speaker is not None and speaker.label in _RANK:
            person = self.people.is_person(speaker)  # the model's ORG "Vivek Ramaswamy"
            self.antecedents.said(quote.start, speaker, "PERSON" if person else speaker.label)
        elif speaker is None and quote.speaker_mention is not None:
            gender = unnamed_person(quote.speaker_mention.text)
            if gender is not None:
                self.antecedents.unnamed(quote.start, gender)

    def subject(self, start: int, end: int) -> tuple[Speaker | None, SpeakerMention | None]:
        """The sentence's subject when the cue's own clause names nobody
        (`During the call, he asked ..., called Omar a "terrorist" and said, "...`):
        its first pronoun or name, whichever comes first, after an introductory phrase
        (the first name whatever its label when only its apposition stands before the
        cue: "Jim Pattison Industries Ltd., one of ... owned by James Pattison, said");
        else the description that opens it ("The court also found ..., noting that")."""
        intro = INTRO.match(self.text, start, end)
        start = intro.end() if intro else start
        named = [  # not a place or a name in a phrase: "erected in the South Belfast area",
            # nor an owner: "Vacco's campaign manager, Matt Behrmann, said"
            m
            for m in self._named(start, end)
            if not _IN_PHRASE.search(self.text, start, m.start)
            and not owns_description(self.text, m, end)
        ]
        first = min(named, key=_start) if named else None
        pronoun = SUBJECT_PRONOUN.search(self.text, start, end)
        if pronoun and (first is None or pronoun.start() < first.start):
            return self._phrase(pronoun.start(), pronoun.end())
        if first and _APPOSED_TO.fullmatch(self.text, first.end, end):
            return self._entity(first)  # "Jim Pattison Industries Ltd., one of ... owned by X,"
        read = self._read(start, end, True) if not named or named[0].label != "PERSON" else None
        if read or named:
            return read or self._entity(named[0])
        described = _DESCRIBED.match(self.text, start, end)
        if described is None or (described[1][0].islower() and described[2] not in DOCUMENTS):
            return None, None  # lower case after an opening phrase: "..., the report described"
        return self._phrase(*described.span(1))

    def _read(self, start: int, end: int, first: bool) -> tuple[Speaker, SpeakerMention] | None:
        """A person's name the model missed, opening (`first`) or ending `text[start:end]`."""
        read = (self.names.after if first else self.names.before)(start, end)
        return (read[0], _mention(self.text, read[1], read[2])) if read else None

    def _entity(self, m: Mention) -> tuple[Speaker, SpeakerMention]:
        """A mention as speaker: a lone surname stands for the article's full name ("Cook"),
        whatever label the model gave both ("Haley" of "Nikki Haley", both ORG)."""
        m = self.people.modelled(m)
        # "Mayer, Disney" (a name run into its apposition by the model, any label) is "Mayer".
        name = m.canonical.split(",")[0]
        person = m.label == "PERSON" or name != m.canonical
        full = self.people.full_name(name, m.start) if person or m.label == "ORG" else None
        if person and full is None and " " not in name:  # a surname the model took alone
            full = self.names.full(name)
        return full or speaker_of(m, self.names), _mention(self.text, m.start, m.end)

    def _named(self, start: int, end: int) -> list[Mention]:
        """Mentions inside `[start, end)`, the best speaker label first, then in order."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        inside = [m for m in self.mentions[lo:hi] if m.end <= end]
        return sorted(inside, key=lambda m: (_RANK[m.label], m.start))

    def _topic(self, at: int) -> Mention | None:
        """The name a pronoun at `at` follows in apposition ("Biden, he said"), if any."""
        named = self._named(at - MAX_RELATIVE, at)
        return next((m for m in named if _TOPIC.fullmatch(self.text, m.end, at)), None)

    def _phrase(self, start: int, end: int) -> tuple[Speaker | None, SpeakerMention | None]:
        """A pronoun, name or description: resolved when the article makes the referent clear."""
        words = self.text[start:end].strip()
        if not words or len(words.split()) > MAX_DESCRIPTION_WORDS:
            return None, None
        mention = _mention(self.text, start, end)
        if _PERSONAL.match(words):
            return self.antecedents.find(start, "PERSON", words.lower()), mention
        if _IMPERSONAL.match(words):
            return self.antecedents.find(start, "ORG"), mention
        if words.lower() in _OWNERS:  # "in his words"
            return self.antecedents.find(start, *_OWNERS[words.lower()]), mention
        if _OTHER_PRONOUN.match(words):  # the writer names no one; "who" the name before it
            named = self._named(start - MAX_RELATIVE, start) if words.lower() == "who" else []
            near = [m for m in named if not self.text[m.end : start].strip(" ,")]
            return (self._entity(near[0])[0] if near else None), mention
        name = _NAME.match(words)
        if name is not None:  # a name the model missed: "Lopez" of "Feliciano Lopez"
            surname = name.group(1)
            return self.people.full_name(surname, start) or self.names.full(surname), mention
        definite = _DEFINITE.match(_HEAD_PHRASE.split(words)[0])  # "the ambassador to Greece"
        if definite is None:  # "A DUP councillor has said" ... "DUP councillor Sarah Bunting"
            document = words.split()[-1].lower() in DOCUMENTS  # "a report from the Bank"
            return (self._author_after(end) if document else self._named_later(words, end)), mention
        head = definite.group(1).lower()
        for quote in reversed(self.history[-MAX_LOOKBACK:]):
            said = quote.speaker_mention
            if said is not None and said.text.lower().endswith(head) and said.start < start:
                return quote.speaker, mention
        if head in ORG_HEADS:
            return self.antecedents.find(start, "ORG"), mention
        if head in DOCUMENTS:  # "the statement said": its author, if the article names it
            author = [m for m in self._named(start, end) if m.label in ("PERSON", "ORG")]
            if author:  # "the DOJ release"
                return self._entity(author[0])[0], mention
            if (after := self._author_after(end)) is not None:  # "the statement by the party"
                return after, mention
            owner = _OWNERS.get(words.split()[0].lower())  # "His statement continued"
            if owner is not None:
                return self.antecedents.find(start, *owner), mention
            return self._titled(head, start, ("PERSON", "ORG")), mention
        if _HEAD_PHRASE.search(words) or self._named(start, end):
            return None, mention  # "the Iraqi ambassador to Greece" introduces someone new
        if introduced_unnamed(self.text, head, start):
            return None, mention  # "an investigator quoted by ..." ... "the investigator"
        # an age or a nationality describes the person followed ("the 38-year-old said")
        person = self._titled(head, start) or self._last_person(start, not _AGE.search(words))
        pronoun = self._pronoun_after(end)  # "the 38-year-old said as he tried to"
        if pronoun and (person is None or not self.antecedents.fits(person, pronoun)):
            person = self.antecedents.find(start, "PERSON", pronoun)
        return person, mention

    def _pronoun_after(self, end: int) -> str:
        """The "he" or "she" that follows a description in its sentence and clause, before
        any other name: the description's gender ("the 38-year-old said as he tried")."""
        stop = _CLAUSE_END.search(self.text, end, end + MAX_APPOSED)
        stop_at = stop.start() if stop else end + MAX_APPOSED
        pronoun = SUBJECT_PRONOUN.search(self.text, end, stop_at)
        cut = pronoun is not None and self.text[pronoun.end() : pronoun.end() + 1].isalpha()
        if pronoun is None or cut or self._named(end, pronoun.start()):  # "her" cut to "he"
            return ""
        return pronoun.group().lower()

    def _author_after(self, end: int) -> Speaker | None:
        """Who is named right after a document (not an owner: "from Johnson's lawyers")."""
        at = author_at(self.text, end)
        named = self._named(at, at + MAX_APPOSED) if at is not None else []
        first = min(named, key=_start, default=None)
        if first is None or first.start != at or first.label not in ("PERSON", "ORG"):
            return None
        return (
            None
            if owns_description(self.text, first, first.end + MAX_APPOSED)
            else self._entity(first)[0]
        )

    def _named_later(self, words: str, end: int) -> Speaker | None:
        """The person an indefinite description qualified by a name ("A DUP councillor")
        stands for when the article later writes it before a person's name ("DUP
        Balmoral councillor Sarah Bunting"); else None: "a police officer" is anyone."""
        qualified = _QUALIFIED.fullmatch(words)
        if qualified is None:
            return None
        qualifier, noun = qualified.group(1), f" {qualified.group(2)} "
        stop = end + MAX_NAMED_LATER
        at = self.text.find(noun, end, stop)
        while at >= 0:  # the noun, the qualifier before it (names between), a person after
            named = self._named(at + len(noun), at + len(noun) + MAX_APPOSED)
            if named and named[0].start == at + len(noun) and named[0].label == "PERSON":
                found = self.text.rfind(qualifier, max(end, at - MAX_APPOSED), at)
                if found >= 0 and _NAMES_BETWEEN.fullmatch(self.text, found + len(qualifier), at):
                    return self._entity(named[0])[0]
            at = self.text.find(noun, at + 1, stop)
        return None

    def _last_person(self, position: int, switch: bool = True) -> Speaker | None:
        """The person of the latest attributed quotation, if it is near `position`: "the
        actor said" right after an actor's words is him, unless (with `switch`) another
        person opened a sentence since that does not point back to him ("Chandor asked his
        leading man ..." ... "the director said" is Chandor; not after "Jolie, his co-star,
        did not attend"); after an unnamed speaker, nobody."""
        last = self.history[-1] if self.history else None
        near = last is not None and 0 <= position - last.end <= MAX_CONTINUED
        speaker = last.speaker if last is not None and near else None
        if last is None or speaker is None or speaker.label != "PERSON":
            return None
        since = self.antecedents.subjects_between(last.end, position, "PERSON")
        starts = self._sentence_starts
        opened = [
            m
            for m in since
            if opens_sentence(self.text, starts[bisect_right(starts, m.start) - 1], m)
        ]
        if not switch or not opened or refers_back(self.text, opened[-1], position):
            return speaker
        return self._entity(opened[-1])[0]

    def _titled(
        self, head: str, position: int, labels: tuple[str, ...] = ("PERSON",)
    ) -> Speaker | None:
        """The latest person the article calls `head` ("coach Bruce Boudreau", "X, the coach"),
        or, for a document, the person or organization named next to it ("a statement by
        the Foreign Affairs Department", "a letter signed by Gonzalez")."""
        pattern = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
        last = bisect_left(self._starts, position) - 1
        for n in range(last, max(-1, last - MAX_TITLED), -1):
            m = self.mentions[n]
            if m.label not in labels:
                continue
            near = self.text[max(0, m.start - 40) : m.start] + self.text[m.end : m.end + 40]
            if pattern.search(near):
                return self._entity(m)[0]
        return None


def _start(m: Mention) -> int:
    return m.start


def _nearest_last(m: Mention) -> tuple[int, int]:
    return _RANK[m.label], -m.start
