"""Webhook deliveries: events in their envelope, the outbox, retries and the delivery log.

Handlers queue events under the app's lock (:meth:`Outbox.enqueue` only appends and notifies:
it never blocks on I/O). Sending happens elsewhere, outside every lock: the delivery worker
(``_delivery_worker``, a daemon thread started with the loopback server) or an explicit
``Sandbox.deliver_pending()``, both through :meth:`Outbox.run_once` with a ``send`` function.
This module touches no socket.

The outbox has its own lock (a :class:`threading.Condition`), always taken after the app's
lock and never held while sending, so neither a slow receiver nor a handler can stall the
other. Each registration receives its events in the order they happened, one at a time (a
delivery being retried holds back the later ones for the same registration); different
registrations are served independently.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, NamedTuple

from waycore.webhooks._signature import sign

from ._common import json_bytes, new_id

__all__ = [
    "DEFAULT_DELIVERY_TIMEOUT",
    "DEFAULT_MAX_RECORDED_DELIVERIES",
    "DEFAULT_RETRY_DELAYS",
    "DeliveryRecord",
    "Outbox",
    "SendResult",
    "Sender",
    "build_event",
    "is_loopback_address",
    "is_loopback_host",
]

#: Seconds to wait before the 2nd and 3rd attempt: three attempts in all, ~2.5 s at most.
DEFAULT_RETRY_DELAYS: Final[tuple[float, ...]] = (0.5, 2.0)
#: Seconds one attempt may take (connect, send, read the status line).
DEFAULT_DELIVERY_TIMEOUT: Final = 2.0
DEFAULT_MAX_RECORDED_DELIVERIES: Final = 1000


class DeliveryRecord(NamedTuple):
    """One delivery attempt, as ``Sandbox.deliveries`` lists it.

    ``status`` is the receiver's HTTP status, or ``None`` when there was no answer (then
    ``error`` says why: connection refused, timeout, not a loopback address...).
    ``delivered`` is true for a 2xx answer. ``body`` is the exact JSON that was signed and
    sent (the same bytes on every attempt); ``signature`` the ``Waycore-Signature`` header.
    """

    event_id: str
    event_type: str
    webhook_id: str
    url: str
    attempt: int
    status: int | None
    error: str | None
    delivered: bool
    body: bytes
    signature: str


class SendResult(NamedTuple):
    """What one attempt gave: a status, or an error; ``final`` errors are never retried."""

    status: int | None = None
    error: str | None = None
    final: bool = False


#: ``send(url, body, headers, timeout) -> SendResult``; must not raise.
Sender = Callable[[str, bytes, Mapping[str, str], float], SendResult]


def build_event(event_type: str, data: Mapping[str, Any], *, created_at: str) -> tuple[str, bytes]:
    """A new event id and its envelope ``{id, type, createdAt, data}``, serialized once.

    Every attempt to every registration sends (and signs) exactly these bytes.
    """
    event_id = new_id("evt")
    body = json_bytes(
        {"id": event_id, "type": event_type, "createdAt": created_at, "data": dict(data)}
    )
    return event_id, body


def is_loopback_host(host: str) -> bool:
    """Whether a URL's host names this machine: a loopback IP, ``localhost`` or ``*.localhost``.

    Decided from the text alone (no DNS); the sender checks the resolved addresses again.
    """
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    return is_loopback_address(host)


def is_loopback_address(address: str) -> bool:
    """Whether an IP address (text) is a loopback one (IPv4-mapped IPv6 included)."""
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped.is_loopback
    return ip.is_loopback


@dataclass(eq=False)
class _Job:
    """One event on its way to one registration."""

    event_id: str
    event_type: str
    webhook_id: str
    url: str
    secret: str
    body: bytes
    generation: int
    attempts: int = 0
    due: float = 0.0
    claimed: bool = False


class Outbox:
    """Deliveries waiting to be sent, and the log of every attempt. Thread-safe."""

    def __init__(
        self,
        *,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
        timeout: float = DEFAULT_DELIVERY_TIMEOUT,
        max_records: int = DEFAULT_MAX_RECORDED_DELIVERIES,
    ) -> None:
        """``retry_delays[i]`` is the wait before attempt ``i + 2`` (so ``len + 1`` attempts)."""
        self._condition = threading.Condition()
        self._jobs: list[_Job] = []
        self._records: deque[DeliveryRecord] = deque(maxlen=max_records)
        self._recorded_total = 0
        self._generation = 0
        self.retry_delays: tuple[float, ...] = ()
        self.timeout = DEFAULT_DELIVERY_TIMEOUT
        self.configure(retry_delays=retry_delays, timeout=timeout, max_records=max_records)

    def configure(
        self,
        *,
        retry_delays: Sequence[float] | None = None,
        timeout: float | None = None,
        max_records: int | None = None,
    ) -> None:
        """Change the retry schedule, the per-attempt timeout or the log's bound."""
        with self._condition:
            if retry_delays is not None:
                delays = tuple(retry_delays)
                if any(not math.isfinite(d) or d < 0 for d in delays):
                    raise ValueError("retry delays must be finite numbers >= 0")
                self.retry_delays = delays
            if timeout is not None:
                if not math.isfinite(timeout) or timeout <= 0:
                    raise ValueError("the delivery timeout must be a finite number > 0")
                self.timeout = timeout
            if max_records is not None:
                if max_records < 1:
                    raise ValueError("max_records must be >= 1")
                self._records = deque(self._records, maxlen=max_records)

    # -- producing (called under the app's lock: never blocks) -----------------------------

    def enqueue(
        self,
        event_id: str,
        event_type: str,
        body: bytes,
        targets: Iterable[tuple[str, str, str]],
    ) -> int:
        """Queue one event for each ``(webhook_id, url, secret)``; returns how many."""
        with self._condition:
            jobs = [
                _Job(event_id, event_type, webhook_id, url, secret, body, self._generation)
                for webhook_id, url, secret in targets
            ]
            if jobs:
                self._jobs.extend(jobs)
                self._condition.notify_all()
            return len(jobs)

    def reset(self) -> None:
        """Drop every pending delivery and the log; attempts in flight are not recorded."""
        with self._condition:
            self._generation += 1
            self._jobs.clear()
            self._records.clear()
            self._condition.notify_all()

    # -- reading ---------------------------------------------------------------------------

    @property
    def records(self) -> list[DeliveryRecord]:
        """Every recorded attempt, oldest first (a copy)."""
        with self._condition:
            return list(self._records)

    # -- consuming (outside the app's lock) ------------------------------------------------

    def run_once(self, send: Sender, *, wait: float, stop: threading.Event | None = None) -> bool:
        """Send one due delivery, waiting up to ``wait`` seconds for one to be due.

        Returns whether an attempt was made. The lock is released while sending.
        """
        deadline = time.monotonic() + wait
        with self._condition:
            while True:
                if stop is not None and stop.is_set():
                    return False
                now = time.monotonic()
                job = self._claim_due(now)
                if job is not None:
                    break
                next_due = min((j.due for j in self._heads()), default=math.inf)
                timeout = min(next_due, deadline) - now
                if timeout <= 0:
                    return False
                self._condition.wait(timeout)
            attempt = job.attempts + 1
            request_timeout = self.timeout
        signature = sign(job.body, job.secret)
        headers = {
            "Content-Type": "application/json",
            "Waycore-Signature": signature,
            "User-Agent": "WaycoreSandbox-Webhooks",
        }
        try:
            result = send(job.url, job.body, headers, request_timeout)
        except Exception as exc:  # a bug in a sender must not kill the worker
            result = SendResult(error=f"{type(exc).__name__}: {exc}", final=True)
        self._finish(job, attempt, signature, result)
        return True

    def drain(self, send: Sender, *, timeout: float) -> list[DeliveryRecord]:
        """Deliver (and retry) until nothing is pending; the attempts recorded meanwhile.

        Deliveries another thread is sending are waited for. Raises ``TimeoutError`` when
        some are still pending after ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        with self._condition:
            start = self._recorded_total
        while True:
            with self._condition:
                if not self._jobs:
                    return self._records_since(start)
                now = time.monotonic()
                if now >= deadline:
                    raise TimeoutError(
                        f"{len(self._jobs)} webhook deliveries still pending after {timeout}s"
                    )
                waiting = [job.due for job in self._heads()]
                if not waiting or min(waiting) > now:
                    # Backing off, or only in another thread's hands: wait for a change.
                    self._condition.wait(min([*waiting, deadline]) - now)
                    continue
            self.run_once(send, wait=0.0)

    def wake(self) -> None:
        """Wake every thread waiting in :meth:`run_once` (e.g. to let it see a stop flag)."""
        with self._condition:
            self._condition.notify_all()

    # -- internals -------------------------------------------------------------------------

    def _heads(self) -> list[_Job]:
        # Each registration gets its events in order, one at a time: only its oldest
        # unfinished delivery may be sent, and not while it is already being sent.
        heads: dict[str, _Job] = {}
        for job in self._jobs:
            heads.setdefault(job.webhook_id, job)
        return [job for job in heads.values() if not job.claimed]

    def _claim_due(self, now: float) -> _Job | None:
        for job in self._heads():
            if job.due <= now:
                job.claimed = True
                return job
        return None

    def _finish(self, job: _Job, attempt: int, signature: str, result: SendResult) -> None:
        delivered = result.status is not None and 200 <= result.status < 300
        with self._condition:
            job.claimed = False
            if job.generation != self._generation:
                return  # reset() happened while it was being sent
            self._records.append(
                DeliveryRecord(
                    event_id=job.event_id,
                    event_type=job.event_type,
                    webhook_id=job.webhook_id,
                    url=job.url,
                    attempt=attempt,
                    status=result.status,
                    error=result.error,
                    delivered=delivered,
                    body=job.body,
                    signature=signature,
                )
            )
            self._recorded_total += 1
            job.attempts = attempt
            retry = not delivered and not result.final and attempt <= len(self.retry_delays)
            if retry:
                job.due = time.monotonic() + self.retry_delays[attempt - 1]
            else:
                self._jobs.remove(job)
            self._condition.notify_all()

    def _records_since(self, start: int) -> list[DeliveryRecord]:
        count = min(self._recorded_total - start, len(self._records))
        return list(self._records)[len(self._records) - count :] if count else []
