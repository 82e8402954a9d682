"""Issue #12, client side, against httpx's mock transport: what real partners send and what the
client makes of it (one test per numbered item; the socket tests are in
``test_tolerance_sockets.py``)."""

from __future__ import annotations

import base64
import copy
import gzip
import logging
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocpi_sdk import errors
from ocpi_sdk.negotiation import Connection, EndpointInfo, connect
from ocpi_sdk.transport import Limits, RetryPolicy
from ocpi_sdk.transport.body import BodyReader
from ocpi_sdk.v2_2_1.clients import LocationsSenderClient, TokensSenderClient
from tests.examples import load
from tests.loopback import envelope

URL = "https://cpo.test/ocpi/2.2.1/locations"
NO_WAIT = RetryPolicy(attempts=3, backoff=0.0)
SECRET = "s3cr3t-T0KEN"
SECRET_B64 = base64.b64encode(SECRET.encode()).decode()

Handler = Callable[[httpx.Request], httpx.Response]


def client(handler: Handler, url: str = URL, **options: Any) -> LocationsSenderClient:
    options.setdefault("retries", NO_WAIT)
    http = httpx.Client(transport=httpx.MockTransport(handler))
    return LocationsSenderClient(url, SECRET, client=http, **options)


@pytest.fixture
def location(examples_dir: Path) -> dict[str, Any]:
    return load("2.2.1", "location_example.json")


def locations(location: dict[str, Any], ids: range | list[int]) -> list[dict[str, Any]]:
    return [dict(location, id=f"L{i}") for i in ids]


# ---- 1. a single object sent as a one-element list ---------------------------------------


@pytest.mark.parametrize("call", ["get", "get_evse", "get_connector"])
def test_item1_single_object_sent_as_a_list_of_one_is_unwrapped(
    location: dict[str, Any], call: str
) -> None:
    evse = location["evses"][0]
    single = {"get": location, "get_evse": evse, "get_connector": evse["connectors"][0]}[call]
    c = client(lambda request: httpx.Response(200, json=envelope([single])))
    args = {"get": ("L",), "get_evse": ("L", "E"), "get_connector": ("L", "E", "1")}[call]
    got = getattr(c, call)(*args)
    assert c.converter.to_dict(got) == c.converter.to_dict(c.converter.structure(single, type(got)))
    assert any("list of one" in t.detail for t in c.tolerated)


def test_item1_authorize_answered_with_a_list_of_one(examples_dir: Path) -> None:
    info = {"allowed": "ALLOWED", "token": load("2.2.1", "token_example_2_full_rfid.json")}
    http = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(200, json=envelope([info])))
    )
    tokens = TokensSenderClient("https://emsp.test/tokens", SECRET, client=http)
    assert str(tokens.authorize("012345678").allowed) == "ALLOWED"
    assert any("list of one" in t.detail for t in tokens.tolerated)


def test_item1_command_response_answered_with_a_list_of_one(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1.clients import CommandsReceiverClient
    from ocpi_sdk.v2_2_1.commands import StartSession

    answer = {"result": "ACCEPTED", "timeout": 30}
    http = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(200, json=envelope([answer])))
    )
    commands = CommandsReceiverClient("https://cpo.test/commands", SECRET, client=http)
    start = commands.converter.structure(
        {
            "response_url": "https://emsp.test/commands/START_SESSION/1",
            "token": load("2.2.1", "token_example_2_full_rfid.json"),
            "location_id": "LOC1",
        },
        StartSession,
    )
    assert commands.start_session(start).timeout == 30
    assert any("list of one" in t.detail for t in commands.tolerated)


def test_item1_a_list_of_several_where_one_is_expected_says_so(location: dict[str, Any]) -> None:
    c = client(lambda request: httpx.Response(200, json=envelope(locations(location, [1, 2, 3]))))
    with pytest.raises(errors.ResponseDataError) as caught:
        c.get("L1")
    assert "a list of 3 was received" in str(caught.value)
    assert [p.path for p in caught.value.problems] == ["$.data"]


# ---- 2. one invalid object does not lose a page ------------------------------------------


def _page_with_a_bad_object(location: dict[str, Any]) -> list[dict[str, Any]]:
    page = locations(location, range(4))
    bad = copy.deepcopy(page[2])
    del bad["address"]
    bad["evses"][0]["status"] = "WORKING"
    bad["name"] = None  # allowed (optional): must not be listed as a problem
    page[2] = bad
    return page


