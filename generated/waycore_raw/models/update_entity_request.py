from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateEntityRequest")


@_attrs_define
class UpdateEntityRequest:
    """Body of `PATCH /v1/entities/{entityId}`. The stored reference page lost its field
    names: the one documented element is a replacement list of contact email addresses,
    named `contactEmails` here after the response field (inferred). Whether it is
    required is not visible. The list replaces the old one; duplicates are removed
    case-insensitively; order is preserved; an empty array clears all contacts.

        Example:
            {'contactEmails': ['treasury@acme.example', 'cfo@acme.example']}

        Attributes:
            contact_emails (list[str] | Unset): The new contact list, at most 100 addresses. An empty array clears it.
    """

    contact_emails: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact_emails: list[str] | Unset = UNSET
        if not isinstance(self.contact_emails, Unset):
            contact_emails = self.contact_emails

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if contact_emails is not UNSET:
            field_dict["contactEmails"] = contact_emails

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_emails = cast(list[str], d.pop("contactEmails", UNSET))

        update_entity_request = cls(
            contact_emails=contact_emails,
        )

        update_entity_request.additional_properties = d
        return update_entity_request

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
