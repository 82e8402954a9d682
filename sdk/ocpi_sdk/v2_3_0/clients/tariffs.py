"""Clients of the OCPI 2.3.0 Tariffs module: one per interface role, sync and async.

Generated from ``schemas/2.3.0/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime

from ocpi_sdk.transport import Ack, AsyncClient, OperationSpec, Page, SyncClient
from ocpi_sdk.v2_3_0 import PROFILE, converter
from ocpi_sdk.v2_3_0.tariffs import Tariff

__all__ = [
    "AsyncTariffsReceiverClient",
    "AsyncTariffsSenderClient",
    "TariffsReceiverClient",
    "TariffsSenderClient",
]

_SENDER_LIST = OperationSpec(
    module="tariffs",
    role="SENDER",
    name="list",
    method="GET",
    path="",
    target="endpoint",
    paginated=True,
    request_object=None,
    request_partial=False,
    response_object="Tariff",
    response_list=True,
    routed=True,
)

_RECEIVER_GET = OperationSpec(
    module="tariffs",
    role="RECEIVER",
    name="get",
    method="GET",
    path="{country_code}/{party_id}/{tariff_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="Tariff",
    response_list=False,
    routed=True,
)

_RECEIVER_PUT = OperationSpec(
    module="tariffs",
    role="RECEIVER",
    name="put",
    method="PUT",
    path="{country_code}/{party_id}/{tariff_id}",
    target="endpoint",
    paginated=False,
    request_object="Tariff",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_RECEIVER_DELETE = OperationSpec(
    module="tariffs",
    role="RECEIVER",
    name="delete",
    method="DELETE",
    path="{country_code}/{party_id}/{tariff_id}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

OPERATIONS: dict[tuple[str | None, str], OperationSpec] = {
    ("SENDER", "list"): _SENDER_LIST,
    ("RECEIVER", "get"): _RECEIVER_GET,
    ("RECEIVER", "put"): _RECEIVER_PUT,
    ("RECEIVER", "delete"): _RECEIVER_DELETE,
}
"""Every operation of this module by (interface role, method name)."""


class TariffsSenderClient(SyncClient):
    """Calls a partner's Tariffs sender interface (OCPI 2.3.0, "Sender Interface").

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "tariffs"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Iterator[Tariff]:
        """Fetch Tariffs last updated between date_from and date_to. Follows every page (``Link:
        rel="next"`` when it can be followed, else ``offset``), one request per page; objects
        that do not fit the model are left out and kept in ``rejected``, repeats across pages
        are given once. ``client.pull`` says where the pull stands; resume one that failed
        with ``offset=client.pull.next_offset`` or ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            Tariff,
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
    ) -> Page[Tariff]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return self._page(
            _SENDER_LIST,
            Tariff,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )


class AsyncTariffsSenderClient(AsyncClient):
    """Calls a partner's Tariffs sender interface (OCPI 2.3.0, "Sender Interface"), with asyncio.

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "tariffs"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> AsyncIterator[Tariff]:
        """Fetch Tariffs last updated between date_from and date_to. Follows every page (``Link:
        rel="next"`` when it can be followed, else ``offset``), one request per page; objects
        that do not fit the model are left out and kept in ``rejected``, repeats across pages
        are given once. ``client.pull`` says where the pull stands; resume one that failed
        with ``offset=client.pull.next_offset`` or ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            Tariff,
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
    ) -> Page[Tariff]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return await self._page(
            _SENDER_LIST,
            Tariff,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )


class TariffsReceiverClient(SyncClient):
    """Calls a partner's Tariffs receiver interface (OCPI 2.3.0, "Receiver Interface").

    The partner side is typically implemented by: EMSP, NSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "tariffs"
    role = "RECEIVER"

    def get(self, country_code: str, party_id: str, tariff_id: str) -> Tariff:
        """Retrieve a Tariff as stored in the eMSP's system."""
        return self._call(
            _RECEIVER_GET,
            Tariff,
            path_args={"country_code": country_code, "party_id": party_id, "tariff_id": tariff_id},
        )

    def put(self, country_code: str, party_id: str, tariff_id: str, body: Tariff) -> Ack:
        """Push a new or updated Tariff to the eMSP."""
        return self._call_ack(
            _RECEIVER_PUT,
            path_args={"country_code": country_code, "party_id": party_id, "tariff_id": tariff_id},
            body=body,
        )

    def delete(self, country_code: str, party_id: str, tariff_id: str) -> Ack:
        """Remove a Tariff that is no longer used."""
        return self._call_ack(
            _RECEIVER_DELETE,
            path_args={"country_code": country_code, "party_id": party_id, "tariff_id": tariff_id},
        )


class AsyncTariffsReceiverClient(AsyncClient):
    """Calls a partner's Tariffs receiver interface (OCPI 2.3.0, "Receiver Interface"), with
    asyncio.

    The partner side is typically implemented by: EMSP, NSP. Create it with the endpoint URL
    from the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "tariffs"
    role = "RECEIVER"

    async def get(self, country_code: str, party_id: str, tariff_id: str) -> Tariff:
        """Retrieve a Tariff as stored in the eMSP's system."""
        return await self._call(
            _RECEIVER_GET,
            Tariff,
            path_args={"country_code": country_code, "party_id": party_id, "tariff_id": tariff_id},
        )

    async def put(self, country_code: str, party_id: str, tariff_id: str, body: Tariff) -> Ack:
        """Push a new or updated Tariff to the eMSP."""
        return await self._call_ack(
            _RECEIVER_PUT,
            path_args={"country_code": country_code, "party_id": party_id, "tariff_id": tariff_id},
            body=body,
        )

    async def delete(self, country_code: str, party_id: str, tariff_id: str) -> Ack:
        """Remove a Tariff that is no longer used."""
        return await self._call_ack(
            _RECEIVER_DELETE,
            path_args={"country_code": country_code, "party_id": party_id, "tariff_id": tariff_id},
        )
