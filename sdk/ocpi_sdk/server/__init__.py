"""The receiving side of OCPI: serve any module and interface role of any version.

Handlers are generated per version (``ocpi_sdk.v2_2_1.server.LocationsReceiverHandler``, ...):
subclass one, override the operations you serve, mount it on an :class:`OcpiServer` and serve
that with :func:`ocpi_sdk.server.starlette.create_app` (or call :meth:`OcpiServer.handle`
from any framework). The core authenticates (token A/B/C through
:class:`~ocpi_sdk.credentials.CredentialsHandler`), validates bodies (2001 with JSON paths),
checks that URL ids match the body and name the caller's own objects, paginates, and answers
every request, errors included, with an OCPI envelope.
"""

import logging

from ocpi_sdk.server.core import OcpiServer, RequestLog, parties_of
from ocpi_sdk.server.http import IncomingRequest, OutgoingResponse
from ocpi_sdk.server.limits import BodyTooLarge, Limits
from ocpi_sdk.server.objects import apply_patch, key
from ocpi_sdk.server.routes import (
    InterfaceHandler,
    ListPage,
    Party,
    QueryParam,
    RawJson,
    Refused,
    RequestContext,
    Route,
    unknown,
)

logging.getLogger("ocpi_sdk.server").addHandler(logging.NullHandler())

__all__ = [
    "BodyTooLarge",
    "IncomingRequest",
    "InterfaceHandler",
    "Limits",
    "ListPage",
    "OcpiServer",
    "OutgoingResponse",
    "Party",
    "QueryParam",
    "RawJson",
    "Refused",
    "RequestContext",
    "RequestLog",
    "Route",
    "apply_patch",
    "key",
    "parties_of",
    "unknown",
]
