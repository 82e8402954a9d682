"""OCPI 2.3.0 credentials.

Objects of the Credentials module of OCPI 2.3.0.

Spec chapter: ``credentials.asciidoc``.
Generated from ``schemas/2.3.0/credentials.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import hidden, too_few, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_3_0.locations import BusinessDetails
    from ocpi_sdk.v2_3_0.types import Role


__all__ = [
    "Credentials",
    "CredentialsRole",
]


@attrs.define(kw_only=True)
class Credentials:
    """Credentials a platform hands to the other: its token, its versions endpoint, its Hub party
    (if any) and the roles it provides."""

    token: str = attrs.field(repr=hidden, metadata={"max_length": 64})
    """Credentials token the other party must use to authenticate in your system; should be
    printable non-whitespace ASCII (U+0021 to U+007E)."""

    url: str = attrs.field(metadata={"max_length": 255})
    """URL of your versions endpoint."""

    hub_party_id: str | None = attrs.field(default=None, metadata={"max_length": 5})
    """Country code and party ID of the Hub party of this platform, concatenated into one five-
    character string; given by platforms that route messages as a Hub."""

    roles: list[CredentialsRole] = attrs.field(metadata={"min_items": 1})
    """The roles this platform provides (for a Roaming Hub also the parties reachable through
    it); each combination of role, party_id and country_code is unique."""

    def __attrs_post_init__(self) -> None:
        if len(self.token) > 64:
            raise too_long("token", self.token, 64)
        if len(self.url) > 255:
            raise too_long("url", self.url, 255)
        if self.hub_party_id is not None and len(self.hub_party_id) > 5:
            raise too_long("hub_party_id", self.hub_party_id, 5)
        if len(self.roles) < 1:
            raise too_few("roles", 1)


@attrs.define(kw_only=True)
class CredentialsRole:
    """One role a party plays, with its party ID, country code and business details."""

    role: Role
    """The role type."""

    business_details: BusinessDetails
    """Details of the party in this role."""

    party_id: str = attrs.field(metadata={"max_length": 3})
    """CPO, eMSP or other role ID of this party (ISO 15118 style)."""

    country_code: str = attrs.field(metadata={"max_length": 2})
    """ISO 3166 alpha-2 code of the country this party operates in."""

    def __attrs_post_init__(self) -> None:
        if len(self.party_id) > 3:
            raise too_long("party_id", self.party_id, 3)
        if len(self.country_code) > 2:
            raise too_long("country_code", self.country_code, 2)
