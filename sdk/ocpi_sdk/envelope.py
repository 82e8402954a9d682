"""Building OCPI response envelopes (for the answering side: handlers and simulators)."""

from __future__ import annotations

import re
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


# what every version's string type allows (2.1.1: printable ASCII only)
_NOT_PRINTABLE_ASCII = re.compile("[^\x20-\x7e]")


def _printable(message: str) -> str:
    """``message`` with each character outside printable ASCII escaped (``\\u00e9``,
    ``\\U0001f600``): a status message often quotes what was received, and must itself be a
    valid OCPI string in every version."""
    return _NOT_PRINTABLE_ASCII.sub(_escape, message)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def envelope(
    data: Any = None, status_code: int = SUCCESS, message: str | None = None
) -> dict[str, Any]:
    """An OCPI response body: ``data`` (left out when None), status, message and timestamp."""
    body: dict[str, Any] = {}
    if data is not None:
        body["data"] = data
    body["status_code"] = status_code
    body["status_message"] = _printable(
        message or ("Success" if status_code == SUCCESS else "Error")
    )
    body["timestamp"] = format_datetime(datetime.now(UTC).replace(microsecond=0))
    return body
