"""Small HTTP servers on loopback for client tests that need a real socket: each records every
request it gets, and answers through a function that writes the raw response itself (so it can
redirect, drip a body slowly, or send a gzip bomb)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import attrs
import orjson


@attrs.define
class Seen:
    """One request a loopback server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Answer = Callable[[BaseHTTPRequestHandler, Seen], None]


@attrs.define
class Loopback:
    url: str
    seen: list[Seen]
    answer: Answer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    loopback: Loopback


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        return

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        seen = Seen(self.command, self.path, dict(self.headers.items()), body)
        self.server.loopback.seen.append(seen)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.server.loopback.answer(self, seen)  # the client may hang up (a limit it keeps)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle


@contextmanager
def serve(answer: Answer) -> Iterator[Loopback]:
    """A server on 127.0.0.1 (a free port) answering with ``answer`` until the block ends."""
    server = _Server(("127.0.0.1", 0), _Handler)
    loopback = Loopback(f"http://127.0.0.1:{server.server_address[1]}", [], answer)
    server.loopback = loopback
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield loopback
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def reply(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: Any = b"",
    headers: dict[str, str] | None = None,
) -> None:
    """Write a whole response: ``body`` as bytes, or as JSON when it is not bytes."""
    content = body if isinstance(body, bytes) else orjson.dumps(body)
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    if not isinstance(body, bytes):
        handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(content)))
    handler.end_headers()
    handler.wfile.write(content)
    handler.wfile.flush()


def envelope(data: Any = None, code: int = 1000, message: str = "OK") -> dict[str, Any]:
    """An OCPI response envelope."""
    body: dict[str, Any] = {
        "status_code": code,
        "status_message": message,
        "timestamp": "2024-01-01T00:00:00Z",
    }
    if data is not None:
        body["data"] = data
    return body
