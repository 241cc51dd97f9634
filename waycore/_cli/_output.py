"""Results on stdout: one JSON object per line, in the API's wire form.

`emit(obj)` prints a model as its `to_dict()` (camelCase wire names, `extra` merged back,
decimals as strings, dates and timestamps in ISO 8601), so what the CLI prints is what the
API sent. `dumps` turns anything into one line of strict JSON, whatever it holds. A reader
that goes away (`| head`) raises `StdoutClosed`, which `run()` turns into exit code 141.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import json
import math
import os
import sys
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from .._models import Model
from ._session import apply_mask, masked_forms, session

__all__ = ["StdoutClosed", "dumps", "emit", "emit_each", "flush_stdout", "silence_stdout"]


class StdoutClosed(Exception):
    """stdout's reader went away (broken pipe)."""


class _Token(str):
    """Literal JSON text on the encoder's stack (as opposed to a string value)."""

    __slots__ = ()


_ESCAPED: Callable[[str], str] = json.encoder.encode_basestring_ascii
_NON_FINITE = {math.inf: '"Infinity"', -math.inf: '"-Infinity"'}


def _model_mapping(model: Any) -> Mapping[str, Any]:
    """How a model prints: an SDK model as its wire form (`to_dict()`); any other attrs
    class (e.g. `TransactionSyncPage`) as its fields by name."""
    if isinstance(model, Model):
        return model.to_dict()
    return {field.name: getattr(model, field.name) for field in attrs.fields(type(model))}


def dumps(value: object, *, secrets: Iterable[str] = ()) -> str:
    """`value` as one line of strict JSON (RFC 8259), whatever it holds.

    Models print as their `to_dict()`; enums as their value; datetimes, dates and times in
    ISO 8601; `Decimal` and UUIDs as strings; NaN and ±Infinity (float or Decimal) as the
    strings "NaN", "Infinity", "-Infinity", never as bare tokens. Iterative, so nesting of
    any depth prints (a recursive encoder raises `RecursionError` near 1000). Occurrences of
    `secrets` inside strings are replaced by `***`.
    """
    masked = masked_forms(secrets)
    out: list[str] = []
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        if type(item) is _Token:
            out.append(item)
        elif isinstance(item, str):
            out.append(_ESCAPED(apply_mask(item, masked) if masked else item))
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
    return _ESCAPED(apply_mask(name, masked) if masked else name)


def emit(obj: object) -> None:
    """Print one result (a model, a dict, `None`...) as one JSON line on stdout."""
    line = dumps(obj, secrets=session().secrets)
    try:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        raise StdoutClosed from None


def emit_each(items: Iterable[object]) -> None:
    """Print every item (e.g. of a pager, walking every page) as it arrives, one per line."""
    for item in items:
        emit(item)


def flush_stdout() -> None:
    """Flush stdout at the end of a command (a broken pipe becomes `StdoutClosed`)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise StdoutClosed from None


def silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's final flush
    cannot fail again (and print "Exception ignored ... BrokenPipeError")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (e.g. under pytest)
        pass
