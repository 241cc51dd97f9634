from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.internal_account_destination import InternalAccountDestination
    from ..models.money import Money


T = TypeVar("T", bound="InternalTransferRequest")


@_attrs_define
class InternalTransferRequest:
    """Body of `POST /v1/transfers` for a transfer between connected accounts at the same
    institution. The stored reference page prints no "required" markers: the six fields
    listed first in its sample (`type` to `clientReference`) are taken as required
    (inferred from Mintlify's required-first ordering, not confirmed).

        Example:
            {'type': 'internal', 'amount': {'type': 'money', 'value': '1250.00', 'currency': 'USD'}, 'sourceAccountId':
                '3c90c3cc-0d44-4b50-8888-8dd25736052a', 'destination': {'type': 'internal', 'accountId':
                '9b2f6c1e-7d4a-4f0b-8c3e-2a1d5e6f7a8b'}, 'transferType': 'internal', 'clientReference': 'INV-1042',
                'executionDate': '2023-12-25', 'memo': 'Fund payroll account', 'skipPreflight': False}

        Attributes:
            type_ (Literal['internal']): Internal account transfer.
            amount (Money): An amount of money. `value` is a decimal string in responses and in the guide's
                examples; the reference page's curl sample sends a JSON number, so servers may accept
                one, but clients send strings. Requiredness of the three fields is not documented.
                 Example: {'type': 'money', 'value': '1250.00', 'currency': 'USD'}.
            source_account_id (str): Source connected account identifier (a UUID in the samples). Example:
                3c90c3cc-0d44-4b50-8888-8dd25736052a.
            destination (InternalAccountDestination): Destination of an internal transfer: another connected account. The
                value of `type`
                is not shown in the docs (`"<string>"` in the sample); clients send `internal`
                (inferred). Requiredness is not documented.
                 Example: {'type': 'internal', 'accountId': '9b2f6c1e-7d4a-4f0b-8c3e-2a1d5e6f7a8b'}.
            transfer_type (Literal['internal']): Internal transfer rail.
            client_reference (str): Integrator-supplied payment reference, distinct from the idempotency key. Example:
                INV-1042.
            execution_date (datetime.date | Unset): Requested execution date. Omit for the earliest supported date. Example:
                2023-12-25.
            memo (str | Unset): Integrator-visible memo.
            skip_preflight (bool | Unset): Whether to skip optional preflight checks before attempting execution. Default:
                False.
    """

    type_: Literal["internal"]
    amount: Money
    source_account_id: str
    destination: InternalAccountDestination
    transfer_type: Literal["internal"]
    client_reference: str
    execution_date: datetime.date | Unset = UNSET
    memo: str | Unset = UNSET
    skip_preflight: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        amount = self.amount.to_dict()

        source_account_id = self.source_account_id

        destination = self.destination.to_dict()

        transfer_type = self.transfer_type

        client_reference = self.client_reference

        execution_date: str | Unset = UNSET
        if not isinstance(self.execution_date, Unset):
            execution_date = self.execution_date.isoformat()

        memo = self.memo

        skip_preflight = self.skip_preflight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "amount": amount,
                "sourceAccountId": source_account_id,
                "destination": destination,
                "transferType": transfer_type,
                "clientReference": client_reference,
            }
        )
        if execution_date is not UNSET:
            field_dict["executionDate"] = execution_date
        if memo is not UNSET:
            field_dict["memo"] = memo
        if skip_preflight is not UNSET:
            field_dict["skipPreflight"] = skip_preflight

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.internal_account_destination import InternalAccountDestination
        from ..models.money import Money

        d = dict(src_dict)
        type_ = cast(Literal["internal"], d.pop("type"))
        if type_ != "internal":
            raise ValueError(f"type must match const 'internal', got '{type_}'")

        amount = Money.from_dict(d.pop("amount"))

        source_account_id = d.pop("sourceAccountId")

        destination = InternalAccountDestination.from_dict(d.pop("destination"))

        transfer_type = cast(Literal["internal"], d.pop("transferType"))
        if transfer_type != "internal":
            raise ValueError(
                f"transferType must match const 'internal', got '{transfer_type}'"
            )

        client_reference = d.pop("clientReference")

        _execution_date = d.pop("executionDate", UNSET)
        execution_date: datetime.date | Unset
        if isinstance(_execution_date, Unset):
            execution_date = UNSET
        else:
            execution_date = datetime.date.fromisoformat(_execution_date)

        memo = d.pop("memo", UNSET)

        skip_preflight = d.pop("skipPreflight", UNSET)

        internal_transfer_request = cls(
            type_=type_,
            amount=amount,
            source_account_id=source_account_id,
            destination=destination,
            transfer_type=transfer_type,
            client_reference=client_reference,
            execution_date=execution_date,
            memo=memo,
            skip_preflight=skip_preflight,
        )

        internal_transfer_request.additional_properties = d
        return internal_transfer_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
