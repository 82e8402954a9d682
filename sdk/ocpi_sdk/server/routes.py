"""What the generated ``server.py`` of each version is made of: routes, handler base class, the
request context handlers receive, the page a Sender list handler returns, and refusals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

import attrs

from ocpi_sdk import envelope as status

T = TypeVar("T")


@attrs.frozen
class QueryParam:
    """A query parameter of an operation: its name, Python type (int, str, datetime or an
    enum), whether it is required and its minimum (integers)."""

    name: str
    type: Any
    required: bool = False
    minimum: int | None = None


@attrs.frozen
class Route:
    """One operation as the server serves it (generated from ``interfaces.json``).

    ``path`` is relative to the interface's endpoint URL; operations the spec addresses by a URL
    we hand out (``response_url``, a CDR's URL) are served at ``<name>/{key}``. ``id_fields``
    pairs path parameters with the body fields that must carry the same (case-insensitive)
    value; ``query_fields`` pairs query parameters with the body fields that must carry the same
    value when both are given (a Token's ``?type=``); ``owned_fields`` names the body fields
    holding an object of the calling party (its ``country_code``/``party_id`` name it: a
    StartSession's ``token``); ``addressed_fields`` those naming the party the object is for,
    one of ours (a Session's ``cdr_token``); ``owner_checked`` says the URL's
    ``country_code``/``party_id`` name the object's owner, which must be the calling party.
    """

    module: str
    role: str | None
    name: str
    handler: str
    method: str
    path: str
    path_params: tuple[str, ...]
    query: tuple[QueryParam, ...] = ()
    paginated: bool = False
    body: Any = None
    body_partial: bool = False
    body_required: bool = True
    response: Any = None
    routed: bool = True
    target: str = "endpoint"
    id_fields: tuple[tuple[str, str], ...] = ()
    query_fields: tuple[tuple[str, str], ...] = ()
    owned_fields: tuple[str, ...] = ()
    addressed_fields: tuple[str, ...] = ()
    owner_checked: bool = False
    requires_last_updated: bool = False


@attrs.frozen
class RawJson:
    """An object already serialised as JSON bytes (what a store keeps), served as is."""

    data: bytes


@attrs.frozen
class ListPage(Generic[T]):
    """What a Sender list handler returns: the objects of the requested page (models or
    :class:`RawJson`), how many objects match the request's filters in all, and the page size
    applied when it is smaller than the one requested. A store that keeps JSON bytes gives
    them as ``raw`` instead of ``items`` (served as they are, without a wrapper per object)."""

    items: Sequence[T | RawJson]
    total_count: int
    limit: int | None = None
    raw: Sequence[bytes] | None = None

    @classmethod
    def of_json(
        cls, raw: Sequence[bytes], total_count: int, limit: int | None = None
    ) -> ListPage[Any]:
        """A page of objects already written as JSON."""
        return ListPage((), total_count, limit, raw)


@attrs.frozen
class Party:
    """A party as ``country_code`` and ``party_id`` (compare with :meth:`same`: CiStrings)."""

    country_code: str
    party_id: str

    def same(self, country_code: str | None, party_id: str | None) -> bool:
        return (
            country_code is not None
            and party_id is not None
            and self.country_code.upper() == country_code.upper()
            and self.party_id.upper() == party_id.upper()
        )

    def __str__(self) -> str:
        return f"{self.country_code}*{self.party_id}"


@attrs.define
class RequestContext:
    """What a handler knows about the request it answers.

    ``party`` is the party the request acts as: the caller's own party (or, for a hub, the
    party named in ``OCPI-from-*``); ``parties`` every party it may act as (the one
    ``OCPI-from-*`` names, alone; else every party of the caller's registration: a list handler
    answers for these). ``partner`` is the registered partner record (tokens, its
    endpoints); ``to_party`` the ``OCPI-to-*`` party when routing headers were sent. Set
    ``response_headers`` to add headers (a CDR's ``Location``); ``tolerated`` lists deviations
    of the caller the server accepted.
    """

    version: str
    module: str
    role: str | None
    operation: str
    party: Party | None
    partner: Any
    endpoint_url: str
    request_id: str
    correlation_id: str
    to_party: Party | None = None
    parties: tuple[Party, ...] = ()
    headers: Mapping[str, str] = attrs.field(factory=dict)
    response_headers: dict[str, str] = attrs.field(factory=dict)
    tolerated: list[str] = attrs.field(factory=list)

    def url_for(self, operation: str, key: str) -> str:
        """The URL of one of our ``<operation>/{key}`` routes in this module (a CDR's
        ``Location``, a ``response_url`` we give)."""
        return f"{self.endpoint_url}/{operation}/{key}"


class Refused(Exception):
    """Raise in a handler to answer an OCPI error: ``status_code`` (e.g. 2003 unknown
    location), the message and the HTTP status (404 by default for "not found" codes)."""

    def __init__(self, status_code: int, message: str, *, http_status: int = 400) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.http_status = http_status


def unknown(what: str, status_code: int = status.GENERIC_CLIENT_ERROR) -> Refused:
    """The refusal for an object this server does not know (HTTP 404)."""
    return Refused(status_code, f"unknown {what}", http_status=404)


def not_implemented(ctx: RequestContext) -> Refused:
    """What an operation a handler does not override answers (HTTP 501)."""
    return Refused(
        status.GENERIC_CLIENT_ERROR,
        f"{ctx.module} {ctx.operation} is not implemented here",
        http_status=501,
    )


class InterfaceHandler:
    """Base of every generated handler class: one module, one interface role, one version."""

    version: ClassVar[str]
    module: ClassVar[str]
    role: ClassVar[str | None]
    routes: ClassVar[tuple[Route, ...]]

    def implements(self, route: Route) -> bool:
        """Whether this handler overrides the operation of ``route``."""
        method = getattr(type(self), route.handler, None)
        for base in type(self).__mro__:
            if route.handler in vars(base) and base.__module__.startswith("ocpi_sdk.v"):
                return method is not vars(base)[route.handler]
        return method is not None
