from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_meta import ResponseMeta
    from ..models.transaction_added import TransactionAdded
    from ..models.transaction_modified import TransactionModified
    from ..models.transaction_removed import TransactionRemoved


T = TypeVar("T", bound="TransactionSyncPage")


@_attrs_define
class TransactionSyncPage:
    """One page of the transaction change feed (no `pagination` wrapper). The docs show all
    four fields in the example without marking requiredness; the nullability of
    `nextCursor` is not shown, so `null` is accepted.

        Example:
            {'events': [{'type': 'added', 'eventId': 'evt_txn_001', 'eventAt': '2023-11-07T05:31:56Z', 'transaction': {'id':
                '5d0c1f8e-3b7a-4c2d-9e6f-1a2b3c4d5e6f', 'connectionId': 'conn_123', 'accountId': 'acct_123', 'status': 'posted',
                'postedDate': '2023-11-06', 'updatedAt': '2023-11-07T05:31:56Z', 'amount': '-250.00', 'currency': 'USD',
                'entryType': 'debit', 'description': 'GUSTO PAYROLL', 'rail': 'ach'}}, {'type': 'removed', 'eventId':
                'evt_txn_002', 'eventAt': '2023-11-07T05:32:10Z', 'transactionId': '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'}],
                'nextCursor': 'sync_cur_2', 'hasMore': False, 'meta': {'requestId': 'req_123'}}

        Attributes:
            events (list[TransactionAdded | TransactionModified | TransactionRemoved]): Change events, ordered by the
                server's sync cursor ascending.
            next_cursor (None | str): Opaque cursor for the next sync call. Persist it only after the page is durably
                applied.
            has_more (bool): Whether more change events are immediately available; if so, call again at once.
            meta (ResponseMeta | Unset): Response metadata. Example: {'requestId': 'req_123'}.
    """

    events: list[TransactionAdded | TransactionModified | TransactionRemoved]
    next_cursor: None | str
    has_more: bool
    meta: ResponseMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.transaction_added import TransactionAdded
        from ..models.transaction_modified import TransactionModified

        events = []
        for events_item_data in self.events:
            events_item: dict[str, Any]
            if isinstance(events_item_data, TransactionAdded) or isinstance(
                events_item_data, TransactionModified
            ):
                events_item = events_item_data.to_dict()
            else:
                events_item = events_item_data.to_dict()

            events.append(events_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        has_more = self.has_more

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "events": events,
                "nextCursor": next_cursor,
                "hasMore": has_more,
            }
        )
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.response_meta import ResponseMeta
        from ..models.transaction_added import TransactionAdded
        from ..models.transaction_modified import TransactionModified
        from ..models.transaction_removed import TransactionRemoved

        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:

            def _parse_events_item(
                data: object,
            ) -> TransactionAdded | TransactionModified | TransactionRemoved:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_transaction_sync_event_type_0 = (
                        TransactionAdded.from_dict(data)
                    )

                    return componentsschemas_transaction_sync_event_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_transaction_sync_event_type_1 = (
                        TransactionModified.from_dict(data)
                    )

                    return componentsschemas_transaction_sync_event_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_transaction_sync_event_type_2 = (
                    TransactionRemoved.from_dict(data)
                )

                return componentsschemas_transaction_sync_event_type_2

            events_item = _parse_events_item(events_item_data)

            events.append(events_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("nextCursor"))

        has_more = d.pop("hasMore")

        _meta = d.pop("meta", UNSET)
        meta: ResponseMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = ResponseMeta.from_dict(_meta)

        transaction_sync_page = cls(
            events=events,
            next_cursor=next_cursor,
            has_more=has_more,
            meta=meta,
        )

        transaction_sync_page.additional_properties = d
        return transaction_sync_page

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
