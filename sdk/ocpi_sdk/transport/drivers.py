"""The two thin shells that run a transport flow: one blocking, one asyncio.

They differ only in how they send a request and how they wait; every decision is in the flow
(:mod:`ocpi_sdk.transport.core`).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, TypeVar

import httpx

from ocpi_sdk.transport.core import Flow, Send

T = TypeVar("T")


def run_sync(flow: Flow[T], client: httpx.Client) -> T:
    """Run ``flow`` with a blocking ``httpx.Client``."""
    outcome: Any = None
    try:
        while True:
            step = flow.send(outcome)
            if isinstance(step, Send):
                try:
                    outcome = client.send(step.request)
                except httpx.TransportError as exc:
                    outcome = exc
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
                try:
                    outcome = await client.send(step.request)
                except httpx.TransportError as exc:
                    outcome = exc
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
