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

from ..models.connection_status import ConnectionStatus
from ..models.sync_status import SyncStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ready_connection_metadata import ReadyConnectionMetadata


T = TypeVar("T", bound="ReadyConnection")


@_attrs_define
class ReadyConnection:
    """Canonical connection record for a non-setup bank integration.

    Example:
        {'id': 'conn_123', 'entityId': '3c90c3cc-0d44-4b50-8888-8dd25736052a', 'institutionId': 'chase', 'status':
            'active', 'syncStatus': 'idle', 'createdAt': '2023-11-07T05:31:56Z', 'updatedAt': '2023-11-07T05:31:56Z',
            'kind': 'ready', 'portalUrl': 'https://secure.chase.com/web/auth/dashboard', 'institutionName': 'Chase',
            'lastSyncedAt': '2023-11-07T05:31:56Z', 'errorCode': None, 'errorMessage': None, 'metadata': {}}

    Attributes:
        id (str): Stable, immutable identifier for the connection. Example: conn_123.
        entity_id (str): Stable identifier for the entity that owns this connection.
        institution_id (str): Waycore's canonical institution identifier.
        status (ConnectionStatus): Lifecycle status. `draft` onboarding inputs incomplete; `pendingActivation` bank side
            done, Waycore activating; `active` syncing normally; `reauthRequired` bank
            authentication must be renewed; `errored` recoverable, Waycore retries; `paused`
            temporarily suspended; `revoked` access removed (terminal).
             Example: active.
        sync_status (SyncStatus): Current public sync status. Example: idle.
        created_at (datetime.datetime): When the connection was created in this API.
        updated_at (datetime.datetime): When the connection last changed in this API.
        kind (Literal['ready'] | Unset): Always `ready` on this shape; a payload without `kind` is a ready connection.
            Default: 'ready'.
        portal_url (None | str | Unset): Normalized portal URL used as the connection anchor, when available.
        institution_name (None | str | Unset): Institution display name, when available.
        last_synced_at (datetime.datetime | None | Unset): When the connection was last synchronised successfully, when
            available.
        error_code (None | str | Unset): Most recent connection error code, when available. Free text, no enum.
        error_message (None | str | Unset): Most recent connection error message, when available.
        metadata (ReadyConnectionMetadata | Unset): Opaque client-defined metadata.
    """

    id: str
    entity_id: str
    institution_id: str
    status: ConnectionStatus
    sync_status: SyncStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind: Literal["ready"] | Unset = "ready"
    portal_url: None | str | Unset = UNSET
    institution_name: None | str | Unset = UNSET
    last_synced_at: datetime.datetime | None | Unset = UNSET
    error_code: None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    metadata: ReadyConnectionMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        entity_id = self.entity_id

        institution_id = self.institution_id

        status = self.status.value

        sync_status = self.sync_status.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind = self.kind

        portal_url: None | str | Unset
        if isinstance(self.portal_url, Unset):
            portal_url = UNSET
        else:
            portal_url = self.portal_url

        institution_name: None | str | Unset
        if isinstance(self.institution_name, Unset):
            institution_name = UNSET
        else:
            institution_name = self.institution_name

        last_synced_at: None | str | Unset
        if isinstance(self.last_synced_at, Unset):
            last_synced_at = UNSET
        elif isinstance(self.last_synced_at, datetime.datetime):
            last_synced_at = self.last_synced_at.isoformat()
        else:
            last_synced_at = self.last_synced_at

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

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "entityId": entity_id,
                "institutionId": institution_id,
                "status": status,
                "syncStatus": sync_status,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if portal_url is not UNSET:
            field_dict["portalUrl"] = portal_url
        if institution_name is not UNSET:
            field_dict["institutionName"] = institution_name
        if last_synced_at is not UNSET:
            field_dict["lastSyncedAt"] = last_synced_at
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ready_connection_metadata import ReadyConnectionMetadata

        d = dict(src_dict)
        id = d.pop("id")

        entity_id = d.pop("entityId")

        institution_id = d.pop("institutionId")

        status = ConnectionStatus(d.pop("status"))

        sync_status = SyncStatus(d.pop("syncStatus"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        kind = cast(Literal["ready"] | Unset, d.pop("kind", UNSET))
        if kind != "ready" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'ready', got '{kind}'")

        def _parse_portal_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portal_url = _parse_portal_url(d.pop("portalUrl", UNSET))

        def _parse_institution_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        institution_name = _parse_institution_name(d.pop("institutionName", UNSET))

        def _parse_last_synced_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_synced_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_synced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_synced_at = _parse_last_synced_at(d.pop("lastSyncedAt", UNSET))

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

        _metadata = d.pop("metadata", UNSET)
        metadata: ReadyConnectionMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ReadyConnectionMetadata.from_dict(_metadata)

        ready_connection = cls(
            id=id,
            entity_id=entity_id,
            institution_id=institution_id,
            status=status,
            sync_status=sync_status,
            created_at=created_at,
            updated_at=updated_at,
            kind=kind,
            portal_url=portal_url,
            institution_name=institution_name,
            last_synced_at=last_synced_at,
            error_code=error_code,
            error_message=error_message,
            metadata=metadata,
        )

        ready_connection.additional_properties = d
        return ready_connection

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
