"""OCPI 2.3.0 CDRs module.

Objects and data types of the CDRs module chapter.

Spec chapter: ``mod_cdrs.asciidoc``.
Generated from ``schemas/2.3.0/cdrs.json`` by ``codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ocpi_sdk.model_support import OcpiEnum, too_few, too_long

if TYPE_CHECKING:
    from ocpi_sdk.v2_3_0.locations import ConnectorFormat, ConnectorType, GeoLocation, PowerType
    from ocpi_sdk.v2_3_0.tariffs import Tariff
    from ocpi_sdk.v2_3_0.tokens import TokenType
    from ocpi_sdk.v2_3_0.types import Price


__all__ = [
    "CDR",
    "AuthMethod",
    "CdrDimension",
    "CdrDimensionType",
    "CdrLocation",
    "CdrToken",
    "ChargingPeriod",
    "SignedData",
    "SignedValue",
]


class AuthMethod(OcpiEnum):
    """How a charging session was authorized."""

    AUTH_REQUEST = "AUTH_REQUEST"
    """Authorized by a request to the eMSP."""

    COMMAND = "COMMAND"
    """Authorized by the Token given in a command such as StartSession or ReserveNow."""

    WHITELIST = "WHITELIST"
    """Authorized from a whitelist, without asking the eMSP."""


class CdrDimensionType(OcpiEnum):
    """Kind of quantity measured in a CdrDimension; some values are for Sessions only."""

    CURRENT = "CURRENT"
    """Session only: average current in the period, in A; negative when flowing from EV to grid."""

    ENERGY = "ENERGY"
    """Net energy (dis)charged in the period, in kWh; negative when more was fed back; default
    step size 1."""

    ENERGY_EXPORT = "ENERGY_EXPORT"
    """Session only: energy fed back into the grid, in kWh."""

    ENERGY_IMPORT = "ENERGY_IMPORT"
    """Session only: energy charged, in kWh."""

    MAX_CURRENT = "MAX_CURRENT"
    """Highest current summed over all phases in the period, in A."""

    MIN_CURRENT = "MIN_CURRENT"
    """Lowest current summed over all phases in the period, in A; negative when flowing from EV
    to grid."""

    MAX_POWER = "MAX_POWER"
    """Highest power in the period, in kW."""

    MIN_POWER = "MIN_POWER"
    """Lowest power in the period, in kW; negative when flowing from EV to grid."""

    PARKING_TIME = "PARKING_TIME"
    """Time in the period during which the vehicle does not request power, in hours; default step
    size 1 second."""

    POWER = "POWER"
    """Session only: average power in the period, in kW; negative when flowing from EV to grid."""

    RESERVATION_TIME = "RESERVATION_TIME"
    """Time in the period the EVSE was reserved and not yet used by this customer, in hours;
    default step size 1 second."""

    STATE_OF_CHARGE = "STATE_OF_CHARGE"
    """Session only: state of charge of the EV, in percent (0 to 100)."""

    TIME = "TIME"
    """Time charging in the period, in hours; default step size 1 second."""


@attrs.define(kw_only=True)
class CDR:
    """Charge Detail Record: the sealed billing record of a charging session, sent by the CPO to
    the eMSP."""

    country_code: str = attrs.field(metadata={"max_length": 2})
    """ISO-3166 alpha-2 country code of the CPO owning this CDR."""

    party_id: str = attrs.field(metadata={"max_length": 3})
    """Party ID of the CPO owning this CDR."""

    id: str = attrs.field(metadata={"max_length": 39})
    """CDR identifier, unique per country_code/party_id; up to 39 characters for credit CDRs, 36
    otherwise."""

    start_date_time: datetime
    """Start of the session, or of the reservation when it preceded the session."""

    end_date_time: datetime
    """When the session finished (may be after charging ended)."""

    session_id: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Id of the Session this CDR is for; absent only without Sessions module or for a
    reservation without session."""

    cdr_token: CdrToken
    """Token that started the session."""

    auth_method: AuthMethod
    """Last method used to authorize the session."""

    authorization_reference: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Latest authorization reference given by the eMSP for this session."""

    cdr_location: CdrLocation
    """Where the session took place, limited to the EVSE and connector used."""

    meter_id: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Identifier of the meter in the Charge Point."""

    currency: str = attrs.field(metadata={"max_length": 3})
    """ISO 4217 currency code of the CDR."""

    tariffs: list[Tariff] | None = None
    """Tariffs relevant to this CDR, including a free-of-charge tariff when applicable."""

    charging_periods: list[ChargingPeriod] = attrs.field(metadata={"min_items": 1})
    """Charging periods that make up the session."""

    signed_data: SignedData | None = None
    """Signed meter data of the session."""

    total_cost: Price
    """Sum of all costs of the session."""

    total_fixed_cost: Price | None = None
    """Sum of the fixed costs (e.g. start fee), excluding fixed parking and reservation parts."""

    total_energy: Decimal
    """Total energy charged, in kWh."""

    total_energy_cost: Price | None = None
    """Sum of the energy costs."""

    total_time: Decimal
    """Total session duration (charging and not charging), in hours."""

    total_time_cost: Price | None = None
    """Sum of the costs of charging duration."""

    total_parking_time: Decimal | None = None
    """Part of the session with no energy transfer, in hours."""

    total_parking_cost: Price | None = None
    """Sum of the parking costs, fixed parts included."""

    total_reservation_cost: Price | None = None
    """Sum of the reservation costs, fixed parts included."""

    remark: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Free human-readable remark, e.g. why the session stopped."""

    invoice_reference_id: str | None = attrs.field(default=None, metadata={"max_length": 39})
    """Reference of an invoice this CDR will appear on."""

    credit: bool | None = None
    """True when this is a Credit CDR (then credit_reference_id is set)."""

    credit_reference_id: str | None = attrs.field(default=None, metadata={"max_length": 39})
    """For a Credit CDR: the id of the CDR it credits."""

    home_charging_compensation: bool | None = None
    """True when the session used the driver's home charger and the energy cost is to be
    compensated to the driver."""

    last_updated: datetime
    """When this CDR was last changed or created."""

    def __attrs_post_init__(self) -> None:
        if len(self.country_code) > 2:
            raise too_long("country_code", self.country_code, 2)
        if len(self.party_id) > 3:
            raise too_long("party_id", self.party_id, 3)
        if len(self.id) > 39:
            raise too_long("id", self.id, 39)
        if self.session_id is not None and len(self.session_id) > 36:
            raise too_long("session_id", self.session_id, 36)
        if self.authorization_reference is not None and len(self.authorization_reference) > 36:
            raise too_long("authorization_reference", self.authorization_reference, 36)
        if self.meter_id is not None and len(self.meter_id) > 255:
            raise too_long("meter_id", self.meter_id, 255)
        if len(self.currency) > 3:
            raise too_long("currency", self.currency, 3)
        if len(self.charging_periods) < 1:
            raise too_few("charging_periods", 1)
        if self.remark is not None and len(self.remark) > 255:
            raise too_long("remark", self.remark, 255)
        if self.invoice_reference_id is not None and len(self.invoice_reference_id) > 39:
            raise too_long("invoice_reference_id", self.invoice_reference_id, 39)
        if self.credit_reference_id is not None and len(self.credit_reference_id) > 39:
            raise too_long("credit_reference_id", self.credit_reference_id, 39)


@attrs.define(kw_only=True)
class CdrDimension:
    """One measured quantity of a charging period."""

    type: CdrDimensionType
    """Kind of quantity."""

    volume: Decimal
    """Amount consumed, in the unit of the dimension type."""


@attrs.define(kw_only=True)
class CdrLocation:
    """The part of a Location needed in a CDR, as it was at the start of the session."""

    id: str = attrs.field(metadata={"max_length": 36})
    """Identifier of the location in the CPO platform; never changes."""

    name: str | None = attrs.field(default=None, metadata={"max_length": 255})
    """Display name of the location."""

    address: str = attrs.field(metadata={"max_length": 45})
    """Street or block name and house number if any."""

    city: str = attrs.field(metadata={"max_length": 45})
    """City or town."""

    postal_code: str | None = attrs.field(default=None, metadata={"max_length": 10})
    """Postal code; omitted only where the location has none."""

    state: str | None = attrs.field(default=None, metadata={"max_length": 20})
    """State, only where relevant."""

    country: str = attrs.field(metadata={"max_length": 3})
    """ISO 3166-1 alpha-3 country code."""

    coordinates: GeoLocation
    """Coordinates of the location."""

    evse_uid: str = attrs.field(metadata={"max_length": 36})
    """Technical identifier of the EVSE in the CPO platform; #NA for a reservation that never
    became a session."""

    evse_id: str = attrs.field(metadata={"max_length": 48})
    """EVSE ID following the EV Roaming Foundation's ID-code format (evroaming.org/contract-evse-
    ids); #NA for a reservation that never became a session."""

    connector_id: str = attrs.field(metadata={"max_length": 36})
    """Identifier of the connector within the EVSE; #NA for a reservation that never became a
    session."""

    connector_standard: ConnectorType
    """Standard of the connector; to be ignored for a reservation that never became a session."""

    connector_format: ConnectorFormat
    """Socket or cable; to be ignored for a reservation that never became a session."""

    connector_power_type: PowerType
    """Power type of the connector; to be ignored for a reservation that never became a session."""

    def __attrs_post_init__(self) -> None:
        if len(self.id) > 36:
            raise too_long("id", self.id, 36)
        if self.name is not None and len(self.name) > 255:
            raise too_long("name", self.name, 255)
        if len(self.address) > 45:
            raise too_long("address", self.address, 45)
        if len(self.city) > 45:
            raise too_long("city", self.city, 45)
        if self.postal_code is not None and len(self.postal_code) > 10:
            raise too_long("postal_code", self.postal_code, 10)
        if self.state is not None and len(self.state) > 20:
            raise too_long("state", self.state, 20)
        if len(self.country) > 3:
            raise too_long("country", self.country, 3)
        if len(self.evse_uid) > 36:
            raise too_long("evse_uid", self.evse_uid, 36)
        if len(self.evse_id) > 48:
            raise too_long("evse_id", self.evse_id, 48)
        if len(self.connector_id) > 36:
            raise too_long("connector_id", self.connector_id, 36)


