"""Test helpers for code that uses waycore-python: an in-memory Waycore API server.

Not imported by ``import waycore``; import it explicitly::

    from waycore.testing import Sandbox

    with Sandbox() as sandbox:
        client = sandbox.client()

Standard library only, so it adds no runtime dependency.
"""

from ._sandbox import Sandbox
from ._server import RecordedRequest

__all__ = ["RecordedRequest", "Sandbox"]
