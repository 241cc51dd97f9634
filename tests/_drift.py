"""The spec drift check: pure functions comparing `openapi/waycore.yaml` with the SDK.

`schema_problems(spec)` compares every schema with the declarative model naming it
(`_schema_name`); `operation_problems(spec)` compares every operation with its `Operation`
record and SDK method. Both take the decoded spec (a dict), so tests feed them mutated copies,
and both return every problem found (an empty list means no drift). Each problem names the
schema or operation, the field, and the one line of `waycore/` to change.

Which schemas need a model
    Every schema reachable from a 2xx response (through `$ref`, `properties`, `items`,
    `additionalProperties`, `oneOf`/`anyOf`/`allOf`), and every schema a model names, is
    checked. An object schema with properties needs a model whose `_schema_name` is its name;
    a `oneOf`/`anyOf` of refs needs a union registered with `tagged_union` whose known
    variants are exactly those models (tagged by the discriminator's property); enums and
    scalars are checked where a field uses them. No model is needed for: a list envelope
    (`data` + `pagination` properties; checked against `waycore.Page` instead: `data` an
    array, `pagination.hasMore` a required boolean, `pagination.nextCursor` a (nullable)
    string, `meta.requestId` a string, nothing else); a wrapper (exactly one property that is
    a `$ref` to an object schema, plus `meta`) that no model names; the shared schemas under
    a `pagination` or `meta` property; `Error`; a free-form object (no `properties`: `dict`).

Types (spec -> model field type, `None` stripped)
    `string` -> `str` or an `OpenStrEnum`; `string` + `enum` -> an `OpenStrEnum` listing every
    spec value (extra SDK members are allowed); `const` -> `Literal[const]` (and a `Literal`
    needs a `const`); `format: date` -> `datetime.date`; `date-time` -> `datetime.datetime`;
    `format: decimal` or `number` -> `Decimal`; `boolean` -> `bool`; `integer` -> `int`;
    object without properties -> `dict`; `$ref` to an object schema -> the model naming it;
    `$ref` to a `oneOf` -> the registered union of exactly its variants; `array` ->
    `list[...]` of the mapped item; no type, or several -> `Any`.

Nullability
    The spec says nullable for `type: [X, "null"]`, `nullable: true`, a `null` member of
    `oneOf`/`anyOf`, or `null` in `enum`. A nullable spec property needs a nullable model
    field (`X | None`), unless the field has a non-None default of type dict/list/model (the
    engine reads `null` as that default). A model field may be nullable although the spec
    says not only when its default is `None` (an optional field reads as `None` when absent).

Requiredness (the precise rule)
    A model field is *required* when it has no default. Allowed defaults are: `None`;
    a *container default* (a non-None default or factory on a field typed `dict`, `list[...]`
    or a model: the SDK fills in a value the API documents as always present, such as
    `metadata`); and a *tag default* (a `Literal` field whose default is its one value:
    the union dispatch chose the class, so the tag is known). Then:
    - spec-required property: the field is required, or has a container or tag default;
    - spec-optional property: the field defaults to `None`, or has a container or tag
      default. A required field (it would reject a payload without it) or any other default
      (e.g. `flag: bool = False`, which hides absence) is a problem.

Operations
    Every spec operation needs an `Operation` record (in `waycore.resources.OPERATIONS`) with
    its `operationId`, the same HTTP method and path template, the same query parameter
    names (a spec `cursor` counts as covered when the SDK method returns a pager, which
    sends it itself), the same body property names (a `oneOf`/`anyOf` body: the union of the
    variants' properties), an `Idempotency-Key` header parameter exactly when the record
    sends one, and its `sdk_method` must be callable on both `Waycore` and `AsyncWaycore`.
    Every record must name an operation of the spec.
"""

from __future__ import annotations

import asyncio
import copy
import datetime
import functools
import importlib
import inspect
import os
import pkgutil
import re
import sys
import typing
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import attrs
import yaml

import waycore
from waycore import _models
from waycore._models import FieldSpec, Model, camel, fields_of
from waycore._operation import Operation
from waycore._pagination import AsyncPager, Page, Pager
from waycore.types._open_enum import OpenStrEnum

REPO = Path(__file__).resolve().parent.parent
_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_SHARED_PROPERTIES = ("pagination", "meta")  # their schemas are the pager's, not models
_NO_MODEL = frozenset({"Error"})


def spec_path() -> Path:
    """`$WAYCORE_SPEC` (relative paths are relative to the repository), else the real spec."""
    path = Path(os.environ.get("WAYCORE_SPEC", "openapi/waycore.yaml"))
    return path if path.is_absolute() else REPO / path


@functools.cache
def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        doc: dict[str, Any] = yaml.safe_load(handle)
    return doc


def load_spec(path: Path | None = None) -> dict[str, Any]:
    """A fresh (deep) copy of the spec, safe to mutate."""
    return copy.deepcopy(_load(path or spec_path()))


# ---------------------------------------------------------------------------------------------
# Reading the spec


