from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transfer_direction import TransferDirection
from ..models.transfer_status import TransferStatus
from ..models.transfer_type import TransferType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.transfer_destination import TransferDestination
    from ..models.transfer_failure_reason import TransferFailureReason


T = TypeVar("T", bound="Transfer")


@_attrs_define
class Transfer:
    """A transfer, as the Newest docs describe it (create and retry responses). Requiredness
    is inferred from Mintlify's required-first ordering. The response sample omits
    `status`, `type` and `transferType` although the field list has them: they are
    optional here. The name of the direction field is not shown (`type`, inferred).
    `executionDate` is not in the Newest field list (Legacy has it, and the request sends
    it): optional. The Legacy list and get pages describe another schema; its fields may
    still arrive and are kept as additional properties.

        Example:
            {'id': '7c1e9a44-2f3b-4d5e-8a6b-0c9d8e7f6a5b', 'status': 'queued', 'type': 'internal', 'requestedAmount':
                {'type': 'money', 'value': '1250.00', 'currency': 'USD'}, 'sourceAccountId':
                '3c90c3cc-0d44-4b50-8888-8dd25736052a', 'destination': {'type': 'internal', 'accountId':
                '9b2f6c1e-7d4a-4f0b-8c3e-2a1d5e6f7a8b'}, 'transferType': 'internal', 'clientReference': 'INV-1042',
                'executionDate': '2023-12-25', 'memo': 'Fund payroll account', 'createdAt': '2023-12-20T14:03:12Z', 'updatedAt':
                '2023-12-20T14:03:12Z'}

        Attributes:
            id (str): Stable transfer identifier (a UUID in the samples). Example: 7c1e9a44-2f3b-4d5e-8a6b-0c9d8e7f6a5b.
            requested_amount (Money): An amount of money. `value` is a decimal string in responses and in the guide's
                examples; the reference page's curl sample sends a JSON number, so servers may accept
                one, but clients send strings. Requiredness of the three fields is not documented.
                 Example: {'type': 'money', 'value': '1250.00', 'currency': 'USD'}.
            source_account_id (str): Source connected account identifier.
            destination (TransferDestination): Transfer destination: an internal account destination (`{type, accountId}`)
                or a
                masked external account destination, whose shape is not documented.
            client_reference (str): Integrator-supplied reference; where the bank supports it, the reference sent with the
                payment.
            created_at (datetime.datetime): When the transfer was created.
            updated_at (datetime.datetime): When the transfer last changed.
            status (TransferStatus | Unset): Lifecycle status. `queued` accepted and waiting to execute;
                `pending_bank_approval`
                Waycore started the bank flow and the end user must approve in the bank portal
                (always the case for external transfers). The meanings of the other values are not
                captured. (Legacy used camelCase `pendingBankApproval` and had no `returned` or
                `unknown`.)
                 Example: queued.
            type_ (TransferDirection | Unset): Transfer direction. Example: internal.
            executed_amount (Money | Unset): An amount of money. `value` is a decimal string in responses and in the guide's
                examples; the reference page's curl sample sends a JSON number, so servers may accept
                one, but clients send strings. Requiredness of the three fields is not documented.
                 Example: {'type': 'money', 'value': '1250.00', 'currency': 'USD'}.
            transfer_type (TransferType | Unset): Transfer rail. `internal` connected accounts at the same institution;
                `ach` US
                domestic ACH; `wire` US domestic wire; `swift` international wire; `fednow`;
                `rtp`; `sepa`; `local` local domestic rails not covered by a more specific value.
                 Example: ach.
            execution_date (datetime.date | None | Unset): Requested execution date. Not in the Newest field list (see
                above).
            memo (str | Unset): Integrator-visible memo.
            failure_reason (TransferFailureReason | Unset): Failure details when the status is `failed`, `returned` or
                `cancelled`. Example: {'message': 'Insufficient funds in the source account.'}.
    """

    id: str
    requested_amount: Money
    source_account_id: str
    destination: TransferDestination
    client_reference: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    status: TransferStatus | Unset = UNSET
    type_: TransferDirection | Unset = UNSET
    executed_amount: Money | Unset = UNSET
    transfer_type: TransferType | Unset = UNSET
    execution_date: datetime.date | None | Unset = UNSET
    memo: str | Unset = UNSET
    failure_reason: TransferFailureReason | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        requested_amount = self.requested_amount.to_dict()

        source_account_id = self.source_account_id

        destination = self.destination.to_dict()

        client_reference = self.client_reference

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        executed_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.executed_amount, Unset):
            executed_amount = self.executed_amount.to_dict()

        transfer_type: str | Unset = UNSET
        if not isinstance(self.transfer_type, Unset):
            transfer_type = self.transfer_type.value

        execution_date: None | str | Unset
        if isinstance(self.execution_date, Unset):
            execution_date = UNSET
        elif isinstance(self.execution_date, datetime.date):
            execution_date = self.execution_date.isoformat()
        else:
            execution_date = self.execution_date

        memo = self.memo

        failure_reason: dict[str, Any] | Unset = UNSET
        if not isinstance(self.failure_reason, Unset):
            failure_reason = self.failure_reason.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "requestedAmount": requested_amount,
                "sourceAccountId": source_account_id,
                "destination": destination,
                "clientReference": client_reference,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if type_ is not UNSET:
            field_dict["type"] = type_
        if executed_amount is not UNSET:
            field_dict["executedAmount"] = executed_amount
        if transfer_type is not UNSET:
            field_dict["transferType"] = transfer_type
        if execution_date is not UNSET:
            field_dict["executionDate"] = execution_date
        if memo is not UNSET:
            field_dict["memo"] = memo
        if failure_reason is not UNSET:
            field_dict["failureReason"] = failure_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money
        from ..models.transfer_destination import TransferDestination
        from ..models.transfer_failure_reason import TransferFailureReason

        d = dict(src_dict)
        id = d.pop("id")

        requested_amount = Money.from_dict(d.pop("requestedAmount"))

        source_account_id = d.pop("sourceAccountId")

        destination = TransferDestination.from_dict(d.pop("destination"))

        client_reference = d.pop("clientReference")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        _status = d.pop("status", UNSET)
        status: TransferStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TransferStatus(_status)

        _type_ = d.pop("type", UNSET)
        type_: TransferDirection | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = TransferDirection(_type_)

        _executed_amount = d.pop("executedAmount", UNSET)
        executed_amount: Money | Unset
        if isinstance(_executed_amount, Unset):
            executed_amount = UNSET
        else:
            executed_amount = Money.from_dict(_executed_amount)

        _transfer_type = d.pop("transferType", UNSET)
        transfer_type: TransferType | Unset
        if isinstance(_transfer_type, Unset):
            transfer_type = UNSET
        else:
            transfer_type = TransferType(_transfer_type)

        def _parse_execution_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                execution_date_type_0 = datetime.date.fromisoformat(data)

                return execution_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        execution_date = _parse_execution_date(d.pop("executionDate", UNSET))

        memo = d.pop("memo", UNSET)

        _failure_reason = d.pop("failureReason", UNSET)
        failure_reason: TransferFailureReason | Unset
        if isinstance(_failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = TransferFailureReason.from_dict(_failure_reason)

        transfer = cls(
            id=id,
            requested_amount=requested_amount,
            source_account_id=source_account_id,
            destination=destination,
            client_reference=client_reference,
            created_at=created_at,
            updated_at=updated_at,
            status=status,
            type_=type_,
            executed_amount=executed_amount,
            transfer_type=transfer_type,
            execution_date=execution_date,
            memo=memo,
            failure_reason=failure_reason,
        )

        transfer.additional_properties = d
        return transfer

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
