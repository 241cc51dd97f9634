"""The declarative model engine: one mechanism turns a frozen attrs class into a parser and a
`to_dict()` serialiser.

A model is a declaration and nothing else::

    @attrs.frozen(slots=True)
    class Money(Model):
        _schema_name: ClassVar[str] = "Money"
        value: Decimal
        currency: str
        extra: dict[str, Any] = attrs.field(factory=dict)

Field types come from the annotations (`str`, `bool`, `int`, `Decimal`, `datetime.date`, aware
`datetime.datetime`, open enums, nested models, `list[...]`, `dict[str, Any]`, `Any`, `X | None`,
and unions registered with `tagged_union`). The wire name is the camelCase of the field name
unless the field says otherwise (`wire("...")`). A field without a default is required; `None`
in its type means the server may send `null`. Unknown wire keys land in `extra`.

Each model's parser and serialiser are compiled on first use into straight-line Python
(`waycore._model_codegen`), so a 500-item page costs what hand-written code would: one
lookup, one type check and one conversion per field. The spec drift check
(tests/test_spec_drift.py) reads the same field table (`fields_of`), so what users see cannot
drift from the spec.
"""

from __future__ import annotations

import datetime
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar, NoReturn, Self, TypeVar, Union

import attrs

__all__ = [
    "FieldSpec",
    "Model",
    "ParseError",
    "dumper_for",
    "fields_of",
    "parser_for",
    "tagged_union",
    "wire",
]

_T = TypeVar("_T")
_UTC = datetime.UTC

# Field metadata keys.
_WIRE = "waycore.wire"
_RAW = "waycore.raw"


class ParseError(ValueError):
    """A payload does not have the shape the API documents.

    The message names the field (its wire path) and the expected type, never the value: a
    value may be a secret the server echoed.
    """

    def __init__(self, path: str, expected: str, got: str) -> None:
        self.path = path
        self.expected = expected
        self.got = got
        super().__init__(f"{path or 'body'}: expected {expected}, got {got}")

    def under(self, prefix: str) -> ParseError:
        """The same error, located under `prefix` (a parent field or a list index)."""
        if not prefix:
            return self
        if not self.path:
            path = prefix
        elif self.path.startswith("["):
            path = prefix + self.path
        else:
            path = f"{prefix}.{self.path}"
        return ParseError(path, self.expected, self.got)

    def __reduce__(self) -> tuple[Any, ...]:
        return (ParseError, (self.path, self.expected, self.got))


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


_MISSING: Any = _Missing()

_JSON_TYPES = {
    bool: "a boolean",
    int: "a number",
    float: "a number",
    str: "a string",
    list: "an array",
    dict: "an object",
    type(None): "null",
    _Missing: "nothing (the field is missing)",
}


def _fail(path: str, expected: str, value: object) -> NoReturn:
    raise ParseError(path, expected, _JSON_TYPES.get(type(value), type(value).__name__))


def wire(name: str, **kwargs: Any) -> Any:
    """A field whose wire name is not the camelCase of its Python name."""
    metadata = {**kwargs.pop("metadata", {}), _WIRE: name}
    return attrs.field(metadata=metadata, **kwargs)


def raw_field() -> Any:
    """The `raw` field of an unknown-variant class: the whole payload as sent."""
    return attrs.field(metadata={_RAW: True})


class Model:
    """Base of every response model: adds `to_dict()` and `from_dict()`.

    Models are frozen, slotted attrs classes; pickling them works like any attrs class.
    """

    __slots__ = ()
    _schema_name: ClassVar[str | None] = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict with the API's wire names (camelCase, `extra` merged back,
        decimals as strings, dates and timestamps in ISO 8601). Optional fields that are
        `None` are left out."""
        result: dict[str, Any] = dumper_for(type(self))(self)
        return result

    @classmethod
    def from_dict(cls, data: object) -> Self:
        """Parse a decoded JSON payload; raises `ParseError` on a wrong shape."""
        result: Self = parser_for(cls)(data)
        return result


# ---------------------------------------------------------------------------------------------
# Tagged unions


@attrs.frozen
class _UnionSpec:
    tag: str
    default: str | None


_UNIONS: dict[object, _UnionSpec] = {}


def tagged_union(union: _T, *, tag: str, default: str | None = None) -> _T:
    """Declare how a union of models is told apart: by the wire field `tag`.

    Each known variant declares the tag as a `Literal` field; the variant with a `raw` field
    (see `raw_field`) receives any other tag value. `default` is the tag assumed when the
    payload has none. Returns `union` unchanged, so it reads as a declaration::

        Connection = tagged_union(
            ReadyConnection | SetupConnection | UnknownConnection, tag="kind", default="ready"
        )
    """
    _UNIONS[union] = _UnionSpec(tag, default)
    return union


# ---------------------------------------------------------------------------------------------
# Field tables


def camel(name: str) -> str:
    """`entity_id` -> `entityId`."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@attrs.frozen
