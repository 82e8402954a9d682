"""Clients of the OCPI 2.3.0 Sessions module: one per interface role, sync and async.

Generated from ``schemas/2.3.0/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import datetime
from typing import Any

from ocpi_sdk.transport import Ack, AsyncClient, OperationSpec, Page, SyncClient
from ocpi_sdk.v2_3_0 import PROFILE, converter
from ocpi_sdk.v2_3_0.sessions import ChargingPreferences, ChargingPreferencesResponse, Session

__all__ = [
    "AsyncSessionsReceiverClient",
    "AsyncSessionsSenderClient",
    "SessionsReceiverClient",
    "SessionsSenderClient",
]

_SENDER_LIST = OperationSpec(
    module="sessions",
    role="SENDER",
    name="list",
    method="GET",
    path="",
    target="endpoint",
    paginated=True,
    request_object=None,
    request_partial=False,
    response_object="Session",
    response_list=True,
    routed=True,
)

_SENDER_SET_CHARGING_PREFERENCES = OperationSpec(
    module="sessions",
    role="SENDER",
    name="set_charging_preferences",
    method="PUT",
    path="{session_id}/charging_preferences",
    target="endpoint",
    paginated=False,
    request_object="ChargingPreferences",
    request_partial=False,
    response_object="ChargingPreferencesResponse",
    response_list=False,
    routed=True,
)

_RECEIVER_GET = OperationSpec(
    module="sessions",
    role="RECEIVER",
    name="get",
    method="GET",
    path="{country_code}/{party_id}/{session_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="Session",
    response_list=False,
    routed=True,
)

_RECEIVER_PUT = OperationSpec(
    module="sessions",
    role="RECEIVER",
    name="put",
    method="PUT",
    path="{country_code}/{party_id}/{session_id}",
    target="endpoint",
    paginated=False,
    request_object="Session",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_RECEIVER_PATCH = OperationSpec(
    module="sessions",
    role="RECEIVER",
    name="patch",
    method="PATCH",
    path="{country_code}/{party_id}/{session_id}",
    target="endpoint",
    paginated=False,
    request_object="Session",
    request_partial=True,
    response_object=None,
    response_list=False,
    routed=True,
)

OPERATIONS: dict[tuple[str | None, str], OperationSpec] = {
    ("SENDER", "list"): _SENDER_LIST,
    ("SENDER", "set_charging_preferences"): _SENDER_SET_CHARGING_PREFERENCES,
    ("RECEIVER", "get"): _RECEIVER_GET,
    ("RECEIVER", "put"): _RECEIVER_PUT,
    ("RECEIVER", "patch"): _RECEIVER_PATCH,
}
"""Every operation of this module by (interface role, method name)."""


class SessionsSenderClient(SyncClient):
    """Calls a partner's Sessions sender interface (OCPI 2.3.0, "Sender Interface").

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "sessions"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Iterator[Session]:
        """Fetch Sessions last updated between date_from and date_to. Follows every page (``Link:
        rel="next"`` when it can be followed, else ``offset``), one request per page; objects
        that do not fit the model are left out and kept in ``rejected``, repeats across pages
        are given once. ``client.pull`` says where the pull stands; resume one that failed
        with ``offset=client.pull.next_offset`` or ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            Session,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    def list_page(
        self,
        *,
        date_from: datetime,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Page[Session]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return self._page(
            _SENDER_LIST,
            Session,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    def set_charging_preferences(
        self, session_id: str, body: ChargingPreferences
    ) -> ChargingPreferencesResponse:
        """Set or update the driver's Charging Preferences for an ongoing Session."""
        return self._call(
            _SENDER_SET_CHARGING_PREFERENCES,
            ChargingPreferencesResponse,
            path_args={"session_id": session_id},
            body=body,
        )


class AsyncSessionsSenderClient(AsyncClient):
    """Calls a partner's Sessions sender interface (OCPI 2.3.0, "Sender Interface"), with
    asyncio.

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "sessions"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> AsyncIterator[Session]:
        """Fetch Sessions last updated between date_from and date_to. Follows every page (``Link:
        rel="next"`` when it can be followed, else ``offset``), one request per page; objects
        that do not fit the model are left out and kept in ``rejected``, repeats across pages
        are given once. ``client.pull`` says where the pull stands; resume one that failed
        with ``offset=client.pull.next_offset`` or ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            Session,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    async def list_page(
        self,
        *,
        date_from: datetime,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Page[Session]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return await self._page(
            _SENDER_LIST,
            Session,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    async def set_charging_preferences(
        self, session_id: str, body: ChargingPreferences
    ) -> ChargingPreferencesResponse:
        """Set or update the driver's Charging Preferences for an ongoing Session."""
        return await self._call(
            _SENDER_SET_CHARGING_PREFERENCES,
            ChargingPreferencesResponse,
            path_args={"session_id": session_id},
            body=body,
        )


class SessionsReceiverClient(SyncClient):
    """Calls a partner's Sessions receiver interface (OCPI 2.3.0, "Receiver Interface").

    The partner side is typically implemented by: EMSP, SCSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "sessions"
    role = "RECEIVER"

    def get(self, country_code: str, party_id: str, session_id: str) -> Session:
        """Retrieve a Session from the receiver by its id, e.g. to check its state."""
        return self._call(
            _RECEIVER_GET,
            Session,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "session_id": session_id,
            },
        )

    def put(self, country_code: str, party_id: str, session_id: str, body: Session) -> Ack:
        """Push a new or updated Session to the receiver."""
        return self._call_ack(
            _RECEIVER_PUT,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "session_id": session_id,
            },
            body=body,
        )

    def patch(
        self, country_code: str, party_id: str, session_id: str, body: Mapping[str, Any]
    ) -> Ack:
        """Update some fields of a Session in the receiver's system."""
        return self._call_ack(
            _RECEIVER_PATCH,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "session_id": session_id,
            },
            body=body,
        )


class AsyncSessionsReceiverClient(AsyncClient):
    """Calls a partner's Sessions receiver interface (OCPI 2.3.0, "Receiver Interface"), with
    asyncio.

    The partner side is typically implemented by: EMSP, SCSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "sessions"
    role = "RECEIVER"

    async def get(self, country_code: str, party_id: str, session_id: str) -> Session:
        """Retrieve a Session from the receiver by its id, e.g. to check its state."""
        return await self._call(
            _RECEIVER_GET,
            Session,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "session_id": session_id,
            },
        )

    async def put(self, country_code: str, party_id: str, session_id: str, body: Session) -> Ack:
        """Push a new or updated Session to the receiver."""
        return await self._call_ack(
            _RECEIVER_PUT,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "session_id": session_id,
            },
            body=body,
        )

    async def patch(
        self, country_code: str, party_id: str, session_id: str, body: Mapping[str, Any]
    ) -> Ack:
        """Update some fields of a Session in the receiver's system."""
        return await self._call_ack(
            _RECEIVER_PATCH,
            path_args={
                "country_code": country_code,
                "party_id": party_id,
                "session_id": session_id,
            },
            body=body,
        )
