"""Speakers' names that the entity model missed or cut short, read from the article's text.

The model misses some names ("Eva-Marie Persson told reporters") and finds only
the surname of others ("Parise" of "Zach Parise"). At a cue the capitalised
words naming the speaker are evidence enough:

* a surname alone is the article's first full name ending with it: given names
  and initials before it, no title, no word of another entity ("Wild forward
  Zach Parise" → "Zach Parise");
* two or more capitalised words after any title or honorific ("U.S. National
  Security Council spokesman P.J. Crowley") are a person's full name;
* one word after an honorific ("Ms. Buckham") is a person named so;
* an organization's name the model cut before "of" or "for" runs on to the cue
  ("United Nations High Commissioner for Human Rights said").

Such a speaker gets the canonical name and key the entity extractor gives such
a name (the name itself, `entity_key(label, name)`), so the quotation joins the
same speaker's quotations in other articles. It is not added
to the article's `entities`: those are the extractor's, and a name read at a cue
is weaker evidence than its spans. A lone capitalised word that the article never
gives in full and no honorific precedes stays unnamed: "Officials", "Police" and
brand names look alike.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache

from nameparser.config import CONSTANTS
from spacy.lang.en.stop_words import STOP_WORDS

from worker.core.entities import entity_key
from worker.core.entities.people import is_given_name
from worker.core.types import Mention, Speaker, SpeakerMention

# Labels a speaker's mention may have: a name the model gave another (WORK_OF_ART) is read.
SPEAKER_LABELS = frozenset(["PERSON", "ORG", "GPE", "LOC", "NORP"])
_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord"])
# nameparser's surname particles: words inside a name ("Lex van Drooge"; "do", a stop word,
# left out) and prefixes glued to a capitalised word ("al-Assad", "d’Estaing").
# French "des" ("Laurence des Cars") is missing from nameparser's list.
_PARTICLES = "|".join(
    sorted(p for p in {*CONSTANTS.prefixes, "des"} if p.isalpha() and p not in STOP_WORDS)
)
_GLUED = "|".join(re.escape(p) for p in sorted(CONSTANTS.prefixes) if p[-1] in "-'’")
_WORD = rf"(?:(?:[A-Z]\.){{1,3}}|(?:{_GLUED})?[A-Z][\w’'-]*\.?)"
_NAME_WORD = re.compile(rf"{_WORD}|(?:{_PARTICLES})(?=\s+[A-Z])")
# A run of capitalised words (initials, and particles inside it, included) right before a cue
# or right after one.
_RUN = rf"{_WORD}(?:\s+(?:(?:{_PARTICLES})\s+)*{_WORD})*"
_TRAILING = re.compile(rf"({_RUN})[\s,]*$")
_LEADING = re.compile(rf"\s*({_RUN})")
# Lower-case words that title the name after them, no phrase or clause among them.
_TITLING = re.compile(
    r"(?:(?!(?:of|for|to|at|in|from|with|on|by|and|or|who|which|that)\b)[a-z][\w’'-]*\s+)+"
)
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 120  # a name before a cue is read in this many characters before it
MAX_PLACES = 20  # places of one capitalised word where its given names are looked for
_CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z][\w-]*(?:['’][A-Z][\w-]*)?")
# Capitalised words and initials right before a surname (the end of the searched text), on
# its line: a heading line above a name ("Asia Winner\nHafiz") is no given name.
_GIVEN_BEFORE = re.compile(r"(?:(?:[A-Z]\.){1,3}[ \t]*|[A-Z][\w’'-]+[ \t]+){1,3}$")
# A name word after the word: it is no surname there ("Galabuzi Brian Kakembo").
_GOES_ON = re.compile(r"[ \t]+(?!(?:Jr|Sr)\b)[A-Z][a-z]")
_WORDS = re.compile(r"[\w’'-]+")
_JOINED = re.compile(r"\b(?:of|for|and|de|&)\s+$")
_RUNS_ON = re.compile(
    r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|and|&))*[\s,]*"
)
_WORD_BEFORE = re.compile(r"([a-z]+)\s+$")
_ACRONYM = re.compile(r"[A-Z]{3,}")  # "CFDT", "NATO": no word of a person's name
# Words that make a run of capitalised words an organisation's name, not a person's.
_ORG_WORDS = frozenset(
    [
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "ag",
        "sa",
        "gmbh",
        "group",
        "company",
        "bank",
        "university",
        "college",
        "institute",
        "association",
        "foundation",
        "department",
        "ministry",
        "council",
        "agency",
        "police",
        "party",
        "court",
        "league",
        "club",
        "team",
        "office",
        "service",
        "board",
        "committee",
        "commission",
        "times",
        "post",
        "news",
        "press",
    ]
)


@cache
def _titles() -> frozenset[str]:
    """nameparser's titles (the extractor's title vocabulary) and honorifics, lower case."""
    return frozenset(t.rstrip(".") for t in CONSTANTS.titles) | _HONORIFICS


@cache
def _prefixes() -> frozenset[str]:
    """nameparser's surname particles ("van", "den", "de"), lower case."""
    return frozenset(CONSTANTS.prefixes)


