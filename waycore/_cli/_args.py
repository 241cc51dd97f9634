"""Argument types that refuse bad values before anything is sent, and shared options.

Each type raises `argparse.ArgumentTypeError` with a message that names what was expected;
argparse prefixes it with the option (`argument --limit: must be from 1 to 500, got 501`).
Types for values that may be sensitive (JSON bodies, keys) never quote the value.
"""

from __future__ import annotations

import argparse
import datetime
import decimal
import enum
import json
import math
from collections.abc import Callable
from typing import Any

from .._constants import LIST_LIMIT_MAX, LIST_LIMIT_MIN

__all__ = [
    "MAX_REQUEST_TIMEOUT",
    "MAX_WAIT",
    "add_limit",
    "amount",
    "api_key_text",
    "int_range",
    "iso_date",
    "json_object",
    "known_values",
    "seconds",
    "text",
    "usable_key",
]

# Upper bounds for option values, so that a typo such as `--timeout 1e10` is a usage error
# rather than an overflow deep in the socket layer.
MAX_REQUEST_TIMEOUT = 86_400.0  # a day
MAX_WAIT = 7 * 86_400.0  # a week


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
    if not usable_key(value):
        raise argparse.ArgumentTypeError("contains whitespace or non-printable characters")
    return value


def usable_key(value: str) -> bool:
    """Whether a key can go into an HTTP header as it is (printable ASCII, no spaces)."""
    return all(c.isascii() and c.isprintable() and not c.isspace() for c in value)


def iso_date(value: str) -> datetime.date:
    """A calendar date written `YYYY-MM-DD`."""
    try:
        if len(value) != 10:
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {value!r}") from None


def amount(value: str) -> decimal.Decimal:
    """A positive amount of money in decimal notation (`12.50`), read exactly: never a float."""
    try:
        # Decimal() also reads " 1", "1_000" and "NaN"; none is an amount the API accepts.
        if "_" in value or value != value.strip() or len(value) > 100:
            raise decimal.InvalidOperation
        number = decimal.Decimal(value)
    except decimal.InvalidOperation:
        raise argparse.ArgumentTypeError(
            f"expected a decimal amount such as 12.50, got {value!r}"
        ) from None
    if not number.is_finite() or number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive amount, got {value!r}")
    return number


def _refuse_constant(token: str) -> object:
    raise ValueError(f"{token} is not JSON")


def json_object(value: str) -> dict[str, Any]:
    """A JSON object given as text (the value is never quoted back: it may hold account
    numbers)."""
    try:
        decoded = json.loads(value, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:
        where = f" at character {exc.pos}" if isinstance(exc, json.JSONDecodeError) else ""
        raise argparse.ArgumentTypeError(f"is not valid JSON{where}") from None
    if not isinstance(decoded, dict):
        raise argparse.ArgumentTypeError("must be a JSON object ({...})")
    return decoded


def known_values(members: type[enum.Enum]) -> str:
    """`a, b, c`: the values an open enum knows (any other string is accepted too)."""
    return ", ".join(str(member.value) for member in members)


def add_limit(parser: argparse.ArgumentParser, noun: str) -> None:
    """The `--limit N` option of a list command: page size; every page is printed."""
    parser.add_argument(
        "--limit",
        type=int_range(LIST_LIMIT_MIN, LIST_LIMIT_MAX),
        metavar="N",
        help=f"{noun} fetched per request ({LIST_LIMIT_MIN}-{LIST_LIMIT_MAX}); every page is "
        "printed",
    )
