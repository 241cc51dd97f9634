from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.connection_status import ConnectionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConnectionStatusChangedData")


@_attrs_define
class ConnectionStatusChangedData:
    """`data` of `connection.status_changed`. The docs show an example only: the types,
    requiredness and nullability of the fields are not expanded, so every field is
    optional and the error fields accept `null`. The status enum is taken to be the
    connection status enum (inferred).

        Example:
            {'connectionId': 'conn_123', 'previousStatus': 'active', 'status': 'errored', 'errorCode': 'bank_unavailable',
                'errorMessage': 'The bank portal did not respond.'}

        Attributes:
            connection_id (str | Unset): The connection whose status changed. Example: conn_123.
            previous_status (ConnectionStatus | Unset): Lifecycle status. `draft` onboarding inputs incomplete;
                `pendingActivation` bank side
                done, Waycore activating; `active` syncing normally; `reauthRequired` bank
                authentication must be renewed; `errored` recoverable, Waycore retries; `paused`
                temporarily suspended; `revoked` access removed (terminal).
                 Example: active.
            status (ConnectionStatus | Unset): Lifecycle status. `draft` onboarding inputs incomplete; `pendingActivation`
                bank side
                done, Waycore activating; `active` syncing normally; `reauthRequired` bank
                authentication must be renewed; `errored` recoverable, Waycore retries; `paused`
                temporarily suspended; `revoked` access removed (terminal).
                 Example: active.
            error_code (None | str | Unset): Most recent connection error code, when available. Free text, no enum.
            error_message (None | str | Unset): Most recent connection error message, when available.
    """

    connection_id: str | Unset = UNSET
    previous_status: ConnectionStatus | Unset = UNSET
    status: ConnectionStatus | Unset = UNSET
    error_code: None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        connection_id = self.connection_id

        previous_status: str | Unset = UNSET
        if not isinstance(self.previous_status, Unset):
            previous_status = self.previous_status.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        error_code: None | str | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if connection_id is not UNSET:
            field_dict["connectionId"] = connection_id
        if previous_status is not UNSET:
            field_dict["previousStatus"] = previous_status
        if status is not UNSET:
            field_dict["status"] = status
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        connection_id = d.pop("connectionId", UNSET)

        _previous_status = d.pop("previousStatus", UNSET)
        previous_status: ConnectionStatus | Unset
        if isinstance(_previous_status, Unset):
            previous_status = UNSET
        else:
            previous_status = ConnectionStatus(_previous_status)

        _status = d.pop("status", UNSET)
        status: ConnectionStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ConnectionStatus(_status)

        def _parse_error_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_code = _parse_error_code(d.pop("errorCode", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        connection_status_changed_data = cls(
            connection_id=connection_id,
            previous_status=previous_status,
            status=status,
            error_code=error_code,
            error_message=error_message,
        )

        connection_status_changed_data.additional_properties = d
        return connection_status_changed_data

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
