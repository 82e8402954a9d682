"""The transport core, without I/O: building requests, deciding retries, reading responses.

Every call is a *flow*: a generator that yields :class:`Send` and :class:`Sleep` steps and receives
the response (or the connection error) of each ``Send``. :mod:`ocpi_sdk.transport.drivers` runs a
flow with a blocking ``httpx.Client`` or an ``httpx.AsyncClient``; nothing else differs between
the sync and async clients.
"""

from __future__ import annotations

import base64
import re
import uuid
from collections.abc import Generator, Mapping
from typing import Any, Generic, Literal, TypeVar, cast
from urllib.parse import urlsplit

import attrs
import httpx
import orjson

from ocpi_sdk import _fastjson
from ocpi_sdk.converter import json_default
from ocpi_sdk.errors import (
    ClientError,
    HttpError,
    HubError,
    InvalidResponseError,
    MethodNotAllowedError,
    NotFoundError,
    OcpiConnectionError,
    PaginationError,
    PayloadError,
    ResponseDataError,
    ServerError,
    TransportError,
    UnauthorizedError,
)
from ocpi_sdk.transport.options import RetryPolicy, Routing, ToleranceLog
from ocpi_sdk.transport.spec import OperationSpec, TokenEncoding, VersionProfile

T = TypeVar("T")

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)


@attrs.frozen
class Send:
    """Send this request; the flow receives the ``httpx.Response`` or the ``httpx`` error."""

    request: httpx.Request


@attrs.frozen
class Sleep:
    """Wait this many seconds (backoff between retries)."""

    seconds: float


Step = Send | Sleep
Flow = Generator[Step, Any, T]


@attrs.frozen
class Page(Generic[T]):
    """One page of a paginated list: its objects and the pagination headers."""

    items: list[T]
    total_count: int | None
    limit: int | None
    next_url: str | None


@attrs.frozen
class Ack:
    """The answer to a call whose response has no ``data`` (PUT, PATCH, POST of a CDR, ...).

    ``location`` is the ``Location`` header, where the spec uses one (a POSTed CDR's URL).
    """

    status_code: int
    status_message: str | None
    location: str | None = None


_LINK = re.compile(r"<\s*([^>]*)\s*>\s*;([^,]*)")
_REL_NEXT = re.compile(r"""rel\s*=\s*"?([^";]*)"?""", re.IGNORECASE)


def next_link(header: str | None) -> str | None:
    """The URL of ``rel="next"`` in a ``Link`` header (None when there is none)."""
    if not header:
        return None
    for url, params in _LINK.findall(header):
        rel = _REL_NEXT.search(params)
        if rel and "next" in rel.group(1).lower().split():
            return str(url).strip()
    return None


def encode_token(token: str, encoding: str) -> str:
    """The ``Authorization`` value: ``Token <token>``, base64-encoded for OCPI 2.2+."""
    if encoding == "base64":
        return "Token " + base64.b64encode(token.encode()).decode("ascii")
    return "Token " + token


def _other(encoding: str) -> Literal["plain", "base64"]:
    return "plain" if encoding == "base64" else "base64"


