"""The simulators' HTTP side: the platform's :class:`~ocpi_sdk.server.OcpiServer` served by
Starlette under ``/ocpi`` (and ``/ocpi/alt``, where the ``link_other_path`` fault points), with
the named faults applied around it: failing answers before the server sees a request, and
reshaped answers (Links, errors, version details) after."""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ocpi_sdk import envelope as status
from ocpi_sdk.envelope import envelope
from ocpi_sdk.openapi import openapi_route
from ocpi_sdk.server import IncomingRequest, OutgoingResponse
from ocpi_sdk.server.starlette import METHODS, incoming
from ocpi_sdk.sim.platform import Platform

JSON = "application/json"


class SimApp:
    """The HTTP side of a :class:`Platform`."""

    def __init__(self, platform: Platform) -> None:
        self.platform = platform
        routes = [
            # the platform's own OpenAPI document (ocpi_sdk.openapi), public like a versions list
            openapi_route(platform.role.lower(), platform.versions, root_path="/ocpi"),
            Route("/ocpi/alt/{path:path}", self.endpoint, methods=METHODS),
            Route("/ocpi/{path:path}", self.endpoint, methods=METHODS),
        ]
        self.app = Starlette(
            routes=routes,
            middleware=[Middleware(_Counter, platform=platform)],
            exception_handlers={404: self.not_found, 405: self.not_found},
        )
        self._link_turn = 0
        self._refusal_turn = 0

    async def not_found(self, request: Request, exc: Any) -> Response:
        body = envelope(None, status.GENERIC_CLIENT_ERROR, f"no such endpoint: {request.url.path}")
        return Response(json.dumps(body), status_code=404, media_type=JSON)

    async def endpoint(self, request: Request) -> Response:
        ours = incoming(request, request.path_params.get("path", ""))
        early = await self._before(ours)
        answer = early or await self.platform.server.handle(ours)
        if early is None:
            answer = self._after(ours, answer)
        return Response(answer.body, status_code=answer.status, headers=answer.headers)

    # ---- faults before the server ---------------------------------------------------------

    async def _before(self, request: IncomingRequest) -> OutgoingResponse | None:
        faults = self.platform.faults
        if not faults.names:
            return None
        if faults.shaping("slow"):
            await asyncio.sleep(0.02)
        fault = faults.failing(request.method, request.url)
        if fault == "rate_limit":
            return OutgoingResponse(429, {"Retry-After": "0"}, b"rate limited")
        if fault == "server_error":
            return OutgoingResponse(faults.choice([500, 503]), {}, b"server error")
        if fault == "truncated":
            return OutgoingResponse(200, {"Content-Type": JSON}, b'{"data": [{"id": "tr')
        if fault == "not_json":
            page = b"<html><body>Bad Gateway</body></html>"
            return OutgoingResponse(200, {"Content-Type": "text/html"}, page)
        if fault == "reject_post":
            return OutgoingResponse(503, {}, b"unavailable")
        refused = self._token_refused(request)
        if refused is not None:
            return refused
        if "redirect_slash" in faults and request.method == "GET":
            parts = request.path.strip("/").split("/")
            if (
                len(parts) == 2
                and parts[1] not in ("credentials",)
                and not request.path.endswith("/")
            ):
                faults.shaping("redirect_slash")
                url, _, query = request.url.partition("?")
                return OutgoingResponse(
                    307, {"Location": url + "/" + ("?" + query if query else "")}, b""
                )
        return None

    def _token_refused(self, request: IncomingRequest) -> OutgoingResponse | None:
        """``plain_token``: a 2.2+ base64 token refused (401, or HTTP 200 with OCPI 3000 with
        ``token_status_200``), so the client falls back to the plain token."""
        faults = self.platform.faults
        if "plain_token" not in faults:
            return None
        header = request.header("Authorization") or ""
        raw = header[6:].strip() if header[:6].lower() == "token " else header
        try:
            decoded = base64.b64decode(raw, validate=True).decode()
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
        if not self.platform.partners.knows(decoded):
            return None
        faults.shaping("plain_token")
        ways = [n for n in ("token_status_200", "error_not_envelope") if n in faults] + ["401"]
        self._refusal_turn += 1
        way = ways[self._refusal_turn % len(ways)]
        if way == "token_status_200" and faults.shaping(way):
            body = envelope(None, status.GENERIC_SERVER_ERROR, "invalid token encoding")
            return OutgoingResponse(200, {"Content-Type": JSON}, json.dumps(body).encode())
        if way == "error_not_envelope" and faults.shaping(way):
            detail = json.dumps({"detail": "Invalid token"}).encode()
            return OutgoingResponse(403, {"Content-Type": JSON}, detail)
        body = envelope(None, status.GENERIC_CLIENT_ERROR, "this partner wants the plain token")
        return OutgoingResponse(401, {"Content-Type": JSON}, json.dumps(body).encode())

    # ---- faults after the server -----------------------------------------------------------

    def _after(self, request: IncomingRequest, answer: OutgoingResponse) -> OutgoingResponse:
        faults = self.platform.faults
        if not faults.names:
            return answer
        headers = dict(answer.headers)
        body = answer.body
        if "Link" in headers:
            headers["Link"] = self._link(headers["Link"])
        parts = request.path.strip("/").split("/")
        details = len(parts) == 1 and parts[0] in self.platform.versions and answer.status == 200
        if details and ("custom_module" in faults or "redirect_slash" in faults):
            body = self._details(body)
        if answer.status >= 400 and faults.shaping("error_not_envelope"):
            message = json.loads(body).get("status_message", "error") if body else "error"
            body = json.dumps({"detail": message}).encode()
            return OutgoingResponse(
                403 if answer.status == 401 else answer.status, {"Content-Type": JSON}, body
            )
        return OutgoingResponse(answer.status, headers, body)

    def _link(self, link: str) -> str:
        faults = self.platform.faults
        active = [
            name
            for name in ("link_other_path", "broken_link", "link_other_origin")
            if name in faults
        ]
        if not active:
            return link
        self._link_turn += 1
        name = active[self._link_turn % len(active)]
        faults.shaping(name)
        if name == "link_other_path":
            return link if "/ocpi/alt/" in link else link.replace("/ocpi/", "/ocpi/alt/", 1)
        if name == "broken_link":
            return link.replace("<http://", "<https://", 1)
        base = self.platform.base_url
        return link.replace(
            base, base.replace("127.0.0.1", "127.0.0.2").replace(".test", "-other.test"), 1
        )

    def _details(self, body: bytes) -> bytes:
        faults = self.platform.faults
        document = json.loads(body)
        endpoints = document["data"]["endpoints"]
        if faults.shaping("redirect_slash"):
            for endpoint in endpoints:
                endpoint["url"] = endpoint["url"].rstrip("/") + "/"
        if faults.shaping("custom_module"):
            custom = {"identifier": "x-sim-custom", "url": self.platform.base_url + "/custom"}
            if any("role" in e for e in endpoints):
                custom["role"] = "SENDER"
            endpoints.append(custom)
        return json.dumps(document).encode()


class _Counter:
    """ASGI middleware counting the HTTP requests a platform receives."""

    def __init__(self, app: Any, platform: Platform) -> None:
        self.app = app
        self.platform = platform

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.platform.received += 1
        await self.app(scope, receive, send)
