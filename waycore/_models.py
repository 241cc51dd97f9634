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

Each model's parser and serialiser are compiled on first use into straight-line Python (see
`_compile`), so a 500-item page costs what hand-written code would: one lookup, one type check
and one conversion per field. The spec drift check (tests/test_spec_drift.py) reads the same
field table (`fields_of`), so what users see cannot drift from the spec.
"""

from __future__ import annotations

import datetime
import enum
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Literal, NoReturn, Self, TypeVar, Union

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


# ---------------------------------------------------------------------------------------------
# Scalar converters (called from the compiled code)


def _to_decimal(value: object, path: str) -> Decimal:
    if type(value) is str:
        try:
            number = Decimal(value)
        except InvalidOperation:
            _fail(path, "a decimal string", value)
        # Decimal() also reads " 1", "1_0", "NaN" and "Infinity"; money is none of those.
        if not number.is_finite() or "_" in value or value != value.strip():
            _fail(path, "a finite decimal string", value)
        return number
    if type(value) is int:
        return Decimal(value)
    if type(value) is float and value - value == 0.0:  # finite
        return Decimal(repr(value))  # the shortest repr is the number as the server wrote it
    _fail(path, "a decimal string", value)


def _to_datetime(value: Any, path: str) -> datetime.datetime:
    if type(value) is not str:
        _fail(path, "an RFC 3339 timestamp string", value)
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        _fail(path, "an RFC 3339 timestamp", value)
    # RFC 3339 requires an offset; a server that omits it means UTC, and users get aware values.
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)


def _to_date(value: Any, path: str) -> datetime.date:
    if type(value) is not str:
        _fail(path, "an ISO date string", value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        _fail(path, "an ISO date (YYYY-MM-DD)", value)


def decimal_text(value: Decimal) -> str:
    """A decimal in plain notation (`Decimal("1E+2")` -> `"100"`), as the API writes money."""
    return format(value, "f")


def timestamp_text(value: datetime.datetime) -> str:
    """ISO 8601 with `Z` for UTC, the form the API sends."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


# ---------------------------------------------------------------------------------------------
# The compiler


class _Compiler:
    """Emits the source of one parser or serialiser; names of helpers go in `env`."""

    def __init__(self) -> None:
        self.env: dict[str, Any] = {
            "ParseError": ParseError,
            "_fail": _fail,
            "_to_decimal": _to_decimal,
            "_to_datetime": _to_datetime,
            "_to_date": _to_date,
            "_decimal_text": decimal_text,
            "_timestamp_text": timestamp_text,
            "_MISSING": _MISSING,
        }
        self._n = 0

    def name(self, value: Any, hint: str = "h") -> str:
        self._n += 1
        key = f"_{hint}{self._n}"
        self.env[key] = value
        return key

    # -- parsing: an expression (or statements) turning `src` into the field value ----------

    def load(self, tp: Any, src: str, path: str, out: list[str], indent: str) -> str:
        """Append statements that check/convert `src`; return the expression of the result."""
        if tp is str:
            out.append(f"{indent}if type({src}) is not str: _fail({path!r}, 'a string', {src})")
            return src
        if tp is bool:
            out.append(f"{indent}if type({src}) is not bool: _fail({path!r}, 'a boolean', {src})")
            return src
        if tp is int:
            out.append(f"{indent}if type({src}) is not int: _fail({path!r}, 'an integer', {src})")
            return src
        if tp is Decimal:
            return f"_to_decimal({src}, {path!r})"
        if tp is datetime.datetime:
            return f"_to_datetime({src}, {path!r})"
        if tp is datetime.date:
            return f"_to_date({src}, {path!r})"
        if tp is Any or tp is object:
            return src
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            members = self.name(tp._value2member_map_, "members")
            cls = self.name(tp, "enum")
            out.append(f"{indent}if type({src}) is not str: _fail({path!r}, 'a string', {src})")
            return f"({members}.get({src}) or {cls}({src}))"
        origin = typing.get_origin(tp)
        if origin is Literal:
            allowed = typing.get_args(tp)
            out.append(
                f"{indent}if {src} not in {allowed!r}: _fail({path!r}, 'one of {allowed}', {src})"
            )
            return src
        if origin is list:
            (item_tp,) = typing.get_args(tp) or (Any,)
            out.append(f"{indent}if type({src}) is not list: _fail({path!r}, 'an array', {src})")
            if item_tp is Any:
                return f"list({src})"
            item_loader = self.name(_item_loader(item_tp, path), "item")
            return f"{item_loader}({src})"
        if origin is dict or tp is dict:
            # A dict fresh from json.loads belongs to this model alone: no copy needed.
            out.append(f"{indent}if type({src}) is not dict: _fail({path!r}, 'an object', {src})")
            return src
        if tp in _UNIONS or (isinstance(tp, type) and attrs.has(tp)):
            loader = self.name(_lazy_parser(tp), "model")
            return f"{loader}({src}, {path!r})"
        raise TypeError(f"waycore._models: no parser for the type {tp!r} at {path}")

    # -- serialising: an expression turning the attribute value into JSON-ready data --------

    def dump(self, tp: Any, src: str) -> str:
        if tp in (str, bool, int, Any, object) or typing.get_origin(tp) is Literal:
            return src
        if tp is Decimal:
            return f"_decimal_text({src})"
        if tp is datetime.datetime:
            return f"_timestamp_text({src})"
        if tp is datetime.date:
            return f"{src}.isoformat()"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return f"{src}._value_"
        origin = typing.get_origin(tp)
        if origin is list:
            (item_tp,) = typing.get_args(tp) or (Any,)
            item = self.dump(item_tp, "v")
            return f"[{item} for v in {src}]"
        if origin is dict or tp is dict:
            return f"dict({src})"
        if tp in _UNIONS or (isinstance(tp, type) and attrs.has(tp)):
            return f"{src}.to_dict()"
        raise TypeError(f"waycore._models: no serialiser for the type {tp!r}")


