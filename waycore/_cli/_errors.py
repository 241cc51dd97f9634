"""Exit codes, and the mapping of every failure to one line and one exit code.

`describe(exc)` is the single place that decides what a shell user reads and which status
the command exits with; `run()` writes its message through `report()` (masked, one line).
"""

from __future__ import annotations

import enum

import httpx2

from .._constants import API_KEY_ENV
from .._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    WaitTimeoutError,
    WaycoreError,
)
from ._session import session

__all__ = [
    "EXIT_CODES_HELP",
    "CliError",
    "ExitCode",
    "UsageError",
    "describe",
    "host_of",
]


class ExitCode(enum.IntEnum):
    """Exit statuses of the `waycore` command (documented in `--help` and the README)."""

    OK = 0
    ERROR = 1  # any other API error (400, 422, 429, 5xx, unreadable response) or failure
    USAGE = 2  # bad command line or option value; nothing was sent
    NOT_FOUND = 3  # 404
    AUTH = 4  # API key missing or malformed, or rejected (401, 403)
    CONFLICT = 5  # 409, e.g. a sync already running
    NETWORK = 6  # the API could not be reached or did not answer in time; `wait` ran out
    INTERRUPTED = 130  # Ctrl-C
    BROKEN_PIPE = 141  # stdout closed early (`| head`), as a shell reports SIGPIPE


EXIT_CODES_HELP = """\
exit codes:
  0    success
  1    any other API error (400, 422, 429, 5xx, an unreadable response, a connection
       that cannot become ready) or another failure
  2    usage: bad command line or option value; nothing was sent
  3    not found (404)
  4    authentication: API key missing or malformed, or rejected (401, 403)
  5    conflict (409), e.g. a sync is already running
  6    network failure or timeout: the API could not be reached or did not answer in
       time, or `connections wait` ran out of time
  130  interrupted (Ctrl-C), e.g. how `webhooks listen` is stopped
  141  stdout was closed early (e.g. piped into `head`)"""


class CliError(Exception):
    """A failure with a message already written for a shell user."""

    def __init__(self, message: str, code: ExitCode = ExitCode.ERROR) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class UsageError(CliError):
    """A bad command line or option value, found before anything was sent."""

    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.USAGE)


def host_of(url: httpx2.URL) -> str:
    """`host[:port]` of a URL, IPv6 hosts in brackets (never the path or the user info)."""
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f"{host}:{url.port}" if url.port is not None else host


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _public_name(exc: BaseException) -> str:
    """The name a user can catch: `InvalidCursorError` for the SDK's internal class that is
    both an `InvalidCursorError` and a `BadRequestError`."""
    import waycore

    for cls in type(exc).__mro__:
        name: str = cls.__name__
        if getattr(waycore, name, None) is cls:
            return name
    return type(exc).__name__


def describe(exc: BaseException) -> tuple[ExitCode, str]:
    """The exit code and the one-line message (without `waycore: error:`) for a failure."""
    name = _public_name(exc)
    if isinstance(exc, CliError):
        return exc.code, exc.message
    if isinstance(exc, APITimeoutError):
        return ExitCode.NETWORK, f"{name}: {_api_host(exc)} did not answer in time ({exc})"
    if isinstance(exc, APIConnectionError):
        cause = exc.__cause__ or exc.__context__
        detail = f": {_reason(cause)}" if cause is not None else ""
        return ExitCode.NETWORK, f"{name}: cannot reach {_api_host(exc)}{detail} ({exc})"
    if isinstance(exc, AuthenticationError | PermissionDeniedError):
        hint = (
            f" (check {API_KEY_ENV} or --api-key)" if isinstance(exc, AuthenticationError) else ""
        )
        return ExitCode.AUTH, f"{name}: {exc}{hint}"
    if isinstance(exc, NotFoundError):
        return ExitCode.NOT_FOUND, f"{name}: {exc}"
    if isinstance(exc, ConflictError):
        return ExitCode.CONFLICT, f"{name}: {exc}"
    if isinstance(exc, WaitTimeoutError):
        return ExitCode.NETWORK, f"{name}: {exc}"
    if isinstance(exc, WaycoreError):
        return ExitCode.ERROR, f"{name}: {exc}"
    if isinstance(exc, httpx2.InvalidURL):
        return ExitCode.USAGE, f"the base URL is not usable ({exc})"
    if isinstance(exc, RecursionError):
        return ExitCode.ERROR, "the data is nested too deeply to handle"
    if isinstance(exc, ValueError | TypeError):  # the SDK's argument checks
        return ExitCode.USAGE, f"{name}: {exc}"
    if isinstance(exc, OSError):
        return ExitCode.ERROR, f"{name}: {_reason(exc)}"
    return ExitCode.ERROR, f"unexpected {name}: {exc} (a bug in waycore-python; please report it)"


def _api_host(exc: APIError) -> str:
    host = session().host
    if host is not None:
        return host
    try:
        return host_of(exc.request.url)
    except Exception:  # no request attached
        return "the Waycore API"
