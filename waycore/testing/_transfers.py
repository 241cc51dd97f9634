"""Transfers: their lifecycle, idempotency and routes. No sockets, no threads, no timers.

Lifecycle, driven by reads (like connections' activation) or by the test controls:

- internal: ``queued`` → ``executing`` → ``completed``; each ``GET`` of the transfer (or its
  appearance in a list) moves it one step and shows the new status; completing moves the
  money (``_transfer_money``), or fails the transfer (``failureReason``) when it cannot;
- external: ``queued`` → ``pending_bank_approval``, where it stays until
  ``Sandbox.approve_transfer(id)`` (the end user approving in the bank portal) moves it to
  ``executing``; the next step completes it (debiting the source account);
- ``Sandbox.fail_transfer(id, message)`` fails a transfer still in progress (or returns a
  completed one); ``POST /transfers/{id}/retry`` queues a failed or returned transfer again.

``POST /transfers`` and ``POST /transfers/{id}/retry`` require an ``Idempotency-Key``
(``_idempotency``): the same key and request replay the first answer with
``Idempotent-Replayed: true``; the same key with another request is a 409.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final

from ._common import ApiError, Reply, json_reply, paginate, utcnow
from ._idempotency import IdempotencyCache
from ._routes import ApiRequest, Resource, Stores
from ._transfer_money import check_accounts, reverse, settle
from ._transfer_record import MAX_ID_LENGTH, TransferRecord, parse_transfer_request

__all__ = ["TransferStore", "resource"]

_IN_PROGRESS: Final = frozenset({"queued", "executing", "pending_bank_approval"})
_RETRYABLE: Final = frozenset({"failed", "returned"})


class TransferStore:
    """All transfers of one sandbox. Not thread-safe: the app's lock guards every call."""

    def __init__(self, *, clock: Callable[[], datetime] = utcnow) -> None:
        """``clock`` stamps transfers (and the transactions they post)."""
        self._clock = clock
        self._transfers: dict[str, TransferRecord] = {}
        # Never reset, so a cursor from before reset() cannot point into the new data.
        self._next_seq = 1
        self.idempotency = IdempotencyCache()
        self._stores: Stores | None = None

    def attach(self, stores: Stores) -> None:
        """Keep the sandbox's stores: transfers read and move the ledger's accounts."""
        self._stores = stores

    def reset(self) -> None:
        """Forget every transfer and idempotency key."""
        self._transfers.clear()
        self.idempotency.reset()

    def __contains__(self, transfer_id: object) -> bool:
        """Whether a transfer with this id exists."""
        return transfer_id in self._transfers

    @property
    def stores(self) -> Stores:
        """The sandbox's stores (set by ``attach``)."""
        if self._stores is None:
            raise RuntimeError("the transfer store is not attached to a sandbox")
        return self._stores

    # -- API operations -------------------------------------------------------------------

    def create(self, body: object) -> dict[str, Any]:
        """``POST /transfers``: a new ``queued`` transfer."""
        request = parse_transfer_request(body)
        check_accounts(self.stores, request)
        now = self._clock()
        record = TransferRecord(
            seq=self._next_seq,
            id=str(uuid.uuid4()),
            request=request,
            created_at=now,
            updated_at=now,
        )
        self._next_seq += 1
        self._transfers[record.id] = record
        return record.to_json()

    def retry(self, transfer_id: str) -> dict[str, Any]:
        """``POST /transfers/{id}/retry``: a failed or returned transfer, queued again."""
        record = self._get(transfer_id)
        if record.status not in _RETRYABLE:
            raise ApiError(
                409,
                "transfer_not_retryable",
                f"Only failed or returned transfers can be retried; this one is {record.status}.",
            )
        record.status = "queued"
        record.failure_message = None
        self._touch(record)
        return record.to_json()

    def list(self, query: Mapping[str, str], request_id: str) -> dict[str, Any]:
        """``GET /transfers``: newest first; ``accountId`` matches either side."""
        account_id = query.get("accountId")
        if account_id is not None and not 1 <= len(account_id) <= MAX_ID_LENGTH:
            raise ApiError(400, "invalid_parameter", "accountId must be a non-empty account id.")
        matching = (
            record
            for record in reversed(self._transfers.values())
            if account_id is None
            or account_id
            in (record.request.source_account_id, record.request.destination_account_id)
        )
        return paginate(
            matching,
            query=query,
            filters=(account_id,),
            key=lambda record: -record.seq,
            render=self._observe,
            request_id=request_id,
        )

    def retrieve(self, transfer_id: str) -> dict[str, Any]:
        """``GET /transfers/{id}``: one step further, then rendered."""
        return self._observe(self._get(transfer_id))

    # -- test control ---------------------------------------------------------------------

    def peek(self, transfer_id: str) -> dict[str, Any]:
        """Render a transfer without counting as a read (``KeyError`` if unknown)."""
        return self._control(transfer_id).to_json()

    def advance(self, transfer_id: str) -> dict[str, Any]:
        """One step, as a read would make; see ``Sandbox.advance_transfer``."""
        record = self._control(transfer_id)
        self._step(record)
        return record.to_json()

    def approve(self, transfer_id: str) -> dict[str, Any]:
        """The bank approved an external transfer: ``pending_bank_approval`` → ``executing``."""
        record = self._control(transfer_id)
        if record.status != "pending_bank_approval":
            raise ValueError(
                f"transfer {transfer_id} is {record.status}, not pending_bank_approval"
            )
        record.status = "executing"
        self._touch(record)
        return record.to_json()

    def fail(self, transfer_id: str, message: str, *, status: str = "failed") -> dict[str, Any]:
        """Fail a transfer in progress, or return a completed one (money given back)."""
        record = self._control(transfer_id)
        if not message:
            raise ValueError("message must not be empty")
        if status == "failed":
            if record.status not in _IN_PROGRESS:
                raise ValueError(f"transfer {transfer_id} is {record.status}: it cannot fail now")
        elif status == "returned":
            if record.status != "completed":
                raise ValueError(f"transfer {transfer_id} is {record.status}, not completed")
            reverse(self.stores, record, self._clock())
        else:
            raise ValueError(f"status must be 'failed' or 'returned', not {status!r}")
        record.status = status
        record.failure_message = message
        self._touch(record)
        return record.to_json()

    # -- internals ------------------------------------------------------------------------

    def _get(self, transfer_id: str) -> TransferRecord:
        record = self._transfers.get(transfer_id)
        if record is None:
            raise ApiError(404, "not_found", "Transfer not found.")
        return record

    def _control(self, transfer_id: str) -> TransferRecord:
        record = self._transfers.get(transfer_id)
        if record is None:
            raise KeyError(transfer_id)
        return record

    def _touch(self, record: TransferRecord) -> None:
        record.updated_at = max(self._clock(), record.created_at)

    def _observe(self, record: TransferRecord) -> dict[str, Any]:
        # Step first, then render: every read shows the status it moved the transfer to.
        self._step(record)
        return record.to_json()

    def _step(self, record: TransferRecord) -> None:
        if record.status == "queued":
            internal = record.request.direction == "internal"
            record.status = "executing" if internal else "pending_bank_approval"
        elif record.status == "executing":
            failure = settle(self.stores, record, self._clock())
            if failure is None:
                record.status = "completed"
            else:
                record.status, record.failure_message = "failed", failure
        else:
            return  # waiting for the bank, or final
        self._touch(record)


# -- routes ---------------------------------------------------------------------------------

resource: Final = Resource("transfers", lambda options: TransferStore(clock=options.clock))


@resource.route("POST", "/transfers")
def _create(store: TransferStore, request: ApiRequest) -> Reply:
    return store.idempotency.run(request, lambda: json_reply(202, store.create(request.json())))


@resource.route("GET", "/transfers")
def _list(store: TransferStore, request: ApiRequest) -> Reply:
    return json_reply(200, store.list(request.query, request.request_id))


@resource.route("GET", "/transfers/{transferId}")
def _retrieve(store: TransferStore, request: ApiRequest) -> Reply:
    return json_reply(200, store.retrieve(request.params["transferId"]))


@resource.route("POST", "/transfers/{transferId}/retry")
def _retry(store: TransferStore, request: ApiRequest) -> Reply:
    transfer_id = request.params["transferId"]
    return store.idempotency.run(request, lambda: json_reply(202, store.retry(transfer_id)))
