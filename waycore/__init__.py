"""Python SDK for the Waycore commercial banking API.

Example::

    import waycore

    with waycore.Waycore() as client:                  # API key from $WAYCORE_API_KEY
        conn = client.connections.create(entity_id=entity_id, institution_id="chase")
"""

from ._client import AsyncWaycore, Waycore
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ConnectionStateError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    WaitTimeoutError,
    WaycoreError,
)
from ._pagination import AsyncConnectionPager, ConnectionPager
from ._parsing import ConnectionPage
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__
from .types import (
    Connection,
    ConnectionSetup,
    ConnectionStatus,
    ReadyConnection,
    SetupConnection,
    SetupInstructions,
    SyncStatus,
    UnknownConnection,
)

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncConnectionPager",
    "AsyncWaycore",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "Connection",
    "ConnectionPage",
    "ConnectionPager",
    "ConnectionSetup",
    "ConnectionStateError",
    "ConnectionStatus",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "ReadyConnection",
    "SetupConnection",
    "SetupInstructions",
    "SyncStatus",
    "UnknownConnection",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "Waycore",
    "WaycoreError",
    "__version__",
]
