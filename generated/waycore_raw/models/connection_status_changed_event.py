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
    from ..models.connection_status_changed_data import ConnectionStatusChangedData


T = TypeVar("T", bound="ConnectionStatusChangedEvent")


@_attrs_define
class ConnectionStatusChangedEvent:
    """Fired when a connection moves to a new status (e.g. `active` to `errored`, `errored`
    to `active`). Watch for `reauthRequired` and `errored`.

        Example:
            {'id': 'evt_abc123', 'type': 'connection.status_changed', 'createdAt': '2023-11-07T05:31:56Z', 'data':
                {'connectionId': 'conn_123', 'previousStatus': 'active', 'status': 'reauthRequired', 'errorCode':
                'bank_credentials_expired', 'errorMessage': "The bank asked for the delegated user's password to be renewed."}}

        Attributes:
            id (str): Unique event identifier. Use it for idempotent processing. Example: evt_abc123.
            type_ (Literal['connection.status_changed']): Always `connection.status_changed` on this shape.
            created_at (datetime.datetime): When the event was created.
            data (ConnectionStatusChangedData): `data` of `connection.status_changed`. The docs show an example only: the
                types,
                requiredness and nullability of the fields are not expanded, so every field is
                optional and the error fields accept `null`. The status enum is taken to be the
                connection status enum (inferred).
                 Example: {'connectionId': 'conn_123', 'previousStatus': 'active', 'status': 'errored', 'errorCode':
                'bank_unavailable', 'errorMessage': 'The bank portal did not respond.'}.
    """

    id: str
    type_: Literal["connection.status_changed"]
    created_at: datetime.datetime
    data: ConnectionStatusChangedData
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
        from ..models.connection_status_changed_data import ConnectionStatusChangedData

        d = dict(src_dict)
        id = d.pop("id")

        type_ = cast(Literal["connection.status_changed"], d.pop("type"))
        if type_ != "connection.status_changed":
            raise ValueError(
                f"type must match const 'connection.status_changed', got '{type_}'"
            )

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        data = ConnectionStatusChangedData.from_dict(d.pop("data"))

        connection_status_changed_event = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            data=data,
        )

        connection_status_changed_event.additional_properties = d
        return connection_status_changed_event

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
