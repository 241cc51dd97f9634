"""Building the `Waycore` client from the global options, and reading the bank password.

Every value is checked with a message naming the option or variable it came from
(`--base-url`, `WAYCORE_BASE_URL`...); nothing here ever quotes a URL or a key.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

import httpx2

from .._constants import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from ._args import usable_key
from ._errors import CliError, ExitCode, UsageError, host_of
from ._session import session

if TYPE_CHECKING:
    from .._client import Waycore

__all__ = ["build_client", "read_password"]


def _check_base_url(url: str, source: str) -> str:
    """The host (and port) of a usable base URL; a `UsageError` naming `source` otherwise.

    Nothing here quotes the URL: it might carry credentials.
    """
    if any(c.isspace() or not c.isprintable() for c in url):
        raise UsageError(f"{source} contains whitespace or control characters")
    try:
        parsed = httpx2.URL(url)
    except httpx2.InvalidURL as exc:
        raise UsageError(f"{source} is not a valid URL ({exc})") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise UsageError(f"{source} must be an absolute http:// or https:// URL")
    if parsed.userinfo:
        raise UsageError(f"{source} may not contain a user name or password")
    if parsed.port is not None and not 1 <= parsed.port <= 65535:
        raise UsageError(f"{source} has port {parsed.port}; a port is from 1 to 65535")
    return host_of(parsed)


def _option_message(exc: Exception, names: Mapping[str, str]) -> str:
    """An SDK argument error reworded with the CLI's names (`base_url` → `--base-url`)."""
    message = str(exc)
    for sdk_name, cli_name in names.items():
        if message.startswith(sdk_name):
            return cli_name + message[len(sdk_name) :]
    return message


def build_client(args: argparse.Namespace) -> Waycore:
    """A `Waycore` client from the global options and the environment."""
    from .._client import Waycore

    current = session()
    key: str | None = args.api_key or os.environ.get(API_KEY_ENV)
    key_source = "--api-key" if args.api_key else API_KEY_ENV
    if not key:
        raise CliError(
            f"WaycoreError: No API key: set the {API_KEY_ENV} environment variable "
            "(or pass --api-key)",
            ExitCode.AUTH,
        )
    current.add_secret(key)
    if not usable_key(key):
        raise CliError(
            f"the API key in {key_source} contains whitespace or non-printable characters",
            ExitCode.AUTH,
        )
    url: str | None = args.base_url or os.environ.get(BASE_URL_ENV) or None
    url_source = "--base-url" if args.base_url else BASE_URL_ENV
    host = _check_base_url(url, url_source) if url else host_of(httpx2.URL(DEFAULT_BASE_URL))
    names = {
        "base_url": url_source,
        "api_key": f"the API key in {key_source}",
        "timeout": "--timeout",
        "max_retries": "--max-retries",
    }
    try:
        client = Waycore(key, base_url=url, timeout=args.timeout, max_retries=args.max_retries)
    except (ValueError, TypeError, OverflowError) as exc:
        raise UsageError(_option_message(exc, names)) from None
    current.host = host
    return client


def read_password(option: str = "--password") -> str:
    """The bank password from the first line of stdin, or a prompt on a terminal.

    An empty password is refused (the SDK would treat it as "not given" and silently send
    the other credentials without it). The password is masked in every later message.
    """
    stdin = sys.stdin
    if stdin is None:
        raise UsageError(f"{option} reads the password from stdin, but there is no stdin")
    if stdin.isatty():
        try:
            password = getpass.getpass("Bank password: ")
        except EOFError:
            password = ""
        where = "at the prompt"
    else:
        password = stdin.readline().rstrip("\r\n")
        where = "on stdin (its first line is empty or stdin is empty)"
    if not password:
        raise UsageError(f"{option}: no password was given {where}; nothing was sent")
    session().add_secret(password)
    return password