def _is_title(word: str) -> bool:
    return word.rstrip(".").lower() in _titles()


def _after_title(text: str, start: int) -> bool:
    """Whether a title of the vocabulary, in lower case, stands right before `start`."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and _is_title(before.group(1))


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.){1,3}", word))


def _shouted(name: str) -> bool:
    """Capitals only, initials aside: a heading or a label ("READ MORE: '...'", the surname
    "MORE" of it), not a person's name as running text writes it."""
    return name.isupper() and not _is_initial(name.split()[0])


class Names:
    """Names of one text that are no entity mention, for speakers at a cue."""

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        self._spans = sorted((m.start, m.end) for m in mentions)
        self._starts = [start for start, _ in self._spans]
        self._full: dict[str, Speaker | None] = {}
        self._capitalised: dict[str, list[int]] | None = None
        # names that may have a title run into them: not after a title of the vocabulary
        # ("U.S. captain Billie Jean King": "Billie" is no title)
        named = [m for m in mentions if m.label in ("PERSON", "ORG")]
        titled = {  # the full name after the title, not a surname ("leader Varadkar")
            m.canonical for m in named if m.text == m.canonical and _after_title(text, m.start)
        }
        self._glued = list({m.canonical for m in named} - titled)
        self._titles: frozenset[str] | None = None
        self._words: Counter[str] | None = None

    def words(self) -> Counter[str]:
        """How often each word stands in the text (counted once per text)."""
        if self._words is None:
            self._words = Counter(_WORDS.findall(self.text))
        return self._words

    def untitled(self, name: str) -> str | None:
        """`untitled(name)`, with the title words this article shows by use as well."""
        if self._titles is None:
            self._titles = _titles_in_use(self.words, self._glued)
        return untitled(name, self._titles)

    def before(self, start: int, end: int) -> tuple[Speaker, int, int] | None:
        """The person the capitalised words ending `text[start:end]` (before a cue) name."""
        run = _TRAILING.search(self.text, max(start, end - MAX_NAME_CHARS), end)
        return self._person(run.start(1), run.end(1)) if run else None

    def _titled(self, start: int, end: int) -> tuple[Speaker, int, int] | None:
        """The person named at the end of `text[start:end]` (after a cue), the words before
        the name all lower case and no phrase among them: a description that titles it
        ("said senior guard Kayla Cooper", "said the charity’s development director Dan James")."""
        read = self.before(start, end)
        if read is None or read[2] != end or not _TITLING.fullmatch(self.text, start, read[1]):
            return None
        return read

    def after(self, start: int, end: int) -> tuple[Speaker, int, int] | None:
        """The person the capitalised words opening `text[start:end]` (after a cue) name,
        or ending it after a description that titles them."""
        run = _LEADING.match(self.text, start, end)
        return self._person(run.start(1), run.end(1)) if run else self._titled(start, end)

    def _person(self, start: int, end: int) -> tuple[Speaker, int, int] | None:
        """The person a run of capitalised words names (the words after its last title),
        with the span of the name, or None (see the module docstring)."""
        if _JOINED.search(self.text, max(0, start - 5), start):
            return None  # the end of a longer name: "... Commissioner for Human Rights"
        words = list(_NAME_WORD.finditer(self.text, start, end))
        titles = [n for n, w in enumerate(words) if _is_title(w.group())]
        honorific = any(words[n].group().rstrip(".").lower() in _HONORIFICS for n in titles)
        words = words[titles[-1] + 1 :] if titles else words
        if not words or len(words) > MAX_NAME_WORDS or not self._free(words[0].start(), end):
            return None
        lowered = [w.group().rstrip(".").lower() for w in words]
        if any(w in STOP_WORDS or w in _ORG_WORDS for w in lowered) or _is_initial(
            words[-1].group()
        ):
            return None
        name = " ".join(w.group() for w in words)
        if _shouted(name):
            return None
        if len(words) > 1:
            speaker: Speaker | None = person_named(name)
        else:
            speaker = self.full(name) or (person_named(name) if honorific else None)
        return (speaker, words[0].start(), words[-1].end()) if speaker else None

    def whole(self, m: Mention, end: int) -> tuple[Speaker, SpeakerMention] | None:
        """An organization's name that the model cut before "of" or "for" and that runs on
        to the cue at `end` ("United Nations High Commissioner" + " for Human Rights")."""
        if m.label != "ORG" or not _RUNS_ON.fullmatch(self.text, m.end, end):
            return None
        name = self.text[m.start : end].rstrip(" ,")
        speaker = Speaker(name, entity_key("ORG", name), "ORG")
        return speaker, SpeakerMention(name, m.start, m.start + len(name))

    def _free(self, start: int, end: int) -> bool:
        """No entity mention overlaps `[start, end)`."""
        index = bisect_right(self._starts, end - 1) - 1
        return not (index >= 0 and self._spans[index][1] > start)

    def full(self, surname: str) -> Speaker | None:
        """The article's first full name ending with `surname` ("Zach Parise"), if any."""
        if surname not in self._full:
            self._full[surname] = None if _shouted(surname) else self._find_full(surname)
        return self._full[surname]

    def _find_full(self, surname: str) -> Speaker | None:
        if self._capitalised is None:  # built once: where each capitalised word stands
            self._capitalised = {}
            for m in _CAPITALISED.finditer(self.text):
                seen = self._capitalised.setdefault(m.group(), [])
                if len(seen) < MAX_PLACES:
                    seen.append(m.start())
        for at in self._capitalised.get(surname, []):
            before = _GIVEN_BEFORE.search(self.text, max(0, at - MAX_NAME_CHARS), at)
            if before is None or _GOES_ON.match(self.text, at + len(surname)):
                continue
            given: list[re.Match[str]] = []
            for w in reversed(list(_NAME_WORD.finditer(self.text, before.start(), at))):
                word = w.group()
                if _is_title(word) or word.lower() in STOP_WORDS or word.endswith(("’s", "'s")):
                    break
                given.insert(0, w)
            given = _given_names(given)
            if given and self._free(given[0].start(), given[-1].end()):
                return person_named(" ".join([*(w.group() for w in given), surname]))
        return None


def reads_as_name(name: str) -> bool:
    """Two or three capitalised words, none a stop word, an organisation's word or an
    acronym: a person's name, whatever label the model gave it ("Nikki Haley", not
    "Goldman Sachs Group", "Chinese Communist Party" nor "Socialist CFDT")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        w[0].isupper()
        and w.lower() not in STOP_WORDS
        and w.lower() not in _ORG_WORDS
        and not _ACRONYM.fullmatch(w)
        for w in words
    )


def untitled(name: str, titles: frozenset[str] = frozenset()) -> str | None:
    """The person's name at the end of a name the model ran a title into ("Rockland
    County Executive Ed Day" → "Ed Day"): from a given name right after a title word
    (of the vocabulary, or of `titles`), two or three words that read as a name; else None."""
    words = name.split()
    for n in range(1, len(words) - 1):
        title = _is_title(words[n - 1]) or words[n - 1] in titles
        if title and _names_from(words, n):
            return " ".join(words[n:])
    return None


def _names_from(words: Sequence[str], n: int) -> bool:
    """Whether `words[n:]` read as a given name and surname ("Leo Varadkar"), not the
    end of a longer surname ("Van Den Hoek" of "Jamon Van Den Hoek")."""
    given = words[n]
    prefix = given.lower() in _prefixes()
    return not prefix and is_given_name(given) and reads_as_name(" ".join(words[n:]))


def _titles_in_use(words_of: Callable[[], Counter[str]], names: Sequence[str]) -> frozenset[str]:
    """Title words the vocabulary lacks, shown by the article's use of them: capitalised
    words, none a given name, before a given name and surname ("Taoiseach Leo Varadkar"),
    when the article also names the person by the surname without them ("Mr Varadkar")
    (no other name of the article having that surname) or uses the title as a common noun
    ("the taoiseach"). `words_of`: the text's words,
    counted only when a name has that shape."""
    found = set()
    by_surname: dict[str, list[str]] = {}
    for name in names:
        by_surname.setdefault(name.split()[-1], []).append(name)
    for name in names:
        words = name.split()
        for n in range(1, len(words) - 1):
            before = words[:n]
            if any(
                is_given_name(w) or not w[0].isupper() or w.lower() in STOP_WORDS for w in before
            ):
                break
            if not _names_from(words, n):
                continue
            count = words_of()
            common = count[words[n - 1].lower()] > 0
            # the surname without the given name, when no other name of the article has it
            # ("Gonzalez" of Elian and of Juan Miguel Gonzalez is no evidence for "Juan")
            shared = any(o not in name and name not in o for o in by_surname[words[-1]])
            alone = not shared and count[words[-1]] > count[words[n]]
            if common or alone:
                found.add(words[n - 1])
            break
    return frozenset(found)


def _given_names(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The given names and initials among the capitalised words before a surname: from
    the first given name the nickname table knows ("Public Prosecution Eva-Marie" →
    "Eva-Marie"), else the one word before the surname ("Janos")."""
    names = [w for w in words if not _is_initial(w.group())]
    if not names:
        return []
    for n, w in enumerate(words):
        if any(is_given_name(part) for part in w.group().split("-")):
            return words[n:]
    return words[words.index(names[-1]) :]


def person_named(name: str) -> Speaker:
    """A person the article names `name`, with the key the entity extractor gives that name."""
    return Speaker(name, entity_key("PERSON", name), "PERSON")
