"""What the resources build and the clients send: `Operation` (an endpoint, declared once)
and `Call` (one request to it, described without I/O).

Every endpoint is an `Operation` record naming its spec `operationId`, HTTP method, path
template, query and body wire names, and whether repeating it is safe. Call builders make
calls only through `Operation.call`, which refuses a query or body name the record does not
declare; the spec drift check compares the records with `openapi/waycore.yaml`. So what the
SDK sends cannot drift from the spec.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict

import attrs

from ._types import TimeoutTypes

if TYPE_CHECKING:
    from ._exceptions import APIStatusError

__all__ = ["Call", "Operation", "RequestOptions", "Retry"]


class Retry(enum.Enum):
    """When an operation may be sent again after a failed attempt."""

    SAFE = "safe"
    """Repeating it changes nothing (GET/PUT/PATCH/DELETE, create-or-return, or it carries an
    idempotency key): retried on connection errors, timeouts, 408, 429 and 5xx."""
    UNSAFE = "unsafe"
    """It may have been processed even if no answer came back: retried only when the request
    surely never reached the server (the connection could not be opened) or on 429."""


class RequestOptions(TypedDict, total=False):
    """Options every method takes, for that one call.

    - `timeout`: seconds (or a `waycore.Timeout`) for each phase of one attempt.
    - `deadline`: seconds for the whole call, every retry and backoff sleep included;
      `None` means no deadline.
    - `extra_headers`, `extra_query`, `extra_body`: merged into the request, for parameters
      the SDK does not know yet. They never replace the `Authorization` header.
    """

    timeout: TimeoutTypes
    deadline: float | None
    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, Any]
    extra_body: Mapping[str, Any]


@attrs.frozen(slots=True)
class Call:
    """One API call, described without I/O.

    `secrets` are values to mask should the server echo them; `headers` are sent on every
    attempt (an idempotency key is made once per call, so every retry carries the same one).
    """

    method: str
    path: str
    params: Mapping[str, str | int] | None = None
    # Not in repr: a credentials body holds the bank password.
    json: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    secrets: tuple[str, ...] = attrs.field(default=(), repr=False)
    retry: Retry = Retry.SAFE
    headers: Mapping[str, str] | None = None
    operation_id: str | None = None
    status_errors: Mapping[int, type[APIStatusError]] | None = None
    repeat_conflict_ok: bool = False


@attrs.frozen(slots=True)
class Operation:
    """One endpoint of the API, as the spec describes it.

    `sdk_method` is where users find it (`"connections.create"`), on both clients.
    `status_errors` picks the exception class for some statuses of this endpoint;
    `repeat_conflict_ok` says a 409 on a retry means the first attempt's request is being
    processed (a sync already running is what was asked for), so the call succeeds.
    """

    operation_id: str
    method: str
    path: str
    sdk_method: str
    query: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    retry: Retry = Retry.SAFE
    idempotency_key: bool = False
    status_errors: Mapping[int, type[APIStatusError]] | None = None
    repeat_conflict_ok: bool = False

    def call(
        self,
        *path_params: str,
        params: Mapping[str, str | int] | None = None,
        json: Mapping[str, Any] | None = None,
        secrets: tuple[str, ...] = (),
        idempotency_key: str | None = None,
    ) -> Call:
        """A call to this endpoint. `path_params` are already-encoded path segments, in the
        order of the template's placeholders."""
        if params:
            unknown = params.keys() - set(self.query) - {"cursor"}
            assert not unknown, f"{self.operation_id}: query {sorted(unknown)} not declared"
        if json is not None:
            unknown = json.keys() - set(self.body)
            assert not unknown, f"{self.operation_id}: body {sorted(unknown)} not declared"
        headers = None
        if self.idempotency_key:
            headers = {"Idempotency-Key": idempotency_key or str(uuid.uuid4())}
        return Call(
            self.method,
            self._fill(path_params),
            params=params or None,
            json=json,
            secrets=secrets,
            retry=self.retry,
            headers=headers,
            operation_id=self.operation_id,
            status_errors=self.status_errors,
            repeat_conflict_ok=self.repeat_conflict_ok,
        )

    def page(self, filters: Mapping[str, str | int], cursor: str | None) -> Call:
        """One page of a list (or of the change feed): the filters every page repeats (a
        cursor is only valid for the same query), plus the cursor after the first page."""
        return self.call(params=filters if cursor is None else {**filters, "cursor": cursor})

    def _fill(self, segments: tuple[str, ...]) -> str:
        if not segments:
            return self.path
        head, *rest = self.path.split("{")
        parts = [head]
        for segment, piece in zip(segments, rest, strict=True):
            parts.append(segment + piece.partition("}")[2])
        return "".join(parts)
