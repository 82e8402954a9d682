"""What a generated client tells the transport about one operation and one version."""

from __future__ import annotations

from typing import Literal

import attrs

TokenEncoding = Literal["plain", "base64", "auto"]


@attrs.frozen
class VersionProfile:
    """The transport rules of one OCPI version, read from its ``interfaces.json``.

    ``token_encoding``: how the ``Authorization: Token ...`` value is written (2.1.1 ``plain``,
    2.2+ ``base64``). ``request_ids``: whether ``X-Request-ID``/``X-Correlation-ID`` are sent.
    ``routing_headers``: whether the ``OCPI-from/to-*`` headers exist in this version.
    """

    version: str
    token_encoding: Literal["plain", "base64"]
    request_ids: bool
    routing_headers: bool


@attrs.frozen
class OperationSpec:
    """One HTTP interface operation, as the generated client describes it.

    ``target`` is ``"endpoint"`` (``path`` is appended to the client's URL) or the name of the
    argument carrying a full URL (``response_url``, ``cdr_url``, ...).
    """

    module: str
    role: str | None
    name: str
    method: str
    path: str = ""
    target: str = "endpoint"
    paginated: bool = False
    request_object: str | None = None
    request_partial: bool = False
    response_object: str | None = None
    response_list: bool = False
    routed: bool = (
        True  # OCPI-from/to-* headers apply (not to versions, credentials, hubclientinfo)
    )

    @property
    def idempotent(self) -> bool:
        """GET, PUT and DELETE may be repeated safely; POST and PATCH may not."""
        return self.method in ("GET", "PUT", "DELETE", "HEAD", "OPTIONS")