@attrs.define(kw_only=True)
class CdrToken:
    """The identifying fields of the Token used for a session."""

    country_code: str = attrs.field(metadata={"max_length": 2})
    """ISO-3166 alpha-2 country code of the eMSP owning the Token."""

    party_id: str = attrs.field(metadata={"max_length": 3})
    """Party ID of the eMSP owning the Token."""

    uid: str = attrs.field(metadata={"max_length": 36})
    """Identifier the CPO system uses for the token (e.g. RFID hidden ID, or eMSP-generated ID
    for APP_USER)."""

    type: TokenType
    """Type of the token."""

    contract_id: str = attrs.field(metadata={"max_length": 36})
    """Identifier of the driver contract in the eMSP platform (eMA ID format of
    evroaming.org/contract-evse-ids recommended)."""

    def __attrs_post_init__(self) -> None:
        if len(self.country_code) > 2:
            raise too_long("country_code", self.country_code, 2)
        if len(self.party_id) > 3:
            raise too_long("party_id", self.party_id, 3)
        if len(self.uid) > 36:
            raise too_long("uid", self.uid, 36)
        if len(self.contract_id) > 36:
            raise too_long("contract_id", self.contract_id, 36)


@attrs.define(kw_only=True)
class ChargingPeriod:
    """A period of a session, from its start until the next period starts, with the values that
    apply to it."""

    start_date_time: datetime
    """Start of the period; it lasts until the next period (or the session end)."""

    dimensions: list[CdrDimension] = attrs.field(metadata={"min_items": 1})
    """Values measured in this period."""

    tariff_id: str | None = attrs.field(default=None, metadata={"max_length": 36})
    """Id of the Tariff that applies in this period; none applies when absent."""

    def __attrs_post_init__(self) -> None:
        if len(self.dimensions) < 1:
            raise too_few("dimensions", 1)
        if self.tariff_id is not None and len(self.tariff_id) > 36:
            raise too_long("tariff_id", self.tariff_id, 36)


