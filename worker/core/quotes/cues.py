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
from dataclasses import dataclass

_VERBS = (
    r"say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|write|writes|wrote|"
    r"writing|tweeted|posted|explain|explains|explained|"
    r"noted|stated|declare|declares|declared|insist|insists|insisted|argue|"
    r"argues|argued|warn|warns|warned|acknowledge|acknowledges|acknowledged|admit|admits|"
    r"admitted|asked|replied|respond|responds|responded|continue|"
    r"continues|continued|emphasi[sz]e[sd]?|stress|stresses|stressed|claimed|"
    r"recalled|joked|conclude|concludes|concluded|urge|urges|urged|"
    r"announce|announces|announced|remarked|observe|observes|observed|"
    r"suggest|suggests|suggested|commented|called|calling|"
    r"describe|describes|described|hail|hails|hailed|quipped|concede|concedes|"
    r"conceded|predict|predicts|predicted|vowed|promised|"
    r"assert|asserts|asserted|shouted|yelled|recount|recounted|"
    r"boasted|complain|complains|complained|confirm|confirms|confirmed|"
    r"denied|pledged|noting|chimed in|introduce[sd]?|testify|testified|agree|agrees|agreed|"
    r"countered|"
    r"point(?:s|ed)? out|went on|goes on|describing|adding|saying|reiterated|cheered|"
    r"mused|wondered|exclaimed|demanded|repeated|maintained|contended|lamented|praised|"
    r"described|characteri[sz]ed|branded|labell?ed|texted|messaged|emailed|posted"
)
CUE = re.compile(rf"\b(?:according to|{_VERBS})\b", re.IGNORECASE)
# Also nouns ("a Tumblr post", "the call"): cues only right after a quotation ("...," notes X).
_NOUN_LIKE = (
    r"comments|notes|states|claims|posts|tweets|recalls|asks|replies|jokes|quips|remarks|"
    r"counters|promises|vows|pledges|boasts|asked|posted|tweeted"
)
CUE_AFTER = re.compile(rf"\b(?:according to|{_VERBS}|{_NOUN_LIKE})\b", re.IGNORECASE)
_AFTER_END = re.compile(r"[.!?;]\s|[.!?;]$|\n")
_PHRASE_END = re.compile(
    r"[,.;:!?()]|\s(?:in|on|at|during|after|before|when|while|as|to|of|"
    r"who|which|that|from|about|with)\s"
)
# What may stand between a cue and the quote mark it introduces: `said, "`, `said that "`.
_INTRODUCES = re.compile(r"\s*[,:]?\s*(?:that\s*)?$")
# In a colon introduction, what the speaker spoke about follows these words.
_TOPIC = re.compile(r"\s(?:on|about|over|after|of|to|at|in)\s")
MAX_SPEAKER_WORDS = 30


@dataclass(frozen=True, slots=True)
class Cue:
    """An attribution cue: its words, and the span naming the speaker (`who`, may be empty)."""

    word: str
    end: int  # where the cue's words end
    who_start: int
    who_end: int
    first: bool = True  # the speaker is the first name of `who` (else the one nearest the cue)


def _phrase_after(text: str, start: int, end: int) -> tuple[int, int]:
    """The words naming a speaker that follow a cue: up to a comma or a clause word."""
    stop = _PHRASE_END.search(text, start, end)
    return start, stop.start() if stop else end


def after(text: str, start: int, end: int) -> Cue | None:
    """A cue just after a quotation: `text[start:end]` is the rest of its sentence."""
    stop = _AFTER_END.search(text, start, end)
    end = stop.start() if stop else end
    cue = CUE_AFTER.search(text, start, end)
    if cue is None:
        return None
    who = text[start : cue.start()]
    if not who.strip(" ,—–-"):  # `, said one legal expert`
        begin = cue.end() + len(text[cue.end() : end]) - len(text[cue.end() : end].lstrip())
        return Cue(cue.group().lower(), cue.end(), *_phrase_after(text, begin, end))
    if len(who.split()) > MAX_SPEAKER_WORDS or ":" in who:
        return None
    if cue.group().lower() == "according to":
        return Cue("according to", cue.end(), *_phrase_after(text, cue.end() + 1, end))
    lead = len(who) - len(who.lstrip(" ,—–-"))
    return Cue(cue.group().lower(), cue.end(), start + lead, cue.start())


def before(text: str, start: int, end: int) -> Cue | None:
    """A cue before a quotation in its sentence: `text[start:end]` is that part of it.

    The cue right before the mark (`he said, "...`) wins; else the sentence's
    first one (`Pompeo said that ... Washington had concluded ... "...`).
    """
    found = list(CUE.finditer(text, start, end))
    last = found[-1] if found and _INTRODUCES.match(text, found[-1].end(), end) else None
    cue = last or (found[0] if found else None)
    if cue is not None:
        word = cue.group().lower()
        if word == "according to":
            return Cue(word, cue.end(), *_phrase_after(text, cue.end() + 1, end))
        return Cue(word, cue.end(), start, cue.start(), first=False)
    words = text[start:end].rstrip()
    if words.endswith(":") and words.strip() != ":":
        topic = _TOPIC.search(words)  # "Browns player on Rudolph's role:" names a player
        return Cue(
            ":", start + len(words), start, start + (topic.start() if topic else len(words) - 1)
        )
    return None


def introduces(text: str, cue: Cue, open_at: int) -> bool:
    """Whether the cue directly introduces the quotation at `open_at` (`he said: "`)."""
    return cue.word != ":" and bool(_INTRODUCES.match(text, cue.end, open_at))
