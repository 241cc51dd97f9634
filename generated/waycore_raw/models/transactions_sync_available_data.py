from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TransactionsSyncAvailableData")


@_attrs_define
class TransactionsSyncAvailableData:
    """`data` of `transactions.sync_available`. No event page exists: the guide says
    deliveries are connection-scoped for now, "so accountId is currently null"; the
    `connectionId` field is inferred. Every field is optional.

        Example:
            {'connectionId': 'conn_123', 'accountId': None}

        Attributes:
            connection_id (str | Unset): The connection with fresh transaction data (name inferred). Example: conn_123.
            account_id (None | str | Unset): The account with fresh data; currently always null (connection-scoped
                deliveries).
    """

    connection_id: str | Unset = UNSET
    account_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        connection_id = self.connection_id

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if connection_id is not UNSET:
            field_dict["connectionId"] = connection_id
        if account_id is not UNSET:
            field_dict["accountId"] = account_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        connection_id = d.pop("connectionId", UNSET)

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("accountId", UNSET))

        transactions_sync_available_data = cls(
            connection_id=connection_id,
            account_id=account_id,
        )

        transactions_sync_available_data.additional_properties = d
        return transactions_sync_available_data

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
