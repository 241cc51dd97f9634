from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateCredentialsRequest")


@_attrs_define
class UpdateCredentialsRequest:
    """Body of `PUT /v1/connections/{connectionId}/credentials`. Every field is optional.

    Example:
        {'bankUsername': 'acme_waycore', 'password': '<password>'}

    Attributes:
        bank_username (None | str | Unset): The delegated user's username at the bank.
        bank_customer_id (None | str | Unset): The bank's customer or company id, where the portal asks for one.
        password (None | str | Unset): The delegated user's password. Accepted, never echoed, never logged.
    """

    bank_username: None | str | Unset = UNSET
    bank_customer_id: None | str | Unset = UNSET
    password: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_username: None | str | Unset
        if isinstance(self.bank_username, Unset):
            bank_username = UNSET
        else:
            bank_username = self.bank_username

        bank_customer_id: None | str | Unset
        if isinstance(self.bank_customer_id, Unset):
            bank_customer_id = UNSET
        else:
            bank_customer_id = self.bank_customer_id

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bank_username is not UNSET:
            field_dict["bankUsername"] = bank_username
        if bank_customer_id is not UNSET:
            field_dict["bankCustomerId"] = bank_customer_id
        if password is not UNSET:
            field_dict["password"] = password

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_bank_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_username = _parse_bank_username(d.pop("bankUsername", UNSET))

        def _parse_bank_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_customer_id = _parse_bank_customer_id(d.pop("bankCustomerId", UNSET))

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))

        update_credentials_request = cls(
            bank_username=bank_username,
            bank_customer_id=bank_customer_id,
            password=password,
        )

        update_credentials_request.additional_properties = d
        return update_credentials_request

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
