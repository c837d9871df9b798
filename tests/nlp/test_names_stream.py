"""Names across the stream on real text: what two articles were sure of completes a third
article's bare surname, and the quotes of that article follow the name."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from tests.conftest import SAMPLE, validate
from tests.nlp.conftest import NOW, clean_one
from worker.core import Core, Input, Limits, Origin
from worker.names import NameLimits, NameMemory

ORIGIN = Origin(path="names-test", line=None)
SHORT = (
    "Putin told reporters in Bishkek on Friday that the alliance would hold. "
    '"We will stand together," Putin said.\n\n'
    "Officials did not say when the next meeting would take place."
)


@pytest.fixture(scope="module")
def core(make_core: Any) -> Core:
    return make_core(Limits())


def _enrich(core: Core, memory: NameMemory, envelope: dict[str, Any]) -> dict[str, Any]:
    cleaned = clean_one(core, Input(orjson.dumps(envelope), ORIGIN, envelope["id"]))
    item = Input(cleaned.value, ORIGIN, envelope["id"])
    batch = core.enrich([item], memory.known([item], NOW), now=NOW)
    (outputs,), (sure,) = batch.outputs, batch.names
    memory.learn([(0, envelope["id"], s) for s in sure], NOW)
    event = orjson.loads(next(o for o in outputs if o.kind == "enriched").value)
    validate("articles.enriched", event)
    return event


def _putin(event: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {
        (m["canonical"], m["entity_key"], m["canonical_source"])
        for m in event["entities"]
        if m["text"] == "Putin"
    }


def test_a_bare_surname_gets_the_full_name_two_other_articles_were_sure_of(core: Core) -> None:
    memory = NameMemory({}, NameLimits())
    alone = _enrich(core, NameMemory({}, NameLimits()), {"id": "short-0", "text": SHORT})
    assert _putin(alone) == {("Putin", "PERSON:putin", "article")}
    sample = SAMPLE.read_text(encoding="utf-8")
    _enrich(core, memory, {"id": "sample-1", "text": sample})
    once = _enrich(core, memory, {"id": "short-1", "text": SHORT})
    assert _putin(once) == {("Putin", "PERSON:putin", "article")}  # one article is not enough
    _enrich(core, memory, {"id": "sample-2", "text": sample})
    event = _enrich(core, memory, {"id": "short-2", "text": SHORT})
    assert _putin(event) == {("Vladimir Putin", "PERSON:vladimir-putin", "stream")}
    (summary,) = [s for s in event["entity_summary"] if s["label"] == "PERSON"]
    assert (summary["canonical"], summary["canonical_source"]) == ("Vladimir Putin", "stream")
    assert {q["speaker"]["entity_key"] for q in event["quotes"]} == {"PERSON:vladimir-putin"}


def test_a_speaker_named_only_at_a_cue_is_learned_like_any_full_name(core: Core) -> None:
    """news10.com (htmldate-dev): the model calls "Kayla Cooper" a work of art; the quotation
    stage reads her at "said senior guard", and the stream learns her full name."""
    text = (
        "The Danes are blown away by the additions. “We’ve been allowed to come in here as the "
        "process has been going on but I specifically said I don’t want to see it until it’s "
        "fully done,” said senior guard Kayla Cooper. “When I came in here this morning I was "
        "so happy.”"
    )
    memory = NameMemory({}, NameLimits())
    event = _enrich(core, memory, {"id": "albany-1", "text": text})
    assert {q["speaker"]["canonical"] for q in event["quotes"]} == {"Kayla Cooper"}
    assert [(e["canonical"], e["articles"]) for e in memory.store["cooper 0"]] == [
        ("Kayla Cooper", 1)
    ]
