"""How a resource module plugs into the sandbox: a :class:`Resource` with routes and state.

A resource module owns its state (a store class with ``reset()``) and declares its routes::

    resource = Resource("entities", lambda options: EntityStore(clock=options.clock))

    @resource.route("DELETE", "/entities/{entityId}")
    def _delete(store: EntityStore, request: ApiRequest) -> Reply:
        store.delete(request.params["entityId"])
        return Reply(204)

then one line in ``_registry.py`` makes the app serve it. Handlers run under the app's
lock, so they may read and change any store (``request.stores.get(other_resource)``), and
must never block: no sleeping, no network.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar
from urllib.parse import unquote

from ._common import ApiError, Reply, parse_json, utcnow

__all__ = [
    "ApiRequest",
    "Resource",
    "Route",
    "Router",
    "SandboxOptions",
    "Store",
    "Stores",
]


class Store(Protocol):
    """The state of one resource. Not thread-safe: the app's lock guards every call.

    A store may also define ``attach(stores: Stores) -> None``, called once every store of the
    sandbox exists: the place to subscribe to another store's events (e.g.
    ``stores.get(connections.resource).listeners.append(self.on_connection_event)``).
    """

    def reset(self) -> None:
        """Forget everything (called by ``Sandbox.reset()``)."""


S = TypeVar("S", bound=Store)
Handler = Callable[[Any, "ApiRequest"], Reply]


@dataclass(frozen=True)
class SandboxOptions:
    """Settings a store may read when it is created (one set per sandbox)."""

    activation_polls: int = 1
    clock: Callable[[], datetime] = utcnow


class Resource(Generic[S]):
    """One API resource: a name, how to build its store, and its routes."""

    def __init__(self, name: str, factory: Callable[[SandboxOptions], S]) -> None:
        """``factory`` builds the resource's store from the sandbox's options."""
        self.name = name
        self.factory = factory
        self.routes: list[Route] = []

    def route(
        self, method: str, pattern: str
    ) -> Callable[[Callable[[S, ApiRequest], Reply]], Callable[[S, ApiRequest], Reply]]:
        """Register ``handler(store, request) -> Reply`` for ``method`` on ``pattern``.

        ``pattern`` is the spec's path template under ``/v1`` (same parameter names, e.g.
        ``/connections/{connectionId}``: the conformance test fuzzes every registered route
        against that operation of ``openapi/waycore.yaml``). A ``{name}`` segment matches one
        non-empty segment, percent-decoded into ``request.params[name]``.
        """

        def register(
            handler: Callable[[S, ApiRequest], Reply],
        ) -> Callable[[S, ApiRequest], Reply]:
            self.routes.append(Route(method.upper(), pattern, self, handler))
            return handler

        return register

    def __repr__(self) -> str:
        """Name and route count."""
        return f"<Resource {self.name} ({len(self.routes)} routes)>"


@dataclass(frozen=True)
class Route:
    """``method`` + path ``pattern`` → ``handler``, for one resource's store."""

    method: str
    pattern: str
    resource: Resource[Any]
    handler: Handler
    #: Per path segment: the literal, or ``None`` for a ``{parameter}``.
    segments: tuple[str | None, ...] = field(init=False)
    #: The parameter names, in path order.
    names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        """Split the pattern once."""
        if not self.pattern.startswith("/"):
            raise ValueError(f"route pattern must start with '/': {self.pattern!r}")
        parts = self.pattern.strip("/").split("/")
        object.__setattr__(self, "segments", tuple(None if _is_param(p) else p for p in parts))
        object.__setattr__(self, "names", tuple(p[1:-1] for p in parts if _is_param(p)))

    def match(self, segments: list[str]) -> dict[str, str] | None:
        """The path parameters when ``segments`` (percent-decoded) fit this pattern."""
        if len(segments) != len(self.segments):
            return None
        values: list[str] = []
        for literal, segment in zip(self.segments, segments, strict=True):
            if literal is None:
                if not segment:
                    return None
                values.append(segment)
            elif literal != segment:
                return None
        return dict(zip(self.names, values, strict=True))

    @property
    def specificity(self) -> tuple[int, ...]:
        """Sorts literal segments before parameters, so ``/x/search`` beats ``/x/{id}``."""
        return tuple(0 if literal is not None else 1 for literal in self.segments)


def _is_param(part: str) -> bool:
    return len(part) > 2 and part.startswith("{") and part.endswith("}")


class Stores:
    """The stores of one sandbox, looked up by their :class:`Resource`."""

    def __init__(self, resources: Iterable[Resource[Any]], options: SandboxOptions) -> None:
        """Build every resource's store."""
        self._stores: dict[str, Store] = {}
        for resource in resources:
            if resource.name in self._stores:
                raise ValueError(f"resource {resource.name!r} is registered twice")
            self._stores[resource.name] = resource.factory(options)
        for store in self._stores.values():
            attach = getattr(store, "attach", None)
            if attach is not None:
                attach(self)

    def get(self, resource: Resource[S]) -> S:
        """The store of ``resource`` (hold the app's lock while using it)."""
        store: S = self._stores[resource.name]  # type: ignore[assignment]
        return store

    def reset(self) -> None:
        """Reset every store."""
        for store in self._stores.values():
            store.reset()


@dataclass(frozen=True)
class ApiRequest:
    """What a handler sees of one authenticated request."""

    method: str
    path: str
    params: Mapping[str, str]
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: bytes
    request_id: str
    stores: Stores

    def json(self) -> object:
        """The JSON body; 400 ``invalid_json`` when it is missing or malformed."""
        if not self.body.strip():
            raise ApiError(400, "invalid_json", "A JSON request body is required.")
        try:
            return parse_json(self.body)
        except (ValueError, RecursionError):
            raise ApiError(400, "invalid_json", "The request body is not valid JSON.") from None


class Router:
    """Finds the route for a method and path; answers 404 and 405 like the API."""

    def __init__(self, resources: Iterable[Resource[Any]], *, prefix: str = "/v1") -> None:
        """Collect every resource's routes, most specific pattern first."""
        self.prefix = prefix
        routes = [route for resource in resources for route in resource.routes]
        seen: set[tuple[str, tuple[str | None, ...]]] = set()
        for route in routes:
            if (route.method, route.segments) in seen:
                raise ValueError(f"two handlers for {route.method} {route.pattern}")
            seen.add((route.method, route.segments))
        self._routes = sorted(routes, key=lambda r: r.specificity)

    def resolve(self, method: str, path: str) -> tuple[Route, dict[str, str]]:
        """The route and its path parameters; ``ApiError`` 404, or 405 (``Allow`` listed)."""
        if not path.startswith(self.prefix + "/"):
            raise ApiError(404, "not_found", "No such endpoint.")
        # Split before unquoting so an id containing "%2F" stays one segment.
        segments = [unquote(s) for s in path[len(self.prefix) + 1 :].split("/")]
        allowed: set[str] = set()
        for route in self._routes:
            params = route.match(segments)
            if params is None:
                continue
            if route.method == method:
                return route, params
            allowed.add(route.method)
        if not allowed:
            raise ApiError(404, "not_found", "No such endpoint.")
        raise MethodNotAllowed(method, sorted(allowed))


class MethodNotAllowed(ApiError):
    """405, carrying the methods the path does allow (for the ``Allow`` header)."""

    def __init__(self, method: str, allowed: list[str]) -> None:
        """Name the refused method; keep the allowed ones."""
        super().__init__(405, "method_not_allowed", f"{method} is not allowed here.")
        self.allowed = allowed
