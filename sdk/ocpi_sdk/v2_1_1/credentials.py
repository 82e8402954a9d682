"""OCPI 2.1.1 credentials.

Objects of the Credentials module of OCPI 2.1.1.

Spec chapter: ``credentials.md``.
Generated from ``schemas/2.1.1/credentials.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import hidden, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_1_1.locations import BusinessDetails


__all__ = [
    "Credentials",
]


@attrs.define(kw_only=True)
class Credentials:
    """Credentials a party hands to the other: its token, its versions endpoint and who it is."""

    token: str = attrs.field(repr=hidden, metadata={"max_length": 64})
    """Credentials token the other party must use to authenticate in your system."""

    url: str = attrs.field(metadata={"max_length": 255})
    """URL of your versions endpoint."""

    business_details: BusinessDetails
    """Details of this party."""

    party_id: str = attrs.field(metadata={"max_length": 3})
    """CPO or eMSP ID of this party (ISO 15118 style)."""

    country_code: str = attrs.field(metadata={"max_length": 2})
    """Country code of the country this party operates in."""

    def __attrs_post_init__(self) -> None:
        if len(self.token) > 64:
            raise too_long("token", self.token, 64)
        if len(self.url) > 255:
            raise too_long("url", self.url, 255)
        if len(self.party_id) > 3:
            raise too_long("party_id", self.party_id, 3)
        if len(self.country_code) > 2:
            raise too_long("country_code", self.country_code, 2)
