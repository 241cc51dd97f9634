"""`waycore sandbox`: serve a local in-memory Waycore API until Ctrl-C."""

from __future__ import annotations

import argparse

from ._args import api_key_text, int_range, text
from ._errors import CliError, ExitCode
from ._parser import Commands
from ._session import note


def register(commands: Commands) -> None:
    sandbox = commands.local_command(
        "sandbox",
        help="serve a local in-memory Waycore sandbox until Ctrl-C (prints the base URL "
        "and the key to export on stderr)",
        run=_serve,
    )
    sandbox.add_argument(
        "--host",
        type=text,
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1)",
    )
    sandbox.add_argument(
        "--port",
        type=int_range(0, 65535),
        default=8080,
        help="port to listen on, 0 for any free port (default: 8080)",
    )
    sandbox.add_argument(
        "--api-key",
        dest="sandbox_api_key",
        type=api_key_text,
        metavar="KEY",
        help="the key the sandbox accepts (default: a random one)",
    )


def _serve(args: argparse.Namespace) -> None:
    from ..testing import Sandbox  # only this command needs it

    sandbox = Sandbox(host=args.host, port=args.port, api_key=args.sandbox_api_key)
    try:
        sandbox.start()
    except (OSError, OverflowError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise CliError(
            f"cannot serve the sandbox on {args.host} port {args.port}: {reason}", ExitCode.ERROR
        ) from None
    try:
        note(f"Waycore sandbox on {sandbox.base_url}")
        note(f"export WAYCORE_BASE_URL={sandbox.base_url}")
        note(f"export WAYCORE_API_KEY={sandbox.api_key}")
        sandbox.serve()  # returns on Ctrl-C
    finally:
        sandbox.stop()
