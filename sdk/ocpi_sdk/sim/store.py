"""The simulators' object store: in memory, optionally kept in a SQLite file across restarts.

Objects are kept per bucket (``<version>/<module>``) by CiString key (compared upper-cased,
kept as sent) together with their JSON bytes, and ordered by ``last_updated``: a page read
costs O(log n + page), a single read O(1), and pages are served from the stored bytes.
With a database, registered partners and tokens are kept too (:class:`PersistentPartnerStore`).
"""

from __future__ import annotations

import bisect
import heapq
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import orjson

from ocpi_sdk.converter import json_default
from ocpi_sdk.credentials import MemoryPartnerStore, PartnerRecord
from ocpi_sdk.negotiation import EndpointInfo

Key = tuple[str, str, str]  # (country_code, party_id, id); "" where a version has no owner fields


def norm(key: Key) -> Key:
    """The key as compared: CiStrings upper-cased."""
    return (key[0].upper(), key[1].upper(), key[2].upper())


@attrs.define
class _Entry:
    key: Key
    obj: dict[str, Any]
    raw: bytes
    stamp: str


Order = list[tuple[str, Key, bytes]]
"""(last_updated, normalised key, JSON bytes), sorted: keys are unique, so the bytes are never
compared."""
Viewer = tuple[str, str]
"""(country_code, party_id), upper-cased, of the party an object is for."""


def viewer_of(obj: dict[str, Any]) -> Viewer | None:
    """The party a Session or CDR is for: the owner its ``cdr_token`` names (2.2.1 on); None
    for an object that names none (shown to every partner)."""
    token = obj.get("cdr_token")
    if isinstance(token, dict) and token.get("country_code") and token.get("party_id"):
        return str(token["country_code"]).upper(), str(token["party_id"]).upper()
    return None


class _Bucket:
    def __init__(self) -> None:
        self.entries: dict[Key, _Entry] = {}
        self.by_id: dict[str, _Entry] = {}
        self.order: Order = []
        # the same order per party the objects are for (Sessions, CDRs: see viewer_of)
        self.viewers: dict[Viewer, Order] = {}

    def put(self, entry: _Entry) -> None:
        k = norm(entry.key)
        old = self.entries.get(k)
        if old is not None:
            self._unorder(old, k)
        self.entries[k] = entry
        self.by_id[k[2]] = entry
        bisect.insort(self.order, (entry.stamp, k, entry.raw))
        viewer = viewer_of(entry.obj)
        if viewer is not None:
            bisect.insort(self.viewers.setdefault(viewer, []), (entry.stamp, k, entry.raw))

    def delete(self, key: Key) -> _Entry | None:
        k = norm(key)
        old = self.entries.pop(k, None)
        if old is not None:
            self._unorder(old, k)
            if self.by_id.get(k[2]) is old:
                del self.by_id[k[2]]
        return old

    def _unorder(self, old: _Entry, k: Key) -> None:
        viewer = viewer_of(old.obj)
        orders = [self.order] if viewer is None else [self.order, self.viewers.get(viewer, [])]
        for order in orders:
            index = bisect.bisect_left(order, (old.stamp, k))
            if index < len(order) and order[index][:2] == (old.stamp, k):
                del order[index]


def _stamp(obj: dict[str, Any]) -> str:
    """``last_updated`` as a sortable string (UTC, with Z; seconds precision is enough to order,
    ties are ordered by key)."""
    value = str(obj.get("last_updated") or "")
    return value[:19] if value else ""


def dumps(obj: Any) -> bytes:
    return orjson.dumps(obj, default=json_default)


