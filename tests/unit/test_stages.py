"""The run order both shells share: learned state in, clean, learn; then enrich."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

import orjson

from worker.core import Batch, Core, CoreConfig, Input, Limits, Origin, Output
from worker.core.names import NameSighting
from worker.core.stories import Sketch, StoryLimits
from worker.learning import SiteLearning
from worker.names import NameLimits, NameMemory
from worker.stages import StageName, Stages
from worker.stories import StoryIndex

NO_STORIES = StoryIndex({}, StoryLimits())
CORE = Core(CoreConfig(Limits(), "no-model-needed-to-clean", 10_000))
CHROME = (
    "Independent reporting like this is only possible because our readers pay for it every month."
)


TOPICS = ("the old pier", "the ferry timetable", "the fish market", "the lighthouse", "the quay")
PLACES = ("Northgate", "the Old Town", "Eastfield", "the harbour front", "Westbrook", "Southport")


def _article(n: int) -> bytes:
    # Distinct words, not numbers: fingerprints ignore digits, so "plan 1" is "plan 2".
    body = "\n\n".join(
        [
            CHROME,
            f"The harbour board met on Monday to discuss {TOPICS[n % 5]} with the council.",
            f"Residents of {PLACES[n]} said the repairs had been promised for many years now.",
        ]
    )
    envelope = {"id": f"a{n}", "url": f"https://gazette.example/{n}", "text": body}
    return orjson.dumps(envelope)


async def _clean_here(
    stage: StageName, items: list[Input], state: Mapping[str, frozenset[str]], now: str
) -> tuple[Batch, dict[str, float]]:
    seen_states.append(dict(state))
    return CORE.clean(items, state, now=now), {}


seen_states: list[dict[str, frozenset[str]]] = []


def test_a_sites_recurring_line_is_learned_across_batches_and_leaves_later_bodies() -> None:
    store: dict[str, object] = {}
    learning = SiteLearning(store, capacity=100, max_sites=10)
    stages = Stages(_clean_here, learning, NameMemory({}, NameLimits()), NO_STORIES)
    bodies = []
    for n in range(6):
        (outputs,), _ = asyncio.run(stages.clean([Input(_article(n), Origin(path=f"{n}"))], "now"))
        (output,) = outputs
        bodies.append(orjson.loads(output.value)["body"])
    assert CHROME in bodies[0]  # nothing known of the site yet
    assert CHROME not in bodies[-1] and "Southport" in bodies[-1]
    assert set(store) == {"gazette.example"}  # what was learned, stored by site
    assert seen_states[0] == {"gazette.example": frozenset()}


JOHN = NameSighting("smith", "John Smith", "PERSON:john-smith", "PERSON")


async def _enrich_here(
    stage: StageName, items: list[Input], state: Mapping[str, object], now: str
) -> tuple[Batch, dict[str, float]]:
    seen_books.append(dict(state))
    outputs = [[Output("enriched", f"a{n}".encode(), b"{}", "e")] for n, _ in enumerate(items)]
    sketches = [Sketch("sha256:0", ())] * len(items)
    return Batch(outputs, names=[(JOHN,) for _ in items], sketches=sketches), {"ner": 0.5}


seen_books: list[dict[str, object]] = []


def _cleaned(text: str) -> Input:
    return Input(orjson.dumps({"title": None, "body": text}), Origin("cleaned", 3, 0))


def test_enrich_gets_what_the_book_knows_of_its_words_and_the_book_learns() -> None:
    memory = NameMemory({}, NameLimits(), slots=2)
    stages = Stages(_enrich_here, SiteLearning({}, capacity=100, max_sites=10), memory, NO_STORIES)
    outputs, seconds = asyncio.run(stages.enrich([_cleaned("Smith spoke.")], "2026-11-30T00:00Z"))
    assert seen_books[-1] == {} and seconds == {"ner": 0.5}
    ((sketched,),) = outputs  # the enriched event goes on to the stories step with its sketch
    assert sketched.kind == "sketched" and orjson.loads(sketched.value)["event"] == {}
    asyncio.run(stages.enrich([_cleaned("Smith spoke again.")], "2026-11-30T01:00Z"))
    (known,) = seen_books[-1]["smith"]  # type: ignore[misc]
    assert (known.canonical, known.articles) == ("John Smith", 1)  # a0 counted once
    assert memory.store["smith 1"][0]["recent"] == ["a0"]  # in its partition's slot
