"""Pagination of every Sender list: offset and limit honoured, X-Limit, X-Total-Count, the
Link header usable as sent, last page without next, date_from inclusive, date_to exclusive."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

from ocpi_sdk.check.catalogue import entry
from ocpi_sdk.check.context import Context, Pull
from ocpi_sdk.check.entries import _refs
from ocpi_sdk.check.model import Verdict, failed, passed, skipped
from ocpi_sdk.check.probe import Answer
from ocpi_sdk.converter import parse_datetime
from ocpi_sdk.transport.core import next_link


def key(obj: Any) -> str:
    """An object's identity in a list: its party and id (uid for Tokens)."""
    if not isinstance(obj, dict):
        return repr(obj)
    ident = obj.get("id", obj.get("uid"))
    if ident is None:
        ident = obj.get("role")
    return f"{obj.get('country_code', '')}*{obj.get('party_id', '')}*{ident}"


def each_list(
    ctx: Context, test: Callable[[Pull], list[str] | str | None], *, what: str
) -> Verdict:
    """Run ``test`` on every Sender list; a string result is a skip reason for that list."""
    lists = ctx.sender_lists()
    if not lists:
        return skipped("the platform offers no Sender list for its role")
    problems: list[str] = []
    done: list[str] = []
    notes: list[str] = []
    for module, _, _ in lists:
        pull = ctx.pull(module)
        first = pull.first
        if first is None or first.status != 200 or not isinstance(first.data, list):
            notes.append(f"{module} not tested: {first.describe() if first else 'no page'}")
            continue
        outcome = test(pull)
        if isinstance(outcome, str):
            notes.append(f"{module} not tested: {outcome}")
        elif outcome:
            problems.extend(f"{module}: {p}" for p in outcome)
        else:
            done.append(module)
    if problems:
        return failed(f"{what}: {len(problems)} problem(s)", *problems, *notes)
    if not done:
        return skipped("no list could be tested", *notes)
    return passed(f"{', '.join(done)}", *notes)


def page(ctx: Context, pull: Pull, **params: Any) -> Answer:
    """One page of ``pull``'s list with ``params`` (made once per run)."""
    params = {**pull.filters, **params}
    query = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
    answer: Answer = ctx.memo(
        f"page:{pull.module}:{query}", lambda: ctx.get(pull.url, params=params)
    )
    ctx.cite(answer)
    return answer


