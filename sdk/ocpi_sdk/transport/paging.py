"""Following a partner's pages, without I/O: ``Link`` when it can be followed, else offsets.

OCPI pages with ``Link: <url>; rel="next"``, ``X-Total-Count`` and ``X-Limit``. Real partners send
links that cannot be followed as sent (another origin, ``https`` on a plain-http server, enum
reprs in the path, ``date_from=None``), or none at all. A :class:`Pager` follows the ``Link``
when it is usable and falls back to paging by ``offset``/``limit`` from our own request when it
is not (a Link that gives back a page already received included); it never sends the token to
another origin, stops at an empty page or at ``X-Total-Count`` when no next-page Link says there
is more (a count that is no count is ignored), leaves out objects an earlier page already had,
and keeps in :class:`PullState` where a pull that failed half-way can be resumed.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Mapping
from itertools import repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import attrs
import httpx
import orjson

from ocpi_sdk.errors import DeadlineExceededError, PaginationError
from ocpi_sdk.transport.core import Flow, Page, _document, next_link, origin
from ocpi_sdk.transport.spec import OperationSpec

if TYPE_CHECKING:
    from ocpi_sdk.transport.core import TransportCore

_UNSET = {"none", "null", "undefined", "nan"}
_LINK_FAILED = (400, 404, 410, 422)
REPEAT_WINDOW = 20
"""How many recent pages a pull looks back at to find objects a partner sent twice."""


@attrs.define
class PullState:
    """Where a ``list()`` stands (``client.pull``): updated after every page received.

    To resume a pull that failed half-way, call ``list()`` again with the same filters and
    ``offset=pull.next_offset``, or ``list(page_url=pull.next_url)``. ``complete`` is True once
    the last page was read; ``pages``, ``objects``, ``rejected`` and ``duplicates`` count what
    came so far.
    """

    next_url: str | None = None
    next_offset: int | None = None
    pages: int = 0
    objects: int = 0
    rejected: int = 0
    duplicates: int = 0
    complete: bool = False

    def resume_hint(self) -> str:
        if self.next_offset is not None:
            return f"resume with list(offset={self.next_offset}) and the same filters"
        if self.next_url is not None:
            return f"resume with list(page_url={self.next_url!r})"
        return "start again"


class Pager:
    """The pages of one list operation. ``next_page()`` is the flow of the next page (None
    after the last); ``state`` says where the pull stands."""

    def __init__(
        self,
        core: TransportCore,
        spec: OperationSpec,
        cls: Any,
        query: Mapping[str, Any],
        page_url: str | None = None,
    ) -> None:
        self.core = core
        self.spec = spec
        self.cls = cls
        self.query = dict(query)
        self.base_offset = int(self.query.get("offset") or 0)
        self.page_limit: int | None = self.query.get("limit")
        # Offsets are ours to compute only when we made the first request ourselves.
        self.offset_known = page_url is None
        self.received = 0
        self.by_offset = False
        self.started = False
        self.seen_urls: set[str] = set()
        # Repeats are looked for in the last REPEAT_WINDOW pages: memory stays flat on long pulls.
        # The digests of the objects in the window (a dict: it stays compact as pages leave).
        self.seen_keys: dict[int, None] = {}
        self.window: deque[list[int]] = deque()  # each page's digests, oldest first
        self.labelled = _labelled(cls)
        self.home = origin(core.url)
        self.planned: tuple[str, httpx.URL] | None = None  # the next-page Link, parsed once
        self.state = PullState(
            next_url=page_url, next_offset=self.base_offset if page_url is None else None
        )
        limit = core.limits.list_deadline
        self.list_deadline = None if limit is None else time.monotonic() + limit

    # ---- one page -------------------------------------------------------------------------

    def next_page(self) -> Flow[Page[Any] | None]:
        """Fetch the next page: its objects (repeats left out) and what comes after it."""
        state = self.state
        if state.complete:
            return None
        self._check_limits()
        request, via_link = self._next_request()
        response = yield from self.core.exchange(self.spec, request, deadline=self.list_deadline)
        if via_link and self.offset_known and self._link_failed(response):
            self._tolerate(
                f"the next-page Link {request.url} answered HTTP {response.status_code}"
                f"{self._ocpi_status(response)}; paging by offset from our own request instead"
            )
            self.by_offset = True
            request = self._offset_request()
            response = yield from self.core.exchange(
                self.spec, request, deadline=self.list_deadline
            )
        self.started = True
        while True:
            items, rejected = self.core._data(self.spec, response, self.cls)
            received = len(items) + len(rejected)
            fresh, duplicates = self._drop_repeats(items, str(request.url))
            if not (received and not fresh and not rejected and duplicates):
                break
            if not (via_link and self.offset_known and not self.by_offset):
                raise PaginationError(
                    f"the partner repeats objects already received: all {duplicates} objects "
                    f"of {request.url} came on earlier pages; stopped",
                    url=str(request.url),
                )
            # the Link led back to a page already received (a Link that echoes the request)
            self._tolerate(
                f"the next-page Link {request.url} gave a page already received; paging by "
                "offset from our own request instead"
            )
            self.by_offset, via_link = True, False
            request = self._offset_request()
            response = yield from self.core.exchange(
                self.spec, request, deadline=self.list_deadline
            )
        self.received += received
        total = self.core.int_header(response, "X-Total-Count")
        limit = self.core.int_header(response, "X-Limit")
        if limit is not None and limit > 0:
            self.page_limit = limit
        following = self._plan_next(response, received, total)
        state.pages += 1
        state.objects += len(fresh)
        state.rejected += len(rejected)
        state.duplicates += duplicates
        state.next_url = following
        state.next_offset = self._offset() if following is not None else None
        state.complete = following is None
        return Page(fresh, total, limit, following, rejected, state.next_offset, duplicates)

    def _check_limits(self) -> None:
        state = self.state
        cap = self.core.limits.max_pages
        if self.started and cap is not None and state.pages >= cap:
            raise PaginationError(
                f"stopped after {state.pages} pages (Limits.max_pages); {state.resume_hint()}",
                url=self.core.url,
            )
        if self.list_deadline is not None and time.monotonic() > self.list_deadline:
            raise DeadlineExceededError(
                f"the list passed its deadline after {state.pages} pages "
                f"(Limits.list_deadline); {state.resume_hint()}",
                url=self.core.url,
            )

    def _next_request(self) -> tuple[httpx.Request, bool]:
        """The request of the next page, and whether it follows a partner's URL."""
        url = self.state.next_url
        if not self.started and url is None:
            return self.core.request(self.spec, query=self.query), False
        if self.by_offset:
            return self._offset_request(), False
        url = url or self.core.url
        planned = self.planned
        target = planned[1] if planned is not None and planned[0] == url else httpx.URL(url)
        if origin(target) != self.home:  # only a page_url given by the caller can get here
            raise PaginationError(
                f"page_url {url} is not on the endpoint's origin: our token is not sent there",
                url=self.core.url,
            )
        return httpx.Request(self.spec.method, target, headers=self.core.headers(self.spec)), True

    def _offset(self) -> int | None:
        return self.base_offset + self.received if self.offset_known else None

    def _offset_request(self) -> httpx.Request:
        query = dict(self.query)
        query["offset"] = self._offset()
        if self.page_limit is not None:
            query["limit"] = self.page_limit
        return self.core.request(self.spec, query=query)

    # ---- what comes next ------------------------------------------------------------------

    def _plan_next(self, response: httpx.Response, received: int, total: int | None) -> str | None:
        """The URL of the next page, or None when this one was the last."""
        offset = self._offset()
        if received == 0:
            return None
        header = response.headers.get("Link")
        link = next_link(header)
        if total is not None and offset is not None and offset >= total:
            if link is None or self.by_offset:
                return None
            # a count that is off must not cut the pull short: the Link says there is more
            self._tolerate(
                f"X-Total-Count says {total} objects, {offset} received, yet a next-page Link "
                "is given: followed"
            )
        if self.by_offset:
            return str(self._offset_request().url)
        if link is None:
            if offset is not None and total is not None:
                why = "an empty Link header" if header is not None else "no Link header"
                return self._fall_back(
                    f"{why} while X-Total-Count says {total - offset} more objects"
                )
            return None
        target = response.request.url.join(link)
        link = str(target)
        reason = self._unusable(target)
        if reason is None and link in self.seen_urls:
            reason = "repeats an earlier page"
        if reason is not None:
            if offset is None:
                raise PaginationError(
                    f"the next-page Link {link} {reason}, and the offset of the next page is "
                    "unknown (the pull started from a page URL); stopped",
                    url=str(response.request.url),
                )
            return self._fall_back(f"the next-page Link {link} {reason}")
        if target.path.rstrip("/") != response.request.url.path.rstrip("/"):
            self._tolerate(f"the next-page Link is on another path ({link}); followed as given")
        self.seen_urls.add(link)
        self.planned = (link, target)
        return link

    def _unusable(self, link: httpx.URL) -> str | None:
        """Why a next-page Link cannot be followed as sent (None when it can)."""
        target = origin(link)
        if target != self.home:
            if target[1:] == self.home[1:] or target[1] == self.home[1]:
                return f"uses another scheme or port than the endpoint ({self.core.url})"
            return "points to another origin: our token is not sent there"
        unset = [k for k, v in link.params.multi_items() if v.strip().lower() in _UNSET]
        if unset:
            return f"carries unset parameters ({', '.join(unset)})"
        return None

    def _fall_back(self, reason: str) -> str:
        self._tolerate(f"{reason}: paging by offset from our own request instead")
        self.by_offset = True
        return str(self._offset_request().url)

    def _link_failed(self, response: httpx.Response) -> bool:
        if response.status_code in _LINK_FAILED:
            return True
        if response.status_code >= 300:
            return False
        code = self._ocpi_code(response)
        return code is not None and 2000 <= code < 3000

    def _ocpi_code(self, response: httpx.Response) -> int | None:
        try:
            document = _document(response)
        except orjson.JSONDecodeError:
            return None
        code = document.get("status_code") if isinstance(document, dict) else None
        return code if isinstance(code, int) else None

    def _ocpi_status(self, response: httpx.Response) -> str:
        code = self._ocpi_code(response)
        return f" (OCPI {code})" if code is not None else ""

    def _tolerate(self, detail: str) -> None:
        self.core.tolerated.add("pagination", detail, method=self.spec.method, url=self.core.url)

    # ---- repeats --------------------------------------------------------------------------

    def _drop_repeats(self, items: list[Any], url: str) -> tuple[list[Any], int]:
        """The objects not seen on one of the last ``REPEAT_WINDOW`` pages (or earlier on this
        one), and how many repeats were left out (each reported with its id). Repeats come from
        objects shifting between pages while a partner's list changes, so a window of pages
        finds them with memory that stays flat however long the pull."""
        seen = self.seen_keys
        keys: list[str | bytes]
        labels = self._labels(items)
        if labels is None:
            keys, labels = self._identities(items)
        else:
            keys = [label.casefold() for label in labels]
        digests = list(map(hash, keys))  # 64 bits per object seen
        page = dict.fromkeys(digests)
        fresh: list[Any] = items  # the usual page: nothing seen before
        repeats: list[str] = []
        if len(page) != len(digests) or not seen.keys().isdisjoint(page):
            fresh, repeats, digests = self._first_seen(items, digests, labels)
            page = dict.fromkeys(digests)
        seen.update(page)
        # Each digest in ``seen`` came on exactly one page of the window (a repeat is not
        # added again), so the oldest page's digests are all its own.
        self.window.append(digests)
        if len(self.window) > REPEAT_WINDOW:
            deque(map(seen.pop, self.window.popleft(), repeat(None)), maxlen=0)
        if repeats:
            shown = ", ".join(repeats[:5]) + (", ..." if len(repeats) > 5 else "")
            self._tolerate(
                f"{len(repeats)} object(s) of {url} came on an earlier page too ({shown}): "
                "left out, not given twice"
            )
        return fresh, len(repeats)

    def _first_seen(
        self, items: list[Any], digests: list[int], labels: list[str]
    ) -> tuple[list[Any], list[str], list[int]]:
        """The objects of a page that repeats some: those seen for the first time, the labels
        of the others, and the digests of the first ones."""
        seen = self.seen_keys
        here: set[int] = set()
        fresh: list[Any] = []
        repeats: list[str] = []
        added: list[int] = []
        for item, digest, label in zip(items, digests, labels, strict=True):
            if digest in seen or digest in here:
                repeats.append(label)
                continue
            here.add(digest)
            added.append(digest)
            fresh.append(item)
        return fresh, repeats, added

    def _labels(self, items: list[Any]) -> list[str] | None:
        """Each object's ``country/party/id`` when its class has an id and every object of the
        page carries one (read in bulk); None to name them one by one (:meth:`_identity`)."""
        if self.labelled is None:
            return None
        ident, get, shape = self.labelled
        if not all(map(ident, items)):
            return None
        if shape == "cpi":
            return [f"{c}/{p}/{i}" for c, p, i in map(get, items)]
        if shape == "ci":
            return [f"{c}//{i}" for c, i in map(get, items)]
        if shape == "pi":
            return [f"/{p}/{i}" for p, i in map(get, items)]
        return [f"//{i}" for i in map(get, items)]

    def _identities(self, items: list[Any]) -> tuple[list[str | bytes], list[str]]:
        keys: list[str | bytes] = []
        labels: list[str] = []
        for item in items:
            key, label = self._identity(item)
            keys.append(key)
            labels.append(label)
        return keys, labels

    def _identity(self, item: Any) -> tuple[str | bytes, str]:
        """What makes an object the same object: its country, party and id (CiStrings, so
        compared case-insensitively), else its whole content; and how to name it."""
        ident = getattr(item, "id", None) or getattr(item, "uid", None)
        if ident is not None:
            label = f"{getattr(item, 'country_code', '')}/{getattr(item, 'party_id', '')}/{ident}"
            return label.casefold(), label
        return self.core.converter.dumps(item), "(an object without id)"


def _labelled(cls: Any) -> tuple[Callable[[Any], Any], Callable[[Any], Any], str] | None:
    """How :meth:`Pager._labels` reads the objects of ``cls`` in bulk: a getter of their id, a
    getter of their country, party and id (those the class has) and which of the three it reads
    (``cpi``, ``ci``, ``pi`` or ``i``). None for a class without exactly one of ``id`` and
    ``uid``: its objects are named one by one."""
    if not (isinstance(cls, type) and attrs.has(cls)):
        return None
    names = {field.name for field in attrs.fields(cls)}
    ids = [name for name in ("id", "uid") if name in names]
    if len(ids) != 1:
        return None
    present = [name for name in ("country_code", "party_id") if name in names]
    shape = "".join(name[0] for name in present) + "i"
    return attrgetter(ids[0]), attrgetter(*present, ids[0]), shape
