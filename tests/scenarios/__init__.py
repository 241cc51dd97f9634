"""Cassette scenarios, one module per resource; `tests/cassette_scenarios.py` collects them.

See `_base` for what a scenario is and what keeps its requests replayable.
"""
