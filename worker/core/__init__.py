"""The functional core: decode → clean → enrich → stories → event records. No Kafka, no
global state.

The shells use only what is exported here. `Core` (its stages load spaCy) is
imported lazily, so that the event-loop process can use the light types
without loading any model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from worker.core.decode import page_text, peek_envelope, peek_site
from worker.core.errors import REASONS, PipelineError, Stage
from worker.core.limits import Limits
from worker.core.records import ATTEMPT_HEADER, deadletter_output
from worker.core.stories import (
    Member,
    Sketch,
    StoryLimits,
    StoryUpdate,
    stories_one,
    window_start,
    wrap_for_stories,
)
from worker.core.stories.urls import url_key
from worker.core.timing import StageTimer
from worker.core.types import (
    Batch,
    CoreConfig,
    DeadLetter,
    Input,
    Origin,
    Output,
    OutputKind,
    SiteObservation,
)

if TYPE_CHECKING:
    from worker.core.pipeline import Core

__all__ = [
    "ATTEMPT_HEADER",
    "REASONS",
    "Batch",
    "Core",
    "CoreConfig",
    "DeadLetter",
    "Input",
    "Limits",
    "Member",
    "Origin",
    "Output",
    "OutputKind",
    "PipelineError",
    "SiteObservation",
    "Sketch",
    "Stage",
    "StageTimer",
    "StoryLimits",
    "StoryUpdate",
    "deadletter_output",
    "page_text",
    "peek_envelope",
    "peek_site",
    "stories_one",
    "url_key",
    "window_start",
    "wrap_for_stories",
]


def __getattr__(name: str) -> Any:
    if name == "Core":
        from worker.core.pipeline import Core

        return Core
    raise AttributeError(f"module 'worker.core' has no attribute {name!r}")