@attrs.define(kw_only=True)
class SignedData:
    """Signed meter data of a session: encoding, optional public key and the signed values."""

    encoding_method: str = attrs.field(metadata={"max_length": 36})
    """Name of the encoding used for the signed values (e.g. OCMF)."""

    encoding_method_version: int | None = None
    """Version of the encoding method, when applicable."""

    public_key: str | None = attrs.field(default=None, metadata={"max_length": 512})
    """Base64-encoded public key used for signing."""

    signed_values: list[SignedValue] = attrs.field(metadata={"min_items": 1})
    """The signed values."""

    url: str | None = attrs.field(default=None, metadata={"max_length": 512})
    """URL a driver can use to verify the signed data."""

    def __attrs_post_init__(self) -> None:
        if len(self.encoding_method) > 36:
            raise too_long("encoding_method", self.encoding_method, 36)
        if self.public_key is not None and len(self.public_key) > 512:
            raise too_long("public_key", self.public_key, 512)
        if len(self.signed_values) < 1:
            raise too_few("signed_values", 1)
        if self.url is not None and len(self.url) > 512:
            raise too_long("url", self.url, 512)


@attrs.define(kw_only=True)
class SignedValue:
    """One signed value with its plain counterpart."""

    nature: str = attrs.field(metadata={"max_length": 32})
    """Event the value belongs to, e.g. Start, End, Intermediate."""

    plain_data: str = attrs.field(metadata={"max_length": 5000})
    """Unencoded data; format given by the encoding method."""

    signed_data: str = attrs.field(metadata={"max_length": 5000})
    """Base64-encoded signed data; format given by the encoding method."""

    def __attrs_post_init__(self) -> None:
        if len(self.nature) > 32:
            raise too_long("nature", self.nature, 32)
        if len(self.plain_data) > 5000:
            raise too_long("plain_data", self.plain_data, 5000)
        if len(self.signed_data) > 5000:
            raise too_long("signed_data", self.signed_data, 5000)
