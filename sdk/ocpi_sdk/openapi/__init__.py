"""OpenAPI 3.1 documents of the OCPI interfaces, generated from the schema registry.

>>> from ocpi_sdk import openapi
>>> doc = openapi.document("2.2.1", "cpo")
>>> doc["openapi"], sorted(doc["paths"])[:2]
('3.1.0', ['/2.2.1', '/2.2.1/cdrs'])

``ocpi openapi --version 2.2.1 --role cpo --out cpo.json`` writes the same document; the
simulators serve theirs at ``/openapi.json`` (see :func:`openapi_route`).
"""

from __future__ import annotations

from ocpi_sdk.openapi._document import (
    ROLES,
    OpenApiError,
    document,
    served_interfaces,
    status_codes,
)
from ocpi_sdk.openapi._serve import openapi_route

__all__ = [
    "ROLES",
    "OpenApiError",
    "document",
    "openapi_route",
    "served_interfaces",
    "status_codes",
]
