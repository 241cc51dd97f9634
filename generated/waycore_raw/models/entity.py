from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.entity_metadata import EntityMetadata


T = TypeVar("T", bound="Entity")


@_attrs_define
class Entity:
    """A business that owns connections: one of the integrator's customers, or the
    organization-attached entity that Waycore manages. Response of create, get and update.
    `contactEmails` is absent from the Current get and create pages, while the update
    page says it is "always present; an empty array means no contacts have been
    provided": it is optional here and clients default it to an empty list.

        Example:
            {'entityId': '3c90c3cc-0d44-4b50-8888-8dd25736052a', 'externalEntityId': 'acme-corp-001', 'isDefaultOrgEntity':
                False, 'createdAt': '2023-11-07T05:31:56Z', 'updatedAt': '2023-11-07T05:31:56Z', 'name': 'Acme Corp',
                'metadata': {'crmId': '0015g00000XyZ'}, 'contactEmails': ['treasury@acme.example']}

        Attributes:
            entity_id (str): Stable, immutable identifier for the entity (a UUID; the path parameter is typed
                `string<uuid>`). Example: 3c90c3cc-0d44-4b50-8888-8dd25736052a.
            external_entity_id (str): Caller-defined stable identifier: set by the integrator for customer entities, by
                the system for the organization-attached entity.
                 Example: acme-corp-001.
            is_default_org_entity (bool): Whether this is the organization-attached entity that Waycore manages.
            created_at (datetime.datetime): When the entity was created in this API.
            updated_at (datetime.datetime): When the entity last changed in this API.
            name (None | str | Unset): Display name for the entity, when available.
            metadata (EntityMetadata | Unset): Opaque client-defined metadata.
            contact_emails (list[str] | Unset): Email addresses of the people who manage the entity's connections, used to
                reach
                the right person when a connection's configuration needs attention. The item
                type is not printed (`format: email` is not documented).
    """

    entity_id: str
    external_entity_id: str
    is_default_org_entity: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    name: None | str | Unset = UNSET
    metadata: EntityMetadata | Unset = UNSET
    contact_emails: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entity_id = self.entity_id

        external_entity_id = self.external_entity_id

        is_default_org_entity = self.is_default_org_entity

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        contact_emails: list[str] | Unset = UNSET
        if not isinstance(self.contact_emails, Unset):
            contact_emails = self.contact_emails

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entityId": entity_id,
                "externalEntityId": external_entity_id,
                "isDefaultOrgEntity": is_default_org_entity,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if contact_emails is not UNSET:
            field_dict["contactEmails"] = contact_emails

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.entity_metadata import EntityMetadata

        d = dict(src_dict)
        entity_id = d.pop("entityId")

        external_entity_id = d.pop("externalEntityId")

        is_default_org_entity = d.pop("isDefaultOrgEntity")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: EntityMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = EntityMetadata.from_dict(_metadata)

        contact_emails = cast(list[str], d.pop("contactEmails", UNSET))

        entity = cls(
            entity_id=entity_id,
            external_entity_id=external_entity_id,
            is_default_org_entity=is_default_org_entity,
            created_at=created_at,
            updated_at=updated_at,
            name=name,
            metadata=metadata,
            contact_emails=contact_emails,
        )

        entity.additional_properties = d
        return entity

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
