"""Running a simulator as a real HTTP server on loopback (uvicorn), in a background thread or in
the foreground for ``ocpi sim``."""

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


class RunningServer:
    """A simulator served by uvicorn in a background thread; ``stop()`` shuts it down."""

    def __init__(self, platform: Platform, *, host: str = LOOPBACK, port: int = 0) -> None:
        self.platform = platform
        self.host = host
        self.port = port or free_port(host)
        platform.base_url = f"http://{host}:{self.port}"
        config = uvicorn.Config(
            build_app(platform), host=host, port=self.port, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self._run, name=f"sim-{platform.role}", daemon=True)
        self.loop: asyncio.AbstractEventLoop | None = None

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self.server.serve())
            pending = [t for t in asyncio.all_tasks(self.loop) if not t.done()]
            for task in pending:  # background work (command results, charging runs) ends here
                task.cancel()
            if pending:
                self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        finally:
            self.loop.close()

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


def serve_forever(platform: Platform, *, host: str = LOOPBACK, port: int) -> None:
    """Serve ``platform`` in the foreground until interrupted."""
    platform.base_url = f"http://{host}:{port}"
    uvicorn.run(build_app(platform), host=host, port=port, log_level="warning", lifespan="off")