class ObjectStore:
    """OCPI objects by bucket and key, as JSON-ready dicts with their JSON bytes.

    With ``path`` set, every change is written to a SQLite file and read back at start.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()
        self.db: sqlite3.Connection | None = None
        if path is not None:
            self.db = sqlite3.connect(str(path), check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS objects (module TEXT, country_code TEXT, "
                "party_id TEXT, id TEXT, body TEXT, "
                "PRIMARY KEY (module, country_code, party_id, id))"
            )
            self.db.commit()
            for module, cc, pid, oid, body in self.db.execute("SELECT * FROM objects"):
                raw = body.encode() if isinstance(body, str) else body
                obj = json.loads(raw)
                self._bucket(module).put(_Entry((cc, pid, oid), obj, raw, _stamp(obj)))

    def _bucket(self, module: str) -> _Bucket:
        bucket = self._buckets.get(module)
        if bucket is None:
            bucket = self._buckets[module] = _Bucket()
        return bucket

    def put(self, module: str, key: Key, obj: dict[str, Any]) -> bytes:
        """Store ``obj`` (replacing the object with the same key, case-insensitively); returns
        its JSON bytes."""
        raw = dumps(obj)
        with self._lock:
            bucket = self._bucket(module)
            existing = bucket.entries.get(norm(key))
            kept = existing.key if existing is not None else key  # the case first sent
            bucket.put(_Entry(kept, obj, raw, _stamp(obj)))
            if self.db is not None:
                if existing is not None and existing.key != key:
                    self._db_delete(module, existing.key)
                self.db.execute(
                    "INSERT OR REPLACE INTO objects VALUES (?, ?, ?, ?, ?)",
                    (module, *kept, raw.decode()),
                )
                self.db.commit()
        return raw

    def get(self, module: str, key: Key) -> dict[str, Any] | None:
        entry = self._buckets.get(module, _EMPTY).entries.get(norm(key))
        return entry.obj if entry is not None else None

    def raw(self, module: str, key: Key) -> bytes | None:
        entry = self._buckets.get(module, _EMPTY).entries.get(norm(key))
        return entry.raw if entry is not None else None

    def find(self, module: str, object_id: str) -> dict[str, Any] | None:
        """The object with this id whatever its owner (for versions without owner fields)."""
        entry = self._buckets.get(module, _EMPTY).by_id.get(object_id.upper())
        return entry.obj if entry is not None else None

    def delete(self, module: str, key: Key) -> bool:
        with self._lock:
            old = self._bucket(module).delete(key)
            if old is not None and self.db is not None:
                self._db_delete(module, old.key)
                self.db.commit()
            return old is not None

    def _db_delete(self, module: str, key: Key) -> None:
        if self.db is None:
            return
        self.db.execute(
            "DELETE FROM objects WHERE module=? AND country_code=? AND party_id=? AND id=?",
            (module, *key),
        )

    def page(
        self,
        module: str,
        date_from: str | None,
        date_to: str | None,
        offset: int,
        limit: int,
        viewers: Sequence[Viewer] | None = None,
    ) -> tuple[list[bytes], int]:
        """The JSON bytes of one page of objects ordered by ``last_updated`` (``date_from``
        inclusive, ``date_to`` exclusive, as sortable strings) and how many match in all. With
        ``viewers``, a bucket of objects that name the party they are for (Sessions, CDRs) shows
        only theirs."""
        bucket = self._buckets.get(module, _EMPTY)
        with self._lock:
            order = bucket.order
            if viewers is not None and bucket.viewers:
                shown = [bucket.viewers.get(v, []) for v in dict.fromkeys(viewers)]
                order = shown[0] if len(shown) == 1 else list(heapq.merge(*shown))
            low = bisect.bisect_left(order, (date_from,)) if date_from else 0
            high = bisect.bisect_left(order, (date_to,)) if date_to else len(order)
            high = max(low, high)
            chosen = order[low + offset : min(high, low + offset + limit)]
            return [raw for _, _, raw in chosen], high - low

    def all(self, module: str) -> list[dict[str, Any]]:
        return [e.obj for e in self._buckets.get(module, _EMPTY).entries.values()]

    def items(self, module: str) -> Iterator[tuple[Key, dict[str, Any]]]:
        yield from [(e.key, e.obj) for e in self._buckets.get(module, _EMPTY).entries.values()]

    def count(self, module: str) -> int:
        return len(self._buckets.get(module, _EMPTY).entries)

    def empty(self) -> bool:
        """Whether no object is stored (a new simulator, not one restarted from its file)."""
        return not any(b.entries for b in self._buckets.values())

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


_EMPTY = _Bucket()


class PersistentPartnerStore(MemoryPartnerStore):
    """Tokens A and registered partners, written to the simulator's SQLite file (when it has
    one) so registrations survive a restart."""

    def __init__(self, db: sqlite3.Connection | None) -> None:
        super().__init__()
        self.db = db
        if db is None:
            return
        db.execute("CREATE TABLE IF NOT EXISTS tokens_a (token TEXT PRIMARY KEY)")
        db.execute("CREATE TABLE IF NOT EXISTS partners (token_c TEXT PRIMARY KEY, body TEXT)")
        db.commit()
        self.pending.update(t for (t,) in db.execute("SELECT token FROM tokens_a"))
        for token_c, body in db.execute("SELECT token_c, body FROM partners"):
            data = json.loads(body)
            data["endpoints"] = tuple(EndpointInfo(**e) for e in data["endpoints"])
            self.partners[token_c] = PartnerRecord(**data)

    def issue_token_a(self, token: str | None = None) -> str:
        value = super().issue_token_a(token)
        if self.db is not None:
            self.db.execute("INSERT OR IGNORE INTO tokens_a VALUES (?)", (value,))
            self.db.commit()
        return value

    def register(self, record: PartnerRecord, *, replacing: str | None) -> None:
        super().register(record, replacing=replacing)
        if self.db is not None:
            if replacing is not None:
                self.db.execute("DELETE FROM tokens_a WHERE token=?", (replacing,))
                self.db.execute("DELETE FROM partners WHERE token_c=?", (replacing,))
            body = attrs.asdict(record, recurse=True)
            self.db.execute(
                "INSERT OR REPLACE INTO partners VALUES (?, ?)",
                (record.token_c, json.dumps(body, default=str)),
            )
            self.db.commit()

    def remove(self, token_c: str) -> None:
        super().remove(token_c)
        if self.db is not None:
            self.db.execute("DELETE FROM partners WHERE token_c=?", (token_c,))
            self.db.commit()

    def discard_token_a(self, token: str) -> None:
        self.pending.discard(token)
        if self.db is not None:
            self.db.execute("DELETE FROM tokens_a WHERE token=?", (token,))
            self.db.commit()
