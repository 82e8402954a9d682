"""``check_cdr`` and the ``ocpi price`` command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ocpi_sdk import cli, v2_1_1, v2_2_1
from ocpi_sdk.tariffs import Difference, check_cdr
from tests.examples import load
from tests.test_tariffs_support import D, cdr, charge, park, tariff_dict

pytestmark = pytest.mark.usefixtures("examples_dir")

MONDAY_0930 = "2024-01-15T08:30:00Z"


def _spec_cdr(**changes: Any) -> v2_2_1.CDR:
    data = load("2.2.1", "cdr_example.json")
    data.update(changes)
    return v2_2_1.loads(data, v2_2_1.CDR)


# --- check_cdr --------------------------------------------------------------------------------


def test_check_accepts_the_spec_cdr() -> None:
    assert check_cdr(_spec_cdr()) == []


def test_check_finds_a_wrong_total() -> None:
    # the right total is 4.00 / 4.40 (2 h at 2.00/h, 10% VAT)
    wrong = _spec_cdr(total_cost={"excl_vat": 5.00, "incl_vat": 5.50})
    assert check_cdr(wrong) == [
        Difference("total_cost.excl_vat", D("5.0"), D("4.0000")),
        Difference("total_cost.incl_vat", D("5.5"), D("4.4000")),
    ]


def test_check_tolerance() -> None:
    close = _spec_cdr(total_cost={"excl_vat": 4.005, "incl_vat": 4.40})
    assert check_cdr(close) == []
    assert [d.field for d in check_cdr(close, tolerance=D("0.001"))] == ["total_cost.excl_vat"]


def test_check_with_other_tariffs_and_211() -> None:
    # a 2.1.1 CDR of 1 h charging with 10 kWh, stating 2.50; priced with 0.25/kWh: right
    energy = {
        "id": "E",
        "currency": "EUR",
        "elements": [{"price_components": [{"type": "ENERGY", "price": 0.25, "step_size": 1}]}],
        "last_updated": "2024-01-01T00:00:00Z",
    }
    right = cdr(MONDAY_0930, [charge(60, 10)], version="2.1.1", tariffs=[energy], total_cost=2.5)
    assert check_cdr(right) == []
    wrong = cdr(MONDAY_0930, [charge(60, 10)], version="2.1.1", tariffs=[energy], total_cost=3)
    assert check_cdr(wrong) == [Difference("total_cost", D(3), D("2.5000"))]


# --- ocpi price -------------------------------------------------------------------------------


@pytest.fixture
def ocpi():
    """``ocpi_sdk.cli.main`` (``price`` is one of its commands)."""
    return cli.main


def _write(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _complex_cdr(total_excl: float, total_incl: float) -> dict[str, Any]:
    """Monday 09:30 Amsterdam, 165 min at <= 16 A and 42 min parking: 9.00 / 10.30."""
    record = cdr(MONDAY_0930, [charge(165, 20, MAX_CURRENT=16), park(42)])
    data: dict[str, Any] = json.loads(v2_2_1.dumps(record))
    data["total_cost"] = {"excl_vat": total_excl, "incl_vat": total_incl}
    return data


def test_cli_match_exit_0(ocpi, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cdr_file = _write(tmp_path / "cdr.json", _complex_cdr(9.00, 10.30))
    tariff_file = _write(tmp_path / "t.json", tariff_dict("2.2.1", "tariff_4_complex.json"))
    argv = ["price", "--version", "2.2.1", "--tariff", tariff_file, "--cdr", cdr_file,
            "--time-zone", "Europe/Amsterdam"]  # fmt: skip
    assert ocpi(argv) == 0
    out = capsys.readouterr().out
    assert "PARKING_TIME (step)" in out
    assert "the CDR's totals match" in out


def test_cli_default_tariffs_from_cdr(ocpi, examples_dir: Path) -> None:
    spec = examples_dir / "2.2.1" / "cdr_example.json"
    assert ocpi(["price", "--version", "2.2.1", "--cdr", str(spec)]) == 0


def test_cli_mismatch_exit_1(ocpi, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cdr_file = _write(tmp_path / "cdr.json", _complex_cdr(9.50, 10.30))
    tariffs = _write(tmp_path / "ts.json", [tariff_dict("2.2.1", "tariff_4_complex.json")])
    argv = ["price", "--version", "2.2.1", "--tariff", tariffs, "--cdr", cdr_file]
    assert ocpi(argv) == 1
    out = capsys.readouterr().out
    assert "total_cost.excl_vat: CDR says 9.5, computed 9.0000" in out


def test_cli_json_shape(ocpi, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cdr_file = _write(tmp_path / "cdr.json", _complex_cdr(9.50, 10.30))
    tariff_file = _write(tmp_path / "t.json", tariff_dict("2.2.1", "tariff_4_complex.json"))
    argv = ["price", "--version", "2.2.1", "--tariff", tariff_file, "--cdr", cdr_file,
            "--location", _write(tmp_path / "loc.json", load("2.2.1", "location_example.json")),
            "--format", "json"]  # fmt: skip
    assert ocpi(argv) == 1
    document = json.loads(capsys.readouterr().out)
    assert {"computed", "breakdown", "differences"} <= document.keys()
    assert document["computed"]["total_cost"] == {"excl_vat": 9, "incl_vat": 10.3}
    assert document["computed"]["total_parking_time"] == 0.7
    assert document["differences"] == [{"field": "total_cost.excl_vat", "cdr": 9.5, "computed": 9}]
    first = document["breakdown"][0]
    assert first["dimension"] == "FLAT" and first["cost"] == {"excl_vat": 2.5, "incl_vat": 2.875}
    assert {"start", "end", "tariff_id", "element", "volume", "price", "vat"} <= first.keys()


def test_cli_211_json_plain_numbers(ocpi, tmp_path: Path, capsys) -> None:
    energy = {
        "id": "E",
        "currency": "EUR",
        "elements": [{"price_components": [{"type": "ENERGY", "price": 0.25, "step_size": 1}]}],
        "last_updated": "2024-01-01T00:00:00Z",
    }
    record = cdr(MONDAY_0930, [charge(60, 10)], version="2.1.1", tariffs=[energy], total_cost=2.5)
    cdr_file = _write(tmp_path / "cdr.json", json.loads(v2_1_1.dumps(record)))
    assert ocpi(["price", "--version", "2.1.1", "--cdr", cdr_file, "--format", "json"]) == 0
    computed = json.loads(capsys.readouterr().out)["computed"]
    assert computed["total_cost"] == 2.5 and computed["total_energy"] == 10


def test_cli_invalid_cdr_exit_2(ocpi, examples_dir: Path, capsys) -> None:
    # the spec's 2.1.1 CDR example has price "2.00", a string
    spec = examples_dir / "2.1.1" / "inline" / "mod_cdrs_22_example_of_a_cdr.json"
    assert ocpi(["price", "--version", "2.1.1", "--cdr", str(spec)]) == 2
    err = capsys.readouterr().err
    assert "$.tariffs[0].elements[0].price_components[0].price" in err
    assert "not a valid OCPI 2.1.1 CDR" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--version", "9.9"], "unknown OCPI version"),
        (["--version", "2.2.1", "--tolerance", "x"], "--tolerance"),
        (["--version", "2.2.1", "--time-zone", "Nowhere/City"], "unknown time zone"),
    ],
)
def test_cli_usage_errors_exit_2(ocpi, tmp_path: Path, capsys, argv, message: str) -> None:
    cdr_file = _write(tmp_path / "cdr.json", _complex_cdr(9, 10.3))
    tariff_file = _write(tmp_path / "t.json", tariff_dict("2.2.1", "tariff_4_complex.json"))
    assert ocpi(["price", *argv, "--cdr", cdr_file, "--tariff", tariff_file]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ocpi price: error:") and message in err


def test_cli_not_json_and_time_zone_required(ocpi, tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert ocpi(["price", "--version", "2.2.1", "--cdr", str(broken)]) == 2
    assert "not JSON" in capsys.readouterr().err
    usa = json.loads(v2_2_1.dumps(cdr(MONDAY_0930, [charge(60, 5)], country="USA")))
    cdr_file = _write(tmp_path / "usa.json", usa)
    tariff_file = _write(tmp_path / "t.json", tariff_dict("2.2.1", "tariff_4_complex.json"))
    assert ocpi(["price", "--version", "2.2.1", "--cdr", cdr_file, "--tariff", tariff_file]) == 2
    assert "--time-zone" in capsys.readouterr().err


def test_cli_invalid_tariff_exit_2(ocpi, tmp_path: Path, capsys) -> None:
    cdr_file = _write(tmp_path / "cdr.json", _complex_cdr(9, 10.3))
    bad = tariff_dict("2.2.1", "tariff_4_complex.json")
    del bad["currency"]
    assert ocpi(["price", "--version", "2.2.1", "--cdr", cdr_file,
                 "--tariff", _write(tmp_path / "bad.json", [bad])]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert "bad.json[0]" in err and "currency" in err
