"""Building OCPI response envelopes (for the answering side: handlers and simulators)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ocpi_sdk.converter import format_datetime

SUCCESS = 1000
GENERIC_CLIENT_ERROR = 2000
INVALID_PARAMETERS = 2001
NOT_ENOUGH_INFORMATION = 2002
UNKNOWN_LOCATION = 2003
UNKNOWN_TOKEN = 2004
GENERIC_SERVER_ERROR = 3000
UNABLE_TO_USE_CLIENT_API = 3001
UNSUPPORTED_VERSION = 3002
NO_MATCHING_ENDPOINTS = 3003
UNKNOWN_RECEIVER = 4001
TIMEOUT_ON_FORWARDED_REQUEST = 4002
CONNECTION_PROBLEM = 4003


def envelope(
    data: Any = None, status_code: int = SUCCESS, message: str | None = None
) -> dict[str, Any]:
    """An OCPI response body: ``data`` (left out when None), status, message and timestamp."""
    body: dict[str, Any] = {}
    if data is not None:
        body["data"] = data
    body["status_code"] = status_code
    body["status_message"] = message or ("Success" if status_code == SUCCESS else "Error")
    body["timestamp"] = format_datetime(datetime.now(UTC).replace(microsecond=0))
    return body
