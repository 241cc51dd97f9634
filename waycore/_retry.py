"""The retry decision: pure functions shared by the sync and async clients."""

from __future__ import annotations

import math
import re

from ._constants import (
    INITIAL_RETRY_DELAY,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    RETRYABLE_STATUSES,
)


def is_retryable_status(status_code: int) -> bool:
    """408, 429 and every 5xx are worth another try; other statuses are final."""
    return status_code in RETRYABLE_STATUSES or status_code >= 500


_DIGITS = re.compile(r"[0-9]+")


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a `Retry-After` value: delta-seconds (digits only) or an
    HTTP-date (RFC 9110). Strict on purpose: `-5`, `1.5`, `1_0` or `inf` are not valid, so
    they are ignored (`None`) rather than misread. A date in the past gives 0.

    `now` is the current POSIX time, used for dates.
    """
    if value is None:
        return None
    value = value.strip()
    if _DIGITS.fullmatch(value):
        # An absurdly long number is still "longer than we wait": no float overflow. Leading
        # zeros do not make a number long ("0000000000005" is 5 s).
        digits = value.lstrip("0") or "0"
        return float(digits) if len(digits) <= 12 else math.inf
    import email.utils  # rarely needed; keeps `import waycore` light

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; a date without a zone is not one
        return None
    return max(when.timestamp() - now, 0.0)


def backoff_delay(retries_done: int, *, jitter: float) -> float:
    """Exponential backoff: 0.5 s, 1 s, 2 s… capped at 8 s, less up to 25 % jitter.

    `jitter` is a number in [0, 1), normally `random.random()`.
    """
    delay = min(INITIAL_RETRY_DELAY * (2.0**retries_done), MAX_RETRY_DELAY)
    return delay * (1.0 - 0.25 * jitter)


def decide_retry(
    *,
    retries_done: int,
    max_retries: int,
    status_code: int | None,
    retry_after: str | None,
    now: float,
    jitter: float,
    safe: bool = True,
    reached_server: bool = True,
) -> float | None:
    """How long to wait before retrying, or `None` to give up and raise.

    `status_code` is `None` when the attempt failed without a response (connection error or
    timeout), which is worth retrying. A `Retry-After` within 60 s is honoured, never waiting
    less than the backoff (a `0` or a past date must not start a burst of retries); a longer
    one is neither slept nor replaced by backoff: retrying stops. An unreadable one is
    ignored.

    A call that is not `safe` to repeat (a POST without an idempotency key) is retried only
    when the request surely never reached the server (`reached_server=False`: the connection
    could not be opened) or on 429, which says the request was not processed.
    """
    if retries_done >= max_retries:
        return None
    if status_code is not None and not is_retryable_status(status_code):
        return None
    if not safe and reached_server and status_code != 429:
        return None
    backoff = backoff_delay(retries_done, jitter=jitter)
    wait = parse_retry_after(retry_after, now=now)
    if wait is None:
        return backoff
    return max(wait, backoff) if wait <= MAX_RETRY_AFTER else None
