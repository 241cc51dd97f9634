from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SetupInstructions")


@_attrs_define
class SetupInstructions:
    """What to show the end user to create the delegated user at the bank. Filled in on the
    first create response; any string may be null while Waycore is still provisioning it.

        Example:
            {'firstName': 'Waycore', 'lastName': 'Delegate', 'address': '123 Market St, San Francisco, CA 94105', 'email':
                'acme.delegate@users.waycore.com', 'username': 'acme_waycore', 'phoneNumber': '+14155550123',
                'emailProvisioningStatus': 'pending', 'phoneNumberProvisioningStatus': 'pending'}

        Attributes:
            first_name (None | str | Unset): Delegated user's first name.
            last_name (None | str | Unset): Delegated user's last name.
            address (None | str | Unset): Delegated user's postal address.
            email (None | str | Unset): Delegated user's email address.
            username (None | str | Unset): Username to create at the bank.
            phone_number (None | str | Unset): Delegated user's phone number.
            email_provisioning_status (None | str | Unset): Provisioning state of the email address, e.g. `pending`. Full
                list undocumented.
            phone_number_provisioning_status (None | str | Unset): Provisioning state of the phone number. Full list
                undocumented.
    """

    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    username: None | str | Unset = UNSET
    phone_number: None | str | Unset = UNSET
    email_provisioning_status: None | str | Unset = UNSET
    phone_number_provisioning_status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        email_provisioning_status: None | str | Unset
        if isinstance(self.email_provisioning_status, Unset):
            email_provisioning_status = UNSET
        else:
            email_provisioning_status = self.email_provisioning_status

        phone_number_provisioning_status: None | str | Unset
        if isinstance(self.phone_number_provisioning_status, Unset):
            phone_number_provisioning_status = UNSET
        else:
            phone_number_provisioning_status = self.phone_number_provisioning_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if address is not UNSET:
            field_dict["address"] = address
        if email is not UNSET:
            field_dict["email"] = email
        if username is not UNSET:
            field_dict["username"] = username
        if phone_number is not UNSET:
            field_dict["phoneNumber"] = phone_number
        if email_provisioning_status is not UNSET:
            field_dict["emailProvisioningStatus"] = email_provisioning_status
        if phone_number_provisioning_status is not UNSET:
            field_dict["phoneNumberProvisioningStatus"] = (
                phone_number_provisioning_status
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("firstName", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("lastName", UNSET))

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_number = _parse_phone_number(d.pop("phoneNumber", UNSET))

        def _parse_email_provisioning_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email_provisioning_status = _parse_email_provisioning_status(
            d.pop("emailProvisioningStatus", UNSET)
        )

        def _parse_phone_number_provisioning_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_number_provisioning_status = _parse_phone_number_provisioning_status(
            d.pop("phoneNumberProvisioningStatus", UNSET)
        )

        setup_instructions = cls(
            first_name=first_name,
            last_name=last_name,
            address=address,
            email=email,
            username=username,
            phone_number=phone_number,
            email_provisioning_status=email_provisioning_status,
            phone_number_provisioning_status=phone_number_provisioning_status,
        )

        setup_instructions.additional_properties = d
        return setup_instructions

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
