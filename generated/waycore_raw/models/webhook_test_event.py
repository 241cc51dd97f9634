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
    from ..models.webhook_test_event_data import WebhookTestEventData


T = TypeVar("T", bound="WebhookTestEvent")


@_attrs_define
class WebhookTestEvent:
    """The `test` event: a synthetic event for checking endpoint connectivity, sent only
    when triggered through the API (`POST /v1/webhooks/{webhookId}/test`).

        Example:
            {'id': 'evt_ghi789', 'type': 'test', 'createdAt': '2023-11-07T06:10:00Z', 'data': {}}

        Attributes:
            id (str): Unique event identifier. Use it for idempotent processing. Example: evt_ghi789.
            type_ (Literal['test']): Always `test` on this shape.
            created_at (datetime.datetime): When the event was created.
            data (WebhookTestEventData): `data` of the `test` event. Its fields were not captured from the docs: any object.
                Example: {}.
    """

    id: str
    type_: Literal["test"]
    created_at: datetime.datetime
    data: WebhookTestEventData
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
        from ..models.webhook_test_event_data import WebhookTestEventData

        d = dict(src_dict)
        id = d.pop("id")

        type_ = cast(Literal["test"], d.pop("type"))
        if type_ != "test":
            raise ValueError(f"type must match const 'test', got '{type_}'")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        data = WebhookTestEventData.from_dict(d.pop("data"))

        webhook_test_event = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            data=data,
        )

        webhook_test_event.additional_properties = d
        return webhook_test_event

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
