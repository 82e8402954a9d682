"""HTTP requests to the system under test, each kept as redacted evidence.

The bench sends exactly what a check asks for (no retries, no tolerance): a missing or wrong
token, a header, a query. Every exchange is recorded with the secrets it knows of replaced by
``***`` in headers and bodies, so no token reaches a report or a log.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from typing import Any, Literal

import attrs
import httpx

from ocpi_sdk.check.model import Exchange

Auth = Literal["token", "none", "wrong", "plain", "base64", "garbled"]
BODY_PREVIEW = 4000
RETRIES = 2
WRONG_TOKEN = "ocpi-check-wrong-token-0000"


class Redactor:
    """Replaces every known secret (as given, base64-encoded, and in ``Token ...``) by ``***``."""

    def __init__(self, *secrets: str) -> None:
        self._secrets: set[str] = set()
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str | None) -> None:
        if not secret or len(secret) < 4:
            return
        self._secrets.add(secret)
        self._secrets.add(base64.b64encode(secret.encode()).decode("ascii"))

    def __call__(self, text: str) -> str:
        for secret in sorted(self._secrets, key=len, reverse=True):
            if secret in text:
                text = text.replace(secret, "***")
        return text


@attrs.frozen
class Answer:
    """A response as a check reads it: status, headers, the parsed JSON (None when not JSON)."""

    status: int | None
    headers: httpx.Headers
    document: Any
    text: str
    exchange: Exchange
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None

    @property
    def accepted(self) -> bool:
        """HTTP 200 with OCPI 1000: the request was accepted (its token among others)."""
        return self.status == 200 and self.status_code == 1000

    @property
    def envelope(self) -> dict[str, Any] | None:
        return self.document if isinstance(self.document, dict) else None

    @property
    def status_code(self) -> Any:
        return self.envelope.get("status_code") if self.envelope else None

    @property
    def data(self) -> Any:
        return self.envelope.get("data") if self.envelope else None

    def header(self, name: str) -> str | None:
        value: str | None = self.headers.get(name)
        return value

    def describe(self) -> str:
        if self.error:
            return f"no answer: {self.error}"
        code = self.status_code
        return f"HTTP {self.status}" + (f", OCPI {code}" if code is not None else ", no envelope")


MAX_BODY = 64 * 1024 * 1024
"""The largest answer body read (decoded), as the SDK's clients read by default."""


