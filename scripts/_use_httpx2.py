"""Rewrite the generated client's `import httpx` to httpx2 (run by scripts/regenerate).

openapi-python-client 0.29.1 still emits `import httpx`; httpx2 is the same API under a new
name and the one HTTP stack waycore uses, so `import waycore` must never load httpx. Until the
generator emits httpx2 itself (https://github.com/openapi-generators/openapi-python-client/pull/1461),
each generated module gets `import httpx2 as httpx`, which leaves the generated bodies untouched.

    python scripts/_use_httpx2.py DIR
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_IMPORT = re.compile(rb"^import httpx$", re.MULTILINE)
_LEFTOVER = re.compile(rb"^(?:import|from) httpx(?:[ .]|$)", re.MULTILINE)


def rewrite(root: Path) -> None:
    """Rewrite every module under `root` in place; fail on an httpx import left behind."""
    for path in sorted(root.rglob("*.py")):
        source = _IMPORT.sub(b"import httpx2 as httpx", path.read_bytes())
        if _LEFTOVER.search(source):
            raise SystemExit(f"{path}: an httpx import was not rewritten to httpx2")
        path.write_bytes(source)


if __name__ == "__main__":
    rewrite(Path(sys.argv[1]))
