"""The entries of the catalogue, one module per area; importing this package registers them.

``ORDER`` is the order areas run in: discovery first, the scenarios of active mode after the
read-only checks (they change the registration), the closing checks last.
"""

from ocpi_sdk.check.entries import (  # noqa: F401
    active,
    auth,
    closing,
    discovery,
    headers,
    objects,
    pages,
    probes,
    profile,
)

ORDER = (
    "discovery",
    "auth",
    "headers",
    "pages",
    "objects",
    "probes",
    "profile",
    "active",
    "closing",
)
