"""Serving a party's own OpenAPI document at ``/openapi.json`` from a Starlette app."""

from __future__ import annotations

import json
from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ocpi_sdk.openapi._document import document
from ocpi_sdk.schemas._files import version_sort_key

PATH = "/openapi.json"


def openapi_route(role: str, versions: Sequence[str], *, root_path: str = "/ocpi") -> Route:
    """A ``GET /openapi.json`` route answering the document of ``role`` for one of ``versions``.

    ``?version=2.2.1`` picks the version (default: the newest in ``versions``); the document's
    server is the request's own origin followed by ``root_path`` (the OCPI root of the app). An
    unknown version is answered 404 with the versions there are. The document is public: it
    describes the interfaces, never a token or an object.
    """
    offered = list(versions)

    async def endpoint(request: Request) -> Response:
        newest = max(offered, key=version_sort_key) if offered else ""
        version = request.query_params.get("version", newest)
        if version not in offered:
            message = {"error": f"no OCPI version {version!r} here", "versions": offered}
            return Response(json.dumps(message), status_code=404, media_type="application/json")
        origin = f"{request.url.scheme}://{request.url.netloc}"
        body = document(version, role, server=origin + root_path)
        return Response(json.dumps(body), media_type="application/json")

    return Route(PATH, endpoint, methods=["GET"])
