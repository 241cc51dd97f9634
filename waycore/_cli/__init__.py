"""The `waycore` command: the SDK from a shell, one JSON object per line on stdout.

Layout: `_common` holds what every command shares (parsing, client construction, JSON
output, error → exit code mapping); each resource group has one module whose
`register(commands: Commands) -> None` adds its subcommands. Adding a resource is one module
plus one line in `_RESOURCES` below.

The API key comes from `$WAYCORE_API_KEY` (or `--api-key`), the bank password from stdin or
a prompt, never from the command line. Neither is ever printed, and no traceback is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import _connections, _sandbox
from ._common import Commands, ExitCode, Parser, run
from ._common import build_parser as _build_parser

__all__ = ["ExitCode", "build_parser", "main"]

_RESOURCES: tuple[Callable[[Commands], None], ...] = (
    _connections.register,
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
