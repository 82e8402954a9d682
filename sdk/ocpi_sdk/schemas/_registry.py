"""The schema registry: the versions present, the names each defines, and their schemas."""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from ocpi_sdk.errors import UnknownObjectError, UnknownVersionError
from ocpi_sdk.schemas._files import discover_versions, load_schema_files, schema_root


class VersionSchemas:
    """All schema files of one OCPI version, indexed by definition name."""

    def __init__(self, version: str, folder: Path) -> None:
        self.version = version
        self.folder = folder
        self.files = load_schema_files(folder)
        self.locations: dict[str, tuple[str, str]] = {}
        for file_name, document in self.files.items():
            for def_name in document.get("$defs", {}):
                if def_name in self.locations:
                    other = self.locations[def_name][0]
                    raise ValueError(
                        f"OCPI {version}: {def_name!r} is defined in both {other} and {file_name}"
                    )
                self.locations[def_name] = (file_name, document["$id"])
        self._lock = threading.Lock()

    def names(self) -> list[str]:
        return sorted(self.locations)

    def definition(self, name: str) -> dict[str, Any]:
        try:
            file_name, _ = self.locations[name]
        except KeyError:
            raise UnknownObjectError(self.version, name, self.names()) from None
        result: dict[str, Any] = self.files[file_name]["$defs"][name]
        return result

    def uri(self, name: str) -> str:
        """The absolute ``$ref`` of a definition (``.../2.2.1/locations.json#/$defs/Location``)."""
        self.definition(name)
        _, file_id = self.locations[name]
        return f"{file_id}#/$defs/{name}"

    def definitions(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(file name, definition name, definition) for every definition."""
        for file_name, document in self.files.items():
            for def_name, definition in document.get("$defs", {}).items():
                yield file_name, def_name, definition


_load_lock = threading.Lock()


@cache
def _version(version: str) -> VersionSchemas:
    root = schema_root()
    known = discover_versions(root)
    if version not in known:
        raise UnknownVersionError(version, known)
    with _load_lock:
        return VersionSchemas(version, root / version)


def version_schemas(version: str) -> VersionSchemas:
    """The loaded schemas of ``version`` (loaded once, then cached)."""
    return _version(str(version))


def versions() -> list[str]:
    """The OCPI versions this SDK has schemas for, oldest first (e.g. ``['2.1.1', '2.2.1']``)."""
    return discover_versions(schema_root())


def names(version: str) -> list[str]:
    """Every object, class, enum and type name that ``version`` defines, sorted."""
    return version_schemas(version).names()


def get(version: str, name: str) -> dict[str, Any]:
    """The JSON Schema of ``name`` in ``version`` (a copy: changing it changes nothing here).

    References inside it are relative to its file; use :func:`uri` for an absolute ``$ref``.
    """
    return copy.deepcopy(version_schemas(version).definition(name))


def kind(version: str, name: str) -> str:
    """What the spec calls ``name``: ``object``, ``class``, ``enum`` or ``type``."""
    return str(version_schemas(version).definition(name).get("x-ocpi-kind", "class"))


def uri(version: str, name: str) -> str:
    """The absolute URI of ``name``'s schema, usable as a ``$ref``."""
    return version_schemas(version).uri(name)
