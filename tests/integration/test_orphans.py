"""A worker killed with SIGKILL leaves nothing behind: no pool process, no resource tracker."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from tests.integration.conftest import WorkerProcess, worker_env
from worker.tools.broker import EmbeddedBroker


def _descendants(pid: int) -> set[int]:
    """Every live process below `pid`, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # exited while we looked
            parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its parent's wait is missing


def test_sigkill_of_worker_run_leaves_no_process_of_it_10_s_later(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    proc = WorkerProcess(worker_env(broker), tmp_path / "worker.log").start()
    assert proc.process is not None
    children = _descendants(proc.process.pid)
    assert children, "the worker runs its pipeline in child processes"
    os.kill(proc.process.pid, signal.SIGKILL)
    proc.process.wait()
    time.sleep(10)
    left = sorted(pid for pid in children if _alive(pid))
    assert left == [], f"processes of the killed worker still running: {left}"
