"""Static facts the generator draws from: countries, cities, streets, names, prices of the land.

Coordinates are approximate city centres (WGS 84); postal code ranges are the real ranges of the
city's own codes. Company names are made up and their web sites use the reserved ``.example``
domain, so nothing generated points at a real business.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CITIES",
    "COUNTRIES",
    "DIRECTIONS",
    "EMSP_BRANDS",
    "ENERGY_PRODUCTS",
    "GARAGE_WORDS",
    "LEGAL_FORMS",
    "OPERATOR_BRANDS",
    "RETAILERS",
    "STREETS",
    "City",
    "Country",
    "EnergyProduct",
]


@dataclass(frozen=True, slots=True)
class Country:
    """A country the network may have sites in."""

    alpha2: str
    alpha3: str
    time_zone: str
    vat: float  # standard VAT rate, percent
    calling_code: str  # international dialling code, without the plus


@dataclass(frozen=True, slots=True)
class City:
    """A city with its centre, postal code range, language of its street names and a motorway."""

    name: str
    code: str  # three letters used in Location ids
    country: str  # alpha-2
    latitude: float
    longitude: float
    postal_low: int
    postal_high: int
    postal_style: str  # "nl" (1234 AB), "at-vienna" (1 + district + 0) or the number of digits
    language: str
    motorway: str


@dataclass(frozen=True, slots=True)
class EnergyProduct:
    """An electricity product a CPO may buy: supplier, product and its source mix (percent)."""

    supplier: str
    product: str
    sources: tuple[tuple[str, int], ...]
    co2_g_per_kwh: float
    nuclear_waste_g_per_kwh: float

    @property
    def green(self) -> bool:
        """Whether every source is renewable."""
        return all(s in {"GENERAL_GREEN", "SOLAR", "WIND", "WATER"} for s, _ in self.sources)


COUNTRIES: dict[str, Country] = {
    c.alpha2: c
    for c in (
        Country("NL", "NLD", "Europe/Amsterdam", 21.0, "31"),
        Country("DE", "DEU", "Europe/Berlin", 19.0, "49"),
        Country("BE", "BEL", "Europe/Brussels", 21.0, "32"),
        Country("FR", "FRA", "Europe/Paris", 20.0, "33"),
        Country("AT", "AUT", "Europe/Vienna", 20.0, "43"),
        Country("IT", "ITA", "Europe/Rome", 22.0, "39"),
        Country("ES", "ESP", "Europe/Madrid", 21.0, "34"),
        Country("LU", "LUX", "Europe/Luxembourg", 17.0, "352"),
    )
}

CITIES: tuple[City, ...] = (
    City("Amsterdam", "AMS", "NL", 52.3600, 4.8850, 1011, 1109, "nl", "nl", "A10"),
    City("Rotterdam", "RTM", "NL", 51.9244, 4.4777, 3011, 3089, "nl", "nl", "A20"),
    City("Utrecht", "UTC", "NL", 52.0907, 5.1214, 3511, 3585, "nl", "nl", "A2"),
    City("Den Haag", "HAG", "NL", 52.0705, 4.3007, 2491, 2597, "nl", "nl", "A12"),
    City("Eindhoven", "EIN", "NL", 51.4416, 5.4697, 5611, 5658, "nl", "nl", "A2"),
    City("Groningen", "GRQ", "NL", 53.2194, 6.5665, 9711, 9747, "nl", "nl", "A7"),
    City("Berlin", "BER", "DE", 52.5200, 13.4050, 10115, 14199, "5", "de", "A100"),
    City("München", "MUC", "DE", 48.1351, 11.5820, 80331, 81929, "5", "de", "A9"),
    City("Hamburg", "HAM", "DE", 53.5511, 9.9937, 20095, 22769, "5", "de", "A7"),
    City("Köln", "CGN", "DE", 50.9375, 6.9603, 50667, 51149, "5", "de", "A1"),
    City("Frankfurt am Main", "FRA", "DE", 50.1109, 8.6821, 60306, 60599, "5", "de", "A5"),
    City("Stuttgart", "STR", "DE", 48.7758, 9.1829, 70173, 70629, "5", "de", "A8"),
    City("Brussel", "BRU", "BE", 50.8503, 4.3517, 1000, 1210, "4", "fr", "R0"),
    City("Antwerpen", "ANR", "BE", 51.2194, 4.4025, 2000, 2660, "4", "nl", "E19"),
    City("Gent", "GNE", "BE", 51.0543, 3.7174, 9000, 9052, "4", "nl", "E40"),
    City("Liège", "LGG", "BE", 50.6326, 5.5797, 4000, 4032, "4", "fr", "E25"),
    City("Paris", "PAR", "FR", 48.8566, 2.3522, 75001, 75020, "5", "fr", "A1"),
    City("Lyon", "LYS", "FR", 45.7640, 4.8357, 69001, 69009, "5", "fr", "A7"),
    City("Marseille", "MRS", "FR", 43.3050, 5.3950, 13001, 13016, "5", "fr", "A7"),
    City("Toulouse", "TLS", "FR", 43.6047, 1.4442, 31000, 31500, "5", "fr", "A61"),
    City("Nantes", "NTE", "FR", 47.2184, -1.5536, 44000, 44300, "5", "fr", "A11"),
    City("Wien", "VIE", "AT", 48.2082, 16.3738, 1, 23, "at-vienna", "de", "A23"),
    City("Graz", "GRZ", "AT", 47.0707, 15.4395, 8010, 8055, "4", "de", "A2"),
    City("Linz", "LNZ", "AT", 48.3069, 14.2858, 4020, 4040, "4", "de", "A7"),
    City("Milano", "MIL", "IT", 45.4642, 9.1900, 20121, 20162, "5", "it", "A4"),
    City("Roma", "ROM", "IT", 41.9028, 12.4964, 118, 199, "5", "it", "A1"),
    City("Torino", "TRN", "IT", 45.0703, 7.6869, 10121, 10156, "5", "it", "A4"),
    City("Madrid", "MAD", "ES", 40.4168, -3.7038, 28001, 28055, "5", "es", "M-30"),
    City("Barcelona", "BCN", "ES", 41.3950, 2.1600, 8001, 8042, "5", "es", "AP-7"),
    City("Valencia", "VLC", "ES", 39.4699, -0.3763, 46001, 46026, "5", "es", "V-21"),
    City("Luxembourg", "LUX", "LU", 49.6116, 6.1319, 1009, 2999, "4", "fr", "A1"),
)

# Street names by language; addresses are written the way the language writes them.
STREETS: dict[str, tuple[str, ...]] = {
    "nl": (
        "Stationsplein",
        "Kerkstraat",
        "Dorpsstraat",
        "Molenweg",
        "Parallelweg",
        "Julianalaan",
        "Beatrixlaan",
        "Marktplein",
        "Industrieweg",
        "Havenstraat",
        "Schoolstraat",
        "Nieuwstraat",
    ),
    "de": (
        "Hauptstraße",
        "Bahnhofstraße",
        "Schillerstraße",
        "Goethestraße",
        "Lindenallee",
        "Marktplatz",
        "Gartenstraße",
        "Industriestraße",
        "Kirchweg",
        "Mühlenweg",
        "Ringstraße",
        "Am Stadtpark",
    ),
    "fr": (
        "Rue de la République",
        "Avenue Jean Jaurès",
        "Rue Victor Hugo",
        "Boulevard Gambetta",
        "Place de la Gare",
        "Rue Pasteur",
        "Avenue de la Libération",
        "Rue du Marché",
        "Rue de l'Église",
        "Quai des Marchands",
    ),
    "it": (
        "Via Roma",
        "Via Garibaldi",
        "Corso Italia",
        "Via Dante",
        "Via Mazzini",
        "Viale della Stazione",
        "Piazza Cavour",
        "Via Verdi",
    ),
    "es": (
        "Calle Mayor",
        "Avenida de la Constitución",
        "Calle Real",
        "Paseo de la Estación",
        "Calle de Alcalá",
        "Plaza de España",
        "Calle del Sol",
        "Avenida de Andalucía",
    ),
}

# "Parking garage" in the city's language, for garage names.
GARAGE_WORDS: dict[str, str] = {
    "nl": "Parkeergarage",
    "de": "Parkhaus",
    "fr": "Parking",
    "it": "Parcheggio",
    "es": "Aparcamiento",
}

# Directions to the chargers of a garage, with ``{level}`` for the floor.
DIRECTIONS: dict[str, str] = {
    "en": "Charging spots on level {level}, follow the EV signs.",
    "nl": "Laadplekken op niveau {level}, volg de borden.",
    "de": "Ladeplätze auf Ebene {level}, bitte der Beschilderung folgen.",
    "fr": "Places de recharge au niveau {level}, suivre les panneaux.",
    "it": "Posti di ricarica al piano {level}, seguire i cartelli.",
    "es": "Plazas de recarga en la planta {level}, siga las señales.",
}

LEGAL_FORMS: dict[str, str] = {
    "NL": "B.V.",
    "DE": "GmbH",
    "BE": "NV",
    "FR": "SAS",
    "AT": "GmbH",
    "IT": "S.r.l.",
    "ES": "S.L.",
    "LU": "S.A.",
}

OPERATOR_BRANDS: tuple[str, ...] = (
    "Voltway",
    "Stroomnet",
    "Ampora",
    "ChargeLine",
    "Eluxa",
    "Wattlas",
)
EMSP_BRANDS: tuple[str, ...] = ("PlugPay", "Roamly", "Chargecard Europe", "Wattwallet")
RETAILERS: tuple[str, ...] = ("FreshMart", "HomeBuild", "CityMall", "Bricoplaza")

ENERGY_PRODUCTS: tuple[EnergyProduct, ...] = (
    EnergyProduct("Noordzee Stroom", "Hollandse Wind", (("WIND", 100),), 0.0, 0.0),
    EnergyProduct("Solaris Energie", "Zon & Wind", (("SOLAR", 55), ("WIND", 45)), 0.0, 0.0),
    EnergyProduct("Alpenkraft", "Alpine Hydro", (("WATER", 90), ("WIND", 10)), 0.0, 0.0),
    EnergyProduct(
        "Eurogrid Supply",
        "Standard Mix",
        (("NUCLEAR", 22), ("GAS", 31), ("COAL", 12), ("WIND", 25), ("SOLAR", 10)),
        298.0,
        0.0006,
    ),
    EnergyProduct(
        "Continental Power",
        "Basis Strom",
        (("GENERAL_FOSSIL", 40), ("NUCLEAR", 15), ("GENERAL_GREEN", 45)),
        335.0,
        0.0004,
    ),
)
