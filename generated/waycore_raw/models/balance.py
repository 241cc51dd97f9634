from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.balance_source import BalanceSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="Balance")


@_attrs_define
class Balance:
    """One projected end-of-day balance row of an account. Each row belongs to an account, a
    connection and an entity. Only the Newest guide describes it: field types, formats,
    requiredness and nullability are not documented (the `connectionId` and `entityId`
    names are inferred from "belongs to an account, connection, and entity"), so every
    field is optional here and the amounts may be null. No row id is documented.

        Example:
            {'accountId': 'acct_123', 'connectionId': 'conn_123', 'entityId': '3c90c3cc-0d44-4b50-8888-8dd25736052a',
                'date': '2023-11-06', 'ledgerBalance': '1234.56', 'postedTransactionDelta': '-250.00', 'source': 'bankProvided',
                'updatedAt': '2023-11-07T05:31:56Z'}

        Attributes:
            account_id (str | Unset): The account this balance belongs to. Example: acct_123.
            connection_id (str | Unset): The connection of the account (name inferred). Example: conn_123.
            entity_id (str | Unset): The entity that owns the account (name inferred). Example:
                3c90c3cc-0d44-4b50-8888-8dd25736052a.
            date (datetime.date | Unset): Balance date (a date without time, presumably; not shown). Example: 2023-11-06.
            ledger_balance (None | str | Unset): End-of-day posted (ledger) balance for that date, a decimal string (type
                not shown). Example: 1234.56.
            posted_transaction_delta (None | str | Unset): Sum of posted transaction amounts on that date; pending
                transactions are excluded. Example: -250.00.
            source (BalanceSource | Unset): `bankProvided` when the balance came from bank data; `derived` when Waycore
                computed
                it from an observed balance anchor plus posted transactions.
                 Example: bankProvided.
            updated_at (datetime.datetime | Unset): When the projected balance row last changed.
    """

    account_id: str | Unset = UNSET
    connection_id: str | Unset = UNSET
    entity_id: str | Unset = UNSET
    date: datetime.date | Unset = UNSET
    ledger_balance: None | str | Unset = UNSET
    posted_transaction_delta: None | str | Unset = UNSET
    source: BalanceSource | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        connection_id = self.connection_id

        entity_id = self.entity_id

        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        ledger_balance: None | str | Unset
        if isinstance(self.ledger_balance, Unset):
            ledger_balance = UNSET
        else:
            ledger_balance = self.ledger_balance

        posted_transaction_delta: None | str | Unset
        if isinstance(self.posted_transaction_delta, Unset):
            posted_transaction_delta = UNSET
        else:
            posted_transaction_delta = self.posted_transaction_delta

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if account_id is not UNSET:
            field_dict["accountId"] = account_id
        if connection_id is not UNSET:
            field_dict["connectionId"] = connection_id
        if entity_id is not UNSET:
            field_dict["entityId"] = entity_id
        if date is not UNSET:
            field_dict["date"] = date
        if ledger_balance is not UNSET:
            field_dict["ledgerBalance"] = ledger_balance
        if posted_transaction_delta is not UNSET:
            field_dict["postedTransactionDelta"] = posted_transaction_delta
        if source is not UNSET:
            field_dict["source"] = source
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = d.pop("accountId", UNSET)

        connection_id = d.pop("connectionId", UNSET)

        entity_id = d.pop("entityId", UNSET)

        _date = d.pop("date", UNSET)
        date: datetime.date | Unset
        if isinstance(_date, Unset):
            date = UNSET
        else:
            date = datetime.date.fromisoformat(_date)

        def _parse_ledger_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ledger_balance = _parse_ledger_balance(d.pop("ledgerBalance", UNSET))

        def _parse_posted_transaction_delta(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        posted_transaction_delta = _parse_posted_transaction_delta(
            d.pop("postedTransactionDelta", UNSET)
        )

        _source = d.pop("source", UNSET)
        source: BalanceSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = BalanceSource(_source)

        _updated_at = d.pop("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        balance = cls(
            account_id=account_id,
            connection_id=connection_id,
            entity_id=entity_id,
            date=date,
            ledger_balance=ledger_balance,
            posted_transaction_delta=posted_transaction_delta,
            source=source,
            updated_at=updated_at,
        )

        balance.additional_properties = d
        return balance

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
