from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InternalAccountDestination")


@_attrs_define
class InternalAccountDestination:
    """Destination of an internal transfer: another connected account. The value of `type`
    is not shown in the docs (`"<string>"` in the sample); clients send `internal`
    (inferred). Requiredness is not documented.

        Example:
            {'type': 'internal', 'accountId': '9b2f6c1e-7d4a-4f0b-8c3e-2a1d5e6f7a8b'}

        Attributes:
            type_ (str | Unset): Destination kind; the value is not documented. Example: internal.
            account_id (str | Unset): The destination connected account (a UUID in the samples). Example:
                9b2f6c1e-7d4a-4f0b-8c3e-2a1d5e6f7a8b.
    """

    type_: str | Unset = UNSET
    account_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        account_id = self.account_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if account_id is not UNSET:
            field_dict["accountId"] = account_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        account_id = d.pop("accountId", UNSET)

        internal_account_destination = cls(
            type_=type_,
            account_id=account_id,
        )

        internal_account_destination.additional_properties = d
        return internal_account_destination

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
