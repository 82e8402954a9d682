"""Issue #12, client side, over real sockets on loopback: a token that must never reach a second
origin, redirects, body limits, gzip bombs and slow-drip servers (sync and async drivers)."""

from __future__ import annotations

import asyncio
import gzip
import time
import tracemalloc
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from ocpi_sdk import errors
from ocpi_sdk.transport import Limits, RetryPolicy
from ocpi_sdk.v2_2_1.clients import (
    AsyncLocationsSenderClient,
    LocationsReceiverClient,
    LocationsSenderClient,
)
from ocpi_sdk.v2_2_1.locations import Location
from tests.examples import load
from tests.loopback import Loopback, Seen, envelope, reply, serve

TOKEN = "loopback-T0KEN"
NO_WAIT = RetryPolicy(attempts=2, backoff=0.0)


@pytest.fixture
def location(examples_dir: Path) -> dict[str, Any]:
    return load("2.2.1", "location_example.json")


@pytest.fixture
def elsewhere() -> Iterator[Loopback]:
    """A second origin that records every request and answers each with a page of nothing."""
    with serve(lambda handler, seen: reply(handler, 200, envelope([]))) as server:
        yield server


def _paged_cpo(location: dict[str, Any], total: int, link_to: str) -> Any:
    def answer(handler: BaseHTTPRequestHandler, seen: Seen) -> None:
        query = dict(p.split("=", 1) for p in seen.path.partition("?")[2].split("&") if "=" in p)
        offset, limit = int(query.get("offset", 0)), 2
        items = [dict(location, id=f"L{i}") for i in range(offset, min(offset + limit, total))]
        headers = {"X-Total-Count": str(total), "X-Limit": str(limit)}
        if offset + limit < total:
            headers["Link"] = (
                f'<{link_to}/ocpi/2.2.1/locations?offset={offset + limit}>; rel="next"'
            )
        reply(handler, 200, envelope(items), headers)

    return answer


def test_item4_the_token_never_reaches_a_second_origin_sync_and_async(
    location: dict[str, Any], elsewhere: Loopback
) -> None:
    with serve(_paged_cpo(location, 5, elsewhere.url)) as cpo:
        url = f"{cpo.url}/ocpi/2.2.1/locations"
        with LocationsSenderClient(url, TOKEN, retries=NO_WAIT) as sync_client:
            assert [loc.id for loc in sync_client.list()] == [f"L{i}" for i in range(5)]

        async def pull() -> list[str]:
            async with AsyncLocationsSenderClient(url, TOKEN, retries=NO_WAIT) as client:
                return [loc.id async for loc in client.list()]

        assert asyncio.run(pull()) == [f"L{i}" for i in range(5)]
        assert len(cpo.seen) == 6 and all("Authorization" in s.headers for s in cpo.seen)
    assert elsewhere.seen == []


def test_item7_a_missing_trailing_slash_307_is_followed_with_method_body_and_token(
    location: dict[str, Any],
) -> None:
    def slash(handler: BaseHTTPRequestHandler, seen: Seen) -> None:
        if not seen.path.endswith("/"):
            reply(handler, 307, b"", {"Location": seen.path + "/"})
        else:
            reply(handler, 200, envelope())

    with serve(slash) as emsp:
        url = f"{emsp.url}/ocpi/2.2.1/locations"
        with LocationsReceiverClient(url, TOKEN, retries=NO_WAIT) as client:
            model = client.converter.structure(location, Location)
            assert client.put("NL", "CPO", location["id"], model).status_code == 1000
    first, second = emsp.seen
    assert (first.method, second.method) == ("PUT", "PUT")
    assert second.path == first.path + "/"
    assert second.body == first.body and len(second.body) > 100
    assert second.headers["Authorization"] == first.headers["Authorization"]