class _Spec:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.schemas: dict[str, Any] = doc.get("components", {}).get("schemas", {}) or {}

    def deref(self, node: Any) -> tuple[Any, str | None]:
        """Follow `$ref`s; returns the target and the name of the last schema ref."""
        name = None
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise ValueError(f"only local $refs are supported, not {ref!r}")
            target: Any = self.doc
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            if ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
            node = target
            seen += 1
            if seen > 50:
                raise ValueError(f"$ref cycle at {ref!r}")
        return node, name

    def ref_name(self, node: Any) -> str | None:
        """The schema name of a `{$ref: ...}` node (or a one-member allOf of one)."""
        if isinstance(node, dict):
            if "$ref" in node:
                return self.deref(node)[1]
            parts = node.get("allOf")
            if isinstance(parts, list) and len(parts) == 1 and "properties" not in node:
                return self.ref_name(parts[0])
        return None

    def is_null(self, node: Any) -> bool:
        node, _ = self.deref(node)
        return isinstance(node, dict) and (
            node.get("type") == "null" or node.get("const", 1) is None
        )

    def object_view(self, node: Any) -> tuple[dict[str, Any], set[str]] | None:
        """Properties and required names of an object schema (allOf merged), or None."""
        node, _ = self.deref(node)
        if not isinstance(node, dict):
            return None
        props: dict[str, Any] = {}
        required: set[str] = set()
        found = "properties" in node
        for part in node.get("allOf", []) or []:
            view = self.object_view(part)
            if view is not None:
                found = True
                props.update(view[0])
                required |= view[1]
        props.update(node.get("properties", {}) or {})
        required |= set(node.get("required", []) or [])
        return (props, required) if found else None

    def variants(self, node: Any) -> list[Any] | None:
        """The non-null members of a oneOf/anyOf schema, or None."""
        node, _ = self.deref(node)
        if not isinstance(node, dict):
            return None
        for key in ("oneOf", "anyOf"):
            if isinstance(node.get(key), list):
                return [m for m in node[key] if not self.is_null(m)]
        return None

    def is_envelope(self, node: Any) -> bool:
        view = self.object_view(node)
        return view is not None and "data" in view[0] and "pagination" in view[0]

    def wrapped(self, node: Any) -> str | None:
        """The schema name a wrapper `{<x>: $ref X, meta}` carries, or None."""
        view = self.object_view(node)
        if view is None or "meta" not in view[0] or len(view[0]) != 2:
            return None
        (other,) = (p for p in view[0] if p != "meta")
        name = self.ref_name(view[0][other])
        if name is None or self.object_view(self.schemas.get(name)) is None:
            return None
        return name

    def operations(self) -> Iterator[tuple[str, str, dict[str, Any], list[Any]]]:
        """(method, path, operation, parameters with path-level ones merged)."""
        for path, item in (self.doc.get("paths") or {}).items():
            item, _ = self.deref(item)
            shared = item.get("parameters", []) or []
            for method in _HTTP_METHODS:
                op = item.get(method)
                if not isinstance(op, dict):
                    continue
                params: dict[tuple[str, str], Any] = {}
                for raw in [*shared, *(op.get("parameters", []) or [])]:
                    param, _ = self.deref(raw)
                    params[(param["name"], param["in"])] = param
                yield method, path, op, list(params.values())

    def success_schemas(self, op: dict[str, Any]) -> Iterator[Any]:
        for status, response in (op.get("responses") or {}).items():
            if not str(status).startswith("2"):
                continue
            response, _ = self.deref(response)
            for media in (response.get("content") or {}).values():
                if isinstance(media, dict) and "schema" in media:
                    yield media["schema"]


# ---------------------------------------------------------------------------------------------
# What a spec property says: a shape


@attrs.frozen
class _Shape:
    kind: str  # str date datetime decimal bool int dict any model object union enum const list
    name: str | None = None  # schema name (model, union, enum, named free-form object)
    values: tuple[Any, ...] = ()  # enum values, the const, union variant schema names
    item: _Shape | None = None
    nullable: bool = False
    node: Any = None  # an inline object schema
    text: str = ""  # the spec's type, in words

    def describe(self) -> str:
        return ("nullable " if self.nullable else "") + self.text


def _shape(spec: _Spec, node: Any) -> _Shape:
    if not isinstance(node, dict):
        return _Shape("any", text="any value")
    nullable = node.get("nullable") is True
    if "$ref" in node:
        target, name = spec.deref(node)
        inner = _named_shape(spec, target, name)
        return attrs.evolve(inner, nullable=inner.nullable or nullable)
    members = spec.variants(node)
    if members is not None:
        raw = node.get("oneOf", node.get("anyOf"))
        nullable = nullable or len(members) < len(raw)
        if len(members) == 1:
            inner = _shape(spec, members[0])
            return attrs.evolve(inner, nullable=inner.nullable or nullable)
        names = tuple(spec.ref_name(m) for m in members)
        if all(names):
            return _Shape("union", values=names, nullable=nullable, text=f"one of {list(names)}")
        return _Shape("any", nullable=nullable, text="a value of several types")
    parts = node.get("allOf")
    if isinstance(parts, list) and len(parts) == 1 and "properties" not in node:
        inner = _shape(spec, parts[0])
        return attrs.evolve(inner, nullable=inner.nullable or nullable)
    return _inline_shape(spec, node, nullable)


def _named_shape(spec: _Spec, target: Any, name: str | None) -> _Shape:
    if not isinstance(target, dict):
        return _Shape("any", text="any value")
    members = spec.variants(target)
    if members is not None and len(members) > 1:
        names = tuple(spec.ref_name(m) for m in members)
        nullable = len(members) < len(target.get("oneOf", target.get("anyOf")))
        return _Shape("union", name, names, nullable=nullable, text=f"{name} (one of {names})")
    if spec.object_view(target) is not None:
        return _Shape("model", name, text=f"{name} object")
    shape = _shape(spec, target) if "$ref" in target or members else _inline_shape(spec, target)
    if shape.kind in ("enum", "dict"):
        label = f"{name} enum" if shape.kind == "enum" else f"{name} (free-form object)"
        return attrs.evolve(shape, name=name, text=label)
    return shape


