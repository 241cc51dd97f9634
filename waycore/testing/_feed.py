"""The transaction change feed: an append-only event log and the cursors that walk it.

Every transaction write (an activation's backfill, a sync's adds, posts and removals, an
entity's deletion) appends one event. ``GET /transactions/sync`` answers, as documented:

- without a cursor: zero events, ``hasMore: false`` and the *head* cursor (the stream head);
- with a cursor: the events after it (at most ``limit``), ``hasMore`` when more remain, and
  ``nextCursor`` — the position after the last returned event, or the same cursor when there
  was none.

A cursor encodes its position, the stream-defining filters (``accountId``, ``connectionId``)
and when it was issued, with a checksum. A malformed or altered cursor, or one used with
other filters, is 400 ``invalid_cursor``; one issued before the last
:meth:`ChangeFeed.expire_all` (``Sandbox.expire_cursors()``, ``Sandbox.reset()``) or more than
90 days ago is 410 ``cursor_expired``.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from ._common import ApiError, format_timestamp, parse_limit
from ._ledger_records import TransactionRecord

__all__ = ["CURSOR_MAX_AGE", "ChangeEvent", "ChangeFeed"]

#: The documented lifetime of a sync cursor.
CURSOR_MAX_AGE: Final = timedelta(days=90)
INVALID_CURSOR_STATUS: Final = 400
CURSOR_EXPIRED_STATUS: Final = 410
_PREFIX: Final = "sync_"
# Not a secret: the checksum only tells a cursor the sandbox issued from a damaged one.
_SALT: Final = b"waycore-sandbox-sync-cursor-v1"


@dataclass(frozen=True)
class ChangeEvent:
    """One entry of the log; ``transaction`` is the transaction as it was at that moment."""

    seq: int
    type: str  # added | modified | removed
    at: datetime
    transaction_id: str
    account_id: str
    connection_id: str
    transaction: dict[str, Any] | None

    @property
    def event_id(self) -> str:
        """``evt_`` and 24 hex digits, derived from the position (stable for a given log)."""
        return f"evt_{self.seq:024x}"

    def to_json(self) -> dict[str, Any]:
        """The event as the API returns it; a ``removed`` event names only the transaction id."""
        body: dict[str, Any] = {
            "type": self.type,
            "eventId": self.event_id,
            "eventAt": format_timestamp(self.at),
        }
        if self.transaction is None:
            body["transactionId"] = self.transaction_id
        else:
            body["transaction"] = self.transaction
        return body


class ChangeFeed:
    """The event log of one sandbox. Not thread-safe: the app's lock guards every call."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        """An empty log; ``clock`` dates events and cursors."""
        self._clock = clock
        self.events: list[ChangeEvent] = []
        # Positions and generations are never reset, so an old cursor cannot point into new data.
        self._next_seq = 1
        self._generation = 0

    # -- writing --------------------------------------------------------------------------

    def append(self, event_type: str, record: TransactionRecord, at: datetime) -> ChangeEvent:
        """Record that ``record`` was added, modified or removed (a snapshot of it is kept)."""
        event = ChangeEvent(
            seq=self._next_seq,
            type=event_type,
            at=at,
            transaction_id=record.id,
            account_id=record.account_id,
            connection_id=record.connection_id,
            transaction=None if event_type == "removed" else record.to_json(),
        )
        self._next_seq += 1
        self.events.append(event)
        return event

    def expire_all(self) -> None:
        """Make every cursor issued so far answer ``cursor_expired``."""
        self._generation += 1

    def reset(self) -> None:
        """Forget every event; earlier cursors expire (their mirrors must bootstrap again)."""
        self.events.clear()
        self.expire_all()

    # -- reading --------------------------------------------------------------------------

    @property
    def head(self) -> int:
        """The position of the last event ever appended (0 before the first)."""
        return self._next_seq - 1

    def page(self, query: Mapping[str, str], request_id: str) -> dict[str, Any]:
        """``GET /transactions/sync``: one page of the feed (see the module docstring)."""
        limit = parse_limit(query)
        account_id, connection_id = query.get("accountId"), query.get("connectionId")
        filters = _filters_hash(account_id, connection_id)
        meta = {"requestId": request_id}
        if "cursor" not in query:
            cursor = self._encode(self.head, filters)
            return {"events": [], "nextCursor": cursor, "hasMore": False, "meta": meta}
        position = self._decode(query["cursor"], filters)
        start = bisect.bisect_right(self.events, position, key=lambda event: event.seq)
        page: list[ChangeEvent] = []
        has_more = False
        for event in self.events[start:]:
            if (account_id is not None and event.account_id != account_id) or (
                connection_id is not None and event.connection_id != connection_id
            ):
                continue
            if len(page) == limit:
                has_more = True
                break
            page.append(event)
        next_cursor = self._encode(page[-1].seq, filters) if page else query["cursor"]
        return {
            "events": [event.to_json() for event in page],
            "nextCursor": next_cursor,
            "hasMore": has_more,
            "meta": meta,
        }

    # -- cursors --------------------------------------------------------------------------

    def _encode(self, position: int, filters: str) -> str:
        issued = int(self._clock().timestamp())
        payload = json.dumps(
            {"p": position, "g": self._generation, "t": issued, "f": filters},
            separators=(",", ":"),
        ).encode()
        body = base64.urlsafe_b64encode(payload).decode().rstrip("=")
        return f"{_PREFIX}{body}.{_checksum(payload)}"

    def _decode(self, cursor: str, filters: str) -> int:
        invalid = ApiError(INVALID_CURSOR_STATUS, "invalid_cursor", "The cursor is not valid.")
        body, dot, checksum = cursor.removeprefix(_PREFIX).partition(".")
        if not cursor.startswith(_PREFIX) or not dot:
            raise invalid
        try:
            payload = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            fields = json.loads(payload)
        except (ValueError, binascii.Error, RecursionError):
            raise invalid from None
        if checksum != _checksum(payload) or not isinstance(fields, dict):
            raise invalid
        position, generation, issued = fields.get("p"), fields.get("g"), fields.get("t")
        if not all(type(value) is int for value in (position, generation, issued)):
            raise invalid
        assert isinstance(position, int) and isinstance(issued, int)
        if fields.get("f") != filters:
            raise ApiError(
                INVALID_CURSOR_STATUS,
                "invalid_cursor",
                "The cursor belongs to a stream with other accountId/connectionId filters.",
            )
        age = self._clock().timestamp() - issued
        if generation != self._generation or age > CURSOR_MAX_AGE.total_seconds():
            raise ApiError(
                CURSOR_EXPIRED_STATUS,
                "cursor_expired",
                "The cursor has expired: sync without a cursor and backfill again.",
            )
        return position


def _filters_hash(account_id: str | None, connection_id: str | None) -> str:
    canonical = json.dumps([account_id, connection_id])
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _checksum(payload: bytes) -> str:
    return hashlib.sha256(_SALT + payload).hexdigest()[:16]
