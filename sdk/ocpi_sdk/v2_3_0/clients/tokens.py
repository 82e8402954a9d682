"""Clients of the OCPI 2.3.0 Tokens module: one per interface role, sync and async.

Generated from ``schemas/2.3.0/interfaces.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import datetime
from typing import Any

from ocpi_sdk.transport import Ack, AsyncClient, OperationSpec, Page, SyncClient
from ocpi_sdk.v2_3_0 import PROFILE, converter
from ocpi_sdk.v2_3_0.tokens import AuthorizationInfo, LocationReferences, Token, TokenType

__all__ = [
    "AsyncTokensReceiverClient",
    "AsyncTokensSenderClient",
    "TokensReceiverClient",
    "TokensSenderClient",
]

_RECEIVER_GET = OperationSpec(
    module="tokens",
    role="RECEIVER",
    name="get",
    method="GET",
    path="{country_code}/{party_id}/{token_uid}",
    target="endpoint",
    paginated=False,
    request_object=None,
    request_partial=False,
    response_object="Token",
    response_list=False,
    routed=True,
)

_RECEIVER_PUT = OperationSpec(
    module="tokens",
    role="RECEIVER",
    name="put",
    method="PUT",
    path="{country_code}/{party_id}/{token_uid}",
    target="endpoint",
    paginated=False,
    request_object="Token",
    request_partial=False,
    response_object=None,
    response_list=False,
    routed=True,
)

_RECEIVER_PATCH = OperationSpec(
    module="tokens",
    role="RECEIVER",
    name="patch",
    method="PATCH",
    path="{country_code}/{party_id}/{token_uid}",
    target="endpoint",
    paginated=False,
    request_object="Token",
    request_partial=True,
    response_object=None,
    response_list=False,
    routed=True,
)

_SENDER_LIST = OperationSpec(
    module="tokens",
    role="SENDER",
    name="list",
    method="GET",
    path="",
    target="endpoint",
    paginated=True,
    request_object=None,
    request_partial=False,
    response_object="Token",
    response_list=True,
    routed=True,
)

_SENDER_AUTHORIZE = OperationSpec(
    module="tokens",
    role="SENDER",
    name="authorize",
    method="POST",
    path="{token_uid}/authorize",
    target="endpoint",
    paginated=False,
    request_object="LocationReferences",
    request_partial=False,
    response_object="AuthorizationInfo",
    response_list=False,
    routed=True,
)

OPERATIONS: dict[tuple[str | None, str], OperationSpec] = {
    ("RECEIVER", "get"): _RECEIVER_GET,
    ("RECEIVER", "put"): _RECEIVER_PUT,
    ("RECEIVER", "patch"): _RECEIVER_PATCH,
    ("SENDER", "list"): _SENDER_LIST,
    ("SENDER", "authorize"): _SENDER_AUTHORIZE,
}
"""Every operation of this module by (interface role, method name)."""


class TokensReceiverClient(SyncClient):
    """Calls a partner's Tokens receiver interface (OCPI 2.3.0, "Receiver Interface").

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "tokens"
    role = "RECEIVER"

    def get(
        self, country_code: str, party_id: str, token_uid: str, *, type: TokenType | None = None
    ) -> Token:
        """Retrieve a Token as stored in the CPO system."""
        return self._call(
            _RECEIVER_GET,
            Token,
            path_args={"country_code": country_code, "party_id": party_id, "token_uid": token_uid},
            query={"type": type},
        )

    def put(
        self,
        country_code: str,
        party_id: str,
        token_uid: str,
        body: Token,
        *,
        type: TokenType | None = None,
    ) -> Ack:
        """Push a new or updated Token to the CPO."""
        return self._call_ack(
            _RECEIVER_PUT,
            path_args={"country_code": country_code, "party_id": party_id, "token_uid": token_uid},
            body=body,
            query={"type": type},
        )

    def patch(
        self,
        country_code: str,
        party_id: str,
        token_uid: str,
        body: Mapping[str, Any],
        *,
        type: TokenType | None = None,
    ) -> Ack:
        """Send partial updates of a Token to the CPO."""
        return self._call_ack(
            _RECEIVER_PATCH,
            path_args={"country_code": country_code, "party_id": party_id, "token_uid": token_uid},
            body=body,
            query={"type": type},
        )


