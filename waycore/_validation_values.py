"""Checks of request values (ids used as filters, dates, currencies, open enums, money, text,
webhook URLs and events), run before anything is sent. Each error names the parameter."""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Collection, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from ._models import decimal_text
from ._validation import ArgumentTypeError, _is_loopback, _type_name, optional_str

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CURRENCY = re.compile(r"[A-Z0-9]{3,12}")


def optional_id(value: object, name: str) -> str | None:
    """An id used as a filter: `None` (not given) or a non-empty string.

    `""` is refused rather than omitted: a filter on an empty id that silently matched
    everything would hand back other accounts' rows.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string, not {_type_name(value)}")
    if not value:
        raise ValueError(f"{name} must be a non-empty string (pass None to not filter)")
    return value


def optional_date(value: object, name: str) -> datetime.date | None:
    """A `datetime.date`, or an ISO `YYYY-MM-DD` string, or `None`.

    A `datetime.datetime` is refused: sending its date alone would silently drop the time.
    """
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        raise ArgumentTypeError(f"{name} must be a datetime.date, not a datetime (use .date())")
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{name} must be a datetime.date or an ISO date string, not {_type_name(value)}"
        )
    if _ISO_DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{name} must be an ISO date (YYYY-MM-DD), got {value!r}")


def date_range(
    start: datetime.date | None, end: datetime.date | None, start_name: str, end_name: str
) -> None:
    """`start` (inclusive) may not be after `end` (exclusive); equal dates are allowed."""
    if start is not None and end is not None and start > end:
        raise ValueError(f"{start_name} ({start}) is after {end_name} ({end})")


def currency_filter(value: object, name: str = "currency") -> str | None:
    """A currency or asset code as the API writes it: 3 to 12 of `A-Z` and `0-9`."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string, not {_type_name(value)}")
    if not _CURRENCY.fullmatch(value):
        raise ValueError(
            f"{name} must be 3 to 12 upper-case letters or digits (e.g. 'USD'), got {value!r}"
        )
    return value


def enum_filter(value: object, enum_class: type[enum.Enum], name: str) -> str | None:
    """A member of `enum_class` or any non-empty plain string (a value this SDK does not know
    yet is passed through: the enums are open)."""
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        if not isinstance(value, enum_class):
            raise ArgumentTypeError(
                f"{name} must be a {enum_class.__name__} or str, not {_type_name(value)}"
            )
        return str(value.value)
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{name} must be a {enum_class.__name__} or str, not {_type_name(value)}"
        )
    if not value:
        raise ValueError(f"{name} must be a non-empty string (pass None to not filter)")
    return value


# --- transfers and webhooks ------------------------------------------------------------------

# An amount with more digits than this on either side of the point is a bug (a float turned
# into a Decimal, a unit mix-up), and formatting `Decimal("1E+999999999")` in plain notation
# would build a billion-character string.
_AMOUNT_MAX_DIGITS = 40
IDEMPOTENCY_KEY_MAX_LENGTH = 255
WEBHOOK_URL_MAX_LENGTH = 2048


def money_amount(value: object, name: str = "amount") -> str:
    """A positive amount (`Decimal`, `int` or decimal `str`) as a plain-notation decimal
    string (`Decimal("1E+2")` -> `"100"`). A `float` is refused: it cannot hold cents."""
    if isinstance(value, float):
        raise ArgumentTypeError(
            f"{name} must be a Decimal, int or decimal string, not float (a binary float "
            f"cannot hold cents exactly): pass Decimal({str(value)!r}) or {str(value)!r}"
        )
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise ArgumentTypeError(
            f"{name} must be a Decimal, int or decimal string, not {_type_name(value)}"
        )
    if isinstance(value, str):
        # Decimal() also reads " 1", "1_000" and "NaN"; none is an amount the API accepts.
        if len(value) > 2 * _AMOUNT_MAX_DIGITS or "_" in value or value != value.strip():
            raise ValueError(f"{name} must be a decimal string such as '12.50', got {value!r}")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValueError(
                f"{name} must be a decimal string such as '12.50', got {value!r}"
            ) from None
    elif isinstance(value, int):
        if value.bit_length() > 4 * _AMOUNT_MAX_DIGITS:
            raise ValueError(f"{name} has too many digits")
        number = Decimal(value)
    else:
        number = value
    if not number.is_finite():  # checked first: ordering a NaN raises InvalidOperation
        raise ValueError(f"{name} must be a finite number, got {str(number)!r}")
    if number <= 0:
        raise ValueError(f"{name} must be positive (a transfer moves money one way), got {number}")
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite, so not 'n', 'N' or 'F'
    if number.adjusted() >= _AMOUNT_MAX_DIGITS or exponent < -_AMOUNT_MAX_DIGITS:
        raise ValueError(f"{name} has too many digits")
    return decimal_text(number)


