from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_status import AccountStatus
from ..models.account_type import AccountType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_metadata import AccountMetadata


T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """A bank account discovered on a connection.

    Example:
        {'id': 'acct_123', 'connectionId': 'conn_123', 'type': 'checking', 'currency': 'USD', 'name': 'Operating
            Account', 'status': 'open', 'createdAt': '2023-11-07T05:31:56Z', 'updatedAt': '2023-11-07T05:31:56Z',
            'officialName': 'Business Complete Checking', 'maskedNumber': '****6789', 'accountNumber': '482910375612',
            'routingNumber': '021000021', 'swiftBic': 'CHASUS33', 'currentBalance': '1234.56', 'availableBalance':
            '1200.00', 'balanceAsOf': '2023-11-07T05:31:56Z', 'metadata': {}}

    Attributes:
        id (str): Stable, immutable identifier for the account. Example: acct_123.
        connection_id (str): Identifier of the parent connection. Example: conn_123.
        type_ (AccountType): Canonical account type. Current and Newest list `moneyMarket`; Legacy does not.
             Example: checking.
        currency (str): Account currency or asset code. Example: USD.
        name (str): Display name for the account.
        status (AccountStatus): Account status. Example: open.
        created_at (datetime.datetime): Current: a proxy timestamp inherited from the parent connection's `createdAt`,
            which may predate the account's first appearance (Legacy: when the account was
            first created in this API).
        updated_at (datetime.datetime): Equals `balanceAsOf` when present, otherwise the parent connection's
            `updatedAt`.
        official_name (None | str | Unset): Institution-provided account name, when available.
        masked_number (None | str | Unset): Masked account number, when available.
        account_number (None | str | Unset): Account number, when available and permitted. Sensitive.
        routing_number (None | str | Unset): Routing or ABA number, when available. Sensitive.
        swift_bic (None | str | Unset): SWIFT/BIC, when available.
        current_balance (None | str | Unset): Current ledger balance as reported by the bank, a signed decimal string.
            Example: 1234.56.
        available_balance (None | str | Unset): Available balance, a signed decimal string. Example: 1200.00.
        balance_as_of (datetime.datetime | None | Unset): Timestamp associated with the balance fields, when available.
        metadata (AccountMetadata | Unset): Opaque client-defined metadata.
    """

    id: str
    connection_id: str
    type_: AccountType
    currency: str
    name: str
    status: AccountStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    official_name: None | str | Unset = UNSET
    masked_number: None | str | Unset = UNSET
    account_number: None | str | Unset = UNSET
    routing_number: None | str | Unset = UNSET
    swift_bic: None | str | Unset = UNSET
    current_balance: None | str | Unset = UNSET
    available_balance: None | str | Unset = UNSET
    balance_as_of: datetime.datetime | None | Unset = UNSET
    metadata: AccountMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        connection_id = self.connection_id

        type_ = self.type_.value

        currency = self.currency

        name = self.name

        status = self.status.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        official_name: None | str | Unset
        if isinstance(self.official_name, Unset):
            official_name = UNSET
        else:
            official_name = self.official_name

        masked_number: None | str | Unset
        if isinstance(self.masked_number, Unset):
            masked_number = UNSET
        else:
            masked_number = self.masked_number

        account_number: None | str | Unset
        if isinstance(self.account_number, Unset):
            account_number = UNSET
        else:
            account_number = self.account_number

        routing_number: None | str | Unset
        if isinstance(self.routing_number, Unset):
            routing_number = UNSET
        else:
            routing_number = self.routing_number

        swift_bic: None | str | Unset
        if isinstance(self.swift_bic, Unset):
            swift_bic = UNSET
        else:
            swift_bic = self.swift_bic

        current_balance: None | str | Unset
        if isinstance(self.current_balance, Unset):
            current_balance = UNSET
        else:
            current_balance = self.current_balance

        available_balance: None | str | Unset
        if isinstance(self.available_balance, Unset):
            available_balance = UNSET
        else:
            available_balance = self.available_balance

        balance_as_of: None | str | Unset
        if isinstance(self.balance_as_of, Unset):
            balance_as_of = UNSET
        elif isinstance(self.balance_as_of, datetime.datetime):
            balance_as_of = self.balance_as_of.isoformat()
        else:
            balance_as_of = self.balance_as_of

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "connectionId": connection_id,
                "type": type_,
                "currency": currency,
                "name": name,
                "status": status,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if official_name is not UNSET:
            field_dict["officialName"] = official_name
        if masked_number is not UNSET:
            field_dict["maskedNumber"] = masked_number
        if account_number is not UNSET:
            field_dict["accountNumber"] = account_number
        if routing_number is not UNSET:
            field_dict["routingNumber"] = routing_number
        if swift_bic is not UNSET:
            field_dict["swiftBic"] = swift_bic
        if current_balance is not UNSET:
            field_dict["currentBalance"] = current_balance
        if available_balance is not UNSET:
            field_dict["availableBalance"] = available_balance
        if balance_as_of is not UNSET:
            field_dict["balanceAsOf"] = balance_as_of
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.account_metadata import AccountMetadata

        d = dict(src_dict)
        id = d.pop("id")

        connection_id = d.pop("connectionId")

        type_ = AccountType(d.pop("type"))

        currency = d.pop("currency")

        name = d.pop("name")

        status = AccountStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_official_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        official_name = _parse_official_name(d.pop("officialName", UNSET))

        def _parse_masked_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        masked_number = _parse_masked_number(d.pop("maskedNumber", UNSET))

        def _parse_account_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_number = _parse_account_number(d.pop("accountNumber", UNSET))

        def _parse_routing_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        routing_number = _parse_routing_number(d.pop("routingNumber", UNSET))

        def _parse_swift_bic(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        swift_bic = _parse_swift_bic(d.pop("swiftBic", UNSET))

        def _parse_current_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_balance = _parse_current_balance(d.pop("currentBalance", UNSET))

        def _parse_available_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        available_balance = _parse_available_balance(d.pop("availableBalance", UNSET))

        def _parse_balance_as_of(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                balance_as_of_type_0 = datetime.datetime.fromisoformat(data)

                return balance_as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        balance_as_of = _parse_balance_as_of(d.pop("balanceAsOf", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: AccountMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = AccountMetadata.from_dict(_metadata)

        account = cls(
            id=id,
            connection_id=connection_id,
            type_=type_,
            currency=currency,
            name=name,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            official_name=official_name,
            masked_number=masked_number,
            account_number=account_number,
            routing_number=routing_number,
            swift_bic=swift_bic,
            current_balance=current_balance,
            available_balance=available_balance,
            balance_as_of=balance_as_of,
            metadata=metadata,
        )

        account.additional_properties = d
        return account

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
