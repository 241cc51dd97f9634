"""Running one command: parse, build the client, run, map any failure to an exit code.

No traceback is ever printed; every message goes through the run's masking (`_session`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .._constants import API_KEY_ENV
from . import _client
from ._errors import ExitCode, describe
from ._output import StdoutClosed, flush_stdout, silence_stdout
from ._parser import Handler
from ._session import (
    Session,
    report,
    reset_session,
    secrets_in_argv,
    start_session,
    write_stderr,
)

__all__ = ["run"]


def run(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> int:
    """Parse `argv` (default: `sys.argv[1:]`), run the command, return the exit code.

    Usage errors, `--help` and `--version` raise `SystemExit` from argparse as usual.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    session = Session(secrets=secrets_in_argv(args_list))
    session.add_secret(os.environ.get(API_KEY_ENV))
    token = start_session(session)
    try:
        return _run(parser, args_list)
    finally:
        reset_session(token)


def _run(parser: argparse.ArgumentParser, argv: list[str]) -> int:
    try:
        args = parser.parse_args(argv)
        handler: Handler = args._handler
        if handler.local is not None:
            handler.local(args)
        else:
            assert handler.api is not None
            # Looked up on the module at each run, so tests can substitute the factory.
            with _client.build_client(args) as client:
                handler.api(client, args)
        flush_stdout()
    except (StdoutClosed, BrokenPipeError):
        silence_stdout()
        return ExitCode.BROKEN_PIPE
    except KeyboardInterrupt:
        write_stderr("\n")
        return ExitCode.INTERRUPTED
    except Exception as exc:
        code, message = describe(exc)
        report(message)
        return code
    return ExitCode.OK
