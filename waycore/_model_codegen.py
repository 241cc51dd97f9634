"""The code generator behind `waycore._models`: per model, a parser and a serialiser emitted
as straight-line Python and compiled once (so a 500-item page costs one lookup, one type
check and one conversion per field, as hand-written code would).

Only `waycore._models` calls into this module; everything else uses its public functions.
"""

from __future__ import annotations

import datetime
import enum
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import attrs

from ._models import (
    _MISSING,
    _UNIONS,
    FieldSpec,
    ParseError,
    _fail,
    _has_extra,
    _lazy_parser,
    _located_parser,
    decimal_text,
    fields_of,
    timestamp_text,
)

_UTC = datetime.UTC


# -- scalar converters (called from the compiled code) -----------------------------------


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
    # A bare date ("2024-05-01") is not a timestamp: fromisoformat would read it as midnight.
    if type(value) is not str or len(value) < 11:
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


# -- the compiler ------------------------------------------------------------------------


class _Compiler:
    """Emits the source of one parser or serialiser; names of helpers go in `env`."""

    def __init__(self) -> None:
        self.env: dict[str, Any] = {
            "ParseError": ParseError,
            "_fail": _fail,
            "_to_decimal": _to_decimal,
            "_to_datetime": _to_datetime,
            "_fromiso": datetime.datetime.fromisoformat,
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
            # Inline for the common case (an offset given, parsed by the C fromisoformat); any
            # other value goes through `_to_datetime`, which checks and explains.
            out.append(
                f"{indent}{src} = _fromiso({src}) if type({src}) is str and len({src}) > 19 "
                f"and {src}[-1] == 'Z' else _to_datetime({src}, {path!r})"
            )
            return src
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


def compile_model(cls: type) -> Callable[[object, str], Any]:
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
        if default == "None" and len(check) == 1 and not converts and "_fail" in check[0]:
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


def compile_union(union: Any) -> Callable[[object, str], Any]:
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


def compile_dumper(cls: type) -> Callable[[Any], dict[str, Any]]:
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
