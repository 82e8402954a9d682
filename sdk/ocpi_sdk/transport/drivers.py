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
