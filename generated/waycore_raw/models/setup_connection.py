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
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.connection_setup import ConnectionSetup
    from ..models.setup_connection_metadata import SetupConnectionMetadata


T = TypeVar("T", bound="SetupConnection")


@_attrs_define
class SetupConnection:
    """A connection whose onboarding is not finished yet.

    Example:
        {'id': 'conn_123', 'entityId': '3c90c3cc-0d44-4b50-8888-8dd25736052a', 'institutionId': None, 'status': 'draft',
            'createdAt': '2023-11-07T05:31:56Z', 'updatedAt': '2023-11-07T05:31:56Z', 'kind': 'setup', 'portalUrl':
            'https://secure.examplebank.com/login', 'institutionName': None, 'metadata': {}, 'setup': {'status':
            'awaitingDelegatedUserCreation', 'instructions': {'firstName': 'Waycore', 'lastName': 'Delegate', 'address':
            None, 'email': None, 'username': 'acme_waycore', 'phoneNumber': None, 'emailProvisioningStatus': 'pending',
            'phoneNumberProvisioningStatus': 'pending'}, 'credentialsPresent': False, 'actionRequiredBy': 'endUser',
            'nextAction': 'createDelegatedUser'}}

    Attributes:
        id (str): Stable, immutable identifier for the connection. Example: conn_123.
        entity_id (str): Stable identifier for the entity that owns this connection.
        status (ConnectionStatus): Lifecycle status. `draft` onboarding inputs incomplete; `pendingActivation` bank side
            done, Waycore activating; `active` syncing normally; `reauthRequired` bank
            authentication must be renewed; `errored` recoverable, Waycore retries; `paused`
            temporarily suspended; `revoked` access removed (terminal).
             Example: active.
        created_at (datetime.datetime): When the connection was created in this API.
        updated_at (datetime.datetime): When the connection last changed in this API.
        kind (Literal['setup']): Always `setup` on this shape.
        setup (ConnectionSetup): Onboarding state of a setup connection. The docs show one value each for `status`,
            `actionRequiredBy` and `nextAction` but not their full lists, so they are open strings.
             Example: {'status': 'awaitingDelegatedUserCreation', 'instructions': {'firstName': 'Waycore', 'lastName':
            'Delegate', 'email': 'acme.delegate@users.waycore.com', 'username': 'acme_waycore', 'emailProvisioningStatus':
            'pending'}, 'credentialsPresent': False, 'actionRequiredBy': 'endUser', 'nextAction': 'createDelegatedUser'}.
        institution_id (None | str | Unset): Waycore's canonical institution identifier; null for portal-URL-only
            onboarding.
        portal_url (None | str | Unset): Normalized portal URL used as the connection anchor, when available.
        institution_name (None | str | Unset): Institution display name, when available.
        metadata (SetupConnectionMetadata | Unset): Opaque client-defined metadata.
    """

    id: str
    entity_id: str
    status: ConnectionStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind: Literal["setup"]
    setup: ConnectionSetup
    institution_id: None | str | Unset = UNSET
    portal_url: None | str | Unset = UNSET
    institution_name: None | str | Unset = UNSET
    metadata: SetupConnectionMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        entity_id = self.entity_id

        status = self.status.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind = self.kind

        setup = self.setup.to_dict()

        institution_id: None | str | Unset
        if isinstance(self.institution_id, Unset):
            institution_id = UNSET
        else:
            institution_id = self.institution_id

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

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "entityId": entity_id,
                "status": status,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "kind": kind,
                "setup": setup,
            }
        )
        if institution_id is not UNSET:
            field_dict["institutionId"] = institution_id
        if portal_url is not UNSET:
            field_dict["portalUrl"] = portal_url
        if institution_name is not UNSET:
            field_dict["institutionName"] = institution_name
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.connection_setup import ConnectionSetup
        from ..models.setup_connection_metadata import SetupConnectionMetadata

        d = dict(src_dict)
        id = d.pop("id")

        entity_id = d.pop("entityId")

        status = ConnectionStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        kind = cast(Literal["setup"], d.pop("kind"))
        if kind != "setup":
            raise ValueError(f"kind must match const 'setup', got '{kind}'")

        setup = ConnectionSetup.from_dict(d.pop("setup"))

        def _parse_institution_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        institution_id = _parse_institution_id(d.pop("institutionId", UNSET))

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

        _metadata = d.pop("metadata", UNSET)
        metadata: SetupConnectionMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = SetupConnectionMetadata.from_dict(_metadata)

        setup_connection = cls(
            id=id,
            entity_id=entity_id,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            kind=kind,
            setup=setup,
            institution_id=institution_id,
            portal_url=portal_url,
            institution_name=institution_name,
            metadata=metadata,
        )

        setup_connection.additional_properties = d
        return setup_connection

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
