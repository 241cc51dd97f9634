"""One run's state, and the masking every line written to a terminal goes through.

`run()` opens a `Session` holding the secrets of this run (the API key, the bank password,
a webhook secret: anything given to a secret option) and the API host; `mask()` replaces
every secret, in every encoding a server or a formatter may echo, by `***`. `report()` and
`note()` are the only writers of stderr.
"""

from __future__ import annotations

import contextvars
import html
import json
import sys
from collections.abc import Iterable, Sequence
from urllib.parse import quote, quote_plus

import attrs

__all__ = [
    "SECRET_OPTIONS",
    "Session",
    "apply_mask",
    "mask",
    "masked_forms",
    "note",
    "printable",
    "report",
    "reset_session",
    "secrets_in_argv",
    "session",
    "start_session",
    "write_stderr",
]


@attrs.define
class Session:
    """State of one `main()` run: secrets to mask, and the API host for network messages."""

    secrets: list[str] = attrs.field(factory=list, repr=False)
    host: str | None = None

    def add_secret(self, value: str | None) -> None:
        if value and value not in self.secrets:
            self.secrets.append(value)


_SESSION: contextvars.ContextVar[Session] = contextvars.ContextVar("waycore_cli_session")


def session() -> Session:
    """The current run's session (an empty one outside `run()`)."""
    try:
        return _SESSION.get()
    except LookupError:  # the parser or a helper used outside main(): nothing known
        return Session()


def start_session(value: Session) -> contextvars.Token[Session]:
    """Make `value` the current session; `reset_session(token)` ends it."""
    return _SESSION.set(value)


def reset_session(token: contextvars.Token[Session]) -> None:
    _SESSION.reset(token)


SECRET_OPTIONS = ("--api-key", "--password", "--secret")
"""Options whose value is a secret: never echoed, whatever the parser says about them."""


def secrets_in_argv(argv: Sequence[str]) -> list[str]:
    """Values given to secret options, in any form, so no message can echo them.

    The word after `--password` is included too: `--password` takes no value, so a word
    after it is likely a password typed where it does not belong.
    """
    found: list[str] = []
    for i, token in enumerate(argv):
        for option in SECRET_OPTIONS:
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


def masked_forms(secrets: Iterable[str]) -> list[str]:
    """Every encoding of every secret, longest first (so no part of a longer one is left)."""
    forms = {form for secret in secrets if secret for form in _encodings(secret) if form}
    return sorted(forms, key=len, reverse=True)


def apply_mask(text: str, forms: Sequence[str]) -> str:
    for form in forms:
        if form in text:
            text = text.replace(form, "***")
    return text


def mask(text: str) -> str:
    """`text` with every secret of this run (in every encoding) replaced by `***`."""
    return apply_mask(text, masked_forms(session().secrets))


def printable(text: str) -> str:
    """One line of printable text: a server's message cannot move the cursor or add lines."""
    text = " ".join(text.split("\n"))
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def report(message: str) -> None:
    """Write `waycore: error: <message>` to stderr, masked, on one line."""
    write_stderr(f"waycore: error: {printable(mask(message))}\n")


def note(text: str) -> None:
    """Write an informational line to stderr (not masked: only for text the CLI composed)."""
    write_stderr(text + "\n")


def write_stderr(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # stderr closed or missing: nothing to do
        pass
