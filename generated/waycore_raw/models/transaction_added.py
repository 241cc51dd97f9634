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
    from ..models.transaction import Transaction


T = TypeVar("T", bound="TransactionAdded")


@_attrs_define
class TransactionAdded:
    """A transaction appeared in the stream; upsert it by `transaction.id`.

    Example:
        {'type': 'added', 'eventId': 'evt_txn_001', 'eventAt': '2023-11-07T05:31:56Z', 'transaction': {'id':
            '5d0c1f8e-3b7a-4c2d-9e6f-1a2b3c4d5e6f', 'connectionId': 'conn_123', 'accountId': 'acct_123', 'status':
            'pending', 'postedDate': None, 'updatedAt': '2023-11-07T05:31:56Z', 'amount': '-42.10', 'currency': 'USD',
            'entryType': 'debit', 'description': 'AMAZON WEB SERVICES', 'rail': 'card'}}

    Attributes:
        type_ (Literal['added']): Always `added` on this shape.
        transaction (Transaction): A bank transaction. Ids are `string<uuid>` in the Newest docs and plain strings
            earlier; the UUID format is not enforced. The Newest get page shows
            `customerReference` where the others show `paymentReference` (an unresolved rename):
            both are listed, optional. The nullability of the optional strings is not shown, so
            they accept `null`.
             Example: {'id': '5d0c1f8e-3b7a-4c2d-9e6f-1a2b3c4d5e6f', 'connectionId': 'conn_123', 'accountId': 'acct_123',
            'status': 'posted', 'postedDate': '2023-11-06', 'updatedAt': '2023-11-07T05:31:56Z', 'amount': '-250.00',
            'currency': 'USD', 'entryType': 'debit', 'description': 'GUSTO PAYROLL', 'rail': 'ach', 'rawDescription': 'ORIG
            CO NAME:GUSTO ORIG ID:9138864001 DESC DATE:231106 CO ENTRY DESCR:NET', 'paymentReference': 'PAYROLL-2023-11-06',
            'bankReference': '231106000123456', 'baiCode': '451', 'category': 'payroll', 'subcategory': None, 'mcc': None,
            'merchantName': None, 'counterpartyName': 'Gusto', 'counterpartyAccountMasked': '****4321'}.
        event_id (str | Unset): Identifier of the change event (Current and Newest; absent in Legacy).
        event_at (datetime.datetime | Unset): When the change happened (Current and Newest; absent in Legacy).
    """

    type_: Literal["added"]
    transaction: Transaction
    event_id: str | Unset = UNSET
    event_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        transaction = self.transaction.to_dict()

        event_id = self.event_id

        event_at: str | Unset = UNSET
        if not isinstance(self.event_at, Unset):
            event_at = self.event_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "transaction": transaction,
            }
        )
        if event_id is not UNSET:
            field_dict["eventId"] = event_id
        if event_at is not UNSET:
            field_dict["eventAt"] = event_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.transaction import Transaction

        d = dict(src_dict)
        type_ = cast(Literal["added"], d.pop("type"))
        if type_ != "added":
            raise ValueError(f"type must match const 'added', got '{type_}'")

        transaction = Transaction.from_dict(d.pop("transaction"))

        event_id = d.pop("eventId", UNSET)

        _event_at = d.pop("eventAt", UNSET)
        event_at: datetime.datetime | Unset
        if isinstance(_event_at, Unset):
            event_at = UNSET
        else:
            event_at = datetime.datetime.fromisoformat(_event_at)

        transaction_added = cls(
            type_=type_,
            transaction=transaction,
            event_id=event_id,
            event_at=event_at,
        )

        transaction_added.additional_properties = d
        return transaction_added

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
