"""A request and a response as the framework-independent core sees them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence

import attrs

BodyReader = Callable[[int], Awaitable[bytes]]
"""Reads the request body, at most the given number of bytes (raises
:class:`~ocpi_sdk.server.limits.BodyTooLarge` beyond); called only once a request is
authenticated."""


async def _no_body(limit: int) -> bytes:
    return b""


@attrs.frozen
class IncomingRequest:
    """One HTTP request: ``path`` relative to where the server is mounted (``/2.2.1/locations``),
    ``base_url`` the URL of that mount point, ``url`` the full request URL; ``headers`` with
    lower-case names."""

    method: str
    path: str
    base_url: str
    url: str
    headers: Mapping[str, str]
    query: Sequence[tuple[str, str]] = ()
    read_body: BodyReader = _no_body

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@attrs.frozen
class OutgoingResponse:
    """The HTTP status, headers and body bytes to send."""

    status: int
    headers: dict[str, str]
    body: bytes
