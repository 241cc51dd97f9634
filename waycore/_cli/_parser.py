"""The `waycore` argument parser: global options, and where resource modules add commands.

`Parser` never echoes a secret in its error messages; `Commands` is what a resource
module's `register(commands)` receives (see `waycore._cli`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

import attrs

from .._constants import (
    API_KEY_ENV,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    LOG_ENV,
)
from ._args import MAX_REQUEST_TIMEOUT, api_key_text, int_range, seconds, text
from ._errors import EXIT_CODES_HELP, ExitCode
from ._session import mask, printable

if TYPE_CHECKING:
    from .._client import Waycore

    _Subparsers: TypeAlias = "argparse._SubParsersAction[Parser]"

__all__ = [
    "GLOBAL_OPTIONS",
    "WEBHOOK_SECRET_ENV",
    "ApiCommand",
    "Commands",
    "Handler",
    "LocalCommand",
    "Parser",
    "build_parser",
]

GLOBAL_OPTIONS = ("--api-key", "--base-url", "--timeout", "--max-retries")
WEBHOOK_SECRET_ENV = "WAYCORE_WEBHOOK_SECRET"  # noqa: S105 - a variable name, not a secret


class Parser(argparse.ArgumentParser):
    """An `ArgumentParser` that never echoes a secret in its error messages.

    argparse quotes stray words ("unrecognized arguments: ...") and flag values
    (`--password=VALUE`: "ignored explicit argument ..."): either could be a password.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # No abbreviations: `--pass=x` must not be read as `--password` (or echoed).
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        if message.startswith("unrecognized arguments"):
            words = message.partition(":")[2]
            misplaced = [opt for opt in GLOBAL_OPTIONS if _mentions_option(words, opt)]
            message = "unrecognized arguments (not shown; passwords are read from stdin)"
            if misplaced:
                message += f"; {', '.join(misplaced)} must come before the command"
        elif "ignored explicit argument" in message:
            option = message.partition(": ignored explicit argument")[0]
            message = (
                f"{option}: takes no value (the value is not shown); "
                "the password is read from stdin or a prompt"
            )
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {printable(mask(message))}\n")


def _mentions_option(words: str, option: str) -> bool:
    return any(word == option or word.startswith(option + "=") for word in words.split())


# -- registration -------------------------------------------------------------------------

ApiCommand: TypeAlias = "Callable[[Waycore, argparse.Namespace], None]"
"""A subcommand that talks to the API: gets a ready client and the parsed arguments."""
LocalCommand: TypeAlias = Callable[[argparse.Namespace], None]
"""A subcommand that needs no client (e.g. `sandbox`)."""


@attrs.frozen
class Handler:
    """What runs a parsed command: exactly one of `api` and `local` is set."""

    api: ApiCommand | None = None
    local: LocalCommand | None = None


class Commands:
    """Where subcommands are added: the top level (`waycore X`) or a group (`waycore G X`)."""

    def __init__(self, subparsers: _Subparsers) -> None:
        self._subparsers = subparsers

    def group(self, name: str, *, help: str) -> Commands:
        """A resource group `waycore NAME ACTION ...`; add its actions to the result."""
        parser = self._subparsers.add_parser(name, help=help, description=_sentence(help))
        return Commands(
            parser.add_subparsers(
                title="actions",
                dest="action",
                metavar="ACTION",
                required=True,
                help=f"one of the following; `waycore {name} ACTION --help` shows its options",
            )
        )

    def command(self, name: str, *, help: str, run: ApiCommand) -> argparse.ArgumentParser:
        """A subcommand run with a `Waycore` client built from the global options."""
        return self._add(name, help, Handler(api=run))

    def local_command(
        self,
        name: str,
        *,
        help: str,
        run: LocalCommand,
    ) -> argparse.ArgumentParser:
        """A subcommand that needs no client (no API key is required for it)."""
        return self._add(name, help, Handler(local=run))

    def _add(self, name: str, help: str, handler: Handler) -> argparse.ArgumentParser:
        parser = self._subparsers.add_parser(name, help=help, description=_sentence(help))
        parser.set_defaults(_handler=handler)
        return parser


def _sentence(help: str) -> str:
    return help[:1].upper() + help[1:] + ("" if help.endswith(".") else ".")


# -- the whole parser ---------------------------------------------------------------------

_DESCRIPTION = """\
The Waycore API from a shell. Results are printed on stdout, one JSON object per line, in
the API's wire form (camelCase names, amounts as decimal strings); errors are one line on
stderr starting with `waycore: error:`.

Global options (--api-key, --base-url, --timeout, --max-retries) go before the command:
  waycore --timeout 10 connections list --status active"""

_ENVIRONMENT_HELP = f"""\
environment:
  {API_KEY_ENV}   the API key, used when --api-key is not given (required by every
                    command except `sandbox` and `webhooks listen`)
  {BASE_URL_ENV}  the API base URL, used when --base-url is not given
  {LOG_ENV}       `debug` or `info`: log each request to stderr
  {WEBHOOK_SECRET_ENV}
                    the signing secret `webhooks listen` verifies deliveries with, used
                    when --secret is not given

The bank password is never taken from the command line: `connections credentials
--password` reads it from the first line of stdin, or prompts for it on a terminal."""


def build_parser(registrars: Iterable[Callable[[Commands], None]]) -> Parser:
    """The full parser: global options, then each resource's `register(commands)`."""
    from .._version import __version__

    parser = Parser(
        prog="waycore",
        description=_DESCRIPTION,
        epilog=f"{_ENVIRONMENT_HELP}\n\n{EXIT_CODES_HELP}",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"waycore-python {__version__}",
        help="print the SDK version and exit",
    )
    parser.add_argument(
        "--api-key",
        type=api_key_text,
        metavar="KEY",
        help=f"API key (default: ${API_KEY_ENV}, which is safer: a key on the command line "
        "is visible to other local users in `ps`)",
    )
    parser.add_argument(
        "--base-url",
        type=text,
        metavar="URL",
        help=f"API base URL (default: ${BASE_URL_ENV}, else {DEFAULT_BASE_URL}); plain "
        "http:// only for loopback hosts",
    )
    parser.add_argument(
        "--timeout",
        type=seconds(MAX_REQUEST_TIMEOUT),
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time allowed for each phase of a request: connect, send, each read "
        f"(default: {DEFAULT_TIMEOUT:g}, at most {MAX_REQUEST_TIMEOUT:g})",
    )
    parser.add_argument(
        "--max-retries",
        type=int_range(0, 100),
        default=DEFAULT_MAX_RETRIES,
        metavar="N",
        help=f"retries after a network error, a timeout, 408, 429 or 5xx "
        f"(default: {DEFAULT_MAX_RETRIES})",
    )
    commands = Commands(
        parser.add_subparsers(
            title="commands",
            dest="command",
            metavar="COMMAND",
            required=True,
            help="one of the following; `waycore COMMAND --help` shows its options",
        )
    )
    for register in registrars:
        register(commands)
    return parser
