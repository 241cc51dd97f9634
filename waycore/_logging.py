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


def _application_has_handlers(record: logging.LogRecord) -> bool:
    """Whether the record will reach a handler the application installed: then it prints
    there, and ours would print it a second time."""
    current: logging.Logger | None = logger
    while current is not None:
        if any(h is not _handler for h in current.handlers):
            return True
        current = current.parent if current.propagate else None
    return False


def configure_from_env() -> None:
    """Apply `WAYCORE_LOG`: set the level and attach one stderr handler (only once), which
    stays quiet while the application's own logging handles the records."""
    global _handler
    level = _LEVELS.get(os.environ.get(LOG_ENV, "").strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if _handler is None:
        _handler = logging.StreamHandler(sys.stderr)
        _handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        # Checked per record: the application may configure logging after the client exists.
        _handler.addFilter(lambda record: not _application_has_handlers(record))
        logger.addHandler(_handler)