def _inline_shape(spec: _Spec, node: dict[str, Any], nullable: bool = False) -> _Shape:
    types = node.get("type")
    types = list(types) if isinstance(types, list) else ([types] if types else [])
    if "null" in types:
        nullable = True
        types.remove("null")
    if "const" in node:
        return _Shape(
            "const", values=(node["const"],), nullable=nullable, text=f"const {node['const']!r}"
        )
    if "enum" in node:
        values = tuple(v for v in node["enum"] if v is not None)
        nullable = nullable or len(values) < len(node["enum"])
        return _Shape("enum", values=values, nullable=nullable, text=f"enum {list(values)}")
    if not types:
        if "properties" in node or "allOf" in node:
            types = ["object"]
        elif "items" in node:
            types = ["array"]
    if len(types) != 1:
        return _Shape(
            "any", nullable=nullable, text="any value" if not types else " or ".join(types)
        )
    fmt = node.get("format")
    match types[0]:
        case "string" if fmt == "date":
            return _Shape("date", nullable=nullable, text="string (date)")
        case "string" if fmt == "date-time":
            return _Shape("datetime", nullable=nullable, text="string (date-time)")
        case "string" if fmt == "decimal":
            return _Shape("decimal", nullable=nullable, text="string (decimal)")
        case "string":
            return _Shape("str", nullable=nullable, text="string" + (f" ({fmt})" if fmt else ""))
        case "number":
            return _Shape("decimal", nullable=nullable, text="number")
        case "integer":
            return _Shape("int", nullable=nullable, text="integer")
        case "boolean":
            return _Shape("bool", nullable=nullable, text="boolean")
        case "array":
            item = (
                _shape(spec, node["items"]) if "items" in node else _Shape("any", text="any value")
            )
            return _Shape("list", item=item, nullable=nullable, text=f"array of {item.describe()}")
        case "object" if spec.object_view(node) is not None:
            return _Shape("object", nullable=nullable, node=node, text="object (inline)")
        case "object":
            return _Shape("dict", nullable=nullable, text="free-form object")
    return _Shape("any", nullable=nullable, text=str(types[0]))


# ---------------------------------------------------------------------------------------------
# The SDK side: models, unions, enums and where they are written


_SKIP_MODULES = ("waycore.testing", "waycore._cli")


@functools.cache
def _import_all() -> None:
    for info in pkgutil.walk_packages(waycore.__path__, "waycore."):
        if info.name.startswith(_SKIP_MODULES) or info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)


def discover_models() -> list[type]:
    """Every `Model` subclass in `waycore` that names a spec schema."""
    _import_all()
    found: list[type] = []
    stack = list(Model.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        module = sys.modules.get(cls.__module__)
        if (
            cls.__module__.startswith("waycore.")
            and attrs.has(cls)  # not the class `attrs.frozen(slots=True)` replaced
            and functools.reduce(getattr, cls.__qualname__.split("."), module) is cls
            and not any(f.raw for f in fields_of(cls))
        ):
            found.append(cls)
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))


def _where(obj: Any) -> str:
    """`waycore/types/x.py` for a class or function."""
    try:
        source = inspect.getsourcefile(obj)
    except TypeError:
        return "waycore/"
    return _rel(source) if source else "waycore/"


def _rel(path: str | Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def _class_line(cls: type) -> int:
    try:
        return inspect.getsourcelines(cls)[1]
    except (OSError, TypeError):
        return 0


def _field_source(model: type, name: str) -> tuple[str, int]:
    """The declaration of field `name` (without a trailing comment) and its line number."""
    for cls in model.__mro__:
        if name not in inspect.get_annotations(cls):
            continue
        try:
            lines, start = inspect.getsourcelines(cls)
        except (OSError, TypeError):
            break
        pattern = re.compile(rf"^\s*{re.escape(name)}\s*:")
        for offset, line in enumerate(lines):
            if pattern.match(line):
                return _strip_comment(line.strip()), start + offset
    return name, _class_line(model)


def _strip_comment(line: str) -> str:
    return re.sub(r"\s+#.*$", "", line)


def _module_binding(value: Any) -> tuple[str, str, int] | None:
    """Where a module-level name is bound to `value`: (name, file, line)."""
    _import_all()
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith("waycore.") or module is None:
            continue
        for name, bound in vars(module).items():
            if name.startswith("__") or bound is not value:
                continue
            path = getattr(module, "__file__", None)
            if not path:
                continue
            text = Path(path).read_text(encoding="utf-8").splitlines()
            for number, line in enumerate(text, 1):
                if re.match(rf"^{re.escape(name)}\b.*=", line):
                    return name, _rel(path), number
    return None


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Model)


def _union_variants(union: Any) -> tuple[type, ...]:
    """The known (schema-backed) variants of a registered union."""
    return tuple(c for c in typing.get_args(union) if not any(f.raw for f in fields_of(c)))


def _union_names(union: Any) -> set[str | None]:
    return {c._schema_name for c in _union_variants(union)}


def _union_for(names: Iterable[str | None]) -> Any:
    wanted = set(names)
    for union in _models._UNIONS:
        if _union_names(union) == wanted:
            return union
    return None


def _union_text(union: Any) -> str:
    binding = _module_binding(union)
    if binding:
        return binding[0]
    return " | ".join(c.__name__ for c in typing.get_args(union))


def _enum_member_name(value: str) -> str:
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", str(value))
    return re.sub(r"[^0-9A-Za-z]+", "_", words).strip("_").upper() or "VALUE"


