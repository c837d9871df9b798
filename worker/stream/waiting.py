"""The worker's pages while it waits for the brokers, before the Faust app exists.

An orchestrator probes `/health` from the start: a worker that is only waiting
for Kafka (docker-compose starts both at once) must not look dead and be
restarted. So the web server is up first: `/health` answers 200, `/ready`
503 with what it waits for, the live page shows it, `/metrics` counts the
attempts. It is closed just before Faust opens the same port.
"""

from __future__ import annotations

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from worker import __version__
from worker.stream.live import LiveFeed, Status, page


class WaitingPages:
    """A small aiohttp server with the worker's page paths, answering for a waiting worker."""

    def __init__(self, port: int, bootstrap: str) -> None:
        self.port = port
        self._waiting_for = f"waiting for the brokers at {bootstrap}"
        self.status = Status("waiting", self._waiting_for)
        self._feed = LiveFeed()
        self._runner: web.AppRunner | None = None

    def failed(self, error: BaseException) -> None:
        """Say why the last attempt failed."""
        self.status.reason = f"{self._waiting_for}: {error!r}"[:500]

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/health", self._health)
        app.router.add_get("/ready", self._ready)
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/", self._page)
        app.router.add_get("/live.json", self._live)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "0.0.0.0", self.port).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _health(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "waiting", "version": __version__})

    async def _ready(self, request: web.Request) -> web.Response:
        """The running worker's answer (`health.py`), with nothing loaded or assigned yet and
        the reason: one shape for a probe to read, whichever server answers."""
        body = {"ready": False, "models_loaded": False, "partitions": 0}
        return web.json_response({**body, "reason": self.status.reason}, status=503)

    async def _metrics(self, request: web.Request) -> web.Response:
        return web.Response(body=generate_latest(), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    async def _page(self, request: web.Request) -> web.Response:
        return web.Response(body=page(), content_type="text/html")

    async def _live(self, request: web.Request) -> web.Response:
        return web.json_response(self._feed.snapshot(self.status))