def _int(answer: Answer, name: str) -> int | None:
    value = answer.header(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@entry(
    "page.list",
    "Every page of every Sender list is an envelope with a list",
    sends="GET each Sender list, following Link",
    rule="a GET of a list returns data: a list of objects, paginated",
    ref=_refs.PAGINATED_RESPONSE,
)
def list_pages(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str]:
        if pull.problem:
            ctx.blame(pull.pages[-1] if pull.pages else None)
            return [pull.problem]
        return []

    return each_list(ctx, test, what="lists not readable")


@entry(
    "page.limit",
    "limit is honoured",
    sends="GET list?limit=1",
    rule="limit: the maximum number of objects to GET",
    ref=_refs.PAGINATED_REQUEST,
)
def limit(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str]:
        answer = page(ctx, pull, limit=1)
        data = answer.data
        if not isinstance(data, list):
            ctx.blame(answer)
            return [f"limit=1: {answer.describe()}"]
        if len(data) > 1:
            ctx.blame(answer)
            return [f"limit=1 returned {len(data)} objects"]
        return []

    return each_list(ctx, test, what="limit ignored")


@entry(
    "page.x_limit",
    "X-Limit is sent and no page holds more objects than it",
    sends="GET list?limit=1 and each page of the list",
    rule="X-Limit: the maximum number of objects that the server can return",
    ref=_refs.PAGINATED_RESPONSE,
)
def x_limit(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str]:
        problems = []
        for answer in [page(ctx, pull, limit=1), *pull.pages]:
            got = _int(answer, "X-Limit")
            data = answer.data if isinstance(answer.data, list) else []
            if got is None:
                ctx.blame(answer)
                problems.append(f"{answer.exchange.url}: X-Limit {answer.header('X-Limit')!r}")
            elif len(data) > got:
                ctx.blame(answer)
                problems.append(f"{answer.exchange.url}: {len(data)} objects, X-Limit {got}")
        return problems[:5]

    return each_list(ctx, test, what="X-Limit missing or exceeded")


@entry(
    "page.x_limit_asked",
    "X-Limit is not above the limit asked for",
    sends="GET list?limit=1",
    rule="the server returns at most limit objects; X-Limit is its upper limit for this query",
    ref=_refs.PAGINATED_RESPONSE,
    severity="recommended",
)
def x_limit_asked(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str] | str:
        answer = page(ctx, pull, limit=1)
        got = _int(answer, "X-Limit")
        if got is None:
            return "no X-Limit"
        if got > 1:
            ctx.blame(answer)
            return [f"asked limit=1, X-Limit {got}"]
        return []

    return each_list(ctx, test, what="X-Limit above the limit asked")


@entry(
    "page.total_count",
    "X-Total-Count counts the whole result",
    sends="GET each Sender list, following Link",
    rule="X-Total-Count: the total number of objects that match the query",
    ref=_refs.PAGINATED_RESPONSE,
)
def total_count(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str]:
        first = pull.pages[0]
        total = _int(first, "X-Total-Count")
        if total is None:
            ctx.blame(first)
            return [f"X-Total-Count {first.header('X-Total-Count')!r}"]
        if not pull.problem and len(pull.pages) < 50 and total != len(pull.objects):
            ctx.blame(first)
            return [f"X-Total-Count {total}, but the pages hold {len(pull.objects)} objects"]
        return []

    return each_list(ctx, test, what="X-Total-Count wrong")


@entry(
    "page.unique_objects",
    "No object appears twice in a list",
    sends="GET each Sender list, following Link",
    rule="pages follow each other without overlap (offset of the next page = offset + count)",
    ref=_refs.PAGINATED_REQUEST,
)
def unique_objects(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str]:
        seen: set[str] = set()
        twice = []
        for obj in pull.objects:
            k = key(obj)
            if k in seen:
                twice.append(f"{k} returned twice")
            seen.add(k)
        return twice[:5]

    return each_list(ctx, test, what="objects repeated across pages")


@entry(
    "page.offset",
    "offset is honoured",
    sends="GET list?offset=0&limit=2 and list?offset=1&limit=1",
    rule="offset: the offset of the first object returned",
    ref=_refs.PAGINATED_REQUEST,
)
def offset(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str] | str:
        if len(pull.objects) < 2:
            return "fewer than 2 objects"
        two = page(ctx, pull, offset=0, limit=2)
        second = page(ctx, pull, offset=1, limit=1)
        if not isinstance(two.data, list) or not isinstance(second.data, list):
            return [f"offset pages not readable: {second.describe()}"]
        if len(two.data) < 2:
            return "the server returned one object for limit=2"
        if not second.data or key(second.data[0]) != key(two.data[1]):
            ctx.blame(second)
            got = key(second.data[0]) if second.data else "nothing"
            return [f"offset=1 gave {got}, expected {key(two.data[1])}"]
        return []

    return each_list(ctx, test, what="offset ignored")


def _link_of_small_page(ctx: Context, pull: Pull) -> tuple[Answer, str | None]:
    answer = page(ctx, pull, limit=1)
    return answer, next_link(answer.header("Link"))


@entry(
    "page.next_link",
    "A page that is not the last links to the next",
    sends="GET list?limit=1 on a list of 2 or more objects",
    rule="Link to the 'next' page should be provided when this is NOT the last page",
    ref=_refs.PAGINATED_RESPONSE,
)
def next_page_link(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str] | str:
        if len(pull.objects) < 2:
            return "fewer than 2 objects"
        answer, link = _link_of_small_page(ctx, pull)
        if link is None:
            ctx.blame(answer)
            return [f"no next Link after 1 of {len(pull.objects)} objects"]
        return []

    return each_list(ctx, test, what="next Link missing")


@entry(
    "page.link_usable",
    "The next Link works as sent and continues the list",
    sends="GET the next Link of list?limit=1, exactly as given",
    rule="the client follows the 'next' Link to get the next page",
    ref=_refs.PAGINATED_RESPONSE,
)
def link_usable(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str] | str:
        if len(pull.objects) < 2:
            return "fewer than 2 objects"
        answer, link = _link_of_small_page(ctx, pull)
        if link is None or not isinstance(answer.data, list) or not answer.data:
            return "no next Link to follow"
        url = urljoin(pull.url, link)
        if urlsplit(url).netloc != urlsplit(pull.url).netloc:
            ctx.blame(answer)
            return [f"the Link leads to another origin ({url}); the token is not sent there"]
        followed: Answer = ctx.memo(f"link:{pull.module}", lambda: ctx.get(url))
        ctx.cite(followed)
        data = followed.data
        if followed.status != 200 or not isinstance(data, list):
            ctx.blame(followed)
            return [f"following {link}: {followed.describe()}"]
        two = page(ctx, pull, offset=0, limit=2)
        expected = two.data[1] if isinstance(two.data, list) and len(two.data) > 1 else None
        if not data or (expected is not None and key(data[0]) != key(expected)):
            ctx.blame(followed)
            got = key(data[0]) if data else "nothing"
            return [f"the next page starts with {got}, expected {key(expected)}"]
        return []

    return each_list(ctx, test, what="next Link not usable")


@entry(
    "page.link_same_endpoint",
    "The next Link points at the same list endpoint",
    sends="GET list?limit=1",
    rule="the 'next' page of the list the client asked for, on that endpoint with its filters",
    ref=_refs.PAGINATION_EXAMPLES,
    severity="recommended",
)
def link_same_endpoint(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str] | str:
        if len(pull.objects) < 2:
            return "fewer than 2 objects"
        answer, link = _link_of_small_page(ctx, pull)
        if link is None:
            return "no next Link"
        asked, got = urlsplit(pull.url), urlsplit(urljoin(pull.url, link))
        if (got.netloc, got.path.rstrip("/")) != (asked.netloc, asked.path.rstrip("/")):
            ctx.blame(answer)
            return [f"the Link goes to {got.netloc}{got.path}, the list is {asked.path}"]
        return []

    return each_list(ctx, test, what="next Link on another endpoint")


@entry(
    "page.link_filters",
    "The next Link keeps the request's filters",
    sends="GET list?date_from=...&limit=1",
    rule="the Link should also contain any filters present in the original request",
    ref=_refs.PAGINATED_RESPONSE,
    severity="recommended",
)
def link_filters(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str] | str:
        stamps = _stamps(pull)
        if len(stamps) < 2:
            return "fewer than 2 objects with last_updated"
        earliest = stamps[0][1]
        answer = page(ctx, pull, date_from=earliest, limit=1)
        link = next_link(answer.header("Link"))
        if link is None:
            return "no next Link"
        query = parse_qs(urlsplit(link).query)
        if "date_from" not in query:
            ctx.blame(answer)
            return [f"date_from missing from the Link {link}"]
        return []

    return each_list(ctx, test, what="filters dropped from the Link")


@entry(
    "page.last_page",
    "The last page has no next Link",
    sends="GET list?offset=<total-1>&limit=1",
    rule="a 'next' Link only when this is NOT the last page",
    ref=_refs.PAGINATED_RESPONSE,
)
def last_page(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str] | str:
        if not pull.objects:
            return "empty list"
        answer = page(ctx, pull, offset=len(pull.objects) - 1, limit=1)
        link = next_link(answer.header("Link"))
        if link is not None:
            ctx.blame(answer)
            return [f"the last page links to {link}"]
        return []

    return each_list(ctx, test, what="a next Link on the last page")


def _stamps(pull: Pull) -> list[tuple[Any, str, str]]:
    out = []
    for obj in pull.objects:
        raw = obj.get("last_updated") if isinstance(obj, dict) else None
        if isinstance(raw, str):
            try:
                out.append((parse_datetime(raw), raw, key(obj)))
            except (TypeError, ValueError):
                continue
    return sorted(out)


def _pivot(pull: Pull) -> tuple[Any, str] | str:
    """A last_updated with objects before it: (instant, text as the server wrote it)."""
    stamps = _stamps(pull)
    if len({s[0] for s in stamps}) < 2:
        return "fewer than 2 distinct last_updated"
    instants = sorted({s[0] for s in stamps})
    pivot = instants[len(instants) // 2]
    text = next(raw for when, raw, _ in stamps if when == pivot)
    if not text.endswith("Z"):
        text += "Z"
    return pivot, text


@entry(
    "page.date_from",
    "date_from is applied and inclusive",
    sends="GET list?date_from=<a last_updated of the list>",
    rule="date_from: only objects with last_updated after or equal to it (inclusive)",
    ref=_refs.PAGINATED_REQUEST,
)
def date_from(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str] | str:
        found = _pivot(pull)
        if isinstance(found, str):
            return found
        pivot, text = found
        answer = page(ctx, pull, date_from=text, limit=1000)
        if not isinstance(answer.data, list):
            ctx.blame(answer)
            return [f"date_from={text}: {answer.describe()}"]
        expected = {k for when, _, k in _stamps(pull) if when >= pivot}
        got = {key(o) for o in answer.data}
        problems = []
        if got - expected:
            problems.append(
                f"date_from={text} returned older objects: {sorted(got - expected)[:3]}"
            )
        total = _int(answer, "X-Total-Count")
        if expected - got and (total is None or total <= len(answer.data)):
            problems.append(f"date_from={text} left out {sorted(expected - got)[:3]}")
        if problems:
            ctx.blame(answer)
        return problems

    return each_list(ctx, test, what="date_from not applied")


@entry(
    "page.date_to",
    "date_to is applied and exclusive",
    sends="GET list?date_to=<a last_updated of the list>",
    rule="date_to: only objects with last_updated up to it, not including (exclusive)",
    ref=_refs.PAGINATED_REQUEST,
)
def date_to(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str] | str:
        found = _pivot(pull)
        if isinstance(found, str):
            return found
        pivot, text = found
        answer = page(ctx, pull, date_to=text, limit=1000)
        if not isinstance(answer.data, list):
            ctx.blame(answer)
            return [f"date_to={text}: {answer.describe()}"]
        expected = {k for when, _, k in _stamps(pull) if when < pivot}
        got = {key(o) for o in answer.data}
        problems = []
        if got - expected:
            problems.append(
                f"date_to={text} returned objects at or after it: {sorted(got - expected)[:3]}"
            )
        total = _int(answer, "X-Total-Count")
        if expected - got and (total is None or total <= len(answer.data)):
            problems.append(f"date_to={text} left out {sorted(expected - got)[:3]}")
        if problems:
            ctx.blame(answer)
        return problems

    return each_list(ctx, test, what="date_to not applied")


@entry(
    "page.bad_limit",
    "A negative limit is refused as a client error, not a server error",
    sends="GET list?limit=-1",
    rule="2001 Invalid or missing parameters (HTTP 400), never 5xx",
    ref=_refs.STATUS_2XXX,
    severity="recommended",
)
def bad_limit(ctx: Context) -> Verdict:
    def test(pull: Pull) -> list[str]:
        answer = page(ctx, pull, limit=-1)
        if answer.status is None or answer.status >= 500:
            ctx.blame(answer)
            return [f"limit=-1: {answer.describe()}"]
        return []

    return each_list(ctx, test, what="server errors on bad parameters")
