"""Spec references the entries share (chapter file and section title of each version)."""

from ocpi_sdk.check.model import SpecRef

VERSIONS_LIST = SpecRef("version_information_endpoint", "Version information endpoint")
VERSION_DETAILS = SpecRef("version_information_endpoint", "Version details endpoint")
ENDPOINT_CLASS = {
    "2.1.1": SpecRef("version_information_endpoint", "Endpoint *class*"),
    "2.2.1": SpecRef("version_information_endpoint", "Endpoint _class_"),
    "2.3.0": SpecRef("version_information_endpoint", "Endpoint _class_"),
}
CUSTOM_MODULES = SpecRef("version_information_endpoint", "Custom Modules")
RESPONSE_FORMAT = {
    "2.1.1": SpecRef("transport_and_format", "Response format"),
    "2.2.1": SpecRef("transport_and_format", "Response format"),
    "2.3.0": SpecRef("transport_and_format", "Response format"),
}
AUTH = {
    "2.1.1": SpecRef("transport_and_format", "Security and authentication"),
    "2.2.1": SpecRef("transport_and_format", "Authorization header"),
    "2.3.0": SpecRef("transport_and_format", "Authorization header"),
}
UNIQUE_IDS = SpecRef("transport_and_format", "Unique message IDs")
PAGINATED_REQUEST = SpecRef("transport_and_format", "Paginated Request")
PAGINATED_RESPONSE = SpecRef("transport_and_format", "Paginated Response")
PAGINATION_EXAMPLES = SpecRef("transport_and_format", "Pagination Examples")
DATETIME = {
    "2.1.1": SpecRef("types", "1.2 DateTime *type*"),
    "2.2.1": SpecRef("types", "DateTime _type_"),
    "2.3.0": SpecRef("types", "DateTime _type_"),
}
CREDENTIALS_GET = {
    "2.1.1": SpecRef("credentials", "1.1 __GET__ Method"),
    "2.2.1": SpecRef("credentials", "*GET* Method"),
    "2.3.0": SpecRef("credentials", "*GET* Method"),
}
CREDENTIALS_OBJECT = {
    "2.1.1": SpecRef("credentials", "2.1 Credentials object"),
    "2.2.1": SpecRef("credentials", "Credentials object"),
    "2.3.0": SpecRef("credentials", "Credentials object"),
}
REGISTRATION = {
    "2.1.1": SpecRef("credentials", "3.1 Registration"),
    "2.2.1": SpecRef("credentials", "Registration"),
    "2.3.0": SpecRef("credentials", "Registration"),
}
STATUS_2XXX = {
    "2.1.1": SpecRef("status_codes", "2xxx: Client errors"),
    "2.2.1": SpecRef("status_codes", "2xxx: Client errors"),
    "2.3.0": SpecRef("status_codes", "2xxx: Client errors"),
}
ROUTING_HEADERS = SpecRef("transport_and_format", "Message Routing Headers")


def module_ref(module: str, section: str, section_211: str | None = None) -> dict[str, SpecRef]:
    """A section of a module's chapter; 2.1.1 numbers its sections and names interfaces by
    role (``2.1 CPO Interface``) where 2.2+ says ``Sender Interface``."""
    chapter = {
        "hubclientinfo": "mod_hub_client_info",
        "chargingprofiles": "mod_charging_profiles",
    }.get(module, f"mod_{module}")
    return {
        "2.1.1": SpecRef(chapter, section_211 or section),
        "2.2.1": SpecRef(chapter, section),
        "2.3.0": SpecRef(chapter, section),
    }
