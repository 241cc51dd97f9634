"""What every `waycore` subcommand shares.

- `Commands`: where a resource module registers its subcommands (see `waycore._cli`).
- Parsing: an `ArgumentParser` whose errors never echo a secret, and argument types that
  refuse bad values before anything is sent.
- `build_client`: a `Waycore` from `--api-key`/`$WAYCORE_API_KEY`, `--base-url`, `--timeout`
  and `--max-retries`, every one checked with a message naming the option.
- `emit`: one JSON object per line on stdout, always valid JSON.
- `run`: the exception → one-line message + exit code mapping (`ExitCode`); no traceback is
  ever printed, and the API key and the bank password are masked in everything written.
"""

from __future__ import annotations

import argparse
import contextvars
import datetime
import decimal
import enum
import getpass
import html
import json
import math
import os
import sys
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias
from urllib.parse import quote, quote_plus

import attrs
import httpx2

from .._constants import (
    API_KEY_ENV,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    LOG_ENV,
)
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

if TYPE_CHECKING:
    from .._client import Waycore

    _Subparsers: TypeAlias = "argparse._SubParsersAction[Parser]"


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
  130  interrupted (Ctrl-C)
  141  stdout was closed early (e.g. piped into `head`)"""

# Upper bounds for option values, so that a typo such as `--timeout 1e10` is a usage error
# rather than an overflow deep in the socket layer.
MAX_REQUEST_TIMEOUT = 86_400.0  # a day
MAX_WAIT = 7 * 86_400.0  # a week


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


class _StdoutClosed(Exception):
    """stdout's reader went away (broken pipe)."""


# -- secrets ------------------------------------------------------------------------------


@attrs.define
class _Session:
    """State of one `main()` run: secrets to mask, and the API host for network messages."""

    secrets: list[str] = attrs.field(factory=list, repr=False)
    host: str | None = None

    def add_secret(self, value: str | None) -> None:
        if value and value not in self.secrets:
            self.secrets.append(value)


_SESSION: contextvars.ContextVar[_Session] = contextvars.ContextVar("waycore_cli_session")


def _session() -> _Session:
    try:
        return _SESSION.get()
    except LookupError:  # the parser or a helper used outside main(): nothing known
        return _Session()


_SECRET_OPTIONS = ("--api-key", "--password")


def _secrets_in_argv(argv: Sequence[str]) -> list[str]:
    """Values given to secret options, in any form, so no message can echo them.

    The word after `--password` is included too: `--password` takes no value, so a word
    after it is likely a password typed where it does not belong.
    """
    found: list[str] = []
    for i, token in enumerate(argv):
        for option in _SECRET_OPTIONS:
            if token.startswith(option + "="):
                found.append(token[len(option) + 1 :])
            elif token == option and i + 1 < len(argv) and not argv[i + 1].startswith("-"):
                found.append(argv[i + 1])
    return [value for value in found if value]


def _encodings(secret: str) -> Iterable[str]:
    """Every form a secret may take once a server or a formatter has echoed it."""
    yield secret
    yield json.dumps(secret)[1:-1]
    yield json.dumps(secret, ensure_ascii=False)[1:-1]
    yield repr(secret)[1:-1]
    yield ascii(secret)[1:-1]
    yield html.escape(secret)
    yield html.escape(secret, quote=False)
    yield quote(secret, safe="")
    yield quote_plus(secret, safe="")


def _masked_forms(secrets: Iterable[str]) -> list[str]:
    """Every encoding of every secret, longest first (so no part of a longer one is left)."""
    forms = {form for secret in secrets if secret for form in _encodings(secret) if form}
    return sorted(forms, key=len, reverse=True)


def _apply_mask(text: str, forms: Sequence[str]) -> str:
    for form in forms:
        if form in text:
            text = text.replace(form, "***")
    return text


def mask(text: str) -> str:
    """`text` with every secret of this run (in every encoding) replaced by `***`."""
    return _apply_mask(text, _masked_forms(_session().secrets))


def _printable(text: str) -> str:
    """One line of printable text: a server's message cannot move the cursor or add lines."""
    text = " ".join(text.split("\n"))
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def report(message: str) -> None:
    """Write `waycore: error: <message>` to stderr, masked, on one line."""
    _write_stderr(f"waycore: error: {_printable(mask(message))}\n")


def note(text: str) -> None:
    """Write an informational line to stderr (not masked: only for text the CLI composed)."""
    _write_stderr(text + "\n")


