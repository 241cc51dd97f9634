"""Peers: other HTTP API SDKs measured the same way, each against raw httpx2 on its own payload.

``python -m benchmarks --only peers`` reruns this table alone. Every contender calls the same
local keep-alive server, interleaved with the others (shuffled order per slice):

- ``sdk``: this SDK's ``connections.retrieve`` (the ``retrieve`` row again, for a side-by-side);
- ``generated``: the bare generated client (``waycore_raw``, httpx2 underneath) doing
  ``get_connection.sync``, on the same payload;
- ``openai``: openai-python's ``OpenAI(base_url=...).models.retrieve(id)``, when installed;
- ``stripe``: stripe-python's ``StripeClient(base_addresses=...).v1.customers.retrieve(id)``,
  when installed (it uses its own HTTP client: requests when installed, else urllib);
- ``raw``, ``raw-openai``, ``raw-stripe``: one raw ``httpx2.Client`` GETting each payload and
  decoding it with ``.json()``: each peer's baseline; ``raw-aa``, a second raw client, the A/A.

A peer that is not installed is reported as skipped ("not installed"), not as a failure; one
that is installed but fails against the server is skipped with a reason starting "failed:".
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import httpx2
from waycore_raw.api.connections import get_connection
from waycore_raw.client import AuthenticatedClient

import waycore

from ._harness import CONTROL, Result, Row, Settings, Skipped, interleave_timed, timed
from ._http_benches import AA_TITLE, AUTH, scaled, warm
from ._payloads import (
    API_KEY,
    CONNECTION_ID,
    OPENAI_MODEL_ID,
    STRIPE_API_KEY,
    STRIPE_CUSTOMER_ID,
)
from ._server import ServerProcess

GROUP = "peers"
# The start of the skip reason of a peer that is installed but failed against the server.
FAILED = "failed:"
_OPENAI_KEY = "sk-bench-0123456789abcdef"
Call = Callable[[], object]


def _peer_url(server: ServerProcess, peer: str) -> str:
    return f"http://127.0.0.1:{server.port}/{peer}"


def _failure(exc: Exception) -> str:
    return f"{FAILED} {type(exc).__name__}: {exc}"[:300]


@contextlib.contextmanager
def _openai(server: ServerProcess) -> Iterator[tuple[Call, str] | str]:
    """``(call, version)`` for openai-python, or why it cannot run."""
    try:
        import openai
    except ImportError:
        yield "openai is not installed"
        return
    client = openai.OpenAI(base_url=_peer_url(server, "openai") + "/v1", api_key=_OPENAI_KEY)
    try:
        found: tuple[Call, str] | str
        try:
            model = client.models.retrieve(OPENAI_MODEL_ID)
            if model.id != OPENAI_MODEL_ID:
                raise RuntimeError(f"models.retrieve returned {model!r}")
            found = (lambda: client.models.retrieve(OPENAI_MODEL_ID)), openai.__version__
        except Exception as exc:  # an installed peer that fails is reported, not fatal
            found = _failure(exc)
        yield found
    finally:
        client.close()


@contextlib.contextmanager
def _stripe(server: ServerProcess) -> Iterator[tuple[Call, str] | str]:
    """``(call, version)`` for stripe-python, or why it cannot run."""
    try:
        import stripe
    except ImportError:
        yield "stripe is not installed"
        return
    client = stripe.StripeClient(
        STRIPE_API_KEY, base_addresses={"api": _peer_url(server, "stripe")}
    )
    http_client = getattr(getattr(client, "_requestor", None), "_client", None)
    try:
        found: tuple[Call, str] | str
        try:
            # Newer releases put the API under `.v1`; older ones only have `.customers`.
            v1: Any = getattr(client, "v1", None)
            if v1 is not None:
                customers = v1.customers
            else:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    customers = client.customers
            customer = customers.retrieve(STRIPE_CUSTOMER_ID)
            if customer.id != STRIPE_CUSTOMER_ID:
                raise RuntimeError(f"customers.retrieve returned {customer!r}")
            transport = type(http_client).__name__ if http_client is not None else "?"
            found = (
                lambda: customers.retrieve(STRIPE_CUSTOMER_ID),
                f"{stripe.VERSION} ({transport})",
            )
        except Exception as exc:  # an installed peer that fails is reported, not fatal
            found = _failure(exc)
        yield found
    finally:
        close = getattr(http_client, "close", None)
        if callable(close):
            close()


def bench_peers(server: ServerProcess, settings: Settings) -> list[Row]:
    """This SDK, the generated client, openai-python and stripe-python vs raw httpx2."""
    retrieve_url = f"{server.base_url}/connections/{CONNECTION_ID}"
    openai_url = f"{_peer_url(server, 'openai')}/v1/models/{OPENAI_MODEL_ID}"
    stripe_url = f"{_peer_url(server, 'stripe')}/v1/customers/{STRIPE_CUSTOMER_ID}"
    openai_auth = {"Authorization": f"Bearer {_OPENAI_KEY}"}
    stripe_auth = {"Authorization": f"Bearer {STRIPE_API_KEY}"}
    with (
        waycore.Waycore(api_key=API_KEY, base_url=server.base_url) as sdk,
        AuthenticatedClient(base_url=server.base_url, token=API_KEY) as generated,
        httpx2.Client(timeout=60.0) as raw,
        httpx2.Client(timeout=60.0) as twin,
        _openai(server) as openai_peer,
        _stripe(server) as stripe_peer,
    ):
        calls: dict[str, Call] = {
            "sdk": lambda: sdk.connections.retrieve(CONNECTION_ID),
            "generated": lambda: get_connection.sync(CONNECTION_ID, client=generated),
            "raw": lambda: raw.get(retrieve_url, headers=AUTH).json(),
            "raw-aa": lambda: twin.get(retrieve_url, headers=AUTH).json(),
        }
        versions: dict[str, str] = {}
        if not isinstance(openai_peer, str):
            calls["openai"], versions["openai"] = openai_peer
            calls["raw-openai"] = lambda: raw.get(openai_url, headers=openai_auth).json()
        if not isinstance(stripe_peer, str):
            calls["stripe"], versions["stripe"] = stripe_peer
            calls["raw-stripe"] = lambda: raw.get(stripe_url, headers=stripe_auth).json()
        if get_connection.sync(CONNECTION_ID, client=generated) is None:
            raise RuntimeError("the generated client parsed nothing")
        for fn in calls.values():
            warm(fn, settings)
        # Half the per-call count: this table has up to 8 contenders.
        n = max(20, settings.calls // 2)
        samples = scaled(
            interleave_timed(
                {name: timed(fn) for name, fn in calls.items()},
                rounds=settings.rounds,
                per_round=n,
            ),
            1000.0,
        )
    notes: dict[str, Any] = {"calls_per_sample": n, "versions": versions}

    def row(name: str, title: str, subject: str, baseline: str, label: str) -> Result:
        return Result(
            name=name,
            title=title,
            unit="µs/call",
            subject=label,
            baseline=f"raw httpx2 ({baseline})",
            subject_samples=samples[subject],
            baseline_samples=samples[baseline],
            notes=notes,
            group=GROUP,
        )

    rows: list[Row] = [
        row("peers-sdk", "waycore connections.retrieve vs raw httpx2", "sdk", "raw", "waycore"),
        row(
            "peers-generated",
            "bare generated client get_connection.sync vs raw httpx2",
            "generated",
            "raw",
            "generated",
        ),
    ]
    for peer, found, title in (
        ("openai", openai_peer, "openai-python models.retrieve vs raw httpx2 on its payload"),
        ("stripe", stripe_peer, "stripe-python customers.retrieve vs raw httpx2 on its payload"),
    ):
        if isinstance(found, str):
            rows.append(Skipped(name=f"peers-{peer}", title=title, reason=found, group=GROUP))
        else:
            label = f"{peer} {versions[peer]}"
            rows.append(row(f"peers-{peer}", title, peer, f"raw-{peer}", label))
    rows.append(
        Result(
            name="peers-aa",
            title=AA_TITLE,
            unit="µs/call",
            subject="raw httpx2 (twin)",
            baseline="raw httpx2 (raw)",
            subject_samples=samples["raw-aa"],
            baseline_samples=samples["raw"],
            notes=notes,
            group=GROUP,
            kind=CONTROL,
        )
    )
    return rows
