from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Institution")


@_attrs_define
class Institution:
    """A bank, banking platform or fintech in Waycore's catalog. Only `institutionId` and
    `name` are documented, and not whether they are required. The record also holds
    "default and additional portal URLs when known", under field names the docs do not
    show: any other field is allowed.

        Example:
            {'institutionId': 'chase', 'name': 'Chase'}

        Attributes:
            institution_id (str | Unset): Stable Waycore identifier, used when creating connections. Example: chase.
            name (str | Unset): Display name of the bank or banking platform. Example: Chase.
    """

    institution_id: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution_id = self.institution_id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if institution_id is not UNSET:
            field_dict["institutionId"] = institution_id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        institution_id = d.pop("institutionId", UNSET)

        name = d.pop("name", UNSET)

        institution = cls(
            institution_id=institution_id,
            name=name,
        )

        institution.additional_properties = d
        return institution

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