def _write_stderr(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # stderr closed or missing: nothing to do
        pass


# -- parsing ------------------------------------------------------------------------------


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
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {_printable(mask(message))}\n")


def _mentions_option(words: str, option: str) -> bool:
    return any(word == option or word.startswith(option + "=") for word in words.split())


def text(value: str) -> str:
    """A non-empty string (an empty one would silently mean "not given")."""
    if not value:
        raise argparse.ArgumentTypeError("must not be empty")
    return value


def _number(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    if not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {value!r}")
    return number


def seconds(maximum: float) -> Callable[[str], float]:
    """An argument type: a positive, finite number of seconds up to `maximum`."""

    def parse(value: str) -> float:
        number = _number(value)
        if number > maximum:
            raise argparse.ArgumentTypeError(f"must be at most {maximum:g} seconds, got {value}")
        return number

    parse.__name__ = "seconds"
    return parse


def int_range(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argument type: an integer from `low` to `high` (inclusive; no upper bound if None)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected an integer, got {value!r}") from None
        if number < low or (high is not None and number > high):
            bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise argparse.ArgumentTypeError(f"must be {bounds}, got {number}")
        return number

    parse.__name__ = "integer"
    return parse


def api_key_text(value: str) -> str:
    """An API key as given on the command line (never echoed)."""
    if not value:
        raise argparse.ArgumentTypeError("must not be empty")
    if not _usable_key(value):
        raise argparse.ArgumentTypeError("contains whitespace or non-printable characters")
    return value


def _usable_key(value: str) -> bool:
    return all(c.isascii() and c.isprintable() and not c.isspace() for c in value)


# -- registration -------------------------------------------------------------------------

ApiCommand: TypeAlias = "Callable[[Waycore, argparse.Namespace], None]"
"""A subcommand that talks to the API: gets a ready client and the parsed arguments."""
LocalCommand: TypeAlias = Callable[[argparse.Namespace], None]
"""A subcommand that needs no client (e.g. `sandbox`)."""


@attrs.frozen
class _Handler:
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
        return self._add(name, help, _Handler(api=run))

    def local_command(
        self,
        name: str,
        *,
        help: str,
        run: LocalCommand,
    ) -> argparse.ArgumentParser:
        """A subcommand that needs no client (no API key is required for it)."""
        return self._add(name, help, _Handler(local=run))

    def _add(self, name: str, help: str, handler: _Handler) -> argparse.ArgumentParser:
        parser = self._subparsers.add_parser(name, help=help, description=_sentence(help))
        parser.set_defaults(_handler=handler)
        return parser


def _sentence(help: str) -> str:
    return help[:1].upper() + help[1:] + ("" if help.endswith(".") else ".")


GLOBAL_OPTIONS = ("--api-key", "--base-url", "--timeout", "--max-retries")

_DESCRIPTION = """\
The Waycore API from a shell. Results are printed on stdout, one JSON object per line;
errors are one line on stderr starting with `waycore: error:`.

Global options (--api-key, --base-url, --timeout, --max-retries) go before the command:
  waycore --timeout 10 connections list --status active"""

_ENVIRONMENT_HELP = f"""\
environment:
  {API_KEY_ENV}   the API key, used when --api-key is not given (required by every
                    command except `sandbox`)
  {BASE_URL_ENV}  the API base URL, used when --base-url is not given
  {LOG_ENV}       `debug` or `info`: log each request to stderr

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


# -- the client ---------------------------------------------------------------------------


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
    return _host_of(parsed)


def _host_of(url: httpx2.URL) -> str:
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f"{host}:{url.port}" if url.port is not None else host


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

    session = _session()
    key: str | None = args.api_key or os.environ.get(API_KEY_ENV)
    key_source = "--api-key" if args.api_key else API_KEY_ENV
    if not key:
        raise CliError(
            f"WaycoreError: No API key: set the {API_KEY_ENV} environment variable "
            "(or pass --api-key)",
            ExitCode.AUTH,
        )
    session.add_secret(key)
    if not _usable_key(key):
        raise CliError(
            f"the API key in {key_source} contains whitespace or non-printable characters",
            ExitCode.AUTH,
        )
    url: str | None = args.base_url or os.environ.get(BASE_URL_ENV) or None
    url_source = "--base-url" if args.base_url else BASE_URL_ENV
    host = _check_base_url(url, url_source) if url else _host_of(httpx2.URL(DEFAULT_BASE_URL))
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
    session.host = host
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
    _session().add_secret(password)
    return password


# -- output -------------------------------------------------------------------------------


class _Token(str):
    """Literal JSON text on the encoder's stack (as opposed to a string value)."""

    __slots__ = ()


_ESCAPED: Callable[[str], str] = json.encoder.encode_basestring_ascii
_NON_FINITE = {math.inf: '"Infinity"', -math.inf: '"-Infinity"'}


def _model_mapping(model: Any) -> Mapping[str, Any]:
    """The fields of an SDK model, by name. The one place that knows how models print:
    switch to `model.to_dict()` here once every model has it."""
    return {field.name: getattr(model, field.name) for field in attrs.fields(type(model))}


def dumps(value: object, *, secrets: Iterable[str] = ()) -> str:
    """`value` as one line of strict JSON (RFC 8259), whatever it holds.

    Models print as objects of their fields; enums as their value; datetimes, dates and
    times in ISO 8601; `Decimal` and UUIDs as strings; NaN and ±Infinity (float or Decimal)
    as the strings "NaN", "Infinity", "-Infinity", never as bare tokens. Iterative, so
    nesting of any depth prints (a recursive encoder raises `RecursionError` near 1000).
    Occurrences of `secrets` inside strings are replaced by `***`.
    """
    masked = _masked_forms(secrets)
    out: list[str] = []
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        if type(item) is _Token:
            out.append(item)
        elif isinstance(item, str):
            out.append(_ESCAPED(_apply_mask(item, masked) if masked else item))
        elif item is None:
            out.append("null")
        elif item is True:
            out.append("true")
        elif item is False:
            out.append("false")
        elif isinstance(item, enum.Enum):
            stack.append(item.value)
        elif isinstance(item, int):
            out.append(int.__repr__(item))
        elif isinstance(item, float):
            if math.isfinite(item):
                out.append(float.__repr__(item))
            else:
                out.append(_NON_FINITE.get(item, '"NaN"'))
        elif isinstance(item, decimal.Decimal):
            out.append(_ESCAPED(str(item)))
        elif isinstance(item, datetime.date | datetime.time):
            out.append(_ESCAPED(item.isoformat()))
        elif isinstance(item, uuid.UUID):
            out.append(_ESCAPED(str(item)))
        elif isinstance(item, Mapping) or attrs.has(type(item)):
            mapping = item if isinstance(item, Mapping) else _model_mapping(item)
            pairs = list(mapping.items())
            out.append("{")
            stack.append(_Token("}"))
            for index in range(len(pairs) - 1, -1, -1):
                key, member = pairs[index]
                stack.append(member)
                stack.append(_Token(_key(key, masked) + ": "))
                if index:
                    stack.append(_Token(", "))
        elif isinstance(item, list | tuple | set | frozenset):
            members = list(item)
            out.append("[")
            stack.append(_Token("]"))
            for index in range(len(members) - 1, -1, -1):
                stack.append(members[index])
                if index:
                    stack.append(_Token(", "))
        else:
            stack.append(str(item))
    return "".join(out)


def _key(key: object, masked: Sequence[str]) -> str:
    if isinstance(key, enum.Enum):
        key = key.value
    if key is None or isinstance(key, bool):
        key = json.dumps(key)
    name = key if isinstance(key, str) else str(key)
    return _ESCAPED(_apply_mask(name, masked) if masked else name)


def emit(obj: object) -> None:
    """Print one result (a model, a dict, `None`...) as one JSON line on stdout."""
    line = dumps(obj, secrets=_session().secrets)
    try:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        raise _StdoutClosed from None


# -- running ------------------------------------------------------------------------------


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def describe(exc: BaseException) -> tuple[ExitCode, str]:
    """The exit code and the one-line message (without `waycore: error:`) for a failure."""
    name = type(exc).__name__
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
    host = _session().host
    if host is not None:
        return host
    try:
        return _host_of(exc.request.url)
    except Exception:  # no request attached
        return "the Waycore API"


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's final flush
    cannot fail again (and print "Exception ignored ... BrokenPipeError")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (e.g. under pytest)
        pass


def run(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> int:
    """Parse `argv` (default: `sys.argv[1:]`), run the command, return the exit code.

    Usage errors, `--help` and `--version` raise `SystemExit` from argparse as usual.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    session = _Session(secrets=_secrets_in_argv(args_list))
    session.add_secret(os.environ.get(API_KEY_ENV))
    token = _SESSION.set(session)
    try:
        return _run(parser, args_list)
    finally:
        _SESSION.reset(token)


def _run(parser: argparse.ArgumentParser, argv: list[str]) -> int:
    try:
        args = parser.parse_args(argv)
        handler: _Handler = args._handler
        if handler.local is not None:
            handler.local(args)
        else:
            assert handler.api is not None
            with build_client(args) as client:
                handler.api(client, args)
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            raise _StdoutClosed from None
    except (_StdoutClosed, BrokenPipeError):
        _silence_stdout()
        return ExitCode.BROKEN_PIPE
    except KeyboardInterrupt:
        _write_stderr("\n")
        return ExitCode.INTERRUPTED
    except Exception as exc:
        code, message = describe(exc)
        report(message)
        return code
    return ExitCode.OK
