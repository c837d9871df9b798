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
    r"writing|tweet|tweets|tweeted|post|posts|posted|explain|explains|explained|note|notes|"
    r"noted|state|states|stated|declare|declares|declared|insist|insists|insisted|argue|"
    r"argues|argued|warn|warns|warned|acknowledge|acknowledges|acknowledged|admit|admits|"
    r"admitted|ask|asks|asked|reply|replies|replied|respond|responds|responded|continue|"
    r"continues|continued|emphasi[sz]e[sd]?|stress|stresses|stressed|claim|claims|claimed|"
    r"recall|recalls|recalled|joke|jokes|joked|conclude|concludes|concluded|urge|urges|urged|"
    r"announce|announces|announced|remark|remarks|remarked|observe|observes|observed|"
    r"suggest|suggests|suggested|comment|comments|commented|call|calls|called|calling|"
    r"describe|describes|described|hail|hails|hailed|quip|quips|quipped|concede|concedes|"
    r"conceded|predict|predicts|predicted|vow|vows|vowed|promise|promises|promised|"
    r"assert|asserts|asserted|shout|shouted|yell|yelled|recount|recounted|pledge|pledged|"
    r"boast|boasted|complain|complains|complained|confirm|confirms|confirmed|deny|denies|"
    r"denied|introduce[sd]?|testify|testified|agree|agrees|agreed|counter|countered|"
    r"point(?:s|ed)? out|went on|goes on|describing|adding|saying|reiterated|cheered|"
    r"mused|wondered|exclaimed|demanded|repeated|maintained|contended|lamented|praised|"
    r"described|characteri[sz]ed|branded|labell?ed|texted|messaged|emailed|posted"
)
CUE = re.compile(rf"\b(?:according to|{_VERBS})\b", re.IGNORECASE)
# Between a speaker and its verb: adverbs and auxiliaries ("Suter later acknowledged").
_GAP = re.compile(
    r"^(?:\s|,|\b(?:\w+ly|has|have|had|also|then|later|again|once|would|will|"
    r"did|does|do|is|was|just|even|still|further|himself|herself)\b)*$"
)
_AFTER_END = re.compile(r"[.!?;]\s|[.!?;]$|\n")
_PHRASE_END = re.compile(
    r"[,.;:!?()]|\s(?:in|on|at|during|after|before|when|while|as|to|of|"
    r"who|which|that|from|about|with)\s"
)
MAX_SPEAKER_WORDS = 12


@dataclass(frozen=True, slots=True)
class Cue:
    """An attribution cue: its words, and the span naming the speaker (`who`, may be empty)."""

    word: str
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
    cue = CUE.search(text, start, end)
    if cue is None:
        return None
    who = text[start : cue.start()]
    if not who.strip(" ,—–-"):  # `, said one legal expert`
        begin = cue.end() + len(text[cue.end() : end]) - len(text[cue.end() : end].lstrip())
        return Cue(cue.group().lower(), *_phrase_after(text, begin, end))
    if len(who.split()) > MAX_SPEAKER_WORDS or re.search(r"[.!?;:]", who):
        return None
    if cue.group().lower() == "according to":
        return Cue("according to", *_phrase_after(text, cue.end() + 1, end))
    lead = len(who) - len(who.lstrip(" ,—–-"))
    return Cue(cue.group().lower(), start + lead, cue.start())


def before(text: str, start: int, end: int) -> Cue | None:
    """A cue before a quotation in its sentence: `text[start:end]` is that part of it."""
    cue = CUE.search(text, start, end)
    if cue is not None:
        word = cue.group().lower()
        if word == "according to":
            return Cue(word, *_phrase_after(text, cue.end() + 1, end))
        return Cue(word, start, cue.start(), first=False)
    if text[start:end].rstrip().endswith(":") and text[start:end].strip() != ":":
        return Cue(":", start, end - len(text[start:end]) + len(text[start:end].rstrip()) - 1)
    return None


def adjacent(text: str, span_end: int, cue_start: int) -> bool:
    """Whether only adverbs and auxiliaries stand between a name and its cue."""
    return bool(_GAP.match(text[span_end:cue_start]))
