"""``ocpi convert``: output streams, formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocpi_sdk import schemas
from ocpi_sdk.cli import main

TARIFF = "tariff_12_025kwh_min_price.json"
TOKEN_211 = "inline/mod_tokens_32_example.json"


def test_converted_json_on_stdout_losses_on_stderr(
    examples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(examples_dir / "2.2.1" / TARIFF)
    assert main(["convert", "--from", "2.2.1", "--to", "2.1.1", "--object", "Tariff", file]) == 0
    out, err = capsys.readouterr()
    assert schemas.validate(json.loads(out), "Tariff", version="2.1.1") == []
    lines = err.splitlines()
    assert any(line.startswith("$.min_price: dropped: ") for line in lines)
    assert any(
        line.startswith("$.elements[0].price_components[0].vat: dropped: ") for line in lines
    )


def test_format_json_holds_value_losses_and_supplied(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    context = tmp_path / "context.json"
    context.write_text(json.dumps({"country_code": "NL", "party_id": "EXA"}))
    file = str(examples_dir / "2.1.1" / TOKEN_211)
    argv = [
        "convert",
        "--from",
        "2.1.1",
        "--to",
        "2.3.0",
        "--object",
        "Token",
        "--context",
        str(context),
        "--format",
        "json",
        file,
    ]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    document = json.loads(out)
    assert err == ""
    assert document["losses"] == []
    assert document["supplied"] == ["$.country_code", "$.party_id"]
    assert document["value"]["contract_id"] == "DE8ACC12E46L89"
    assert schemas.validate(document["value"], "Token", version="2.3.0") == []


def test_strict_with_a_loss_exits_1_and_writes_no_object(
    examples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(examples_dir / "2.2.1" / TARIFF)
    argv = ["convert", "--from", "2.2.1", "--to", "2.1.1", "--object", "Tariff", "--strict", file]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "--strict: 4 losses, nothing written" in err


def test_strict_without_loss_exits_0(
    examples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(examples_dir / "2.2.1" / "token_example_1_app_user.json")
    argv = ["convert", "--from", "2.2.1", "--to", "2.3.0", "--object", "Token", "--strict", file]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["uid"] == "bdf21bce-fc97-11e8-8eb2-f2801f1b9fd1"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--from", "2.1.1", "--to", "2.2.1", "--object", "Token", "TOKEN"],
            "'country_code' or 'Token.country_code'",
        ),
        (
            ["--from", "2.2.1", "--to", "2.1.1", "--object", "Location", "UC3"],
            "not published to everyone",
        ),
        (["--from", "2.2.1", "--to", "2.1.1", "--object", "Terminal", "UC3"], "Terminal"),
        (
            ["--from", "2.2.1", "--to", "2.1.1", "--object", "Token", "UC3"],
            "not a valid 2.2.1 Token: $.contract_id: required field is missing (and",
        ),
        (["--from", "2.2.1", "--to", "2.1.1", "--object", "Token", "MISSING"], "cannot read"),
    ],
)
def test_bad_input_exits_2_in_one_line(
    examples_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    files = {
        "TOKEN": str(examples_dir / "2.1.1" / TOKEN_211),
        "UC3": str(
            examples_dir / "2.2.1" / "location_example_uc3_destination_charger_not_published.json"
        ),
        "MISSING": str(tmp_path / "missing.json"),
    }
    argv = [files.get(a, a) for a in argv]
    assert main(["convert", *argv]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("ocpi convert: error: ")
    assert message in err


def test_context_must_be_an_object(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    context = tmp_path / "context.json"
    context.write_text("[1]")
    file = str(examples_dir / "2.2.1" / TARIFF)
    argv = [
        "convert",
        "--from",
        "2.2.1",
        "--to",
        "2.1.1",
        "--object",
        "Tariff",
        "--context",
        str(context),
        file,
    ]
    assert main(argv) == 2
    assert "the context must be a JSON object" in capsys.readouterr().err


def test_a_list_drops_the_items_the_target_cannot_hold(
    examples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(examples_dir / "2.2.1" / "versions_info_example.json")
    argv = [
        "convert",
        "--from",
        "2.2.1",
        "--to",
        "2.1.1",
        "--object",
        "Version",
        "--format",
        "json",
        file,
    ]
    assert main(argv) == 0
    document = json.loads(capsys.readouterr().out)
    source = json.loads(Path(file).read_text())
    kept = [v for v in source if v["version"] in ("2.0", "2.1", "2.1.1")]
    assert document["value"] == kept
    assert len(document["losses"]) == len(source) - len(kept) > 0
    assert all(loss["kind"] == "dropped" for loss in document["losses"])


def test_partial_converts_a_patch_body(
    examples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(examples_dir / "2.2.1" / "location_patch_example_tariff.json")
    argv = ["convert", "--from", "2.2.1", "--to", "2.1.1", "--object", "Connector", file]
    assert main([*argv, "--partial"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "tariff_id": "15",
        "last_updated": "2019-06-24T12:39:09Z",
    }
    assert main(argv) == 2  # as a whole Connector it is not valid 2.2.1
    assert "not a valid 2.2.1 Connector" in capsys.readouterr().err


def test_as_names_the_target_object_of_a_command_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "result.json"
    file.write_text(json.dumps({"result": "UNKNOWN_SESSION"}))
    argv = ["convert", "--from", "2.1.1", "--to", "2.3.0", "--object", "CommandResponse"]
    assert main([*argv, "--as", "CommandResult", str(file)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"result": "REJECTED"}
    assert err.startswith("$.result: approximated: ")
    assert main([*argv, "--as", "Location", str(file)]) == 2


def test_numbers_are_written_with_the_digits_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No float on the way: 0.50 stays 0.50, and 19 decimals stay 19 decimals."""
    tariff = {
        "country_code": "DE",
        "party_id": "ALL",
        "id": "T1",
        "currency": "EUR",
        "elements": [{"price_components": [{"type": "ENERGY", "price": 0, "step_size": 1}]}],
        "last_updated": "2024-01-01T00:00:00Z",
    }
    text = json.dumps(tariff).replace('"price": 0', '"price": 0.2500000000000000001')
    file = tmp_path / "tariff.json"
    file.write_text(text.replace('"step_size": 1', '"step_size": 1, "vat": 20.0'))
    args = ["convert", "--from", "2.2.1", "--to", "2.3.0", "--object", "Tariff", str(file)]
    assert main([*args, "--context", _context(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert '"price": 0.2500000000000000001' in out and '"vat": 20.0' in out


def _context(tmp_path: Path) -> str:
    context = tmp_path / "context.json"
    context.write_text('{"tax_included": "NO"}')
    return str(context)
