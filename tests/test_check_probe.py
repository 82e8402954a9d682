"""``ocpi check``'s prober reads a platform's answers within the SDK's limits: a gzip bomb or an
endless body is evidence of a failure, never the memory of the machine running the check."""

from __future__ import annotations

import gzip
import time

import httpx
import pytest

from ocpi_sdk.check import probe
from ocpi_sdk.check.probe import Prober


def prober(handler: object) -> Prober:
    return Prober("s3cret", transport=httpx.MockTransport(handler))  # type: ignore[arg-type]


def test_a_gzip_bomb_is_stopped_and_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(probe, "MAX_BODY", 1_000_000)
    bomb = gzip.compress(b" " * 50_000_000)

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
        return httpx.Response(200, content=bomb, headers=headers)

    started = time.monotonic()
    answer = prober(handler).request("GET", "https://sut.test/ocpi/versions")
    assert time.monotonic() - started < 5
    assert answer.status is None and answer.error is not None
    assert "ResponseTooLargeError" in answer.error and "s3cret" not in answer.error


def test_an_ordinary_answer_is_read_whole() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"].startswith("Token ")
        return httpx.Response(200, json={"status_code": 1000, "data": []})

    answer = prober(handler).request("GET", "https://sut.test/ocpi/versions")
    assert answer.status == 200 and answer.document == {"status_code": 1000, "data": []}
