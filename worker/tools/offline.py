"""`worker process`: the stream's core on files, without Kafka.

The same `Stages` as the agents (clean with the learned state of each site,
then enrich), the same records and dead-letter reasons; only the transport
differs: the steps run in this process, and the learned state is a dict kept
across the files of one run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO

from worker.clock import utc_now
from worker.core import Batch, DeadLetter, Input, Output
from worker.learning import SiteLearning
from worker.settings import Settings
from worker.stages import StageName, Stages, State
from worker.stream.executor import init_process, run_slice
from worker.tools.inputs import read_inputs

BATCH = 32


def _batches(items: Iterable[Input], size: int) -> Iterator[list[Input]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


async def _here(
    stage: StageName, items: list[Input], state: State, now: str
) -> tuple[Batch, dict[str, float]]:
    return run_slice(stage, items, state, now)


def process_paths(
    settings: Settings, paths: list[str], out: IO[bytes], deadletters: IO[bytes]
) -> tuple[int, int]:
    """Write one enriched event per good input to `out`, one dead letter per bad one.

    Returns (events, dead letters). Entity records are part of the enriched
    event (`entity_summary`), so they are not written separately.
    """
    init_process(
        settings.core,
        watch_parent=False,
    )
    learning = SiteLearning({}, settings.boilerplate_capacity, settings.boilerplate_max_sites)
    return asyncio.run(_process(Stages(_here, learning), settings, paths, out, deadletters))


async def _process(
    stages: Stages, settings: Settings, paths: list[str], out: IO[bytes], deadletters: IO[bytes]
) -> tuple[int, int]:
    counts = {"good": 0, "bad": 0}
    for batch in _batches(read_inputs(paths, settings.max_message_bytes), BATCH):
        now = utc_now()
        cleaned, _ = await stages.clean(batch, now)
        survivors = [
            Input(output.value, item.origin, item.default_id)
            for item, (output,) in zip(batch, cleaned, strict=True)
            if not _write(output, out, deadletters, counts)
        ]
        enriched, _ = await stages.enrich(survivors, now)
        for outputs in enriched:
            for output in outputs:
                _write(output, out, deadletters, counts)
    return counts["good"], counts["bad"]


def _write(output: Output, out: IO[bytes], deadletters: IO[bytes], counts: dict[str, int]) -> bool:
    """Write an enriched event or a dead letter; True when `output` was one of them."""
    if isinstance(output, DeadLetter):
        deadletters.write(output.value + b"\n")
        counts["bad"] += 1
        return True
    if output.kind == "enriched":
        out.write(output.value + b"\n")
        counts["good"] += 1
        return True
    return False
