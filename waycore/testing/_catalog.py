"""The few institutions the sandbox knows, and how it reads a bank's login portal URL.

Shared data, not a resource: connections use it today, an institutions resource can serve it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final, NamedTuple
from urllib.parse import urlsplit, urlunsplit

__all__ = ["CATALOG", "Institution", "normalize_portal_url", "portal_slug"]


class Institution(NamedTuple):
    """A bank of the catalog: display name and login portal."""

    name: str
    portal_url: str


# Any other slug is accepted, as the real API accepts institutions the SDK never heard of.
CATALOG: Final[Mapping[str, Institution]] = {
    "chase": Institution("Chase", "https://secure.chase.com/web/auth/dashboard"),
    "bofa": Institution(
        "Bank of America", "https://secure.bankofamerica.com/login/sign-in/signOnV2Screen.go"
    ),
    "wells_fargo": Institution(
        "Wells Fargo", "https://connect.secure.wellsfargo.com/auth/login/present"
    ),
    "svb": Institution("Silicon Valley Bank", "https://online.svb.com/login"),
    "citi": Institution("Citibank", "https://online.citi.com/US/login.do"),
    "mercury": Institution("Mercury", "https://app.mercury.com/login"),
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
