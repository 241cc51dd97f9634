"""The validated settings of a client, and the headers every request carries."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import attrs
import httpx2

from . import _validation as check
from ._constants import (
    API_KEY_ENV,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RESPONSE_BYTES,
)
from ._exceptions import WaycoreError
from ._types import NOT_GIVEN, NotGiven, TimeoutTypes
from ._version import __version__

USER_AGENT = f"waycore-python/{__version__}"


def merge_headers(base: Mapping[str, str] | None, extra: Mapping[str, str]) -> Mapping[str, str]:
    """`base` with `extra` on top, except `Authorization`: the SDK's own always wins."""
    merged: httpx2.Headers | dict[str, str] = httpx2.Headers(base) if base is not None else {}
    for key, value in extra.items():
        if key.lower() != "authorization":
            merged[key] = value
    return merged


@attrs.frozen(slots=True)
class ClientConfig:
    """Validated settings of a client. The API key is kept out of `repr`."""

    api_key: str = attrs.field(repr=False)
    base_url: str
    timeout: httpx2.Timeout
    max_retries: int
    default_headers: dict[str, str]
    deadline: float | None = None
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    @classmethod
    def create(
        cls,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: object,
        max_retries: object,
        default_headers: Mapping[str, str] | None,
        deadline: object = None,
        max_response_bytes: object = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> ClientConfig:
        """Apply the environment fallbacks and validate everything (constructor rules)."""
        key = api_key if api_key else os.environ.get(API_KEY_ENV)
        if not key:
            raise WaycoreError(
                f"No API key: pass api_key=... or set the {API_KEY_ENV} environment variable"
            )
        url = base_url if base_url else (os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL)
        return cls(
            api_key=check.api_key(key),
            base_url=check.base_url(url),
            timeout=check.timeout(timeout),
            max_retries=check.max_retries(max_retries),
            default_headers=check.headers(default_headers),
            deadline=check.optional_seconds(deadline, "deadline"),
            max_response_bytes=check.positive_int(max_response_bytes, "max_response_bytes"),
        )

    def request_headers(self) -> httpx2.Headers:
        """Headers sent on every request; the SDK's auth always wins.

        Merged as `httpx2.Headers`, so a differently cased `authorization` in
        `default_headers` replaces rather than duplicates, and is itself replaced.
        """
        headers = httpx2.Headers({"User-Agent": USER_AGENT, "Accept": "application/json"})
        headers.update(self.default_headers)
        headers["Authorization"] = f"Bearer {self.api_key}"
        return headers

    def derive(
        self,
        *,
        timeout: TimeoutTypes | NotGiven,
        max_retries: int | NotGiven,
        default_headers: Mapping[str, str] | NotGiven,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> ClientConfig:
        """A copy with some settings replaced (for `with_options`), validated like the original."""
        changes: dict[str, Any] = {}
        if not isinstance(deadline, NotGiven):
            changes["deadline"] = check.optional_seconds(deadline, "deadline")
        if not isinstance(timeout, NotGiven):
            changes["timeout"] = check.timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            changes["max_retries"] = check.max_retries(max_retries)
        if not isinstance(default_headers, NotGiven):
            changes["default_headers"] = {**self.default_headers, **check.headers(default_headers)}
        return attrs.evolve(self, **changes)
