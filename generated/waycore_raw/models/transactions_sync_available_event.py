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

if TYPE_CHECKING:
    from ..models.transactions_sync_available_data import TransactionsSyncAvailableData


T = TypeVar("T", bound="TransactionsSyncAvailableEvent")


@_attrs_define
class TransactionsSyncAvailableEvent:
    """Fresh transaction data is ready; call `GET /v1/transactions/sync`.

    Example:
        {'id': 'evt_def456', 'type': 'transactions.sync_available', 'createdAt': '2023-11-07T06:02:11Z', 'data':
            {'connectionId': 'conn_123', 'accountId': None}}

    Attributes:
        id (str): Unique event identifier. Use it for idempotent processing. Example: evt_def456.
        type_ (Literal['transactions.sync_available']): Always `transactions.sync_available` on this shape.
        created_at (datetime.datetime): When the event was created.
        data (TransactionsSyncAvailableData): `data` of `transactions.sync_available`. No event page exists: the guide
            says
            deliveries are connection-scoped for now, "so accountId is currently null"; the
            `connectionId` field is inferred. Every field is optional.
             Example: {'connectionId': 'conn_123', 'accountId': None}.
    """

    id: str
    type_: Literal["transactions.sync_available"]
    created_at: datetime.datetime
    data: TransactionsSyncAvailableData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        created_at = self.created_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "createdAt": created_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.transactions_sync_available_data import (
            TransactionsSyncAvailableData,
        )

        d = dict(src_dict)
        id = d.pop("id")

        type_ = cast(Literal["transactions.sync_available"], d.pop("type"))
        if type_ != "transactions.sync_available":
            raise ValueError(
                f"type must match const 'transactions.sync_available', got '{type_}'"
            )

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        data = TransactionsSyncAvailableData.from_dict(d.pop("data"))

        transactions_sync_available_event = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            data=data,
        )

        transactions_sync_available_event.additional_properties = d
        return transactions_sync_available_event

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