def _pascal(wire: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[^0-9A-Za-z]+", wire) if p)


# ---------------------------------------------------------------------------------------------
# Comparing one field


@attrs.frozen
class _Ctx:
    spec: _Spec
    models: dict[str, type]  # schema name -> model
    shared: frozenset[str]  # schemas under `pagination`/`meta`: a model or a plain dict


def _matches(ctx: _Ctx, shape: _Shape, tp: Any) -> bool:
    """Whether the model type `tp` (None stripped) is what the shape maps to (nullability
    and enum values are compared elsewhere)."""
    match shape.kind:
        case "str":
            return tp is str or _is_open_enum(tp)
        case "enum":
            return _is_open_enum(tp)
        case "const":
            return typing.get_origin(tp) is Literal and typing.get_args(tp) == shape.values
        case "date":
            return tp is datetime.date
        case "datetime":
            return tp is datetime.datetime
        case "decimal":
            return tp is Decimal
        case "bool":
            return tp is bool
        case "int":
            return tp is int
        case "dict":
            if shape.name and _is_model(tp) and tp._schema_name == shape.name:
                return True
            return tp is dict or typing.get_origin(tp) is dict
        case "any":
            return tp is Any or tp is object
        case "model":
            if shape.name in ctx.shared and (tp is dict or typing.get_origin(tp) is dict):
                return True
            return _is_model(tp) and tp._schema_name == shape.name
        case "object":
            return _is_model(tp)
        case "union":
            return tp in _models._UNIONS and _union_names(tp) == set(shape.values)
        case "list":
            if typing.get_origin(tp) is not list:
                return False
            args = typing.get_args(tp)
            item_tp, item_nullable = _models._strip_none(args[0] if args else Any)
            assert shape.item is not None
            if shape.item.kind != "any" and item_nullable != shape.item.nullable:
                return False
            return _matches(ctx, shape.item, item_tp)
    return False


def _is_open_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, OpenStrEnum)


def _type_text(ctx: _Ctx, shape: _Shape, current: Any, wire: str) -> str:
    """The Python annotation (without `| None`) the shape maps to."""
    match shape.kind:
        case "str":
            return current.__name__ if _is_open_enum(current) else "str"
        case "enum":
            if _is_open_enum(current):
                return str(current.__name__)
            return shape.name or _pascal(wire)
        case "const":
            return "Literal[" + ", ".join(f'"{v}"' for v in shape.values) + "]"
        case "date":
            return "datetime.date"
        case "datetime":
            return "datetime.datetime"
        case "decimal":
            return "Decimal"
        case "bool" | "int":
            return shape.kind
        case "dict":
            return "dict[str, Any]"
        case "any":
            return "Any"
        case "model":
            model = ctx.models.get(shape.name or "")
            return model.__name__ if model else str(shape.name)
        case "object":
            return current.__name__ if _is_model(current) else _pascal(wire)
        case "union":
            union = _union_for(shape.values)
            return _union_text(union) if union is not None else " | ".join(map(str, shape.values))
        case "list":
            assert shape.item is not None
            args = typing.get_args(current) if typing.get_origin(current) is list else ()
            item_tp = _models._strip_none(args[0])[0] if args else None
            text = _type_text(ctx, shape.item, item_tp, wire)
            return f"list[{text}{' | None' if shape.item.nullable else ''}]"
    return "Any"


def _default_kind(fs: FieldSpec) -> str:
    """`required`, `none`, `tag`, `container` or `other`."""
    if fs.required:
        return "required"
    if fs.default is None:
        return "none"
    if typing.get_origin(fs.type) is Literal and typing.get_args(fs.type) == (fs.default,):
        return "tag"
    container = fs.type is dict or typing.get_origin(fs.type) in (dict, list) or _is_model(fs.type)
    return "container" if container else "other"


def _declaration(
    ctx: _Ctx,
    fs_name: str,
    wire: str,
    shape: _Shape,
    required: bool,
    current: FieldSpec | None,
    source: str,
) -> str:
    """The field declaration the spec asks for, keeping what the model chose where allowed."""
    type_text = _type_text(ctx, shape, current.type if current else None, wire)
    keep = current is not None and _default_kind(current) in ("container", "tag")
    rhs = source.split("=", 1)[1].strip() if "=" in source.split(":", 1)[-1] else None
    if shape.kind == "const":
        default = f'"{shape.values[0]}"'
        nullable = False
    elif keep:  # a container default the rules allow either way
        default = rhs
        nullable = False
    elif required:
        # Keep a `wire("x", repr=False)`-style call that sets no default.
        keeps_call = rhs is not None and rhs.startswith("wire(") and "default" not in rhs
        default = rhs if keeps_call and "factory" not in (rhs or "") else None
        nullable = shape.nullable
    else:
        default = "None"
        nullable = True
    annotation = type_text + (" | None" if nullable else "")
    if wire != camel(fs_name):
        if default is not None and default.startswith("wire("):
            default = re.sub(r'wire\(\s*"[^"]*"', f'wire("{wire}"', default, count=1)
        elif default is None:
            default = f'wire("{wire}")'
        elif default.startswith("attrs.field("):
            default = f'wire("{wire}", ' + default[len("attrs.field(") :]
        else:
            default = f'wire("{wire}", default={default})'
    elif default is not None and default.startswith("wire("):
        inner = re.sub(r'^wire\(\s*"[^"]*"\s*,?\s*', "", default)
        default = "attrs.field(" + inner if inner != ")" else None
        if default and default.startswith("attrs.field(default=") and default.count(",") == 0:
            default = default[len("attrs.field(default=") : -1]
    return f"{fs_name}: {annotation}" + (f" = {default}" if default is not None else "")


