"""Quotations in Reuters wire copy of 1996 as CoNLL-2003 gives it (one sentence per line,
tokens joined by spaces), on excerpts of real stories of `conll-dev`, with the mentions
the entity stage gives them."""

from __future__ import annotations

from tests.unit.test_quotes import _org, _person, _quoted
from worker.core.entities import entity_key
from worker.core.quotes import find_quotes
from worker.core.quotes.marks import paragraphs
from worker.core.types import Mention

# Reuters, 28 Aug 1996 (CoNLL-2003 dev): one sentence per line, so a quotation of two
# sentences runs over a line break, and the mark opening the second sentence of an
# interrupted quotation ends the line before it.
TARANGO = (
    "A boisterous cheering section backed the distracted Chilean and booed the lanky "
    "American , who ate up all the attention .\n"
    '" I \'m an emotional player , " said the 104th-ranked Tarango . "\n'
    'I think I played very well tonight , very focused . "\n'
    "The match turned on the third-set tiebreaker , which the American won 7-5 much to the "
    "dismay of the spectators .\n"
    '" I love the crowd if they boo me every day .\n'
    'It fires me up , makes me play my best tennis , " Tarango said .\n'
)


def test_a_quotation_runs_on_over_line_breaks_until_its_closing_mark() -> None:
    assert _quoted(TARANGO) == [
        "I 'm an emotional player ,",
        "I think I played very well tonight , very focused .",
        "I love the crowd if they boo me every day .\nIt fires me up , makes me play my best "
        "tennis ,",
    ]
    first = _person(TARANGO, "Tarango", "Jeff Tarango")
    last = _person(TARANGO, "Tarango", "Jeff Tarango", TARANGO.index("It fires"))
    quotes = find_quotes(TARANGO, [first, last])
    assert [q.speaker.canonical if q.speaker else None for q in quotes] == ["Jeff Tarango"] * 3


# Reuters, 29 Aug 1996 (CoNLL-2003 dev): the mark that ends a line opens a quotation whose
# paragraph ends unclosed; the next paragraph reopens it.
HENKE = (
    '" I did n\'t hit it very well today , " said Henke . "\n'
    "Jasper blew right by me .\n"
    "Once he did , I knew I had to make birdies just to keep up .\n"
    "\" Right now , I ca n't put my finger on what 's wrong . \"\n"
)


def test_a_quotation_opened_at_a_lines_end_runs_to_the_paragraph_the_next_mark_reopens() -> None:
    assert _quoted(HENKE) == [
        "I did n't hit it very well today ,",
        "Jasper blew right by me .\nOnce he did , I knew I had to make birdies just to keep up .",
        "Right now , I ca n't put my finger on what 's wrong .",
    ]
    quotes = find_quotes(HENKE, [_person(HENKE, "Henke", "Nolan Henke")])
    assert [q.speaker.canonical if q.speaker else None for q in quotes] == ["Nolan Henke"] * 3


# Reuters, 30 Aug 1996 (CoNLL-2003 dev), with the model's labels: "Glyn Davies" and
# "Davies" as organisations.
DAVIES = (
    "The State Department refused to speculate on Friday on what might happen in the case "
    "of Louis Farrakhan .\n"
    '" I \'m not going to speculate about what may or may not happen in that case , " State '
    "Department spokesman Glyn Davies said .\n"
    "Davies also noted : \" We 've talked about the passport restriction for travel to "
    'Libya " but he did not elaborate .\n'
)


def test_a_person_the_model_called_an_organization_is_named_after_his_title() -> None:
    mentions = [
        _org(DAVIES, "State Department"),
        _org(DAVIES, "State Department", DAVIES.index("State Department spokesman")),
        _org(DAVIES, "Glyn Davies"),
        _org(DAVIES, "Davies", DAVIES.index("Davies also")),
    ]
    speakers = [q.speaker.canonical if q.speaker else None for q in find_quotes(DAVIES, mentions)]
    assert speakers == ["Glyn Davies", "Glyn Davies"]


# Reuters, 29 Aug 1996 (CoNLL-2003 dev), with the model's "Socialist CFDT".
CFDT = (
    "A Guinean man was deported on a scheduled Air France flight to Conakry , a spokesman "
    "for Air France 's pro-Socialist CFDT union said .\n"
    "About 100 people from the CFDT and the Communist-led CGT unions marched outside Air "
    "France headquarters .\n"
    '" We must obtain a formal commitment from ( Air France chairman ) Christian Blanc that '
    "no plane , no personnel be used to transform our air companies into charters of shame "
    ', " CFDT spokesman Francois Cabrera said .\n'
)


def test_an_acronym_is_no_surname_of_an_organization_read_as_a_person() -> None:
    mentions = [
        _org(CFDT, "Socialist CFDT"),
        _org(CFDT, "CFDT", CFDT.index("the CFDT")),
        _org(CFDT, "CFDT", CFDT.index("CFDT spokesman")),
        _person(CFDT, "Francois Cabrera", "Francois Cabrera"),
    ]
    (quote,) = find_quotes(CFDT, mentions)
    assert quote.speaker is not None and quote.speaker.canonical == "Francois Cabrera"


