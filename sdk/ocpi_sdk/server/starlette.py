"""The server core as a Starlette application (``pip install ocpi-sdk[server]``).

>>> app = create_app(server)                       # doctest: +SKIP
>>> Starlette(routes=[Mount("/ocpi", app=app)])    # inside your own application

Starlette is imported here only: the rest of :mod:`ocpi_sdk.server` works without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ocpi_sdk.server.core import OcpiServer
from ocpi_sdk.server.http import IncomingRequest
from ocpi_sdk.server.limits import BodyTooLarge

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def incoming(request: Request, path: str) -> IncomingRequest:
    """A Starlette request as the core's :class:`IncomingRequest` (``path`` relative to the
    application's mount point)."""
    url = str(request.url)
    no_query = url.split("?", 1)[0]
    relative = path.lstrip("/")
    base = no_query[: len(no_query) - len(relative)] if no_query.endswith(relative) else no_query

    async def read_body(limit: int) -> bytes:
        chunks = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise BodyTooLarge(f"more than {limit} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    return IncomingRequest(
        method=request.method,
        path="/" + relative,
        base_url=base.rstrip("/"),
        url=url,
        headers={k.lower(): v for k, v in request.headers.items()},
        query=list(request.query_params.multi_items()),
        read_body=read_body,
    )


def create_app(server: OcpiServer, *, debug: bool = False) -> Starlette:
    """An ASGI application serving ``server`` (mount it at the URL its versions live under,
    e.g. ``/ocpi``, or serve it alone)."""
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    async def endpoint(request: Request) -> Response:
        answer = await server.handle(incoming(request, request.path_params.get("path", "")))
        return Response(answer.body, status_code=answer.status, headers=answer.headers)

    async def not_found(request: Request, exc: Any) -> Response:
        answer = await server.handle(incoming(request, "/.."))
        return Response(answer.body, status_code=answer.status, headers=answer.headers)

    return Starlette(
        debug=debug,
        routes=[Route("/{path:path}", endpoint, methods=METHODS)],
        exception_handlers={404: not_found, 405: not_found},
    )