def test_item2_valid_objects_delivered_invalid_ones_kept_with_raw_json_and_paths(
    location: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    page = _page_with_a_bad_object(location)
    c = client(lambda request: httpx.Response(200, json=envelope(page)))
    with caplog.at_level(logging.WARNING, logger="ocpi_sdk"):
        assert [loc.id for loc in c.list()] == ["L0", "L1", "L3"]
    (rejected,) = c.rejected
    assert rejected.raw == page[2] and rejected.index == 2 and rejected.object_name == "Location"
    paths = {(p.path, p.rule) for p in rejected.problems}
    assert paths == {("$.data[2].address", "required"), ("$.data[2].evses[0].status", "enum")}
    assert b'"id":"L2"' in rejected.json
    assert any("rejected" in r.getMessage() and "L2" not in SECRET for r in caplog.records)
    one = c.list_page()
    assert [loc.id for loc in one.items] == ["L0", "L1", "L3"]
    assert [r.index for r in one.rejected] == [2]


def test_item2_invalid_objects_can_raise_instead(location: dict[str, Any]) -> None:
    page = _page_with_a_bad_object(location)
    c = client(lambda request: httpx.Response(200, json=envelope(page)), invalid_objects="raise")
    with pytest.raises(errors.ResponseDataError) as caught:
        list(c.list())
    assert "$.data[2].address" in {p.path for p in caught.value.problems}
    with pytest.raises(ValueError, match="invalid_objects"):
        client(lambda request: httpx.Response(200), invalid_objects="drop")  # type: ignore[arg-type]


# ---- 4. pagination that cannot be followed as sent ---------------------------------------


class Cpo:
    """Serves ``total`` Locations by offset/limit (its own page size ``size``), with a ``Link``
    built by ``link(offset, limit)`` (None: no Link header; "": an empty one). Every request is
    recorded; requests to another host than cpo.test are answered 404."""

    def __init__(
        self,
        location: dict[str, Any],
        total: int,
        size: int = 2,
        link: Callable[[int, int], str | None] | None = None,
        total_header: bool = True,
        repeat_at: int | None = None,
    ) -> None:
        self.location = location
        self.total = total
        self.size = size
        self.link = link or (lambda offset, limit: f"{URL}?offset={offset}&limit={limit}")
        self.total_header = total_header
        self.repeat_at = repeat_at
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.host != "cpo.test" or request.url.scheme != "https":
            return httpx.Response(404, text="not here")
        if not request.url.path.startswith("/ocpi/2.2.1/locations"):
            return httpx.Response(404, json=envelope(code=2000, message="no such route"))
        offset = int(request.url.params.get("offset", 0))
        limit = min(int(request.url.params.get("limit", self.size)), self.size)
        first = offset - 1 if self.repeat_at is not None and offset >= self.repeat_at else offset
        items = locations(self.location, range(max(first, 0), min(offset + limit, self.total)))
        headers = {"X-Limit": str(limit)}
        if self.total_header:
            headers["X-Total-Count"] = str(self.total)
        following = self.link(offset + limit, limit) if offset + limit < self.total else None
        if following is not None:
            headers["Link"] = f'<{following}>; rel="next"' if following else ""
        return httpx.Response(200, json=envelope(items), headers=headers)

    def hosts(self) -> list[str]:
        return [f"{r.url.scheme}://{r.url.host}" for r in self.requests]


ALL5 = [f"L{i}" for i in range(5)]


@pytest.mark.parametrize(
    ("name", "link"),
    [
        ("other origin", lambda o, n: f"https://evil.test/ocpi/2.2.1/locations?offset={o}"),
        (
            "https on plain http",
            lambda o, n: f"https://cpo.test:8443/ocpi/2.2.1/locations?offset={o}",
        ),
        (
            "enum repr path",
            lambda o, n: (
                f"https://cpo.test/VersionNumber.v_2_2_1/ModuleID.locations?offset={o}&limit={n}"
            ),
        ),
        ("date_from=None", lambda o, n: f"{URL}?date_from=None&offset={o}&limit={n}"),
        ("empty Link", lambda o, n: ""),
        ("no Link", lambda o, n: None),
    ],
)
def test_item4_an_unusable_link_falls_back_to_offset_paging(
    location: dict[str, Any], name: str, link: Callable[[int, int], str | None]
) -> None:
    cpo = Cpo(location, total=5, link=link)
    c = client(cpo)
    assert [loc.id for loc in c.list()] == ALL5
    assert set(cpo.hosts()) == {"https://cpo.test"}, "never another origin"
    assert all(r.url.port is None for r in cpo.requests)
    assert any(t.kind == "pagination" and "offset" in t.detail for t in c.tolerated)
    assert all("None" not in str(r.url) for r in cpo.requests)
    assert c.pull.complete and c.pull.objects == 5


def test_item4_a_link_to_another_origin_never_gets_the_token(location: dict[str, Any]) -> None:
    cpo = Cpo(location, total=3, link=lambda o, n: f"https://evil.test/steal?offset={o}")
    assert len(list(client(cpo).list())) == 3
    assert all(r.url.host == "cpo.test" for r in cpo.requests)


def test_item4_stops_at_total_count_or_an_empty_page(location: dict[str, Any]) -> None:
    cpo = Cpo(location, total=4, link=lambda o, n: None)
    assert len(list(client(cpo).list())) == 4
    assert len(cpo.requests) == 2  # X-Total-Count reached: no third request
    blind = Cpo(location, total=4, link=lambda o, n: "", total_header=False)
    assert len(list(client(blind).list())) == 2  # no Link, no count: the first page is all


def test_item4_repeated_objects_are_given_once_and_reported(location: dict[str, Any]) -> None:
    cpo = Cpo(location, total=6, repeat_at=2)  # each page from offset 2 repeats one object
    c = client(cpo)
    assert [loc.id for loc in c.list()] == [f"L{i}" for i in range(6)]
    assert c.pull.duplicates == 2
    assert any("earlier page" in t.detail for t in c.tolerated)


def test_item4_a_page_of_nothing_but_repeats_stops_the_pull(location: dict[str, Any]) -> None:
    def same(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", 0))
        headers = {"Link": f'<{URL}?offset={offset + 2}>; rel="next"'}
        return httpx.Response(200, json=envelope(locations(location, [0, 1])), headers=headers)

    with pytest.raises(errors.PaginationError, match="repeats"):
        list(client(same).list())


def test_item4_a_failed_pull_resumes_from_its_offset_or_page_url(location: dict[str, Any]) -> None:
    cpo = Cpo(location, total=7)
    failing = {"on": True}

    def flaky(request: httpx.Request) -> httpx.Response:
        if failing["on"] and request.url.params.get("offset") == "4":
            return httpx.Response(500, text="down")
        return cpo(request)

    c = client(flaky, retries=RetryPolicy.off())
    got: list[str] = []
    with pytest.raises(errors.HttpError):
        got.extend(loc.id for loc in c.list())
    assert got == ["L0", "L1", "L2", "L3"]
    assert c.pull.next_offset == 4 and not c.pull.complete
    assert c.pull.next_url == f"{URL}?offset=4&limit=2"
    failing["on"] = False
    resumed = [loc.id for loc in c.list(offset=c.pull.next_offset)]
    assert got + resumed == [f"L{i}" for i in range(7)]
    again = [loc.id for loc in client(cpo).list(page_url=f"{URL}?offset=4&limit=2")]
    assert again == ["L4", "L5", "L6"]


def test_item4_page_url_of_another_origin_is_refused(location: dict[str, Any]) -> None:
    cpo = Cpo(location, total=3)
    with pytest.raises(errors.PaginationError, match="origin"):
        client(cpo).list_page(page_url="https://evil.test/ocpi/2.2.1/locations?offset=2")
    assert cpo.requests == []


def test_item4_an_endless_link_chain_stops_at_the_page_cap(location: dict[str, Any]) -> None:
    def endless(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", 0))
        headers = {"Link": f'<{URL}?offset={offset + 1}>; rel="next"'}
        return httpx.Response(200, json=envelope(locations(location, [offset])), headers=headers)

    c = client(endless, limits=Limits(max_pages=5))
    got: list[str] = []
    with pytest.raises(errors.PaginationError, match="max_pages") as caught:
        got.extend(loc.id for loc in c.list())
    assert got == [f"L{i}" for i in range(5)]
    assert "offset=5" in str(caught.value)


def test_item4_a_whole_list_has_a_deadline(location: dict[str, Any]) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        time.sleep(0.05)
        offset = int(request.url.params.get("offset", 0))
        headers = {"Link": f'<{URL}?offset={offset + 1}>; rel="next"'}
        return httpx.Response(200, json=envelope(locations(location, [offset])), headers=headers)

    c = client(slow, limits=Limits(list_deadline=0.2))
    with pytest.raises(errors.DeadlineExceededError, match="deadline"):
        list(c.list())
    assert 0 < c.pull.pages < 1000


LINK_STYLES: dict[str, Callable[[int, int], str | None]] = {
    "good": lambda o, n: f"{URL}?offset={o}&limit={n}",
    "other origin": lambda o, n: f"https://evil.test/x?offset={o}",
    "bad path": lambda o, n: f"https://cpo.test/Module.locations?offset={o}&limit={n}",
    "none": lambda o, n: None,
    "empty": lambda o, n: "",
}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    total=st.integers(0, 12),
    size=st.integers(1, 5),
    limit=st.none() | st.integers(1, 6),
    style=st.sampled_from(sorted(LINK_STYLES)),
)
def test_item4_property_every_object_once_in_order_whatever_the_link(
    location: dict[str, Any], total: int, size: int, limit: int | None, style: str
) -> None:
    cpo = Cpo(location, total=total, size=size, link=LINK_STYLES[style])
    c = client(cpo)
    assert [loc.id for loc in c.list(limit=limit)] == [f"L{i}" for i in range(total)]
    assert {r.url.host for r in cpo.requests} == {"cpo.test"}
    per_page = min(size, limit or size)
    assert len(cpo.requests) <= -(-total // per_page) + 2  # the pages, one failed Link, one empty


# ---- 5. token encoding detection ---------------------------------------------------------


REFUSALS: dict[str, Callable[[], httpx.Response]] = {
    "401": lambda: httpx.Response(401, json=envelope(code=2000, message="Unauthorized")),
    "403 detail": lambda: httpx.Response(403, json={"detail": "Invalid token."}),
    "200 OCPI 2000": lambda: httpx.Response(200, json=envelope(code=2000, message="Invalid token")),
    "200 OCPI 3000": lambda: httpx.Response(
        200, json=envelope(code=3000, message="Token not found or wrongly encoded")
    ),
}


@pytest.mark.parametrize("refusal", sorted(REFUSALS))
def test_item5_auto_switches_encoding_on_every_kind_of_refusal(
    location: dict[str, Any], refusal: str
) -> None:
    seen: list[str] = []

    def plain_only(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        if request.headers["Authorization"] != f"Token {SECRET}":
            return REFUSALS[refusal]()
        return httpx.Response(200, json=envelope(location))

    c = client(plain_only)
    c.get("A")
    c.get("B")
    assert seen == [f"Token {SECRET_B64}", f"Token {SECRET}", f"Token {SECRET}"]
    assert [t.kind for t in c.tolerated] == ["token encoding"]


def test_item5_an_ocpi_error_not_about_the_token_is_not_retried(location: dict[str, Any]) -> None:
    seen: list[str] = []

    def partner(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json=envelope(code=2001, message="Invalid date_from"))

    with pytest.raises(errors.ClientError):
        client(partner).get("A")
    assert len(seen) == 1


def _versions_partner(
    wants: str, seen: list[tuple[str, str]], modules: list[dict[str, Any]] | None = None
) -> Handler:
    """A 2.1.1-only partner whose every endpoint accepts the token in ``wants`` encoding only,
    refusing others with a non-envelope 403."""

    def answer(request: httpx.Request) -> httpx.Response:
        token = request.headers["Authorization"].removeprefix("Token ")
        kind = "base64" if token == SECRET_B64 else "plain"
        seen.append((request.url.path, kind))
        if kind != wants:
            return httpx.Response(403, json={"detail": "Authentication credentials invalid"})
        if request.url.path.endswith("/versions"):
            return httpx.Response(
                200, json=envelope([{"version": "2.1.1", "url": "https://p.test/ocpi/2.1.1"}])
            )
        if request.url.path.endswith("/2.1.1"):
            endpoints = modules or [
                {"identifier": "locations", "url": "https://p.test/ocpi/2.1.1/locations"}
            ]
            return httpx.Response(200, json=envelope({"version": "2.1.1", "endpoints": endpoints}))
        return httpx.Response(200, json=envelope([]))

    return answer


def test_item5_connect_restricted_to_2_1_1_tries_its_encoding_first_then_the_other() -> None:
    seen: list[tuple[str, str]] = []
    http = httpx.Client(transport=httpx.MockTransport(_versions_partner("base64", seen)))
    conn = connect(
        "https://p.test/ocpi/versions", SECRET, role="EMSP", versions=["2.1.1"], client=http
    )
    assert seen[:2] == [("/ocpi/versions", "plain"), ("/ocpi/versions", "base64")]
    assert conn.token_encoding == "base64"
    with conn.client("locations", client=http) as locations:
        list(locations.list())
    assert seen[-1] == ("/ocpi/2.1.1/locations", "base64")


def test_item5_a_client_of_the_connection_keeps_what_it_learned() -> None:
    seen: list[tuple[str, str]] = []
    http = httpx.Client(transport=httpx.MockTransport(_versions_partner("plain", seen)))
    url = "https://p.test/ocpi/2.2.1/locations"
    conn = Connection(
        version="2.2.1",
        version_url="https://p.test/ocpi/2.2.1",
        versions_url="https://p.test/ocpi/versions",
        token=SECRET,
        role="EMSP",
        endpoints=(EndpointInfo("locations", url, "SENDER"),),
    )
    with conn.client("locations", client=http) as first:
        list(first.list())
    assert seen == [(url[14:], "base64"), (url[14:], "plain")]
    assert conn.token_encoding == "plain" and conn.to_dict()["token_encoding"] == "plain"
    seen.clear()
    with conn.client("locations", client=http) as second:
        list(second.list())
    assert seen == [("/ocpi/2.2.1/locations", "plain")]
    assert [t.kind for t in second.tolerated] == ["token encoding"]  # says why it sends plain
    assert Connection.from_dict(conn.to_dict()).token_learned


# ---- 6. error bodies that are not envelopes ------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "content_type", "error", "words"),
    [
        (
            403,
            b'{"detail": "Invalid token."}',
            "application/json",
            errors.UnauthorizedError,
            "Invalid token",
        ),
        (401, b"", "text/plain", errors.UnauthorizedError, "empty body"),
        (
            502,
            b"<html><body>Bad Gateway</body></html>",
            "text/html",
            errors.HttpError,
            "Bad Gateway",
        ),
        (500, b"", "text/plain", errors.HttpError, "empty body"),
        (
            422,
            b'{"detail": [{"loc": ["query", "offset"]}]}',
            "application/json",
            errors.HttpError,
            "offset",
        ),
        (200, b"<html>maintenance</html>", "text/html", errors.InvalidResponseError, "maintenance"),
        (200, b"", "text/plain", errors.InvalidResponseError, "empty body"),
        (302, b"", "text/plain", errors.RedirectError, "redirect"),
    ],
)
def test_item6_non_envelope_errors_follow_the_http_status_and_carry_the_body(
    status: int, body: bytes, content_type: str, error: type[Exception], words: str
) -> None:
    def partner(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": content_type}
        if status == 302:
            headers["Location"] = "https://login.cpo.test/"
        return httpx.Response(status, content=body, headers=headers)

    with pytest.raises(error) as caught:
        client(partner, retries=RetryPolicy.off(), token_encoding="base64").get("L1")
    exc = caught.value
    assert isinstance(exc, errors.TransportError) and exc.http_status == status
    assert words in str(exc)
    assert "not an OCPI response envelope: ''" not in str(exc)
    if body:
        assert exc.body is not None and body.decode()[:10] in exc.body


def test_item6_a_body_echoing_the_token_is_blanked_in_the_error() -> None:
    def partner(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, text=f"bad header: {request.headers['Authorization']}")

    with pytest.raises(errors.HttpError) as caught:
        client(partner).get("L1")
    assert SECRET_B64 not in str(caught.value) and SECRET_B64 not in (caught.value.body or "")
    assert "***" in str(caught.value)


# ---- 7. redirects ------------------------------------------------------------------------


def test_item7_a_same_origin_307_is_followed_once_keeping_method_body_and_token(
    location: dict[str, Any],
) -> None:
    from ocpi_sdk.v2_2_1.clients import LocationsReceiverClient

    seen: list[httpx.Request] = []

    def partner(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if not request.url.path.endswith("/"):
            return httpx.Response(307, headers={"Location": request.url.path + "/"})
        return httpx.Response(200, json=envelope())

    http = httpx.Client(transport=httpx.MockTransport(partner))
    receiver = LocationsReceiverClient(
        "https://emsp.test/ocpi/2.2.1/locations", SECRET, client=http
    )
    model = receiver.converter.structure(location, receiver_location_class())
    receiver.put("NL", "CPO", location["id"], model)
    first, second = seen
    assert (first.method, second.method) == ("PUT", "PUT")
    assert second.url.path == first.url.path + "/"
    assert second.content == first.content and second.content
    assert second.headers["Authorization"] == first.headers["Authorization"]
    assert any(t.kind == "redirect" for t in receiver.tolerated)


def receiver_location_class() -> type:
    from ocpi_sdk.v2_2_1.locations import Location

    return Location


def test_item7_a_cross_origin_redirect_is_never_followed(location: dict[str, Any]) -> None:
    seen: list[httpx.Request] = []

    def partner(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(307, headers={"Location": "https://other.test/locations/L1"})

    with pytest.raises(errors.RedirectError, match="another origin") as caught:
        client(partner).get("L1")
    assert caught.value.location == "https://other.test/locations/L1"
    assert [r.url.host for r in seen] == ["cpo.test"]


def test_item7_a_second_redirect_is_not_followed() -> None:
    def partner(request: httpx.Request) -> httpx.Response:
        return httpx.Response(308, headers={"Location": request.url.path + "x"})

    with pytest.raises(errors.RedirectError, match="second redirect"):
        client(partner).get("L1")


# ---- 8. custom module identifiers ----------------------------------------------------------


def test_item8_custom_modules_never_break_negotiation() -> None:
    modules = [
        {"identifier": "locations", "url": "https://p.test/ocpi/2.1.1/locations"},
        {"identifier": "Tokens", "url": "https://p.test/ocpi/2.1.1/tokens"},
        {"identifier": "nltnm-parking", "url": "https://p.test/ocpi/2.1.1/parking"},
    ]
    seen: list[tuple[str, str]] = []
    http = httpx.Client(transport=httpx.MockTransport(_versions_partner("plain", seen, modules)))
    conn = connect("https://p.test/ocpi/versions", SECRET, role="EMSP", client=http)
    assert conn.custom_modules == ["nltnm-parking"]
    assert conn.endpoint("nltnm-parking").url == "https://p.test/ocpi/2.1.1/parking"
    assert conn.endpoint("tokens").url.endswith("/tokens")
    assert any(t.kind == "custom module" and "nltnm-parking" in t.detail for t in conn.tolerated)
    assert conn.client("locations", client=http).url.endswith("/locations")


# ---- 10. client safety limits (mock side) ------------------------------------------------


def test_item10_a_body_over_the_limit_is_refused(location: dict[str, Any]) -> None:
    big = locations(location, range(50))
    c = client(
        lambda r: httpx.Response(200, json=envelope(big)), limits=Limits(max_body_bytes=4096)
    )
    with pytest.raises(errors.ResponseTooLargeError, match="4096"):
        list(c.list())


@settings(max_examples=100, deadline=None)
@given(
    body=st.binary(max_size=4000) | st.builds(lambda n: b"0" * n, st.integers(0, 200_000)),
    encoding=st.sampled_from(["identity", "gzip", "deflate", "raw-deflate"]),
    cuts=st.lists(st.integers(1, 5000), max_size=20),
    limit=st.none() | st.integers(0, 100_000),
)
def test_item10_property_the_body_reader_decodes_any_chunking_within_its_limit(
    body: bytes, encoding: str, cuts: list[int], limit: int | None
) -> None:
    if encoding == "gzip":
        wire, header = gzip.compress(body), "gzip"
    elif encoding == "deflate":
        wire, header = zlib.compress(body), "deflate"
    elif encoding == "raw-deflate":
        packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        wire, header = packer.compress(body) + packer.flush(), "deflate"
    else:
        wire, header = body, "identity"
    request = httpx.Request("GET", URL)
    response = httpx.Response(200, headers={"Content-Encoding": header}, request=request)
    chunks, start = [], 0
    for cut in [*cuts, len(wire)]:
        chunks.append(wire[start : start + cut])
        start += cut
    chunks.append(wire[start:])
    try:
        reader = BodyReader(response, limit, None)
        for chunk in chunks:
            reader.feed(chunk)
        got = reader.finish()
    except errors.ResponseTooLargeError:
        assert limit is not None and len(body) > limit
    else:
        assert got == body and (limit is None or len(body) <= limit)


def test_item10_defaults_are_generous_and_documented() -> None:
    limits = Limits()
    assert limits.max_body_bytes == 64 * 1024 * 1024
    assert (limits.deadline, limits.max_pages, limits.list_deadline) == (120.0, 10_000, None)


# ---- issue 15: 500 is retried for idempotent calls ---------------------------------------


def test_http_500_is_retried_for_idempotent_calls(location: dict[str, Any]) -> None:
    answers = [httpx.Response(500, text="oops"), httpx.Response(200, json=envelope(location))]
    c = client(lambda request: answers.pop(0))
    assert c.get("L1").id == location["id"]
    assert [t.kind for t in c.tolerated] == ["retry"]


def test_a_byte_order_mark_before_the_json_is_ignored_and_noted(location: dict[str, Any]) -> None:
    """RFC 8259 8.1: a parser MAY ignore a byte order mark (senders MUST NOT add one)."""
    import json

    def handler(request: httpx.Request) -> httpx.Response:
        body = b"\xef\xbb\xbf" + json.dumps(envelope([location])).encode()
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    c = client(handler)
    assert [loc.id for loc in c.list()] == [location["id"]]
    assert c.get("LOC1").id == location["id"]
    assert any(t.kind == "body" and "byte order mark" in t.detail for t in c.tolerated)


def test_the_tolerance_log_stays_bounded() -> None:
    from ocpi_sdk.transport.options import ToleranceLog

    log = ToleranceLog()
    for index in range(5 * ToleranceLog.MAX_EVENTS):
        log.add("envelope", f"no timestamp ({index})")
    assert ToleranceLog.MAX_EVENTS <= len(log.events) <= 2 * ToleranceLog.MAX_EVENTS
    assert log.dropped + len(log.events) == 5 * ToleranceLog.MAX_EVENTS
    assert log.events[-1].detail == f"no timestamp ({5 * ToleranceLog.MAX_EVENTS - 1})"


@pytest.mark.parametrize(
    ("value", "wait"),
    [
        ("5", 5.0),
        (" 3 ", 3.0),
        ("-4", 0.0),
        ("999999", 30.0),
        ("nan", 1.0),  # not a time: our own backoff (attempt 2), never a NaN sleep
        ("inf", 1.0),
        ("1e999", 1.0),
        ("soon", 1.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # a date passed: at once
        ("Fri, 01 Jan 2100 00:00:00 GMT", 30.0),  # far off: capped
    ],
)
def test_retry_after_is_read_as_seconds_or_a_date_and_capped(value: str, wait: float) -> None:
    assert RetryPolicy(backoff=0.5, max_delay=30.0).delay(2, value) == wait


def test_a_nan_retry_after_is_retried_after_our_backoff(location: dict[str, Any]) -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            return httpx.Response(503, headers={"Retry-After": "nan"})
        return httpx.Response(200, json=envelope(location))

    c = client(handler)
    assert c.get("LOC1").id == location["id"] and len(calls) == 2


def test_item8_interface_roles_in_another_case_are_read() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/versions"):
            return httpx.Response(
                200, json=envelope([{"version": "2.2.1", "url": "https://p.test/ocpi/2.2.1"}])
            )
        endpoints = [
            {"identifier": "locations", "role": "sender", "url": "https://p.test/l"},
            {"identifier": "Tokens", "role": " Receiver ", "url": "https://p.test/t"},
            {"identifier": "cdrs", "role": "RECEIVER", "url": "https://p.test/c"},
        ]
        return httpx.Response(200, json=envelope({"version": "2.2.1", "endpoints": endpoints}))

    http = httpx.Client(transport=httpx.MockTransport(handler))
    conn = connect("https://p.test/ocpi/versions", SECRET, role="EMSP", client=http)
    assert conn.client("locations", client=http).url == "https://p.test/l"
    assert conn.client("tokens", role="RECEIVER", client=http).url == "https://p.test/t"
    noted = [t.detail for t in conn.tolerated if "interface role" in t.detail]
    assert noted == [
        "interface role 'sender' read as 'SENDER'",
        "interface role ' Receiver ' read as 'RECEIVER'",
    ]
