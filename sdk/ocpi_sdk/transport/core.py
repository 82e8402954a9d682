"""The transport core, without I/O: building requests, deciding retries, reading responses.

Every call is a *flow*: a generator that yields :class:`Send` and :class:`Sleep` steps and receives
the response (or the connection error) of each ``Send``. :mod:`ocpi_sdk.transport.drivers` runs a
flow with a blocking ``httpx.Client`` or an ``httpx.AsyncClient``; nothing else differs between
the sync and async clients.
"""

from __future__ import annotations

import base64
import re
import time
import uuid
from codecs import BOM_UTF8
from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast

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
    PayloadError,
    RedirectError,
    ResponseDataError,
    ServerError,
    TransportError,
    UnauthorizedError,
)
from ocpi_sdk.transport.body import deadline_error
from ocpi_sdk.transport.options import (
    Limits,
    Rejected,
    RejectedLog,
    RetryPolicy,
    Routing,
    ToleranceLog,
)
from ocpi_sdk.transport.spec import OperationSpec, TokenEncoding, VersionProfile

if TYPE_CHECKING:
    from ocpi_sdk.transport.paging import Pager

T = TypeVar("T")

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)


@attrs.frozen
class Send:
    """Send this request; the flow receives the ``httpx.Response`` (its body read) or the error.

    The driver stops reading at ``max_bytes`` of decoded body and at ``deadline`` (a
    ``time.monotonic()`` value), answering with the typed error instead of the response.
    """

    request: httpx.Request
    deadline: float | None = None
    max_bytes: int | None = None


@attrs.frozen
class Sleep:
    """Wait this many seconds (backoff between retries)."""

    seconds: float


Step = Send | Sleep
Flow = Generator[Step, Any, T]


@attrs.frozen
class Page(Generic[T]):
    """One page of a paginated list: its objects and the pagination headers.

    ``next_url`` is the page to fetch next (the partner's ``Link`` when it can be followed, else
    our own request with the next ``offset``), ``next_offset`` the offset of the first object not
    yet received; both are None on the last page. ``rejected`` holds the objects of this page
    that do not fit their model, each with its raw JSON and problems; ``duplicates`` counts the
    objects left out because an earlier page already had them.
    """

    items: list[T]
    total_count: int | None
    limit: int | None
    next_url: str | None
    rejected: list[Rejected] = attrs.field(factory=list)
    next_offset: int | None = None
    duplicates: int = 0


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


InvalidObjects = Literal["keep", "raise"]
_REDIRECTS = (301, 302, 303, 307, 308)
_ABOUT_TOKEN = re.compile(r"token|authori[sz]|credential|unauthenticated|forbidden", re.IGNORECASE)


