"""OCPI 2.3.0 Commands module.

Objects and data types of the OCPI 2.3.0 Commands module: remote commands sent by the eMSP via
the CPO to a Charge Point.

Spec chapter: ``mod_commands.asciidoc``.
Generated from ``schemas/2.3.0/commands.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, OpenOcpiEnum, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_3_0.tokens import Token
    from ocpi_sdk.v2_3_0.types import DisplayText


__all__ = [
    "CancelReservation",
    "CommandResponse",
    "CommandResponseType",
    "CommandResult",
    "CommandResultType",
    "CommandType",
    "ReserveNow",
    "StartSession",
    "StopSession",
    "UnlockConnector",
]


class CommandResponseType(OcpiEnum):
    """The CPO's direct answer to a command request of the eMSP."""

    NOT_SUPPORTED = "NOT_SUPPORTED"
    """The CPO, Charge Point or EVSE does not support the command."""

    REJECTED = "REJECTED"
    """The CPO rejected the command (e.g. the Session belongs to another eMSP's customer)."""

    ACCEPTED = "ACCEPTED"
    """The CPO accepted the command."""

    UNKNOWN_SESSION = "UNKNOWN_SESSION"
    """The CPO does not know the Session named in the command."""


class CommandResultType(OcpiEnum):
    """Result of the command as executed by the Charge Point."""

    ACCEPTED = "ACCEPTED"
    """The Charge Point accepted the command."""

    CANCELED_RESERVATION = "CANCELED_RESERVATION"
    """The CPO canceled the Reservation."""

    EVSE_OCCUPIED = "EVSE_OCCUPIED"
    """The EVSE is occupied by another session; no new session can start."""

    EVSE_INOPERATIVE = "EVSE_INOPERATIVE"
    """The EVSE is inoperative or faulted."""

    FAILED = "FAILED"
    """The Charge Point failed to execute the command."""

    NOT_SUPPORTED = "NOT_SUPPORTED"
    """The Charge Point or EVSE does not support the command."""

    REJECTED = "REJECTED"
    """The Charge Point rejected the command."""

    TIMEOUT = "TIMEOUT"
    """The Charge Point did not answer in reasonable time."""

    UNKNOWN_RESERVATION = "UNKNOWN_RESERVATION"
    """The Charge Point does not know the Reservation named in the command."""


class CommandType(OpenOcpiEnum):
    """Kind of command requested; an open enum: receivers accept values not listed here.

    Open enum: a value not listed here is kept as it is, not rejected."""

    CANCEL_RESERVATION = "CANCEL_RESERVATION"
    """Cancel a specific reservation."""

    RESERVE_NOW = "RESERVE_NOW"
    """Reserve a (specific) EVSE for a Token for some time, starting now."""

    START_SESSION = "START_SESSION"
    """Start a transaction on the given EVSE/Connector."""

    STOP_SESSION = "STOP_SESSION"
    """Stop an ongoing session."""

    UNLOCK_CONNECTOR = "UNLOCK_CONNECTOR"
    """Unlock the connector if applicable; for operators or the eMSP only, never sent directly by
    the driver."""


@attrs.define(kw_only=True)
class CancelReservation:
    """Body of the CANCEL_RESERVATION command: cancel an existing reservation."""

    response_url: str = attrs.field(metadata={"max_length": 255})
    """URL the asynchronous CommandResult is POSTed to; may hold a unique ID to match it with
    this CancelReservation request."""

    reservation_id: str = attrs.field(metadata={"max_length": 36})
    """The reservation_id given in the earlier ReserveNow."""

    def __attrs_post_init__(self) -> None:
        if len(self.response_url) > 255:
            raise too_long("response_url", self.response_url, 255)
        if len(self.reservation_id) > 36:
            raise too_long("reservation_id", self.reservation_id, 36)


@attrs.define(kw_only=True)
class CommandResponse:
    """Direct answer of the CPO to a command request, sent in the HTTP response."""

    result: CommandResponseType
    """The CPO's answer to the command request."""

    timeout: int
    """Seconds within which the CommandResult is expected; after that the eMSP may assume it will
    never come."""

    message: list[DisplayText] | None = None
    """Human-readable explanation of the result, possibly in several languages."""


@attrs.define(kw_only=True)
class CommandResult:
    """Asynchronous result of a command from the Charge Point, POSTed by the CPO to the
    response_url."""

    result: CommandResultType
    """Result of the command as reported by the Charge Point to the CPO."""

    message: list[DisplayText] | None = None
    """Human-readable explanation of the result, possibly in several languages."""


