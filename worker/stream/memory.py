"""Memory of the pool processes, for `/metrics` (the Prometheus client's own process
collector only sees the event-loop process, and the models live in the pool).

Read from Linux's /proc: the children of this process and their resident set
size. Elsewhere nothing is reported.
"""

from __future__ import annotations

import os
from pathlib import Path

from worker.stream import metrics

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def children_rss_bytes(pid: int | None = None) -> int:
    """Total resident memory of the direct children of `pid` (this process by default)."""
    tasks = Path(f"/proc/{pid or os.getpid()}/task")
    total = 0
    try:
        children = {
            int(c) for task in tasks.iterdir() for c in (task / "children").read_text().split()
        }
    except OSError:
        return 0
    for child in children:
        try:
            total += int(Path(f"/proc/{child}/statm").read_text().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            continue  # exited while we looked
    return total


async def update() -> None:
    metrics.POOL_MEMORY_BYTES.set(children_rss_bytes())
