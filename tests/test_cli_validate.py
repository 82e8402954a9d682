"""``ocpi validate`` on the spec's examples: output lines, exit codes and formats."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ocpi_sdk.cli import main


def test_valid_files_exit_0(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [
        str(examples_dir / "2.2.1" / f)
        for f in ("location_example.json", "location_example_uc2_destination_charger.json")
    ]
    assert main(["validate", "--version", "2.2.1", "--object", "Location", *files]) == 0
    assert capsys.readouterr().out == ""


def test_invalid_file_prints_file_path_message_and_exits_1(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = json.loads((examples_dir / "2.2.1" / "location_example.json").read_text())
    payload["evses"][0]["status"] = "BROKEN"
    del payload["city"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(payload))
    assert main(["validate", "--version", "2.2.1", "--object", "Location", str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{bad}: $.city: required field is missing" in out
    assert any(line.startswith(f"{bad}: $.evses[0].status: ") for line in out)


def test_usage_errors_exit_2_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_json = tmp_path / "x.json"
    not_json.write_text("{nope")
    assert main(["validate", "--version", "9.9.9", "--object", "Location", str(not_json)]) == 2
    assert main(["validate", "--version", "2.2.1", "--object", "Locatoin", str(not_json)]) == 2
    assert main(["validate", "--version", "2.2.1", "--object", "Location", str(not_json)]) == 2
    assert main(["validate", "--version", "2.2.1", "--object", "Location", "/no/such"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4 and all(line.startswith("ocpi validate: error: ") for line in err)
    assert "Traceback" not in "\n".join(err)


def test_arrays_envelopes_partial_json_and_stdin(
    examples_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    v = examples_dir / "2.2.1"
    assert (
        main(
            [
                "validate",
                "--version",
                "2.2.1",
                "--object",
                "Version",
                str(v / "versions_info_example.json"),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "validate",
                "--version",
                "2.2.1",
                "--object",
                "Token",
                "--envelope",
                str(v / "transport_and_format_get_token_list_example.json"),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "validate",
                "--version",
                "2.2.1",
                "--object",
                "Location",
                "--partial",
                str(v / "location_patch_example_location.json"),
            ]
        )
        == 0
    )
    monkeypatch.setattr("sys.stdin", io.StringIO('{"latitude": "x"}'))
    assert (
        main(["validate", "--version", "2.2.1", "--object", "GeoLocation", "--format", "json", "-"])
        == 1
    )
    document = json.loads(capsys.readouterr().out)
    assert document[0]["file"] == "-" and document[0]["valid"] is False
    paths = {e["path"] for e in document[0]["errors"]}
    assert paths == {"$.latitude", "$.longitude"}
