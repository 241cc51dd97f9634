"""The few institutions the sandbox knows, and how it reads a bank's login portal URL.

Shared data, not a resource: connections name their bank from it, ``_institutions`` serves it
and ``_ledger`` shapes a connection's accounts after it (currencies, routing number, SWIFT/BIC).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final, NamedTuple
from urllib.parse import urlsplit, urlunsplit

__all__ = ["CATALOG", "Institution", "normalize_portal_url", "portal_slug"]


class Institution(NamedTuple):
    """A bank of the catalog: display name, login portal and how its accounts look."""

    name: str
    portal_url: str
    #: Currency of the operating (checking) account, then of the reserve (savings) account.
    currencies: tuple[str, str] = ("USD", "EUR")
    #: ABA routing number of its US accounts (None for a bank without US accounts).
    routing_number: str | None = None
    swift_bic: str | None = None

    @property
    def portal_domain(self) -> str:
        """The host of the login portal, e.g. ``secure.chase.com``."""
        return (urlsplit(self.portal_url).hostname or "").lower()


# Any other slug is accepted, as the real API accepts institutions the SDK never heard of.
CATALOG: Final[Mapping[str, Institution]] = {
    "chase": Institution(
        "Chase",
        "https://secure.chase.com/web/auth/dashboard",
        routing_number="021000021",
        swift_bic="CHASUS33",
    ),
    "bofa": Institution(
        "Bank of America",
        "https://secure.bankofamerica.com/login/sign-in/signOnV2Screen.go",
        routing_number="026009593",
        swift_bic="BOFAUS3N",
    ),
    "wells_fargo": Institution(
        "Wells Fargo",
        "https://connect.secure.wellsfargo.com/auth/login/present",
        routing_number="121000248",
        swift_bic="WFBIUS6S",
    ),
    "svb": Institution(
        "Silicon Valley Bank",
        "https://online.svb.com/login",
        routing_number="121140399",
        swift_bic="SVBKUS6S",
    ),
    "citi": Institution(
        "Citibank",
        "https://online.citi.com/US/login.do",
        routing_number="021000089",
        swift_bic="CITIUS33",
    ),
    "mercury": Institution("Mercury", "https://app.mercury.com/login", routing_number="084106768"),
    "deutsche_bank": Institution(
        "Deutsche Bank",
        "https://meine.deutsche-bank.de/trxm/db/",
        currencies=("EUR", "USD"),
        swift_bic="DEUTDEFF",
    ),
    "bnp_paribas": Institution(
        "BNP Paribas",
        "https://mabanque.bnpparibas/fr/connexion",
        currencies=("EUR", "GBP"),
        swift_bic="BNPAFRPP",
    ),
}


def normalize_portal_url(value: str) -> str | None:
    """The URL with scheme and host lower-cased, or None unless it is an absolute https URL."""
    if not value or any(ch.isspace() or not ch.isprintable() for ch in value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
        _ = parts.port  # raises on a non-numeric or out-of-range port
    except ValueError:
        return None
    if parts.scheme.lower() != "https" or not host:
        return None
    return urlunsplit(("https", parts.netloc.lower(), parts.path, parts.query, parts.fragment))


def portal_slug(portal_url: str) -> str:
    """An institution id for a portal-only connection once Waycore has matched its bank."""
    host = urlsplit(portal_url).hostname or "portal"
    return re.sub(r"[^a-z0-9]+", "_", host.lower()).strip("_") or "portal"
