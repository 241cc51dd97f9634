"""Scenarios of `client.institutions`: search the catalog, walk it by pages, fetch one, and a
`NotFoundError` for an unknown institution id."""

from __future__ import annotations

from typing import Any

import waycore

from ._base import Scenario, Steps, expect_error, op


def _ids(institutions: list[waycore.Institution]) -> list[Any]:
    return [i.institution_id for i in institutions]


def institutions_catalog() -> Steps:
    by_name = yield op("institutions.list", query="chase")
    by_portal = yield op("institutions.list", query="https://online.svb.com/login")
    every_page = yield op("institutions.list", limit=3)  # the catalog in pages of three
    assert len(every_page) > 3 and len(set(_ids(every_page))) == len(every_page)
    chase = yield op("institutions.retrieve", institution_id="chase")
    missing = yield from expect_error(
        waycore.NotFoundError, "institutions.retrieve", institution_id="no_such_bank"
    )
    return {
        "by_name": _ids(by_name),
        "by_portal": _ids(by_portal),
        "every_page": _ids(every_page),
        "chase": {"id": chase.institution_id, "name": chase.name, "extra": sorted(chase.extra)},
        "missing": missing,
    }


SCENARIOS = [Scenario("institutions_catalog", institutions_catalog)]
