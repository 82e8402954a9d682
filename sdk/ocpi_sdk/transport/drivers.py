"""The two thin shells that run a transport flow: one blocking, one asyncio.

They differ only in how they send a request, read its body and wait; every decision is in the
flow (:mod:`ocpi_sdk.transport.core`) and in the :class:`~ocpi_sdk.transport.body.BodyReader`
that checks the body's size and the call's deadline while it arrives.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, TypeVar

import httpx

from ocpi_sdk.errors import InvalidResponseError, TransportError
from ocpi_sdk.transport.body import BodyReader, capped_timeout, deadline_error
from ocpi_sdk.transport.core import Flow, Send

T = TypeVar("T")


def _prepare(step: Send, timeout: httpx.Timeout) -> None:
    """Cap every timeout of the request at the time left before the step's deadline."""
    if step.deadline is None:
        return
    remaining = step.deadline - time.monotonic()
    if remaining <= 0:
        raise deadline_error(step.request)
    step.request.extensions["timeout"] = capped_timeout(timeout, remaining)


def _undecodable(response: httpx.Response, exc: Exception) -> InvalidResponseError:
    return InvalidResponseError(
        f"the body cannot be decoded: {exc}",
        method=response.request.method,
        url=str(response.request.url),
        http_status=response.status_code,
    )


def _unlink(response: httpx.Response) -> None:
    """Drop the closed stream, which refers back to the response: without this cycle the
    response (and its body) goes as soon as the caller lets it go, not at the next full GC."""
    response.stream = _DONE


_DONE = httpx.ByteStream(b"")


def send_sync(client: httpx.Client, step: Send) -> httpx.Response | Exception:
    """One request with a blocking client: the response with its body read, or the error."""
    try:
        _prepare(step, client.timeout)
        response = client.send(step.request, stream=True)
    except (httpx.TransportError, TransportError) as exc:
        return exc
    try:
        reader = BodyReader(response, step.max_bytes, step.deadline)
        if not reader.read_already():
            chunks = response.iter_raw() if reader.raw else response.iter_bytes()
            for chunk in chunks:
                reader.feed(chunk)
            response._content = reader.finish()
    except httpx.DecodingError as exc:
        return _undecodable(response, exc)
    except (httpx.TransportError, TransportError) as exc:
        return exc
    finally:
        response.close()
        _unlink(response)
    return response


async def send_async(client: httpx.AsyncClient, step: Send) -> httpx.Response | Exception:
    """One request with an asyncio client; the deadline also bounds every wait in between."""
    try:
        _prepare(step, client.timeout)
        remaining = None if step.deadline is None else max(step.deadline - time.monotonic(), 0)
        async with asyncio.timeout(remaining):
            response = await client.send(step.request, stream=True)
            try:
                reader = BodyReader(response, step.max_bytes, step.deadline)
                if not reader.read_already():
                    chunks = response.aiter_raw() if reader.raw else response.aiter_bytes()
                    async for chunk in chunks:
                        reader.feed(chunk)
                    response._content = reader.finish()
            except httpx.DecodingError as exc:
                return _undecodable(response, exc)
            finally:
                await response.aclose()
                _unlink(response)
    except TimeoutError:
        return deadline_error(step.request)
    except (httpx.TransportError, TransportError) as exc:
        return exc
    return response


def run_sync(flow: Flow[T], client: httpx.Client) -> T:
    """Run ``flow`` with a blocking ``httpx.Client``."""
    outcome: Any = None
    try:
        while True:
            step = flow.send(outcome)
            if isinstance(step, Send):
                outcome = send_sync(client, step)
            else:
                time.sleep(step.seconds)
                outcome = None
    except StopIteration as done:
        result: T = done.value
        return result


async def run_async(flow: Flow[T], client: httpx.AsyncClient) -> T:
    """Run ``flow`` with an ``httpx.AsyncClient``."""
    outcome: Any = None
    try:
        while True:
            step = flow.send(outcome)
            if isinstance(step, Send):
                outcome = await send_async(client, step)
            else:
                await asyncio.sleep(step.seconds)
                outcome = None
    except StopIteration as done:
        result: T = done.value
        return result


def run_flow(flow: Flow[T], client: httpx.Client | None = None) -> T:
    """Run ``flow`` with ``client``, or with a client of our own (closed afterwards)."""
    from ocpi_sdk.transport.core import DEFAULT_TIMEOUT

    http = client or httpx.Client(timeout=DEFAULT_TIMEOUT)
    try:
        return run_sync(flow, http)
    finally:
        if client is None:
            http.close()


async def arun_flow(flow: Flow[T], client: httpx.AsyncClient | None = None) -> T:
    """The asyncio twin of :func:`run_flow`."""
    from ocpi_sdk.transport.core import DEFAULT_TIMEOUT

    http = client or httpx.AsyncClient(timeout=DEFAULT_TIMEOUT)
    try:
        return await run_async(flow, http)
    finally:
        if client is None:
            await http.aclose()
