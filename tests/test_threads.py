"""One sync client shared by many threads: every call gets its own response."""

from __future__ import annotations

import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import httpx2

import waycore

THREADS = 8
CALLS_PER_THREAD = 25


def test_concurrent_calls_get_their_own_responses(sync_api, ready_payload):
    lock = threading.Lock()
    seen: list[str] = []
    attempts: dict[str, int] = {}

    def handler(request: httpx2.Request) -> httpx2.Response:
        conn_id = urllib.parse.unquote(request.url.raw_path.decode().rsplit("/", 1)[1])
        with lock:
            seen.append(conn_id)
            attempts[conn_id] = attempts.get(conn_id, 0) + 1
            first_try = attempts[conn_id] == 1
        # Every fifth id fails once, so retries run concurrently with other calls too.
        if first_try and conn_id.endswith("5"):
            return httpx2.Response(503)
        return httpx2.Response(
            200,
            json=ready_payload(id=conn_id, metadata={"thread": conn_id.split("-")[1]}),
            headers={"x-request-id": f"req-{conn_id}"},
        )

    client = sync_api.client(handler)
    barrier = threading.Barrier(THREADS)

    def worker(thread_no: int) -> list[tuple[str, str, str]]:
        barrier.wait()
        results = []
        for call_no in range(CALLS_PER_THREAD):
            conn_id = f"conn-{thread_no}-{call_no}"
            conn = client.connections.retrieve(conn_id)
            assert isinstance(conn, waycore.ReadyConnection)
            results.append((conn_id, conn.id, conn.metadata["thread"]))
        return results

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        per_thread = list(pool.map(worker, range(THREADS)))

    for thread_no, results in enumerate(per_thread):
        assert len(results) == CALLS_PER_THREAD
        for asked, got, thread in results:
            assert asked == got
            assert thread == str(thread_no)
    total = THREADS * CALLS_PER_THREAD
    retried = sum(1 for n in range(CALLS_PER_THREAD) if str(n).endswith("5")) * THREADS
    assert len(seen) == total + retried
    assert len(set(seen)) == total
    assert len(sync_api.sleeps) == retried
