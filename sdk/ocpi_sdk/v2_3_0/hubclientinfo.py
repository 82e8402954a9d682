"""OCPI 2.3.0 HubClientInfo module.

Objects and enums of the HubClientInfo module: the connection status, as known by a Hub, of the
other parties connected to that Hub.

Spec chapter: ``mod_hub_client_info.asciidoc``.
Generated from ``schemas/2.3.0/hubclientinfo.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_3_0.types import Role


__all__ = ["ClientInfo", "ConnectionStatus"]


class ConnectionStatus(OcpiEnum):
    """State of the connection between the Hub and a party."""

    CONNECTED = "CONNECTED"
    """The party is online and requests can be sent to it."""

    OFFLINE = "OFFLINE"
    """The party is temporarily not connected."""

    PLANNED = "PLANNED"
    """A connection with the party is planned but has never existed yet."""

    SUSPENDED = "SUSPENDED"
    """The party is no longer active and will not connect again."""


@attrs.define(kw_only=True)
class ClientInfo:
    """Connection status of one party (identified by country code, party ID and role) that is
    reachable through the Hub."""

    party_id: str = attrs.field(metadata={"max_length": 3})
    """Party ID (ISO 15118 style) of the connected party, the same as in its credentials
    exchange."""

    country_code: str = attrs.field(metadata={"max_length": 2})
    """ISO country code of the connected party, the same as in its credentials exchange."""

    role: Role
    """Role in which this party is connected."""

    status: ConnectionStatus
    """Current state of the connection to this party."""

    last_updated: datetime
    """When this ClientInfo was last changed."""

    def __attrs_post_init__(self) -> None:
        if len(self.party_id) > 3:
            raise too_long("party_id", self.party_id, 3)
        if len(self.country_code) > 2:
            raise too_long("country_code", self.country_code, 2)