def _field_problem(
    ctx: _Ctx,
    label: str,
    model: type,
    wire: str,
    node: Any,
    required: bool,
    fs: FieldSpec,
    enum_gaps: dict[tuple[type, Any], list[str]],
    nested: list[tuple[str, type, Any]],
) -> str | None:
    shape = _shape(ctx.spec, node)
    kind = _default_kind(fs)
    differ: list[str] = []
    if fs.wire != wire:
        differ.append("wire name")
    if not _matches(ctx, shape, fs.type):
        differ.append("type")
    elif shape.kind in ("enum", "str") and _is_open_enum(fs.type):
        known = {m.value for m in fs.type}
        for value in shape.values:
            if value not in known:
                enum_gaps.setdefault((fs.type, value), []).append(f"{label}.{wire}")
    elif shape.kind == "object":
        nested.append((f"{label}.{wire}", fs.type, node))
    if shape.nullable:  # null must read as None, or as a container default
        nullability_ok = fs.nullable or kind == "container"
    else:  # `| None` only for the None default of an optional field
        nullability_ok = not fs.nullable or kind == "none"
    if not nullability_ok:
        differ.append("nullability")
    if required:
        if kind not in ("required", "container", "tag"):
            differ.append("requiredness")
    elif kind not in ("none", "container", "tag"):
        differ.append("requiredness")
    if not differ:
        return None
    source, line = _field_source(model, fs.name)
    wanted = _declaration(ctx, fs.name, wire, shape, required, fs, source)
    said = f"{'required' if required else 'optional'} {shape.describe()}"
    return (
        f'{label}.{wire}: the spec says {said}, the model says "{source}" '
        f"({', '.join(differ)} differ) — change "
        f'"{source}" to "{wanted}" in {_where(model)}:{line}'
    )


