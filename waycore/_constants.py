"""Defaults shared by the sync and async clients."""

from __future__ import annotations

DEFAULT_BASE_URL = "https://api.waycore.com/v1"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2

API_KEY_ENV = "WAYCORE_API_KEY"
BASE_URL_ENV = "WAYCORE_BASE_URL"
LOG_ENV = "WAYCORE_LOG"

# Backoff: about 0.5 s doubling, capped near 8 s, with jitter (as openai-python and stripe do).
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# A Retry-After longer than this is not slept: the error is raised at once instead.
MAX_RETRY_AFTER = 60.0

# Statuses worth retrying besides 5xx: request timeout and rate limiting.
RETRYABLE_STATUSES = frozenset({408, 429})

# wait_until_ready polling.
DEFAULT_WAIT_TIMEOUT = 900.0
DEFAULT_POLL_INTERVAL = 2.0
POLL_BACKOFF = 1.5
MAX_POLL_INTERVAL = 60.0

LIST_LIMIT_MIN = 1
LIST_LIMIT_MAX = 500

# How much of a response body an exception message shows.
MAX_BODY_IN_MESSAGE = 500

# A response body larger than this (decompressed) is refused: a hostile or broken server must
# not exhaust memory (a 2 MB gzip body can inflate to gigabytes).
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

# The most a `timeout` or `deadline` may be: beyond it the OS timers overflow.
MAX_SECONDS = 86_400.0 * 7
