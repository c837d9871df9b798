"""Token scoring of already-extracted text: multisets of word tokens, precision and recall."""

from __future__ import annotations

from bench.quality.extracted import token_lines, token_prf


def test_token_multisets_count_repeats_and_ignore_punctuation_and_spacing() -> None:
    gold = "The cat sat.\n\nThe cat ran \u2019home\u2019."
    assert token_prf(gold, "The cat sat. The cat ran 'home'.") == (7, 7, 7)
    assert token_prf(gold, "The cat sat.") == (3, 3, 7)
    assert token_prf(gold, "Menu The cat sat. The cat ran home. Share") == (7, 9, 7)
    assert token_prf(gold, "") == (0, 0, 7)


def test_token_lines_pool_and_average() -> None:
    micro, mean = token_lines(["a b c d", "e f"], ["a b c d", ""])
    assert micro.split()[3:6] == ["P=1.000", "R=0.667", "(4"]
    assert mean.split()[3:5] == ["P=0.500", "R=0.500"]
