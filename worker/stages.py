"""The core's run order, written once for both shells.

clean: the learned state of the batch's sites in → `Core.clean` → what it
observed learned; enrich: `Core.enrich`, each enriched event wrapped with its
story sketch; stories: each sketched event against the story index, one at a
time, each decision recorded before the next. The stream runs each step in
its own agent (topics apart), `worker process` runs them back to back; both
go through this class, over a runner that is the process pool in the stream
and the current process offline. The stories step runs where the index is.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import Any, Literal

from worker.core import Batch, Input, Output, Sketch, stories_one, wrap_for_stories
from worker.learning import SiteLearning
from worker.names import NameMemory
from worker.stories import StoryIndex

StageName = Literal["clean", "enrich"]
# What the stream learned that a stage needs: per site, its boilerplate fingerprints
# (clean); per one-word name of the batch, what the name book knows (enrich).
State = Mapping[str, Any]

Runner = Callable[[StageName, list[Input], State, str], Awaitable[tuple[Batch, dict[str, float]]]]
Seconds = dict[str, float]


class Stages:
    """Runs the core's stages in order, keeping the learned state between batches."""

    def __init__(
        self, run: Runner, learning: SiteLearning, names: NameMemory, stories: StoryIndex
    ) -> None:
        self._run = run
        self.learning = learning
        self.names = names
        self.index = stories

    async def clean(self, items: list[Input], now: str) -> tuple[list[list[Output]], Seconds]:
        """Raw inputs → one cleaned event or dead letter each; learns each site's boilerplate."""
        batch, seconds = await self._run("clean", items, self.learning.known(items), now)
        self.learning.learn(batch.observations)
        return batch.outputs, seconds

    async def enrich(self, items: list[Input], now: str) -> tuple[list[list[Output]], Seconds]:
        """Cleaned events → entity records and the enriched event with its sketch (`sketched`,
        for the stories step), or a dead letter, each; what the stream knows of their
        one-word names in, what they were sure of learned."""
        batch, seconds = await self._run("enrich", items, self.names.known(items, now), now)
        self.names.learn(
            (
                (self.names.slot(item), output.key.decode(), sighting)
                for item, result, sure in zip(items, batch.outputs, batch.names, strict=True)
                for output in result
                if output.kind == "enriched"
                for sighting in sure
            ),
            now,
        )
        sketches: Iterator[Sketch] = iter(batch.sketches)
        outputs = [
            [wrap_for_stories(o, next(sketches)) if o.kind == "enriched" else o for o in result]
            for result in batch.outputs
        ]
        return outputs, seconds

    async def stories(self, items: list[Input], now: str) -> tuple[list[list[Output]], Seconds]:
        """Sketched events → the enriched event with its `story` and the story's state each."""
        started = time.perf_counter()
        results = []
        for item in items:
            outputs, update = stories_one(item, self.index, self.index.limits, now)
            if update is not None:
                self.index.record(update)
            results.append(outputs)
        return results, {"stories": time.perf_counter() - started}