def currency_code(value: object, name: str = "currency") -> str:
    """A required currency code as the API writes it: `^[A-Z0-9]{3,12}$` (e.g. `USD`)."""
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string, not {_type_name(value)}")
    code = currency_filter(value, name)
    assert code is not None
    return code


def bounded_text(value: object, name: str, *, max_length: int | None = None) -> str:
    """A required, non-empty string of at most `max_length` characters (if given)."""
    if value is None or value == "":
        raise ValueError(f"{name} is required (a non-empty string)")
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string, not {_type_name(value)}")
    if max_length is not None and len(value) > max_length:
        raise ValueError(f"{name} must be 1 to {max_length} characters, got {len(value)}")
    return value


def optional_bounded_text(value: object, name: str, *, max_length: int) -> str | None:
    """`None` or `""` (not given), or a string of at most `max_length` characters."""
    text = optional_str(value, name)
    if text is not None and len(text) > max_length:
        raise ValueError(f"{name} must be at most {max_length} characters, got {len(text)}")
    return text


def optional_bool(value: object, name: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ArgumentTypeError(f"{name} must be a bool, not {_type_name(value)}")


def strict_bool(value: object, name: str) -> bool:
    if isinstance(value, bool):
        return value
    raise ArgumentTypeError(f"{name} must be a bool, not {_type_name(value)}")


def calendar_date(value: object, name: str) -> str | None:
    """A `datetime.date` or an ISO `YYYY-MM-DD` string, as `YYYY-MM-DD`; `None` if not given."""
    date = optional_date(None if value == "" else value, name)
    return None if date is None else date.isoformat()


def idempotency_key(value: object) -> str | None:
    """`None` (the SDK makes one), or 1–255 printable ASCII characters (it is an HTTP
    header) without leading or trailing spaces."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(f"idempotency_key must be a string, not {_type_name(value)}")
    if not 1 <= len(value) <= IDEMPOTENCY_KEY_MAX_LENGTH:
        raise ValueError(
            f"idempotency_key must be 1 to {IDEMPOTENCY_KEY_MAX_LENGTH} characters, "
            f"got {len(value)}"
        )
    if any(not " " <= c <= "~" for c in value):
        raise ValueError("idempotency_key must hold printable ASCII characters only")
    if value[0] == " " or value[-1] == " ":
        raise ValueError("idempotency_key may not start or end with whitespace")
    return value


def open_enum_value(value: object, name: str) -> str:
    """A member of an open str enum, or any non-empty plain `str` (a value this SDK does not
    know yet is passed through)."""
    if isinstance(value, enum.Enum) and isinstance(value.value, str):
        value = value.value
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string, not {_type_name(value)}")
    if not value:
        raise ValueError(f"{name} must be a non-empty string")
    return value


def json_object(value: object, name: str) -> dict[str, Any]:
    """A mapping with string keys (metadata, a transfer destination), copied to a dict."""
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise ArgumentTypeError(
            f"{name} must be a mapping with string keys, not {_type_name(value)}"
        )
    return dict(value)


def webhook_url(value: object, name: str = "url") -> str:
    """An absolute `https://` URL of at most 2048 characters; plain `http://` only to a
    loopback host (a local receiver)."""
    if value is None or value == "":
        raise ValueError(f"{name} is required")
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string, not {_type_name(value)}")
    if len(value) > WEBHOOK_URL_MAX_LENGTH:
        raise ValueError(f"{name} must be at most {WEBHOOK_URL_MAX_LENGTH} characters")
    if any(c.isspace() or not c.isprintable() for c in value):
        raise ValueError(f"{name} may not contain whitespace or control characters")
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if not parts.hostname or scheme not in ("http", "https"):
        raise ValueError(f"{name} must be an absolute https:// URL, got {value!r}")
    if scheme == "http" and not _is_loopback(parts.hostname):
        raise ValueError(
            f"{name} must use https:// (plain http:// is allowed only for loopback hosts), "
            f"got {value!r}"
        )
    return value


def webhook_events(value: object, name: str = "events") -> list[str]:
    """A non-empty list (or tuple, set) of event types: `WebhookEventType` members or plain
    strings. A bare string is refused: `events="test"` would otherwise read as 4 letters."""
    if isinstance(value, str | bytes | bytearray | Mapping) or not isinstance(value, Collection):
        raise ArgumentTypeError(
            f"{name} must be a list of event types (e.g. ['connection.status_changed']), "
            f"not {_type_name(value)}"
        )
    if not value:
        raise ValueError(f"{name} must hold at least one event type")
    return [open_enum_value(item, f"{name} items") for item in value]
