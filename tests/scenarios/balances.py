"""Scenarios of `client.balances`: the daily rows of an active connection, by page and by
date range (the dates taken from recorded rows, so a replay never depends on today)."""

from __future__ import annotations

from datetime import timedelta

from ._base import ENTITY, Scenario, Steps, active_connection, op


def balances_by_date() -> Steps:
    connection_id = yield from active_connection()
    rows = yield op("balances.list", connection_id=connection_id, limit=25)  # 60 rows, 3 pages
    assert len(rows) == 60
    # The window comes from the recorded rows, never from today's date: a replay on any day
    # sends the query that was recorded.
    newest = max(row.date for row in rows if row.date is not None)
    start, end = newest - timedelta(days=7), newest - timedelta(days=2)
    window = yield op(
        "balances.list", connection_id=connection_id, date_gte=start, date_lt=end, limit=4
    )
    assert len(window) == 10 and all(row.date and start <= row.date < end for row in window)
    account_id = rows[0].account_id
    one_account = yield op(
        "balances.list",
        entity_id=ENTITY,
        account_id=account_id,
        date_gte=start.isoformat(),
        date_lt=end.isoformat(),
    )
    assert {row.account_id for row in one_account} == {account_id}
    return {
        "rows": len(rows),
        "window": [(str(row.date), row.account_id, str(row.ledger_balance)) for row in window],
        "one_account": [str(row.date) for row in one_account],
    }


SCENARIOS = [Scenario("balances_by_date", balances_by_date, drives_sandbox=True)]
