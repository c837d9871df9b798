"""The span repairs survive any spans the model may return: arbitrary spans and labels
over real article text (the gold set's articles) give mentions whose offsets hold.

The repairs take the model's spans as their input; a span that opens with a
possessive ("’s Git", of "your project’s Git repository") once made one of them fail
and sent the article to the dead-letter topic. Spans are drawn here, not read from the
model, because the model returns such shapes too rarely for any text to find them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import entity_gold
from worker.core import Core, Limits
from worker.core.entities import EntityExtractor
from worker.core.entities.spans import LABELS, Span

TEXTS = [record["text"][:3000] for record in entity_gold().values()]
_TOKEN = re.compile(r"\w+|['’][sS]\b|[^\w\s]")  # "project", "’s", "Git"


@pytest.fixture(scope="module")
def extractor(make_core: Callable[[Limits], Core]) -> EntityExtractor:
    return make_core(Limits()).entities


@st.composite
def _spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    """A text and non-overlapping spans of whole tokens over it (the model's spans start
    and end at tokens: words and marks), each of a label the model gives."""
    text = draw(st.sampled_from(TEXTS))
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    starts = sorted(draw(st.sets(st.integers(0, len(tokens) - 1), max_size=40)))
    spans: list[Span] = []
    for first, after in pairwise([*starts, len(tokens)]):
        last = draw(st.integers(first, min(first + 5, after - 1)))
        label = draw(st.sampled_from(sorted(LABELS)))
        spans.append(Span(tokens[first][0], tokens[last][1], label))
    return text, spans


@given(drawn=_spans())
@settings(
    max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_spans_of_the_model_give_mentions_whose_offsets_hold(
    extractor: EntityExtractor, drawn: tuple[str, list[Span]]
) -> None:
    text, spans = drawn
    entities = extractor._entities("", text, [([], []), (spans, [])], None)
    for m in entities.mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
        assert m.canonical.strip()
