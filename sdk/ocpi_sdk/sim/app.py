"""The simulators as ASGI apps (Starlette): versions, version details, credentials and every
module interface of the platform's role, with strict checks and optional faults."""

from __future__ import annotations

import asyncio
import copy
import json
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ocpi_sdk import envelope as status
from ocpi_sdk import packages, schemas
from ocpi_sdk.converter import parse_datetime
from ocpi_sdk.credentials import CredentialsRequest, PartnerRecord, read_token
from ocpi_sdk.envelope import envelope
from ocpi_sdk.openapi import OpenApiError, openapi_route, status_codes
from ocpi_sdk.sim import operations as ops
from ocpi_sdk.sim.platform import Platform

ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def _json(
    body: dict[str, Any], status_code: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        json.dumps(body, separators=(",", ":")),
        status_code=status_code,
        headers=headers,
        media_type="application/json",
    )


class SimApp:
    """The HTTP side of a :class:`Platform`."""

    def __init__(self, platform: Platform) -> None:
        self.platform = platform
        routes = [
            Route("/ocpi/versions", self.versions, methods=["GET"]),
            Route("/ocpi/alt/{version}/{module}", self.module, methods=ALL_METHODS),
            Route("/ocpi/alt/{version}/{module}/{rest:path}", self.module, methods=ALL_METHODS),
            Route("/ocpi/{version}", self.details, methods=["GET"]),
            Route("/ocpi/{version}/credentials", self.credentials, methods=ALL_METHODS),
            Route("/ocpi/{version}/{module}", self.module, methods=ALL_METHODS),
            Route("/ocpi/{version}/{module}/{rest:path}", self.module, methods=ALL_METHODS),
            # the platform's own OpenAPI document (ocpi_sdk.openapi), public like a versions list
            openapi_route(platform.role.lower(), platform.versions, root_path="/ocpi"),
        ]
        self.app = Starlette(
            routes=routes,
            middleware=[Middleware(_Counter, platform=platform)],
            exception_handlers={404: self.unrouted, 405: self.unrouted},
        )

    # ---- helpers -------------------------------------------------------------------------

    def respond(
        self,
        request: Request,
        data: Any = None,
        code: int = status.SUCCESS,
        message: str | None = None,
        *,
        http_status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> Response:
        faults = self.platform.faults
        if data is not None and "no_z" in faults and faults.shaping("no_z"):
            data = _strip_z(copy.deepcopy(data))
        if data is not None and "extra_fields" in faults and faults.shaping("extra_fields"):
            data = _extra_fields(copy.deepcopy(data))
        code = _known_code(code, request.path_params.get("version"))
        out = dict(headers or {})
        for name in ("X-Request-ID", "X-Correlation-ID"):
            if name in request.headers:
                out[name] = request.headers[name]
        return _json(envelope(data, code, message), http_status, out)

    def error(self, request: Request, http_status: int, code: int, message: str) -> Response:
        return self.respond(request, None, code, message, http_status=http_status)

    async def unrouted(self, request: Request, exc: Exception) -> Response:
        """A URL no route matches (or a method it lacks) still gets an OCPI envelope."""
        http_status = getattr(exc, "status_code", 404)
        return self.error(request, http_status, status.GENERIC_CLIENT_ERROR, "no such endpoint")

    def _caller(
        self, request: Request, *, allow_pending: bool
    ) -> tuple[str | None, PartnerRecord | None, str | None]:
        partners = self.platform.partners
        known = partners.knows if allow_pending else (lambda t: partners.partner(t) is not None)
        token, how = read_token(request.headers.get("Authorization"), known)
        if token is None or how is None:
            return None, None, None
        return token, partners.partner(token), how

    def _auth_error(self, request: Request, how: str | None) -> Response | None:
        if how is None:
            return self.error(request, 401, status.GENERIC_CLIENT_ERROR, "unknown or missing token")
        if "plain_token" in self.platform.faults and how == "base64":
            self.platform.faults.shaping("plain_token")
            return self.error(
                request, 401, status.GENERIC_CLIENT_ERROR, "this partner wants the plain token"
            )
        return None

    async def _failing(self, request: Request) -> Response | None:
        faults = self.platform.faults
        if "slow" in faults and faults.shaping("slow"):
            await asyncio.sleep(0.02)
        fault = faults.failing(request.method, str(request.url))
        if fault is None:
            return None
        if fault == "rate_limit":
            return Response("rate limited", status_code=429, headers={"Retry-After": "0"})
        if fault == "server_error":
            return Response("server error", status_code=faults.choice([500, 503]))
        if fault == "truncated":
            return Response('{"data": [{"id": "tr', status_code=200, media_type="application/json")
        if fault == "not_json":
            return Response(
                "<html><body>Bad Gateway</body></html>", status_code=200, media_type="text/html"
            )
        if fault == "reject_post":
            return Response("unavailable", status_code=503)
        return None

    # ---- versions, details, credentials -------------------------------------------------

    async def versions(self, request: Request) -> Response:
        _, _, how = self._caller(request, allow_pending=True)
        failure = self._auth_error(request, how) or await self._failing(request)
        if failure is not None:
            return failure
        data = [
            {"version": v, "url": self.platform.version_url(v)}
            for v in sorted(self.platform.versions, key=packages.version_key, reverse=True)
        ]
        return self.respond(request, data)

    async def details(self, request: Request) -> Response:
        version = request.path_params["version"]
        _, _, how = self._caller(request, allow_pending=True)
        failure = self._auth_error(request, how) or await self._failing(request)
        if failure is not None:
            return failure
        if version not in self.platform.versions:
            return self.error(
                request, 404, status.UNSUPPORTED_VERSION, f"no version {version} here"
            )
        data = {"version": version, "endpoints": self.platform.endpoints(version)}
        return self.respond(request, data)

    async def credentials(self, request: Request) -> Response:
        version = request.path_params["version"]
        if version not in self.platform.versions:
            return self.error(
                request, 404, status.UNSUPPORTED_VERSION, f"no version {version} here"
            )
        body = await request.body()
        reply = await self.platform.handler(version).ahandle(
            CredentialsRequest(request.method, version, request.headers.get("Authorization"), body)
        )
        if reply.partner is not None and request.method in ("POST", "PUT"):
            self.platform.emit("registered", version=version, encoding=reply.token_encoding)
            if self.platform.role == "HUB":
                from ocpi_sdk.sim.hub import client_connected

                client_connected(self.platform, version, reply.partner)
        if reply.token_encoding and reply.token_encoding != _expected_encoding(version):
            self.platform.emit("token encoding", seen=reply.token_encoding, version=version)
        headers = {
            name: request.headers[name]
            for name in ("X-Request-ID", "X-Correlation-ID")
            if name in request.headers
        }
        return _json(reply.body, reply.http_status, headers)

    # ---- modules -------------------------------------------------------------------------

    async def module(self, request: Request) -> Response:
        version = request.path_params["version"]
        module = request.path_params["module"]
        rest = request.path_params.get("rest", "")
        if version not in self.platform.versions:
            return self.error(
                request, 404, status.UNSUPPORTED_VERSION, f"no version {version} here"
            )
        _, partner, how = self._caller(request, allow_pending=False)
        failure = self._auth_error(request, how) or await self._failing(request)
        if failure is not None:
            return failure
        if packages.package(version).PROFILE.request_ids and "X-Request-ID" not in request.headers:
            return self.error(
                request, 400, status.INVALID_PARAMETERS, "missing X-Request-ID header"
            )
        if self.platform.role == "HUB" and module != "hubclientinfo":
            from ocpi_sdk.sim.hub import forward

            return await forward(self, request, version, module, rest, partner)
        found = ops.match(self.platform.served(version), module, request.method, rest)
        if found == "method":
            return self.error(
                request, 405, status.GENERIC_CLIENT_ERROR, f"{request.method} not allowed"
            )
        if found is None or isinstance(found, str):
            return self.error(
                request, 404, status.GENERIC_CLIENT_ERROR, f"no such endpoint: {module}/{rest}"
            )
        body: Any = None
        if found.operation.request_body is not None:
            raw = await request.body()
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                return self.error(request, 400, status.INVALID_PARAMETERS, "the body is not JSON")
            spec = found.operation.request_body
            if body is None and spec.required:
                return self.error(
                    request, 400, status.INVALID_PARAMETERS, f"a {spec.object} body is required"
                )
            if body is not None:
                problems = schemas.validate(
                    body, spec.object, version=version, partial=spec.partial
                )
                if problems:
                    detail = "; ".join(f"{p.path}: {p.message}" for p in problems[:10])
                    return self.error(
                        request, 400, status.INVALID_PARAMETERS, f"invalid {spec.object}: {detail}"
                    )
        query, problem = _query(found.operation, request)
        if problem:
            return self.error(request, 400, status.INVALID_PARAMETERS, problem)
        from ocpi_sdk.sim.behaviour import Call, serve

        return await serve(Call(self, request, version, found, query, body, partner))


class _Counter:
    """ASGI middleware counting the HTTP requests a platform receives."""

    def __init__(self, app: Any, platform: Platform) -> None:
        self.app = app
        self.platform = platform

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.platform.received += 1
        await self.app(scope, receive, send)


def _known_code(code: int, version: str | None) -> int:
    """``code`` when ``version`` has it, else the generic code of its class (2004 Unknown Token
    is 2000 in 2.1.1, which has no such code)."""
    try:
        codes = status_codes(version or "")
    except OpenApiError:
        return code
    if code in codes:
        return code
    generic = code // 1000 * 1000
    return generic if generic in codes else status.GENERIC_CLIENT_ERROR


def _expected_encoding(version: str) -> str:
    return "base64" if packages.package(version).PROFILE.token_encoding == "base64" else "plain"


def _query(operation: Any, request: Request) -> tuple[dict[str, Any], str | None]:
    values: dict[str, Any] = {}
    for param in operation.query_params:
        raw = request.query_params.get(param.name)
        if raw is None:
            if param.required:
                return values, f"missing query parameter {param.name}"
            continue
        schema = param.schema
        if schema.get("type") == "integer":
            try:
                values[param.name] = int(raw)
            except ValueError:
                return values, f"{param.name} must be an integer, got {raw!r}"
            if "minimum" in schema and values[param.name] < schema["minimum"]:
                return values, f"{param.name} must be at least {schema['minimum']}"
        elif str(schema.get("$ref", "")).endswith("/DateTime"):
            try:
                values[param.name] = parse_datetime(raw)
            except (TypeError, ValueError):
                return values, f"{param.name} is not an OCPI DateTime: {raw!r}"
        else:
            values[param.name] = raw
    return values, None


def _strip_z(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_z(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip_z(v) for v in value]
    if isinstance(value, str) and len(value) >= 20 and value.endswith("Z") and value[10:11] == "T":
        return value[:-1]
    return value


def _extra_fields(value: Any) -> Any:
    if isinstance(value, dict):
        out = {k: _extra_fields(v) for k, v in value.items()}
        out["x_sim_vendor_field"] = {"note": "a field no OCPI version defines"}
        return out
    if isinstance(value, list):
        return [_extra_fields(v) for v in value]
    return value
