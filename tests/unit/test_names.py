"""Names across the stream: what an article is sure of, what the book lends, what it refuses,
and how the book stays bounded."""

from __future__ import annotations

import orjson

from worker.core import Input, Origin
from worker.core.entities.summary import summarize
from worker.core.names import KnownName, NameSighting, recall, sightings
from worker.core.types import Entities, EntitySummary, Mention
from worker.names import NameLimits, NameMemory, candidate_words

NOW = "2026-11-30T12:00:00Z"


def _entities(*names: tuple[str, str, int]) -> Entities:
    """An article's entities: (canonical, label, mentions), each mention at its own offset."""
    mentions, summary = [], []
    for n, (canonical, label, count) in enumerate(names):
        key = f"{label}:{canonical.lower().replace(' ', '-')}"
        for i in range(count):
            start = 100 * n + 10 * i
            mentions.append(
                Mention(canonical, label, start, start + len(canonical), canonical, key)
            )
        summary.append(
            EntitySummary(key, canonical, label, count, 100 * n, False, n == 0, 1 / (n + 1))
        )
    return Entities(tuple(mentions), (), tuple(summary))


def _book(*names: tuple[str, str, str, int]) -> dict[str, tuple[KnownName, ...]]:
    book: dict[str, list[KnownName]] = {}
    for word, canonical, label, articles in names:
        key = f"{label}:{canonical.lower().replace(' ', '-')}"
        book.setdefault(word, []).append(KnownName(canonical, key, label, articles, NOW))
    return {word: tuple(known) for word, known in book.items()}


def test_an_article_is_sure_of_full_names_and_of_organisations_it_names_often() -> None:
    article = _entities(("John Q. Smith", "PERSON", 1), ("Acmex", "ORG", 3), ("Globex", "ORG", 1))
    assert sightings(article) == [
        NameSighting("smith", "John Q. Smith", "PERSON:john-q.-smith", "PERSON"),
        NameSighting("acmex", "Acmex", "ORG:acmex", "ORG"),
    ]


def test_a_surname_alone_gets_the_one_full_name_the_stream_knows() -> None:
    article = _entities(("Smith", "PERSON", 2), ("London", "GPE", 1))
    recalled = recall(article, _book(("smith", "John Smith", "PERSON", 3)))
    smith = recalled.summary[0]
    assert (smith.canonical, smith.entity_key, smith.canonical_source) == (
        "John Smith",
        "PERSON:john-smith",
        "stream",
    )
    assert {m.canonical for m in recalled.mentions if m.label == "PERSON"} == {"John Smith"}
    assert all(m.text == "Smith" for m in recalled.mentions if m.label == "PERSON")  # text kept
    assert recalled.summary[1] == article.summary[1]


def test_two_candidates_or_too_few_articles_lend_nothing() -> None:
    article = _entities(("Smith", "PERSON", 1))
    two = _book(("smith", "John Smith", "PERSON", 5), ("smith", "Jane Smith", "PERSON", 1))
    assert recall(article, two) == article
    assert recall(article, _book(("smith", "John Smith", "PERSON", 1))) == article


def test_a_bare_brand_taken_for_a_person_gets_the_streams_label_only_without_context() -> None:
    book = _book(("acmex", "Acmex", "ORG", 4))
    once = recall(_entities(("Acmex", "PERSON", 1)), book)
    assert [(s.label, s.entity_key, s.canonical_source) for s in once.summary] == [
        ("ORG", "ORG:acmex", "stream")
    ]
    often = _entities(("Acmex", "PERSON", 3))  # the article's own context says person
    assert recall(often, book) == often


def test_places_are_never_renamed_from_people() -> None:
    article = _entities(("Jordan", "GPE", 1))
    assert recall(article, _book(("jordan", "Michael Jordan", "PERSON", 9))) == article


def test_book_counts_articles_forgets_after_the_window_and_keeps_its_caps() -> None:
    memory = NameMemory({}, NameLimits(window_days=30, per_word=2, max_words=2))
    john = NameSighting("smith", "John Smith", "PERSON:john-smith", "PERSON")
    jane = NameSighting("smith", "Jane Smith", "PERSON:jane-smith", "PERSON")
    memory.learn([(0, "a1", john)], "2026-10-01T00:00:00Z")
    memory.learn([(0, "a2", john), (0, "a2", jane)], "2026-11-20T00:00:00Z")
    memory.learn(
        [(0, "a2", john), (0, "a2", jane)], "2026-11-20T00:00:00Z"
    )  # redelivered: counted once
    assert [(e["canonical"], e["articles"]) for e in memory.store["smith 0"]] == [
        ("John Smith", 2),
        ("Jane Smith", 1),
    ]
    memory.learn([(0, "a3", jane)], "2026-12-25T00:00:00Z")  # John was last seen 35 days before
    assert [e["canonical"] for e in memory.store["smith 0"]] == ["Jane Smith"]
    for word in ("acmex", "globex"):
        memory.learn([(0, word, NameSighting(word, word.title(), f"ORG:{word}", "ORG"))], NOW)
    assert set(memory.store) == {"acmex 0", "globex 0"}  # "smith" updated least recently


