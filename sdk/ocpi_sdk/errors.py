"""The exception tree of ocpi-sdk: one root, :class:`OcpiError`, for everything the SDK raises."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ocpi_sdk.schemas import Problem

__all__ = [
    "ClientError",
    "DeadlineExceededError",
    "HttpError",
    "HubError",
    "InvalidResponseError",
    "MethodNotAllowedError",
    "NotFoundError",
    "OcpiConnectionError",
    "OcpiError",
    "PaginationError",
    "PayloadError",
    "RedirectError",
    "ResponseDataError",
    "ResponseTooLargeError",
    "ServerError",
    "TransportError",
    "UnauthorizedError",
    "UnknownObjectError",
    "UnknownVersionError",
]


class OcpiError(Exception):
    """Root of every exception raised by ocpi-sdk."""


class UnknownVersionError(OcpiError, LookupError):
    """An OCPI version the SDK has no schemas for."""

    def __init__(self, version: str, known: Sequence[str]) -> None:
        self.version = version
        self.known = tuple(known)
        super().__init__(
            f"unknown OCPI version {version!r}; this SDK has schemas for: {', '.join(known)}"
        )


class UnknownObjectError(OcpiError, LookupError):
    """An object, class, enum or type name that the version's schemas do not define."""

    def __init__(self, version: str, name: str, known: Sequence[str]) -> None:
        self.version = version
        self.name = name
        self.known = tuple(known)
        self.suggestions = _close_names(name, self.known)
        hint = ""
        if self.suggestions:
            hint = f" (did you mean {' or '.join(repr(s) for s in self.suggestions)}?)"
        super().__init__(f"OCPI {version} defines no object named {name!r}{hint}")


def _close_names(name: str, known: Sequence[str]) -> tuple[str, ...]:
    """Names of ``known`` close to ``name`` whatever the case: exact case-insensitive first."""
    import difflib

    by_lower: dict[str, str] = {}
    for candidate in known:
        by_lower.setdefault(candidate.lower(), candidate)
    lowered = name.lower()
    if lowered in by_lower:
        return (by_lower[lowered],)
    close = difflib.get_close_matches(lowered, list(by_lower), n=3, cutoff=0.75)
    return tuple(by_lower[c] for c in close)


MAX_LINES = 100
"""At most this many problems are written in an error's message."""


class PayloadError(OcpiError, ValueError):
    """A payload that does not conform to its OCPI schema or model.

    ``problems`` lists the problems found (at most ``schemas.MAX_LISTED`` of one kind for a
    pathological payload), each with its JSON path (``$.evses[0].uid``), a plain-words message and
    the schema rule broken; ``omitted`` counts those found but not listed.
    """

    def __init__(
        self, problems: Sequence[Problem], *, what: str = "payload", omitted: int = 0
    ) -> None:
        self.problems = tuple(problems)
        self.omitted = omitted
        lines = [f"{p.path}: {p.message} [{p.rule}]" for p in self.problems[:MAX_LINES]]
        count = len(self.problems) + omitted
        head = f"invalid {what}: {count} problem{'s' if count != 1 else ''}"
        hidden = count - len(lines)
        tail = f"\n  ... and {hidden} more not listed" if hidden > 0 else ""
        super().__init__(head + "".join(f"\n  {line}" for line in lines) + tail)


class TransportError(OcpiError):
    """A call to a partner that did not succeed.

    Every instance carries what is known of the exchange: ``method`` and ``url`` of the request,
    the HTTP status, the OCPI ``status_code`` and ``status_message`` when the partner sent an
    envelope, the ``request_id`` / ``correlation_id`` headers (OCPI 2.2+) and, when the body is
    not an OCPI envelope, an excerpt of it in ``body``. The token never appears in it.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str = "",
        url: str = "",
        http_status: int | None = None,
        status_code: int | None = None,
        status_message: str | None = None,
        request_id: str | None = None,
        correlation_id: str | None = None,
        body: str | None = None,
    ) -> None:
        self.method = method
        self.body = body
        self.url = url
        self.http_status = http_status
        self.status_code = status_code
        self.status_message = status_message
        self.request_id = request_id
        self.correlation_id = correlation_id
        self.message = message
        where = f"{method} {url}".strip()
        facts = [
            f"HTTP {http_status}" if http_status is not None else "",
            f"OCPI {status_code}" if status_code is not None else "",
            f"X-Request-ID {request_id}" if request_id else "",
        ]
        detail = ", ".join(f for f in facts if f)
        Exception.__init__(self, f"{where}: {message}" + (f" ({detail})" if detail else ""))


class OcpiConnectionError(TransportError):
    """The partner could not be reached (connection refused, timeout, TLS failure), retries
    included."""


class DeadlineExceededError(OcpiConnectionError):
    """A call (or a whole ``list()``) took longer than its deadline (see
    :class:`~ocpi_sdk.transport.Limits`), retries and slow bodies included."""


class UnauthorizedError(TransportError):
    """HTTP 401 or 403: the partner does not accept our token (in either encoding, in ``auto``
    mode)."""


class NotFoundError(TransportError):
    """HTTP 404: no such endpoint or object at the partner."""


class MethodNotAllowedError(TransportError):
    """HTTP 405: the partner does not implement this method here."""


class HttpError(TransportError):
    """Another HTTP error status (4xx or 5xx) with no usable OCPI envelope."""


class RedirectError(TransportError):
    """A redirect the client does not follow: to another origin (our token would go there), a
    second redirect, or one that would change the method. ``location`` is where it pointed."""

    def __init__(self, message: str, *, location: str | None = None, **context: Any) -> None:
        super().__init__(message, **context)
        self.location = location


class InvalidResponseError(TransportError):
    """The partner's body is not JSON, or not an OCPI response envelope."""


class ResponseTooLargeError(InvalidResponseError):
    """A response body larger than the client's ``max_body_bytes`` (counted decompressed)."""


class ClientError(TransportError):
    """OCPI status 2xxx: the partner says our request was wrong (2001 invalid parameters, ...)."""


class ServerError(TransportError):
    """OCPI status 3xxx: the partner failed to handle a valid request (3001 unable to use the
    client's API, ...)."""


class HubError(TransportError):
    """OCPI status 4xxx: a hub could not route the request (4001 unknown receiver, ...)."""


class PaginationError(TransportError):
    """A paginated response that cannot be followed safely (a ``Link`` loop, a broken header)."""


class ResponseDataError(TransportError, PayloadError):
    """The envelope is fine but ``data`` does not fit the expected OCPI object.

    ``problems`` lists each bad field with its JSON path (see :class:`PayloadError`).
    """

    def __init__(self, problems: Sequence[Problem], **context: Any) -> None:
        PayloadError.__init__(self, problems, what="response data")
        text = str(self.args[0])
        TransportError.__init__(self, text, **context)
        self.problems = tuple(problems)
