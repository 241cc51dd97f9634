from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.payment_identifier import PaymentIdentifier


T = TypeVar("T", bound="ExternalTransferDestination")


@_attrs_define
class ExternalTransferDestination:
    """Destination of an external payment. Only `paymentIdentifier` is documented (Newest
    guide); any other field is allowed.

        Example:
            {'paymentIdentifier': {'scheme': 'us_ach', 'accountNumber': '482910375612', 'routingNumber': '021000021'}}

        Attributes:
            payment_identifier (PaymentIdentifier | Unset): The destination account identity of an external payment, told
                apart by `scheme`
                (e.g. `us_ach`, `uk_sort_code_account_number`, `iban`). The fields of each scheme
                are not documented, so any field is allowed.
                 Example: {'scheme': 'iban', 'iban': 'DE89370400440532013000'}.
    """

    payment_identifier: PaymentIdentifier | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payment_identifier: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_identifier, Unset):
            payment_identifier = self.payment_identifier.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if payment_identifier is not UNSET:
            field_dict["paymentIdentifier"] = payment_identifier

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.payment_identifier import PaymentIdentifier

        d = dict(src_dict)
        _payment_identifier = d.pop("paymentIdentifier", UNSET)
        payment_identifier: PaymentIdentifier | Unset
        if isinstance(_payment_identifier, Unset):
            payment_identifier = UNSET
        else:
            payment_identifier = PaymentIdentifier.from_dict(_payment_identifier)

        external_transfer_destination = cls(
            payment_identifier=payment_identifier,
        )

        external_transfer_destination.additional_properties = d
        return external_transfer_destination

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