def test_known_reads_only_the_words_the_batch_uses() -> None:
    memory = NameMemory({}, NameLimits())
    memory.learn(
        [(0, "a1", NameSighting("smith", "John Smith", "PERSON:john-smith", "PERSON"))], NOW
    )
    memory.learn([(0, "a2", NameSighting("acmex", "Acmex", "ORG:acmex", "ORG"))], NOW)
    cleaned = {"title": "Smith resigns", "body": "Smith said on Monday he would go."}
    item = Input(orjson.dumps(cleaned), Origin("cleaned", 0, 0))
    known = memory.known([item, Input(b"not json", Origin("cleaned", 0, 1))], NOW)
    assert list(known) == ["smith"] and known["smith"][0].canonical == "John Smith"
    assert candidate_words(b"[1, 2]") == set()


def test_two_workers_count_the_same_word_without_losing_each_others_articles() -> None:
    """Each worker writes the slot of the partition it owns; the table replicates whole
    entries (last write wins per key), and reading a word adds its slots up."""
    john = NameSighting("smith", "John Smith", "PERSON:john-smith", "PERSON")
    replicas: list[dict[str, object]] = [{}, {}]
    workers = [NameMemory(replica, NameLimits(), slots=2) for replica in replicas]
    on = [Input(b"{}", Origin("cleaned", partition, 7)) for partition in (0, 1, 2)]
    assert [workers[0].slot(item) for item in on] == [0, 1, 0]
    workers[0].learn([(workers[0].slot(on[0]), "a1", john)], NOW)  # at the same moment
    workers[1].learn([(workers[1].slot(on[1]), "a2", john)], NOW)
    for replica in replicas:  # each changelog record reaches both
        replica.update({**replicas[0], **replicas[1]})
    story = Input(orjson.dumps({"title": None, "body": "Smith said so."}), on[0].origin)
    for worker in workers:
        (name,) = worker.known([story], NOW)["smith"]
        assert (name.canonical, name.articles) == ("John Smith", 2)


def test_a_name_past_the_window_is_not_lent_even_before_its_word_is_written_again() -> None:
    memory = NameMemory({}, NameLimits(window_days=30))
    john = NameSighting("smith", "John Smith", "PERSON:john-smith", "PERSON")
    memory.learn([(0, "a1", john), (0, "a2", john)], "2026-10-01T00:00:00Z")
    story = Input(orjson.dumps({"title": "Smith", "body": "Smith said so."}), Origin(path="x"))
    assert memory.known([story], "2026-10-30T00:00:00Z")["smith"][0].articles == 2
    assert memory.known([story], "2026-11-01T00:00:00Z") == {}


def test_an_entity_named_by_the_stream_stays_so_when_the_summary_is_rebuilt() -> None:
    """A speaker read at a cue rebuilds the summary (`summarize`) after `recall`: the
    lent name keeps its source there, and a name the article gives itself too is the
    article's, whichever entry `recall` merged first."""
    article = _entities(("Smith", "PERSON", 2), ("John Smith", "PERSON", 1))
    (joined,) = recall(article, _book(("smith", "John Smith", "PERSON", 3))).summary
    assert (joined.canonical, joined.mentions, joined.canonical_source) == (
        "John Smith",
        3,
        "article",
    )
    lent = recall(_entities(("Smith", "PERSON", 2)), _book(("smith", "John Smith", "PERSON", 3)))
    (rebuilt,) = summarize("x" * 200, lent.mentions, (), lambda _: None)
    assert (rebuilt.canonical, rebuilt.canonical_source) == ("John Smith", "stream")
    assert sightings(lent) == []  # lent names are not learned again


def test_a_summary_entry_is_the_articles_when_one_of_its_mentions_is() -> None:
    lent = Mention("Smith", "PERSON", 0, 5, "John Smith", "PERSON:john-smith", "stream")
    own = Mention("John Smith", "PERSON", 20, 30, "John Smith", "PERSON:john-smith")
    (entry,) = summarize("x" * 40, [lent, own], (), lambda _: None)
    assert (entry.mentions, entry.canonical_source) == (2, "article")
