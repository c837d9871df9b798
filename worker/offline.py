"""`worker process`: the stream's core on files, without Kafka.

Same functions as the agents (`clean_message`, `Enricher.enrich_batch`), same
records and dead-letter reasons; only the transport differs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO

from worker.clock import utc_now
from worker.inputs import read_inputs
from worker.learning import SiteLearning
from worker.pipeline.core import Enricher, clean_message
from worker.pipeline.messages import Input, Output
from worker.settings import Settings

BATCH = 32


def _batches(items: Iterable[Input], size: int) -> Iterator[list[Input]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def process_paths(
    settings: Settings, paths: list[str], out: IO[bytes], deadletters: IO[bytes]
) -> tuple[int, int]:
    """Write one enriched event per good input to `out`, one dead letter per bad one.

    Returns (events, dead letters). Entity records are part of the enriched
    event (`entity_summary`), so they are not written separately.
    """
    enricher = Enricher(settings.nlp_model, settings.max_ner_chunk_chars, settings.limits)
    learning = SiteLearning({}, settings.boilerplate_capacity, settings.boilerplate_max_sites)
    good = bad = 0
    for batch in _batches(read_inputs(paths, settings.max_message_bytes), BATCH):
        now = utc_now()
        cleaned: list[Input] = []
        results = [
            clean_message(i, limits=settings.limits, now=now) for i in learning.prepare(batch)
        ]
        learning.learn(results)
        for item, (output,) in zip(batch, results, strict=True):
            if output.kind == "deadletter":
                deadletters.write(output.value + b"\n")
                bad += 1
            else:
                cleaned.append(Input(output.value, item.origin, item.default_id))
        for outputs in enricher.enrich_batch(cleaned, now=now):
            good, bad = _write(outputs, out, deadletters, good, bad)
    return good, bad


def _write(
    outputs: list[Output], out: IO[bytes], deadletters: IO[bytes], good: int, bad: int
) -> tuple[int, int]:
    for output in outputs:
        if output.kind == "enriched":
            out.write(output.value + b"\n")
            good += 1
        elif output.kind == "deadletter":
            deadletters.write(output.value + b"\n")
            bad += 1
    return good, bad
