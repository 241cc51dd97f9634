"""Benchmarks: what the SDK costs over raw httpx2. Run ``python -m benchmarks`` (see BENCHMARKS.md).

Never imported by ``waycore`` and never part of the test suite (a smoke test only checks that
the runner works).
"""
