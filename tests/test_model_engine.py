"""The declarative model engine (`waycore._models`): every field kind, unions, `extra`,
`to_dict()` round trips (hypothesis), and errors that name the field but never the value."""

from __future__ import annotations

import contextlib
import datetime
import decimal
import string
from decimal import Decimal
from typing import Any, ClassVar, Literal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import waycore
from waycore._models import Model, ParseError, parser_for, raw_field, tagged_union, wire
from waycore.types._open_enum import OpenStrEnum


class Color(OpenStrEnum):
    RED = "red"
    BLUE = "blue"


@attrs.frozen(slots=True)
class Leaf(Model):
    _schema_name: ClassVar[str | None] = "Leaf"
    value: Decimal
    note: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class Sample(Model):
    _schema_name: ClassVar[str | None] = "Sample"
    id: str
    count: int
    flag: bool
    amount: Decimal
    day: datetime.date
    at: datetime.datetime
    color: Color
    leaf: Leaf
    maybe_day: datetime.date | None
    tags: list[str] = attrs.field(factory=list)
    leaves: list[Leaf] = attrs.field(factory=list)
    metadata: dict[str, Any] = attrs.field(factory=dict)
    odd_name: str | None = wire("odd_Name", default=None)
    optional_amount: Decimal | None = None
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class Cat(Model):
    name: str
    type: Literal["cat"] = "cat"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class Dog(Model):
    name: str
    good: bool = True
    type: Literal["dog"] = "dog"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(slots=True)
class UnknownPet(Model):
    type: str
    raw: dict[str, Any] = raw_field()  # noqa: RUF009 - an attrs field


Pet = Cat | Dog | UnknownPet
tagged_union(Pet, tag="type")


@attrs.frozen(slots=True)
class Home(Model):
    pets: list[Pet]
    favourite: Pet | None = None


def _sample_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": "s_1",
        "count": 3,
        "flag": True,
        "amount": "1250.50",
        "day": "2024-05-01",
        "at": "2024-05-01T12:30:00Z",
        "color": "red",
        "leaf": {"value": "0.10"},
        "maybeDay": None,
        "tags": ["a", "b"],
        "leaves": [{"value": "1", "note": "n"}],
        "metadata": {"k": [1, {"x": None}]},
    }
    payload.update(overrides)
    return payload


parse_sample = parser_for(Sample)


def test_every_field_kind():
    s = parse_sample(_sample_payload(odd_Name="w", optionalAmount=7, newThing={"a": 1}))
    assert s.amount == Decimal("1250.50") and isinstance(s.amount, Decimal)
    assert s.day == datetime.date(2024, 5, 1)
    assert s.at == datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.UTC)
    assert s.color is Color.RED
    assert s.leaf == Leaf(Decimal("0.10"))
    assert s.leaves == [Leaf(Decimal("1"), "n")]
    assert s.maybe_day is None
    assert s.odd_name == "w"
    assert s.optional_amount == Decimal(7)
    assert s.extra == {"newThing": {"a": 1}}


def test_absent_optionals_take_their_defaults():
    payload = _sample_payload()
    for key in ("tags", "leaves", "metadata"):
        del payload[key]
    s = parse_sample(payload)
    assert (s.tags, s.leaves, s.metadata, s.odd_name) == ([], [], {}, None)
    assert parse_sample(_sample_payload(metadata=None, tags=None)).metadata == {}


def test_unknown_enum_value_kept():
    s = parse_sample(_sample_payload(color="green"))
    assert s.color == "green" and isinstance(s.color, Color) and not s.color.is_known


def test_naive_timestamp_is_utc():
    s = parse_sample(_sample_payload(at="2024-05-01T12:30:00"))
    assert s.at.tzinfo is datetime.UTC


@pytest.mark.parametrize(
    ("key", "value", "path"),
    [
        ("id", 5, "id"),
        ("id", None, "id"),
        ("count", True, "count"),
        ("count", "3", "count"),
        ("flag", 1, "flag"),
        ("amount", "NaN", "amount"),
        ("amount", "Infinity", "amount"),
        ("amount", float("nan"), "amount"),
        ("amount", "1_000", "amount"),
        ("amount", " 1", "amount"),
        ("amount", "ten", "amount"),
        ("amount", True, "amount"),
        ("day", "2024-13-01", "day"),
        ("day", 20240101, "day"),
        ("at", "yesterday", "at"),
        ("color", 3, "color"),
        ("leaf", "x", "leaf"),
        ("leaf", {"value": "x"}, "leaf.value"),
        ("tags", "a,b", "tags"),
        ("tags", ["a", 2], "tags[1]"),
        ("leaves", [{"value": "1"}, {"value": []}], "leaves[1].value"),
        ("metadata", [], "metadata"),
    ],
)
def test_wrong_types_name_the_field_not_the_value(key, value, path):
    secret = "SECRET-VALUE-42"
    payload = _sample_payload(**{key: value}, note=secret)
    with pytest.raises(ParseError) as info:
        parse_sample(payload)
    assert info.value.path == path
    assert secret not in str(info.value)
    if isinstance(value, str) and len(value) > 2:
        assert value not in str(info.value)


def test_missing_required_field_named():
    payload = _sample_payload()
    del payload["amount"]
    with pytest.raises(ParseError, match=r"amount: expected .*missing"):
        parse_sample(payload)


def test_body_not_an_object():
    with pytest.raises(ParseError, match="body: expected an object, got an array"):
        parse_sample([])


def test_json_number_amounts_become_exact_decimals():
    assert parse_sample(_sample_payload(amount=0.1)).amount == Decimal("0.1")
    assert parse_sample(_sample_payload(amount=12)).amount == Decimal(12)


