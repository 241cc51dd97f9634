from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.response_meta import ResponseMeta
    from ..models.webhook import Webhook


T = TypeVar("T", bound="CreateWebhookResponse")


@_attrs_define
class CreateWebhookResponse:
    """Response of `POST /v1/webhooks`, wrapped. The secret is shown in full only in this response.

    Example:
        {'webhook': {'id': 'wh_123', 'url': 'https://hooks.acme.example/waycore', 'events':
            ['connection.status_changed', 'transactions.sync_available'], 'secret': '5f8d2a9c4b7e1f3a6d0c9b8e7f2a1d4c',
            'active': True, 'createdAt': '2023-11-07T05:31:56Z', 'updatedAt': '2023-11-07T05:31:56Z', 'metadata': {'team':
            'treasury'}}, 'meta': {'requestId': 'req_123'}}

    Attributes:
        webhook (Webhook): A webhook registration. Example: {'id': 'wh_123', 'url':
            'https://hooks.acme.example/waycore', 'events': ['connection.status_changed', 'transactions.sync_available'],
            'secret': '****************9f2c', 'active': True, 'createdAt': '2023-11-07T05:31:56Z', 'updatedAt':
            '2023-11-07T05:31:56Z', 'metadata': {'team': 'treasury'}}.
        meta (ResponseMeta): Response metadata. Example: {'requestId': 'req_123'}.
    """

    webhook: Webhook
    meta: ResponseMeta
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        webhook = self.webhook.to_dict()

        meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "webhook": webhook,
                "meta": meta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.response_meta import ResponseMeta
        from ..models.webhook import Webhook

        d = dict(src_dict)
        webhook = Webhook.from_dict(d.pop("webhook"))

        meta = ResponseMeta.from_dict(d.pop("meta"))

        create_webhook_response = cls(
            webhook=webhook,
            meta=meta,
        )

        create_webhook_response.additional_properties = d
        return create_webhook_response

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
