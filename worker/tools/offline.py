"""`worker process`: the stream's core on files, without Kafka.

The same `Stages` as the agents (clean with the learned state of each site,
enrich, stories), the same records and dead-letter reasons; only the
transport differs: the steps run in this process, and the learned state and
the story index are dicts kept across the files of one run.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO

from worker.clock import utc_now
from worker.core import Batch, DeadLetter, Input, Output
from worker.learning import SiteLearning
from worker.names import NameMemory
from worker.settings import Settings
from worker.stages import StageName, Stages, State
from worker.stories import StoryIndex
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
    settings: Settings,
    paths: list[str],
    out: IO[bytes],
    deadletters: IO[bytes],
    skipped: Counter[str] | None = None,
) -> tuple[int, int]:
    """Write one enriched event per good input to `out`, one dead letter per bad one.

    Returns (events, dead letters); archive records that are not pages are
    counted in `skipped`. Entity records are part of the enriched event
    (`entity_summary`), so they are not written separately.
    """
    good = bad = 0
    inputs = read_inputs(paths, settings.max_message_bytes, skipped)
    for output in process_inputs(settings, inputs):
        if isinstance(output, DeadLetter):
            deadletters.write(output.value + b"\n")
            bad += 1
        else:
            out.write(output.value + b"\n")
            good += 1
    return good, bad


def process_inputs(settings: Settings, inputs: Iterable[Input]) -> Iterator[Output]:
    """The enriched event or the dead letter of each input, in batches, as `worker process`
    makes them (also the quality benchmarks' way through the whole pipeline)."""
    init_process(settings.core, in_pool=False)
    learning = SiteLearning({}, settings.boilerplate_capacity, settings.boilerplate_max_sites)
    names = NameMemory({}, settings.name_limits)
    stages = Stages(_here, learning, names, StoryIndex({}, settings.story_limits))
    for batch in _batches(inputs, BATCH):
        yield from asyncio.run(_process(stages, batch))


async def _process(stages: Stages, batch: list[Input]) -> list[Output]:
    now = utc_now()
    cleaned, _ = await stages.clean(batch, now)
    done: list[Output] = [o for (o,) in cleaned if isinstance(o, DeadLetter)]
    survivors = [
        Input(output.value, item.origin, item.default_id)
        for item, (output,) in zip(batch, cleaned, strict=True)
        if not isinstance(output, DeadLetter)
    ]
    enriched, _ = await stages.enrich(survivors, now)
    sketched = []
    for item, outputs in zip(survivors, enriched, strict=True):
        done += [o for o in outputs if isinstance(o, DeadLetter)]
        sketched += [
            Input(o.value, item.origin, item.default_id) for o in outputs if o.kind == "sketched"
        ]
    storied, _ = await stages.stories(sketched, now)
    for outputs in storied:
        done += [o for o in outputs if o.kind == "enriched" or isinstance(o, DeadLetter)]
    return done
