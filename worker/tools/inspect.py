"""`worker inspect`: one input through the core, as a standalone HTML page.

The quickest way to see what the pipeline makes of a page: the same article
view as the live page (`stream/live.html`, its data embedded instead of
polled), written to one file that needs no worker, broker or network.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

import orjson

from worker.core import DeadLetter
from worker.settings import Settings
from worker.stream.live import article_view, deadletter_line, page
from worker.tools.inputs import read_inputs
from worker.tools.offline import process_inputs

MAX_INPUTS = 20  # a JSONL file or archive: its first inputs only


def inspect_page(settings: Settings, path: str, body_chars: int = 200_000) -> tuple[bytes, int]:
    """The page for the inputs of `path` (at most `MAX_INPUTS`), and how many failed."""
    inputs = islice(read_inputs([path], settings.max_message_bytes), MAX_INPUTS)
    articles: list[dict[str, Any]] = []
    dead: list[dict[str, Any]] = []
    for output in process_inputs(settings, inputs):
        if isinstance(output, DeadLetter):
            dead.append(deadletter_line(None, output.value))
        else:
            articles.append(article_view(orjson.loads(output.value), body_chars))
    reasons: dict[str, int] = {}
    for line in dead:
        key = f"{line['stage']}/{line['reason']}"
        reasons[key] = reasons.get(key, 0) + 1
    data = {
        "status": {"state": "inspected", "reason": path},
        "articles": articles,
        "deadletters": {"by_reason": reasons, "latest": dead},
    }
    return page(data), len(dead)