def _norm(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def _model_problems(
    ctx: _Ctx,
    label: str,
    model: type,
    node: Any,
    enum_gaps: dict[tuple[type, Any], list[str]],
) -> list[str]:
    """Compare one model with its (object) schema."""
    view = ctx.spec.object_view(node)
    assert view is not None
    props, required = view
    fields = {f.wire: f for f in fields_of(model)}
    problems: list[str] = []
    nested: list[tuple[str, type, Any]] = []
    spec_only = [p for p in props if p not in fields]
    model_only = [w for w in fields if w not in props]
    renamed: dict[str, FieldSpec] = {}  # spec wire -> the model field reading another name
    for prop in spec_only:
        match = [w for w in model_only if _norm(w) == _norm(prop)]
        if len(match) == 1:
            renamed[prop] = fields[match[0]]
            model_only.remove(match[0])
    for wire, prop_node in props.items():
        fs = fields.get(wire) or renamed.get(wire)
        if fs is None:
            shape = _shape(ctx.spec, prop_node)
            name = re.sub(r"(?<!^)([A-Z])", r"_\1", wire).lower().replace("-", "_")
            wanted = _declaration(ctx, name, wire, shape, wire in required, None, "")
            said = f"{'required' if wire in required else 'optional'} {shape.describe()}"
            problems.append(
                f"{label}.{wire}: the spec has it ({said}), the model {model.__name__} does "
                f'not — add "{wanted}" to class {model.__name__} in '
                f"{_where(model)}:{_class_line(model)}"
            )
            continue
        problem = _field_problem(
            ctx, label, model, wire, prop_node, wire in required, fs, enum_gaps, nested
        )
        if problem:
            problems.append(problem)
    for wire in model_only:
        source, line = _field_source(model, fields[wire].name)
        problems.append(
            f"{label}.{wire}: the model {model.__name__} reads it, the spec does not have it "
            f'— remove "{source}" from {_where(model)}:{line} (or add the property to the spec)'
        )
    for nested_label, nested_model, nested_node in nested:
        problems += _model_problems(ctx, nested_label, nested_model, nested_node, enum_gaps)
    return problems


# ---------------------------------------------------------------------------------------------
# Schemas <-> models


def _reachable(spec: _Spec, roots: Iterable[tuple[Any, str]]) -> dict[str, list[str]]:
    """Schema name -> where it was first reached from (operation ids or model names)."""
    found: dict[str, list[str]] = {}
    stack: list[tuple[Any, str, bool]] = [(node, origin, False) for node, origin in roots]
    visited: set[int] = set()
    while stack:
        node, origin, shared = stack.pop()
        if not isinstance(node, dict):
            continue
        if "$ref" in node:
            target, name = spec.deref(node)
            if name is not None:
                if not shared:
                    found.setdefault(name, [])
                    if origin not in found[name]:
                        found[name].append(origin)
                if id(target) in visited:
                    continue
            stack.append((target, origin, shared))
            continue
        if id(node) in visited:
            continue
        visited.add(id(node))
        for prop, child in (node.get("properties") or {}).items():
            stack.append((child, origin, shared or prop in _SHARED_PROPERTIES))
        for key in ("items", "additionalProperties", "not"):
            stack.append((node.get(key), origin, shared))
        for key in ("oneOf", "anyOf", "allOf"):
            for child in node.get(key) or []:
                stack.append((child, origin, shared))
    return found


def _envelope_problems(spec: _Spec, name: str, node: Any) -> list[str]:
    """A list envelope must be what `waycore.Page` reads."""
    props, required = spec.object_view(node) or ({}, set())
    problems = []
    page_fields = [f.name for f in attrs.fields(Page)]
    assert page_fields == ["data", "has_more", "next_cursor", "request_id"], page_fields

    def bad(field: str, says: str, owner: str = name) -> None:
        problems.append(
            f"{owner}.{field}: the spec says {says}, but a list envelope is read by "
            f"waycore.Page (data, pagination.hasMore, pagination.nextCursor, meta.requestId) "
            f"— change page_parser in {_where(Page)} (or the spec)"
        )

    data = _shape(spec, props.get("data"))
    if data.kind != "list" or data.nullable:
        bad("data", data.describe())
    if "data" not in required or "pagination" not in required:
        bad("data", "data and pagination are not both required")
    # A shared schema is named once, however many lists use it (problems are deduplicated).
    owner = spec.ref_name(props.get("pagination")) or f"{name}.pagination"
    pag = spec.object_view(props.get("pagination"))
    if pag is None:
        bad("pagination", "pagination is not an object")
    else:
        has_more = _shape(spec, pag[0].get("hasMore"))
        if has_more.kind != "bool" or has_more.nullable or "hasMore" not in pag[1]:
            bad(
                "hasMore",
                f"{'required' if 'hasMore' in pag[1] else 'optional'} "
                f"{has_more.describe()} (expected a required boolean)",
                owner,
            )
        cursor = _shape(spec, pag[0].get("nextCursor"))
        if cursor.kind != "str":
            bad("nextCursor", f"{cursor.describe()} (expected a string or null)", owner)
        for extra in sorted(set(pag[0]) - {"hasMore", "nextCursor"}):
            bad(extra, "a property Page has no field for", owner)
    if "meta" in props:
        meta = spec.object_view(props["meta"])
        request_id = _shape(spec, meta[0].get("requestId")) if meta else None
        if request_id is None or request_id.kind != "str":
            owner = spec.ref_name(props["meta"]) or f"{name}.meta"
            bad("requestId", "no string requestId", owner)
    for extra in sorted(set(props) - {"data", "pagination", "meta"}):
        bad(extra, "a property Page has no field for")
    return problems


def schema_problems(spec_doc: dict[str, Any], models: Iterable[type] | None = None) -> list[str]:
    """Every disagreement between the spec's schemas and the SDK's models."""
    spec = _Spec(spec_doc)
    model_list = list(discover_models() if models is None else models)
    problems: list[str] = []
    by_name: dict[str, type] = {}
    for model in model_list:
        name = getattr(model, "_schema_name", None)
        if name is None:
            problems.append(
                f"{model.__name__}: the model names no schema — add "
                f'"_schema_name: ClassVar[str | None] = "<Schema>"" to class {model.__name__} '
                f"in {_where(model)}:{_class_line(model)}"
            )
        elif name in by_name:
            problems.append(
                f"{name}: two models name this schema, {by_name[name].__name__} and "
                f"{model.__name__} — change _schema_name in {_where(model)}:{_class_line(model)}"
            )
        else:
            by_name[name] = model
    shared = frozenset(
        name
        for schema in spec.schemas.values()
        for prop, child in ((spec.object_view(schema) or ({}, set()))[0]).items()
        if prop in _SHARED_PROPERTIES and (name := spec.ref_name(child)) is not None
    )
    ctx = _Ctx(spec, by_name, shared)

    roots: list[tuple[Any, str]] = []
    for method, path, op, _ in spec.operations():
        origin = op.get("operationId") or f"{method.upper()} {path}"
        for schema in spec.success_schemas(op):
            roots.append((schema, origin))
            if spec.ref_name(schema) or spec.object_view(schema) is None:
                continue
            # An inline object response: only a list envelope or a wrapper can do without
            # a name, since a model names its schema.
            if spec.is_envelope(schema):
                problems += _envelope_problems(spec, f"{origin} (inline list)", schema)
            elif spec.wrapped(schema) is None:
                problems.append(
                    f"{origin}: its 2xx response is an inline object schema, which no model "
                    f"can name — move it to components/schemas and add a model naming it"
                )
    for name, model in by_name.items():
        if name not in spec.schemas:
            problems.append(
                f"{name}: the model {model.__name__} names this schema, which the spec does not "
                f'have — change "_schema_name" of class {model.__name__} in '
                f"{_where(model)}:{_class_line(model)} (or remove the model)"
            )
        else:
            roots.append(({"$ref": f"#/components/schemas/{name}"}, model.__name__))
    reached = _reachable(spec, roots)

    enum_gaps: dict[tuple[type, Any], list[str]] = {}
    for name in sorted(reached):
        node = spec.schemas.get(name)
        origin = ", ".join(reached[name][:3])
        if node is None or name in _NO_MODEL:
            continue
        model = by_name.get(name)
        members = spec.variants(node)
        if members is not None and len(members) > 1 and model is None:
            problems += _union_problems(spec, name, node, members, origin)
        elif spec.object_view(node) is None or (name in shared and model is None):
            continue  # enum, scalar, free-form or shared object: checked where a field uses it
        elif model is not None:
            problems += _model_problems(ctx, name, model, node, enum_gaps)
        elif spec.is_envelope(node):
            problems += _envelope_problems(spec, name, node)
        elif spec.wrapped(node) is None:
            problems.append(
                f"{name}: the spec's schema (reached from {origin}) has no model — add a frozen "
                f"attrs class with '_schema_name: ClassVar[str | None] = \"{name}\"' to "
                f"waycore/types/ (one module per resource)"
            )
    for (enum_cls, value), users in sorted(enum_gaps.items(), key=lambda kv: str(kv[0])):
        problems.append(
            f"{enum_cls.__name__}: the spec lists {value!r} ({', '.join(users)}), the SDK enum "
            f'does not — add "{_enum_member_name(value)} = "{value}"" to class '
            f"{enum_cls.__name__} in {_where(enum_cls)}:{_class_line(enum_cls)}"
        )
    return list(dict.fromkeys(problems))  # a shared schema's problem once


def _union_problems(
    spec: _Spec, name: str, node: Any, members: list[Any], origin: str
) -> list[str]:
    names = [spec.ref_name(m) for m in members]
    if not all(names):
        return [
            f"{name}: a oneOf/anyOf of inline schemas (reached from {origin}) cannot be "
            f"matched with a model union — give each variant a name in components/schemas"
        ]
    union = _union_for(names)
    tag = (node.get("discriminator") or {}).get("propertyName")
    if union is None:
        closest = max(
            _models._UNIONS, key=lambda u: len(_union_names(u) & set(names)), default=None
        )
        if closest is not None and _union_names(closest) & set(names):
            binding = _module_binding(closest)
            at = f"{binding[1]}:{binding[2]}" if binding else _where(typing.get_args(closest)[0])
            has = sorted(str(n) for n in _union_names(closest))
            return [
                f"{name}: the spec's variants are {sorted(map(str, names))}, the union "
                f"{_union_text(closest)} has {has} — change the union's members (keeping its "
                f"unknown-variant class) in {at}"
            ]
        return [
            f"{name}: no union registered with tagged_union() has the variants "
            f"{sorted(map(str, names))} (reached from {origin}) — declare "
            f"'X = tagged_union(A | B | UnknownX, tag=\"{tag or '<tag>'}\")' in waycore/types/"
        ]
    declared = _models._UNIONS[union].tag
    if tag is not None and tag != declared:
        binding = _module_binding(union)
        at = f"{binding[1]}" if binding else "waycore/types/"
        return [
            f"{name}: the spec tells the variants apart by {tag!r}, the union "
            f"{_union_text(union)} by {declared!r} — change tag={declared!r} to tag={tag!r} "
            f"in the tagged_union() call in {at}"
        ]
    return []


# ---------------------------------------------------------------------------------------------
# Operations <-> methods


def _op_source(op_id: str) -> tuple[str, int, list[tuple[int, str]]]:
    """Where the `Operation(...)` record of `op_id` is written: file, first line, lines."""
    for path in sorted((REPO / "waycore" / "resources").glob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines):
            if f'"{op_id}"' not in line:
                continue
            start = index
            while start > max(0, index - 3) and "Operation(" not in lines[start]:
                start -= 1
            if "Operation(" not in lines[start]:
                start = index
            depth, end = 0, start
            for end in range(start, len(lines)):
                depth += lines[end].count("(") - lines[end].count(")")
                if depth <= 0 and end >= index:
                    break
            block = [(n + 1, lines[n]) for n in range(start, end + 1)]
            return _rel(path), start + 1, block
    return "waycore/resources/", 0, []


def _kwarg_line(block: list[tuple[int, str]], key: str) -> tuple[int, str] | None:
    for number, line in block:
        if re.search(rf"\b{key}\s*=", line):
            return number, _strip_comment(line.strip())
    return None


def _tuple_text(names: Iterable[str]) -> str:
    items = [f'"{n}"' for n in names]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _body_names(spec: _Spec, op: dict[str, Any]) -> list[str]:
    body, _ = spec.deref(op.get("requestBody"))
    if not isinstance(body, dict):
        return []
    names: list[str] = []
    for media in (body.get("content") or {}).values():
        schema = media.get("schema") if isinstance(media, dict) else None
        if schema is None:
            continue
        variants = spec.variants(schema)
        for part in variants if variants is not None else [schema]:
            view = spec.object_view(part)
            for name in view[0] if view else ():
                if name not in names:
                    names.append(name)
    return names


def _sdk_target(client: Any, dotted: str) -> Any:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part, None)
        if target is None:
            return None
    return target