class TransportCore:
    """Everything a client does except the I/O, for one partner endpoint and one token.

    It is version-free: the version's rules come in as a :class:`VersionProfile`, its models
    through ``converter`` (the generated package's :class:`~ocpi_sdk.converter.OcpiConverter`).
    """

    def __init__(
        self,
        url: str,
        token: str,
        *,
        profile: VersionProfile,
        converter: Any,
        token_encoding: TokenEncoding | None = None,
        routing: Routing | None = None,
        correlation_id: str | None = None,
        retries: RetryPolicy | None = None,
        validate_requests: bool = True,
        validate_responses: bool = False,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.url = url
        self._token = token
        self.profile = profile
        self.converter = converter
        self.token_mode: TokenEncoding = token_encoding or "auto"
        self.encoding = profile.token_encoding if self.token_mode == "auto" else self.token_mode
        self.routing = routing
        self.correlation_id = correlation_id or str(uuid.uuid4())
        self.retries = retries or RetryPolicy()
        self.validate_requests = validate_requests
        self.validate_responses = validate_responses
        self.extra_headers = dict(headers or {})
        self.tolerated = ToleranceLog()

    def __repr__(self) -> str:
        return f"TransportCore(url={self.url!r}, version={self.profile.version!r}, token=***)"

    # ---- requests -------------------------------------------------------------------------

    def url_for(self, spec: OperationSpec, path_args: Mapping[str, str], target: str | None) -> str:
        if spec.target != "endpoint":
            return target or self.url
        path = spec.path
        for name, value in path_args.items():
            path = path.replace("{" + name + "}", _segment(value))
        base = self.url.rstrip("/")
        return f"{base}/{path}" if path else self.url

    def headers(self, spec: OperationSpec) -> dict[str, str]:
        headers = {"Authorization": encode_token(self._token, self.encoding)}
        headers["Accept"] = "application/json"
        if self.profile.request_ids:
            headers["X-Request-ID"] = str(uuid.uuid4())
            headers["X-Correlation-ID"] = self.correlation_id
        if self.routing is not None and self.profile.routing_headers and spec.routed:
            headers.update(self.routing.headers())
        headers.update(self.extra_headers)
        return headers

    def body(self, spec: OperationSpec, body: Any) -> bytes | None:
        if body is None:
            return None
        if spec.request_partial:
            data = {key: self.converter.to_dict(value) for key, value in dict(body).items()}
        else:
            data = self.converter.to_dict(body)
        if self.validate_requests and spec.request_object:
            self._check_outgoing(spec, data)
        return orjson.dumps(data, default=json_default)

    def _check_outgoing(self, spec: OperationSpec, data: Any) -> None:
        from ocpi_sdk import schemas

        if self.profile.version not in schemas.versions():
            return
        report = schemas.check(
            data,
            spec.request_object or "",
            version=self.profile.version,
            partial=spec.request_partial,
        )
        if report.errors:
            raise PayloadError(report.errors, what=f"{spec.request_object} request body")

    def request(
        self,
        spec: OperationSpec,
        *,
        path_args: Mapping[str, str] | None = None,
        query: Mapping[str, Any] | None = None,
        body: Any = None,
        target: str | None = None,
    ) -> httpx.Request:
        """The ``httpx.Request`` of one operation (no I/O)."""
        params = {k: _query_value(v) for k, v in (query or {}).items() if v is not None}
        content = self.body(spec, body)
        headers = self.headers(spec)
        if content is not None:
            headers["Content-Type"] = "application/json"
        return httpx.Request(
            spec.method,
            self.url_for(spec, path_args or {}, target),
            params=params or None,
            headers=headers,
            content=content,
        )

    # ---- sending: retries and token encoding ---------------------------------------------

    def exchange(self, spec: OperationSpec, request: httpx.Request) -> Flow[httpx.Response]:
        """Send ``request``; retry where safe; in ``auto`` token mode, try the other encoding
        once after a 401 and keep the one that works."""
        attempt = 1
        switched = False
        tried: Literal["plain", "base64"] | None = None
        while True:
            outcome = yield Send(request)
            if isinstance(outcome, Exception):
                if spec.idempotent and attempt < self.retries.attempts:
                    yield Sleep(self.retries.delay(attempt))
                    attempt += 1
                    continue
                raise OcpiConnectionError(
                    f"cannot reach the partner: {type(outcome).__name__}: {outcome}",
                    **self._context(request),
                ) from outcome
            response = cast(httpx.Response, outcome)
            status = response.status_code
            retry_after = response.headers.get("Retry-After")
            reason = None
            if status in self.retries.statuses:
                reason = f"HTTP {status}"
            elif 200 <= status < 300 and _unreadable(response):
                reason, retry_after = f"a body that is not JSON with HTTP {status}", None
            if reason and spec.idempotent and attempt < self.retries.attempts:
                self.tolerated.add(
                    "retry",
                    f"{reason}, retrying (attempt {attempt + 1} of {self.retries.attempts})",
                    method=request.method,
                    url=str(request.url),
                )
                yield Sleep(self.retries.delay(attempt, retry_after))
                attempt += 1
                continue
            if status == 401 and self.token_mode == "auto" and not switched:
                switched, tried = True, self.encoding
                self.encoding = _other(tried)
                request.headers["Authorization"] = encode_token(self._token, self.encoding)
                continue
            if switched and tried is not None:
                if status == 401:  # neither encoding works: keep ours, report the 401
                    self.encoding = tried
                else:
                    self.tolerated.add(
                        "token encoding",
                        f"the partner refused the {tried} token and accepted the "
                        f"{self.encoding} one; using it from now on",
                        method=request.method,
                        url=str(request.url),
                    )
                tried = None
            return response

    # ---- reading responses ---------------------------------------------------------------

    def _context(
        self, request: httpx.Request, response: httpx.Response | None = None
    ) -> dict[str, Any]:
        return {
            "method": request.method,
            "url": str(request.url),
            "http_status": response.status_code if response is not None else None,
            "request_id": request.headers.get("X-Request-ID"),
            "correlation_id": request.headers.get("X-Correlation-ID"),
        }

    def envelope(
        self, spec: OperationSpec, response: httpx.Response, *, raw_data: bool = False
    ) -> dict[str, Any]:
        """The checked OCPI envelope of ``response``, or the typed error it stands for.

        ``raw_data`` leaves ``data`` as :class:`~ocpi_sdk._fastjson.RawData` when the body was
        split that way (for :meth:`data`, which reads it straight into models)."""
        request = response.request
        context = self._context(request, response)
        status = response.status_code
        try:
            document = _document(response)
        except orjson.JSONDecodeError as exc:
            document = None
            if status < 400:
                raise InvalidResponseError(
                    f"the body is not JSON ({exc}): {_preview(response.content)}", **context
                ) from None
        is_envelope = isinstance(document, dict) and "status_code" in document
        if status == 401:
            raise UnauthorizedError("the partner refused our token", **context, **_ocpi(document))
        if not is_envelope:
            if status == 404:
                raise NotFoundError("no such endpoint or object", **context)
            if status == 405:
                raise MethodNotAllowedError(f"{request.method} is not allowed here", **context)
            if status >= 400:
                raise HttpError(f"HTTP error {status}: {_preview(response.content)}", **context)
            raise InvalidResponseError(
                "not an OCPI response envelope (no status_code): " + _preview(response.content),
                **context,
            )
        envelope: dict[str, Any] = document
        code = envelope.get("status_code")
        if isinstance(code, str) and code.isdigit():
            self.tolerated.add(
                "envelope", f"status_code sent as the string {code!r}", url=str(request.url)
            )
            code = envelope["status_code"] = int(code)
        if not isinstance(code, int) or isinstance(code, bool):
            raise InvalidResponseError(f"status_code {code!r} is not a number", **context)
        if "timestamp" not in envelope:
            self.tolerated.add("envelope", "no timestamp in the response", url=str(request.url))
        message = envelope.get("status_message")
        ocpi: dict[str, Any] = {"status_code": code, "status_message": message}
        text = message or "no status message"
        if status == 404:
            raise NotFoundError(f"not found: {text}", **context, **ocpi)
        if status == 405:
            raise MethodNotAllowedError(
                f"{request.method} is not allowed: {text}", **context, **ocpi
            )
        if 2000 <= code < 3000:
            raise ClientError(f"the partner rejected the request: {text}", **context, **ocpi)
        if 3000 <= code < 4000:
            raise ServerError(f"the partner failed to handle it: {text}", **context, **ocpi)
        if 4000 <= code < 5000:
            raise HubError(f"the hub could not route it: {text}", **context, **ocpi)
        if not 1000 <= code < 2000:
            raise InvalidResponseError(f"unknown OCPI status_code {code}", **context, **ocpi)
        if status >= 400:
            raise HttpError(f"HTTP {status} with a success envelope: {text}", **context, **ocpi)
        if not raw_data and isinstance(envelope.get("data"), _fastjson.RawData):
            envelope["data"] = self._parsed_data(envelope, context)
        return envelope

    def _parsed_data(self, envelope: dict[str, Any], context: dict[str, Any]) -> Any:
        try:
            return envelope["data"].parse()
        except orjson.JSONDecodeError as exc:
            raise InvalidResponseError(f"the body is not JSON ({exc})", **context) from None

    def data(self, spec: OperationSpec, response: httpx.Response, cls: Any) -> Any:
        """The typed ``data`` of a successful response (an :class:`Ack` when there is none)."""
        envelope = self.envelope(spec, response, raw_data=True)
        # The parsed body is ours now: drop it from the response, which httpx may keep alive
        # (a page of raw dicts per response would otherwise linger until a full collection).
        response.extensions.pop("ocpi_document", None)
        if spec.response_object is None or cls is None:
            return Ack(
                envelope["status_code"],
                envelope.get("status_message"),
                response.headers.get("Location"),
            )
        raw = envelope.get("data")
        context = {
            **self._context(response.request, response),
            "status_code": envelope["status_code"],
        }
        target = list[cls] if spec.response_list else cls
        if isinstance(raw, _fastjson.RawData):
            # A page read from its text by the converter's ``loads`` (straight into models on
            # its fast path) when nothing below needs it as dicts first.
            shape = b"[" if spec.response_list else b"{"
            if not self.validate_responses and raw.starts_with(shape):
                try:
                    return self.converter.loads(raw.text, target)
                except PayloadError as exc:
                    raise _data_error(exc, context) from None
            raw = self._parsed_data(envelope, context)
        if spec.response_list:
            if raw is None:
                self.tolerated.add(
                    "envelope",
                    "no data in a list response: read as empty",
                    url=str(response.request.url),
                )
                raw = []
            elif isinstance(raw, dict):
                self.tolerated.add(
                    "envelope",
                    "one object where a list was expected: read as a list of one",
                    url=str(response.request.url),
                )
                raw = [raw]
        elif raw is None:
            from ocpi_sdk.schemas import Problem

            raise ResponseDataError(
                [Problem("$.data", f"missing; expected a {spec.response_object}", "required")],
                **context,
            )
        if self.validate_responses:
            self._note_nonconformance(spec, response, raw)
        try:
            return self.converter.structure(raw, target)
        except PayloadError as exc:
            raise _data_error(exc, context) from None

    def _note_nonconformance(self, spec: OperationSpec, response: httpx.Response, raw: Any) -> None:
        from ocpi_sdk import schemas

        if self.profile.version not in schemas.versions():
            return
        items = raw if spec.response_list and isinstance(raw, list) else [raw]
        prefix = "$.data" if not spec.response_list else None
        for index, item in enumerate(items):
            path = prefix or f"$.data[{index}]"
            report = schemas.check(
                item, spec.response_object or "", version=self.profile.version, path=path
            )
            for problem in (*report.errors, *report.notes):
                self.tolerated.add(
                    "non-conforming response" if problem.severity == "error" else "response note",
                    str(problem),
                    method=response.request.method,
                    url=str(response.request.url),
                )

    def page(self, spec: OperationSpec, response: httpx.Response, cls: Any) -> Page[Any]:
        items = self.data(spec, response, cls)
        url = str(response.request.url)
        total = self._int_header(response, "X-Total-Count")
        limit = self._int_header(response, "X-Limit")
        following = next_link(response.headers.get("Link"))
        if following is not None:
            following = str(response.request.url.join(following))
            if urlsplit(following).path.rstrip("/") != urlsplit(url).path.rstrip("/"):
                self.tolerated.add(
                    "pagination",
                    f"the next-page Link is on another path ({following}); followed as given",
                    url=url,
                )
        return Page(items, total, limit, following)

    def _int_header(self, response: httpx.Response, name: str) -> int | None:
        value = response.headers.get(name)
        if value is None:
            return None
        try:
            return int(value.strip())
        except ValueError:
            self.tolerated.add(
                "pagination", f"{name} is not a number: {value!r}", url=str(response.request.url)
            )
            return None

    # ---- flows ---------------------------------------------------------------------------

    def call(
        self,
        spec: OperationSpec,
        cls: Any,
        *,
        path_args: Mapping[str, str] | None = None,
        query: Mapping[str, Any] | None = None,
        body: Any = None,
        target: str | None = None,
    ) -> Flow[Any]:
        """One request and its typed answer."""
        request = self.request(spec, path_args=path_args, query=query, body=body, target=target)
        response = yield from self.exchange(spec, request)
        return self.data(spec, response, cls)

    def fetch_page(
        self,
        spec: OperationSpec,
        cls: Any,
        *,
        query: Mapping[str, Any] | None = None,
        url: str | None = None,
    ) -> Flow[Page[Any]]:
        """The first page (``url`` None, built from ``query``) or the page at a ``Link`` URL."""
        if url is None:
            request = self.request(spec, query=query)
        else:
            request = httpx.Request(spec.method, url, headers=self.headers(spec))
        response = yield from self.exchange(spec, request)
        return self.page(spec, response, cls)

    def check_next(self, seen: set[str], page: Page[Any], request_url: str) -> str | None:
        """The next URL to fetch, or None at the end; refuses a ``Link`` loop."""
        following = page.next_url
        if following is None:
            return None
        if following in seen:
            raise PaginationError(
                f"the next-page Link repeats an earlier page: {following}", url=request_url
            )
        if not page.items:
            self.tolerated.add(
                "pagination", "an empty page with a next Link: stopped there", url=request_url
            )
            return None
        seen.add(following)
        return following


def _data_error(exc: PayloadError, context: dict[str, Any]) -> ResponseDataError:
    problems = [attrs.evolve(p, path=p.path.replace("$", "$.data", 1)) for p in exc.problems]
    return ResponseDataError(problems, **context)


def _document(response: httpx.Response) -> Any:
    """The parsed JSON body (parsed once, kept on the response)."""
    if "ocpi_document" not in response.extensions:
        response.extensions["ocpi_document"] = (
            _fastjson.read_envelope(response.content) if response.content else None
        )
    return response.extensions["ocpi_document"]


def _unreadable(response: httpx.Response) -> bool:
    """Whether a body that should be JSON is not (cut short, an HTML error page, ...)."""
    try:
        _document(response)
    except orjson.JSONDecodeError:
        return True
    return False


def _segment(value: str) -> str:
    from urllib.parse import quote

    return quote(str(value), safe="")


def _query_value(value: Any) -> str:
    from datetime import datetime

    from ocpi_sdk.converter import format_datetime

    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value.value if hasattr(value, "value") else value)


def _ocpi(document: Any) -> dict[str, Any]:
    if isinstance(document, dict) and isinstance(document.get("status_code"), int):
        return {
            "status_code": document["status_code"],
            "status_message": document.get("status_message"),
        }
    return {}


def _preview(content: bytes, limit: int = 120) -> str:
    text = content.decode("utf-8", "replace").strip()
    return repr(text if len(text) <= limit else text[:limit] + "...")


__all__ = [
    "Ack",
    "Flow",
    "Page",
    "Send",
    "Sleep",
    "TransportCore",
    "TransportError",
    "encode_token",
    "next_link",
]
