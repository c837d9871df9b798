"""Offsets into what the cleaner made of a text map back to the text that was sent."""

from __future__ import annotations

from bench.quality.align import TextMap, covered_by, lost_lines, survival

ORIGINAL = (
    "SOCCER - LEEDS BEAT ARSENAL .\n"
    "LONDON 1996-08-30\n"
    "Leeds United beat Arsenal 2-1 on Friday .\n"
    "Standings : Leeds 3 , Arsenal 1\n"
    "The Senate met in Washington ."
)


def test_mentions_of_reflowed_lines_map_to_the_original() -> None:
    text_map = TextMap(ORIGINAL)
    title = "SOCCER - LEEDS BEAT ARSENAL ."
    body = "LONDON 1996-08-30\n\nLeeds United  beat Arsenal 2-1\non Friday ."
    title_alignment, body_alignment = text_map.align(title), text_map.align(body)
    leeds = title.index("LEEDS")
    assert title_alignment.span(leeds, leeds + 5) == (9, 14)
    start = body.index("Leeds United")
    mapped = body_alignment.span(start, start + len("Leeds United"))
    assert mapped is not None and ORIGINAL[mapped[0] : mapped[1]] == "Leeds United"
    london = body_alignment.span(0, 6)
    assert london is not None and ORIGINAL[london[0] : london[1]] == "LONDON"


def test_straightened_quotes_and_changed_characters() -> None:
    original = "He said \u201cLeeds will win\u201d on Friday in Leeds .\nMore text here"
    text_map = TextMap(original)
    derived = 'He said "Leeds will win" on Friday in Leeds .'
    alignment = text_map.align(derived)
    at = derived.index("Leeds")
    assert alignment.span(at, at + 5) == (original.index("Leeds"), original.index("Leeds") + 5)
    # one character changed: the line is no longer found whole; runs of equal tokens still map
    changed = text_map.align("He said \u00abLeeds will win\u00bb on Friday in Leeds .")
    last = changed.derived.rindex("Leeds")
    assert changed.span(last, last + 5) == (original.rindex("Leeds"), original.rindex("Leeds") + 5)
    assert changed.span(8, 14) is None  # «Leeds: not in the original


def test_text_not_in_the_original_is_unmappable() -> None:
    text_map = TextMap(ORIGINAL)
    alignment = text_map.align("Chelsea won .\nate")  # "ate" only inside "Senate"
    assert alignment.span(0, 7) is None
    assert alignment.span(14, 17) is None
    assert alignment.covered() == set()


def test_survival_and_lost_lines() -> None:
    text_map = TextMap(ORIGINAL)
    body = "Leeds United beat Arsenal 2-1 on Friday .\nThe Senate met in Washington ."
    covered = covered_by([text_map.align("SOCCER - LEEDS BEAT ARSENAL ."), text_map.align(body)])
    kept, tokens = survival(ORIGINAL, covered)
    assert (kept, tokens) == (6 + 8 + 6, 6 + 2 + 8 + 7 + 6)
    lost = lost_lines(ORIGINAL, covered)
    assert [(x.line, x.kept, x.tokens) for x in lost] == [
        ("LONDON 1996-08-30", 0, 2),
        ("Standings : Leeds 3 , Arsenal 1", 0, 7),
    ]
