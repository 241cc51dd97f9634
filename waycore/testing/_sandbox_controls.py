"""The :class:`~waycore.testing.Sandbox` controls for transfers and webhook deliveries.

A mixin, so ``_sandbox.py`` stays one screenful per concern: the sandbox's lifetime calls
the three ``_..._deliveries`` hooks, users call the public methods.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any, Literal

from . import _transfers, _webhooks
from ._app import SandboxApp
from ._deliveries import DeliveryRecord, Outbox
from ._delivery_worker import DeliveryWorker, post_delivery

__all__ = ["WriteControls"]


class WriteControls:
    """Transfer and webhook controls of the sandbox (mixed into ``Sandbox``)."""

    _app: SandboxApp
    _delivery_worker: DeliveryWorker | None = None
    _delivery_lock: threading.Lock

    # -- transfers ------------------------------------------------------------------------

    def advance_transfer(self, transfer_id: str) -> dict[str, Any]:
        """Move a transfer one step, as a ``GET`` of it would, and return it as rendered.

        ``queued`` → ``executing`` → ``completed`` for an internal transfer (completing moves
        the money between the two accounts, or fails the transfer, e.g. for insufficient
        funds); an external one goes ``queued`` → ``pending_bank_approval`` and stays there
        until :meth:`approve_transfer`. A transfer waiting for approval, or in a final status,
        is returned unchanged. Raises ``KeyError`` for an unknown id.
        """
        with self._app.lock:
            return self._app.state(_transfers.resource).advance(transfer_id)

    def approve_transfer(self, transfer_id: str) -> dict[str, Any]:
        """Approve an external transfer in the bank portal, as its end user would.

        ``pending_bank_approval`` → ``executing``; the next read (or
        :meth:`advance_transfer`) completes it. Raises ``KeyError`` for an unknown id and
        ``ValueError`` unless the transfer is ``pending_bank_approval``.
        """
        with self._app.lock:
            return self._app.state(_transfers.resource).approve(transfer_id)

    def fail_transfer(
        self,
        transfer_id: str,
        message: str = "The bank rejected the transfer.",
        *,
        status: Literal["failed", "returned"] = "failed",
    ) -> dict[str, Any]:
        """Fail a transfer still in progress, e.g. to test ``POST /transfers/{id}/retry``.

        The transfer gets ``status`` and ``failureReason: {"message": message}``.
        ``status="returned"`` applies to a ``completed`` transfer instead: the money goes
        back to the source account. Raises ``KeyError`` for an unknown id and ``ValueError``
        for a transfer in another status.
        """
        with self._app.lock:
            return self._app.state(_transfers.resource).fail(transfer_id, message, status=status)

    # -- webhook deliveries ---------------------------------------------------------------

    @property
    def deliveries(self) -> list[DeliveryRecord]:
        """Every webhook delivery attempt, oldest first (a copy).

        One :class:`~waycore.testing._deliveries.DeliveryRecord` per attempt: event id and
        type, webhook id, url, attempt number, the receiver's ``status`` (or the ``error``
        when there was no answer), ``delivered`` (a 2xx), and the exact ``body`` and
        ``signature`` sent. Deliveries to hosts other than this machine are never sent; they
        are recorded once, undelivered, with the reason. Only the latest 1000 are kept.
        """
        return self._outbox().records

    def deliver_pending(self, timeout: float = 10.0) -> list[DeliveryRecord]:
        """Send every queued webhook delivery now, with its retries; the attempts made.

        Events are queued as they happen (a connection changing status, a sync completing,
        ``POST /webhooks/{id}/test``). While the loopback server runs, a background worker
        sends them by itself; in-process (or to wait for that worker), call this: it returns
        once nothing is pending, having waited out the retry delays (``delivery_retry_delays``
        of the constructor). Raises ``TimeoutError`` if deliveries are still pending after
        ``timeout`` seconds.
        """
        return self._outbox().drain(post_delivery, timeout=timeout)

    # -- hooks for the sandbox's lifetime -------------------------------------------------

    def _outbox(self) -> Outbox:
        with self._app.lock:
            return self._app.state(_webhooks.resource).outbox

    def _init_deliveries(self, retry_delays: Sequence[float] | None, timeout: float | None) -> None:
        self._delivery_lock = threading.Lock()
        self._outbox().configure(retry_delays=retry_delays, timeout=timeout)

    def _start_deliveries(self, port: int) -> None:
        worker = DeliveryWorker(self._outbox(), name=f"waycore-sandbox-deliveries-{port}")
        with self._delivery_lock:
            self._delivery_worker = worker.start()

    def _stop_deliveries(self) -> None:
        with self._delivery_lock:
            worker, self._delivery_worker = self._delivery_worker, None
        if worker is not None:
            worker.stop()
