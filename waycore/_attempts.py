"""The life of one API call, without I/O: send, log, decide whether to retry, raise.

`attempts()` is a generator the sync and async clients both drive. It yields either an
`httpx2.Request` to send (the client sends back the `httpx2.Response`, or the
`httpx2.RequestError` it raised) or a float of seconds to sleep (the client sends back
`None`). It returns the successful response or raises the SDK's exception. Keeping this
logic free of I/O is what lets both clients share it line for line.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Generator

import httpx2

from ._exceptions import APIConnectionError, APITimeoutError, make_status_error
from ._logging import logger
from ._retry import decide_retry

Step = httpx2.Request | float
Outcome = httpx2.Response | httpx2.RequestError | None


def attempts(
    request: httpx2.Request,
    *,
    max_retries: int,
    secrets: tuple[str, ...] = (),
    wall_clock: Callable[[], float] = time.time,
    jitter: Callable[[], float] = random.random,
) -> Generator[Step, Outcome, httpx2.Response]:
    """Drive one call: see the module docstring for the protocol."""
    retries = 0
    while True:
        started = time.perf_counter()
        outcome = yield request
        elapsed_ms = (time.perf_counter() - started) * 1000.0
        if isinstance(outcome, httpx2.Response):
            status: int | None = outcome.status_code
            if logger.isEnabledFor(logging.INFO):
                logger.info(
                    "%s %s -> %d (%.1f ms, attempt %d, request_id=%s)",
                    request.method,
                    request.url.path,
                    outcome.status_code,
                    elapsed_ms,
                    retries + 1,
                    outcome.headers.get("x-request-id"),
                )
            if 200 <= outcome.status_code < 300:
                return outcome
            retry_after = outcome.headers.get("retry-after")
        else:
            status, retry_after = None, None
            logger.info(
                "%s %s failed: %s (%.1f ms, attempt %d)",
                request.method,
                request.url.path,
                type(outcome).__name__,
                elapsed_ms,
                retries + 1,
            )
        delay = decide_retry(
            retries_done=retries,
            max_retries=max_retries,
            status_code=status,
            retry_after=retry_after,
            now=wall_clock(),
            jitter=jitter(),
        )
        if delay is None:
            if isinstance(outcome, httpx2.Response):
                raise make_status_error(outcome, secrets=secrets)
            if isinstance(outcome, httpx2.TimeoutException):
                raise APITimeoutError(request=request) from outcome
            raise APIConnectionError(request=request) from outcome
        retries += 1
        logger.info(
            "retrying %s %s in %.2f s (retry %d of %d)",
            request.method,
            request.url.path,
            delay,
            retries,
            max_retries,
        )
        yield delay
