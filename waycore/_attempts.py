"""The life of one API call, without I/O: send, log, decide whether to retry, raise.

`attempts()` is a generator the sync and async clients both drive. It yields either an
`httpx2.Request` to send (the client sends back the `httpx2.Response` with its body read, or
the `httpx2.RequestError` / `BodyError` it met) or a float of seconds to sleep (the client
sends back `None`). It returns the successful response or raises the SDK's exception.
Keeping this logic free of I/O is what lets both clients share it line for line.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Generator, Mapping

import httpx2

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    make_status_error,
)
from ._logging import logger
from ._operation import Retry
from ._retry import decide_retry

Step = httpx2.Request | float


class BodyError(Exception):
    """The status line arrived but the body could not be read: too large, or undecodable.

    `response` has the raw bytes read so far as its content.
    """

    def __init__(self, reason: str, response: httpx2.Response) -> None:
        super().__init__(reason)
        self.reason = reason
        self.response = response


Outcome = httpx2.Response | httpx2.RequestError | BodyError | None

# Failures that prove the request never left: it is safe to send any call again.
_NOT_SENT = (httpx2.ConnectError, httpx2.ConnectTimeout, httpx2.PoolTimeout)

# Set on an error raised only because the retry it deserved would end past the deadline:
# `wait_until_ready`, whose wait set that deadline, reports it as its own timeout.
_CUT_BY_DEADLINE = "_waycore_cut_by_deadline"


def cut_by_deadline(error: BaseException) -> bool:
    """Whether `error` ended its call because no retry fitted before the deadline."""
    return getattr(error, _CUT_BY_DEADLINE, False) is True


def clip_timeout(timeout: httpx2.Timeout, remaining: float) -> httpx2.Timeout:
    """The timeout of one attempt, shortened so it cannot outlive the call's deadline."""
    seconds = max(remaining, 0.001)

    def clip(value: float | None) -> float:
        return seconds if value is None else min(value, seconds)

    return httpx2.Timeout(
        connect=clip(timeout.connect),
        read=clip(timeout.read),
        write=clip(timeout.write),
        pool=clip(timeout.pool),
    )


def _mask_chain(error: BaseException, secrets: tuple[str, ...]) -> None:
    """Mask secrets in the messages of a transport error and of its causes: they become the
    SDK error's `__cause__`, printed in tracebacks, and may quote what a server sent (h11
    quotes a malformed header line)."""
    from ._redact import redact

    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.args = tuple(
            redact(arg, secrets) if isinstance(arg, str) else arg for arg in current.args
        )
        current = current.__cause__ or current.__context__


def _masked_headers(headers: httpx2.Headers, secrets: tuple[str, ...]) -> str:
    from ._redact import redact

    shown = []
    for name, value in headers.multi_items():
        if name.lower() in ("authorization", "cookie", "set-cookie", "proxy-authorization"):
            value = "***"
        shown.append(f"{name}: {redact(value, secrets)}")
    return "; ".join(shown)


def _log_outcome(
    request: httpx2.Request,
    outcome: Outcome,
    elapsed_ms: float,
    attempt: int,
    secrets: tuple[str, ...],
) -> None:
    if not logger.isEnabledFor(logging.INFO):
        return
    from ._redact import redact

    if isinstance(outcome, httpx2.Response):
        request_id = outcome.headers.get("x-request-id")
        logger.info(
            "%s %s -> %d (%.1f ms, attempt %d, request_id=%s)",
            request.method,
            request.url.path,
            outcome.status_code,
            elapsed_ms,
            attempt,
            None if request_id is None else redact(request_id, secrets),
        )
    else:
        logger.info(
            "%s %s failed: %s (%.1f ms, attempt %d)",
            request.method,
            request.url.path,
            type(outcome).__name__,
            elapsed_ms,
            attempt,
        )
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "request %s %s (%d bytes) headers: %s",
            request.method,
            request.url.path,
            len(request.content),
            _masked_headers(request.headers, secrets),
        )
        response = outcome.response if isinstance(outcome, BodyError) else outcome
        if isinstance(response, httpx2.Response):
            logger.debug(
                "response %d (%d bytes) headers: %s",
                response.status_code,
                len(response.content),
                _masked_headers(response.headers, secrets),
            )


def attempts(
    request: httpx2.Request,
    *,
    max_retries: int,
    retry: Retry = Retry.SAFE,
    status_errors: Mapping[int, type[APIStatusError]] | None = None,
    repeat_conflict_ok: bool = False,
    secrets: tuple[str, ...] = (),
    deadline: float | None = None,
    timeout: httpx2.Timeout | None = None,
    clock: Callable[[], float] = time.monotonic,
    wall_clock: Callable[[], float] = time.time,
    jitter: Callable[[], float] = random.random,
) -> Generator[Step, Outcome, httpx2.Response]:
    """Drive one call: see the module docstring for the protocol.

    `deadline` is a time on `clock` by which the whole call must end; each attempt's
    `timeout` is clipped to the time left, and a backoff sleep that would end past it is not
    slept: the last attempt's error is raised instead.
    """
    retries = 0
    # Whether an earlier attempt may have been processed although its answer was lost.
    maybe_processed = False
    while True:
        if deadline is not None:
            remaining = deadline - clock()
            if remaining <= 0:
                raise APITimeoutError(request=request)
            if timeout is not None:
                request.extensions["timeout"] = clip_timeout(timeout, remaining).as_dict()
        started = time.perf_counter()
        outcome = yield request
        elapsed_ms = (time.perf_counter() - started) * 1000.0
        _log_outcome(request, outcome, elapsed_ms, retries + 1, secrets)
        error: APIError
        status: int | None = None
        retry_after: str | None = None
        reached_server = True
        if isinstance(outcome, httpx2.Response):
            if 200 <= outcome.status_code < 300:
                return outcome
            status = outcome.status_code
            if status == 409 and repeat_conflict_ok and maybe_processed:
                return outcome
            retry_after = outcome.headers.get("retry-after")
            error = make_status_error(outcome, secrets=secrets, status_errors=status_errors)
        elif isinstance(outcome, BodyError):
            response = outcome.response
            if 200 <= response.status_code < 300 or outcome.reason == "too large":
                # The server answered; its body is the problem. Not worth sending again.
                raise APIResponseValidationError(
                    f"The {response.status_code} response body could not be read: {outcome.reason}",
                    response=response,
                    body=response.content,
                ) from None
            status = response.status_code
            error = make_status_error(response, secrets=secrets, status_errors=status_errors)
        else:
            assert isinstance(outcome, httpx2.RequestError)
            _mask_chain(outcome, secrets)
            reached_server = not isinstance(outcome, _NOT_SENT)
            maybe_processed = maybe_processed or reached_server
            past_deadline = deadline is not None and clock() >= deadline
            if isinstance(outcome, httpx2.TimeoutException) or past_deadline:
                error = APITimeoutError(request=request)
                if past_deadline:
                    raise error from outcome
            else:
                error = APIConnectionError(request=request)
            error.__cause__ = outcome
        delay = decide_retry(
            retries_done=retries,
            max_retries=max_retries,
            status_code=status,
            retry_after=retry_after,
            now=wall_clock(),
            jitter=jitter(),
            safe=retry is Retry.SAFE,
            reached_server=reached_server,
        )
        if delay is None or (deadline is not None and clock() + delay >= deadline):
            logger.debug(
                "not retrying %s %s: %s",
                request.method,
                request.url.path,
                "no retry left or not safe to repeat" if delay is None else "past the deadline",
            )
            if delay is not None:
                setattr(error, _CUT_BY_DEADLINE, True)
            raise error
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
