"""Named, seeded, reproducible ways for a simulator to misbehave like real partners do.

Faults that make a request fail (429, 5xx, a truncated or non-JSON body) are injected only on
requests the SDK may safely repeat (GET, PUT, DELETE), and never twice in a row on the same URL,
so a careful client can always absorb them; ``reject_post`` (not part of ``all``) fails a POST,
which no client can safely retry, to show how an unrecoverable fault is reported.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable
from typing import Any

import orjson

from ocpi_sdk import schemas

FAILING = ("rate_limit", "server_error", "truncated", "not_json")
SHAPING = ("slow", "one_per_page", "link_other_path", "no_z", "extra_fields", "plain_token")
# What real partners do (issue #12, the tooling notes): a careful client carries on.
PARTNER = (
    "single_as_list",
    "null_optionals",
    "broken_link",
    "link_other_origin",
    "error_not_envelope",
    "token_status_200",
    "custom_module",
    "redirect_slash",
    "bad_object_in_page",
)
ALL = FAILING + SHAPING + PARTNER
LINK_FAULTS = ("link_other_path", "broken_link", "link_other_origin")
BAD_OBJECT_AT = 1  # bad_object_in_page: the second Location of a list misses its coordinates
EXTRA = ("reject_post",)
KNOWN = ALL + EXTRA

DESCRIPTIONS = {
    "rate_limit": "HTTP 429 with Retry-After",
    "server_error": "random HTTP 500/503",
    "truncated": "a response body cut short",
    "not_json": "an HTML error page instead of JSON",
    "slow": "responses delayed",
    "one_per_page": "pages of one item whatever limit says",
    "link_other_path": "next-page Link on another path than the request's",
    "no_z": "DateTimes without the Z",
    "extra_fields": "unknown extra fields in objects",
    "plain_token": "the plain token where 2.2 wants base64 (sent and required)",
    "single_as_list": "a single object (GET one) sent as a one-element list",
    "null_optionals": "absent optional fields sent as null",
    "broken_link": "next-page Link that cannot be followed as sent (https on plain http)",
    "link_other_origin": "next-page Link on another origin (the token must not follow it)",
    "error_not_envelope": "errors as HTTP 403 {'detail': ...} instead of OCPI envelopes",
    "token_status_200": "a wrongly encoded token answered HTTP 200 with OCPI 3000",
    "custom_module": "a custom module id in version details",
    "redirect_slash": "no trailing slash answered 307 to the slashed URL; endpoint URLs end in /",
    "bad_object_in_page": "one Location in a list missing a required field",
    "reject_post": "HTTP 503 on POST requests (not recoverable)",
}

HANDLING = {
    "rate_limit": "retried after Retry-After (idempotent requests)",
    "server_error": "retried with backoff (idempotent requests)",
    "truncated": "retried: the body was not JSON (idempotent requests)",
    "not_json": "retried: the body was not JSON (idempotent requests)",
    "slow": "waited, within the client's timeout",
    "one_per_page": "followed every next-page Link",
    "link_other_path": "followed the Link URL as given",
    "no_z": "read as UTC, as the spec says",
    "extra_fields": "ignored unknown fields (notes with validate_responses)",
    "plain_token": "token encoding fallback (client) / plain token accepted (server)",
    "single_as_list": "read the one-element list as the object",
    "null_optionals": "read null as absent",
    "broken_link": "paged by offset/limit from the request made",
    "link_other_origin": "paged by offset/limit; the token never went to the other origin",
    "error_not_envelope": "the HTTP status read, the body quoted",
    "token_status_200": "token encoding fallback on OCPI 3000 with HTTP 200",
    "custom_module": "unknown module ids ignored",
    "redirect_slash": "redirect followed on the same origin",
    "bad_object_in_page": "the valid objects kept, the bad one reported",
    "reject_post": "not recoverable: a POST may not be repeated",
}


def parse(names: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"all"``, ``"rate_limit,no_z"`` or a list, checked against the known names."""
    if names is None:
        return ()
    items = [n.strip() for n in (names.split(",") if isinstance(names, str) else names)]
    chosen: list[str] = []
    for name in items:
        if not name:
            continue
        if name == "all":
            chosen.extend(ALL)
        elif name == "partner":
            chosen.extend(PARTNER)
        elif name in KNOWN:
            chosen.append(name)
        else:
            raise ValueError(f"unknown fault {name!r}; known: all, partner, {', '.join(KNOWN)}")
    return tuple(dict.fromkeys(chosen))


