"""Watch the event loop for blocking: the agents promise it never stalls heartbeats.

A task sleeps for a short interval over and over; how much later than asked it
wakes up is the time something held the loop. The figure goes to Prometheus
(`worker_event_loop_lag_seconds`, `worker_event_loop_lag_max_seconds`) and
the throughput benchmark reads it under full load.
"""

from __future__ import annotations

import asyncio

from worker.stream import metrics


async def watch(interval_s: float = 0.05) -> None:
    """Record the loop's lag every `interval_s` seconds, until cancelled."""
    loop = asyncio.get_running_loop()
    worst = 0.0
    while True:
        asked = loop.time()
        await asyncio.sleep(interval_s)
        lag = max(0.0, loop.time() - asked - interval_s)
        metrics.EVENT_LOOP_LAG.observe(lag)
        if lag > worst:
            worst = lag
            metrics.EVENT_LOOP_LAG_MAX.set(lag)
