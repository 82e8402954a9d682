"""The generator: committed code in step with schemas/, and a new version is data only."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.__main__ import main as codegen_main

ROOT = Path(__file__).resolve().parent.parent


def test_committed_packages_match_the_schemas() -> None:
    """Regenerate into a temporary folder; any difference means `nox -s codegen` was not run."""
    assert codegen_main(["--check"]) == 0, (
        "generated code drifted from schemas/: run nox -s codegen"
    )


def test_generated_files_say_they_are_generated() -> None:
    for package in sorted((ROOT / "sdk" / "ocpi_sdk").glob("v*_*")):
        for path in package.rglob("*.py"):
            assert "do not edit" in path.read_text()[:800], path


def test_a_new_version_is_data_only(tmp_path: Path, examples_dir: Path) -> None:
    """Copy schemas/2.2.1 to a made-up 9.9.9, generate, import, round-trip an example."""
    schemas = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas" / "2.2.1", schemas / "9.9.9")
    interfaces = json.loads((schemas / "9.9.9" / "interfaces.json").read_text())
    interfaces["version"] = "9.9.9"
    (schemas / "9.9.9" / "interfaces.json").write_text(json.dumps(interfaces))
    out = tmp_path / "out"
    out.mkdir()
    assert codegen_main(["--schemas", str(schemas), "--out", str(out)]) == 0
    assert (out / "v9_9_9" / "locations.py").exists()
    script = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(out)!r})\n"
        "from v9_9_9 import Location, loads, dumps\n"
        f"raw = open({str(examples_dir / '2.2.1' / 'location_example.json')!r}, 'rb').read()\n"
        "loc = loads(raw, Location)\n"
        "assert json.loads(dumps(loc))['id'] == json.loads(raw)['id']\n"
        "print(type(loc).__module__)\n"
    )
    # The generated package imports itself as ocpi_sdk.v9_9_9: put it there for the child.
    target = ROOT / "sdk" / "ocpi_sdk" / "v9_9_9"
    if target.exists():
        pytest.skip("a v9_9_9 package is already present")
    shutil.copytree(out / "v9_9_9", target)
    try:
        result = subprocess.run(
            [sys.executable, "-c", script.replace("from v9_9_9", "from ocpi_sdk.v9_9_9")],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        shutil.rmtree(target)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ocpi_sdk.v9_9_9.locations"


def test_versions_import_from_the_installed_package() -> None:
    for version in ("v2_1_1", "v2_2_1"):
        module = importlib.import_module(f"ocpi_sdk.{version}")
        assert module.Location.__module__ == f"ocpi_sdk.{version}.locations"
