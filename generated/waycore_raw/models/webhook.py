from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_type import WebhookEventType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.webhook_metadata import WebhookMetadata


T = TypeVar("T", bound="Webhook")


@_attrs_define
class Webhook:
    """A webhook registration.

    Example:
        {'id': 'wh_123', 'url': 'https://hooks.acme.example/waycore', 'events': ['connection.status_changed',
            'transactions.sync_available'], 'secret': '****************9f2c', 'active': True, 'createdAt':
            '2023-11-07T05:31:56Z', 'updatedAt': '2023-11-07T05:31:56Z', 'metadata': {'team': 'treasury'}}

    Attributes:
        id (str): Stable, immutable identifier for the webhook registration. Example: wh_123.
        url (str): HTTPS URL where events are delivered via POST. (Legacy typed it a plain string.) Example:
            https://hooks.acme.example/waycore.
        events (list[WebhookEventType]): The subscribed event types.
        secret (str): The HMAC-SHA256 signing secret of the `Waycore-Signature` header. Returned in full
            only on creation; later reads return a masked value. Its format is not documented.
        active (bool): Whether the registration is enabled; deliveries go only to active registrations.
        created_at (datetime.datetime): When the webhook was registered.
        updated_at (datetime.datetime): When the webhook registration last changed.
        metadata (WebhookMetadata | Unset): Opaque client-defined metadata.
    """

    id: str
    url: str
    events: list[WebhookEventType]
    secret: str
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    metadata: WebhookMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        secret = self.secret

        active = self.active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "events": events,
                "secret": secret,
                "active": active,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.webhook_metadata import WebhookMetadata

        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = WebhookEventType(events_item_data)

            events.append(events_item)

        secret = d.pop("secret")

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        _metadata = d.pop("metadata", UNSET)
        metadata: WebhookMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = WebhookMetadata.from_dict(_metadata)

        webhook = cls(
            id=id,
            url=url,
            events=events,
            secret=secret,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
            metadata=metadata,
        )

        webhook.additional_properties = d
        return webhook

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
