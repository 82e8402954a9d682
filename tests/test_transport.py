"""The transport core's behaviour: pagination, errors, retries, token encodings, headers."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from ocpi_sdk import errors
from ocpi_sdk.transport import RetryPolicy, Routing
from ocpi_sdk.transport.core import next_link
from ocpi_sdk.v2_1_1.clients import LocationsSenderClient as Locations211
from ocpi_sdk.v2_2_1.clients import (
    AsyncLocationsSenderClient,
    CdrsReceiverClient,
    LocationsSenderClient,
    TokensReceiverClient,
)
from tests.examples import load

URL = "https://cpo.test/ocpi/2.2.1/locations"
NO_WAIT = RetryPolicy(attempts=3, backoff=0.0)
SECRET = "s3cr3t-T0KEN"
SECRET_B64 = base64.b64encode(SECRET.encode()).decode()


def envelope(data: Any = None, code: int = 1000, message: str = "OK") -> dict[str, Any]:
    body: dict[str, Any] = {"status_code": code, "status_message": message}
    body["timestamp"] = "2024-01-01T00:00:00Z"
    if data is not None:
        body["data"] = data
    return body


def client(handler: Callable[[httpx.Request], httpx.Response], **options: Any) -> Any:
    options.setdefault("retries", NO_WAIT)
    http = httpx.Client(transport=httpx.MockTransport(handler))
    return LocationsSenderClient(URL, SECRET, client=http, **options)


@pytest.fixture
def location(examples_dir: Path) -> dict[str, Any]:
    return load("2.2.1", "location_example.json")


class PagedCpo:
    """Serves ``total`` Locations; ``page_size`` overrides the client's limit (a partner that
    ignores it); ``link_on_last`` adds a Link to the last page too; ``link_path`` puts the Link
    on another path."""

    def __init__(
        self,
        location: dict[str, Any],
        total: int,
        page_size: int | None = None,
        link_path: str = "/ocpi/2.2.1/locations",
    ) -> None:
        self.location = location
        self.total = total
        self.page_size = page_size
        self.link_path = link_path
        self.urls: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(str(request.url))
        offset = int(request.url.params.get("offset", 0))
        limit = self.page_size or int(request.url.params.get("limit", 2))
        items = [
            dict(self.location, id=f"L{i}") for i in range(offset, min(offset + limit, self.total))
        ]
        headers = {"X-Total-Count": str(self.total), "X-Limit": str(limit)}
        if offset + limit < self.total:
            following = f"https://cpo.test{self.link_path}?offset={offset + limit}&limit={limit}"
            headers["Link"] = f'<{following}>; rel="next"'
        return httpx.Response(200, json=envelope(items), headers=headers)


def test_pagination_follows_link_until_the_last_page(location: dict[str, Any]) -> None:
    cpo = PagedCpo(location, total=5)
    ids = [loc.id for loc in client(cpo).list(limit=2)]
    assert ids == ["L0", "L1", "L2", "L3", "L4"]
    assert len(cpo.urls) == 3  # the last page has no Link: no fourth request


def test_pagination_with_a_partner_that_ignores_limit(location: dict[str, Any]) -> None:
    cpo = PagedCpo(location, total=7, page_size=3)
    c = client(cpo)
    assert [loc.id for loc in c.list(limit=50)] == [f"L{i}" for i in range(7)]
    assert len(cpo.urls) == 3


def test_one_page_with_its_headers(location: dict[str, Any]) -> None:
    page = client(PagedCpo(location, total=5)).list_page(limit=2)
    assert [loc.id for loc in page.items] == ["L0", "L1"]
    assert (page.total_count, page.limit) == (5, 2)
    assert page.next_url == "https://cpo.test/ocpi/2.2.1/locations?offset=2&limit=2"


def test_a_link_on_another_path_is_followed_and_reported(location: dict[str, Any]) -> None:
    cpo = PagedCpo(location, total=4, link_path="/other/prefix/locations")
    c = client(cpo)
    assert len(list(c.list(limit=2))) == 4
    assert "/other/prefix/locations" in cpo.urls[1]
    assert any(t.kind == "pagination" for t in c.tolerated)


def test_a_link_loop_is_refused(location: dict[str, Any]) -> None:
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, json=envelope([location]), headers={"Link": f'<{URL}?offset=1>; rel="next"'}
        )

    with pytest.raises(errors.PaginationError, match="repeats"):
        list(client(loop).list())


def test_async_pagination_gives_the_same_objects(location: dict[str, Any]) -> None:
    async def run() -> list[str]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(PagedCpo(location, total=5)))
        async with AsyncLocationsSenderClient(URL, "tok", client=http) as c:
            return [loc.id async for loc in c.list(limit=2)]

    assert asyncio.run(run()) == [
        loc.id for loc in client(PagedCpo(location, total=5)).list(limit=2)
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('<https://a.test/x?offset=2>; rel="next"', "https://a.test/x?offset=2"),
        ("<https://a.test/x?offset=2>; rel=next", "https://a.test/x?offset=2"),
        ('<https://a.test/p>; rel="prev", <https://a.test/n>; rel="next"', "https://a.test/n"),
        ('<https://a.test/x>; rel="last"', None),
        (None, None),
    ],
)
def test_link_header_parsing(header: str | None, expected: str | None) -> None:
    assert next_link(header) == expected


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (200, envelope(code=2001, message="Invalid or missing parameters"), errors.ClientError),
        (200, envelope(code=3001, message="Unable to use the client's API"), errors.ServerError),
        (200, envelope(code=4001, message="Unknown receiver"), errors.HubError),
        (401, {"status_code": 2000}, errors.UnauthorizedError),
        (404, None, errors.NotFoundError),
        (405, None, errors.MethodNotAllowedError),
        (500, "boom", errors.HttpError),
        (200, "<html>not json</html>", errors.InvalidResponseError),
        (200, {"data": []}, errors.InvalidResponseError),
        (200, envelope({"id": 12}), errors.ResponseDataError),
    ],
    ids=["2xxx", "3xxx", "4xxx", "401", "404", "405", "500", "not-json", "no-envelope", "bad-data"],
)
def test_errors_are_typed_and_carry_the_exchange(status: int, body: Any, error: type) -> None:
    def partner(request: httpx.Request) -> httpx.Response:
        if body is None or isinstance(body, str):
            return httpx.Response(status, text=body or "")
        return httpx.Response(status, json=body)

    with pytest.raises(error) as caught:
        client(partner, token_encoding="base64", retries=RetryPolicy.off()).get("LOC1")
    exc = caught.value
    assert isinstance(exc, errors.TransportError)
    assert exc.http_status == status
    assert exc.method == "GET" and exc.url == f"{URL}/LOC1"
    assert exc.request_id and exc.correlation_id
    assert SECRET not in str(exc) and SECRET_B64 not in str(exc)
    if isinstance(body, dict) and "status_code" in body:
        assert exc.status_code == body["status_code"]


def test_bad_data_names_the_field_path(location: dict[str, Any]) -> None:
    broken = dict(location)
    broken["evses"] = [dict(location["evses"][0], status="WORKING")]

    def partner(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=envelope(broken))

    with pytest.raises(errors.ResponseDataError) as caught:
        client(partner).get("LOC1")
    assert [(p.path, p.rule) for p in caught.value.problems] == [("$.data.evses[0].status", "enum")]


def test_retries_on_503_then_succeeds(location: dict[str, Any]) -> None:
    answers = [httpx.Response(503), httpx.Response(200, json=envelope(location))]
    c = client(lambda request: answers.pop(0))
    assert c.get("LOC1").id == location["id"]
    assert [t.kind for t in c.tolerated] == ["retry"]


def test_429_honours_retry_after() -> None:
    from ocpi_sdk.transport.core import Send, Sleep, TransportCore
    from ocpi_sdk.transport.spec import OperationSpec
    from ocpi_sdk.v2_2_1 import PROFILE, converter

    core = TransportCore(URL, "tok", profile=PROFILE, converter=converter)
    spec = OperationSpec(module="locations", role="SENDER", name="get", method="GET")
    request = core.request(spec)
    flow = core.exchange(spec, request)
    assert isinstance(next(flow), Send)
    step = flow.send(httpx.Response(429, headers={"Retry-After": "7"}, request=request))
    assert step == Sleep(7.0)


def test_connection_errors_are_retried_then_raised() -> None:
    calls = []

    def down(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(errors.OcpiConnectionError, match="cannot reach"):
        client(down).get("LOC1")
    assert len(calls) == 3


def test_post_is_not_retried(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1 import CDR, loads

    calls = []

    def busy(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503)

    http = httpx.Client(transport=httpx.MockTransport(busy))
    cdrs = CdrsReceiverClient("https://emsp.test/cdrs", "tok", client=http, retries=NO_WAIT)
    with pytest.raises(errors.HttpError):
        cdrs.post(loads(load("2.2.1", "cdr_example.json"), CDR))
    assert len(calls) == 1


def test_retries_can_be_switched_off() -> None:
    calls = []

    def busy(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503)

    with pytest.raises(errors.HttpError):
        client(busy, retries=RetryPolicy.off()).get("LOC1")
    assert len(calls) == 1


def test_2_2_1_sends_base64_and_2_1_1_the_plain_token(examples_dir: Path) -> None:
    seen: list[str] = []
    v211 = load("2.1.1", "inline/mod_locations_14_example.json")
    v221 = load("2.2.1", "location_example.json")

    def partner(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json=envelope(v211 if "2.1.1" in str(request.url) else v221))

    http = httpx.Client(transport=httpx.MockTransport(partner))
    LocationsSenderClient(URL, "abc", client=http).get("1")
    Locations211("https://cpo.test/ocpi/2.1.1/locations", "abc", client=http).get("1")
    assert seen == ["Token YWJj", "Token abc"]


def test_auto_token_falls_back_to_plain_once_and_keeps_it(location: dict[str, Any]) -> None:
    seen: list[str] = []

    def plain_only(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        if request.headers["Authorization"] != f"Token {SECRET}":
            return httpx.Response(401, json=envelope(code=2000, message="Unauthorized"))
        return httpx.Response(200, json=envelope(location))

    c = client(plain_only, token_encoding="auto")
    c.get("LOC1")
    c.get("LOC1")
    assert seen == [f"Token {SECRET_B64}", f"Token {SECRET}", f"Token {SECRET}"]
    assert [t.kind for t in c.tolerated] == ["token encoding"]


def test_explicit_plain_encoding_for_partners_that_expect_it(location: dict[str, Any]) -> None:
    seen: list[str] = []

    def partner(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json=envelope(location))

    client(partner, token_encoding="plain").get("LOC1")
    assert seen == [f"Token {SECRET}"]


def test_the_token_stays_out_of_repr_and_errors() -> None:
    c = client(lambda request: httpx.Response(401), token_encoding="base64")
    assert SECRET not in repr(c) and SECRET not in repr(c.core)
    with pytest.raises(errors.UnauthorizedError) as caught:
        c.get("X")
    assert SECRET_B64 not in str(caught.value) and SECRET not in str(caught.value)


def test_request_and_correlation_ids_and_routing_headers(location: dict[str, Any]) -> None:
    seen: list[httpx.Headers] = []

    def partner(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        return httpx.Response(200, json=envelope(location))

    routing = Routing("NL", "EXA", to_country_code="DE", to_party_id="ABC")
    c = client(partner, routing=routing, correlation_id="flow-1")
    c.get("A")
    c.get("B")
    assert seen[0]["X-Request-ID"] != seen[1]["X-Request-ID"]
    assert seen[0]["X-Correlation-ID"] == seen[1]["X-Correlation-ID"] == "flow-1"
    assert seen[0]["OCPI-from-country-code"] == "NL"
    assert seen[0]["OCPI-to-party-id"] == "ABC"


def test_validate_responses_reports_without_losing_data(location: dict[str, Any]) -> None:
    location = dict(location, x_vendor_field="kept?")

    def partner(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=envelope(location))

    c = client(partner, validate_responses=True)
    assert c.get("LOC1").id == location["id"]
    assert any("x_vendor_field" in t.detail for t in c.tolerated)


def test_outgoing_bodies_are_checked_before_sending(examples_dir: Path) -> None:
    sent = []

    def partner(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    http = httpx.Client(transport=httpx.MockTransport(partner))
    tokens = TokensReceiverClient("https://cpo.test/tokens", "tok", client=http)
    with pytest.raises(errors.PayloadError, match=r"\$\.whitelist"):
        tokens.patch("NL", "TNM", "012", {"whitelist": "SOMETIMES"})
    assert sent == []


def test_a_timeout_is_set_by_default() -> None:
    c = LocationsSenderClient(URL, "tok")
    assert c.http.timeout.read == 10.0
    c.close()


def test_envelope_with_string_status_code_is_tolerated(location: dict[str, Any]) -> None:
    body = envelope(location)
    body["status_code"] = "1000"
    c = client(lambda request: httpx.Response(200, content=json.dumps(body).encode()))
    assert c.get("LOC1").id == location["id"]
    assert any(t.kind == "envelope" for t in c.tolerated)