def _returns_pager(method: Any) -> bool:
    try:
        hint = typing.get_type_hints(method).get("return")
    except Exception:  # a TYPE_CHECKING-only name: fall back to the annotation's text
        hint = inspect.signature(method).return_annotation
        return isinstance(hint, str) and re.match(r"(Async)?Pager\b", hint) is not None
    return typing.get_origin(hint) in (Pager, AsyncPager) or hint in (Pager, AsyncPager)


def _resource_guess(path: str, op: dict[str, Any]) -> str:
    tags = op.get("tags") or []
    if tags:
        return str(tags[0])
    return path.strip("/").split("/")[0] or "root"


def _method_guess(op_id: str, resource: str) -> str:
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", op_id).lower().split("_")
    plural = resource.lower()
    singular = plural[:-3] + "y" if plural.endswith("ies") else plural.removesuffix("s")
    kept = [w for w in words if w not in (plural, singular)]
    kept = ["retrieve" if w == "get" else w for w in kept]
    return "_".join(kept) or "call"


@functools.cache
def _clients() -> tuple[Any, Any]:
    sync_client = waycore.Waycore(api_key="k", base_url="http://127.0.0.1:9")
    async_client = waycore.AsyncWaycore(api_key="k", base_url="http://127.0.0.1:9")
    return sync_client, async_client


def close_clients() -> None:
    if _clients.cache_info().currsize:
        sync_client, async_client = _clients()
        sync_client.close()
        asyncio.run(async_client.close())
        _clients.cache_clear()


