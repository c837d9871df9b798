"""The stories step: an enriched event and its sketch in; the event with `story`, and
the story's state, out (or one dead letter).

The enrich stage computes the sketch in the pool and `wrap_for_stories` puts
it beside the event without parsing the event again; this step runs where
the story index is (one owner in the stream, the current process offline),
one message at a time, and returns what it decided (`StoryUpdate`) for the
shell to record before the next message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import orjson

from worker.core.errors import PipelineError
from worker.core.records import deadletter_output, event_id, payload_id
from worker.core.stories.assign import Assignment, Member, StoryView, assign
from worker.core.stories.sketch import Sketch
from worker.core.stories.state import first_state, joined_state
from worker.core.types import Input, Output


@dataclass(frozen=True, slots=True)
class StoryLimits:
    """How much the story index keeps: a time window, an article cap, members listed per story."""

    window_days: float = 7.0
    max_articles: int = 50_000
    max_members: int = 100


class StoryStates(StoryView, Protocol):
    """The index as the step reads it: members, buckets and each story's current state."""

    def story(self, story_id: str) -> dict[str, Any] | None: ...


@dataclass(frozen=True, slots=True)
class StoryUpdate:
    """What one message taught the index: its assignment and its story's new state."""

    assignment: Assignment
    state: dict[str, Any]


def wrap_for_stories(enriched: Output, sketch: Sketch) -> Output:
    """The message for the stories step: `{"sketch": ..., "event": <the enriched event>}`."""
    value = b'{"sketch":' + orjson.dumps(sketch.to_dict()) + b',"event":' + enriched.value + b"}"
    return Output("sketched", enriched.key, value, enriched.event_id)


def _parse(payload: bytes) -> tuple[dict[str, Any], Sketch]:
    try:
        doc = orjson.loads(payload)
        event, sketch = doc["event"], Sketch.from_dict(doc["sketch"])
        if not isinstance(event.get("id"), str):
            raise TypeError("event without a string id")
    except orjson.JSONDecodeError as exc:
        raise PipelineError("stories", "invalid_json", f"sketched event: {exc}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PipelineError("stories", "invalid_envelope", f"not a sketched event: {exc}") from None
    return event, sketch


def _article(event: dict[str, Any], sketch: Sketch, now: str) -> Member:
    """The event as the first member of a story of its own."""
    return Member(
        id=event["id"],
        story=event["id"],
        duplicate_of=None,
        similarity=None,
        first_seen_at=now,
        seen_at=now,
        sketch=sketch,
        site=event.get("site"),
        url=event.get("url"),
        published_at=event.get("published_at"),
        title=event.get("title"),
    )


def story_state(
    done: Assignment, view: StoryStates, limits: StoryLimits, now: str
) -> dict[str, Any]:
    """The state of the assigned member's story once it has joined."""
    member = done.member
    old = view.story(member.story)
    if old is None:
        return first_state(member, now)
    return joined_state(old, member, limits.max_members, now) if done.new else old


def stories_one(
    item: Input, view: StoryStates, limits: StoryLimits, now: str
) -> tuple[list[Output], StoryUpdate | None]:
    """The enriched event (with `story`) and the story's state, or a dead letter."""
    try:
        event, sketch = _parse(item.payload)
        done = assign(_article(event, sketch, now), view, limits.window_days)
        state = story_state(done, view, limits, now)
        event["story"] = done.member.story_fields()
        article_id, story_id = event["id"], state["id"]
        outputs = [
            Output(
                "enriched",
                article_id.encode(),
                orjson.dumps(event),
                event_id("enriched", article_id, event.get("content_hash", "")),
            ),
            Output(
                "stories",
                story_id.encode(),
                orjson.dumps(state),
                event_id("stories", story_id, f"{state['member_count']}\x1f{article_id}"),
            ),
        ]
        return outputs, StoryUpdate(done, state)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a dead letter
        article_id = item.default_id or payload_id(item.payload)
        return [deadletter_output(item, article_id, exc, "stories", now)], None
