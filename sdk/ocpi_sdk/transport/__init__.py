"""The transport core shared by every generated client: auth, headers, envelope, errors,
retries, redirects, safety limits and pagination. Version-free: versions plug in as
:class:`VersionProfile` data."""

from __future__ import annotations

from ocpi_sdk.transport.clients import AsyncClient, BaseClient, SyncClient
from ocpi_sdk.transport.core import Ack, Page, TransportCore, encode_token, next_link
from ocpi_sdk.transport.options import Limits, Rejected, RetryPolicy, Routing, Tolerance
from ocpi_sdk.transport.paging import PullState
from ocpi_sdk.transport.spec import OperationSpec, TokenEncoding, VersionProfile

__all__ = [
    "Ack",
    "AsyncClient",
    "BaseClient",
    "Limits",
    "OperationSpec",
    "Page",
    "PullState",
    "Rejected",
    "RetryPolicy",
    "Routing",
    "SyncClient",
    "TokenEncoding",
    "Tolerance",
    "TransportCore",
    "VersionProfile",
    "encode_token",
    "next_link",
]
