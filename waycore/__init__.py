"""Python SDK for the Waycore commercial banking API.

Example::

    import waycore

    with waycore.Waycore() as client:                  # API key from $WAYCORE_API_KEY
        conn = client.connections.create(entity_id=entity_id, institution_id="chase")
"""

from . import webhooks
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
    WebhookVerificationError,
)
from ._operation import RequestOptions
from ._pagination import AsyncPager, Page, Pager
from ._response import APIResponse
from ._types import NOT_GIVEN, NotGiven, Timeout
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

# Names kept from before the generic pager: the connection-specific classes it replaced.
ConnectionPage = Page
ConnectionPager = Pager
AsyncConnectionPager = AsyncPager

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncConnectionPager",
    "AsyncPager",
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
    "Page",
    "Pager",
    "PermissionDeniedError",
    "RateLimitError",
    "ReadyConnection",
    "RequestOptions",
    "SetupConnection",
    "SetupInstructions",
    "SyncStatus",
    "Timeout",
    "UnknownConnection",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "Waycore",
    "WaycoreError",
    "WebhookVerificationError",
    "__version__",
    "webhooks",
]
