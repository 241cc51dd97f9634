"""Parse of one 500-item list page, bytes to models, without any I/O.

Contenders, interleaved (shuffled order per slice), each from the same bytes:

- ``sdk``: the SDK's current parse path, `sdk_parse_page` (``json.loads`` + its page parser);
- ``old``: the pre-engine hand-written parser kept in `_old_parser` (and ``old-aa``, a second
  identical contender: the A/A control);
- ``json``: ``json.loads`` alone, the floor of any parser that starts from the stdlib decoder;
- ``pydantic``: pydantic-core validating the same page into equivalent models (`_pydantic_ref`),
  when pydantic-core is installed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from waycore._pagination import page_parser
from waycore.types import Connection

from . import _old_parser
from ._harness import (
    CONTROL,
    TARGET,
    Result,
    Row,
    Settings,
    Skipped,
    interleave_timed,
    time_loop,
    timed,
)
from ._payloads import PAGE_SIZE, page_body
from ._pydantic_ref import page_validator

BODY = page_body(0)

# The SDK's parse path for a list page (decoded JSON in, a page with `.data` out), as
# `waycore/resources/connections.py` builds it. This ONE line picks what `sdk_parse_page`
# measures; before the engine it was `waycore._parsing.parse_connection_page`.
sdk_page_parser: Callable[[object], Any] = page_parser(Connection)


def sdk_parse_page(payload: bytes) -> Any:
    """The SDK's current parse path for one list page, as its client runs it on a response."""
    return sdk_page_parser(json.loads(payload))


def old_parse_page(payload: bytes) -> Any:
    """The pre-engine hand-written parser (the issue 8 and issue 12 reference)."""
    return _old_parser.parse_connection_page(json.loads(payload))


def _check(name: str, page: Any, reference: Any) -> None:
    data = page.data
    if len(data) != PAGE_SIZE or [c.id for c in data] != [c.id for c in reference.data]:
        raise RuntimeError(f"{name} did not parse the {PAGE_SIZE} connections of the page")


def _per_item_us(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[len(ordered) // 2] * 1000.0 / PAGE_SIZE


def bench_parse(settings: Settings) -> list[Row]:
    """The SDK's page parse vs the old parser (target), json.loads and pydantic-core."""
    reference = old_parse_page(BODY)
    _check("sdk_parse_page", sdk_parse_page(BODY), reference)
    contenders: dict[str, Callable[[], object]] = {
        "sdk": lambda: sdk_parse_page(BODY),
        "old": lambda: old_parse_page(BODY),
        "old-aa": lambda: old_parse_page(BODY),
        "json": lambda: json.loads(BODY),
    }
    validator = page_validator()
    if validator is not None:
        _check("pydantic-core", validator.validate_json(BODY), reference)
        contenders["pydantic"] = lambda: validator.validate_json(BODY)
    n = settings.parse_pages
    for fn in contenders.values():
        time_loop(fn, max(3, n // 10))
    timings = interleave_timed(
        {name: timed(fn) for name, fn in contenders.items()},
        rounds=settings.rounds,
        per_round=n,
    )
    samples = {name: [ns / 1e6 for ns in values] for name, values in timings.items()}
    notes = {
        "pages_per_sample": n,
        "items_per_page": PAGE_SIZE,
        "body_bytes": len(BODY),
        "us_per_item": {name: _per_item_us(values) for name, values in samples.items()},
    }

    def row(name: str, title: str, subject: str, baseline: str, **kwargs: Any) -> Result:
        return Result(
            name=name,
            title=title,
            unit="ms/page",
            subject=subject,
            baseline=baseline,
            subject_samples=samples[subject],
            baseline_samples=samples[baseline],
            notes=notes,
            group="parse",
            **kwargs,
        )

    rows: list[Row] = [
        row(
            "parse",
            "sdk_parse_page(page) vs the old hand-written parser (both from bytes)",
            "sdk",
            "old",
            target=0.5,
            kind=TARGET,
        ),
        row("parse-aa", "A/A control: the old parser vs itself", "old-aa", "old", kind=CONTROL),
        row("parse-json", "sdk_parse_page(page) vs json.loads(page) alone", "sdk", "json"),
    ]
    if validator is None:
        rows.append(
            Skipped(
                name="parse-pydantic",
                title="sdk_parse_page(page) vs pydantic-core validate_json(page)",
                reason="pydantic-core is not installed",
                group="parse",
            )
        )
    else:
        rows.append(
            row(
                "parse-pydantic",
                "sdk_parse_page(page) vs pydantic-core validate_json(page)",
                "sdk",
                "pydantic",
                target=1.0,
                kind=TARGET,
            )
        )
    return rows
