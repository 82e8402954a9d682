"""Clients of the OCPI 2.3.0 Commands module: one per interface role, sync and async.

Generated from ``schemas/2.3.0/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from ocpi_sdk.transport import Ack, AsyncClient, OperationSpec, SyncClient
from ocpi_sdk.v2_3_0 import PROFILE, converter
from ocpi_sdk.v2_3_0.commands import (
    CancelReservation,
    CommandResponse,
    CommandResult,
    ReserveNow,
    StartSession,
    StopSession,
    UnlockConnector,
)

__all__ = [
    "AsyncCommandsReceiverClient",
    "AsyncCommandsSenderClient",
    "CommandsReceiverClient",
    "CommandsSenderClient",
]

_RECEIVER_CANCEL_RESERVATION = OperationSpec(
    module="commands",
    role="RECEIVER",
    name="cancel_reservation",
    method="POST",
    path="CANCEL_RESERVATION",
    target="endpoint",
    paginated=False,
    request_object="CancelReservation",
    request_partial=False,
    response_object="CommandResponse",
    response_list=False,
    routed=True,
)

_RECEIVER_RESERVE_NOW = OperationSpec(
    module="commands",
    role="RECEIVER",
    name="reserve_now",
    method="POST",
    path="RESERVE_NOW",
    target="endpoint",
    paginated=False,
    request_object="ReserveNow",
    request_partial=False,
    response_object="CommandResponse",
    response_list=False,
    routed=True,
)

_RECEIVER_START_SESSION = OperationSpec(
    module="commands",
    role="RECEIVER",
    name="start_session",
    method="POST",
    path="START_SESSION",
    target="endpoint",
    paginated=False,
    request_object="StartSession",
    request_partial=False,
    response_object="CommandResponse",
    response_list=False,
    routed=True,
)

_RECEIVER_STOP_SESSION = OperationSpec(
    module="commands",
    role="RECEIVER",
    name="stop_session",
    method="POST",
    path="STOP_SESSION",
    target="endpoint",
    paginated=False,
    request_object="StopSession",
    request_partial=False,
    response_object="CommandResponse",
    response_list=False,
    routed=True,
)

_RECEIVER_UNLOCK_CONNECTOR = OperationSpec(
    module="commands",
    role="RECEIVER",
    name="unlock_connector",
    method="POST",
    path="UNLOCK_CONNECTOR",
    target="endpoint",
    paginated=False,
    request_object="UnlockConnector",
    request_partial=False,
    response_object="CommandResponse",
    response_list=False,
    routed=True,
)

_SENDER_COMMAND_RESULT = OperationSpec(
    module="commands",
    role="SENDER",
    name="command_result",
    method="POST",
    path="",
    target="response_url",
    paginated=False,
    request_object="CommandResult",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

OPERATIONS: dict[tuple[str | None, str], OperationSpec] = {
    ("RECEIVER", "cancel_reservation"): _RECEIVER_CANCEL_RESERVATION,
    ("RECEIVER", "reserve_now"): _RECEIVER_RESERVE_NOW,
    ("RECEIVER", "start_session"): _RECEIVER_START_SESSION,
    ("RECEIVER", "stop_session"): _RECEIVER_STOP_SESSION,
    ("RECEIVER", "unlock_connector"): _RECEIVER_UNLOCK_CONNECTOR,
    ("SENDER", "command_result"): _SENDER_COMMAND_RESULT,
}
"""Every operation of this module by (interface role, method name)."""


class CommandsReceiverClient(SyncClient):
    """Calls a partner's Commands receiver interface (OCPI 2.3.0, "Receiver Interface").

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "commands"
    role = "RECEIVER"

    def cancel_reservation(self, body: CancelReservation) -> CommandResponse:
        """Ask the CPO to send a CANCEL_RESERVATION command (cancel a reservation) to the Charge
        Point."""
        return self._call(_RECEIVER_CANCEL_RESERVATION, CommandResponse, body=body)

    def reserve_now(self, body: ReserveNow) -> CommandResponse:
        """Ask the CPO to send a RESERVE_NOW command (reserve an EVSE) to the Charge Point."""
        return self._call(_RECEIVER_RESERVE_NOW, CommandResponse, body=body)

    def start_session(self, body: StartSession) -> CommandResponse:
        """Ask the CPO to send a START_SESSION command (start a session) to the Charge Point."""
        return self._call(_RECEIVER_START_SESSION, CommandResponse, body=body)

    def stop_session(self, body: StopSession) -> CommandResponse:
        """Ask the CPO to send a STOP_SESSION command (stop a session) to the Charge Point."""
        return self._call(_RECEIVER_STOP_SESSION, CommandResponse, body=body)

    def unlock_connector(self, body: UnlockConnector) -> CommandResponse:
        """Ask the CPO to send a UNLOCK_CONNECTOR command (unlock a connector) to the Charge
        Point."""
        return self._call(_RECEIVER_UNLOCK_CONNECTOR, CommandResponse, body=body)


class AsyncCommandsReceiverClient(AsyncClient):
    """Calls a partner's Commands receiver interface (OCPI 2.3.0, "Receiver Interface"), with
    asyncio.

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "commands"
    role = "RECEIVER"

    async def cancel_reservation(self, body: CancelReservation) -> CommandResponse:
        """Ask the CPO to send a CANCEL_RESERVATION command (cancel a reservation) to the Charge
        Point."""
        return await self._call(_RECEIVER_CANCEL_RESERVATION, CommandResponse, body=body)

    async def reserve_now(self, body: ReserveNow) -> CommandResponse:
        """Ask the CPO to send a RESERVE_NOW command (reserve an EVSE) to the Charge Point."""
        return await self._call(_RECEIVER_RESERVE_NOW, CommandResponse, body=body)

    async def start_session(self, body: StartSession) -> CommandResponse:
        """Ask the CPO to send a START_SESSION command (start a session) to the Charge Point."""
        return await self._call(_RECEIVER_START_SESSION, CommandResponse, body=body)

    async def stop_session(self, body: StopSession) -> CommandResponse:
        """Ask the CPO to send a STOP_SESSION command (stop a session) to the Charge Point."""
        return await self._call(_RECEIVER_STOP_SESSION, CommandResponse, body=body)

    async def unlock_connector(self, body: UnlockConnector) -> CommandResponse:
        """Ask the CPO to send a UNLOCK_CONNECTOR command (unlock a connector) to the Charge
        Point."""
        return await self._call(_RECEIVER_UNLOCK_CONNECTOR, CommandResponse, body=body)


class CommandsSenderClient(SyncClient):
    """Calls a partner's Commands sender interface (OCPI 2.3.0, "Sender Interface").

    The partner side is typically implemented by: EMSP. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "commands"
    role = "SENDER"

    def command_result(self, body: CommandResult, *, response_url: str | None = None) -> Ack:
        """Deliver the asynchronous result from the Charge Point to the response_url given in the
        command."""
        return self._call_ack(_SENDER_COMMAND_RESULT, target=response_url, body=body)


class AsyncCommandsSenderClient(AsyncClient):
    """Calls a partner's Commands sender interface (OCPI 2.3.0, "Sender Interface"), with
    asyncio.

    The partner side is typically implemented by: EMSP. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "commands"
    role = "SENDER"

    async def command_result(self, body: CommandResult, *, response_url: str | None = None) -> Ack:
        """Deliver the asynchronous result from the Charge Point to the response_url given in the
        command."""
        return await self._call_ack(_SENDER_COMMAND_RESULT, target=response_url, body=body)
