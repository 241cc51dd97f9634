"""`python -m waycore._cli ...`: the same as the `waycore` command."""

from __future__ import annotations

from . import main

if __name__ == "__main__":
    raise SystemExit(main())
