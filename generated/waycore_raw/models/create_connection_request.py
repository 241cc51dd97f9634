from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateConnectionRequest")


@_attrs_define
class CreateConnectionRequest:
    """Body of `POST /v1/connections`. The reference page marks `institutionId` required,
    but the guides say a connection may be created from `portalUrl` alone for a bank not
    yet in the catalog; so `institutionId` is optional here and clients must send at least
    one of `institutionId` and `portalUrl`.

        Example:
            {'institutionId': 'chase', 'entityId': '3c90c3cc-0d44-4b50-8888-8dd25736052a'}

        Attributes:
            entity_id (UUID): Stable identifier for the entity that owns this connection. Example:
                3c90c3cc-0d44-4b50-8888-8dd25736052a.
            institution_id (str | Unset): Waycore's canonical institution identifier, a slug such as `chase`. Example:
                chase.
            portal_url (None | str | Unset): HTTPS login-portal URL. Overrides the portal when the institution has several;
                sole input for a bank that is not in the catalog yet.
                 Example: https://secure.examplebank.com/login.
    """

    entity_id: UUID
    institution_id: str | Unset = UNSET
    portal_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entity_id = str(self.entity_id)

        institution_id = self.institution_id

        portal_url: None | str | Unset
        if isinstance(self.portal_url, Unset):
            portal_url = UNSET
        else:
            portal_url = self.portal_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entityId": entity_id,
            }
        )
        if institution_id is not UNSET:
            field_dict["institutionId"] = institution_id
        if portal_url is not UNSET:
            field_dict["portalUrl"] = portal_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entity_id = UUID(d.pop("entityId"))

        institution_id = d.pop("institutionId", UNSET)

        def _parse_portal_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portal_url = _parse_portal_url(d.pop("portalUrl", UNSET))

        create_connection_request = cls(
            entity_id=entity_id,
            institution_id=institution_id,
            portal_url=portal_url,
        )

        create_connection_request.additional_properties = d
        return create_connection_request

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
