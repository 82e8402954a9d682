"""Base classes of the generated clients: the sync and async shells around one core.

A generated client (``LocationsSenderClient``) sets ``spec`` constants per operation and calls
``_call``/``_pages``/``_items`` here; the sync and async classes differ only in ``await``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from types import TracebackType
from typing import Any, ClassVar, Self, TypeVar, cast

import httpx

from ocpi_sdk.transport.core import DEFAULT_TIMEOUT, Ack, Page, TransportCore
from ocpi_sdk.transport.drivers import run_async, run_sync
from ocpi_sdk.transport.options import RetryPolicy, Routing, Tolerance
from ocpi_sdk.transport.spec import OperationSpec, TokenEncoding, VersionProfile

T = TypeVar("T")


class BaseClient:
    profile: ClassVar[VersionProfile]
    converter: ClassVar[Any]
    module: ClassVar[str]
    """The OCPI module this client calls (``locations``)."""
    role: ClassVar[str | None]
    """The interface role it calls (``SENDER``/``RECEIVER``; None for versions, credentials)."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        token_encoding: TokenEncoding | None = None,
        routing: Routing | None = None,
        correlation_id: str | None = None,
        retries: RetryPolicy | None = None,
        validate_requests: bool = True,
        validate_responses: bool = False,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.core = TransportCore(
            url,
            token,
            profile=self.profile,
            converter=self.converter,
            token_encoding=token_encoding,
            routing=routing,
            correlation_id=correlation_id,
            retries=retries,
            validate_requests=validate_requests,
            validate_responses=validate_responses,
            headers=headers,
        )

    @property
    def url(self) -> str:
        """The partner's endpoint URL this client calls."""
        return self.core.url

    @property
    def correlation_id(self) -> str:
        """The ``X-Correlation-ID`` sent with every request (2.2+); set it to join a flow."""
        return self.core.correlation_id

    @correlation_id.setter
    def correlation_id(self, value: str) -> None:
        self.core.correlation_id = value

    @property
    def tolerated(self) -> list[Tolerance]:
        """What the partner got wrong that this client carried on through."""
        return self.core.tolerated.events

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self.url!r}, token=***)"


class SyncClient(BaseClient):
    """Blocking client base. Pass ``client=`` to use your own ``httpx.Client``."""

    def __init__(
        self, url: str, token: str, *, client: httpx.Client | None = None, **options: Any
    ) -> None:
        super().__init__(url, token, **options)
        self._owns_client = client is None
        self.http = client or httpx.Client(timeout=DEFAULT_TIMEOUT, verify=True)

    def close(self) -> None:
        if self._owns_client:
            self.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _call(self, spec: OperationSpec, cls: type[T], **kwargs: Any) -> T:
        return cast(T, run_sync(self.core.call(spec, cls, **kwargs), self.http))

    def _call_many(self, spec: OperationSpec, cls: type[T], **kwargs: Any) -> list[T]:
        return cast(list[T], run_sync(self.core.call(spec, cls, **kwargs), self.http))

    def _call_ack(self, spec: OperationSpec, **kwargs: Any) -> Ack:
        return cast(Ack, run_sync(self.core.call(spec, None, **kwargs), self.http))

    def _page(
        self, spec: OperationSpec, cls: type[T], query: Mapping[str, Any], url: str | None = None
    ) -> Page[T]:
        return run_sync(self.core.fetch_page(spec, cls, query=query, url=url), self.http)

    def _items(self, spec: OperationSpec, cls: type[T], query: Mapping[str, Any]) -> Iterator[T]:
        page = self._page(spec, cls, query)
        seen: set[str] = set()
        while True:
            yield from page.items
            following = self.core.check_next(seen, page, self.url)
            if following is None:
                return
            del page  # let this page's objects go before the next page is loaded
            page = self._page(spec, cls, query, following)


class AsyncClient(BaseClient):
    """asyncio client base. Pass ``client=`` to use your own ``httpx.AsyncClient``."""

    def __init__(
        self, url: str, token: str, *, client: httpx.AsyncClient | None = None, **options: Any
    ) -> None:
        super().__init__(url, token, **options)
        self._owns_client = client is None
        self.http = client or httpx.AsyncClient(timeout=DEFAULT_TIMEOUT, verify=True)

    async def aclose(self) -> None:
        if self._owns_client:
            await self.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def _call(self, spec: OperationSpec, cls: type[T], **kwargs: Any) -> T:
        return cast(T, await run_async(self.core.call(spec, cls, **kwargs), self.http))

    async def _call_many(self, spec: OperationSpec, cls: type[T], **kwargs: Any) -> list[T]:
        return cast(list[T], await run_async(self.core.call(spec, cls, **kwargs), self.http))

    async def _call_ack(self, spec: OperationSpec, **kwargs: Any) -> Ack:
        return cast(Ack, await run_async(self.core.call(spec, None, **kwargs), self.http))

    async def _page(
        self, spec: OperationSpec, cls: type[T], query: Mapping[str, Any], url: str | None = None
    ) -> Page[T]:
        return await run_async(self.core.fetch_page(spec, cls, query=query, url=url), self.http)

    async def _items(
        self, spec: OperationSpec, cls: type[T], query: Mapping[str, Any]
    ) -> AsyncIterator[T]:
        page = await self._page(spec, cls, query)
        seen: set[str] = set()
        while True:
            for item in page.items:
                yield item
            following = self.core.check_next(seen, page, self.url)
            if following is None:
                return
            del page  # let this page's objects go before the next page is loaded
            page = await self._page(spec, cls, query, following)
