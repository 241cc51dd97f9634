from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.setup_instructions import SetupInstructions


T = TypeVar("T", bound="ConnectionSetup")


@_attrs_define
class ConnectionSetup:
    """Onboarding state of a setup connection. The docs show one value each for `status`,
    `actionRequiredBy` and `nextAction` but not their full lists, so they are open strings.

        Example:
            {'status': 'awaitingDelegatedUserCreation', 'instructions': {'firstName': 'Waycore', 'lastName': 'Delegate',
                'email': 'acme.delegate@users.waycore.com', 'username': 'acme_waycore', 'emailProvisioningStatus': 'pending'},
                'credentialsPresent': False, 'actionRequiredBy': 'endUser', 'nextAction': 'createDelegatedUser'}

        Attributes:
            status (str | Unset): Setup stage, e.g. `awaitingDelegatedUserCreation`. Full list undocumented. Example:
                awaitingDelegatedUserCreation.
            instructions (SetupInstructions | Unset): What to show the end user to create the delegated user at the bank.
                Filled in on the
                first create response; any string may be null while Waycore is still provisioning it.
                 Example: {'firstName': 'Waycore', 'lastName': 'Delegate', 'address': '123 Market St, San Francisco, CA 94105',
                'email': 'acme.delegate@users.waycore.com', 'username': 'acme_waycore', 'phoneNumber': '+14155550123',
                'emailProvisioningStatus': 'pending', 'phoneNumberProvisioningStatus': 'pending'}.
            credentials_present (bool | Unset): Whether credentials were already handed over.
            action_required_by (str | Unset): Who acts next, e.g. `endUser`. Other values undocumented. Example: endUser.
            next_action (str | Unset): The next step, e.g. `createDelegatedUser`. Full list undocumented. Example:
                createDelegatedUser.
    """

    status: str | Unset = UNSET
    instructions: SetupInstructions | Unset = UNSET
    credentials_present: bool | Unset = UNSET
    action_required_by: str | Unset = UNSET
    next_action: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        instructions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.instructions, Unset):
            instructions = self.instructions.to_dict()

        credentials_present = self.credentials_present

        action_required_by = self.action_required_by

        next_action = self.next_action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if credentials_present is not UNSET:
            field_dict["credentialsPresent"] = credentials_present
        if action_required_by is not UNSET:
            field_dict["actionRequiredBy"] = action_required_by
        if next_action is not UNSET:
            field_dict["nextAction"] = next_action

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.setup_instructions import SetupInstructions

        d = dict(src_dict)
        status = d.pop("status", UNSET)

        _instructions = d.pop("instructions", UNSET)
        instructions: SetupInstructions | Unset
        if isinstance(_instructions, Unset):
            instructions = UNSET
        else:
            instructions = SetupInstructions.from_dict(_instructions)

        credentials_present = d.pop("credentialsPresent", UNSET)

        action_required_by = d.pop("actionRequiredBy", UNSET)

        next_action = d.pop("nextAction", UNSET)

        connection_setup = cls(
            status=status,
            instructions=instructions,
            credentials_present=credentials_present,
            action_required_by=action_required_by,
            next_action=next_action,
        )

        connection_setup.additional_properties = d
        return connection_setup

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
