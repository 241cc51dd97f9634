from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentIdentifier")


@_attrs_define
class PaymentIdentifier:
    """The destination account identity of an external payment, told apart by `scheme`
    (e.g. `us_ach`, `uk_sort_code_account_number`, `iban`). The fields of each scheme
    are not documented, so any field is allowed.

        Example:
            {'scheme': 'iban', 'iban': 'DE89370400440532013000'}

        Attributes:
            scheme (str | Unset): Identification scheme, e.g. `us_ach`, `uk_sort_code_account_number`, `iban`. Full list
                undocumented. Example: us_ach.
    """

    scheme: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scheme = self.scheme

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if scheme is not UNSET:
            field_dict["scheme"] = scheme

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        scheme = d.pop("scheme", UNSET)

        payment_identifier = cls(
            scheme=scheme,
        )

        payment_identifier.additional_properties = d
        return payment_identifier

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
