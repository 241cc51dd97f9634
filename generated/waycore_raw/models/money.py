from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Money")


@_attrs_define
class Money:
    """An amount of money. `value` is a decimal string in responses and in the guide's
    examples; the reference page's curl sample sends a JSON number, so servers may accept
    one, but clients send strings. Requiredness of the three fields is not documented.

        Example:
            {'type': 'money', 'value': '1250.00', 'currency': 'USD'}

        Attributes:
            type_ (str | Unset): `money` in every example; other values are not documented. Example: money.
            value (str | Unset): The amount, a decimal string. Example: 1250.00.
            currency (str | Unset): Currency code. Example: USD.
    """

    type_: str | Unset = UNSET
    value: str | Unset = UNSET
    currency: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        value = self.value

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if value is not UNSET:
            field_dict["value"] = value
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        value = d.pop("value", UNSET)

        currency = d.pop("currency", UNSET)

        money = cls(
            type_=type_,
            value=value,
            currency=currency,
        )

        money.additional_properties = d
        return money

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
