from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.entity import Entity
    from ..models.pagination import Pagination
    from ..models.response_meta import ResponseMeta


T = TypeVar("T", bound="EntityList")


@_attrs_define
class EntityList:
    """One page of entities. The envelope of this list is not documented; the common list
    envelope is assumed.

        Example:
            {'data': [{'entityId': '3c90c3cc-0d44-4b50-8888-8dd25736052a', 'externalEntityId': 'acme-corp-001',
                'isDefaultOrgEntity': False, 'createdAt': '2023-11-07T05:31:56Z', 'updatedAt': '2023-11-07T05:31:56Z', 'name':
                'Acme Corp', 'metadata': {}, 'contactEmails': []}], 'pagination': {'hasMore': False, 'nextCursor': None},
                'meta': {'requestId': 'req_123'}}

        Attributes:
            data (list[Entity]): The entities on this page.
            pagination (Pagination): Cursor pagination state of a list page. Example: {'hasMore': True, 'nextCursor':
                'cur_2'}.
            meta (ResponseMeta | Unset): Response metadata. Example: {'requestId': 'req_123'}.
    """

    data: list[Entity]
    pagination: Pagination
    meta: ResponseMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        pagination = self.pagination.to_dict()

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "pagination": pagination,
            }
        )
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.entity import Entity
        from ..models.pagination import Pagination
        from ..models.response_meta import ResponseMeta

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = Entity.from_dict(data_item_data)

            data.append(data_item)

        pagination = Pagination.from_dict(d.pop("pagination"))

        _meta = d.pop("meta", UNSET)
        meta: ResponseMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = ResponseMeta.from_dict(_meta)

        entity_list = cls(
            data=data,
            pagination=pagination,
            meta=meta,
        )

        entity_list.additional_properties = d
        return entity_list

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
