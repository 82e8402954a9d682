"""Where the schema files live and how a version folder is read.

An installed wheel carries the schemas as package data in ``ocpi_sdk/_schemas``; a source checkout
(or an editable install) reads the repository's ``schemas/`` folder. ``OCPI_SDK_SCHEMAS`` points
elsewhere (for example at a folder holding a version still being written).
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_BASE_URI = "https://ocpi-sdk.dev/schemas/"
VERSION_FOLDER = re.compile(r"^\d+\.\d+(\.\d+)?$")
INTERFACES_FILE = "interfaces.json"


def schema_root() -> Path:
    """The folder holding one sub-folder of schemas per OCPI version."""
    override = os.environ.get("OCPI_SDK_SCHEMAS")
    if override:
        return Path(override)
    return _default_root()


@cache
def _default_root() -> Path:
    package = Path(__file__).resolve().parent.parent
    shipped = package / "_schemas"
    if shipped.is_dir():
        return shipped
    return package.parent.parent / "schemas"


def version_sort_key(version: str) -> tuple[int, ...]:
    """Order versions numerically: 2.1.1 < 2.2 < 2.2.1 < 2.10."""
    return tuple(int(part) for part in version.split("."))


def discover_versions(root: Path) -> list[str]:
    """The version folders under ``root``, oldest first (the folder is read once per root)."""
    return list(_versions_in(root))


@cache
def _versions_in(root: Path) -> tuple[str, ...]:
    if not root.is_dir():
        return ()
    found = [p.name for p in root.iterdir() if p.is_dir() and VERSION_FOLDER.match(p.name)]
    return tuple(sorted(found, key=version_sort_key))


def load_json(path: Path) -> Any:
    with path.open("rb") as handle:
        return json.load(handle)


def load_schema_files(folder: Path) -> dict[str, dict[str, Any]]:
    """Every schema file of one version folder, by file name (``interfaces.json`` excluded)."""
    files: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        if path.name == INTERFACES_FILE:
            continue
        files[path.name] = load_json(path)
    return files
