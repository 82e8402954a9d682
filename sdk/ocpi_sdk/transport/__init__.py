"""The transport core shared by every generated client: auth, headers, envelope, errors,
retries and pagination. Version-free: versions plug in as :class:`VersionProfile` data."""

from __future__ import annotations

from ocpi_sdk.transport.clients import AsyncClient, BaseClient, SyncClient
from ocpi_sdk.transport.core import Ack, Page, TransportCore, encode_token, next_link
from ocpi_sdk.transport.options import RetryPolicy, Routing, Tolerance
from ocpi_sdk.transport.spec import OperationSpec, TokenEncoding, VersionProfile

__all__ = [
    "Ack",
    "AsyncClient",
    "BaseClient",
    "OperationSpec",
    "Page",
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
