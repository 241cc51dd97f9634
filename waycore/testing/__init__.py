"""Test helpers for code that uses waycore-python: an in-memory Waycore API server.

Not imported by ``import waycore``; import it explicitly::

    from waycore.testing import Sandbox

    with Sandbox() as sandbox:
        client = sandbox.client()              # over loopback HTTP

    client = Sandbox().client(in_process=True)  # no socket, no thread

With the package installed, pytest also gets the ``waycore_sandbox`` and ``waycore_client``
fixtures (see ``waycore.testing._plugin``).

Standard library only (httpx2 is loaded for in-process clients only), so it adds no runtime
dependency.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._app import RecordedRequest
    from ._deliveries import DeliveryRecord
    from ._sandbox import Sandbox

__all__ = ["DeliveryRecord", "RecordedRequest", "Sandbox"]

_WHERE = {"Sandbox": "_sandbox", "RecordedRequest": "_app", "DeliveryRecord": "_deliveries"}


def __getattr__(name: str) -> Any:
    # Loaded on first use: the pytest plugin (waycore.testing._plugin) is imported in every
    # pytest run once waycore is installed, and should cost nothing until a fixture is used.
    module = _WHERE.get(name)
    if module is not None:
        import importlib

        return getattr(importlib.import_module(f".{module}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
