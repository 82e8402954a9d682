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
    assert capsys.readouterr().out.splitlines() == [
        f"{name}: valid Location (OCPI 2.2.1)" for name in files
    ]


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


def test_every_file_is_reported_even_unreadable_or_not_json(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = str(examples_dir / "2.2.1" / "location_example.json")
    not_json = tmp_path / "x.json"
    not_json.write_text("{nope")
    missing = str(tmp_path / "missing.json")
    files = [str(not_json), missing, good]
    assert main(["validate", "--version", "2.2.1", "--object", "Location", *files]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{not_json}: $: not JSON: Expecting property name enclosed in double quotes:"
        " line 1 column 2 (char 1)",
        f"{missing}: $: cannot read: No such file or directory",
        f"{good}: valid Location (OCPI 2.2.1)",
    ]
    assert captured.err == ""


def test_notes_go_to_stderr_and_errors_to_stdout(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = json.loads((examples_dir / "2.2.1" / "location_example.json").read_text())
    payload["x_vendor"] = 1
    noted = tmp_path / "noted.json"
    noted.write_text(json.dumps(payload))
    assert main(["validate", "--version", "2.2.1", "--object", "Location", str(noted)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{noted}: valid Location (OCPI 2.2.1)\n"
    assert captured.err.startswith(f"{noted}: $.x_vendor: note: ")
    argv = ["validate", "--version", "2.2.1", "--object", "Location", "--strict", str(noted)]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{noted}: $.x_vendor: ") and captured.err == ""


def test_usage_errors_exit_2_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = tmp_path / "x.json"
    payload.write_text("{}")
    assert main(["validate", "--version", "9.9.9", "--object", "Location", str(payload)]) == 2
    assert main(["validate", "--version", "2.2.1", "--object", "Locatoin", str(payload)]) == 2
    assert main(["validate", "--version", "2.2.1", str(payload)]) == 2
    assert main(["validate", "--version", "2.2.1", "--object", "Location"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4 and all(line.startswith("ocpi validate: error: ") for line in err)
    assert "Traceback" not in "\n".join(err)


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("Locatoin", "'Location'"), ("location", "'Location'"), ("LOCATON", "'Location'"),
     ("cdr", "'CDR'"), ("tarif", "'Tariff'"), ("connecter", "'Connector'")],
)  # fmt: skip
def test_unknown_object_names_get_suggestions_whatever_the_case(
    typed: str, suggested: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--version", "2.2.1", "--object", typed, "-"]) == 2
    err = capsys.readouterr().err
    assert f"no object named {typed!r} (did you mean {suggested}" in err
    assert "--list-objects --version 2.2.1" in err


def test_list_objects_prints_the_names_of_the_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ocpi_sdk import schemas

    assert main(["validate", "--list-objects", "--version", "2.3.0"]) == 0
    names = capsys.readouterr().out.splitlines()
    assert names == schemas.names("2.3.0")
    assert {"Location", "CDR", "Tariff"} <= set(names)


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
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO('{"latitude": "x"}'))
    assert (
        main(["validate", "--version", "2.2.1", "--object", "GeoLocation", "--format", "json", "-"])
        == 1
    )
    document = json.loads(capsys.readouterr().out)
    assert document[0]["file"] == "-" and document[0]["valid"] is False
    paths = {e["path"] for e in document[0]["errors"]}
    assert paths == {"$.latitude", "$.longitude"}


def test_files_are_read_as_the_sdk_reads_json(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A byte order mark is skipped (and said); NaN, a 5,000-digit number and bytes that are not
    UTF-8 are each one error, never a traceback."""
    good = (examples_dir / "2.2.1" / "location_example.json").read_bytes()
    files = {
        "bom.json": b"\xef\xbb\xbf" + good,
        "nan.json": b'{"id": NaN}',
        "huge.json": b'{"id": ' + b"1" * 5000 + b"}",
        "latin1.json": '{"name": "Liège"}'.encode("latin-1"),
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    names = [str(tmp_path / name) for name in files]
    assert main(["validate", "--version", "2.2.1", "--object", "Location", *names]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == f"{names[0]}: valid Location (OCPI 2.2.1)"
    assert "byte order mark" in err
    assert lines[1] == f"{names[1]}: $: not JSON: NaN is not a JSON number (at $.id)"
    assert lines[2].startswith(f"{names[2]}: $: not JSON") and len(lines) == 4
    assert lines[3].startswith(f"{names[3]}: $: not JSON: not UTF-8")