# Reuters, 30 Aug 1996 (CoNLL-2003 dev): "she" after an unnamed spokeswoman's words.
NICOLE = (
    "Dutch police said on Friday they had found missing German girl Nicole Nichterwitz "
    "alive on a campsite in the northern city of Groningen .\n"
    '" We have found Nicole on a campsite in Groningen thanks to tipoffs from the Dutch '
    'public , " said a spokeswoman of the Dutch criminal investigation service .\n'
    "Police could not yet tell whether the 10-year-old showed any signs of sexual abuse .\n"
    "\" We do n't know yet .\nIt 's too early to tell , \" she said .\n"
)
# Reuters, 1996 (CoNLL-2003 dev): "he" after an unnamed man's reported words.
TAJIK = (
    '" We had to build our own earth shelters to survive the fighting , " said Rajab '
    "Adinayev , a bearded elderly Tajik in a long white shirt .\n"
    "One elderly man , who declined to give his name , said two of his sons were now "
    "refugees in Moscow .\n"
    '" It \'s not important who holds this town , we just need to stop the war , " he said .\n'
)


def test_a_pronoun_after_an_unnamed_persons_words_is_that_unnamed_person() -> None:
    nicole = _person(NICOLE, "Nicole Nichterwitz", "Nicole Nichterwitz")
    first, second = find_quotes(NICOLE, [nicole])
    assert first.speaker is None and second.speaker is None
    assert second.speaker_mention is not None and second.speaker_mention.text == "she"
    adinayev = _person(TAJIK, "Rajab Adinayev", "Rajab Adinayev")
    said, war = find_quotes(TAJIK, [adinayev])
    assert said.speaker is not None and said.speaker.canonical == "Rajab Adinayev"
    assert war.speaker is None  # the elderly man who declined to give his name


# Reuters, 31 Aug 1996 (CoNLL-2003 dev), with the entity stage's labels.
SPIEGEL = (
    "A spokesman said he could substantially confirm a report in the news weekly Der Spiegel , "
    "which said Iranian secret police burst in while attache Jens Gust was entertaining six "
    "Iranian writers and their wives .\n"
    "Gust was threatened with violence , then locked into a room to be interrogated on "
    'suspicion of " promoting activities hostile to the state " while his guests were taken '
    "away , the magazine said .\n"
    "The ministry spokesman said the German embassy immediately made a sharp protest to the "
    "Tehran government .\n"
    "The Iranian ambassador was also summoned to the ministry in Bonn to hear a sharp protest "
    'and " disapproval of this glaring breach of the principles of international law " , he '
    "added .\n"
)


def test_the_magazine_is_the_one_named_and_he_the_unnamed_spokesman_said_again() -> None:
    mentions = [
        _org(SPIEGEL, "Der Spiegel"),
        _person(SPIEGEL, "Jens Gust", "Jens Gust"),
        _person(SPIEGEL, "Gust", "Jens Gust", SPIEGEL.index("Gust was")),
    ]
    magazine, added = find_quotes(SPIEGEL, mentions)
    assert magazine.speaker is not None and magazine.speaker.canonical == "Der Spiegel"
    assert added.speaker is None and added.speaker_mention is not None
    assert added.speaker_mention.text == "he"


# Reuters, 1996 (CoNLL-2003 dev): a first given name the nickname table lacks, after a
# title, then the surname alone.
KING = (
    '" Last year we stood on the court after we had lost and we put out hands together , " '
    "U.S. captain Billie Jean King said at the draw .\n"
    "Seles easily won both her singles matches and King is counting on the co-world number "
    "one to lead the team again .\n"
    '" I told Monica we need her if we want to win , " King said .\n'
)


def test_a_word_after_a_title_is_no_title_of_a_name_run_into_it() -> None:
    mentions = [
        _person(KING, "Billie Jean King", "Billie Jean King"),
        _person(KING, "King", "Billie Jean King", KING.index("King is")),
        _person(KING, "King", "Billie Jean King", KING.index("King said")),
    ]
    speakers = {q.speaker.canonical if q.speaker else None for q in find_quotes(KING, mentions)}
    assert speakers == {"Billie Jean King"}


# Reuters, 1996 (CoNLL-2003 dev): a team whose last word the article uses alone.
REDS = (
    "Kevin Brown pitched a complete game as the Florida Marlins beat the Cincinnati Reds 4-2 "
    "on Saturday .\n"
    '" He has a devastating sinker , " observed Reds manager Ray Knight .\n'
)


def test_a_teams_last_word_is_no_surname_that_outranks_its_manager() -> None:
    reds = _org(REDS, "Cincinnati Reds")
    alone = REDS.index("Reds manager")
    mentions = [
        _person(REDS, "Kevin Brown", "Kevin Brown"),
        _org(REDS, "Florida Marlins"),
        reds,
        Mention("Reds", "ORG", alone, alone + 4, "Cincinnati Reds", reds.entity_key),
        _person(REDS, "Ray Knight", "Ray Knight"),
    ]
    (quote,) = find_quotes(REDS, mentions)
    assert quote.speaker is not None and quote.speaker.canonical == "Ray Knight"


