"""The tariff engine prices a CDR and its conversion to the same total (before taxes) wherever no
loss touched a priced field.

Each Tariff example of the spec rides in a CDR of its version built by the tariff tests' helper
(charging, then parking); the CDR model is converted to every other version and both are priced.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from ocpi_sdk.tariffs import price
from ocpi_sdk.translation import NotRepresentableError, convert
from tests.examples import EXAMPLES, Full
from tests.test_tariffs_support import cdr, charge, park, tariff_dict
from tests.translation_support import CONTEXT as CALLER

# The helper's 2.1.1 CDR Location lists no EVSE: the caller names the CDR's EVSE and Connector.
CONTEXT = {
    **CALLER,
    "cdr_location.evse_uid": "E1",
    "cdr_location.evse_id": "NL*TST*E1",
    "cdr_location.connector_id": "1",
    "cdr_location.connector_standard": "IEC_62196_T2",
    "cdr_location.connector_format": "SOCKET",
    "cdr_location.connector_power_type": "AC_3_PHASE",
}

AMS = "Europe/Amsterdam"
MONDAY_0930 = "2024-01-15T08:30:00Z"
STEPS = [charge(95, 23), park(40), charge(20, "4.5")]
VERSIONS = ("2.1.1", "2.2.1", "2.3.0")

# Losses at these paths change what the engine computes before taxes (``vat`` only changes the
# part after taxes).
PRICED = re.compile(
    r"^\$\.(charging_periods|start_date_time|end_date_time|stop_date_time|currency"
    r"|tariffs(\[\d+\](\.(elements|min_price|max_price|start_date_time|end_date_time"
    r"|currency|tax_included))?)?)"
)


def _priced(path: str) -> bool:
    return bool(PRICED.match(path)) and not path.endswith(".vat")


def _cases() -> list[Any]:
    cases = []
    for source in VERSIONS:
        for file, use in EXAMPLES[source].items():
            if isinstance(use, Full) and use.name == "Tariff":
                for target in VERSIONS:
                    if target != source:
                        cases.append(
                            pytest.param(source, target, file, id=f"{source}-{target}-{file}")
                        )
    return cases


@pytest.fixture(autouse=True)
def _examples(examples_dir: Path) -> None:
    """Skips (or fails under CI) without the spec examples."""


def _before_taxes(result: Any) -> Any:
    money = result.total_cost
    return money.excl_vat


@pytest.mark.parametrize(("source", "target", "file"), _cases())
def test_a_cdr_and_its_conversion_cost_the_same(source: str, target: str, file: str) -> None:
    original = cdr(
        MONDAY_0930, STEPS, version=source, tariffs=[tariff_dict(source, file)], time_zone=AMS
    )
    try:
        converted = convert(original, target, context=CONTEXT)
    except NotRepresentableError as exc:  # pragma: no cover - a CDR drops what it cannot hold
        pytest.fail(str(exc))
    if any(_priced(loss.path) for loss in converted.losses):
        return  # a loss says the price may differ (an element or a restriction was dropped)
    before = _before_taxes(price(None, original, time_zone=AMS))
    after = _before_taxes(price(None, converted.value, time_zone=AMS))
    assert before == after


def test_the_law_is_not_vacuous() -> None:
    """Most conversions touch no priced field, so the comparison above is really made."""
    compared = 0
    for source, target, file in (p.values for p in _cases()):
        original = cdr(
            MONDAY_0930, STEPS, version=source, tariffs=[tariff_dict(source, file)], time_zone=AMS
        )
        try:
            converted = convert(original, target, context=CONTEXT)
        except NotRepresentableError:
            continue
        compared += not any(_priced(loss.path) for loss in converted.losses)
    assert compared >= 45
