from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_type import WebhookEventType

if TYPE_CHECKING:
    from ..models.webhook_event_envelope_data import WebhookEventEnvelopeData


T = TypeVar("T", bound="WebhookEventEnvelope")


@_attrs_define
class WebhookEventEnvelope:
    """The body of every webhook delivery. Deliveries may be duplicated: use `id` as the
    idempotency key. The receiver answers 2xx quickly ("Event accepted"); non-2xx answers
    and timeouts are retried with exponential backoff.

        Example:
            {'id': 'evt_abc123', 'type': 'transactions.sync_available', 'createdAt': '2023-11-07T05:31:56Z', 'data':
                {'connectionId': 'conn_123', 'accountId': None}}

        Attributes:
            id (str): Unique event identifier. Use it for idempotent processing. Example: evt_abc123.
            type_ (WebhookEventType): Webhook event type. Only `transactions.sync_available` and
                `connection.status_changed` are produced today; `test` can be triggered through the
                API; the rest are reserved.
                 Example: connection.status_changed.
            created_at (datetime.datetime): When the event was created.
            data (WebhookEventEnvelopeData): Event-specific payload. The shape depends on the `type` field.
    """

    id: str
    type_: WebhookEventType
    created_at: datetime.datetime
    data: WebhookEventEnvelopeData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

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
        from ..models.webhook_event_envelope_data import WebhookEventEnvelopeData

        d = dict(src_dict)
        id = d.pop("id")

        type_ = WebhookEventType(d.pop("type"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        data = WebhookEventEnvelopeData.from_dict(d.pop("data"))

        webhook_event_envelope = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            data=data,
        )

        webhook_event_envelope.additional_properties = d
        return webhook_event_envelope

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
