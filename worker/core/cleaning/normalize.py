"""Unicode and whitespace normalization shared by both cleaners.

Raw dumps and pages arrive with mojibake, stray control characters, typographic
quotes and ragged whitespace. Downstream stages (dates, entities, dedup) match
on text, so every cleaner output goes through `normalize_text` to make equal
text compare equal, without touching the letters of any script.
"""

from __future__ import annotations

import re

import ftfy

# ftfy's width fix would turn CJK full-width punctuation into ASCII, so it is
# off; quotes are mapped by our own table so the mapping is explicit and total.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    fix_character_width=False,
    uncurl_quotes=False,
    explain=False,
)

_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime, often typed for an apostrophe
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark (German opening quote)
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2033": '"',  # double prime
    }
)

# C0/C1 controls except tab and newline, plus invisible characters that carry
# no meaning in running text. Zero-width joiners and bidi marks are kept: they
# matter for emoji, Indic, Persian and right-to-left text.
_JUNK_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\ufeff\ufffc]")
_HSPACE = re.compile(r"[^\S\n]+")
_WORD = re.compile(r"\w+")
# Scripts written without spaces between words: Chinese, Japanese kana, Korean.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_BLANK_LINES = re.compile(r"\n{3,}")
# Printable ASCII but "&", plus tab and newline: text ftfy returns unchanged
# (mojibake, ligatures, odd line breaks and controls all need other characters;
# "&" may start an HTML entity).
_FTFY_NOOP = re.compile(r"[\t\n\x20-\x25\x27-\x7e]*")
_SEGMENT = re.compile(r"[^\n]*\n|[^\n]+")  # ftfy's unit: a line with its "\n"


def normalize_text(s: str) -> str:
    """Return `s` repaired, NFC-normalized, with ASCII quotes and tidy whitespace.

    Lines are stripped and inner runs of spaces collapse to one space; single
    line breaks are kept (a dump's blocks are one per line) and runs of blank
    lines collapse to one blank line, the paragraph separator.
    """
    text = fix_text(s)
    text = _JUNK_CHARS.sub("", text).translate(_QUOTES)
    lines = (_HSPACE.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def fix_text(s: str) -> str:
    """`ftfy.fix_text` with our config, skipping the lines it would leave as they are.

    ftfy fixes text line by line, at a fixed cost per line that made it a third
    of all cleaning time on news pages, where most lines are plain ASCII. The
    result is the same: same segments, same sticky "auto" HTML unescaping.
    """
    if _FTFY_NOOP.fullmatch(s):
        return s
    config, out = _FTFY_CONFIG, []
    for line in _SEGMENT.findall(s):
        if config.unescape_html == "auto" and "<" in line:
            config = config._replace(unescape_html=False)
        out.append(line if _FTFY_NOOP.fullmatch(line) else ftfy.fix_text(line, config))
    return "".join(out)


def count_words(text: str) -> int:
    """Words in `text`, comparable across scripts: unspaced CJK counts one word per two characters.

    Thresholds like "a paragraph has at least 8 words" must also hold for
    Chinese or Japanese, where whitespace splitting sees one huge "word".
    """
    unspaced = len(_UNSPACED.findall(text))
    return len(_WORD.findall(_UNSPACED.sub(" ", text))) + unspaced // 2
