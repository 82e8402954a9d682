"""OCPI 2.3.0 transport and format.

The response envelope of OCPI 2.3.0.

Spec chapter: ``transport_and_format.asciidoc``.
Generated from ``schemas/2.3.0/transport.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    pass


__all__ = [
    "Response",
]


@attrs.define(kw_only=True)
class Response:
    """The JSON envelope that wraps the body of every OCPI response."""

    data: Any | None = None
    """The response payload: one object, a list of objects, or a string, depending on the
    request; absent when there is nothing to return (for example on errors)."""

    status_code: int
    """Four-digit OCPI status code (see the Status Codes chapter) telling how the request was
    handled."""

    status_message: str | None = None
    """Optional human-readable status message, to help debugging."""

    timestamp: datetime
    """When this response was generated."""
