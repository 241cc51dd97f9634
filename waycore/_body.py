"""Reading a response body within limits: a size cap (after decompression) and the call's
deadline. Pure bookkeeping over the chunks the client reads, shared by both clients."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import httpx2

from ._attempts import BodyError


class BodyReader:
    """Accumulates the raw chunks of one response and decodes them as they come.

    Raises `BodyError` past `max_bytes` (decoded, or raw once the body proved undecodable)
    or, at its end, on a body that cannot be decoded; and `httpx2.ReadTimeout` once the
    deadline has passed (a server trickling its body byte by byte never trips the per-read
    timeout). `finish()` stores the decoded body as the response's content.
    """

    def __init__(
        self,
        response: httpx2.Response,
        max_bytes: int,
        deadline: float | None,
        clock: Callable[[], float],
    ) -> None:
        self._response = response
        self._max_bytes = max_bytes
        self._deadline = deadline
        self._clock = clock
        self._raw: list[bytes] = []
        self._decoded: list[bytes] = []
        self._size = 0
        # httpx2 reads Content-Encoding (gzip, deflate, br, zstd) into a streaming decoder;
        # a header it refuses (more codings than it applies) makes the body undecodable.
        self._decoder: Any = None
        with contextlib.suppress(httpx2.DecodingError):
            self._decoder = response._get_content_decoder()

    def _fail(self, reason: str) -> BodyError:
        self._response._content = b"".join(self._raw)
        return BodyError(reason, self._response)

    def _take(self, pieces: Iterator[bytes]) -> None:
        # httpx2's decoders yield bounded pieces, so a compression bomb is stopped at the cap
        # instead of being inflated whole.
        try:
            for data in pieces:
                self._size += len(data)
                if self._size > self._max_bytes:
                    raise self._fail("too large")
                self._decoded.append(data)
        except httpx2.DecodingError:
            # Undecodable: read on, raw, and fail at the end. The error is built from the
            # raw body, and one cut at a chunk boundary could split a secret the server
            # echoed in two, where masking no longer finds it.
            self._decoder = None
            self._size = sum(map(len, self._raw))
            self._check_raw_size()

    def _check_raw_size(self) -> None:
        if self._size > self._max_bytes:
            raise self._fail("too large")

    def feed(self, chunk: bytes) -> None:
        """One raw chunk off the wire."""
        if self._deadline is not None and self._clock() > self._deadline:
            raise httpx2.ReadTimeout("the call's deadline passed", request=self._response.request)
        self._raw.append(chunk)
        if self._decoder is None:
            self._size += len(chunk)
            self._check_raw_size()
        else:
            self._take(self._decoder.decode(chunk))

    def finish(self) -> None:
        """The end of the body: flush the decoder and keep the result on the response."""
        if not self._raw and hasattr(self._response, "_content"):
            # A transport that built its response in memory (httpx2.MockTransport) has read
            # it already; only the cap is left to apply.
            if len(self._response.content) > self._max_bytes:
                raise BodyError("too large", self._response)
            return
        if self._decoder is not None:
            self._take(self._decoder.flush())
        if self._decoder is None:
            raise self._fail("undecodable (Content-Encoding)")
        self._response._content = b"".join(self._decoded)
