"""Configuration shared by both clients, and their thin I/O shells around `attempts()`."""

from __future__ import annotations

import contextvars
import time
from collections.abc import Awaitable, Callable, Generator, Mapping
from typing import Any, Generic, Self, TypeVar, cast

import httpx2

from . import _validation as check
from ._attempts import BodyError, Outcome, Step, attempts
from ._body import BodyReader
from ._config import ClientConfig, merge_headers
from ._constants import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
)
from ._exceptions import APIResponseValidationError, WaycoreError
from ._exceptions import _redact_body as redact_body
from ._logging import configure_from_env
from ._operation import Call, RequestOptions
from ._response import APIResponse
from ._types import NOT_GIVEN, NotGiven, TimeoutTypes
from ._watchdog import Watchdog

_T = TypeVar("_T")
_HttpT = TypeVar("_HttpT", httpx2.Client, httpx2.AsyncClient)

# Set by `with_raw_response` wrappers: the call returns an `APIResponse` instead of parsing.
raw_mode: contextvars.ContextVar[bool] = contextvars.ContextVar("waycore_raw", default=False)

_MAX_CACHED_URLS = 256


class BaseClient(Generic[_HttpT]):
    """What the sync and async clients share: configuration, request building, lifetime."""

    _http_client_class: type[_HttpT]
    # Indirections (with `_sleep` in the subclasses) so tests can run the retry and polling
    # logic on a fake clock, without real sleeps.
    _clock: Callable[[], float] = staticmethod(time.monotonic)

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: _HttpT | None = None,
        default_headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        config = ClientConfig.create(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
        )
        if http_client is not None and not isinstance(http_client, self._http_client_class):
            raise check.ArgumentTypeError(
                check.http_client_hint(http_client, self._http_client_class)
            )
        if http_client is None:
            # Our own pool carries the SDK's headers, so requests need not merge them again.
            own = self._http_client_class(timeout=config.timeout, headers=config.request_headers())
            self._setup(config, own, owns_http_client=True)
        else:
            self._setup(config, http_client, owns_http_client=False)

    def _setup(self, config: ClientConfig, http_client: _HttpT, *, owns_http_client: bool) -> None:
        configure_from_env()
        self._config = config
        self._http: _HttpT = http_client
        self._owns_http_client = owns_http_client
        # A user's client (or a with_options copy, whose headers may differ) gets the
        # headers on every request; httpx2 merges them over its own, ours winning.
        self._request_headers = None if owns_http_client else config.request_headers()
        # Parsed URLs by path: httpx2 parses a URL string twice per request (about 40 us),
        # and most calls repeat a handful of paths. Bounded, as ids make paths vary.
        self._urls: dict[str, httpx2.URL] = {}
        self._init_resources()

    @property
    def base_url(self) -> str:
        """The API's base URL, e.g. `https://api.waycore.com/v1`."""
        return self._config.base_url

    @property
    def timeout(self) -> httpx2.Timeout:
        """The default timeout of every request."""
        return self._config.timeout

    @property
    def max_retries(self) -> int:
        """How many times a failed request is retried."""
        return self._config.max_retries

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, "
            f"max_retries={self.max_retries}, timeout={self.timeout!r})"
        )

    def _timeout(self, options: RequestOptions) -> httpx2.Timeout:
        value = options.get("timeout", NOT_GIVEN)
        if isinstance(value, NotGiven):
            return self._config.timeout
        return check.timeout(value)

    def _deadline(self, options: RequestOptions) -> float | None:
        """The time on `_clock` by which the call must end, or `None`."""
        seconds = (
            check.optional_seconds(options["deadline"], "deadline")
            if "deadline" in options
            else self._config.deadline
        )
        return None if seconds is None else self._clock() + seconds

    def _build_request(
        self, call: Call, options: RequestOptions, timeout: httpx2.Timeout
    ) -> httpx2.Request:
        url = self._urls.get(call.path)
        if url is None:
            url = httpx2.URL(self._config.base_url + call.path)
            if len(self._urls) < _MAX_CACHED_URLS:
                self._urls[call.path] = url
        params: Mapping[str, Any] | None = call.params
        json: Mapping[str, Any] | None = call.json
        headers: Mapping[str, str] | None = self._request_headers
        if options:
            extra_query = check.extra_mapping(options.get("extra_query"), "extra_query")
            if extra_query:
                params = {**(params or {}), **extra_query}
            extra_body = check.extra_mapping(options.get("extra_body"), "extra_body")
            if extra_body:
                json = {**(json or {}), **extra_body}
            extra_headers = check.extra_headers(options.get("extra_headers"))
            if extra_headers:
                headers = merge_headers(headers, extra_headers)
        if call.headers:
            headers = merge_headers(headers, call.headers)
        request: httpx2.Request = self._http.build_request(
            call.method, url, params=params, json=json, headers=headers, timeout=timeout
        )
        return request

    def _attempts(
        self, call: Call, request: httpx2.Request, timeout: httpx2.Timeout, deadline: float | None
    ) -> Generator[Step, Outcome, httpx2.Response]:
        return attempts(
            request,
            max_retries=self._config.max_retries,
            retry=call.retry,
            status_errors=call.status_errors,
            repeat_conflict_ok=call.repeat_conflict_ok,
            secrets=(self._config.api_key, *call.secrets),
            deadline=deadline,
            timeout=timeout,
            clock=self._clock,
        )

    def _closed_error(self, exc: RuntimeError) -> Exception:
        """What a closed pool (or an event loop gone) means to the caller."""
        if self._http.is_closed:
            return WaycoreError(
                f"This {type(self).__name__} is closed (or is a copy of a closed client); "
                "create a new client"
            )
        if "event loop" in str(exc).lower():
            return WaycoreError(
                f"This {type(self).__name__} was used from another event loop than the one it "
                "first ran on (its connections belong to that loop): create one client per "
                "event loop, e.g. inside the coroutine that asyncio.run() runs"
            )
        return exc

    def _finish(
        self, call: Call, response: httpx2.Response, parse: Callable[[httpx2.Response], _T]
    ) -> _T:
        if raw_mode.get():
            return cast(_T, APIResponse(response, parse))
        try:
            return parse(response)
        except APIResponseValidationError as exc:
            # A 2xx echoing the password must not carry it in `.body` (nor into a pickle).
            exc.body = redact_body(exc.body, (self._config.api_key, *call.secrets))
            raise

    def _copy(self, config: ClientConfig) -> Self:
        clone = object.__new__(type(self))
        clone._setup(config, self._http, owns_http_client=False)
        # Instance overrides of the sleep and clock (tests) carry over to the copy.
        clone.__dict__.update({k: v for k, v in self.__dict__.items() if k in ("_sleep", "_clock")})
        return clone

    def _init_resources(self) -> None:
        raise NotImplementedError

    def with_options(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A copy with other defaults that shares this client's connection pool.

        Closing the copy does not close the pool. Example::

            fast = client.with_options(timeout=5, max_retries=0, deadline=10)
        """
        return self._copy(
            self._config.derive(
                timeout=timeout,
                max_retries=max_retries,
                default_headers=default_headers,
                deadline=deadline,
            )
        )


async def _asyncio_sleep(seconds: float) -> None:
    # Imported here: sync-only users should not pay for loading asyncio at import time.
    import asyncio

    await asyncio.sleep(seconds)


class SyncAPIClient(BaseClient[httpx2.Client]):
    """Sends calls with a blocking `httpx2.Client`."""

    _http_client_class = httpx2.Client
    _sleep: Callable[[float], None] = staticmethod(time.sleep)

    def _request(
        self, call: Call, parse: Callable[[httpx2.Response], _T], options: RequestOptions
    ) -> _T:
        timeout = self._timeout(options)
        deadline = self._deadline(options)
        request = self._build_request(call, options, timeout)
        loop = self._attempts(call, request, timeout, deadline)
        step: Step = next(loop)
        try:
            while True:
                outcome: Outcome = None
                if isinstance(step, float):
                    self._sleep(step)
                else:
                    try:
                        outcome = self._send(step, deadline)
                    except (httpx2.RequestError, BodyError) as exc:
                        outcome = exc
                    except RuntimeError as exc:
                        raise self._closed_error(exc) from exc
                step = loop.send(outcome)
        except StopIteration as done:
            response: httpx2.Response = done.value
        return self._finish(call, response, parse)

    def _send(self, request: httpx2.Request, deadline: float | None) -> httpx2.Response:
        """Send once, never following a redirect, and read the body within the limits."""
        watchdog = None
        if deadline is not None and Watchdog.can_cut(self._http, request):
            watchdog = Watchdog(self._http, request, deadline - self._clock())
        try:
            response = self._http.send(request, stream=True, follow_redirects=False)
            try:
                reader = BodyReader(
                    response, self._config.max_response_bytes, deadline, self._clock
                )
                if not response.is_stream_consumed:
                    for chunk in response.iter_raw():
                        reader.feed(chunk)
                reader.finish()
            finally:
                if watchdog is not None:
                    watchdog.stop()
                response.close()
        except httpx2.TransportError as exc:
            if watchdog is not None and watchdog.cut:
                raise httpx2.ReadTimeout("the call's deadline passed", request=request) from exc
            raise
        finally:
            if watchdog is not None:
                watchdog.stop()
        return response

    def close(self) -> None:
        """Close the connection pool (never an `http_client` you passed in, nor a copy's)."""
        if self._owns_http_client:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncAPIClient(BaseClient[httpx2.AsyncClient]):
    """Sends calls with an `httpx2.AsyncClient`."""

    _http_client_class = httpx2.AsyncClient
    _sleep: Callable[[float], Awaitable[None]] = staticmethod(_asyncio_sleep)

    async def _request(
        self, call: Call, parse: Callable[[httpx2.Response], _T], options: RequestOptions
    ) -> _T:
        timeout = self._timeout(options)
        deadline = self._deadline(options)
        request = self._build_request(call, options, timeout)
        loop = self._attempts(call, request, timeout, deadline)
        step: Step = next(loop)
        try:
            while True:
                outcome: Outcome = None
                if isinstance(step, float):
                    await self._sleep(step)
                else:
                    try:
                        outcome = await self._send(step, deadline)
                    except (httpx2.RequestError, BodyError) as exc:
                        outcome = exc
                    except RuntimeError as exc:
                        raise self._closed_error(exc) from exc
                step = loop.send(outcome)
        except StopIteration as done:
            response: httpx2.Response = done.value
        return self._finish(call, response, parse)

    async def _send(self, request: httpx2.Request, deadline: float | None) -> httpx2.Response:
        """Send once, never following a redirect, and read the body within the limits.

        With a deadline, the whole attempt runs under `asyncio.timeout`: httpx2's timeouts
        bound each read, and a server dripping its headers or body never trips them.
        """
        if deadline is None:
            return await self._send_once(request, deadline)
        import asyncio

        try:
            async with asyncio.timeout(max(deadline - self._clock(), 0.0)):
                return await self._send_once(request, deadline)
        except TimeoutError:
            raise httpx2.ReadTimeout("the call's deadline passed", request=request) from None

    async def _send_once(self, request: httpx2.Request, deadline: float | None) -> httpx2.Response:
        response = await self._http.send(request, stream=True, follow_redirects=False)
        try:
            reader = BodyReader(response, self._config.max_response_bytes, deadline, self._clock)
            if not response.is_stream_consumed:
                async for chunk in response.aiter_raw():
                    reader.feed(chunk)
            reader.finish()
        finally:
            await response.aclose()
        return response

    async def close(self) -> None:
        """Close the connection pool (never an `http_client` you passed in, nor a copy's)."""
        if self._owns_http_client:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
