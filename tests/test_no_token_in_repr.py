"""A token never shows in a repr: the handshake's records, requests and replies, the generated
Credentials of every version and a Connection print every field but the secrets."""

from __future__ import annotations

from ocpi_sdk import packages
from ocpi_sdk.credentials import (
    CredentialsReply,
    CredentialsRequest,
    PartnerRecord,
    Party,
    PartyRole,
)
from ocpi_sdk.negotiation import Connection

SECRET = "s3cr3t-T0KEN-value"


def test_handshake_objects_hide_their_tokens() -> None:
    shown = [
        PartnerRecord(SECRET, SECRET, "https://p.test/v", "2.2.1", (), {"token": SECRET}),
        Party(SECRET, "https://us.test/v", [PartyRole("CPO", "NL", "CPO", "Us")]),
        CredentialsRequest("POST", "2.2.1", f"Token {SECRET}", {"token": SECRET, "url": "u"}),
        CredentialsRequest("POST", "2.2.1", None, f'{{"token": "{SECRET}"}}'.encode()),
        CredentialsReply(200, {"data": {"token": SECRET, "url": "https://us.test/v"}}),
        Connection("2.2.1", "https://p.test/2.2.1", "https://p.test/v", SECRET, "EMSP", ()),
    ]
    for obj in shown:
        text = repr(obj)
        assert SECRET not in text and "***" in text, text
    assert "https://p.test/v" in repr(shown[0])  # the rest is shown


def test_generated_credentials_hide_the_token_in_every_version() -> None:
    for version in ("2.1.1", "2.2.1", "2.3.0"):
        package = packages.package(version)
        data = {
            "token": SECRET,
            "url": "https://p.test/versions",
            "roles": [
                {
                    "role": "CPO",
                    "party_id": "CPO",
                    "country_code": "NL",
                    "business_details": {"name": "P"},
                }
            ],
        }
        if version == "2.1.1":
            data = {
                "token": SECRET,
                "url": "https://p.test/versions",
                "business_details": {"name": "P"},
                "party_id": "CPO",
                "country_code": "NL",
            }
        credentials = package.loads(data, package.Credentials)
        assert credentials.token == SECRET
        assert SECRET not in repr(credentials) and "https://p.test/versions" in repr(credentials)
