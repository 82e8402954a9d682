"""OCPI 2.1.1 Tokens module.

Objects and data types of the OCPI 2.1.1 Tokens module: tokens the eMSP shares with CPOs and
real-time authorization.

Spec chapter: ``mod_tokens.md``.
Generated from ``schemas/2.1.1/tokens.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, check_items_length, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_1_1.types import DisplayText


__all__ = [
    "Allowed",
    "AuthorizationInfo",
    "LocationReferences",
    "Token",
    "TokenType",
    "WhitelistType",
]


class Allowed(OcpiEnum):
    """Result of an authorization: whether the Token may charge."""

    ALLOWED = "ALLOWED"
    """The Token may charge (at the given location)."""

    BLOCKED = "BLOCKED"
    """The Token is blocked."""

    EXPIRED = "EXPIRED"
    """The Token is expired."""

    NO_CREDIT = "NO_CREDIT"
    """The account of the Token lacks credit to charge (at the given location)."""

    NOT_ALLOWED = "NOT_ALLOWED"
    """The Token is valid but may not charge at the given location."""


class TokenType(OcpiEnum):
    """Kind of token."""

    OTHER = "OTHER"
    """Some other kind of token."""

    RFID = "RFID"
    """An RFID token."""


class WhitelistType(OcpiEnum):
    """When the CPO may authorize a Token from its whitelist instead of asking the eMSP."""

    ALWAYS = "ALWAYS"
    """The Token is always whitelisted; real-time authorization is not possible or not allowed."""

    ALLOWED = "ALLOWED"
    """The Token may be whitelisted; real-time authorization is allowed as well."""

    ALLOWED_OFFLINE = "ALLOWED_OFFLINE"
    """Whitelisting is only allowed while the CPO cannot reach the eMSP."""

    NEVER = "NEVER"
    """Whitelisting is forbidden; every use of the Token must be authorized in real time by the
    eMSP."""


@attrs.define(kw_only=True)
class AuthorizationInfo:
    """Answer of the eMSP to a real-time authorization request for a Token."""

    allowed: Allowed
    """Token status and whether charging is allowed at the optionally given location."""

    location: LocationReferences | None = None
    """The requested location, if any, reduced to the EVSEs/Connectors the driver may use."""

    info: DisplayText | None = None
    """Optional extra text to show to the EV driver."""


@attrs.define(kw_only=True)
class Token:
    """A token (e.g. an RFID card) issued by an eMSP that a driver uses to authorize charging."""

    uid: str = attrs.field(metadata={"max_length": 36})
    """Identifier the CPO system uses for this token, mostly the RFID hidden ID read by the
    reader."""

    type: TokenType
    """Kind of token."""

    auth_id: str = attrs.field(metadata={"max_length": 36})
    """Unique identifier of the EV driver contract within the eMSP platform (eMA ID recommended)."""

    visual_number: str | None = attrs.field(default=None, metadata={"max_length": 64})
    """Human-readable number printed on the token, possibly equal to auth_id."""

    issuer: str = attrs.field(metadata={"max_length": 64})
    """Company that issued the token, usually the name printed on it."""

    valid: bool
    """Whether the token is valid."""

    whitelist: WhitelistType
    """Which kind of whitelisting is allowed for this token."""

    language: str | None = attrs.field(default=None, metadata={"max_length": 2})
    """ISO 639-1 code of the preferred interface language of the token owner."""

    last_updated: datetime
    """When this Token was last updated or created."""

    def __attrs_post_init__(self) -> None:
        if len(self.uid) > 36:
            raise too_long("uid", self.uid, 36)
        if len(self.auth_id) > 36:
            raise too_long("auth_id", self.auth_id, 36)
        if self.visual_number is not None and len(self.visual_number) > 64:
            raise too_long("visual_number", self.visual_number, 64)
        if len(self.issuer) > 64:
            raise too_long("issuer", self.issuer, 64)
        if self.language is not None and len(self.language) > 2:
            raise too_long("language", self.language, 2)


@attrs.define(kw_only=True)
class LocationReferences:
    """Reference to a Location and optionally some of its EVSEs and Connectors."""

    location_id: str = attrs.field(metadata={"max_length": 39})
    """Identifier of the Location."""

    evse_uids: list[str] | None = attrs.field(default=None, metadata={"items_max_length": 39})
    """Identifiers of EVSEs within the given Location."""

    connector_ids: list[str] | None = attrs.field(default=None, metadata={"items_max_length": 36})
    """Identifiers of Connectors within the given EVSEs."""

    def __attrs_post_init__(self) -> None:
        if len(self.location_id) > 39:
            raise too_long("location_id", self.location_id, 39)
        if self.evse_uids is not None:
            check_items_length("evse_uids", self.evse_uids, 39)
        if self.connector_ids is not None:
            check_items_length("connector_ids", self.connector_ids, 36)
