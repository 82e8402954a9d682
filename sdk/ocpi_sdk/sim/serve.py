"""Running a simulator as a real HTTP server on loopback (uvicorn), in a background thread or in
the foreground for ``ocpi sim``. Port 0 picks a free port (read it from ``.port``/``.url``)."""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import uvicorn

from ocpi_sdk.sim import build_app
from ocpi_sdk.sim.platform import Platform

LOOPBACK = "127.0.0.1"


def free_port(host: str = LOOPBACK) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: a free one); OSError when taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


KEEP_ALIVE = 30
"""Seconds a simulator keeps an idle connection open: longer than clients keep theirs (httpx: 5 s),
so a client never sends a request on a connection the server is closing at that very moment
(at uvicorn's default of 5 s both sides expire together, and a busy run meets ReadErrors)."""


def _server(platform: Platform) -> uvicorn.Server:
    # Errors are answered as OCPI envelopes and reported as events: uvicorn's own logging
    # (tracebacks, access lines) stays off the user's terminal.
    config = uvicorn.Config(
        build_app(platform),
        log_level="critical",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=2,
        timeout_keep_alive=KEEP_ALIVE,
    )
    return uvicorn.Server(config)


class RunningServer:
    """A simulator served by uvicorn in a background thread; ``stop()`` shuts it down."""

    def __init__(self, platform: Platform, *, host: str = LOOPBACK, port: int = 0) -> None:
        self.platform = platform
        self.host = host
        self.socket = bind(host, port)
        self.port: int = self.socket.getsockname()[1]
        platform.base_url = f"http://{host}:{self.port}"
        self.server = _server(platform)
        self.thread = threading.Thread(target=self._run, name=f"sim-{platform.role}", daemon=True)
        self.loop: asyncio.AbstractEventLoop | None = None

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self.server.serve(sockets=[self.socket]))
            pending = [t for t in asyncio.all_tasks(self.loop) if not t.done()]
            for task in pending:  # background work (command results, charging runs) ends here
                task.cancel()
            if pending:
                self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self.loop.run_until_complete(self.platform.aclose())
        finally:
            self.loop.close()
            self.socket.close()

    def start(self, timeout: float = 10.0) -> RunningServer:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(
                    f"the {self.platform.role} simulator did not start on {self.url}"
                )
            time.sleep(0.01)
        return self

    @property
    def url(self) -> str:
        return self.platform.base_url

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def __enter__(self) -> RunningServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_forever(platform: Platform, sock: socket.socket) -> None:
    """Serve ``platform`` on the bound ``sock`` in the foreground until interrupted."""
    server = _server(platform)

    async def run() -> None:
        try:
            await server.serve(sockets=[sock])
        finally:
            await platform.aclose()

    asyncio.run(run())
