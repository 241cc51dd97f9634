"""Contains all the data models used in inputs/outputs"""

from .connection_list import ConnectionList
from .connection_setup import ConnectionSetup
from .connection_status import ConnectionStatus
from .create_connection_request import CreateConnectionRequest
from .pagination import Pagination
from .ready_connection import ReadyConnection
from .ready_connection_metadata import ReadyConnectionMetadata
from .response_meta import ResponseMeta
from .setup_connection import SetupConnection
from .setup_connection_metadata import SetupConnectionMetadata
from .setup_instructions import SetupInstructions
from .sync_status import SyncStatus
from .update_credentials_request import UpdateCredentialsRequest

__all__ = (
    "ConnectionList",
    "ConnectionSetup",
    "ConnectionStatus",
    "CreateConnectionRequest",
    "Pagination",
    "ReadyConnection",
    "ReadyConnectionMetadata",
    "ResponseMeta",
    "SetupConnection",
    "SetupConnectionMetadata",
    "SetupInstructions",
    "SyncStatus",
    "UpdateCredentialsRequest",
)