def _item_loader(item_tp: Any, path: str) -> Callable[[list[Any]], list[Any]]:
    """A function converting every element of a list (errors name the index)."""
    compiler = _Compiler()
    lines: list[str] = []
    expr = compiler.load(item_tp, "v", "", lines, "        ")
    checks = "".join(line + "\n" for line in lines)
    source = (
        "def load_items(items):\n"
        "    result = []\n"
        "    append = result.append\n"
        "    for i, v in enumerate(items):\n"
        "      try:\n"
        f"{checks}"
        f"        append({expr})\n"
        "      except ParseError as e:\n"
        f"        raise e.under({path!r} + '[' + str(i) + ']') from None\n"
        "    return result\n"
    )
    fn: Callable[[list[Any]], list[Any]] = _exec(source, "load_items", compiler.env)
    return fn


def _exec(source: str, name: str, env: dict[str, Any]) -> Any:
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<waycore model {name}>", "exec"), env, namespace)  # noqa: S102
    return namespace[name]


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
        parser = _compile_union(tp) if tp in _UNIONS else _compile_model(tp)
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
        dumper = _DUMPERS[cls] = _compile_dumper(cls)
    return dumper


def _compile_model(cls: type) -> Callable[[object, str], Any]:
    specs = fields_of(cls)
    compiler = _Compiler()
    env = compiler.env
    env["_new"] = object.__new__
    env["_cls"] = cls
    known = frozenset(s.wire for s in specs if not s.raw)
    env["_known"] = known
    lines = [
        "def load(d, where):",
        "  if type(d) is not dict: _fail(where, 'an object', d)",
        "  try:",
        "    get = d.get",
    ]
    sets: list[str] = []
    for i, spec in enumerate(specs):
        var = f"v{i}"
        setter = compiler.name(getattr(cls, spec.name).__set__, "set")
        if spec.raw:
            sets.append(f"    {setter}(obj, d)")
            continue
        if typing.get_origin(spec.type) is Literal and not spec.required:
            # A union tag: dispatch already chose this class, so the value is the default.
            sets.append(f"    {setter}(obj, {compiler.name(spec.default, 'tag')})")
            continue
        check: list[str] = []
        expr = compiler.load(spec.type, var, spec.wire, check, "      ")
        converts = expr != var  # plain strings, numbers and dicts are used as they are
        if spec.required and not spec.nullable:
            # Absent reads as _MISSING and null as None: both fail the type check below,
            # which then names the field and what was there.
            lines.append(f"    {var} = get({spec.wire!r}, _MISSING)")
            if spec.type in (Any, object):
                lines.append(f"    if {var} is _MISSING: _fail({spec.wire!r}, 'a value', {var})")
            lines.extend(line[2:] for line in check)
            if converts:
                lines.append(f"    {var} = {expr}")
            sets.append(f"    {setter}(obj, {var})")
            continue
        default = _default_expr(compiler, spec)
        lines.append(f"    {var} = get({spec.wire!r})")
        if default == "None" and len(check) == 1 and not converts:
            # The common optional string: one line, no branch taken when it is absent.
            condition = check[0].strip().removeprefix("if ").partition(": _fail")[0]
            failure = "_fail" + check[0].partition(": _fail")[2]
            lines.append(f"    if {var} is not None and {condition}: {failure}")
        elif default == "None" and not check:
            lines.append(f"    if {var} is not None: {var} = {expr}")
        else:
            lines.append(f"    if {var} is None:")
            lines.append(f"      {var} = {default}")
            if check or converts:
                lines.append("    else:")
                lines.extend(check)
                if converts:
                    lines.append(f"      {var} = {expr}")
        sets.append(f"    {setter}(obj, {var})")
    lines.append("  except ParseError as e:")
    lines.append("    raise (e.under(where) if where else e) from None")
    lines.append("  obj = _new(_cls)")
    lines.extend(line[2:] for line in sets)
    if _has_extra(cls):
        setter = compiler.name(cls.extra.__set__, "set")  # type: ignore[attr-defined]
        # Most payloads hold no unknown key: skip building a dict then.
        lines.append(
            f"  {setter}(obj, {{}} if d.keys() <= _known "
            "else {k: v for k, v in d.items() if k not in _known})"
        )
    lines.append("  return obj")
    loader: Callable[[object, str], Any] = _exec("\n".join(lines) + "\n", "load", env)
    return loader


