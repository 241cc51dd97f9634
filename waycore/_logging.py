"""The `waycore` logger. Silent unless the application configures logging or sets
`WAYCORE_LOG=debug|info`. Nothing secret is ever passed to it."""

from __future__ import annotations

import logging
import os
import sys

from ._constants import LOG_ENV

logger = logging.getLogger("waycore")

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_handler: logging.Handler | None = None


def configure_from_env() -> None:
    """Apply `WAYCORE_LOG`: set the level and attach one stderr handler (only once)."""
    global _handler
    level = _LEVELS.get(os.environ.get(LOG_ENV, "").strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if _handler is None:
        _handler = logging.StreamHandler(sys.stderr)
        _handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(_handler)