# Reuters, 1996 (CoNLL-2003 dev): "he" after a sentence whose "he" is another man's.
SHARETSKY = (
    "Lukashenko , 41 , won presidential polls in 1994 on promises to restore order .\n"
    "But during his period in office he has battled against nationalist opponents , trade "
    "unions and parliament and Sharetsky said the current parliament was ready to try to "
    "impeach him .\n"
    '" This constitution , which has been prepared in secret , aims to gather all power in '
    "one man 's hands , \" he said .\n"
)


def test_a_name_a_verb_of_saying_follows_is_a_subject_after_another_mans_he() -> None:
    mentions = [
        _person(SHARETSKY, "Lukashenko", "Alexander Lukashenko"),
        _person(SHARETSKY, "Sharetsky", "Semyon Sharetsky"),
    ]
    (quote,) = find_quotes(SHARETSKY, mentions)
    assert quote.speaker is not None and quote.speaker.canonical == "Semyon Sharetsky"


# Reuters, 1996 (CoNLL-2003 dev): the cue of a quotation that ends a line opens the next.
HOSHIYEH = (
    "Some Palestinians took to back roads , only to run into waiting Israeli security "
    "forces .\n"
    '" The Israelis have no right to prevent us from going to pray .\n'
    'What kind of peace is this that prevents us from reaching our holy places ? "\n'
    "asked Mustafa Hoshiyeh , a 27-year-old West Bank labourer turned around by a police "
    "patrol on a back road .\n"
)


def test_a_line_that_opens_with_a_verb_of_saying_attributes_the_quotation_before() -> None:
    (quote,) = find_quotes(HOSHIYEH, [_person(HOSHIYEH, "Mustafa Hoshiyeh", "Mustafa Hoshiyeh")])
    assert quote.cue == "asked" and quote.text.endswith("holy places ?")
    assert quote.speaker is not None and quote.speaker.canonical == "Mustafa Hoshiyeh"


# Reuters, 31 Aug 1996 (CoNLL-2003 dev): "was quoted as saying" after the description.
KLINSMANN = (
    "German international striker Juergen Klinsmann has said he will retire after the 1998 "
    "World Cup in France .\n"
    '" For myself , personally , I \'ve planned things so that that will be the end of me , " '
    "the 32-year-old national team captain was quoted as saying by the daily Sueddeutsche "
    "Zeitung on Saturday .\n"
)


def test_the_captain_quoted_as_saying_is_the_speakers_description() -> None:
    mentions = [
        _person(KLINSMANN, "Juergen Klinsmann", "Juergen Klinsmann"),
        _org(KLINSMANN, "Sueddeutsche Zeitung"),
    ]
    (quote,) = find_quotes(KLINSMANN, mentions)
    assert quote.cue == "saying" and quote.speaker_mention is not None
    assert quote.speaker_mention.text == "the 32-year-old national team captain"


# Reuters, 30 Aug 1996 (CoNLL-2003 dev): a noun for a country's people, for a man named.
BRUNO = (
    "Former world heavyweight champion Frank Bruno has quit the ring on medical advice .\n"
    "The Briton , who lost his World Boxing Council ( WBC ) title to Mike Tyson in March , "
    "said : \" I was in shock as soon as he told me and it still has n't really sunk in .\n"
)


def test_the_briton_who_said_it_is_the_man_the_story_named() -> None:
    at = BRUNO.index("Briton")
    mentions = [
        _person(BRUNO, "Frank Bruno", "Frank Bruno"),
        Mention("Briton", "NORP", at, at + 6, "British", entity_key("NORP", "British")),
        _org(BRUNO, "World Boxing Council"),
        _person(BRUNO, "Mike Tyson", "Mike Tyson"),
    ]
    (quote,) = find_quotes(BRUNO, mentions)
    assert quote.speaker is not None and quote.speaker.canonical == "Frank Bruno"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "The Briton"


def test_windows_line_breaks_read_as_line_breaks() -> None:
    text = HOSHIYEH.replace("\n", "\r\n")
    (quote,) = find_quotes(text, [_person(text, "Mustafa Hoshiyeh", "Mustafa Hoshiyeh")])
    assert quote.speaker is not None and quote.speaker.canonical == "Mustafa Hoshiyeh"


def test_a_blank_line_or_an_inch_mark_keeps_an_unclosed_quotation_in_its_paragraph() -> None:
    text = (  # the review's cases: a closing mark left out, then paragraphs
        'Council leader Tom Smith called the plan "a disaster for the town.\n\n'
        "Residents met on Monday.\n\n"
        'Mary Jones, who lives nearby, said: "We will fight this all the way."\n'
        '"It is the best we have ever made.\nThe phone has a 6.1" screen.'
    )
    assert len(paragraphs(text)) == 5
    jones = _person(text, "Mary Jones", "Mary Jones")
    (fight,) = [q for q in find_quotes(text, [jones]) if q.text.startswith("We will fight")]
    assert fight.speaker is not None and fight.speaker.canonical == "Mary Jones"