def origin(url: str | httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port of ``url`` (the default port filled in): what a token is bound to."""
    parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
    port = parsed.port or {"http": 80, "https": 443}.get(parsed.scheme)
    return parsed.scheme.lower(), parsed.host.lower(), port


_origin = origin


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
        limits: Limits | None = None,
        invalid_objects: InvalidObjects = "keep",
        on_token_encoding: Callable[[Literal["plain", "base64"]], None] | None = None,
        learned_encoding: Literal["plain", "base64"] | None = None,
    ) -> None:
        if invalid_objects not in ("keep", "raise"):
            raise ValueError(f"invalid_objects must be 'keep' or 'raise', not {invalid_objects!r}")
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
        self.limits = limits or Limits()
        self.invalid_objects: InvalidObjects = invalid_objects
        self.rejected = RejectedLog()
        self.on_token_encoding = on_token_encoding
        if self.token_mode == "auto" and learned_encoding not in (None, self.encoding):
            self.tolerated.add(
                "token encoding",
                f"the partner wants the {learned_encoding} token, not OCPI "
                f"{profile.version}'s {self.encoding} one (learned earlier); sending it",
                url=url,
            )
            self.encoding = learned_encoding

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
        headers["Accept-Encoding"] = "gzip, deflate"  # the encodings we decode within limits
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

    # ---- sending: retries, redirects and token encoding ----------------------------------

    def deadline(self, outer: float | None = None) -> float | None:
        """The ``time.monotonic()`` by which a call starting now must end (``Limits.deadline``),
        no later than ``outer`` (a whole ``list()``'s deadline)."""
        ours = None if self.limits.deadline is None else time.monotonic() + self.limits.deadline
        if ours is None or outer is None:
            return ours if outer is None else outer
        return min(ours, outer)

    def exchange(
        self, spec: OperationSpec, request: httpx.Request, *, deadline: float | None = None
    ) -> Flow[httpx.Response]:
        """Send ``request``; retry where safe; follow one same-origin redirect; in ``auto``
        token mode, try the other encoding once when the partner refuses the token, and keep
        the one that works. Everything within one deadline."""
        deadline = self.deadline(deadline)
        attempt = 1
        redirected = switched = False
        tried: Literal["plain", "base64"] | None = None
        first_refusal = ""
        while True:
            outcome = yield Send(request, deadline, self.limits.max_body_bytes)
            if isinstance(outcome, TransportError):  # a limit the driver stopped at
                raise outcome
            if isinstance(outcome, Exception):
                if deadline is not None and time.monotonic() >= deadline:
                    raise deadline_error(request) from outcome  # a timeout capped at it
                if spec.idempotent and self._may_retry(attempt, deadline):
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
            if reason and spec.idempotent and self._may_retry(attempt, deadline, retry_after):
                self.tolerated.add(
                    "retry",
                    f"{reason}, retrying (attempt {attempt + 1} of {self.retries.attempts})",
                    method=request.method,
                    url=str(request.url),
                )
                yield Sleep(self.retries.delay(attempt, retry_after))
                attempt += 1
                continue
            if status in _REDIRECTS and "Location" in response.headers:
                request = self._redirect(request, response, redirected)
                redirected = True
                continue
            refused = self.token_refused(response)
            if refused and self.token_mode == "auto" and not switched:
                switched, tried, first_refusal = True, self.encoding, refused
                self.encoding = _other(tried)
                request.headers["Authorization"] = encode_token(self._token, self.encoding)
                continue
            if switched and tried is not None:
                if refused:  # neither encoding works: keep ours, report the refusal
                    self.encoding = tried
                else:
                    self.tolerated.add(
                        "token encoding",
                        f"the partner refused the {tried} token ({first_refusal}) and accepted "
                        f"the {self.encoding} one; using it from now on",
                        method=request.method,
                        url=str(request.url),
                    )
                    if self.on_token_encoding is not None:
                        self.on_token_encoding(self.encoding)
                tried = None
            return response

    def _may_retry(
        self, attempt: int, deadline: float | None, retry_after: str | None = None
    ) -> bool:
        if attempt >= self.retries.attempts:
            return False
        wait = self.retries.delay(attempt, retry_after)
        return deadline is None or time.monotonic() + wait < deadline

    def token_refused(self, response: httpx.Response) -> str:
        """Why ``response`` looks like a refusal of our token ('' when it does not): HTTP 401 or
        403, or an OCPI 2xxx/3xxx status whose message is about the token (some servers answer
        a wrongly encoded token that way, with HTTP 200)."""
        status = response.status_code
        if status in (401, 403):
            return f"HTTP {status}"
        try:
            document = _document(response)
        except orjson.JSONDecodeError:
            return ""
        if not isinstance(document, dict):
            return ""
        code, message = document.get("status_code"), document.get("status_message")
        if (
            isinstance(code, int)
            and 2000 <= code < 4000
            and isinstance(message, str)
            and _ABOUT_TOKEN.search(message)
        ):
            return f"OCPI {code} {message!r}"
        return ""

    def _redirect(
        self, request: httpx.Request, response: httpx.Response, redirected: bool
    ) -> httpx.Request:
        """The request repeated at a same-origin redirect's ``Location`` (method, body and
        token kept), or the :class:`RedirectError` saying why it is not followed."""
        status = response.status_code
        target = request.url.join(response.headers["Location"])
        context = {**self._context(request, response), "location": str(target)}
        if _origin(target) != _origin(request.url):
            raise RedirectError(
                f"HTTP {status} redirect to another origin ({target}): not followed, our token "
                "is only for this one",
                **context,
            )
        if redirected:
            raise RedirectError(f"HTTP {status}: a second redirect, to {target}", **context)
        if status not in (307, 308) and request.method not in ("GET", "HEAD"):
            raise RedirectError(
                f"HTTP {status} redirect to {target} would turn the {request.method} into a GET",
                **context,
            )
        self.tolerated.add(
            "redirect",
            f"HTTP {status} to {target}: followed with the same method, body and token",
            method=request.method,
            url=str(request.url),
        )
        return httpx.Request(
            request.method,
            target,
            headers=request.headers,
            content=request.content,
            extensions={k: v for k, v in request.extensions.items() if k != "timeout"},
        )

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

    def excerpt(self, content: bytes, limit: int = 200) -> str:
        """The start of a body for an error message, with our token blanked out."""
        text = content.decode("utf-8", "replace").strip()
        text = text if len(text) <= limit else text[:limit] + "..."
        for secret in {self._token, encode_token(self._token, "base64")[6:]}:
            if secret:
                text = text.replace(secret, "***")
        return text

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
            if status < 300:
                raise InvalidResponseError(
                    f"the body is not JSON ({exc}): {self._describe(response)}",
                    **context,
                    body=self.excerpt(response.content),
                ) from None
        if response.content.startswith(BOM_UTF8):
            self.tolerated.add(
                "body", "a UTF-8 byte order mark before the JSON: ignored", url=str(request.url)
            )
        is_envelope = isinstance(document, dict) and "status_code" in document
        if not is_envelope:
            context["body"] = self.excerpt(response.content)
            self._raise_for_http(request, response, context)
            raise InvalidResponseError(
                "not an OCPI response envelope (no status_code): " + self._describe(response),
                **context,
            )
        if status in (401, 403):
            refused = _ocpi(document)
            text = refused.get("status_message") or "no status message"
            raise UnauthorizedError(
                f"the partner refused our token (HTTP {status}: {text})", **context, **refused
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
        if 300 <= status < 400:
            self._raise_for_http(request, response, context)
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
        except PayloadError as exc:
            raise InvalidResponseError(
                f"the body is not JSON ({exc.problems[0].message})", **context
            ) from None

    def _describe(self, response: httpx.Response) -> str:
        if not response.content:
            return "an empty body"
        kind = response.headers.get("Content-Type", "no Content-Type").split(";")[0]
        return f"{kind} {self.excerpt(response.content)!r}"

    def _raise_for_http(
        self, request: httpx.Request, response: httpx.Response, context: dict[str, Any]
    ) -> None:
        """The typed error of an HTTP status whose body is no OCPI envelope (nothing for 2xx)."""
        status = response.status_code
        body = self._describe(response)
        if status in (401, 403):
            raise UnauthorizedError(
                f"the partner refused our token (HTTP {status}): {body}", **context
            )
        if status == 404:
            raise NotFoundError(f"no such endpoint or object: {body}", **context)
        if status == 405:
            raise MethodNotAllowedError(f"{request.method} is not allowed here: {body}", **context)
        if 300 <= status < 400:
            location = response.headers.get("Location")
            where = f"to {request.url.join(location)}" if location else "without a Location"
            raise RedirectError(
                f"HTTP {status} redirect {where}, not followed",
                location=str(request.url.join(location)) if location else None,
                **context,
            )
        if status >= 400:
            raise HttpError(f"HTTP error {status}: {body}", **context)

    def data(self, spec: OperationSpec, response: httpx.Response, cls: Any) -> Any:
        """The typed ``data`` of a successful response (an :class:`Ack` when there is none).

        In a list, objects that do not fit ``cls`` are left out and kept in ``self.rejected``
        (unless ``invalid_objects="raise"``); :meth:`page` also puts them on the page.
        """
        items, _ = self._data(spec, response, cls)
        return items

    def _data(
        self, spec: OperationSpec, response: httpx.Response, cls: Any
    ) -> tuple[Any, list[Rejected]]:
        envelope = self.envelope(spec, response, raw_data=True)
        # The parsed body is ours now: drop it from the response, which httpx may keep alive
        # (a page of raw dicts per response would otherwise linger until a full collection).
        response.extensions.pop("ocpi_document", None)
        if spec.response_object is None or cls is None:
            ack = Ack(
                envelope["status_code"],
                envelope.get("status_message"),
                response.headers.get("Location"),
            )
            return ack, []
        raw = envelope.get("data")
        url = str(response.request.url)
        context = {
            **self._context(response.request, response),
            "status_code": envelope["status_code"],
        }
        if isinstance(raw, _fastjson.RawData):
            # A page read straight from its text into models when nothing needs the dicts
            # (the same objects as below, or it is left to the path below).
            shape = b"[" if spec.response_list else b"{"
            if not self.validate_responses and raw.starts_with(shape):
                fast = self.converter.loads_fast(raw.text, list[cls] if spec.response_list else cls)
                if fast is not _fastjson.FALLBACK:
                    return fast, []
            raw = self._parsed_data(envelope, context)
        from ocpi_sdk.schemas import Problem

        what = spec.response_object
        if spec.response_list:
            if raw is None:
                self.tolerated.add("envelope", "no data in a list response: read as empty", url=url)
                raw = []
            elif isinstance(raw, dict):
                self.tolerated.add(
                    "envelope",
                    "one object where a list was expected: read as a list of one",
                    url=url,
                )
                raw = [raw]
            elif not isinstance(raw, list):
                raise ResponseDataError(
                    [
                        Problem(
                            "$.data", f"expected a list of {what}, got {_json_kind(raw)}", "type"
                        )
                    ],
                    **context,
                )
        elif raw is None:
            raise ResponseDataError(
                [Problem("$.data", f"missing; expected a {what}", "required")], **context
            )
        elif isinstance(raw, list):
            if len(raw) != 1:
                raise ResponseDataError(
                    [
                        Problem(
                            "$.data",
                            f"a list of {len(raw)} was received where one {what} is expected",
                            "type",
                        )
                    ],
                    **context,
                )
            self.tolerated.add("envelope", f"one {what} sent as a list of one: unwrapped", url=url)
            raw = raw[0]
        if self.validate_responses:
            self._note_nonconformance(spec, response, raw)
        target = list[cls] if spec.response_list else cls
        try:
            return self.converter.structure(raw, target), []
        except PayloadError as exc:
            if not spec.response_list or self.invalid_objects == "raise":
                problems = [_under_data(p) for p in exc.problems]
                raise ResponseDataError(problems, **context) from None
        return self._valid_items(raw, cls, what or "", url)

    def _valid_items(
        self, raw: list[Any], cls: Any, what: str, url: str
    ) -> tuple[list[Any], list[Rejected]]:
        """Each object of a list that fits ``cls``; the others kept as :class:`Rejected`."""
        items: list[Any] = []
        rejected: list[Rejected] = []
        for index, element in enumerate(raw):
            try:
                items.append(self.converter.structure(element, cls))
            except PayloadError as exc:
                problems = tuple(
                    attrs.evolve(p, path=p.path.replace("$", f"$.data[{index}]", 1))
                    for p in exc.problems
                )
                one = Rejected(what, element, problems, url, index)
                rejected.append(one)
                self.rejected.add(one)
        return items, rejected

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

    def int_header(self, response: httpx.Response, name: str) -> int | None:
        """A count header (``X-Total-Count``, ``X-Limit``) as a number; None, and noted, when
        it is not a whole number of at least 0."""
        value = response.headers.get(name)
        if value is None:
            return None
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= 30:
            return int(text)
        self.tolerated.add(
            "pagination",
            f"{name} is not a count: {value[:40]!r}; ignored",
            url=str(response.request.url),
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

    def pager(
        self,
        spec: OperationSpec,
        cls: Any,
        query: Mapping[str, Any],
        page_url: str | None = None,
    ) -> Pager:
        """The pages of a list operation, one flow per page (see :class:`Pager`)."""
        from ocpi_sdk.transport.paging import Pager

        return Pager(self, spec, cls, query, page_url)


def _document(response: httpx.Response) -> Any:
    """The parsed JSON body (parsed once, kept on the response); a UTF-8 byte order mark before
    it is skipped (RFC 8259 8.1: a parser MAY ignore it)."""
    if "ocpi_document" not in response.extensions:
        content = response.content
        if content.startswith(BOM_UTF8):
            content = content[len(BOM_UTF8) :]
        response.extensions["ocpi_document"] = _fastjson.read_envelope(content) if content else None
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


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    names = {bool: "a boolean", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def _under_data(problem: Any) -> Any:
    return attrs.evolve(problem, path=problem.path.replace("$", "$.data", 1))


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
    "origin",
]
