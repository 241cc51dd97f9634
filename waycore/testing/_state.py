"""The sandbox's connection state machine: no sockets, no threads, no timers.

Every transition is driven by a request (or by the test-control API), never by the wall
clock, so a test that replays the same calls always sees the same states. The store is not
thread-safe on its own: the HTTP layer holds one lock around every call into it.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import json
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, Literal
from urllib.parse import urlsplit, urlunsplit

__all__ = [
    "CONNECTION_STATUSES",
    "UNSET",
    "ApiError",
    "ConnectionRecord",
    "ConnectionStore",
    "Unset",
]

CONNECTION_STATUSES: Final = (
    "draft",
    "pendingActivation",
    "active",
    "reauthRequired",
    "errored",
    "paused",
    "revoked",
)
LIST_LIMIT_MIN: Final = 1
LIST_LIMIT_MAX: Final = 500
LIST_LIMIT_DEFAULT: Final = 100

# The canonical 8-4-4-4-12 form only: uuid.UUID() also accepts braces, URNs and bare hex,
# which JSON Schema's "uuid" format (what the spec promises) does not.
_UUID_RE: Final = re.compile(
    r"\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z"
)
_LIMIT_RE: Final = re.compile(r"\A[0-9]{1,4}\Z")

# (display name, login portal) of the few institutions the sandbox knows; any other slug is
# accepted, as the real API accepts institutions the SDK has never heard of.
_CATALOG: Final[Mapping[str, tuple[str, str]]] = {
    "chase": ("Chase", "https://secure.chase.com/web/auth/dashboard"),
    "bofa": ("Bank of America", "https://secure.bankofamerica.com/login/sign-in/signOnV2Screen.go"),
    "wells_fargo": ("Wells Fargo", "https://connect.secure.wellsfargo.com/auth/login/present"),
    "svb": ("Silicon Valley Bank", "https://online.svb.com/login"),
    "citi": ("Citibank", "https://online.citi.com/US/login.do"),
    "mercury": ("Mercury", "https://app.mercury.com/login"),
}


class Unset(enum.Enum):
    """Marks a test-control argument that was not given (``None`` is a meaningful value)."""

    UNSET = enum.auto()


UNSET: Final = Unset.UNSET


class ApiError(Exception):
    """A request the API refuses; rendered as ``{"error": {"code", "message", "requestId"}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        """Keep the HTTP status, the machine-readable code and the human message."""
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def format_timestamp(value: datetime) -> str:
    """RFC 3339 in UTC with a ``Z`` suffix, millisecond precision."""
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(eq=False)
class ConnectionRecord:
    """One connection as the sandbox stores it; :meth:`to_json` renders the API shape."""

    seq: int
    id: str
    entity_id: str
    institution_id: str | None
    portal_url: str | None
    institution_name: str | None
    # Create-or-return matches portal-only connections on their portal, even after
    # activation has given them an institution id.
    created_from_portal: bool
    created_at: datetime
    updated_at: datetime
    instructions: dict[str, str | None]
    kind: Literal["setup", "ready"] = "setup"
    status: str = "draft"
    metadata: dict[str, Any] = field(default_factory=dict)
    setup_status: str = "awaitingDelegatedUserCreation"
    action_required_by: str = "endUser"
    next_action: str = "createDelegatedUser"
    bank_username: str | None = None
    bank_customer_id: str | None = None
    password: str | None = field(default=None, repr=False)
    sync_status: str = "idle"
    last_synced_at: datetime | None = None
    error_code: str | None = None
    error_message: str | None = None
    # GETs left before a pending activation / running sync completes; None when nothing is
    # pending. Counting reads instead of seconds keeps tests deterministic.
    activation_countdown: int | None = None
    sync_countdown: int | None = None

    @property
    def credentials_present(self) -> bool:
        """Whether any credential was handed over and not cleared since."""
        return any(
            v is not None for v in (self.bank_username, self.bank_customer_id, self.password)
        )

    def to_json(self) -> dict[str, Any]:
        """The connection as the API returns it (camelCase; never the password)."""
        common: dict[str, Any] = {
            "id": self.id,
            "entityId": self.entity_id,
            "institutionId": self.institution_id,
            "status": self.status,
        }
        if self.kind == "ready":
            return {
                **common,
                "syncStatus": self.sync_status,
                "createdAt": format_timestamp(self.created_at),
                "updatedAt": format_timestamp(self.updated_at),
                "kind": "ready",
                "portalUrl": self.portal_url,
                "institutionName": self.institution_name,
                "lastSyncedAt": (
                    None if self.last_synced_at is None else format_timestamp(self.last_synced_at)
                ),
                "errorCode": self.error_code,
                "errorMessage": self.error_message,
                "metadata": dict(self.metadata),
            }
        return {
            **common,
            "createdAt": format_timestamp(self.created_at),
            "updatedAt": format_timestamp(self.updated_at),
            "kind": "setup",
            "portalUrl": self.portal_url,
            "institutionName": self.institution_name,
            "metadata": dict(self.metadata),
            "setup": {
                "status": self.setup_status,
                "instructions": dict(self.instructions),
                "credentialsPresent": self.credentials_present,
                "actionRequiredBy": self.action_required_by,
                "nextAction": self.next_action,
            },
        }


def _validation_error(message: str) -> ApiError:
    return ApiError(422, "validation_error", message)


def _normalize_portal_url(value: str) -> str | None:
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


def _portal_slug(portal_url: str) -> str:
    """An institution id for a portal-only connection once Waycore has matched its bank."""
    host = urlsplit(portal_url).hostname or "portal"
    return re.sub(r"[^a-z0-9]+", "_", host.lower()).strip("_") or "portal"


def _instructions(connection_id: str) -> dict[str, str | None]:
    # Derived from the id so the same connection always shows the same delegated user.
    tag = connection_id[-6:]
    phone_suffix = int(connection_id[-4:], 16) % 10_000
    return {
        "firstName": "Waycore",
        "lastName": "Delegate",
        "address": "123 Market St, San Francisco, CA 94105",
        "email": f"delegate.{tag}@users.waycore.com",
        "username": f"waycore_{tag}",
        "phoneNumber": f"+1415555{phone_suffix:04d}",
        "emailProvisioningStatus": "pending",
        "phoneNumberProvisioningStatus": "pending",
    }


class ConnectionStore:
    """All connections of one sandbox, and every state transition the API allows."""

    def __init__(
        self, *, activation_polls: int = 1, clock: Callable[[], datetime] = _utcnow
    ) -> None:
        """``activation_polls``: reads that still see ``pendingActivation`` after completion."""
        if activation_polls < 0:
            raise ValueError("activation_polls must be >= 0")
        self.activation_polls = activation_polls
        self._clock = clock
        self._connections: dict[str, ConnectionRecord] = {}
        # Never reset, so a cursor from before reset() cannot point into the new data.
        self._next_seq = 1

    # -- test control ---------------------------------------------------------------------

    def reset(self) -> None:
        """Forget every connection."""
        self._connections.clear()

    def __contains__(self, connection_id: object) -> bool:
        """Whether a connection with this id exists."""
        return connection_id in self._connections

    def peek(self, connection_id: str) -> dict[str, Any]:
        """Render a connection without counting as a GET."""
        return self._get_record(connection_id).to_json()

    def set_state(
        self,
        connection_id: str,
        *,
        status: str | None = None,
        kind: Literal["setup", "ready"] | None = None,
        sync_status: str | None = None,
        error_code: str | Unset | None = UNSET,
        error_message: str | Unset | None = UNSET,
        last_synced_at: datetime | Unset | None = UNSET,
        metadata: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Force a connection into a state; see :meth:`waycore.testing.Sandbox.set_state`."""
        record = self._get_record(connection_id)
        if kind is not None:
            if kind == "ready":
                self._make_ready(record)
            elif kind == "setup":
                if record.kind != "setup":
                    raise ValueError("a ready connection cannot go back to kind='setup'")
            else:
                raise ValueError(f"kind must be 'setup' or 'ready', not {kind!r}")
        if status is not None:
            record.status = status
            record.activation_countdown = None
        if sync_status is not None:
            if record.kind != "ready":
                raise ValueError("only kind='ready' connections have a syncStatus")
            record.sync_status = sync_status
            record.sync_countdown = None
        if not isinstance(error_code, Unset):
            record.error_code = error_code
        if not isinstance(error_message, Unset):
            record.error_message = error_message
        if not isinstance(last_synced_at, Unset):
            if last_synced_at is not None and last_synced_at.tzinfo is None:
                raise ValueError("last_synced_at must be timezone-aware")
            record.last_synced_at = last_synced_at
        if metadata is not None:
            record.metadata = dict(metadata)
        self._touch(record)
        return record.to_json()

    # -- API operations -------------------------------------------------------------------

    def create(self, body: object) -> tuple[int, dict[str, Any]]:
        """``POST /connections``: (201, new connection) or (200, the existing one)."""
        if not isinstance(body, dict):
            raise _validation_error("The request body must be a JSON object.")
        entity_id = body.get("entityId")
        if not isinstance(entity_id, str) or not _UUID_RE.match(entity_id):
            raise _validation_error("entityId is required and must be a UUID string.")
        entity_id = entity_id.lower()

        institution_id: str | None = None
        if "institutionId" in body:
            raw_institution = body["institutionId"]
            if not isinstance(raw_institution, str) or not raw_institution:
                raise _validation_error("institutionId must be a non-empty string.")
            institution_id = raw_institution

        portal_url: str | None = None
        raw_portal = body.get("portalUrl")
        if raw_portal is not None:
            if not isinstance(raw_portal, str):
                raise _validation_error("portalUrl must be a string or null.")
            portal_url = _normalize_portal_url(raw_portal)
            if portal_url is None:
                raise _validation_error("portalUrl must be an absolute https URL.")

        if institution_id is None and portal_url is None:
            raise _validation_error("Either institutionId or portalUrl is required.")

        for record in self._connections.values():
            if record.entity_id != entity_id:
                continue
            if institution_id is not None:
                if not record.created_from_portal and record.institution_id == institution_id:
                    return 200, record.to_json()
            elif record.created_from_portal and record.portal_url == portal_url:
                return 200, record.to_json()

        catalog_entry = _CATALOG.get(institution_id) if institution_id is not None else None
        if portal_url is None and catalog_entry is not None:
            portal_url = catalog_entry[1]
        connection_id = "conn_" + secrets.token_hex(12)
        now = self._clock()
        record = ConnectionRecord(
            seq=self._next_seq,
            id=connection_id,
            entity_id=entity_id,
            institution_id=institution_id,
            portal_url=portal_url,
            institution_name=catalog_entry[0] if catalog_entry is not None else None,
            created_from_portal=institution_id is None,
            created_at=now,
            updated_at=now,
            instructions=_instructions(connection_id),
        )
        self._next_seq += 1
        self._connections[connection_id] = record
        return 201, record.to_json()

    def list(self, query: Mapping[str, str]) -> dict[str, Any]:
        """``GET /connections``: one page, newest first (as the spec says), without ``meta``."""
        limit = LIST_LIMIT_DEFAULT
        if "limit" in query:
            raw_limit = query["limit"]
            if not _LIMIT_RE.match(raw_limit) or not (
                LIST_LIMIT_MIN <= int(raw_limit) <= LIST_LIMIT_MAX
            ):
                raise ApiError(
                    400,
                    "invalid_limit",
                    f"limit must be an integer from {LIST_LIMIT_MIN} to {LIST_LIMIT_MAX}.",
                )
            limit = int(raw_limit)
        status = query.get("status")
        if status is not None and status not in CONNECTION_STATUSES:
            raise ApiError(
                400, "invalid_parameter", "status must be one of " + ", ".join(CONNECTION_STATUSES)
            )
        entity_id = query.get("entityId")
        if entity_id is not None:
            if not _UUID_RE.match(entity_id):
                raise ApiError(400, "invalid_parameter", "entityId must be a UUID.")
            entity_id = entity_id.lower()
        institution_id = query.get("institutionId")

        filters_hash = _filters_hash(status, institution_id, entity_id)
        before: int | None = None
        if "cursor" in query:
            before = _decode_cursor(query["cursor"], filters_hash)

        matching = [
            record
            for record in reversed(self._connections.values())
            if (before is None or record.seq < before)
            and (status is None or record.status == status)
            and (institution_id is None or record.institution_id == institution_id)
            and (entity_id is None or record.entity_id == entity_id)
        ]
        page = matching[:limit]
        has_more = len(matching) > limit
        data = [self._observe(record) for record in page]
        return {
            "data": data,
            "pagination": {
                "hasMore": has_more,
                "nextCursor": _encode_cursor(page[-1].seq, filters_hash) if has_more else None,
            },
        }

    def retrieve(self, connection_id: str) -> dict[str, Any]:
        """``GET /connections/{id}``; a read advances pending activations and syncs."""
        return self._observe(self._get_record(connection_id))

    def update_credentials(self, connection_id: str, body: object) -> dict[str, Any]:
        """``PUT /connections/{id}/credentials``: store them; a ready connection is unchanged."""
        record = self._get_record(connection_id)
        if not isinstance(body, dict):
            raise _validation_error("The request body must be a JSON object.")
        updates: dict[str, str | None] = {}
        for name in ("bankUsername", "bankCustomerId", "password"):
            if name in body:
                value = body[name]
                if value is not None and not isinstance(value, str):
                    raise _validation_error(f"{name} must be a string or null.")
                updates[name] = value
        # A field left out keeps its value; an explicit null clears it.
        if "bankUsername" in updates:
            record.bank_username = updates["bankUsername"]
        if "bankCustomerId" in updates:
            record.bank_customer_id = updates["bankCustomerId"]
        if "password" in updates:
            record.password = updates["password"]
        if record.kind == "setup" and updates:
            record.next_action = (
                "completeSetup" if record.credentials_present else "createDelegatedUser"
            )
            self._touch(record)
        return record.to_json()

    def complete_setup(self, connection_id: str) -> dict[str, Any]:
        """``PUT /connections/{id}/setupCompletion``: ready, ``pendingActivation``."""
        record = self._get_record(connection_id)
        if record.kind == "ready":
            return record.to_json()
        if not record.credentials_present:
            raise ApiError(
                409, "credentials_missing", "Provide the bank credentials before completing setup."
            )
        self._make_ready(record)
        record.status = "pendingActivation"
        record.activation_countdown = self.activation_polls
        self._touch(record)
        rendered = record.to_json()
        self._advance(record)
        return rendered

    def sync(self, connection_id: str) -> None:
        """``PUT /connections/{id}/sync``: start a sync that ends after the next read."""
        record = self._get_record(connection_id)
        if record.kind != "ready" or record.status != "active":
            raise ApiError(
                409, "connection_not_ready", "Only active, ready connections can be synced."
            )
        if record.sync_status == "syncing":
            raise ApiError(409, "sync_in_progress", "A sync is already running.")
        record.sync_status = "syncing"
        record.sync_countdown = 1
        self._touch(record)

    # -- internals ------------------------------------------------------------------------

    def _get_record(self, connection_id: str) -> ConnectionRecord:
        record = self._connections.get(connection_id)
        if record is None:
            raise ApiError(404, "not_found", "Connection not found.")
        return record

    def _touch(self, record: ConnectionRecord) -> None:
        record.updated_at = max(self._clock(), record.created_at)

    def _make_ready(self, record: ConnectionRecord) -> None:
        if record.kind == "ready":
            return
        record.kind = "ready"
        if record.institution_id is None:
            # ReadyConnection requires an institution id; the sandbox "matches" the portal.
            record.institution_id = _portal_slug(record.portal_url or "")
        record.sync_status = "idle"
        record.last_synced_at = None
        record.error_code = None
        record.error_message = None

    def _observe(self, record: ConnectionRecord) -> dict[str, Any]:
        # Render first, then advance: the read that uses up a countdown still sees the old
        # state, and the change is visible to every later request.
        rendered = record.to_json()
        for attribute in ("activation_countdown", "sync_countdown"):
            countdown = getattr(record, attribute)
            if countdown is not None and countdown > 0:
                setattr(record, attribute, countdown - 1)
        self._advance(record)
        return rendered

    def _advance(self, record: ConnectionRecord) -> None:
        if record.activation_countdown == 0:
            record.activation_countdown = None
            if record.status == "pendingActivation":
                record.status = "active"
                self._touch(record)
        if record.sync_countdown == 0:
            record.sync_countdown = None
            if record.sync_status == "syncing":
                record.sync_status = "idle"
                record.last_synced_at = self._clock()
                self._touch(record)


def _filters_hash(status: str | None, institution_id: str | None, entity_id: str | None) -> str:
    canonical = json.dumps([status, institution_id, entity_id])
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _encode_cursor(before: int, filters_hash: str) -> str:
    payload = json.dumps({"b": before, "q": filters_hash}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, filters_hash: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
    except (ValueError, binascii.Error, RecursionError):
        raise ApiError(400, "invalid_cursor", "The cursor is not valid.") from None
    before = payload.get("b") if isinstance(payload, dict) else None
    if type(before) is not int or before < 1 or not isinstance(payload.get("q"), str):
        raise ApiError(400, "invalid_cursor", "The cursor is not valid.")
    if payload["q"] != filters_hash:
        raise ApiError(
            400, "invalid_cursor", "The cursor belongs to a query with different filters."
        )
    return before
