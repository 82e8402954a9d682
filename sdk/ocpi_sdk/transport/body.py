"""Reading a response body within the client's limits, without I/O.

The drivers feed the chunks they read to a :class:`BodyReader`; it decompresses gzip and deflate
itself, in bounded steps, so a gzip bomb stops at ``max_bytes`` instead of filling the memory,
and it stops a body that is still arriving at the call's deadline.
"""

from __future__ import annotations

import time
import zlib
from typing import Any

import httpx

from ocpi_sdk.errors import DeadlineExceededError, InvalidResponseError, ResponseTooLargeError

STEP = 1024 * 1024  # decompress at most this much per step
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
_GZIP = ("gzip", "x-gzip")


class BodyReader:
    """Collects one response's body: ``feed`` each chunk, then ``finish``.

    ``raw`` says whether the driver must feed the bytes as received (``iter_raw``: identity,
    gzip and deflate, decoded here) or already decoded (``iter_bytes``: any other encoding,
    decoded by httpx; the size is then checked after each decoded chunk).
    """

    def __init__(
        self, response: httpx.Response, max_bytes: int | None, deadline: float | None
    ) -> None:
        self.response = response
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.chunks: list[bytes] = []  # joined once at the end: one copy of the body
        self.size = 0
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        self.raw = encoding in ("", "identity", *_WBITS)
        self.compressed = encoding in _WBITS
        self._decoder = zlib.decompressobj(_WBITS[encoding]) if encoding in _GZIP else None
        # deflate comes with or without the zlib header: told apart by its first two bytes
        self._undecided: bytearray | None = bytearray() if encoding == "deflate" else None
        declared = response.headers.get("Content-Length", "")
        if (
            max_bytes is not None
            and not self.compressed
            and declared.isdigit()
            and int(declared) > max_bytes
        ):
            raise self._too_large(f"Content-Length {declared}")

    def read_already(self) -> bool:
        """Whether the response came with its body read (a transport that does not stream,
        like httpx's ``MockTransport``): the size limit is then checked on that body."""
        if not self.response.is_stream_consumed:
            return False
        if self.max_bytes is not None and len(self.response.content) > self.max_bytes:
            raise self._too_large(f"{len(self.response.content)} bytes")
        return True

    def feed(self, chunk: bytes) -> None:
        """Add one chunk; raises as soon as a limit is passed."""
        if self._undecided is not None:
            self._undecided += chunk
            if len(self._undecided) < 2:
                return
            chunk = self._decide()
        if self._decoder is None:
            self._add(chunk)
        else:
            data = chunk
            while data:
                self._add(self._decompress(self._decoder, data))
                data = self._decoder.unconsumed_tail
        self.check_deadline()

    def _decide(self) -> bytes:
        """The deflate decoder for what came so far (zlib header or raw), and those bytes."""
        pending = bytes(self._undecided or b"")
        self._undecided = None
        wrapped = zlib_header(pending)
        self._decoder = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        return pending

    def _decompress(self, decoder: Any, data: bytes) -> bytes:
        try:
            out: bytes = decoder.decompress(data, STEP)
        except zlib.error as exc:
            raise InvalidResponseError(
                f"the body cannot be decompressed: {exc}", **self._context()
            ) from None
        return out

    def finish(self) -> bytes:
        """The whole (decoded) body."""
        if self._undecided is not None:
            if not self._undecided:
                return b""
            self.feed(self._decide())
        if self._decoder is not None:
            try:
                self._add(self._decoder.flush())
            except zlib.error as exc:
                raise InvalidResponseError(
                    f"the body cannot be decompressed: {exc}", **self._context()
                ) from None
        return b"".join(self.chunks)

    def check_deadline(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise deadline_error(self.response.request, self.size)

    def _add(self, data: bytes) -> None:
        self.chunks.append(data)
        self.size += len(data)
        if self.max_bytes is not None and self.size > self.max_bytes:
            raise self._too_large(f"{self.size} bytes decoded so far")

    def _too_large(self, seen: str) -> ResponseTooLargeError:
        return ResponseTooLargeError(
            f"the response body is larger than the limit of {self.max_bytes} bytes "
            f"({seen}; see Limits.max_body_bytes)",
            **self._context(),
        )

    def _context(self) -> dict[str, Any]:
        request = self.response.request
        return {
            "method": request.method,
            "url": str(request.url),
            "http_status": self.response.status_code,
            "request_id": request.headers.get("X-Request-ID"),
            "correlation_id": request.headers.get("X-Correlation-ID"),
        }


def zlib_header(data: bytes) -> bool:
    """Whether ``data`` starts with a zlib header (RFC 1950 2.2: method 8, check bits): how a
    ``deflate`` body tells the zlib format the spec names from the raw deflate some send."""
    return len(data) >= 2 and data[0] & 0x0F == 8 and ((data[0] << 8) | data[1]) % 31 == 0


def deadline_error(request: httpx.Request, received: int | None = None) -> DeadlineExceededError:
    """The error of a call stopped at its deadline."""
    got = f" after {received} bytes of the body" if received else ""
    return DeadlineExceededError(
        f"the call passed its deadline{got} (see Limits.deadline)",
        method=request.method,
        url=str(request.url),
        request_id=request.headers.get("X-Request-ID"),
        correlation_id=request.headers.get("X-Correlation-ID"),
    )


def capped_timeout(timeout: httpx.Timeout, remaining: float) -> dict[str, float | None]:
    """``timeout`` with no part longer than the time left before the deadline."""

    def cap(value: float | None) -> float:
        return max(min(value if value is not None else remaining, remaining), 0.001)

    return httpx.Timeout(
        connect=cap(timeout.connect),
        read=cap(timeout.read),
        write=cap(timeout.write),
        pool=cap(timeout.pool),
    ).as_dict()
