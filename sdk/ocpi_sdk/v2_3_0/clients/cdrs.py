"""Clients of the OCPI 2.3.0 Cdrs module: one per interface role, sync and async.

Generated from ``schemas/2.3.0/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime

from ocpi_sdk.transport import Ack, AsyncClient, OperationSpec, Page, SyncClient
from ocpi_sdk.v2_3_0 import PROFILE, converter
from ocpi_sdk.v2_3_0.cdrs import CDR

__all__ = [
    "AsyncCdrsReceiverClient",
    "AsyncCdrsSenderClient",
    "CdrsReceiverClient",
    "CdrsSenderClient",
]

_SENDER_LIST = OperationSpec(
    module="cdrs",
    role="SENDER",
    name="list",
    method="GET",
    path="",
    target="endpoint",
    paginated=True,
    request_object=None,
    request_partial=False,
    response_object="CDR",
    response_list=True,
    routed=True,
)

_RECEIVER_GET = OperationSpec(
    module="cdrs",
    role="RECEIVER",
    name="get",
    method="GET",
    path="",
    target="cdr_url",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="CDR",
    response_list=False,
    routed=True,
)

_RECEIVER_POST = OperationSpec(
    module="cdrs",
    role="RECEIVER",
    name="post",
    method="POST",
    path="",
    target="endpoint",
    paginated=False,
    request_object="CDR",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

OPERATIONS: dict[tuple[str | None, str], OperationSpec] = {
    ("SENDER", "list"): _SENDER_LIST,
    ("RECEIVER", "get"): _RECEIVER_GET,
    ("RECEIVER", "post"): _RECEIVER_POST,
}
"""Every operation of this module by (interface role, method name)."""


class CdrsSenderClient(SyncClient):
    """Calls a partner's Cdrs sender interface (OCPI 2.3.0, "Sender Interface").

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "cdrs"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Iterator[CDR]:
        """Fetch CDRs last updated (i.e. created) between date_from and date_to. Follows every
        page (``Link: rel="next"`` when it can be followed, else ``offset``), one request per
        page; objects that do not fit the model are left out and kept in ``rejected``, repeats
        across pages are given once. ``client.pull`` says where the pull stands; resume one
        that failed with ``offset=client.pull.next_offset`` or
        ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            CDR,
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
    ) -> Page[CDR]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return self._page(
            _SENDER_LIST,
            CDR,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )


class AsyncCdrsSenderClient(AsyncClient):
    """Calls a partner's Cdrs sender interface (OCPI 2.3.0, "Sender Interface"), with asyncio.

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "cdrs"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> AsyncIterator[CDR]:
        """Fetch CDRs last updated (i.e. created) between date_from and date_to. Follows every
        page (``Link: rel="next"`` when it can be followed, else ``offset``), one request per
        page; objects that do not fit the model are left out and kept in ``rejected``, repeats
        across pages are given once. ``client.pull`` says where the pull stands; resume one
        that failed with ``offset=client.pull.next_offset`` or
        ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            CDR,
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
    ) -> Page[CDR]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return await self._page(
            _SENDER_LIST,
            CDR,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )


class CdrsReceiverClient(SyncClient):
    """Calls a partner's Cdrs receiver interface (OCPI 2.3.0, "Receiver Interface").

    The partner side is typically implemented by: EMSP. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "cdrs"
    role = "RECEIVER"

    def get(self, *, cdr_url: str | None = None) -> CDR:
        """Retrieve a CDR at the URL the receiver returned in the Location header of its response
        to the POST."""
        return self._call(_RECEIVER_GET, CDR, target=cdr_url)

    def post(self, body: CDR) -> Ack:
        """Send a new, final CDR; the response's Location header gives the URL of the created
        CDR."""
        return self._call_ack(_RECEIVER_POST, body=body)


class AsyncCdrsReceiverClient(AsyncClient):
    """Calls a partner's Cdrs receiver interface (OCPI 2.3.0, "Receiver Interface"), with
    asyncio.

    The partner side is typically implemented by: EMSP. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "cdrs"
    role = "RECEIVER"

    async def get(self, *, cdr_url: str | None = None) -> CDR:
        """Retrieve a CDR at the URL the receiver returned in the Location header of its response
        to the POST."""
        return await self._call(_RECEIVER_GET, CDR, target=cdr_url)

    async def post(self, body: CDR) -> Ack:
        """Send a new, final CDR; the response's Location header gives the URL of the created
        CDR."""
        return await self._call_ack(_RECEIVER_POST, body=body)