class AsyncTokensReceiverClient(AsyncClient):
    """Calls a partner's Tokens receiver interface (OCPI 2.3.0, "Receiver Interface"), with
    asyncio.

    The partner side is typically implemented by: CPO. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "tokens"
    role = "RECEIVER"

    async def get(
        self, country_code: str, party_id: str, token_uid: str, *, type: TokenType | None = None
    ) -> Token:
        """Retrieve a Token as stored in the CPO system."""
        return await self._call(
            _RECEIVER_GET,
            Token,
            path_args={"country_code": country_code, "party_id": party_id, "token_uid": token_uid},
            query={"type": type},
        )

    async def put(
        self,
        country_code: str,
        party_id: str,
        token_uid: str,
        body: Token,
        *,
        type: TokenType | None = None,
    ) -> Ack:
        """Push a new or updated Token to the CPO."""
        return await self._call_ack(
            _RECEIVER_PUT,
            path_args={"country_code": country_code, "party_id": party_id, "token_uid": token_uid},
            body=body,
            query={"type": type},
        )

    async def patch(
        self,
        country_code: str,
        party_id: str,
        token_uid: str,
        body: Mapping[str, Any],
        *,
        type: TokenType | None = None,
    ) -> Ack:
        """Send partial updates of a Token to the CPO."""
        return await self._call_ack(
            _RECEIVER_PATCH,
            path_args={"country_code": country_code, "party_id": party_id, "token_uid": token_uid},
            body=body,
            query={"type": type},
        )


class TokensSenderClient(SyncClient):
    """Calls a partner's Tokens sender interface (OCPI 2.3.0, "Sender Interface").

    The partner side is typically implemented by: EMSP. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "tokens"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> Iterator[Token]:
        """Fetch Tokens last updated between date_from and date_to. Follows every page (``Link:
        rel="next"`` when it can be followed, else ``offset``), one request per page; objects
        that do not fit the model are left out and kept in ``rejected``, repeats across pages
        are given once. ``client.pull`` says where the pull stands; resume one that failed
        with ``offset=client.pull.next_offset`` or ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            Token,
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
    ) -> Page[Token]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return self._page(
            _SENDER_LIST,
            Token,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    def authorize(
        self,
        token_uid: str,
        *,
        body: LocationReferences | None = None,
        type: TokenType | None = None,
    ) -> AuthorizationInfo:
        """Real-time authorization of a Token, optionally at a given Location."""
        return self._call(
            _SENDER_AUTHORIZE,
            AuthorizationInfo,
            path_args={"token_uid": token_uid},
            body=body,
            query={"type": type},
        )


class AsyncTokensSenderClient(AsyncClient):
    """Calls a partner's Tokens sender interface (OCPI 2.3.0, "Sender Interface"), with asyncio.

    The partner side is typically implemented by: EMSP. Create it with the endpoint URL from
    the partner's version details and the token to send; pass ``client=`` to use your own
    httpx client.
    """

    profile = PROFILE
    converter = converter
    module = "tokens"
    role = "SENDER"

    def list(
        self,
        *,
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        offset: int | None = None,
        limit: int | None = None,
        page_url: str | None = None,
    ) -> AsyncIterator[Token]:
        """Fetch Tokens last updated between date_from and date_to. Follows every page (``Link:
        rel="next"`` when it can be followed, else ``offset``), one request per page; objects
        that do not fit the model are left out and kept in ``rejected``, repeats across pages
        are given once. ``client.pull`` says where the pull stands; resume one that failed
        with ``offset=client.pull.next_offset`` or ``page_url=client.pull.next_url``."""
        return self._items(
            _SENDER_LIST,
            Token,
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
    ) -> Page[Token]:
        """One page of :meth:`list` with its ``X-Total-Count``, ``X-Limit`` and next-page URL;
        pass ``page_url`` (a previous page's ``next_url``) to fetch the page after it."""
        return await self._page(
            _SENDER_LIST,
            Token,
            {"date_from": date_from, "date_to": date_to, "offset": offset, "limit": limit},
            page_url,
        )

    async def authorize(
        self,
        token_uid: str,
        *,
        body: LocationReferences | None = None,
        type: TokenType | None = None,
    ) -> AuthorizationInfo:
        """Real-time authorization of a Token, optionally at a given Location."""
        return await self._call(
            _SENDER_AUTHORIZE,
            AuthorizationInfo,
            path_args={"token_uid": token_uid},
            body=body,
            query={"type": type},
        )
