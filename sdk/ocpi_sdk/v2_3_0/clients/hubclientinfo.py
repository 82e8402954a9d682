"""Clients of the OCPI 2.3.0 HubClientInfo module: one per interface role, sync and async.

Generated from ``schemas/2.3.0/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime

from ocpi_sdk.transport import Ack, AsyncClient, OperationSpec, Page, SyncClient
from ocpi_sdk.v2_3_0 import PROFILE, converter
from ocpi_sdk.v2_3_0.hubclientinfo import ClientInfo

__all__ = [
    "AsyncHubClientInfoReceiverClient",
    "AsyncHubClientInfoSenderClient",
    "HubClientInfoReceiverClient",
    "HubClientInfoSenderClient",
]

_RECEIVER_GET = OperationSpec(
    module="hubclientinfo",
    role="RECEIVER",
    name="get",
    method="GET",
    path="{country_code}/{party_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="ClientInfo",
    response_list=False,
    routed=False,
)

_RECEIVER_PUT = OperationSpec(
    module="hubclientinfo",
    role="RECEIVER",
    name="put",
    method="PUT",
    path="{country_code}/{party_id}",
    target="endpoint",
    paginated=False,
    request_object="ClientInfo",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=False,
)

_SENDER_LIST = OperationSpec(
    module="hubclientinfo",
    role="SENDER",
    name="list",
    method="GET",
    path="",
    target="endpoint",
    paginated=True,
    request_object=None,
    request_partial=False,
    response_object="ClientInfo",
    response_list=True,
    routed=False,
)

OPERATIONS: dict[tuple[str | None, str], OperationSpec] = {
    ("RECEIVER", "get"): _RECEIVER_GET,
    ("RECEIVER", "put"): _RECEIVER_PUT,
    ("SENDER", "list"): _SENDER_LIST,
}
"""Every operation of this module by (interface role, method name)."""


class HubClientInfoReceiverClient(SyncClient):
    """Calls a partner's HubClientInfo receiver interface (OCPI 2.3.0, "Receiver Interface").

    The partner side is typically implemented by: CPO, EMSP, NAP, NSP, OTHER, SCSP. Create it
    with the endpoint URL from the partner's version details and the token to send; pass
    ``client=`` to use your own httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "hubclientinfo"
    role = "RECEIVER"

    def get(self, country_code: str, party_id: str) -> ClientInfo:
        """Retrieve one ClientInfo object as stored in the connected party's system."""
        return self._call(
            _RECEIVER_GET,
            ClientInfo,
            path_args={"country_code": country_code, "party_id": party_id},
        )

    def put(self, country_code: str, party_id: str, body: ClientInfo) -> Ack:
        """Push a new or updated ClientInfo object to the connected party."""
        return self._call_ack(
            _RECEIVER_PUT, path_args={"country_code": country_code, "party_id": party_id}, body=body
        )


class AsyncHubClientInfoReceiverClient(AsyncClient):
    """Calls a partner's HubClientInfo receiver interface (OCPI 2.3.0, "Receiver Interface"),
    with asyncio.

    The partner side is typically implemented by: CPO, EMSP, NAP, NSP, OTHER, SCSP. Create it
    with the endpoint URL from the partner's version details and the token to send; pass
    ``client=`` to use your own httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "hubclientinfo"
    role = "RECEIVER"

    async def get(self, country_code: str, party_id: str) -> ClientInfo:
        """Retrieve one ClientInfo object as stored in the connected party's system."""
        return await self._call(
            _RECEIVER_GET,
            ClientInfo,
            path_args={"country_code": country_code, "party_id": party_id},
        )

    async def put(self, country_code: str, party_id: str, body: ClientInfo) -> Ack:
        """Push a new or updated ClientInfo object to the connected party."""
        return await self._call_ack(
            _RECEIVER_PUT, path_args={"country_code": country_code, "party_id": party_id}, body=body
        )


class HubClientInfoSenderClient(SyncClient):
    """Calls a partner's HubClientInfo sender interface (OCPI 2.3.0, "Sender Interface").

    The partner side is typically implemented by: HUB. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "hubclientinfo"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Iterator[ClientInfo]:
        """Fetch the ClientInfo objects last updated between date_from and date_to. Follows every
        page (``Link: rel="next"`` when it can be followed, else ``offset``), one request per
        page; objects that do not fit the model are left out and kept in ``rejected``, repeats
        across pages are given once. ``client.pull`` says where the pull stands; resume one
        that failed with ``offset=client.pull.next_offset`` or
        ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            ClientInfo,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    def list_page(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Page[ClientInfo]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return self._page(
            _SENDER_LIST,
            ClientInfo,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )


class AsyncHubClientInfoSenderClient(AsyncClient):
    """Calls a partner's HubClientInfo sender interface (OCPI 2.3.0, "Sender Interface"), with
    asyncio.

    The partner side is typically implemented by: HUB. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "hubclientinfo"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> AsyncIterator[ClientInfo]:
        """Fetch the ClientInfo objects last updated between date_from and date_to. Follows every
        page (``Link: rel="next"`` when it can be followed, else ``offset``), one request per
        page; objects that do not fit the model are left out and kept in ``rejected``, repeats
        across pages are given once. ``client.pull`` says where the pull stands; resume one
        that failed with ``offset=client.pull.next_offset`` or
        ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            ClientInfo,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    async def list_page(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Page[ClientInfo]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return await self._page(
            _SENDER_LIST,
            ClientInfo,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )
