"""Clients of the OCPI 2.2.1 ChargingProfiles module: one per interface role, sync and async.

Generated from ``schemas/2.2.1/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from ocpi_sdk.transport import Ack, AsyncClient, OperationSpec, SyncClient
from ocpi_sdk.v2_2_1 import PROFILE, converter
from ocpi_sdk.v2_2_1.chargingprofiles import (
    ActiveChargingProfile,
    ActiveChargingProfileResult,
    ChargingProfileResponse,
    ChargingProfileResult,
    ClearProfileResult,
    SetChargingProfile,
)

__all__ = [
    "AsyncChargingProfilesReceiverClient",
    "AsyncChargingProfilesSenderClient",
    "ChargingProfilesReceiverClient",
    "ChargingProfilesSenderClient",
]

_RECEIVER_GET = OperationSpec(
    module="chargingprofiles",
    role="RECEIVER",
    name="get",
    method="GET",
    path="{session_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="ChargingProfileResponse",
    response_list=False,
    routed=True,
)

_RECEIVER_PUT = OperationSpec(
    module="chargingprofiles",
    role="RECEIVER",
    name="put",
    method="PUT",
    path="{session_id}",
    target="endpoint",
    paginated=False,
    request_object="SetChargingProfile",
    request_partial=False,
    response_object="ChargingProfileResponse",
    response_list=False,
    routed=True,
)

_RECEIVER_DELETE = OperationSpec(
    module="chargingprofiles",
    role="RECEIVER",
    name="delete",
    method="DELETE",
    path="{session_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="ChargingProfileResponse",
    response_list=False,
    routed=True,
)

_SENDER_ACTIVE_CHARGING_PROFILE_RESULT = OperationSpec(
    module="chargingprofiles",
    role="SENDER",
    name="active_charging_profile_result",
    method="POST",
    path="",
    target="response_url",
    paginated=False,
    request_object="ActiveChargingProfileResult",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_SENDER_CHARGING_PROFILE_RESULT = OperationSpec(
    module="chargingprofiles",
    role="SENDER",
    name="charging_profile_result",
    method="POST",
    path="",
    target="response_url",
    paginated=False,
    request_object="ChargingProfileResult",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_SENDER_CLEAR_PROFILE_RESULT = OperationSpec(
    module="chargingprofiles",
    role="SENDER",
    name="clear_profile_result",
    method="POST",
    path="",
    target="response_url",
    paginated=False,
    request_object="ClearProfileResult",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_SENDER_PUT = OperationSpec(
    module="chargingprofiles",
    role="SENDER",
    name="put",
    method="PUT",
    path="{session_id}",
    target="endpoint",
    paginated=False,
    request_object="ActiveChargingProfile",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

OPERATIONS: dict[tuple[str | None, str], OperationSpec] = {
    ("RECEIVER", "get"): _RECEIVER_GET,
    ("RECEIVER", "put"): _RECEIVER_PUT,
    ("RECEIVER", "delete"): _RECEIVER_DELETE,
    ("SENDER", "active_charging_profile_result"): _SENDER_ACTIVE_CHARGING_PROFILE_RESULT,
    ("SENDER", "charging_profile_result"): _SENDER_CHARGING_PROFILE_RESULT,
    ("SENDER", "clear_profile_result"): _SENDER_CLEAR_PROFILE_RESULT,
    ("SENDER", "put"): _SENDER_PUT,
}
"""Every operation of this module by (interface role, method name)."""


class ChargingProfilesReceiverClient(SyncClient):
    """Calls a partner's ChargingProfiles receiver interface (OCPI 2.2.1, "Receiver Interface").

    The partner side is typically implemented by: CPO, EMSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "chargingprofiles"
    role = "RECEIVER"

    def get(self, session_id: str, *, duration: int, response_url: str) -> ChargingProfileResponse:
        """Ask for the ActiveChargingProfile of a session; the result is POSTed later to
        response_url."""
        return self._call(
            _RECEIVER_GET,
            ChargingProfileResponse,
            path_args={"session_id": session_id},
            query={"duration": duration, "response_url": response_url},
        )

    def put(self, session_id: str, body: SetChargingProfile) -> ChargingProfileResponse:
        """Set or replace the ChargingProfile of a session; the result is POSTed later to
        response_url."""
        return self._call(
            _RECEIVER_PUT, ChargingProfileResponse, path_args={"session_id": session_id}, body=body
        )

    def delete(self, session_id: str, *, response_url: str) -> ChargingProfileResponse:
        """Clear the ChargingProfile set on a session; the result is POSTed later to
        response_url."""
        return self._call(
            _RECEIVER_DELETE,
            ChargingProfileResponse,
            path_args={"session_id": session_id},
            query={"response_url": response_url},
        )


