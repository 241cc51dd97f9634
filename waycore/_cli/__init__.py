"""The `waycore` command: the SDK from a shell, one JSON object per line on stdout.

Layout: what every command shares is split by concern —
- `_session`: one run's state; masking secrets in everything written to stderr.
- `_errors`: `ExitCode` and the exception → one-line message + exit code mapping.
- `_args`: argument types that refuse bad values before anything is sent; `--limit`.
- `_parser`: the parser (which never echoes a secret), global options, `Commands`.
- `_client`: the `Waycore` client from the global options; the bank password from stdin.
- `_output`: `emit(obj)`, one JSON line in the API's wire form (`to_dict()`); broken pipes.
- `_run`: parse, run, map failures to exit codes.

Each resource group has one module whose `register(commands: Commands) -> None` adds its
subcommands. Adding a resource is one module plus one line in `_RESOURCES` below.

The API key comes from `$WAYCORE_API_KEY` (or `--api-key`), the bank password from stdin or
a prompt, never from the command line. Neither is ever printed, and no traceback is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import (
    _accounts,
    _balances,
    _connections,
    _entities,
    _institutions,
    _sandbox,
    _transactions,
    _transfers,
    _webhooks,
)
from ._errors import ExitCode
from ._parser import Commands, Parser
from ._parser import build_parser as _build_parser
from ._run import run

__all__ = ["ExitCode", "build_parser", "main"]

_RESOURCES: tuple[Callable[[Commands], None], ...] = (
    _entities.register,
    _institutions.register,
    _connections.register,
    _accounts.register,
    _balances.register,
    _transactions.register,
    _transfers.register,
    _webhooks.register,
    _sandbox.register,
)


def build_parser() -> Parser:
    """The `waycore` argument parser with every resource's subcommands."""
    return _build_parser(_RESOURCES)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `waycore` console script; returns the exit code (see `ExitCode`).

    As with any argparse program, `--help`, `--version` and usage errors raise `SystemExit`
    (0, 0 and 2).
    """
    return run(build_parser(), argv)
