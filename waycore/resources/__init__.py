"""API resources, one module each, reached as attributes of the client."""

from .connections import AsyncConnections, Connections

__all__ = ["AsyncConnections", "Connections"]
