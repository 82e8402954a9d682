"""The entries of the catalogue, one module per area; importing this package registers them."""

from ocpi_sdk.check.entries import (  # noqa: F401
    discovery,
    auth,
    headers,
    pages,
    objects,
    probes,
    profile,
    active,
    closing,
)
