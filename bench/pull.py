"""Pulling 100,000 Locations through the clients against plain httpx + json.loads.

Serves N Locations (the spec's example, 2.2.1) in pages of 1,000 from an in-process httpx
transport, then in the same run times:

- plain: httpx GETs following the pages + ``json.loads`` of each body (the baseline);
- models: loading the same pages' data into models with ``loads`` and no HTTP at all;
- sdk sync / sdk async: ``LocationsSenderClient.list()`` and its async twin.

Aims (issue #17): ``list()`` at most 1.3x plain (typed, checked models against bare dicts), and
peak memory while iterating (tracemalloc, in separate passes) flat as N grows: a tenth of N and
all of N must peak at about the same, and under 100 MB.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tracemalloc
from collections.abc import Callable

import httpx
from _common import EXAMPLES, seconds

from ocpi_sdk.v2_2_1 import Location, loads
from ocpi_sdk.v2_2_1.clients import AsyncLocationsSenderClient, LocationsSenderClient

TOTAL = int(os.environ.get("BENCH_TOTAL", "100000"))
PAGE = 1000
URL = "https://cpo.bench/ocpi/2.2.1/locations"


def page_body() -> bytes:
    """A page of the example Location, each with its own id (``PAGE000000-<n>``: the page part
    is replaced per page, so no object repeats across pages, as in a real pull)."""
    location = json.loads((EXAMPLES / "2.2.1" / "location_example.json").read_text())
    data = [dict(location, id=f"PAGE000000-{n}") for n in range(PAGE)]
    return json.dumps(
        {"data": data, "status_code": 1000, "timestamp": "2024-01-01T00:00:00Z"}
    ).encode()


BODY = page_body()


DATA = json.dumps(json.loads(BODY)["data"]).encode()


def serving(total: int) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", 0))
        body = BODY.replace(b"PAGE000000", f"PAGE{offset:06d}".encode())
        headers = {"X-Total-Count": str(total), "X-Limit": str(PAGE)}
        headers["Content-Type"] = "application/json"
        if offset + PAGE < total:
            headers["Link"] = f'<{URL}?offset={offset + PAGE}&limit={PAGE}>; rel="next"'
        return httpx.Response(200, content=body, headers=headers)

    return handler


handler = serving(TOTAL)


def plain() -> int:
    count = 0
    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        url: str | None = f"{URL}?limit={PAGE}"
        while url:
            response = http.get(url)
            count += len(json.loads(response.content)["data"])
            url = response.links.get("next", {}).get("url")
    return count


def models_only() -> int:
    """The same pages' data loaded into models, with no HTTP: what is left of the client's time
    beyond this is the transport's."""
    count = 0
    for _ in range(TOTAL // PAGE):
        count += len(loads(DATA, list[Location]))
    return count


def sdk_sync(total: int = TOTAL) -> int:
    http = httpx.Client(transport=httpx.MockTransport(serving(total)))
    with LocationsSenderClient(URL, "token", client=http) as client:
        return sum(1 for _ in client.list(limit=PAGE))


def sdk_async() -> int:
    async def run() -> int:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncLocationsSenderClient(URL, "token", client=http) as client:
            return sum([1 async for _ in client.list(limit=PAGE)])

    return asyncio.run(run())


def timed(run: Callable[[], int]) -> tuple[float, int]:
    """The best of three runs (seconds) and the object count."""
    counts: list[int] = []
    best = seconds(lambda: counts.append(run()))
    return best, counts[-1]


def main() -> int:
    base, n1 = timed(plain)
    load, n2 = timed(models_only)
    sync, n3 = timed(sdk_sync)
    asyn, n4 = timed(sdk_async)
    if not n1 == n2 == n3 == n4 == TOTAL:
        print(f"object counts differ: {n1} {n2} {n3} {n4}")
        return 1
    print(f"{TOTAL:,} Locations in pages of {PAGE}:")
    print(f"  plain httpx + json.loads   {base:6.2f} s   (best of 3 runs, as every line)")
    print(f"  loading into models only   {load:6.2f} s   {load / base:5.2f}x plain")
    for name, total in (("sdk sync ", sync), ("sdk async", asyn)):
        print(
            f"  {name} list()           {total:6.2f} s   {total / base:5.2f}x plain "
            f"(aim <= 1.30x; transport overhead {(total - load) / base:5.2f}x plain)"
        )
    peaks = []
    for total in (TOTAL // 10, TOTAL):
        tracemalloc.start()
        sdk_sync(total)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        peaks.append(peak)
        print(f"  peak memory while iterating {total:>9,} (sync): {peak / 1e6:6.1f} MB")
    flat = peaks[1] < 1.5 * peaks[0] and peaks[1] < 100e6
    print(f"  peak memory flat as N grows, under 100 MB: {'yes' if flat else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