class Prober:
    """Sends requests with the chosen authentication and records each as evidence."""

    def __init__(
        self,
        token: str,
        *,
        encoding: Literal["plain", "base64"] = "base64",
        redactor: Redactor | None = None,
        timeout: float = 15.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.token = token
        self.encoding = encoding
        self.redact = redactor or Redactor(token)
        self.redact.add(token)
        self.http = httpx.Client(timeout=timeout, follow_redirects=True, transport=transport)
        self.deadline_seconds = 4 * timeout
        """How long one answer may take to arrive in all (``timeout`` bounds each wait)."""
        self.recording: list[Exchange] = []
        self.transient: list[Answer] = []
        self.request_ids = True

    def close(self) -> None:
        self.http.close()

    def authorization(self, auth: Auth) -> str | None:
        if auth == "none":
            return None
        if auth == "wrong":
            return _encode(WRONG_TOKEN, self.encoding)
        if auth == "garbled":
            return "Token %%not-base64%%"
        if auth in ("plain", "base64"):
            return _encode(self.token, auth)
        return _encode(self.token, self.encoding)

    def request(
        self,
        method: str,
        url: str,
        *,
        auth: Auth = "token",
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        json_body: Any = None,
        note: str | None = None,
    ) -> Answer:
        """Send one request and return its :class:`Answer` (never raises for HTTP trouble)."""
        sent: dict[str, str] = {}
        value = self.authorization(auth)
        if value is not None:
            sent["Authorization"] = value
        if self.request_ids:
            sent["X-Request-ID"] = str(uuid.uuid4())
            sent["X-Correlation-ID"] = str(uuid.uuid4())
        sent.update(headers or {})
        content = None
        if json_body is not None:
            content = json.dumps(json_body, separators=(",", ":")).encode()
            sent["Content-Type"] = "application/json"
        request = self.http.build_request(method, url, params=params, headers=sent, content=content)
        exchange = Exchange(
            method=method,
            url=self.redact(str(request.url)),
            request_headers={k: self.redact(v) for k, v in sent.items()},
            request_body=self.redact(content.decode()[:BODY_PREVIEW]) if content else None,
            note=note,
        )
        self.recording.append(exchange)
        outcome = self._send(request)
        if isinstance(outcome, Exception):
            exchange.error = self.redact(f"{type(outcome).__name__}: {outcome}")
            return Answer(None, httpx.Headers(), None, "", exchange, exchange.error)
        response = outcome
        text = response.content.decode("utf-8", errors="replace")
        exchange.status = response.status_code
        exchange.response_headers = {
            k: self.redact(v) for k, v in response.headers.items() if k.lower() in _SHOWN
        }
        exchange.response_body = self.redact(_preview(text))
        try:
            document = json.loads(text) if text.strip() else None
        except ValueError:
            document = None
        return Answer(response.status_code, response.headers, document, text, exchange)

    def _send(self, request: httpx.Request) -> httpx.Response | Exception:
        """``request`` sent as the SDK's clients send: the body read within ``MAX_BODY`` bytes
        (decoded: a gzip bomb stops there) and ``deadline_seconds`` (a slow drip stops there)."""
        from ocpi_sdk.transport.core import Send
        from ocpi_sdk.transport.drivers import send_sync

        step = Send(request, time.monotonic() + self.deadline_seconds, MAX_BODY)
        try:
            return send_sync(self.http, step)
        except httpx.HTTPError as exc:  # too many redirects, an invalid URL...
            return exc

    def sdk_client(self, into: list[Exchange]) -> httpx.Client:
        """An httpx client for the SDK's own calls (registration, its clients) that records each
        exchange, redacted, into ``into``."""

        def done(response: httpx.Response) -> None:
            response.read()
            request = response.request
            body = request.content.decode("utf-8", errors="replace") if request.content else None
            into.append(
                Exchange(
                    method=request.method,
                    url=self.redact(str(request.url)),
                    request_headers={
                        k: self.redact(v) for k, v in request.headers.items() if k.lower() in _SENT
                    },
                    request_body=self.redact(_preview(body)) if body else None,
                    status=response.status_code,
                    response_headers={
                        k: self.redact(v)
                        for k, v in response.headers.items()
                        if k.lower() in _SHOWN
                    },
                    response_body=self.redact(_preview(response.text)),
                    note="sent by the SDK",
                )
            )

        return httpx.Client(timeout=self.http.timeout, event_hooks={"response": [done]})

    def get(self, url: str, **options: Any) -> Answer:
        """A GET, repeated (up to twice) after an answer a careful client may retry: 429, 5xx,
        or a 200 whose body is not JSON. Those answers are kept in ``transient``."""
        answer = self.request("GET", url, **options)
        for _ in range(RETRIES):
            if not _transient(answer):
                break
            self.transient.append(answer)
            wait = answer.header("Retry-After") or ""
            time.sleep(min(float(wait), 5.0) if wait.strip().isdigit() else 0.2)
            answer = self.request("GET", url, **options)
        return answer


_SENT = {"authorization", "x-request-id", "x-correlation-id", "content-type"}
_SHOWN = {
    "content-type",
    "link",
    "x-total-count",
    "x-limit",
    "x-request-id",
    "x-correlation-id",
    "location",
    "ocpi-from-country-code",
    "ocpi-from-party-id",
    "ocpi-to-country-code",
    "ocpi-to-party-id",
    "www-authenticate",
}


def _transient(answer: Answer) -> bool:
    if answer.status is None:
        return False  # no answer at all (refused, TLS on plain HTTP, ...): not a passing hiccup
    if answer.status == 429 or answer.status in (500, 502, 503, 504):
        return True
    return answer.status == 200 and answer.document is None


def _encode(token: str, encoding: str) -> str:
    if encoding == "base64":
        return "Token " + base64.b64encode(token.encode()).decode("ascii")
    return "Token " + token


def _preview(text: str) -> str:
    if len(text) <= BODY_PREVIEW:
        return text
    return text[:BODY_PREVIEW] + f"... ({len(text)} characters in all)"