class FaultPlan:
    """Decides, reproducibly from ``seed``, which fault (if any) a request meets.

    Failing faults hit one eligible request in every ``1/rate`` (the phase drawn from the seed),
    taking the chosen faults in turn, so a run of any length meets each of them.
    """

    def __init__(self, names: Iterable[str], *, seed: int = 0, rate: float = 0.25) -> None:
        self.names = tuple(names)
        self.rate = rate
        self._random = random.Random(seed)
        self._last_faulted: set[str] = set()
        self._every = max(2, round(1 / rate)) if rate > 0 else 0
        self._eligible = self._random.randrange(self._every) if self._every else 0
        self._next = self._random.randrange(len(FAILING))
        self._lock = threading.Lock()
        self.met: dict[str, int] = {}
        reshaping = (
            "no_z",
            "extra_fields",
            "null_optionals",
            "single_as_list",
            "bad_object_in_page",
        )
        self._shaping_any = any(n in self.names for n in reshaping)

    def __contains__(self, name: str) -> bool:
        return name in self.names

    def failing(self, method: str, url: str) -> str | None:
        """A failing fault for this request, or None."""
        if method == "POST" and "reject_post" in self.names:
            return self._count("reject_post")
        candidates = [n for n in FAILING if n in self.names]
        if not candidates or method not in ("GET", "PUT", "DELETE"):
            return None
        key = f"{method} {url}"
        with self._lock:
            if key in self._last_faulted:
                self._last_faulted.discard(key)
                return None
            self._eligible += 1
            if not self._every or self._eligible % self._every:
                return None
            self._last_faulted.add(key)
            self._next += 1
            return self._count(candidates[self._next % len(candidates)])

    def shaping(self, name: str) -> bool:
        """Whether a shaping fault applies to this response (counted when it does)."""
        if name not in self.names:
            return False
        self._count(name)
        return True

    def _count(self, name: str) -> str:
        self.met[name] = self.met.get(name, 0) + 1
        return name

    def shape_object(self, raw: bytes) -> bytes:
        """A single object as served: its bytes reshaped by the active shaping faults."""
        if not self._shapes():
            return raw
        data = orjson.loads(raw)
        data = self._reshape(data, None)
        out = orjson.dumps(data)
        if self.shaping("single_as_list"):
            out = b"[" + out + b"]"
        return out

    def shape_page(self, module: str, items: list[bytes], offset: int = 0) -> list[bytes]:
        """The objects of a page as served (``module`` is the store bucket, ``offset`` the
        position of the page's first object in the whole list)."""
        if not self._shapes():
            return items
        name = _list_object(module)
        out = [orjson.dumps(self._reshape(orjson.loads(raw), name)) for raw in items]
        bad = BAD_OBJECT_AT - offset  # the same Location is bad in every pull
        located = name is not None and name.endswith("|Location")
        if located and 0 <= bad < len(out) and self.shaping("bad_object_in_page"):
            broken = orjson.loads(out[bad])
            broken.pop("coordinates", None)
            out[bad] = orjson.dumps(broken)
        return out

    def _shapes(self) -> bool:
        return any(
            n in self.names
            for n in (
                "no_z",
                "extra_fields",
                "null_optionals",
                "single_as_list",
                "bad_object_in_page",
            )
        )

    def _reshape(self, data: Any, name: str | None) -> Any:
        if name is not None and "null_optionals" in self.names and isinstance(data, dict):
            version = name_version(name)
            if version:
                self.shaping("null_optionals")
                data = _null_optionals(data, *version)
        if "no_z" in self.names and self.shaping("no_z"):
            data = _strip_z(data)
        if "extra_fields" in self.names and self.shaping("extra_fields"):
            data = _extra_fields(data)
        return data

    def choice(self, options: list[int]) -> int:
        with self._lock:
            return self._random.choice(options)


def _list_object(bucket: str) -> str | None:
    """``2.2.1/locations`` -> ``2.2.1|Location`` (the object a module's list serves)."""
    version, _, module = bucket.partition("/")
    for interface in schemas.interfaces(version):
        if interface.module == module:
            for op in interface.operations:
                if op.paginated and op.response_data is not None:
                    return f"{version}|{op.response_data.object}"
    return None


def name_version(name: str) -> tuple[str, str] | None:
    version, _, obj = name.partition("|")
    return (version, obj) if obj else None


def _null_optionals(data: dict[str, Any], version: str, name: str) -> dict[str, Any]:
    definition = schemas.get(version, name)
    required = set(definition.get("required", []))
    out = dict(data)
    for field in definition.get("properties", {}):
        if field not in out and field not in required:
            out[field] = None
    return out


def _strip_z(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_z(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip_z(v) for v in value]
    if isinstance(value, str) and len(value) >= 20 and value.endswith("Z") and value[10:11] == "T":
        return value[:-1]
    return value


def _extra_fields(value: Any) -> Any:
    if isinstance(value, dict):
        out = {k: _extra_fields(v) for k, v in value.items()}
        out["x_sim_vendor_field"] = {"note": "a field no OCPI version defines"}
        return out
    if isinstance(value, list):
        return [_extra_fields(v) for v in value]
    return value
