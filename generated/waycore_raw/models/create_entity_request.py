from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_entity_request_metadata import CreateEntityRequestMetadata


T = TypeVar("T", bound="CreateEntityRequest")


@_attrs_define
class CreateEntityRequest:
    """Body of `POST /v1/entities`.

    Example:
        {'externalEntityId': 'acme-corp-001', 'name': 'Acme Corp', 'metadata': {'crmId': '0015g00000XyZ'}}

    Attributes:
        external_entity_id (str): Caller-defined stable identifier for the entity. Example: acme-corp-001.
        name (None | str | Unset): Display name for the entity. Example: Acme Corp.
        metadata (CreateEntityRequestMetadata | Unset): Opaque client-defined metadata.
    """

    external_entity_id: str
    name: None | str | Unset = UNSET
    metadata: CreateEntityRequestMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_entity_id = self.external_entity_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "externalEntityId": external_entity_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_entity_request_metadata import CreateEntityRequestMetadata

        d = dict(src_dict)
        external_entity_id = d.pop("externalEntityId")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: CreateEntityRequestMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = CreateEntityRequestMetadata.from_dict(_metadata)

        create_entity_request = cls(
            external_entity_id=external_entity_id,
            name=name,
            metadata=metadata,
        )

        create_entity_request.additional_properties = d
        return create_entity_request

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
