"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_list import AccountList
from .account_metadata import AccountMetadata
from .account_status import AccountStatus
from .account_type import AccountType
from .balance import Balance
from .balance_list import BalanceList
from .balance_source import BalanceSource
from .connection_list import ConnectionList
from .connection_setup import ConnectionSetup
from .connection_status import ConnectionStatus
from .connection_status_changed_data import ConnectionStatusChangedData
from .connection_status_changed_event import ConnectionStatusChangedEvent
from .create_connection_request import CreateConnectionRequest
from .create_entity_request import CreateEntityRequest
from .create_entity_request_metadata import CreateEntityRequestMetadata
from .create_webhook_request import CreateWebhookRequest
from .create_webhook_request_metadata import CreateWebhookRequestMetadata
from .create_webhook_response import CreateWebhookResponse
from .entity import Entity
from .entity_list import EntityList
from .entity_metadata import EntityMetadata
from .entry_type import EntryType
from .external_transfer_destination import ExternalTransferDestination
from .external_transfer_request import ExternalTransferRequest
from .institution import Institution
from .institution_list import InstitutionList
from .internal_account_destination import InternalAccountDestination
from .internal_transfer_request import InternalTransferRequest
from .money import Money
from .pagination import Pagination
from .payment_identifier import PaymentIdentifier
from .ready_connection import ReadyConnection
from .ready_connection_metadata import ReadyConnectionMetadata
from .response_meta import ResponseMeta
from .setup_connection import SetupConnection
from .setup_connection_metadata import SetupConnectionMetadata
from .setup_instructions import SetupInstructions
from .sync_status import SyncStatus
from .transaction import Transaction
from .transaction_added import TransactionAdded
from .transaction_list import TransactionList
from .transaction_modified import TransactionModified
from .transaction_rail import TransactionRail
from .transaction_removed import TransactionRemoved
from .transaction_sort import TransactionSort
from .transaction_status import TransactionStatus
from .transaction_sync_page import TransactionSyncPage
from .transactions_sync_available_data import TransactionsSyncAvailableData
from .transactions_sync_available_event import TransactionsSyncAvailableEvent
from .transfer import Transfer
from .transfer_destination import TransferDestination
from .transfer_direction import TransferDirection
from .transfer_failure_reason import TransferFailureReason
from .transfer_list import TransferList
from .transfer_status import TransferStatus
from .transfer_type import TransferType
from .update_credentials_request import UpdateCredentialsRequest
from .update_entity_request import UpdateEntityRequest
from .update_webhook_request import UpdateWebhookRequest
from .update_webhook_request_metadata_type_0 import UpdateWebhookRequestMetadataType0
from .webhook import Webhook
from .webhook_event_envelope import WebhookEventEnvelope
from .webhook_event_envelope_data import WebhookEventEnvelopeData
from .webhook_event_type import WebhookEventType
from .webhook_list import WebhookList
from .webhook_metadata import WebhookMetadata
from .webhook_test_event import WebhookTestEvent
from .webhook_test_event_data import WebhookTestEventData

__all__ = (
    "Account",
    "AccountList",
    "AccountMetadata",
    "AccountStatus",
    "AccountType",
    "Balance",
    "BalanceList",
    "BalanceSource",
    "ConnectionList",
    "ConnectionSetup",
    "ConnectionStatus",
    "ConnectionStatusChangedData",
    "ConnectionStatusChangedEvent",
    "CreateConnectionRequest",
    "CreateEntityRequest",
    "CreateEntityRequestMetadata",
    "CreateWebhookRequest",
    "CreateWebhookRequestMetadata",
    "CreateWebhookResponse",
    "Entity",
    "EntityList",
    "EntityMetadata",
    "EntryType",
    "ExternalTransferDestination",
    "ExternalTransferRequest",
    "Institution",
    "InstitutionList",
    "InternalAccountDestination",
    "InternalTransferRequest",
    "Money",
    "Pagination",
    "PaymentIdentifier",
    "ReadyConnection",
    "ReadyConnectionMetadata",
    "ResponseMeta",
    "SetupConnection",
    "SetupConnectionMetadata",
    "SetupInstructions",
    "SyncStatus",
    "Transaction",
    "TransactionAdded",
    "TransactionList",
    "TransactionModified",
    "TransactionRail",
    "TransactionRemoved",
    "TransactionSort",
    "TransactionStatus",
    "TransactionSyncPage",
    "TransactionsSyncAvailableData",
    "TransactionsSyncAvailableEvent",
    "Transfer",
    "TransferDestination",
    "TransferDirection",
    "TransferFailureReason",
    "TransferList",
    "TransferStatus",
    "TransferType",
    "UpdateCredentialsRequest",
    "UpdateEntityRequest",
    "UpdateWebhookRequest",
    "UpdateWebhookRequestMetadataType0",
    "Webhook",
    "WebhookEventEnvelope",
    "WebhookEventEnvelopeData",
    "WebhookEventType",
    "WebhookList",
    "WebhookMetadata",
    "WebhookTestEvent",
    "WebhookTestEventData",
)
