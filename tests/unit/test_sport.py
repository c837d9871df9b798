"""Which articles are sports copy: the page address or the words of the text; the teams
of a round-up's result lines and of a standings table; players read off what they did."""

from __future__ import annotations

from functools import cache

import pytest

from tests.conftest import SAMPLE, entity_gold
from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.players import players
from worker.core.entities.spans import Span
from worker.core.entities.sport import is_sport, sport_teams

GOLD = entity_gold()


@pytest.mark.parametrize(
    "url",
    [
        "https://www.cbssports.com/nfl/news/browns-player-on-mason-rudolphs-role/",
        "https://www.bbc.com/sport/football/50465049",
        "https://sports.yahoo.com/some-story-123.html",
        "https://www.catchitkansas.com/content/news/Friday-State-Swim-Results-474349633.html",
    ],
)
def test_a_sports_section_in_the_address(url: str) -> None:
    assert is_sport("", url)


@pytest.mark.parametrize("article_id", ["0d461229", "3ce1c8fd"])
def test_sports_stories_by_their_words(article_id: str) -> None:
    assert is_sport(GOLD[article_id]["text"], None)  # Davis Cup, school swimming


@pytest.mark.parametrize("article_id", ["1ace8c85", "8380689f", "55bb6340", "e7994d55"])
def test_other_news_is_not_sport(article_id: str) -> None:
    record = GOLD[article_id]  # WeWork, a fact check, Taylor Swift's label, UK election
    assert not is_sport(record["text"], record["url"])


def test_the_sample_dump_is_not_sport() -> None:
    assert not is_sport(SAMPLE.read_text(encoding="utf-8"), "https://sputniknews.com/russia/1")


# CoNLL-2003 dev: English league standings (played, won, drawn, lost, goals, points) and
# results, the headlines' sports words taken out; two rows alone are not enough.
STANDINGS = (
    "LONDON 1996-08-31\nDivision one\nStoke 4 3 1 0 7 4 10\n"
    "Barnsley 3 3 0 0 8 2 9\nNorwich 4 3 0 1 5 3 9\nTranmere 4 2 1 1 6 4 7\n"
)
RESULTS = (
    "LONDON 1996-08-31\nDivision two\nBlackpool 0 Wycombe 0\n"
    "Bournemouth 1 Peterborough 2\nBristol Rovers 1 Stockport 1\n"
)


@pytest.mark.parametrize("rows", [STANDINGS, RESULTS])
def test_a_standings_table_or_a_round_up_of_results_is_sport(rows: str) -> None:
    assert is_sport(rows, None)
    assert not is_sport("\n".join(rows.splitlines()[:4]), None)


def test_the_names_of_result_lines_and_standings_rows_are_teams() -> None:
    # CoNLL-2003 dev (tokenized as there): Yugoslav league results, where the model ran
    # a whole line into one ORG, and Scottish league standings.
    text = (
        "Cukaricki 1 Vojvodina 0\nBuducnost 1 Red Star 3\nPartizan 6 Becej 0\n"
        "Division one\nGreenock Morton 3 2 0 1 5 2 6\nDundee 3 1 2 0 3 2 5\n"
        "St Johnstone 2 1 1 0 3 0 4\n"
    )
    glued = Span(0, len("Cukaricki 1 Vojvodina 0"), "ORG")
    teams = {text[s.start : s.end] for s in sport_teams(text, [glued], cache(Gazetteer.load)())}
    assert teams == {
        "Cukaricki", "Vojvodina", "Buducnost", "Red Star", "Partizan", "Becej",
        "Greenock Morton", "Dundee", "St Johnstone",
    }  # fmt: skip


def test_a_name_before_a_verb_of_play_is_a_player_and_a_team_is_not() -> None:
    text = GOLD["ecb46e3e"]["text"]  # an NHL round-up: the model missed or misread these
    at = text.index("Linus Ullmark")
    spans = [Span(at, at + len("Linus Ullmark"), "FAC")]
    found = {text[s.start : s.end]: s.label for s in players(text, spans, cache(Gazetteer.load)())}
    assert {"Zach Parise", "Linus Ullmark", "Tuukka Rask"} <= {
        name for name, label in found.items() if label == "PERSON"
    }
    teams = "Real Madrid scored twice. New Jersey scored first. Then Zach Parise scored."
    assert {teams[s.start : s.end] for s in players(teams, [], cache(Gazetteer.load)())} == {
        "Zach Parise"
    }
