"""Quote marks of wire copy whose paragraph breaks were lost, and mistyped marks, on
excerpts of real stories (TimeML's AP copy of 1990, the gold set's AP review)."""

from __future__ import annotations

from tests.unit.test_quotes import GOLD, _person, _quoted
from worker.core.entities import entity_key
from worker.core.quotes import find_quotes
from worker.core.quotes.cues import before
from worker.core.quotes.heads import introduced_unnamed
from worker.core.types import Mention


def _place(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(name, "GPE", start, start + len(name), name, entity_key("GPE", name))


# AP, 16 Aug 1990: one line; the quotation ran over a paragraph break (no closing mark,
# the next paragraph opening with one), and the break is gone.
AP = (
    "Replied State Department deputy spokesman Richard Boucher, \"We haven't really "
    "analyzed the statement in detail but it appears to be just another example of his "
    'outlandish rhetoric and his attempts to distort the truth. "We believe that his words '
    'cannot distract the world from the facts of Iraqi aggression." An international land, '
    "sea and air force has mobilized since Iraq's invasion. \"We don't just arrive,\" said "
    'four-star Gen. John Dailey. "We\'re there to stay for a fairly lengthy period."'
)


def test_a_quotation_that_ran_over_a_lost_paragraph_break_ends_where_the_next_opens() -> None:
    assert _quoted(AP) == [
        "We haven't really analyzed the statement in detail but it appears to be just another "
        "example of his outlandish rhetoric and his attempts to distort the truth.",
        "We believe that his words cannot distract the world from the facts of Iraqi aggression.",
        "We don't just arrive,",
        "We're there to stay for a fairly lengthy period.",
    ]


def test_an_opening_mark_typed_for_a_closing_one_closes() -> None:
    text = GOLD["15566352"]  # 'recalls happy times with the “very, very beautiful“ actress'
    assert "very, very beautiful" in _quoted(text)


def _speaker(text: str, start: str) -> str | None:
    (quote,) = [q for q in find_quotes(text, MENTIONS[text]) if q.text.startswith(start)]
    return quote.speaker.canonical if quote.speaker else None


# WSJ, 25 Feb 1991, and AP, 16 Aug 1990 (TimeML); the people as the model found them.
BOOMER = (
    "In a pre-attack message, Lt. Gen. Walter Boomer, the top Marine in the Persian Gulf, "
    'told U.S. Marines that their goal is to " restore {Kuwait} to its citizens." He went '
    'on to add that "in so doing you not only return a nation to its people, but you will '
    'destroy the war machine of a ruthless dictator."'
)
WALDEGRAVE = (
    "Iraq said the roundup was to protect them from unspecified threats; British Foreign "
    'Office minister William Waldegrave called the order "grave and sinister."'
)
# NYT, 26 Oct 1998, and WSJ, 13 Aug 1990 (TimeML).
BEHRMANN = (
    "Vacco's campaign manager, Matt Behrmann, said in a statement that Spitzer had \"sunk to "
    'a new and despicable low by attempting to capitalize on the murder of a physician."'
)
BAKER = (
    'Secretary of State James Baker, speaking on ABC News\' "This Week," said the Kuwaiti '
    'request gives the U.S. and other countries "a legal basis for stopping the export of '
    'oil and that sort of thing."'
)
# NYT, 20 Nov 1998 (TimeML).
INVESTIGATOR = (
    "Authorities want to question the unidentified woman who allegedly traveled with Kopp, "
    'according to an investigator quoted by the newspaper.\n\n"She may have been with Kopp '
    'sometime after the murder," the investigator said.'
)
# WSJ (TimeML wsj_0674).
PATTISON = (
    "Jim Pattison Industries Ltd., one of a group of closely held companies owned by "
    'entrepreneur James Pattison, said it "intends to seek control" of 30%-owned Innopac Inc.'
)
# AP, 28 Jan 2000 (TimeML): two people named Gonzalez, the surname alone far more often.
GONZALEZ = (
    "Elian Gonzalez was rescued off Florida's coast. Gonzalez is 6. Relatives of Gonzalez in "
    'Miami want him to stay.\n\n"They are not going to buy me," said Juan Miguel Gonzalez.'
)
# AP, 16 Feb 2000 (TimeML): the family's surname alone is the father's, not the child's.
FATHER = (
    "Elian Gonzalez's father wrote to Reno. Elian has been in Miami since November, and "
    'Juan Miguel Gonzalez wants him back.\n\n"I formally object to the legal moves made '
    'by those who are arbitrarily retaining Elian," Gonzalez said in the letter.'
)
# AP, 16 Aug 1990 (TimeML): two people named Hussein, the later one nearer the quotation.
HUSSEIN = (
    "Saddam Hussein called Bush a liar. Jordan's King Hussein met Bush on Thursday at "
    "Kennebunkport. Bush's chief objective was to press the king to shut down Iraq's supply "
    'route from Aqaba. "It\'s our only outlet to the sea and the rest of the world," Hussein '
    "said."
)
# NYT, 12 Mar 1999 (TimeML): the sentence's first person sits in its "where" clause.
ALBRIGHT = (
    "In Kosovo, where the Yugoslav leader, Slobodan Milosevic, is resisting the deployment "
    "of NATO-led troops, Albright insisted that NATO was the best tool to enforce a peace "
    'settlement.\n\n"We must be clear in explaining that a settlement without NATO-led '
    'enforcement is not acceptable," she said.'
)
# NYT, 26 Oct 1998 (TimeML): the sentence goes on after the fragment to a participle.
GOLDSTEIN = (
    "Steven Goldstein, a Spitzer spokesman, spoke on Monday.\n\nGoldstein, who said it was "
    '"thoroughly, thoroughly possible" that the issue would surface in Spitzer\'s '
    "advertisements, defended the use of the issue by noting that the attorney general has "
    "direct impact on clinic access."
)
MENTIONS = {
    BOOMER: [_person(BOOMER, "Walter Boomer", "Walter Boomer")],
    WALDEGRAVE: [
        _place(WALDEGRAVE, "Iraq"),
        _person(WALDEGRAVE, "William Waldegrave", "William Waldegrave"),
    ],
    BEHRMANN: [
        _person(BEHRMANN, "Vacco", "Dennis Vacco"),
        _person(BEHRMANN, "Matt Behrmann", "Matt Behrmann"),
        _person(BEHRMANN, "Spitzer", "Eliot Spitzer"),
    ],
    BAKER: [_person(BAKER, "James Baker", "James Baker")],
    PATTISON: [
        Mention(
            "Jim Pattison Industries Ltd.",
            "ORG",
            0,
            28,
            "Jim Pattison Industries Ltd.",
            entity_key("ORG", "Jim Pattison Industries Ltd."),
        ),
        _person(PATTISON, "James Pattison", "James Pattison"),
    ],
    GONZALEZ: [
        _person(GONZALEZ, "Elian Gonzalez", "Elian Gonzalez"),
        _person(GONZALEZ, "Juan Miguel Gonzalez", "Juan Miguel Gonzalez"),
    ],
    FATHER: [
        _person(FATHER, "Elian Gonzalez", "Elian Gonzalez"),
        _person(FATHER, "Elian", "Elian Gonzalez", FATHER.index("Elian has")),
        _person(FATHER, "Juan Miguel Gonzalez", "Juan Miguel Gonzalez"),
        _person(FATHER, "Gonzalez", "Gonzalez", FATHER.index("Gonzalez said")),
    ],
    HUSSEIN: [
        _person(HUSSEIN, "Saddam Hussein", "Saddam Hussein"),
        _person(HUSSEIN, "King Hussein", "King Hussein"),
        _person(HUSSEIN, "Hussein", "Hussein", HUSSEIN.index("Hussein said")),
    ],
    ALBRIGHT: [
        _person(ALBRIGHT, "Slobodan Milosevic", "Slobodan Milosevic"),
        _person(ALBRIGHT, "Albright", "Madeleine Albright"),
    ],
    GOLDSTEIN: [
        _person(GOLDSTEIN, "Steven Goldstein", "Steven Goldstein"),
        _person(GOLDSTEIN, "Spitzer", "Eliot Spitzer"),
        _person(GOLDSTEIN, "Goldstein", "Steven Goldstein", GOLDSTEIN.index("\n")),
        _person(GOLDSTEIN, "Spitzer", "Eliot Spitzer", GOLDSTEIN.index("surface")),
    ],
    INVESTIGATOR: [
        _person(INVESTIGATOR, "Kopp", "James Charles Kopp"),
        _person(INVESTIGATOR, "Kopp", "James Charles Kopp", INVESTIGATOR.index("with Kopp s")),
    ],
}


def test_the_verbs_that_lead_on_to_the_cue_leave_its_subject() -> None:
    assert _speaker(BOOMER, "in so doing") == "Walter Boomer"  # "He went on to add that"


def test_a_cue_before_a_semicolon_is_another_clauses() -> None:
    assert _speaker(WALDEGRAVE, "grave and sinister") == "William Waldegrave"


def test_the_owner_of_the_subjects_title_is_no_speaker() -> None:
    assert _speaker(BEHRMANN, "sunk to a new") == "Matt Behrmann"


def test_a_title_closing_the_clause_before_the_cue_leaves_the_sentences_subject() -> None:
    assert _speaker(BAKER, "a legal basis") == "James Baker"


def test_the_description_of_someone_brought_in_unnamed_stays_unnamed() -> None:
    assert _speaker(INVESTIGATOR, "She may have been") is None


def test_the_subject_is_the_name_an_apposition_before_the_cue_describes() -> None:
    assert _speaker(PATTISON, "intends to seek") == "Jim Pattison Industries Ltd."


def test_a_given_name_before_a_surname_two_people_share_is_no_title() -> None:
    assert _speaker(GONZALEZ, "They are not going") == "Juan Miguel Gonzalez"


def test_a_surname_alone_is_not_the_person_the_article_calls_by_the_given_name() -> None:
    assert _speaker(FATHER, "I formally object") == "Juan Miguel Gonzalez"


def test_an_article_of_another_noun_brings_no_one_in_unnamed() -> None:
    text = (  # dumps-dev (a column on the 2023 elections): "a" is the blow's
        "Instead, voters handed Trump an unambiguous defeat. And that is much more than just "
        "a blow to the president’s immediate political fortunes.\n\n"
    )
    assert not introduced_unnamed(text, "president", len(text))
    text = "Friday about her statements regarding a meeting with the president: "  # NYT (TimeML)
    assert not introduced_unnamed(text, "president", len(text))
    text = (  # NYT, 20 Nov 1998 (TimeML): modifiers between, and the partitive "one of the"
        "since Slepian was killed, according to another law enforcement official, "
    )
    assert introduced_unnamed(text, "official", len(text))
    text = "with Kopp, according to one of the investigators quoted by the newspaper."
    assert introduced_unnamed(text, "investigator", len(text))  # the TimeML one, partitive


def test_a_surname_two_people_share_is_the_one_named_last_before_it() -> None:
    assert _speaker(HUSSEIN, "It's our only outlet") == "King Hussein"


def test_the_name_a_verb_of_saying_follows_is_its_sentences_subject() -> None:
    assert _speaker(ALBRIGHT, "We must be clear") == "Madeleine Albright"


def test_a_cue_that_ends_the_text_names_an_empty_span_in_order() -> None:
    cue = before("according to", 0, len("according to"))
    assert cue is not None and cue.who_start <= cue.who_end == len("according to")


def test_a_cue_after_a_fragment_that_names_no_one_gives_way_to_the_one_before() -> None:
    assert _speaker(GOLDSTEIN, "thoroughly") == "Steven Goldstein"