# --- unions ---------------------------------------------------------------------------------

parse_home = parser_for(Home)


def test_union_dispatch_and_unknown_variant():
    home = parse_home(
        {
            "pets": [
                {"type": "cat", "name": "Tom"},
                {"type": "dog", "name": "Rex", "good": False},
                {"type": "axolotl", "name": "Ax", "gills": 6},
            ],
            "favourite": {"type": "dog", "name": "Rex"},
        }
    )
    cat, dog, other = home.pets
    assert cat == Cat("Tom") and dog == Dog("Rex", good=False)
    assert isinstance(other, UnknownPet) and other.type == "axolotl"
    assert other.raw == {"type": "axolotl", "name": "Ax", "gills": 6}
    assert home.favourite == Dog("Rex")
    assert other.to_dict() == other.raw


def test_union_without_tag_and_no_default_fails():
    with pytest.raises(ParseError) as info:
        parse_home({"pets": [{"name": "?"}]})
    assert info.value.path == "pets[0].type"


def test_connection_union_defaults_to_ready(ready_payload):
    payload = ready_payload()
    del payload["kind"]
    assert isinstance(waycore.ReadyConnection.from_dict(payload), waycore.ReadyConnection)
    assert isinstance(parser_for(waycore.Connection)(payload), waycore.ReadyConnection)


# --- to_dict --------------------------------------------------------------------------------


def test_to_dict_uses_wire_names_and_merges_extra():
    payload = _sample_payload(odd_Name="w", unknownKey=[1])
    d = parse_sample(payload).to_dict()
    assert d["odd_Name"] == "w" and d["unknownKey"] == [1]
    assert d["amount"] == "1250.50" and d["day"] == "2024-05-01"
    assert d["at"] == "2024-05-01T12:30:00Z"
    assert "maybeDay" in d and d["maybeDay"] is None  # required and nullable: kept
    assert "optionalAmount" not in d  # optional and None: left out


def test_to_dict_decimals_in_plain_notation():
    s = parse_sample(_sample_payload(amount="1E+2", leaf={"value": "0.0000001"}))
    d = s.to_dict()
    assert d["amount"] == "100" and d["leaf"]["value"] == "0.0000001"


def test_connection_to_dict_is_the_payload(ready_payload, setup_payload):
    ready = ready_payload(metadata={"a": 1}, somethingNew=True)
    ready["updatedAt"] = "2024-05-02T08:30:00+02:00"
    assert waycore.ReadyConnection.from_dict(ready).to_dict() == ready
    setup = setup_payload()
    del setup["institutionId"]  # None optionals are left out of to_dict
    setup["metadata"] = {}
    setup["setup"]["instructions"] = {"firstName": "Way"}
    assert waycore.SetupConnection.from_dict(setup).to_dict() == setup


# Payloads in the canonical wire form (what to_dict writes), built by hypothesis.
_text = st.text(alphabet=string.ascii_letters + string.digits + " -_é€", max_size=12)
_decimals = st.decimals(allow_nan=False, allow_infinity=False, places=2).map(
    lambda d: format(d, "f")
)
_days = st.dates().map(datetime.date.isoformat)
_stamps = st.datetimes(
    min_value=datetime.datetime(1971, 1, 1), timezones=st.just(datetime.UTC)
).map(lambda t: t.isoformat().replace("+00:00", "Z"))
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | _text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def _leaf_payloads(draw: st.DrawFn) -> dict[str, Any]:
    leaf: dict[str, Any] = {"value": draw(_decimals)}
    if draw(st.booleans()):
        leaf["note"] = draw(_text)
    return leaf


@st.composite
def _sample_payloads(draw: st.DrawFn) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": draw(_text),
        "count": draw(st.integers()),
        "flag": draw(st.booleans()),
        "amount": draw(_decimals),
        "day": draw(_days),
        "at": draw(_stamps),
        "color": draw(st.sampled_from(["red", "blue", "mauve"])),
        "leaf": draw(_leaf_payloads()),
        "maybeDay": draw(st.none() | _days),
        "tags": draw(st.lists(_text, max_size=3)),
        "leaves": draw(st.lists(_leaf_payloads(), max_size=3)),
        "metadata": draw(st.dictionaries(_text, _json, max_size=3)),
    }
    if draw(st.booleans()):
        payload["odd_Name"] = draw(_text)
    if draw(st.booleans()):
        payload["optionalAmount"] = draw(_decimals)
    extra = draw(st.dictionaries(st.sampled_from(["zNew", "other_x"]), _json, max_size=2))
    payload.update(extra)
    return payload


@given(_sample_payloads())
def test_to_dict_round_trips_the_wire_payload(payload):
    model = parse_sample(payload)
    assert model.to_dict() == payload
    assert parse_sample(model.to_dict()) == model


@given(st.lists(st.sampled_from(["cat", "dog", "newt"]), max_size=4), _text)
def test_union_round_trip(kinds, name):
    pets = [{"type": k, "name": name} for k in kinds]
    for pet in pets:
        if pet["type"] == "dog":
            pet["good"] = True
    home = parse_home({"pets": pets})
    assert home.to_dict() == {"pets": pets}
    assert parse_home(home.to_dict()) == home


@given(_json)
def test_arbitrary_json_raises_only_parse_error(data):
    for parse in (parse_sample, parse_home, parser_for(waycore.Connection)):
        with contextlib.suppress(ParseError):
            parse(data)


def test_decimal_context_does_not_round():
    with decimal.localcontext(decimal.Context(prec=3)):
        assert parse_sample(_sample_payload(amount="123456.789")).amount == Decimal("123456.789")
