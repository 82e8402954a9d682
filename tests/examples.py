"""The spec's example payloads and what each one is.

The files live in ``../shared/ocpi-examples/<version>/`` (or ``$OCPI_EXAMPLES``) and are read from
there, never copied: their licence (CC BY-ND 4.0) allows unmodified copies only. Variants are built
in the tests from the loaded example.

Each entry maps a file (relative to the version folder) to how it is used in the spec:

- ``Full(name)``: a complete object;
- ``Partial(name)``: a PATCH body (from 2.2.1 on it must carry ``last_updated``);
- ``Fragment(name)``: a fragment of an object shown on its own (``{"energy_mix": ...}`` is a
  fragment of a Location), checked as the PATCH body that would carry it (``fragment_body``);
- ``Envelope(name)``: a whole response, ``data`` holding ``name`` or a list of it;
- ``Many(name)``: a JSON array of ``name``;
- ``NotJson(reason)``: the spec's text is not a JSON document;
- ``SpecError(name, errors, reason)``: the example breaks the spec text; ``errors`` lists the
  (path, rule) pairs our validator must report, so a change on either side is noticed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs


@attrs.frozen
class Full:
    name: str


@attrs.frozen
class Partial:
    name: str


@attrs.frozen
class Fragment:
    name: str


def fragment_body(payload: dict[str, Any]) -> dict[str, Any]:
    """A fragment as the PATCH body that would send it (with the ``last_updated`` every PATCH
    body carries from 2.2.1 on)."""
    return {**payload, "last_updated": "2015-06-29T20:39:09Z"}


@attrs.frozen
class Envelope:
    name: str | None


@attrs.frozen
class Many:
    name: str


@attrs.frozen
class NotJson:
    reason: str


@attrs.frozen
class SpecError:
    name: str
    errors: frozenset[tuple[str, str]]
    reason: str
    envelope: bool = False
    partial: bool = False


Use = Full | Partial | Fragment | Envelope | Many | NotJson | SpecError

REPO = Path(__file__).resolve().parent.parent


def examples_root() -> Path | None:
    """The examples folder, or None when it is not there."""
    configured = os.environ.get("OCPI_EXAMPLES")
    root = Path(configured) if configured else REPO.parent / "shared" / "ocpi-examples"
    return root if root.is_dir() else None


def load(version: str, file: str) -> Any:
    root = examples_root()
    assert root is not None
    return json.loads((root / version / file).read_text(encoding="utf-8"))


FRAGMENT = NotJson('a fragment of an object (`"energy_mix": {...}`), not a JSON document')

EXAMPLES: dict[str, dict[str, Use]] = {
    "2.1.1": {
        "inline/credentials_08_example.json": Full("Credentials"),
        "inline/mod_cdrs_22_example_of_a_cdr.json": SpecError(
            "CDR",
            frozenset({("$.tariffs[0].elements[0].price_components[0].price", "type")}),
            'price is the string "2.00"; PriceComponent.price is a decimal number',
        ),
        "inline/mod_locations_09_example_a_simple_status_update.json": Partial("EVSE"),
        "inline/mod_locations_10_example_change_the_location_name.json": Partial("Location"),
        "inline/mod_locations_11_example_set_tariff_update.json": Partial("Connector"),
        "inline/mod_locations_12_example_add_an_evse.json": SpecError(
            "EVSE",
            frozenset(
                {
                    ("$.connectors[0].amperage", "required"),
                    ("$.connectors[0].last_updated", "required"),
                    ("$.connectors[0].power_type", "required"),
                    ("$.connectors[0].voltage", "required"),
                    ("$.floor_level", "type"),
                    ("$.last_updated", "required"),
                    ("$.physical_reference", "type"),
                }
            ),
            "a PUT body must be a whole EVSE; floor_level and physical_reference are strings",
        ),
        "inline/mod_locations_13_example_delete_an_evse.json": Partial("EVSE"),
        "inline/mod_locations_14_example.json": Full("Location"),
        "inline/mod_locations_15_simple.fragment.txt": FRAGMENT,
        "inline/mod_locations_16_tariff_name_based.fragment.txt": FRAGMENT,
        "inline/mod_locations_17_complete.fragment.txt": FRAGMENT,
        "inline/mod_locations_18_4_19_1_example.fragment.txt": FRAGMENT,
        "inline/mod_sessions_19_example_update_the_total_cost.json": Partial("Session"),
        "inline/mod_sessions_20_simple_session_example_of_a_just_starting_session.json": Full(
            "Session"
        ),
        "inline/mod_sessions_21_simple_session_example_of_a_short_finished_session.json": Full(
            "Session"
        ),
        "inline/mod_tariffs_23_example_new_tariff_2_euro_per_hour.json": SpecError(
            "Tariff",
            frozenset({("$.last_updated", "required")}),
            "a PUT body must be a whole Tariff; last_updated is required",
        ),
        "inline/mod_tariffs_24_example_change_tariff_to_2_50.json": Partial("Tariff"),
        "inline/mod_tariffs_25_simple_tariff_example_2_euro_per_hour.json": Full("Tariff"),
        "inline/mod_tariffs_26_simple_tariff_example_with_alternative_multi_language_text.json": (
            Full("Tariff")
        ),
        "inline/mod_tariffs_27_simple_tariff_example_with_alternative_url.json": Full("Tariff"),
        "inline/mod_tariffs_28_complex_tariff_example.json": Full("Tariff"),
        "inline/mod_tariffs_29_free_of_charge_tariff_example.json": Full("Tariff"),
        "inline/mod_tokens_30_example_put_a_new_token.json": Full("Token"),
        "inline/mod_tokens_31_example_invalidate_a_token.json": Partial("Token"),
        "inline/mod_tokens_32_example.json": Full("Token"),
        "inline/transport_and_format_01_example_version_information_response_list_of_objects.json": SpecError(
            "Version",
            frozenset({("$.data[0].version", "enum")}),
            'version "1.9" is not a VersionNumber of 2.1.1 (2.0, 2.1, 2.1.1)',
            envelope=True,
        ),
        "inline/transport_and_format_02_example_version_details_response_one_object.json": (
            Envelope("VersionDetails")
        ),
        "inline/transport_and_format_03_example_tokens_get_response_with_one_token_object_cpo_end_po.json": (
            Envelope("Token")
        ),
        "inline/transport_and_format_04_example_tokens_get_response_with_list_of_token_objects_emsp_.json": (
            Envelope("Token")
        ),
        "inline/transport_and_format_05_example_response_with_an_error_contains_no_data_field.json": (
            Envelope(None)
        ),
        "inline/version_information_endpoint_06_example.json": Many("Version"),
        "inline/version_information_endpoint_07_example.json": Full("VersionDetails"),
    },
    "2.2.1": {
        "cdr_example.json": Full("CDR"),
        "credentials_example.json": Full("Credentials"),
        "credentials_example2.json": Full("Credentials"),
        "credentials_example3.json": Full("Credentials"),
        "credentials_example4.json": Full("Credentials"),
        "inline/mod_hub_client_info_02_example_put_a_new_clientinfo_object.json": NotJson(
            "the spec's text has a trailing comma after the last member"
        ),
        "inline/transport_and_format_01_example_response_with_an_error_contains_no_data_field.json": (
            Envelope(None)
        ),
        "location_energymix_example_complete.json": Fragment("Location"),
        "location_energymix_example_energy_provider.json": Fragment("Location"),
        "location_energymix_example_simple.json": Fragment("Location"),
        "location_example.json": Full("Location"),
        "location_example_parking_garage_opening_hours.json": Full("Location"),
        "location_example_uc2_destination_charger.json": Full("Location"),
        "location_example_uc3_destination_charger_not_published.json": Full("Location"),
        "location_example_uc4_limited_visibility.json": Full("Location"),
        "location_example_uc5_home_charge_point.json": Full("Location"),
        "location_hours_247_open_exception_closing.json": Full("Hours"),
        "location_hours_opening_hours_with_exceptional_closing.json": Full("Hours"),
        "location_hours_opening_hours_with_exceptional_opening.json": Full("Hours"),
        "location_patch_example_location.json": Partial("Location"),
        "location_patch_example_remove_evse.json": Partial("EVSE"),
        "location_patch_example_status.json": Partial("EVSE"),
        "location_patch_example_tariff.json": Partial("Connector"),
        "location_put_example_add_evse.json": SpecError(
            "EVSE",
            frozenset(
                {
                    ("$.connectors[0].last_updated", "required"),
                    ("$.connectors[0].max_amperage", "required"),
                    ("$.connectors[0].max_voltage", "required"),
                    ("$.connectors[0].power_type", "required"),
                    ("$.physical_reference", "type"),
                }
            ),
            "a PUT body must be a whole EVSE; physical_reference is a string; `floor` is not "
            "an EVSE field (the spec's is floor_level), reported as a note",
        ),
        "location_regularhours_example.json": Fragment("Location"),
        "session_example_1_simple_start.json": Full("Session"),
        "session_example_2_short_finished.json": Full("Session"),
        "session_patch_example_charging_period.json": Partial("Session"),
        "session_patch_example_total_cost.json": Partial("Session"),
        "tariff_10_025kwh_parking_start.json": Full("Tariff"),
        "tariff_11_not_possible_alt_text.json": Full("Tariff"),
        "tariff_12_025kwh_min_price.json": Full("Tariff"),
        "tariff_13_simple_3hour_5parking.json": Full("Tariff"),
        "tariff_14_step_size.json": Full("Tariff"),
        "tariff_15_reservation_5_euro_per_hour.json": Full("Tariff"),
        "tariff_16_reservation_2_euro_fee_5_euro_per_hour.json": Full("Tariff"),
        "tariff_17_reservation_with_expire_fee.json": Full("Tariff"),
        "tariff_18_reservation_with_expire_time.json": Full("Tariff"),
        "tariff_1_simple_2hour.json": Full("Tariff"),
        "tariff_2_alt_text.json": Full("Tariff"),
        "tariff_3_alt_url.json": Full("Tariff"),
        "tariff_4_complex.json": Full("Tariff"),
        "tariff_5_free_of_charge.json": Full("Tariff"),
        "tariff_6_025kwh_start_max_price.json": Full("Tariff"),
        "tariff_8_simple_025kwh.json": Full("Tariff"),
        "tariff_9_025kwh_start.json": Full("Tariff"),
        "tariff_put_example.json": SpecError(
            "Tariff",
            frozenset({("$.last_updated", "required")}),
            "a PUT body must be a whole Tariff; last_updated is required",
        ),
        "tariffrestriction_example_max_duration.json": Full("Tariff"),
        "tariffrestriction_example_max_power.json": Full("Tariff"),
        "token_example_1_app_user.json": Full("Token"),
        "token_example_2_full_rfid.json": Full("Token"),
        "token_patch_example.json": Partial("Token"),
        "token_put_example.json": Full("Token"),
        "transport_and_format_get_token_example.json": Envelope("Token"),
        "transport_and_format_get_token_list_example.json": Envelope("Token"),
        "transport_and_format_version_details_example.json": Envelope("VersionDetails"),
        "transport_and_format_version_info_example.json": Envelope("Version"),
        "type_displaytext_example.json": Full("DisplayText"),
        "version_details_example.json": Full("VersionDetails"),
        "version_details_example2.json": Full("VersionDetails"),
        "versions_info_example.json": Many("Version"),
    },
}

PRICE_2_3_0 = (
    "2.3.0's Price is before_taxes + taxes; the example still uses 2.2.1's excl_vat/incl_vat"
)

# 2.3.0 ships every 2.2.1 example file again (updated where 2.3.0 changed), plus its own.
EXAMPLES["2.3.0"] = {
    **EXAMPLES["2.2.1"],
    "cdr_example.json": SpecError(
        "CDR",
        frozenset({("$.tariffs[0].tax_included", "required")}),
        "2.3.0 makes Tariff.tax_included required; the CDR example's tariff has none",
    ),
    "payment_financial_advice_confirmation_create.json": SpecError(
        "FinancialAdviceConfirmation",
        frozenset({("$.total_costs.before_taxes", "required")}),
        PRICE_2_3_0,
    ),
    "payment_financial_advice_confirmation_example_failure.json": SpecError(
        "FinancialAdviceConfirmation",
        frozenset({("$.eft_data", "required"), ("$.total_costs.before_taxes", "required")}),
        PRICE_2_3_0 + "; eft_data has cardinality + but is missing",
    ),
    "payment_financial_advice_confirmation_example_success.json": SpecError(
        "FinancialAdviceConfirmation",
        frozenset({("$.total_costs.before_taxes", "required")}),
        PRICE_2_3_0,
    ),
    "payment_terminal_activate.json": Full("Terminal"),
    "payment_terminal_create.json": Full("Terminal"),
    "payment_terminal_create_minimal.json": SpecError(
        "Terminal",
        frozenset({("$.last_updated", "required")}),
        "the POST text allows 'just the terminal id', but last_updated has cardinality 1",
    ),
    "payment_terminal_example_assigned_locations.json": Full("Terminal"),
    "payment_terminal_example_assigned_locations_assigned_evses.json": Full("Terminal"),
    "payment_terminal_example_newly_created.json": Full("Terminal"),
    "payment_terminal_location_assignment.json": SpecError(
        "Terminal",
        frozenset({("$.last_updated", "required")}),
        "a PATCH body; the transport chapter: any PATCH request SHALL contain last_updated",
        partial=True,
    ),
    "payment_terminal_put_update.json": SpecError(
        "Terminal",
        frozenset({("$.terminal_id", "required")}),
        "a PUT body is a whole Terminal; the example has no terminal_id",
    ),
    "tariff_19_simple_north_american_exclusive.json": Full("Tariff"),
    "tariff_20_simple_north_american_inclusive.json": Full("Tariff"),
}
