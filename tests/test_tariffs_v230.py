"""OCPI 2.3.0 in the tariff engine: ``tax_included``, Price ``before_taxes``/``taxes``, PriceLimit.

The spec's North-American examples, priced with sessions designed here; totals worked out by hand
in the comments as (before taxes / after taxes), ``?`` where the tariff cannot tell:

- tariff_19: TIME C$ 2.00/h, ``tax_included`` NO, no ``vat``: the price is before taxes and sales
  taxes at a rate the tariff does not give are added on top, so after taxes is unknown;
- tariff_20: TIME C$ 2.10/h, ``tax_included`` YES, no ``vat``: the price is after taxes, so
  before taxes is unknown.

Variants (a ``vat``, another ``tax_included``, ``min_price``/``max_price``) are built here from
the loaded examples. A 2.3.0 CDR's ``after_taxes`` is its ``before_taxes`` plus its ``taxes``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ocpi_sdk import cli, v2_3_0
from ocpi_sdk.tariffs import Difference, TariffError, check_cdr, price
from ocpi_sdk.tariffs.result import PriceResult
from tests.test_tariffs_support import D, cdr, charge, park, tariff, tariff_dict

pytestmark = pytest.mark.usefixtures("examples_dir")

EXCLUSIVE = "tariff_19_simple_north_american_exclusive.json"
INCLUSIVE = "tariff_20_simple_north_american_inclusive.json"
START = "2024-01-15T15:00:00Z"  # 10:00 in Toronto; no tariff here depends on local time


def t(file: str, vat: float | None = None, step: int | None = None, **changes: Any) -> Any:
    """A 2.3.0 example tariff; ``vat``/``step`` set on its one price component."""
    data = tariff_dict("2.3.0", file, **changes)
    component = data["elements"][0]["price_components"][0]
    if vat is not None:
        component["vat"] = vat
    if step is not None:
        component["step_size"] = step
    return v2_3_0.loads(data, v2_3_0.Tariff)


def record(steps: list[dict[str, Any]], tariffs: Any = (), **totals: Any) -> v2_3_0.CDR:
    """A 2.3.0 CDR in Canada, in CAD."""
    return cdr(START, steps, version="2.3.0", country="CAN", currency="CAD", tariffs=tariffs,
               **totals)  # fmt: skip


def taxes(result: PriceResult) -> tuple[Any, Any]:
    return result.total_cost.before_taxes, result.total_cost.after_taxes


# --- tariff_19: prices before taxes, taxes unknown ---------------------------------------------


def test_tariff_19_exclusive_spec_session() -> None:
    # 2.5 h charging: 2.5 * 2.00 = 5.00 before taxes ("C$ 5.00, plus taxes according to locally
    # applicable legislation"); after taxes ? (no vat).
    result = price(t(EXCLUSIVE), record([charge(150, 20)]))
    assert taxes(result) == (D("5.00"), None)
    assert result.total_time_cost.before_taxes == D("5.00")
    assert result.total_energy_cost.before_taxes == 0
    assert result.total_energy_cost.after_taxes == 0  # nothing priced: zero on both sides
    assert any("the cost after taxes is unknown" in note for note in result.notes)
    assert result.version == "2.3.0" and result.names.fields == ("before_taxes", "after_taxes")


def test_tariff_19_parking_is_free_and_step_size() -> None:
    # 95.5 min charging then 20 min parking; no PARKING_TIME component, so parking is free.
    # TIME 5730 s = 1.591666.. h * 2.00 = 3.18333.. -> 3.1833 (step_size 1 s: no rounding).
    result = price(t(EXCLUSIVE), record([charge(95.5, 10), park(20)]))
    assert taxes(result) == (D("3.1833"), None)
    assert result.total_parking_cost.before_taxes == 0
    assert (result.total_time, result.total_parking_time) == (D("1.925"), D("0.3333"))
    # The spec's prose says "billed per 1 min" while the JSON has step_size 1; with 60:
    # 150.25 min = 9015 s -> 9060 s = 2.516666.. h * 2.00 = 5.03333.. -> 5.0333.
    stepped = price(t(EXCLUSIVE, step=60), record([charge(150.25, 20)]))
    assert taxes(stepped) == (D("5.0333"), None)


def test_tariff_19_with_vat_and_not_applicable() -> None:
    # With vat 13 (HST as a rate): 5.00 before, 5.00 * 1.13 = 5.65 after.
    assert taxes(price(t(EXCLUSIVE, vat=13), record([charge(150, 20)]))) == (D("5.00"), D("5.65"))
    # tax_included N/A: no taxes at all, 5.00 / 5.00; a vat given is ignored (and noted).
    free = price(t(EXCLUSIVE, tax_included="N/A"), record([charge(150, 20)]))
    assert taxes(free) == (D("5.00"), D("5.00"))
    ignored = price(t(EXCLUSIVE, vat=13, tax_included="N/A"), record([charge(150, 20)]))
    assert taxes(ignored) == (D("5.00"), D("5.00"))
    assert any("vat ignored" in note for note in ignored.notes)


# --- tariff_20: prices after taxes -------------------------------------------------------------


def test_tariff_20_inclusive_spec_session() -> None:
    # 2.5 h charging: 2.5 * 2.10 = 5.25 after taxes ("All taxes that are due are included in
    # that C$5.25 amount"); before taxes ? (no vat).
    result = price(t(INCLUSIVE), record([charge(150, 20)]))
    assert taxes(result) == (None, D("5.25"))
    assert result.total_time_cost.after_taxes == D("5.25")
    assert any("the cost before taxes is unknown" in note for note in result.notes)
    # 40 min: 2/3 h * 2.10 = 1.40 after taxes.
    assert taxes(price(t(INCLUSIVE), record([charge(40, 5)]))) == (None, D("1.40"))


def test_tariff_20_with_vat_derives_before_taxes() -> None:
    # With vat 5: 5.25 includes 5% VAT, so before taxes = 5.25 / 1.05 = 5.00 (taxes 0.25).
    result = price(t(INCLUSIVE, vat=5), record([charge(150, 20)]))
    assert taxes(result) == (D("5.00"), D("5.25"))
    (line,) = result.breakdown
    assert line.tax_included and line.price == D("2.10") and line.vat == 5
    # With vat 13: 5.25 / 1.13 = 4.64601.. -> 4.6460.
    assert taxes(price(t(INCLUSIVE, vat=13), record([charge(150, 20)]))) == (
        D("4.6460"),
        D("5.25"),
    )


# --- min_price / max_price as PriceLimit -------------------------------------------------------


def test_price_limits_before_and_after_taxes() -> None:
    session = [charge(150, 20)]
    # tariff_19 + min_price {before_taxes 6.00}: 5.00 -> 6.00 before; after ? (no limit on it).
    low = price(t(EXCLUSIVE, min_price={"before_taxes": 6.00}), record(session))
    assert taxes(low) == (D("6.00"), None)
    assert low.total_time_cost.before_taxes == D("5.00")  # components are not clamped
    assert "min_price of tariff 12: total before taxes 5.0000 raised to 6.0 CAD" in low.notes
    # tariff_19 + vat 13 + max_price {4.00, 4.60}: 5.00 -> 4.00, 5.65 -> 4.60, each on its own.
    limit = {"before_taxes": 4.00, "after_taxes": 4.60}
    high = price(t(EXCLUSIVE, vat=13, max_price=limit), record(session))
    assert taxes(high) == (D("4.00"), D("4.60"))
    assert sum("max_price" in note for note in high.notes) == 2
    # tariff_20 + max_price {4.00, 5.00}: before ? so its limit cannot apply (noted);
    # after 5.25 -> 5.00.
    inclusive = price(t(INCLUSIVE, max_price={"before_taxes": 4.00, "after_taxes": 5.00}),
                      record(session))  # fmt: skip
    assert taxes(inclusive) == (None, D("5.00"))
    assert any("before taxes is unknown, so its limit" in note for note in inclusive.notes)
    # tariff_20 + vat 5 + min_price {6.00, 6.30}: 5.00 -> 6.00 and 5.25 -> 6.30.
    raised = price(t(INCLUSIVE, vat=5, min_price={"before_taxes": 6.00, "after_taxes": 6.30}),
                   record(session))  # fmt: skip
    assert taxes(raised) == (D("6.00"), D("6.30"))


# --- check_cdr ---------------------------------------------------------------------------------


def _tax(name: str, percentage: float, amount: float) -> dict[str, Any]:
    return {"name": name, "percentage": percentage, "amount": amount}


def test_check_cdr_exclusive_compares_before_taxes_only() -> None:
    # tariff_19, 2.5 h: 5.00 before taxes. The CDR adds GST 5% (0.25) and QST 9.975% (0.4988),
    # which the tariff cannot tell: after taxes (5.7488) is not compared.
    tariffs = [tariff_dict("2.3.0", EXCLUSIVE)]
    stated = {"before_taxes": 5.00, "taxes": [_tax("GST", 5, 0.25), _tax("QST", 9.975, 0.4988)]}
    right = record([charge(150, 20)], tariffs, total_cost=stated,
                   total_time_cost={"before_taxes": 5.00})  # fmt: skip
    assert check_cdr(right) == []
    wrong = record([charge(150, 20)], tariffs, total_cost={**stated, "before_taxes": 5.50})
    assert check_cdr(wrong) == [Difference("total_cost.before_taxes", D("5.5"), D("5.0000"))]


def test_check_cdr_inclusive_compares_after_taxes() -> None:
    # tariff_20, 2.5 h: 5.25 after taxes. Right: 4.5652 + HST 15% 0.6848 = 5.25.
    # Wrong: HST added on top of the tax-inclusive price, 5.25 + 0.7875 = 6.0375.
    tariffs = [tariff_dict("2.3.0", INCLUSIVE)]
    right = {"before_taxes": 4.5652, "taxes": [_tax("HST", 15, 0.6848)]}
    assert check_cdr(record([charge(150, 20)], tariffs, total_cost=right)) == []
    wrong = {"before_taxes": 5.25, "taxes": [_tax("HST", 15, 0.7875)]}
    assert check_cdr(record([charge(150, 20)], tariffs, total_cost=wrong)) == [
        Difference("total_cost.after_taxes", D("6.0375"), D("5.2500"))
    ]


def test_check_cdr_with_vat_both_sides_and_taxes_left_out() -> None:
    # tariff_19 with vat 13, given as an argument: 5.00 before, 5.65 after.
    tariffs = [t(EXCLUSIVE, vat=13)]
    right = {"before_taxes": 5.00, "taxes": [_tax("HST", 13, 0.65)]}
    assert check_cdr(record([charge(150, 20)], total_cost=right), tariffs) == []
    # taxes 0.75: after taxes 5.75 against 5.65; before taxes 5.00 is right.
    wrong = {"before_taxes": 5.00, "taxes": [_tax("HST", 13, 0.75)]}
    assert check_cdr(record([charge(150, 20)], total_cost=wrong), tariffs) == [
        Difference("total_cost.after_taxes", D("5.75"), D("5.6500"))
    ]
    # No taxes listed: only before_taxes is stated, so only it is compared.
    assert check_cdr(record([charge(150, 20)], total_cost={"before_taxes": 5}), tariffs) == []
    # An empty list states no taxes at all: after taxes 5.00 against 5.65.
    none = {"before_taxes": 5.00, "taxes": []}
    assert [d.field for d in check_cdr(record([charge(150, 20)], total_cost=none), tariffs)] == [
        "total_cost.after_taxes"
    ]


def test_session_230_and_mixed_versions() -> None:
    # A 2.3.0 Session of 2.5 h without charging periods: priced as 2.5 h of charging,
    # 5.25 after taxes under tariff_20.
    session = v2_3_0.loads(
        {
            "country_code": "CA", "party_id": "FLO", "id": "S1",
            "start_date_time": START, "end_date_time": "2024-01-15T17:30:00Z", "kwh": 20,
            "cdr_token": {"country_code": "CA", "party_id": "EMS", "uid": "U1", "type": "RFID",
                          "contract_id": "CA-EMS-C1"},
            "auth_method": "WHITELIST", "location_id": "L1", "evse_uid": "E1",
            "connector_id": "1", "currency": "CAD", "status": "COMPLETED",
            "total_cost": {"before_taxes": 4.5652, "taxes": [_tax("HST", 15, 0.6848)]},
            "last_updated": "2024-01-15T17:30:00Z",
        },
        v2_3_0.Session,
    )  # fmt: skip
    assert taxes(price(t(INCLUSIVE), session)) == (None, D("5.25"))
    with pytest.raises(TariffError, match=r"OCPI 2\.2\.1, the CDR is OCPI 2\.3\.0"):
        price(tariff("2.2.1", "tariff_1_simple_2hour.json"), record([charge(150, 20)]))


# --- ocpi price --version 2.3.0 ----------------------------------------------------------------


def _cdr_file(path: Path, **totals: Any) -> str:
    path.write_bytes(v2_3_0.dumps(record([charge(150, 20)], **totals)))
    return str(path)


def test_cli_230_text_exit_0(examples_dir: Path, tmp_path: Path, capsys) -> None:
    cdr_file = _cdr_file(
        tmp_path / "cdr.json",
        total_cost={"before_taxes": 4.5652, "taxes": [_tax("HST", 15, 0.6848)]},
    )
    argv = ["price", "--version", "2.3.0", "--tariff", str(examples_dir / "2.3.0" / INCLUSIVE),
            "--cdr", cdr_file, "--time-zone", "America/Toronto"]  # fmt: skip
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert "vat%  before_taxes  after_taxes" in out
    assert "total_cost:             unknown before taxes, 5.2500 after taxes CAD" in out
    assert "the CDR's totals match" in out


def test_cli_230_json_exit_1(examples_dir: Path, tmp_path: Path, capsys) -> None:
    cdr_file = _cdr_file(
        tmp_path / "cdr.json", total_cost={"before_taxes": 5.25, "taxes": [_tax("HST", 15, 0.7875)]}
    )
    argv = ["price", "--version", "2.3.0", "--tariff", str(examples_dir / "2.3.0" / INCLUSIVE),
            "--cdr", cdr_file, "--format", "json"]  # fmt: skip
    assert cli.main(argv) == 1
    document = json.loads(capsys.readouterr().out)
    computed = document["computed"]
    assert computed["total_cost"] == {"before_taxes": None, "after_taxes": 5.25}
    assert computed["total_energy_cost"] == {"before_taxes": 0, "after_taxes": 0}
    assert computed["total_time"] == 2.5 and computed["total_energy"] == 20
    (line,) = document["breakdown"]
    assert line["cost"] == {"before_taxes": None, "after_taxes": 5.25}
    assert (line["dimension"], line["price"], line["vat"], line["volume"]) == (
        "TIME",
        2.1,
        None,
        2.5,
    )
    assert document["differences"] == [
        {"field": "total_cost.after_taxes", "cdr": 6.0375, "computed": 5.25}
    ]
    assert any("before taxes is unknown" in note for note in document["notes"])


def test_cli_230_exclusive_json(examples_dir: Path, tmp_path: Path, capsys) -> None:
    cdr_file = _cdr_file(tmp_path / "cdr.json", total_cost={"before_taxes": 5})
    argv = ["price", "--version", "2.3.0", "--tariff", str(examples_dir / "2.3.0" / EXCLUSIVE),
            "--cdr", cdr_file, "--format", "json"]  # fmt: skip
    assert cli.main(argv) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["computed"]["total_cost"] == {"before_taxes": 5, "after_taxes": None}
    assert document["differences"] == []


def test_cli_230_rejects_a_221_price(examples_dir: Path, tmp_path: Path, capsys) -> None:
    cdr_file = _cdr_file(tmp_path / "cdr.json", total_cost={"before_taxes": 5})
    data = json.loads(Path(cdr_file).read_text(encoding="utf-8"))
    data["total_cost"] = {"excl_vat": 5}
    Path(cdr_file).write_text(json.dumps(data), encoding="utf-8")
    argv = ["price", "--version", "2.3.0", "--cdr", cdr_file,
            "--tariff", str(examples_dir / "2.3.0" / EXCLUSIVE)]  # fmt: skip
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert "$.total_cost.before_taxes" in err and "not a valid OCPI 2.3.0 CDR" in err