def test_item7_a_cross_origin_redirect_is_not_followed_with_the_token(
    elsewhere: Loopback,
) -> None:
    def away(handler: BaseHTTPRequestHandler, seen: Seen) -> None:
        reply(handler, 308, b"", {"Location": f"{elsewhere.url}{seen.path}"})

    with serve(away) as cpo:
        url = f"{cpo.url}/ocpi/2.2.1/locations"
        with (
            LocationsSenderClient(url, TOKEN, retries=NO_WAIT) as client,
            pytest.raises(errors.RedirectError, match="another origin"),
        ):
            client.get("L1")
    assert elsewhere.seen == []


BOMB_SIZE = 64 * 1024 * 1024


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """64 MiB of JSON-ish zeros, gzipped to about 64 KB."""
    return gzip.compress(b"0" * BOMB_SIZE, compresslevel=9)


def _bomber(bomb: bytes) -> Any:
    def answer(handler: BaseHTTPRequestHandler, seen: Seen) -> None:
        headers = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
        reply(handler, 200, bomb, headers)

    return answer


def test_item10_a_gzip_bomb_stops_early_with_bounded_memory(bomb: bytes) -> None:
    limits = Limits(max_body_bytes=1024 * 1024)
    with serve(_bomber(bomb)) as cpo:
        url = f"{cpo.url}/ocpi/2.2.1/locations"
        with LocationsSenderClient(url, TOKEN, retries=NO_WAIT, limits=limits) as client:
            tracemalloc.start()
            try:
                with pytest.raises(errors.ResponseTooLargeError, match="1048576"):
                    client.get("L1")
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, f"peak {peak} bytes while reading a gzip bomb"


def test_item10_async_a_gzip_bomb_stops_early(bomb: bytes) -> None:
    limits = Limits(max_body_bytes=1024 * 1024)

    async def call(url: str) -> None:
        async with AsyncLocationsSenderClient(url, TOKEN, retries=NO_WAIT, limits=limits) as c:
            await c.get("L1")

    with serve(_bomber(bomb)) as cpo, pytest.raises(errors.ResponseTooLargeError):
        asyncio.run(call(f"{cpo.url}/ocpi/2.2.1/locations"))


def test_item10_a_declared_length_over_the_limit_is_refused_before_reading() -> None:
    def huge(handler: BaseHTTPRequestHandler, seen: Seen) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(10**12))
        handler.end_headers()
        handler.wfile.write(b'{"status_code": 1000')

    with serve(huge) as cpo:
        url = f"{cpo.url}/ocpi/2.2.1/locations"
        with (
            LocationsSenderClient(url, TOKEN, retries=NO_WAIT) as client,
            pytest.raises(errors.ResponseTooLargeError, match="Content-Length"),
        ):
            client.get("L1")


def _slow_drip(handler: BaseHTTPRequestHandler, seen: Seen) -> None:
    """Headers at once, then one byte of the body every 50 ms, for up to a minute."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "1200")
    handler.end_headers()
    for _ in range(1200):
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(0.05)


def test_item10_a_slow_drip_server_cannot_extend_the_deadline_sync() -> None:
    limits = Limits(deadline=0.5)
    with serve(_slow_drip) as cpo:
        url = f"{cpo.url}/ocpi/2.2.1/locations"
        with (
            LocationsSenderClient(url, TOKEN, retries=NO_WAIT, limits=limits) as client,
            pytest.raises(errors.DeadlineExceededError, match="deadline") as caught,
        ):
            client.get("L1")
    assert isinstance(caught.value, errors.OcpiConnectionError)
    assert len(cpo.seen) == 1, "a call past its deadline is not retried"


def test_item10_a_slow_drip_server_cannot_extend_the_deadline_async() -> None:
    limits = Limits(deadline=0.5)

    async def call(url: str) -> None:
        async with AsyncLocationsSenderClient(url, TOKEN, retries=NO_WAIT, limits=limits) as c:
            await c.get("L1")

    with serve(_slow_drip) as cpo, pytest.raises(errors.DeadlineExceededError):
        asyncio.run(call(f"{cpo.url}/ocpi/2.2.1/locations"))
