"""Python SDK for the Waycore commercial banking API."""

from ._version import __version__

__all__ = ["__version__"]
