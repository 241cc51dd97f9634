"""`client.transfers`: move money, safely retried with idempotency keys."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Unpack

import httpx2

from .._models import parser_for
from .._operation import RequestOptions
from .._pagination import AsyncPager, Page, Pager, page_parser
from .._raw import async_to_raw, async_to_raw_page, to_raw, to_raw_page
from .._response import json_parser
from ..types.transfer import Transfer, TransferType
from . import _transfers_calls as calls

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncTransfers",
    "AsyncTransfersWithRawResponse",
    "Transfers",
    "TransfersWithRawResponse",
]

_transfer: Callable[[httpx2.Response], Transfer] = json_parser(parser_for(Transfer))
_page: Callable[[httpx2.Response], Page[Transfer]] = json_parser(page_parser(Transfer))


class Transfers:
    """Transfers between connected accounts (`create_internal`) and payments out
    (`create_external`).

    Every create and `retry` call sends an `Idempotency-Key` header: yours, or a UUID4 the
    SDK makes once per call. Every retry of that call (after a timeout, a dropped connection,
    a 5xx) sends the same key, so one call never makes two transfers. Pass your own key
    (e.g. your invoice id) to stay safe across process restarts too::

        transfer = client.transfers.create_internal(
            amount=Decimal("1250.00"),               # Decimal, int or "1250.00"; never float
            currency="USD",
            source_account_id=source.id,
            destination_account_id=payroll.id,
            client_reference="INV-1042",
            idempotency_key="invoice-1042",
        )

    Reusing a key with another request body raises `IdempotencyConflictError`.
    `client.with_raw_response.transfers.create_internal(...)` exposes the
    `Idempotent-Replayed` header of a replayed answer.

    Every method also takes `timeout=`, `deadline=`, `extra_headers=`, `extra_query=` and
    `extra_body=` (see `waycore.RequestOptions`).
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create_internal(
        self,
        *,
        amount: Decimal | int | str,
        currency: str,
        source_account_id: str,
        destination_account_id: str,
        client_reference: str,
        execution_date: datetime.date | str | None = None,
        memo: str | None = None,
        skip_preflight: bool | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Transfer:
        """Move `amount` between two connected accounts at the same institution.

        `amount` must be positive; `currency` a code such as `"USD"`; `client_reference`
        1–140 characters (your payment reference); `memo` at most 500; `execution_date` a
        `date` or `"YYYY-MM-DD"` (omit for the earliest date); `idempotency_key` 1–255
        printable ASCII characters (made for you when omitted).
        """
        call = calls.create_internal(
            amount=amount,
            currency=currency,
            source_account_id=source_account_id,
            destination_account_id=destination_account_id,
            client_reference=client_reference,
            execution_date=execution_date,
            memo=memo,
            skip_preflight=skip_preflight,
            idempotency_key=idempotency_key,
        )
        return self._client._request(call, _transfer, options)

    def create_external(
        self,
        *,
        amount: Decimal | int | str,
        currency: str,
        source_account_id: str,
        transfer_type: TransferType | str,
        destination: Mapping[str, Any],
        client_reference: str,
        execution_date: datetime.date | str | None = None,
        memo: str | None = None,
        skip_preflight: bool | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Transfer:
        """Pay `amount` out over the `transfer_type` rail (`"ach"`, `"wire"`, `"sepa"`...).

        `destination` is sent as given; the API documents it only in part, e.g.
        `{"paymentIdentifier": {"scheme": "us_ach", "accountNumber": ..., "routingNumber":
        ...}, "name": ...}`. External transfers wait in `pending_bank_approval` until the end
        user approves them in the bank portal. Other arguments as in `create_internal`.
        """
        call = calls.create_external(
            amount=amount,
            currency=currency,
            source_account_id=source_account_id,
            transfer_type=transfer_type,
            destination=destination,
            client_reference=client_reference,
            execution_date=execution_date,
            memo=memo,
            skip_preflight=skip_preflight,
            idempotency_key=idempotency_key,
        )
        return self._client._request(call, _transfer, options)

    def retry(
        self,
        transfer_id: str,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Transfer:
        """Try a failed (or retryable) transfer again. Carries an `Idempotency-Key` like the
        creates; a 409 (e.g. the transfer cannot be retried now) raises `ConflictError`."""
        call = calls.retry(transfer_id, idempotency_key=idempotency_key)
        return self._client._request(call, _transfer, options)

    def retrieve(self, transfer_id: str, **options: Unpack[RequestOptions]) -> Transfer:
        """Fetch one transfer. Raises `NotFoundError` if it is missing or not visible."""
        return self._client._request(calls.retrieve(transfer_id), _transfer, options)

    def list(
        self,
        *,
        account_id: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Pager[Transfer]:
        """Every transfer (from or to `account_id`, if given), fetched lazily page by page
        (`limit` per page, 1–500). Arguments are checked now; nothing is sent until you
        iterate."""
        filters = calls.list_filters(account_id=account_id, limit=limit)

        def fetch(cursor: str | None) -> Page[Transfer]:
            return self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return Pager(fetch)


class AsyncTransfers:
    """`client.transfers`, awaitable. See `Transfers` for each method's documentation."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create_internal(
        self,
        *,
        amount: Decimal | int | str,
        currency: str,
        source_account_id: str,
        destination_account_id: str,
        client_reference: str,
        execution_date: datetime.date | str | None = None,
        memo: str | None = None,
        skip_preflight: bool | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Transfer:
        """Move `amount` between two connected accounts; see `Transfers.create_internal`."""
        call = calls.create_internal(
            amount=amount,
            currency=currency,
            source_account_id=source_account_id,
            destination_account_id=destination_account_id,
            client_reference=client_reference,
            execution_date=execution_date,
            memo=memo,
            skip_preflight=skip_preflight,
            idempotency_key=idempotency_key,
        )
        return await self._client._request(call, _transfer, options)

    async def create_external(
        self,
        *,
        amount: Decimal | int | str,
        currency: str,
        source_account_id: str,
        transfer_type: TransferType | str,
        destination: Mapping[str, Any],
        client_reference: str,
        execution_date: datetime.date | str | None = None,
        memo: str | None = None,
        skip_preflight: bool | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Transfer:
        """Pay `amount` out over a rail; see `Transfers.create_external`."""
        call = calls.create_external(
            amount=amount,
            currency=currency,
            source_account_id=source_account_id,
            transfer_type=transfer_type,
            destination=destination,
            client_reference=client_reference,
            execution_date=execution_date,
            memo=memo,
            skip_preflight=skip_preflight,
            idempotency_key=idempotency_key,
        )
        return await self._client._request(call, _transfer, options)

    async def retry(
        self,
        transfer_id: str,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Transfer:
        """Try a failed transfer again; see `Transfers.retry`."""
        call = calls.retry(transfer_id, idempotency_key=idempotency_key)
        return await self._client._request(call, _transfer, options)

    async def retrieve(self, transfer_id: str, **options: Unpack[RequestOptions]) -> Transfer:
        """Fetch one transfer. Raises `NotFoundError` if it is missing or not visible."""
        return await self._client._request(calls.retrieve(transfer_id), _transfer, options)

    def list(
        self,
        *,
        account_id: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Transfer]:
        """Every transfer, fetched lazily: `async for t in client.transfers.list(...)`."""
        filters = calls.list_filters(account_id=account_id, limit=limit)

        async def fetch(cursor: str | None) -> Page[Transfer]:
            return await self._client._request(calls.LIST.page(filters, cursor), _page, options)

        return AsyncPager(fetch)


class TransfersWithRawResponse:
    """`client.with_raw_response.transfers`: each method returns an `APIResponse`."""

    def __init__(self, transfers: Transfers) -> None:
        self.create_internal = to_raw(transfers.create_internal)
        self.create_external = to_raw(transfers.create_external)
        self.retry = to_raw(transfers.retry)
        self.retrieve = to_raw(transfers.retrieve)
        self.list = to_raw_page(transfers.list)


class AsyncTransfersWithRawResponse:
    """`aclient.with_raw_response.transfers`: each method returns an `APIResponse`."""

    def __init__(self, transfers: AsyncTransfers) -> None:
        self.create_internal = async_to_raw(transfers.create_internal)
        self.create_external = async_to_raw(transfers.create_external)
        self.retry = async_to_raw(transfers.retry)
        self.retrieve = async_to_raw(transfers.retrieve)
        self.list = async_to_raw_page(transfers.list)