@attrs.define(kw_only=True)
class ReserveNow:
    """Body of the RESERVE_NOW command: reserve an EVSE of a Location for a Token."""

    response_url: str = attrs.field(metadata={"max_length": 255})
    """URL the asynchronous CommandResult is POSTed to; may hold a unique ID to match it with
    this ReserveNow request."""

    token: Token
    """Token for which the Charge Point (and EVSE) is reserved."""

    expiry_date: datetime
    """When the reservation ends (UTC)."""

    reservation_id: str = attrs.field(metadata={"max_length": 36})
    """Unique reservation id; an existing reservation with the same id at that Location is
    replaced."""

    location_id: str = attrs.field(metadata={"max_length": 36})
    """Location.id of the Location where an EVSE is to be reserved."""

    evse_uid: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """EVSE.uid of the specific EVSE to reserve, if any."""

    authorization_reference: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Reference of the eMSP's authorization, to be repeated in the related Session and/or CDR."""

    def __attrs_post_init__(self) -> None:
        if len(self.response_url) > 255:
            raise too_long("response_url", self.response_url, 255)
        if len(self.reservation_id) > 36:
            raise too_long("reservation_id", self.reservation_id, 36)
        if len(self.location_id) > 36:
            raise too_long("location_id", self.location_id, 36)
        if self.evse_uid is not None and len(self.evse_uid) > 36:
            raise too_long("evse_uid", self.evse_uid, 36)
        if self.authorization_reference is not None and len(self.authorization_reference) > 36:
            raise too_long("authorization_reference", self.authorization_reference, 36)


@attrs.define(kw_only=True)
class StartSession:
    """Body of the START_SESSION command: start a session at a Location for a Token."""

    response_url: str = attrs.field(metadata={"max_length": 255})
    """URL the asynchronous CommandResult is POSTed to; may hold a unique ID to match it with
    this StartSession request."""

    token: Token
    """Token, already authorized by the eMSP, the Charge Point uses to start the session."""

    location_id: str = attrs.field(metadata={"max_length": 36})
    """Location.id of the Location where the session is to be started."""

    evse_uid: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """EVSE.uid of the EVSE on which to start the session; required when connector_id is given."""

    connector_id: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Connector.id of the Connector on which to start; required when the EVSE has capability
    START_SESSION_CONNECTOR_REQUIRED."""

    authorization_reference: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Reference of the eMSP's authorization, to be repeated in the related Session and/or CDR."""

    def __attrs_post_init__(self) -> None:
        if len(self.response_url) > 255:
            raise too_long("response_url", self.response_url, 255)
        if len(self.location_id) > 36:
            raise too_long("location_id", self.location_id, 36)
        if self.evse_uid is not None and len(self.evse_uid) > 36:
            raise too_long("evse_uid", self.evse_uid, 36)
        if self.connector_id is not None and len(self.connector_id) > 36:
            raise too_long("connector_id", self.connector_id, 36)
        if self.authorization_reference is not None and len(self.authorization_reference) > 36:
            raise too_long("authorization_reference", self.authorization_reference, 36)


@attrs.define(kw_only=True)
class StopSession:
    """Body of the STOP_SESSION command: stop an ongoing session."""

    response_url: str = attrs.field(metadata={"max_length": 255})
    """URL the asynchronous CommandResult is POSTed to; may hold a unique ID to match it with
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
    """URL the asynchronous CommandResult is POSTed to; may hold a unique ID to match it with
    this UnlockConnector request."""

    location_id: str = attrs.field(metadata={"max_length": 36})
    """Location.id of the Location holding the connector."""

    evse_uid: str = attrs.field(metadata={"max_length": 36})
    """EVSE.uid of the EVSE holding the connector."""

    connector_id: str = attrs.field(metadata={"max_length": 36})
    """Connector.id of the Connector to unlock."""

    def __attrs_post_init__(self) -> None:
        if len(self.response_url) > 255:
            raise too_long("response_url", self.response_url, 255)
        if len(self.location_id) > 36:
            raise too_long("location_id", self.location_id, 36)
        if len(self.evse_uid) > 36:
            raise too_long("evse_uid", self.evse_uid, 36)
        if len(self.connector_id) > 36:
            raise too_long("connector_id", self.connector_id, 36)
