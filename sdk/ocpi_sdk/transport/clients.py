"""Base classes of the generated clients: the sync and async shells around one core.

A generated client (``LocationsSenderClient``) sets ``spec`` constants per operation and calls
``_call``/``_pages``/``_items`` here; the sync and async classes differ only in ``await``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, ClassVar, Literal, Self, TypeVar, cast

import httpx

from ocpi_sdk.transport.core import DEFAULT_TIMEOUT, Ack, InvalidObjects, Page, TransportCore
from ocpi_sdk.transport.drivers import run_async, run_sync
from ocpi_sdk.transport.options import Limits, Rejected, RetryPolicy, Routing, Tolerance
from ocpi_sdk.transport.paging import PullState
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
        limits: Limits | None = None,
        invalid_objects: InvalidObjects = "keep",
        on_token_encoding: Callable[[Literal["plain", "base64"]], None] | None = None,
        learned_encoding: Literal["plain", "base64"] | None = None,
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
            limits=limits,
            invalid_objects=invalid_objects,
            on_token_encoding=on_token_encoding,
            learned_encoding=learned_encoding,
        )
        self.pull = PullState()
        """Where the last ``list()`` stands, to resume it after a failure (see
        :class:`~ocpi_sdk.transport.paging.PullState`)."""

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

    @property
    def rejected(self) -> list[Rejected]:
        """Objects of list responses that did not fit their model, kept with their raw JSON and
        problems (JSON paths); also on each :class:`Page` as ``page.rejected``. The newest
        1,000 are kept; ``core.rejected.count`` counts all."""
        return self.core.rejected.objects

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
        page = run_sync(self.core.pager(spec, cls, query, url).next_page(), self.http)
        return cast(Page[T], page)  # a first page always exists

    def _items(
        self, spec: OperationSpec, cls: type[T], query: Mapping[str, Any], url: str | None = None
    ) -> Iterator[T]:
        pager = self.core.pager(spec, cls, query, url)
        self.pull = pager.state
        while (page := run_sync(pager.next_page(), self.http)) is not None:
            items = page.items
            del page  # let this page's objects go before the next page is loaded
            yield from items
            del items


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
        page = await run_async(self.core.pager(spec, cls, query, url).next_page(), self.http)
        return cast(Page[T], page)  # a first page always exists

    async def _items(
        self, spec: OperationSpec, cls: type[T], query: Mapping[str, Any], url: str | None = None
    ) -> AsyncIterator[T]:
        pager = self.core.pager(spec, cls, query, url)
        self.pull = pager.state
        while (page := await run_async(pager.next_page(), self.http)) is not None:
            items = page.items
            del page  # let this page's objects go before the next page is loaded
            for item in items:
                yield item
            del items
