"""The simulators' object store: in memory, optionally kept in a SQLite file across restarts."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Key = tuple[str, str, str]  # (country_code, party_id, id); "" where a version has no owner fields


class ObjectStore:
    """OCPI objects by module and key, as JSON-ready dicts.

    With ``path`` set, every change is written to a SQLite file and read back at start.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self._objects: dict[str, dict[Key, dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if path is not None:
            self._db = sqlite3.connect(str(path), check_same_thread=False)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS objects (module TEXT, country_code TEXT, "
                "party_id TEXT, id TEXT, body TEXT, "
                "PRIMARY KEY (module, country_code, party_id, id))"
            )
            for module, cc, pid, oid, body in self._db.execute("SELECT * FROM objects"):
                self._objects.setdefault(module, {})[(cc, pid, oid)] = json.loads(body)

    def put(self, module: str, key: Key, obj: dict[str, Any]) -> None:
        with self._lock:
            self._objects.setdefault(module, {})[key] = obj
            if self._db is not None:
                self._db.execute(
                    "INSERT OR REPLACE INTO objects VALUES (?, ?, ?, ?, ?)",
                    (module, *key, json.dumps(obj)),
                )
                self._db.commit()

    def get(self, module: str, key: Key) -> dict[str, Any] | None:
        return self._objects.get(module, {}).get(key)

    def find(self, module: str, object_id: str) -> dict[str, Any] | None:
        """The object with this id whatever its owner (for versions without owner fields)."""
        for (_, _, oid), obj in self._objects.get(module, {}).items():
            if oid == object_id:
                return obj
        return None

    def delete(self, module: str, key: Key) -> bool:
        with self._lock:
            found = self._objects.get(module, {}).pop(key, None) is not None
            if found and self._db is not None:
                self._db.execute(
                    "DELETE FROM objects WHERE module=? AND country_code=? AND party_id=? AND id=?",
                    (module, *key),
                )
                self._db.commit()
            return found

    def all(self, module: str) -> list[dict[str, Any]]:
        return list(self._objects.get(module, {}).values())

    def items(self, module: str) -> Iterator[tuple[Key, dict[str, Any]]]:
        yield from list(self._objects.get(module, {}).items())

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
