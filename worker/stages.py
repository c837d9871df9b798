"""The core's run order, written once for both shells.

clean: the learned state of the batch's sites in → `Core.clean` → what it
observed learned; enrich: `Core.enrich`. The stream runs each step in its own
agent (two topics apart), `worker process` runs both back to back; both go
through this class, over a runner that is the process pool in the stream and
the current process offline.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Literal

from worker.core import Batch, Input, Output
from worker.learning import SiteLearning
from worker.names import NameMemory

StageName = Literal["clean", "enrich"]
# What the stream learned that a stage needs: per site, its boilerplate fingerprints
# (clean); per one-word name of the batch, what the name book knows (enrich).
State = Mapping[str, Any]

Runner = Callable[[StageName, list[Input], State, str], Awaitable[tuple[Batch, dict[str, float]]]]
Seconds = dict[str, float]


class Stages:
    """Runs the core's stages in order, keeping the learned state between batches."""

    def __init__(self, run: Runner, learning: SiteLearning, names: NameMemory) -> None:
        self._run = run
        self.learning = learning
        self.names = names

    async def clean(self, items: list[Input], now: str) -> tuple[list[list[Output]], Seconds]:
        """Raw inputs → one cleaned event or dead letter each; learns each site's boilerplate."""
        batch, seconds = await self._run("clean", items, self.learning.known(items), now)
        self.learning.learn(batch.observations)
        return batch.outputs, seconds

    async def enrich(self, items: list[Input], now: str) -> tuple[list[list[Output]], Seconds]:
        """Cleaned events → enriched event and entity records, or a dead letter, each; what
        the stream knows of their one-word names in, what they were sure of learned."""
        batch, seconds = await self._run("enrich", items, self.names.known(items), now)
        for outputs, sure in zip(batch.outputs, batch.names, strict=True):
            enriched = [o for o in outputs if o.kind == "enriched"]
            if enriched and sure:
                self.names.learn(enriched[0].key.decode(), sure, now)
        return batch.outputs, seconds
