from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transfer_type import TransferType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.external_transfer_destination import ExternalTransferDestination
    from ..models.money import Money


T = TypeVar("T", bound="ExternalTransferRequest")


@_attrs_define
class ExternalTransferRequest:
    """Body of `POST /v1/transfers` for an external payment. The Newest reference renders
    only the internal tab: this request is documented only in part (the rail goes in
    `transferType`; the destination account identity in
    `destination.paymentIdentifier`), so only `type` is required and any other field is
    allowed. The fields shared with the internal request are assumed to be the same.

        Example:
            {'type': 'external', 'amount': {'type': 'money', 'value': '980.00', 'currency': 'USD'}, 'sourceAccountId':
                '3c90c3cc-0d44-4b50-8888-8dd25736052a', 'transferType': 'ach', 'destination': {'paymentIdentifier': {'scheme':
                'us_ach', 'accountNumber': '482910375612', 'routingNumber': '021000021'}}, 'clientReference': 'PO-7781'}

        Attributes:
            type_ (Literal['external']): External payment.
            amount (Money | Unset): An amount of money. `value` is a decimal string in responses and in the guide's
                examples; the reference page's curl sample sends a JSON number, so servers may accept
                one, but clients send strings. Requiredness of the three fields is not documented.
                 Example: {'type': 'money', 'value': '1250.00', 'currency': 'USD'}.
            source_account_id (str | Unset): Source connected account identifier. Example:
                3c90c3cc-0d44-4b50-8888-8dd25736052a.
            transfer_type (TransferType | Unset): Transfer rail. `internal` connected accounts at the same institution;
                `ach` US
                domestic ACH; `wire` US domestic wire; `swift` international wire; `fednow`;
                `rtp`; `sepa`; `local` local domestic rails not covered by a more specific value.
                 Example: ach.
            destination (ExternalTransferDestination | Unset): Destination of an external payment. Only `paymentIdentifier`
                is documented (Newest
                guide); any other field is allowed.
                 Example: {'paymentIdentifier': {'scheme': 'us_ach', 'accountNumber': '482910375612', 'routingNumber':
                '021000021'}}.
            client_reference (str | Unset): Integrator-supplied payment reference, sent with the payment where the bank
                supports it. Example: PO-7781.
            execution_date (datetime.date | Unset): Requested execution date. Omit for the earliest supported date.
            memo (str | Unset): Integrator-visible memo.
            skip_preflight (bool | Unset): Whether to skip optional preflight checks before attempting execution. Default:
                False.
    """

    type_: Literal["external"]
    amount: Money | Unset = UNSET
    source_account_id: str | Unset = UNSET
    transfer_type: TransferType | Unset = UNSET
    destination: ExternalTransferDestination | Unset = UNSET
    client_reference: str | Unset = UNSET
    execution_date: datetime.date | Unset = UNSET
    memo: str | Unset = UNSET
    skip_preflight: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.amount, Unset):
            amount = self.amount.to_dict()

        source_account_id = self.source_account_id

        transfer_type: str | Unset = UNSET
        if not isinstance(self.transfer_type, Unset):
            transfer_type = self.transfer_type.value

        destination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.destination, Unset):
            destination = self.destination.to_dict()

        client_reference = self.client_reference

        execution_date: str | Unset = UNSET
        if not isinstance(self.execution_date, Unset):
            execution_date = self.execution_date.isoformat()

        memo = self.memo

        skip_preflight = self.skip_preflight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if source_account_id is not UNSET:
            field_dict["sourceAccountId"] = source_account_id
        if transfer_type is not UNSET:
            field_dict["transferType"] = transfer_type
        if destination is not UNSET:
            field_dict["destination"] = destination
        if client_reference is not UNSET:
            field_dict["clientReference"] = client_reference
        if execution_date is not UNSET:
            field_dict["executionDate"] = execution_date
        if memo is not UNSET:
            field_dict["memo"] = memo
        if skip_preflight is not UNSET:
            field_dict["skipPreflight"] = skip_preflight

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.external_transfer_destination import ExternalTransferDestination
        from ..models.money import Money

        d = dict(src_dict)
        type_ = cast(Literal["external"], d.pop("type"))
        if type_ != "external":
            raise ValueError(f"type must match const 'external', got '{type_}'")

        _amount = d.pop("amount", UNSET)
        amount: Money | Unset
        if isinstance(_amount, Unset):
            amount = UNSET
        else:
            amount = Money.from_dict(_amount)

        source_account_id = d.pop("sourceAccountId", UNSET)

        _transfer_type = d.pop("transferType", UNSET)
        transfer_type: TransferType | Unset
        if isinstance(_transfer_type, Unset):
            transfer_type = UNSET
        else:
            transfer_type = TransferType(_transfer_type)

        _destination = d.pop("destination", UNSET)
        destination: ExternalTransferDestination | Unset
        if isinstance(_destination, Unset):
            destination = UNSET
        else:
            destination = ExternalTransferDestination.from_dict(_destination)

        client_reference = d.pop("clientReference", UNSET)

        _execution_date = d.pop("executionDate", UNSET)
        execution_date: datetime.date | Unset
        if isinstance(_execution_date, Unset):
            execution_date = UNSET
        else:
            execution_date = datetime.date.fromisoformat(_execution_date)

        memo = d.pop("memo", UNSET)

        skip_preflight = d.pop("skipPreflight", UNSET)

        external_transfer_request = cls(
            type_=type_,
            amount=amount,
            source_account_id=source_account_id,
            transfer_type=transfer_type,
            destination=destination,
            client_reference=client_reference,
            execution_date=execution_date,
            memo=memo,
            skip_preflight=skip_preflight,
        )

        external_transfer_request.additional_properties = d
        return external_transfer_request

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