class FieldSpec:
    """One model field as the engine (and the drift check) sees it."""

    name: str
    wire: str
    type: Any
    required: bool
    nullable: bool
    default: Any
    raw: bool = False


def _strip_none(tp: Any) -> tuple[Any, bool]:
    if _is_union(tp) and tp not in _UNIONS:
        args = typing.get_args(tp)
        rest = tuple(a for a in args if a is not type(None))
        if len(rest) < len(args):
            inner: Any = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007
            return inner, True
    return tp, False


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (Union, types.UnionType)


_FIELDS: dict[type, tuple[FieldSpec, ...]] = {}


def fields_of(cls: type) -> tuple[FieldSpec, ...]:
    """The field table of a model class, resolved from its annotations (cached)."""
    table = _FIELDS.get(cls)
    if table is None:
        hints = typing.get_type_hints(cls)
        specs = []
        for field in attrs.fields(cls):
            if field.name == "extra":
                continue
            tp, nullable = _strip_none(hints[field.name])
            default: Any = _MISSING
            if field.default is not attrs.NOTHING:
                default = field.default
            specs.append(
                FieldSpec(
                    name=field.name,
                    wire=field.metadata.get(_WIRE, camel(field.name)),
                    type=tp,
                    required=default is _MISSING,
                    nullable=nullable,
                    default=default,
                    raw=bool(field.metadata.get(_RAW)),
                )
            )
        table = _FIELDS[cls] = tuple(specs)
    return table


def _has_extra(cls: type) -> bool:
    return any(f.name == "extra" for f in attrs.fields(cls))


_PARSERS: dict[Any, Callable[[object, str], Any]] = {}
_DUMPERS: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _lazy_parser(tp: Any) -> Callable[[object, str], Any]:
    """A parser for `tp` compiled on its first call (models may refer to each other)."""

    def load(data: object, path: str) -> Any:
        return _located_parser(tp)(data, path)

    return load


def _located_parser(tp: Any) -> Callable[[object, str], Any]:
    parser = _PARSERS.get(tp)
    if parser is None:
        from ._model_codegen import compile_model, compile_union

        parser = compile_union(tp) if tp in _UNIONS else compile_model(tp)
        _PARSERS[tp] = parser
    return parser


def parser_for(tp: type[_T] | Any) -> Callable[[object], _T]:
    """The parser of a model class or registered union: `parser_for(Account)(payload)`.

    Compiled on the first call, so defining parsers at import time costs nothing.
    """
    located: Callable[[object, str], Any] | None = None

    def parse(data: object) -> _T:
        nonlocal located
        if located is None:
            located = _located_parser(tp)
        result: _T = located(data, "")
        return result

    parse.__qualname__ = f"parse_{getattr(tp, '__name__', 'union')}"
    return parse


def located_parser(tp: Any) -> Callable[[object, str], Any]:
    """`tp`'s compiled parser taking `(data, where)`; `where` prefixes error paths."""
    return _located_parser(tp)


def dumper_for(cls: type) -> Callable[[Any], dict[str, Any]]:
    """The serialiser behind `Model.to_dict()`."""
    dumper = _DUMPERS.get(cls)
    if dumper is None:
        from ._model_codegen import compile_dumper

        dumper = _DUMPERS[cls] = compile_dumper(cls)
    return dumper


def decimal_text(value: Decimal) -> str:
    """A decimal in plain notation (`Decimal("1E+2")` -> `"100"`), as the API writes money."""
    return format(value, "f")


def timestamp_text(value: datetime.datetime) -> str:
    """ISO 8601 with `Z` for UTC, the form the API sends."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