def _default_expr(compiler: _Compiler, spec: FieldSpec) -> str:
    """The value of an absent (or null) optional field."""
    if spec.required or spec.default is None:  # (required but nullable: null stays None)
        return "None"
    default = spec.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        literal = {dict: "{}", list: "[]"}.get(default.factory)
        return literal or f"{compiler.name(default.factory, 'factory')}()"
    return compiler.name(default, "default")


def _compile_union(union: Any) -> Callable[[object, str], Any]:
    spec = _UNIONS[union]
    variants: dict[str, Callable[[object, str], Any]] = {}
    unknown: Callable[[object, str], Any] | None = None
    for cls in typing.get_args(union):
        tag_field = next((f for f in fields_of(cls) if f.wire == spec.tag), None)
        if any(f.raw for f in fields_of(cls)):
            unknown = _located_parser(cls)
        elif tag_field is not None and typing.get_origin(tag_field.type) is Literal:
            for value in typing.get_args(tag_field.type):
                variants[value] = _located_parser(cls)
        else:
            raise TypeError(f"{cls.__name__}: a union variant needs a Literal {spec.tag!r} field")
    tag, default = spec.tag, spec.default

    def load(data: object, where: str) -> Any:
        if type(data) is not dict:
            _fail(where, "an object", data)
        value = data.get(tag, default)
        if type(value) is not str:
            _fail(f"{where}.{tag}" if where else tag, "a string", value)
        parser = variants.get(value)
        if parser is not None:
            return parser(data, where)
        if unknown is None:
            _fail(f"{where}.{tag}" if where else tag, f"one of {sorted(variants)}", value)
        return unknown(data, where)

    return load


def _compile_dumper(cls: type) -> Callable[[Any], dict[str, Any]]:
    specs = fields_of(cls)
    raw = next((s for s in specs if s.raw), None)
    if raw is not None:
        # An unknown variant is its payload, as the server sent it.
        return lambda obj: dict(getattr(obj, raw.name))
    compiler = _Compiler()
    lines = ["def dump(o):", "  d = {"]
    optional: list[str] = []
    for spec in specs:
        expr = compiler.dump(spec.type, f"o.{spec.name}")
        if spec.required:
            if spec.nullable:
                expr = f"None if o.{spec.name} is None else {expr}"
            lines.append(f"    {spec.wire!r}: {expr},")
        else:
            optional.append(f"  if o.{spec.name} is not None: d[{spec.wire!r}] = {expr}")
    lines.append("  }")
    lines.extend(optional)
    if _has_extra(cls):
        lines.append("  if o.extra: d.update(o.extra)")
    lines.append("  return d")
    dumper: Callable[[Any], dict[str, Any]] = _exec("\n".join(lines) + "\n", "dump", compiler.env)
    return dumper