def operation_problems(
    spec_doc: dict[str, Any], operations: Iterable[Operation] | None = None
) -> list[str]:
    """Every disagreement between the spec's operations and the SDK's `Operation` records
    and methods."""
    if operations is None:
        from waycore.resources import OPERATIONS

        operations = OPERATIONS
    spec = _Spec(spec_doc)
    records: dict[str, Operation] = {}
    problems: list[str] = []
    for record in operations:
        if record.operation_id in records:
            file, line, _ = _op_source(record.operation_id)
            problems.append(
                f"{record.operation_id}: two Operation records have this operationId — "
                f"remove one (see {file}:{line})"
            )
        records[record.operation_id] = record
    sync_client, async_client = _clients()
    seen: set[str] = set()
    for method, path, op, params in spec.operations():
        op_id = op.get("operationId")
        label = f"{op_id} ({method.upper()} {path})"
        if not op_id:
            problems.append(
                f"{method.upper()} {path}: the spec operation has no operationId — add one"
            )
            continue
        seen.add(op_id)
        query = [p["name"] for p in params if p.get("in") == "query"]
        body = _body_names(spec, op)
        headers = {p["name"].lower() for p in params if p.get("in") == "header"}
        record = records.get(op_id)
        if record is None:
            resource = _resource_guess(path, op)
            sdk = f"{resource}.{_method_guess(op_id, resource)}"
            args = [f'"{op_id}"', f'"{method.upper()}"', f'"{path}"', f'"{sdk}"']
            if [q for q in query if q != "cursor"]:
                args.append("query=" + _tuple_text(q for q in query if q != "cursor"))
            if body:
                args.append("body=" + _tuple_text(body))
            if "idempotency-key" in headers:
                args.append("idempotency_key=True")
            constant = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", op_id).upper()
            problems.append(
                f"{label}: the SDK has no Operation record for it — add "
                f'"{constant} = Operation({", ".join(args)})" to '
                f"waycore/resources/_{resource}_calls.py (and its OPERATIONS), with the method "
                f"{sdk} on both clients"
            )
            continue
        file, line, block = _op_source(op_id)
        at = f"{file}:{line}"
        if record.method.upper() != method.upper() or record.path != path:
            problems.append(
                f"{label}: the Operation record says {record.method} {record.path} — change "
                f'"{record.method}", "{record.path}" to "{method.upper()}", "{path}" in '
                f'the Operation("{op_id}", ...) at {at}'
            )
        sync_method = _sdk_target(sync_client, record.sdk_method)
        async_method = _sdk_target(async_client, record.sdk_method)
        missing = [
            name
            for name, target in (("Waycore", sync_method), ("AsyncWaycore", async_method))
            if not callable(target)
        ]
        if missing:
            problems.append(
                f"{label}: the Operation record's sdk_method {record.sdk_method!r} is not a "
                f"method of {' and '.join(missing)} — add it (or change "
                f'"{record.sdk_method}" in the Operation("{op_id}", ...) at {at})'
            )
        pager = any(_returns_pager(m) for m in (sync_method, async_method) if callable(m))
        sdk_query = list(record.query) + (
            ["cursor"] if pager and "cursor" not in record.query else []
        )
        if sorted(sdk_query) != sorted(query):
            wanted = _keep_order(record.query, [q for q in query if not (pager and q == "cursor")])
            why = " (the pager sends cursor itself)" if pager else ""
            problems.append(
                _kwarg_problem(
                    label, "query", "query parameters", query, sdk_query, wanted, block, at
                )
                + why
            )
        if sorted(record.body) != sorted(body):
            problems.append(
                _kwarg_problem(
                    label,
                    "body",
                    "body properties",
                    body,
                    list(record.body),
                    _keep_order(record.body, body),
                    block,
                    at,
                )
            )
        if ("idempotency-key" in headers) != record.idempotency_key:
            says = (
                "an Idempotency-Key header"
                if "idempotency-key" in headers
                else "no Idempotency-Key header"
            )
            current = _kwarg_line(block, "idempotency_key")
            change = (
                f'change "{current[1]}" to "idempotency_key={"idempotency-key" in headers},"'
                f" at {file}:{current[0]}"
                if current
                else f'add "idempotency_key=True" to the Operation("{op_id}", ...) at {at}'
            )
            problems.append(
                f"{label}: the spec has {says}, the Operation record "
                f"{'does not send one' if not record.idempotency_key else 'sends one'}"
                f" — {change}"
            )
    for op_id, record in records.items():
        if op_id not in seen:
            file, line, _ = _op_source(op_id)
            problems.append(
                f"{op_id} ({record.method} {record.path}): the Operation record names an "
                f"operation the spec does not have — remove it (and {record.sdk_method}) or "
                f"change its operationId at {file}:{line}"
            )
    return problems


def _keep_order(current: Iterable[str], wanted: list[str]) -> list[str]:
    """`wanted`, in the record's order where the record already has a name."""
    kept = [name for name in current if name in wanted]
    return kept + [name for name in wanted if name not in kept]


def _kwarg_problem(
    label: str,
    key: str,
    what: str,
    spec_names: list[str],
    sdk_names: list[str],
    wanted: list[str],
    block: list[tuple[int, str]],
    at: str,
) -> str:
    only_spec = sorted(set(spec_names) - set(sdk_names))
    only_sdk = sorted(set(sdk_names) - set(spec_names))
    diff = []
    if only_spec:
        diff.append(f"the spec has {only_spec} the SDK lacks")
    if only_sdk:
        diff.append(f"the SDK has {only_sdk} the spec lacks")
    current = _kwarg_line(block, key)
    wanted_text = f"{key}={_tuple_text(wanted)}," if wanted else f"no {key}= argument"
    if current is not None:
        change = f'change "{current[1]}" to "{wanted_text}" at {at.rsplit(":", 1)[0]}:{current[0]}'
    else:
        change = f'add "{wanted_text}" to the Operation("{label.split(" ")[0]}", ...) at {at}'
    return f"{label}: {what} differ ({'; '.join(diff)}) — {change}"


if __name__ == "__main__":  # python tests/_drift.py [spec]: print the problems
    doc = load_spec(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else None)
    found = schema_problems(doc) + operation_problems(doc)
    print("\n".join(found) or "no drift")
    close_clients()
    sys.exit(1 if found else 0)
