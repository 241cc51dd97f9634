"""Parse throughput of one 500-item list page, without any I/O."""

from __future__ import annotations

import json

from waycore_raw.models.connection_list import ConnectionList

import waycore
from waycore._pagination import page_parser

from ._harness import Result, Settings, interleave_timed, time_loop, timed
from ._payloads import PAGE_SIZE, page_body

parse_connection_page = page_parser(waycore.Connection)

_BODY = page_body(0)


def _json_only() -> object:
    return json.loads(_BODY)


def _sdk() -> object:
    return parse_connection_page(json.loads(_BODY))


def _generated() -> object:
    return ConnectionList.from_dict(json.loads(_BODY))


def bench_parse(settings: Settings) -> list[Result]:
    """`parse_connection_page(json.loads(body))` vs `json.loads` alone and the generated parser."""
    assert len(parse_connection_page(json.loads(_BODY)).data) == PAGE_SIZE
    assert len(ConnectionList.from_dict(json.loads(_BODY)).data) == PAGE_SIZE
    n = settings.parse_pages
    for fn in (_json_only, _sdk, _generated):
        time_loop(fn, max(5, n // 10))
    timings = interleave_timed(
        {"json": timed(_json_only), "sdk": timed(_sdk), "generated": timed(_generated)},
        rounds=settings.rounds,
        per_round=n,
    )
    samples = {name: [ns / 1e6 for ns in values] for name, values in timings.items()}
    notes = {"pages_per_sample": n, "items_per_page": PAGE_SIZE, "body_bytes": len(_BODY)}
    return [
        Result(
            name="parse",
            title="parse_connection_page(json.loads(page)) vs json.loads(page)",
            unit="ms/page",
            subject="sdk",
            baseline="json.loads",
            subject_samples=samples["sdk"],
            baseline_samples=samples["json"],
            notes=notes,
        ),
        Result(
            name="parse-generated",
            title="SDK parser vs the generated ConnectionList.from_dict (both after json.loads)",
            unit="ms/page",
            subject="sdk",
            baseline="generated",
            subject_samples=samples["sdk"],
            baseline_samples=samples["generated"],
            notes=notes,
        ),
    ]
