"""The bare core over messages in this process, as the benchmarks time it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from worker.clock import utc_now
from worker.core import Batch, Core, Input, Origin, StageTimer


def enriched_batches(
    core: Core, messages: Sequence[tuple[str, bytes]], timer: StageTimer | None = None
) -> Iterator[Batch]:
    """Each batch of 16 messages cleaned, then its cleaned events enriched: the enrich `Batch`."""
    for start in range(0, len(messages), 16):
        batch = [Input(value, Origin(path=key), key) for key, value in messages[start : start + 16]]
        cleaned = [
            Input(output.value, item.origin, item.default_id)
            for item, (output,) in zip(
                batch, core.clean(batch, {}, now=utc_now()).outputs, strict=True
            )
            if output.kind == "cleaned"
        ]
        yield core.enrich(cleaned, now=utc_now(), timer=timer)
