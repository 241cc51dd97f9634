from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_type import WebhookEventType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_webhook_request_metadata import CreateWebhookRequestMetadata


T = TypeVar("T", bound="CreateWebhookRequest")


@_attrs_define
class CreateWebhookRequest:
    """Body of `POST /v1/webhooks`.

    Example:
        {'url': 'https://hooks.acme.example/waycore', 'events': ['connection.status_changed',
            'transactions.sync_available'], 'metadata': {'team': 'treasury'}}

    Attributes:
        url (str): HTTPS URL where events are delivered via POST. Example: https://hooks.acme.example/waycore.
        events (list[WebhookEventType]): The event types to deliver.
        metadata (CreateWebhookRequestMetadata | Unset): Opaque client-defined metadata.
    """

    url: str
    events: list[WebhookEventType]
    metadata: CreateWebhookRequestMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "events": events,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_webhook_request_metadata import (
            CreateWebhookRequestMetadata,
        )

        d = dict(src_dict)
        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = WebhookEventType(events_item_data)

            events.append(events_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: CreateWebhookRequestMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = CreateWebhookRequestMetadata.from_dict(_metadata)

        create_webhook_request = cls(
            url=url,
            events=events,
            metadata=metadata,
        )

        create_webhook_request.additional_properties = d
        return create_webhook_request

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
