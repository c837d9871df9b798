"""Liveness that means progress: lag without commits for too long is unhealthy.

A process that is up but stuck (a wedged agent, a consumer that stopped
fetching after a rebalance) still answers HTTP; what gives it away is input
waiting (lag) while no offset has been committed for a while. Pure logic here,
fed by the app with the consumer's numbers, so it can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass
class Progress:
    """Per-partition lag and the time of the last commit, as seen by one worker."""

    stall_after_s: float
    started_at: float
    last_commit_at: float | None = None
    lags: dict[str, int] = field(default_factory=dict)
    committed: dict[str, int] = field(default_factory=dict)

    def update(
        self, highwaters: Mapping[str, int | None], committed: Mapping[str, int | None], now: float
    ) -> None:
        """Record the latest offsets; any committed offset that moved counts as a commit."""
        for tp, offset in committed.items():
            if offset is not None and offset > self.committed.get(tp, -1):
                self.committed[tp] = offset
                self.last_commit_at = now
        self.lags = {
            tp: max(0, (hw or 0) - (committed.get(tp) or 0)) for tp, hw in highwaters.items()
        }

    def healthy(self, now: float) -> tuple[bool, dict[str, object]]:
        """Unhealthy only when there is lag and nothing was committed for `stall_after_s`."""
        last = self.last_commit_at if self.last_commit_at is not None else self.started_at
        idle = now - last
        lag = sum(self.lags.values())
        ok = lag == 0 or idle <= self.stall_after_s
        return ok, {"lag": lag, "seconds_since_commit": round(idle, 1), "stalled": not ok}