class AsyncChargingProfilesReceiverClient(AsyncClient):
    """Calls a partner's ChargingProfiles receiver interface (OCPI 2.2.1, "Receiver Interface"),
    with asyncio.

    The partner side is typically implemented by: CPO, EMSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "chargingprofiles"
    role = "RECEIVER"

    async def get(
        self, session_id: str, *, duration: int, response_url: str
    ) -> ChargingProfileResponse:
        """Ask for the ActiveChargingProfile of a session; the result is POSTed later to
        response_url."""
        return await self._call(
            _RECEIVER_GET,
            ChargingProfileResponse,
            path_args={"session_id": session_id},
            query={"duration": duration, "response_url": response_url},
        )

    async def put(self, session_id: str, body: SetChargingProfile) -> ChargingProfileResponse:
        """Set or replace the ChargingProfile of a session; the result is POSTed later to
        response_url."""
        return await self._call(
            _RECEIVER_PUT, ChargingProfileResponse, path_args={"session_id": session_id}, body=body
        )

    async def delete(self, session_id: str, *, response_url: str) -> ChargingProfileResponse:
        """Clear the ChargingProfile set on a session; the result is POSTed later to
        response_url."""
        return await self._call(
            _RECEIVER_DELETE,
            ChargingProfileResponse,
            path_args={"session_id": session_id},
            query={"response_url": response_url},
        )


class ChargingProfilesSenderClient(SyncClient):
    """Calls a partner's ChargingProfiles sender interface (OCPI 2.2.1, "Sender Interface").

    The partner side is typically implemented by: EMSP, SCSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "chargingprofiles"
    role = "SENDER"

    def active_charging_profile_result(
        self, body: ActiveChargingProfileResult, *, response_url: str | None = None
    ) -> Ack:
        """Deliver the Charge Point's answer to a GET ActiveChargingProfile request."""
        return self._call_ack(
            _SENDER_ACTIVE_CHARGING_PROFILE_RESULT, target=response_url, body=body
        )

    def charging_profile_result(
        self, body: ChargingProfileResult, *, response_url: str | None = None
    ) -> Ack:
        """Deliver the Charge Point's answer to a PUT SetChargingProfile request."""
        return self._call_ack(_SENDER_CHARGING_PROFILE_RESULT, target=response_url, body=body)

    def clear_profile_result(
        self, body: ClearProfileResult, *, response_url: str | None = None
    ) -> Ack:
        """Deliver the Charge Point's answer to a DELETE ChargingProfile request."""
        return self._call_ack(_SENDER_CLEAR_PROFILE_RESULT, target=response_url, body=body)

    def put(self, session_id: str, body: ActiveChargingProfile) -> Ack:
        """Send an updated ActiveChargingProfile of a session to the Sender."""
        return self._call_ack(_SENDER_PUT, path_args={"session_id": session_id}, body=body)


class AsyncChargingProfilesSenderClient(AsyncClient):
    """Calls a partner's ChargingProfiles sender interface (OCPI 2.2.1, "Sender Interface"), with
    asyncio.

    The partner side is typically implemented by: EMSP, SCSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "chargingprofiles"
    role = "SENDER"

    async def active_charging_profile_result(
        self, body: ActiveChargingProfileResult, *, response_url: str | None = None
    ) -> Ack:
        """Deliver the Charge Point's answer to a GET ActiveChargingProfile request."""
        return await self._call_ack(
            _SENDER_ACTIVE_CHARGING_PROFILE_RESULT, target=response_url, body=body
        )

    async def charging_profile_result(
        self, body: ChargingProfileResult, *, response_url: str | None = None
    ) -> Ack:
        """Deliver the Charge Point's answer to a PUT SetChargingProfile request."""
        return await self._call_ack(_SENDER_CHARGING_PROFILE_RESULT, target=response_url, body=body)

    async def clear_profile_result(
        self, body: ClearProfileResult, *, response_url: str | None = None
    ) -> Ack:
        """Deliver the Charge Point's answer to a DELETE ChargingProfile request."""
        return await self._call_ack(_SENDER_CLEAR_PROFILE_RESULT, target=response_url, body=body)

    async def put(self, session_id: str, body: ActiveChargingProfile) -> Ack:
        """Send an updated ActiveChargingProfile of a session to the Sender."""
        return await self._call_ack(_SENDER_PUT, path_args={"session_id": session_id}, body=body)
