"""normalize_text: repairs text for matching without damaging any script."""

from __future__ import annotations

from pathlib import Path

import ftfy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from worker.core.cleaning.normalize import _FTFY_CONFIG, count_words, fix_text, normalize_text

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_repairs_mojibake() -> None:
    assert normalize_text("Kyrgyzstanâ€™s capital") == "Kyrgyzstan's capital"
    assert normalize_text("schÃ¶n, Ã©tÃ© Ã  Paris") == "schön, été à Paris"


def test_typographic_quotes_become_ascii() -> None:
    text = "\u201cI don\u2019t have any doubt,\u201d he said. \u2018Fine\u2019 \u201eGrüße\u201c"
    assert normalize_text(text) == '"I don\'t have any doubt," he said. \'Fine\' "Grüße"'


def test_strips_control_characters_but_keeps_newlines() -> None:
    assert normalize_text("one\x00 two\x07\x1b\nthree\ufeff") == "one two\nthree"


def test_composes_to_nfc() -> None:
    assert normalize_text("Cafe\u0301") == "Caf\u00e9"


def test_whitespace_is_tidied_and_paragraphs_kept() -> None:
    text = "  First\tline   here  \r\nsecond line\u00a0\n\n\n\n  Next paragraph  \n"
    assert normalize_text(text) == "First line here\nsecond line\n\nNext paragraph"


@pytest.mark.parametrize(
    "text",
    [
        "Die elektronische Patientenakte – der lange Marsch ins Digitale Gesundheitswesen.",
        "« Ça va très bien », a déclaré le président à l'Élysée.",
        "中国政府昨天宣布了新的经济政策，以促进增长。",
        "日本の首都は東京です。",
        "Президент России провёл встречу с лидерами стран СНГ в Бишкеке.",
        "أعلنت الحكومة اليوم عن خطة جديدة للاقتصاد الوطني",
        "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian with a zero-width non-joiner
        "한국어 문장도 그대로 남아야 합니다.",
    ],
)
def test_non_english_text_passes_through_unchanged(text: str) -> None:
    assert normalize_text(text) == text


def test_is_idempotent_on_a_real_dump() -> None:
    once = normalize_text((FIXTURES / "000_d59a720f40c57080.txt").read_text(encoding="utf-8"))
    assert normalize_text(once) == once
    assert "\u2019" not in once and "\u201c" not in once


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Putin calls for ex-Soviet states to expand their influence", 10),
        ("Grüße aus Köln, sagte er.", 5),
        ("子どもへの体罰を禁止する", 6),  # no spaces: one word per two characters
    ],
)
def test_count_words_is_comparable_across_scripts(text: str, words: int) -> None:
    assert count_words(text) == words


# Lines of plain ASCII mixed with the characters ftfy acts on: mojibake, HTML
# entities and tags, terminal escapes, carriage returns, ligatures, controls.
_TRICKY = st.sampled_from(
    [
        "plain words",
        "\n",
        "\r\n",
        "\r",
        "&amp;",
        "&eacute;",
        "<b>",
        "\x1b[31m",
        "\x00",
        "\ufb01",
        "Ã©tÃ©",
        "â€™",
        "\u00a0",
        "\u2028",
        "caf\u00e9",
        "\t",
        " & ",
    ]
)


@given(st.lists(_TRICKY, max_size=12).map("".join))
def test_fix_text_is_ftfy_without_its_cost(text: str) -> None:
    # The fast path skips lines ftfy leaves unchanged; the result must be ftfy's.
    assert fix_text(text) == ftfy.fix_text(text, _FTFY_CONFIG)
