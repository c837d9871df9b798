"""The process pool that runs the CPU-heavy core off the event loop, and the fan-out.

Each pool process builds one `Core` and loads the NER model at start; the
agents hand it whole batches, split into one contiguous slice per process, so
that pickling and spaCy's per-call overhead are paid once per slice and a
single agent's batch uses every core. The core is imported inside the pool
processes only, so the event-loop process never loads spaCy.

Pool processes watch their parent: when it dies, however it was killed, they
exit within a second instead of living on as orphans.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from worker.clock import utc_now
from worker.core import Batch, CoreConfig, Input, Origin, StageTimer
from worker.stages import StageName, State

if TYPE_CHECKING:
    from worker.core import Core

SliceResult = tuple[Batch, dict[str, float]]  # outputs and observations, seconds per stage

# A real page run through the whole core at start, and one date string that no
# locale reads: otherwise the first HTML page, and the first page whose date
# goes to dateparser (its regexes for 200 locales compile on first use), each
# add 2 s to the latency of the first articles after a start.
_WARM_UP_PAGE = Path(__file__).parent.parent / "examples" / "putin-summit.html"
_PARENT_POLL_S = 0.5

_core: Core | None = None


def init_process(config: CoreConfig, in_pool: bool = True) -> None:
    """Build this process's core and load its models.

    A pool process also ignores Ctrl-C (shutdown is its parent's job), exits
    with its parent, and warms up, because its first articles' latency counts;
    `worker process` in the current process needs none of that.
    """
    global _core
    from worker.core import Core

    _core = Core(config)
    _core.load()
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _exit_with_parent(os.getppid())
        _warm_up()


def _warm_up() -> None:
    """A real page through both stages, and dateparser's first use (see `_WARM_UP_PAGE`)."""
    from htmldate.extractors import get_external_parser

    get_external_parser().get_date_data("warm-up 13 xyzzy")
    warm = [Input(_WARM_UP_PAGE.read_bytes(), Origin(path="warm-up"))]
    cleaned = run_slice("clean", warm, {}, utc_now())[0].outputs[0]
    run_slice("enrich", [Input(o.value, Origin(path="warm-up")) for o in cleaned], {}, utc_now())


def _exit_with_parent(parent: int) -> None:
    """End this process as soon as its parent is gone (re-parented to another pid)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_S)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def run_slice(stage: StageName, items: list[Input], state: State, now: str) -> SliceResult:
    """Run one stage of this process's core over `items`; also the offline tool's step."""
    assert _core is not None, "the process was not initialised (init_process)"
    timer = StageTimer()
    if stage == "clean":
        batch = _core.clean(items, state, now=now, timer=timer)
    else:
        batch = _core.enrich(items, state, now=now, timer=timer)
    return batch, timer.seconds


def is_ready() -> bool:
    """A no-op task: returns once the initializer (model load) has run."""
    return _core is not None


class PoolExecutor:
    """Owns the spawned pool; runs a stage over a batch on all its processes at once."""

    def __init__(self, processes: int, config: CoreConfig) -> None:
        self.processes = processes
        self.config = config
        self.ready = asyncio.Event()
        self._pool: ProcessPoolExecutor | None = None

    async def start(self) -> None:
        """Spawned (not forked) processes: forking a process that runs an event loop
        and Kafka client threads copies their locks in unknown states."""
        self._pool = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_process,
            initargs=(self.config,),
        )
        loop = asyncio.get_running_loop()
        # One task per process so that every model is loaded before we say ready.
        await asyncio.gather(
            *(loop.run_in_executor(self._pool, is_ready) for _ in range(self.processes))
        )
        self.ready.set()

    async def run(
        self, stage: StageName, items: list[Input], state: State, now: str
    ) -> tuple[Batch, dict[str, float]]:
        """One stage over `items`, sliced over the processes; results in input order."""
        await self.ready.wait()
        assert self._pool is not None
        loop = asyncio.get_running_loop()
        size = -(-len(items) // self.processes)  # ceiling division
        slices = [items[i : i + size] for i in range(0, len(items), size)]
        done = await asyncio.gather(
            *(loop.run_in_executor(self._pool, run_slice, stage, s, state, now) for s in slices)
        )
        whole, seconds = Batch([]), {}  # type: ignore[var-annotated]
        for batch, spent in done:
            whole.outputs.extend(batch.outputs)
            whole.observations.extend(batch.observations)
            whole.names.extend(batch.names)
            whole.sketches.extend(batch.sketches)
            for name, value in spent.items():
                seconds[name] = seconds.get(name, 0.0) + value
        return whole, seconds

    def stop(self) -> None:
        """Stop taking work; running slices finish or die with their process."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
