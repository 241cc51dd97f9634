from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entry_type import EntryType
from ..models.transaction_rail import TransactionRail
from ..models.transaction_status import TransactionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Transaction")


@_attrs_define
class Transaction:
    """A bank transaction. Ids are `string<uuid>` in the Newest docs and plain strings
    earlier; the UUID format is not enforced. The Newest get page shows
    `customerReference` where the others show `paymentReference` (an unresolved rename):
    both are listed, optional. The nullability of the optional strings is not shown, so
    they accept `null`.

        Example:
            {'id': '5d0c1f8e-3b7a-4c2d-9e6f-1a2b3c4d5e6f', 'connectionId': 'conn_123', 'accountId': 'acct_123', 'status':
                'posted', 'postedDate': '2023-11-06', 'updatedAt': '2023-11-07T05:31:56Z', 'amount': '-250.00', 'currency':
                'USD', 'entryType': 'debit', 'description': 'GUSTO PAYROLL', 'rail': 'ach', 'rawDescription': 'ORIG CO
                NAME:GUSTO ORIG ID:9138864001 DESC DATE:231106 CO ENTRY DESCR:NET', 'paymentReference': 'PAYROLL-2023-11-06',
                'bankReference': '231106000123456', 'baiCode': '451', 'category': 'payroll', 'subcategory': None, 'mcc': None,
                'merchantName': None, 'counterpartyName': 'Gusto', 'counterpartyAccountMasked': '****4321'}

        Attributes:
            id (str): Stable, immutable identifier for the transaction. Example: 5d0c1f8e-3b7a-4c2d-9e6f-1a2b3c4d5e6f.
            connection_id (str): Identifier of the parent connection.
            account_id (str): Identifier of the parent account.
            status (TransactionStatus): Transaction status. Only `pending` and `posted` are emitted today; the rest are
                reserved. Example: posted.
            posted_date (datetime.date | None): Posting or book date; often the only business date the bank provides. Null
                while pending.
            updated_at (datetime.datetime): Advances only when a field currently exposed by the API changes.
            amount (str): Signed decimal string: positive values are inflows, negative values outflows.
                Current and Newest give this pattern; Legacy gave `^-?\\d+(?:\\.\\d{1,18})?$`.
                 Example: -250.00.
            currency (str): Transaction currency or asset code. Example: USD.
            entry_type (EntryType): Whether money came in (`credit`) or went out (`debit`). Example: debit.
            description (str): Transaction description.
            rail (TransactionRail): Payment rail. The documented list is truncated in every stored copy of the docs
                (after `fasterPayments` comes a value beginning with `c`): more values exist, and
                clients must keep values they do not know.
                 Example: ach.
            raw_description (None | str | Unset): The description exactly as the bank provided it.
            payment_reference (None | str | Unset): Payment reference (Legacy and Current; the Newest get page shows
                `customerReference` instead).
            customer_reference (None | str | Unset): Customer reference (Newest get page only, in place of
                `paymentReference`).
            bank_reference (None | str | Unset): The bank's reference for the transaction.
            bai_code (None | str | Unset): BAI transaction type code.
            category (None | str | Unset): Category.
            subcategory (None | str | Unset): Subcategory.
            mcc (None | str | Unset): Merchant category code (card transactions).
            merchant_name (None | str | Unset): Merchant name.
            counterparty_name (None | str | Unset): Counterparty name.
            counterparty_account_masked (None | str | Unset): Masked counterparty account number.
    """

    id: str
    connection_id: str
    account_id: str
    status: TransactionStatus
    posted_date: datetime.date | None
    updated_at: datetime.datetime
    amount: str
    currency: str
    entry_type: EntryType
    description: str
    rail: TransactionRail
    raw_description: None | str | Unset = UNSET
    payment_reference: None | str | Unset = UNSET
    customer_reference: None | str | Unset = UNSET
    bank_reference: None | str | Unset = UNSET
    bai_code: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    subcategory: None | str | Unset = UNSET
    mcc: None | str | Unset = UNSET
    merchant_name: None | str | Unset = UNSET
    counterparty_name: None | str | Unset = UNSET
    counterparty_account_masked: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        connection_id = self.connection_id

        account_id = self.account_id

        status = self.status.value

        posted_date: None | str
        if isinstance(self.posted_date, datetime.date):
            posted_date = self.posted_date.isoformat()
        else:
            posted_date = self.posted_date

        updated_at = self.updated_at.isoformat()

        amount = self.amount

        currency = self.currency

        entry_type = self.entry_type.value

        description = self.description

        rail = self.rail.value

        raw_description: None | str | Unset
        if isinstance(self.raw_description, Unset):
            raw_description = UNSET
        else:
            raw_description = self.raw_description

        payment_reference: None | str | Unset
        if isinstance(self.payment_reference, Unset):
            payment_reference = UNSET
        else:
            payment_reference = self.payment_reference

        customer_reference: None | str | Unset
        if isinstance(self.customer_reference, Unset):
            customer_reference = UNSET
        else:
            customer_reference = self.customer_reference

        bank_reference: None | str | Unset
        if isinstance(self.bank_reference, Unset):
            bank_reference = UNSET
        else:
            bank_reference = self.bank_reference

        bai_code: None | str | Unset
        if isinstance(self.bai_code, Unset):
            bai_code = UNSET
        else:
            bai_code = self.bai_code

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        subcategory: None | str | Unset
        if isinstance(self.subcategory, Unset):
            subcategory = UNSET
        else:
            subcategory = self.subcategory

        mcc: None | str | Unset
        if isinstance(self.mcc, Unset):
            mcc = UNSET
        else:
            mcc = self.mcc

        merchant_name: None | str | Unset
        if isinstance(self.merchant_name, Unset):
            merchant_name = UNSET
        else:
            merchant_name = self.merchant_name

        counterparty_name: None | str | Unset
        if isinstance(self.counterparty_name, Unset):
            counterparty_name = UNSET
        else:
            counterparty_name = self.counterparty_name

        counterparty_account_masked: None | str | Unset
        if isinstance(self.counterparty_account_masked, Unset):
            counterparty_account_masked = UNSET
        else:
            counterparty_account_masked = self.counterparty_account_masked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "connectionId": connection_id,
                "accountId": account_id,
                "status": status,
                "postedDate": posted_date,
                "updatedAt": updated_at,
                "amount": amount,
                "currency": currency,
                "entryType": entry_type,
                "description": description,
                "rail": rail,
            }
        )
        if raw_description is not UNSET:
            field_dict["rawDescription"] = raw_description
        if payment_reference is not UNSET:
            field_dict["paymentReference"] = payment_reference
        if customer_reference is not UNSET:
            field_dict["customerReference"] = customer_reference
        if bank_reference is not UNSET:
            field_dict["bankReference"] = bank_reference
        if bai_code is not UNSET:
            field_dict["baiCode"] = bai_code
        if category is not UNSET:
            field_dict["category"] = category
        if subcategory is not UNSET:
            field_dict["subcategory"] = subcategory
        if mcc is not UNSET:
            field_dict["mcc"] = mcc
        if merchant_name is not UNSET:
            field_dict["merchantName"] = merchant_name
        if counterparty_name is not UNSET:
            field_dict["counterpartyName"] = counterparty_name
        if counterparty_account_masked is not UNSET:
            field_dict["counterpartyAccountMasked"] = counterparty_account_masked

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        connection_id = d.pop("connectionId")

        account_id = d.pop("accountId")

        status = TransactionStatus(d.pop("status"))

        def _parse_posted_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                posted_date_type_0 = datetime.date.fromisoformat(data)

                return posted_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        posted_date = _parse_posted_date(d.pop("postedDate"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        entry_type = EntryType(d.pop("entryType"))

        description = d.pop("description")

        rail = TransactionRail(d.pop("rail"))

        def _parse_raw_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        raw_description = _parse_raw_description(d.pop("rawDescription", UNSET))

        def _parse_payment_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_reference = _parse_payment_reference(d.pop("paymentReference", UNSET))

        def _parse_customer_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_reference = _parse_customer_reference(
            d.pop("customerReference", UNSET)
        )

        def _parse_bank_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_reference = _parse_bank_reference(d.pop("bankReference", UNSET))

        def _parse_bai_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bai_code = _parse_bai_code(d.pop("baiCode", UNSET))

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_subcategory(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subcategory = _parse_subcategory(d.pop("subcategory", UNSET))

        def _parse_mcc(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mcc = _parse_mcc(d.pop("mcc", UNSET))

        def _parse_merchant_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant_name = _parse_merchant_name(d.pop("merchantName", UNSET))

        def _parse_counterparty_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        counterparty_name = _parse_counterparty_name(d.pop("counterpartyName", UNSET))

        def _parse_counterparty_account_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        counterparty_account_masked = _parse_counterparty_account_masked(
            d.pop("counterpartyAccountMasked", UNSET)
        )

        transaction = cls(
            id=id,
            connection_id=connection_id,
            account_id=account_id,
            status=status,
            posted_date=posted_date,
            updated_at=updated_at,
            amount=amount,
            currency=currency,
            entry_type=entry_type,
            description=description,
            rail=rail,
            raw_description=raw_description,
            payment_reference=payment_reference,
            customer_reference=customer_reference,
            bank_reference=bank_reference,
            bai_code=bai_code,
            category=category,
            subcategory=subcategory,
            mcc=mcc,
            merchant_name=merchant_name,
            counterparty_name=counterparty_name,
            counterparty_account_masked=counterparty_account_masked,
        )

        transaction.additional_properties = d
        return transaction

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
