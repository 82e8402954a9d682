"""OCPI 2.1.1 Commands module.

Objects and data types of the OCPI 2.1.1 Commands module: remote commands sent by the eMSP via
the CPO to a Charge Point.

Spec chapter: ``mod_commands.md``.
Generated from ``schemas/2.1.1/commands.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_1_1.tokens import Token


__all__ = [
    "CommandResponse",
    "CommandResponseType",
    "CommandType",
    "ReserveNow",
    "StartSession",
    "StopSession",
    "UnlockConnector",
]


class CommandResponseType(OcpiEnum):
    """Outcome of a command request."""

    NOT_SUPPORTED = "NOT_SUPPORTED"
    """The CPO, Charge Point or EVSE does not support the command."""

    REJECTED = "REJECTED"
    """The CPO or Charge Point rejected the command."""

    ACCEPTED = "ACCEPTED"
    """The CPO or Charge Point accepted the command."""

    TIMEOUT = "TIMEOUT"
    """The Charge Point did not answer in reasonable time."""

    UNKNOWN_SESSION = "UNKNOWN_SESSION"
    """The CPO does not know the Session named in the command."""


class CommandType(OcpiEnum):
    """Kind of command requested."""

    RESERVE_NOW = "RESERVE_NOW"
    """Reserve a (specific) EVSE for a Token for some time, starting now."""

    START_SESSION = "START_SESSION"
    """Start a transaction on the given EVSE/Connector."""

    STOP_SESSION = "STOP_SESSION"
    """Stop an ongoing session."""

    UNLOCK_CONNECTOR = "UNLOCK_CONNECTOR"
    """Unlock the connector if applicable; for help desk operators only, never sent directly by
    the driver."""


@attrs.define(kw_only=True)
class CommandResponse:
    """Result of a command: the CPO's direct answer, and later the Charge Point's result POSTed
    to the response_url."""

    result: CommandResponseType
    """Outcome of the command request."""


@attrs.define(kw_only=True)
class ReserveNow:
    """Body of the RESERVE_NOW command: reserve an EVSE of a Location for a Token."""

    response_url: str = attrs.field(metadata={"max_length": 255})
    """URL the asynchronous CommandResponse is POSTed to; may hold a unique ID to match it with
    this ReserveNow request."""

    token: Token
    """Token for which the Charge Point (and EVSE) is reserved."""

    expiry_date: datetime
    """When the reservation ends."""

    reservation_id: int
    """Unique reservation id; an existing reservation with the same id is replaced."""

    location_id: str = attrs.field(metadata={"max_length": 39})
    """Location.id of the Location where an EVSE is to be reserved."""

    evse_uid: str | None = attrs.field(default=None, metadata={"max_length": 39})
    """EVSE.uid of the specific EVSE to reserve, if any."""

    def __attrs_post_init__(self) -> None:
        if len(self.response_url) > 255:
            raise too_long("response_url", self.response_url, 255)
        if len(self.location_id) > 39:
            raise too_long("location_id", self.location_id, 39)
        if self.evse_uid is not None and len(self.evse_uid) > 39:
            raise too_long("evse_uid", self.evse_uid, 39)


@attrs.define(kw_only=True)
class StartSession:
    """Body of the START_SESSION command: start a session at a Location for a Token."""

    response_url: str = attrs.field(metadata={"max_length": 255})
    """URL the asynchronous CommandResponse is POSTed to; may hold a unique ID to match it with
    this StartSession request."""

    token: Token
    """Token the Charge Point uses to start the session."""

    location_id: str = attrs.field(metadata={"max_length": 39})
    """Location.id of the Location where the session is to be started."""

    evse_uid: str | None = attrs.field(default=None, metadata={"max_length": 39})
    """EVSE.uid of the EVSE on which to start the session, if any."""

    def __attrs_post_init__(self) -> None:
        if len(self.response_url) > 255:
            raise too_long("response_url", self.response_url, 255)
        if len(self.location_id) > 39:
            raise too_long("location_id", self.location_id, 39)
        if self.evse_uid is not None and len(self.evse_uid) > 39:
            raise too_long("evse_uid", self.evse_uid, 39)


@attrs.define(kw_only=True)
class StopSession:
    """Body of the STOP_SESSION command: stop an ongoing session."""

    response_url: str = attrs.field(metadata={"max_length": 255})
    """URL the asynchronous CommandResponse is POSTed to; may hold a unique ID to match it with
    this StopSession request."""

    session_id: str = attrs.field(metadata={"max_length": 36})
    """Session.id of the Session to stop."""

    def __attrs_post_init__(self) -> None:
        if len(self.response_url) > 255:
            raise too_long("response_url", self.response_url, 255)
        if len(self.session_id) > 36:
            raise too_long("session_id", self.session_id, 36)


@attrs.define(kw_only=True)
class UnlockConnector:
    """Body of the UNLOCK_CONNECTOR command: unlock a connector of an EVSE."""

    response_url: str = attrs.field(metadata={"max_length": 255})
    """URL the asynchronous CommandResponse is POSTed to; may hold a unique ID to match it with
    this UnlockConnector request."""

    location_id: str = attrs.field(metadata={"max_length": 39})
    """Location.id of the Location holding the connector."""

    evse_uid: str = attrs.field(metadata={"max_length": 39})
    """EVSE.uid of the EVSE holding the connector."""

    connector_id: str = attrs.field(metadata={"max_length": 36})
    """Connector.id of the Connector to unlock."""

    def __attrs_post_init__(self) -> None:
        if len(self.response_url) > 255:
            raise too_long("response_url", self.response_url, 255)
        if len(self.location_id) > 39:
            raise too_long("location_id", self.location_id, 39)
        if len(self.evse_uid) > 39:
            raise too_long("evse_uid", self.evse_uid, 39)
        if len(self.connector_id) > 36:
            raise too_long("connector_id", self.connector_id, 36)
