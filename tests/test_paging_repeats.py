"""Objects a partner sends twice in one pull: left out once seen on one of the last 20 pages,
matched by country, party and id (case-insensitively) or, for objects without an id, by their
whole content; reported in ``pull.duplicates`` and the tolerance log."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest

from ocpi_sdk import errors
from ocpi_sdk.transport.paging import REPEAT_WINDOW
from ocpi_sdk.v2_1_1.clients import LocationsSenderClient as Locations211
from ocpi_sdk.v2_2_1.clients import (
    AsyncLocationsSenderClient,
    HubClientInfoSenderClient,
    LocationsSenderClient,
)
from tests.examples import load
from tests.loopback import envelope

BASE = "https://cpo.test/ocpi/x/module"


def serving(pages: list[list[dict[str, Any]]]) -> httpx.MockTransport:
    """Each page in turn, linked by ``?page=n``."""

    def handler(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params.get("page", 0))
        headers = {}
        if number + 1 < len(pages):
            headers["Link"] = f'<{BASE}?page={number + 1}>; rel="next"'
        return httpx.Response(200, json=envelope(pages[number]), headers=headers)

    return httpx.MockTransport(handler)


@pytest.fixture
def location(examples_dir: Path) -> dict[str, Any]:
    return load("2.2.1", "location_example.json")


def named(location: dict[str, Any], *ids: str, **fields: Any) -> list[dict[str, Any]]:
    return [dict(location, id=i, **fields) for i in ids]


def pull_ids(pages: list[list[dict[str, Any]]]) -> tuple[list[str], LocationsSenderClient]:
    c = LocationsSenderClient(BASE, "t", client=httpx.Client(transport=serving(pages)))
    return [str(loc.id) for loc in c.list()], c


def test_a_repeat_within_the_window_is_left_out_and_one_older_is_given_again(
    location: dict[str, Any],
) -> None:
    # Page p (1-based) looks back at pages p-20 .. p-1.
    pages = [named(location, f"L{k}") for k in range(REPEAT_WINDOW)]
    pages.append(named(location, "L0", "N1"))  # page 21: L0 came on page 1, 20 pages back
    pages.append(named(location, "N2"))
    pages.append(named(location, "L1", "L2"))  # page 23: L1 (page 2) is older; L2 (page 3) not
    ids, c = pull_ids(pages)
    window = [f"L{k}" for k in range(REPEAT_WINDOW)]
    assert ids == [*window, "N1", "N2", "L1"]
    assert (c.pull.duplicates, c.pull.objects, c.pull.pages) == (2, len(ids), len(pages))
    details = [t.detail for t in c.tolerated if "earlier page" in t.detail]
    assert len(details) == 2
    assert "BE/BEC/L0" in details[0] and "BE/BEC/L2" in details[1]


def test_a_repeat_is_not_counted_as_seen_again(location: dict[str, Any]) -> None:
    # L0 on page 1 and again (left out) on page 20: page 22 is past page 1's window.
    pages = [named(location, f"L{k}") for k in range(REPEAT_WINDOW - 1)]
    pages += [named(location, "L0", "X"), named(location, "Y"), named(location, "L0")]
    ids, c = pull_ids(pages)
    assert ids.count("L0") == 2 and c.pull.duplicates == 1


def test_ids_are_compared_case_insensitively_with_country_and_party(
    location: dict[str, Any],
) -> None:
    pages = [
        named(location, "L1", "l1", "L2"),  # l1 repeats L1 on the same page
        [*named(location, "l2", party_id="bec"), *named(location, "L2", party_id="XYZ")],
    ]
    ids, c = pull_ids(pages)
    assert ids == ["L1", "L2", "L2"]
    assert c.pull.duplicates == 2
    shown = " ".join(t.detail for t in c.tolerated if "earlier page" in t.detail)
    assert "BE/BEC/l1" in shown and "BE/bec/l2" in shown


def test_a_page_of_nothing_but_repeats_stops_the_pull(location: dict[str, Any]) -> None:
    with pytest.raises(errors.PaginationError, match="repeats objects already received"):
        pull_ids([named(location, "L1", "L2"), named(location, "l2", "L1")])


def test_211_objects_without_country_and_party_are_matched_by_id(examples_dir: Path) -> None:
    location = load("2.1.1", "inline/mod_locations_14_example.json")
    pages = [named(location, "A", "B"), named(location, "b", "C")]
    c = Locations211(BASE, "t", client=httpx.Client(transport=serving(pages)))
    assert [str(loc.id) for loc in c.list()] == ["A", "B", "C"]
    assert c.pull.duplicates == 1
    assert any("//b" in t.detail for t in c.tolerated if "earlier page" in t.detail)


def test_objects_without_an_id_are_matched_by_their_whole_content() -> None:
    def info(party: str, status: str = "CONNECTED") -> dict[str, Any]:
        return {
            "party_id": party,
            "country_code": "NL",
            "role": "CPO",
            "status": status,
            "last_updated": "2024-01-01T00:00:00Z",
        }

    pages = [[info("AAA"), info("BBB")], [info("AAA"), info("AAA", "OFFLINE"), info("CCC")]]
    c = HubClientInfoSenderClient(BASE, "t", client=httpx.Client(transport=serving(pages)))
    got = [(str(i.party_id), str(i.status)) for i in c.list()]
    assert got == [
        ("AAA", "CONNECTED"),
        ("BBB", "CONNECTED"),
        ("AAA", "OFFLINE"),
        ("CCC", "CONNECTED"),
    ]
    assert c.pull.duplicates == 1
    assert any("an object without id" in t.detail for t in c.tolerated)


def test_async_pulls_leave_out_the_same_repeats(location: dict[str, Any]) -> None:
    pages = [named(location, "L1", "L2"), named(location, "l2", "L3"), named(location, "L1")]

    async def run() -> tuple[list[str], int]:
        http = httpx.AsyncClient(transport=serving(pages))
        async with AsyncLocationsSenderClient(BASE, "t", client=http) as c:
            ids = [str(loc.id) async for loc in c.list()]
            assert c.pull is not None
            return ids, c.pull.duplicates

    with pytest.raises(errors.PaginationError, match="repeats"):
        asyncio.run(run())  # the last page is nothing but a repeat
    pages[-1] = named(location, "L1", "L4")
    assert asyncio.run(run()) == (["L1", "L2", "L3", "L4"], 2)


def offset_server(
    location: dict[str, Any], total: str | None, link: Any
) -> tuple[httpx.MockTransport, list[str]]:
    """Five Locations, one a page, served by ``offset``; ``link(offset)`` writes the Link."""
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        offset = int(request.url.params.get("offset", 0))
        headers = {} if total is None else {"X-Total-Count": total}
        if offset + 1 < 5:
            headers["Link"] = link(offset + 1)
        return httpx.Response(200, json=envelope(named(location, f"L{offset}")), headers=headers)

    return httpx.MockTransport(handler), asked


def pull(transport: httpx.MockTransport) -> tuple[list[str], LocationsSenderClient]:
    c = LocationsSenderClient(BASE, "t", client=httpx.Client(transport=transport))
    return [str(loc.id) for loc in c.list(limit=1)], c


def test_a_link_that_echoes_the_request_is_left_for_offset_paging(
    location: dict[str, Any],
) -> None:
    transport, asked = offset_server(
        location, "5", lambda _: f'<{BASE}?offset=0&limit=1>; rel="next"'
    )
    ids, c = pull(transport)
    assert ids == ["L0", "L1", "L2", "L3", "L4"]
    assert any("page already received" in t.detail for t in c.tolerated)
    assert len(asked) == 6  # the echoed Link was followed once, then offsets


def test_a_count_too_small_does_not_cut_a_linked_pull_short(location: dict[str, Any]) -> None:
    transport, _ = offset_server(
        location, "2", lambda o: f'<{BASE}?offset={o}&limit=1>; rel="next"'
    )
    ids, c = pull(transport)
    assert ids == ["L0", "L1", "L2", "L3", "L4"]
    assert any("X-Total-Count says 2" in t.detail for t in c.tolerated)


@pytest.mark.parametrize("total", ["-5", "lots", "3.0", "1e3"])
def test_a_count_that_is_no_count_is_ignored(location: dict[str, Any], total: str) -> None:
    transport, _ = offset_server(
        location, total, lambda o: f'<{BASE}?offset={o}&limit=1>; rel="next"'
    )
    ids, c = pull(transport)
    assert ids == ["L0", "L1", "L2", "L3", "L4"]
    assert any("X-Total-Count is not a count" in t.detail for t in c.tolerated)
