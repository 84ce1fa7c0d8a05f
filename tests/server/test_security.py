"""Rate limits, CORS, security headers, metrics and log privacy."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable

import pytest
import redis.asyncio as aioredis
from fastapi.testclient import TestClient

from bot.config import Clinic, Settings
from bot.server.app import create_app
from bot.server.ratelimit_redis import RedisRateLimiter
from tests.conftest import RedisServer, free_port

HOOK = "/webhooks/rest/webhook"


def app_with(settings: Settings, **changes) -> TestClient:
    return TestClient(create_app(settings.model_copy(update=changes)))


def clear_of_window_edge(
    window_s: float, clock: Callable[[], float] = time.monotonic, margin_s: float = 5.0
) -> None:
    """The windows are fixed: they restart at the clock's multiples of ``window_s``, and a
    burst across one edge is counted in two windows. Waits past the next edge when it is
    nearer than ``margin_s``, so a test's few requests fall in one window. The in-process
    limiter reads the monotonic clock, the Redis one the wall clock."""
    left = window_s - clock() % window_s
    if left < margin_s:
        time.sleep(left + 0.05)


def test_per_sender_rate_limit_answers_429_with_retry_after(settings: Settings) -> None:
    with app_with(settings, rate_limit_per_sender=3, rate_limit_window_s=60) as client:
        clear_of_window_edge(60)
        codes = [
            client.post(HOOK, json={"sender": "rl", "message": "hi"}).status_code for _ in range(4)
        ]
        assert codes == [200, 200, 200, 429]
        limited = client.post(HOOK, json={"sender": "rl", "message": "hi"})
        assert 1 <= int(limited.headers["Retry-After"]) <= 60
        assert "too many messages" in limited.json()["message"]
        assert client.post(HOOK, json={"sender": "other", "message": "hi"}).status_code == 200
        events = client.get("/conversations/rl/tracker").json()["events"]
        assert sum(e["event"] == "user" for e in events) == 3


def test_per_ip_rate_limit(settings: Settings) -> None:
    with app_with(settings, rate_limit_per_ip=2, rate_limit_window_s=60) as client:
        clear_of_window_edge(60)
        codes = [
            client.post(HOOK, json={"sender": f"s{i}", "message": "hi"}).status_code
            for i in range(3)
        ]
    assert codes == [200, 200, 429]


def test_the_limit_holds_across_workers_sharing_redis(
    settings: Settings, redis_server: RedisServer
) -> None:
    """Two workers on one Redis count together: the fourth message is refused by either."""
    shared = settings.model_copy(update={"redis_url": redis_server.url, "rate_limit_per_sender": 3})
    with TestClient(create_app(shared)) as first, TestClient(create_app(shared)) as second:
        clear_of_window_edge(shared.rate_limit_window_s, time.time)
        codes = [
            worker.post(HOOK, json={"sender": "rl", "message": "hi"}).status_code
            for worker in (first, second, first, second)
        ]
    assert codes == [200, 200, 200, 429]


def test_redis_limiter_counts_in_process_while_redis_is_down() -> None:
    async def hits() -> list[float]:
        down = aioredis.Redis.from_url(
            f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.2
        )
        limiter = RedisRateLimiter(down)
        waits = [await limiter.hit([("sender:a", 2)], 60) for _ in range(3)]
        await down.aclose()
        return waits

    clear_of_window_edge(60)  # three refused connections take some 0.6 s
    first, second, third = asyncio.run(hits())
    assert first == second == 0.0
    assert 0 < third <= 60


def test_a_worker_on_sqlite_never_loads_redis(settings: Settings) -> None:
    """The Redis client costs a worker about 7 MB of memory; only Redis setups load it."""
    probe = (
        "import sys\n"
        "from fastapi.testclient import TestClient\n"
        "from bot.config import Settings\n"
        "from bot.server.app import create_app\n"
        "with TestClient(create_app(Settings())) as client:\n"
        "    assert client.post('/webhooks/rest/webhook',"
        " json={'sender': 'r', 'message': 'hi'}).status_code == 200\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'redis'))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALCIBOT_")}
    env["CALCIBOT_DATA_DIR"] = str(settings.data_dir)
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_cors_only_for_allowed_origins(client: TestClient) -> None:
    allowed = "https://clinic.example"
    ok = client.options(
        HOOK,
        headers={
            "Origin": allowed,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert ok.headers["access-control-allow-origin"] == allowed
    evil = client.options(
        HOOK, headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in evil.headers
    simple = client.post(
        HOOK, json={"sender": "c", "message": "hi"}, headers={"Origin": "https://evil.example"}
    )
    assert "access-control-allow-origin" not in simple.headers


def test_security_headers_on_api_answers(client: TestClient) -> None:
    response = client.post(HOOK, json={"sender": "h", "message": "hi"})
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    error = client.post(HOOK, content=b"{")
    assert error.headers["x-content-type-options"] == "nosniff"


def test_metrics_count_turns(client: TestClient) -> None:
    client.post(HOOK, json={"sender": "m", "message": "/greet"})
    client.post(HOOK, json={"sender": "m", "message": "/nlu_fallback"})
    text = client.get("/metrics").text
    assert 'calcibot_turns_total{intent="greet"} 1.0' in text
    assert "calcibot_fallbacks_total 1.0" in text
    assert "calcibot_turn_latency_seconds_bucket" in text
    client.post(HOOK, json={"sender": "m", "message": "/greet"})
    text = client.get("/metrics").text
    assert 'calcibot_cache_lookups_total{cache="parse",result="hit"} 1.0' in text
    assert 'calcibot_cache_lookups_total{cache="parse",result="miss"} 2.0' in text
    assert 'calcibot_cache_lookups_total{cache="state",result="hit"} 2.0' in text
    assert 'calcibot_cache_lookups_total{cache="state",result="miss"} 1.0' in text
    assert 'calcibot_cache_lookups_total{cache="render",result="hit"} 1.0' in text
    assert 'calcibot_cache_lookups_total{cache="render",result="miss"} 2.0' in text


def test_openapi_docs_are_served(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/webhooks/rest/webhook" in spec["paths"]
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("log_text", [False, True])
def test_logs_keep_message_text_out_unless_the_clinic_allows(
    settings: Settings, caplog: pytest.LogCaptureFixture, tmp_path, log_text: bool
) -> None:
    clinic_file = tmp_path / "clinic.yml"
    clinic_file.write_text(json.dumps(Clinic(log_message_text=log_text).model_dump(mode="json")))
    with (
        caplog.at_level(logging.INFO, logger="calcibot.turns"),
        app_with(settings, clinic_file=clinic_file) as client,
    ):
        client.post(HOOK, json={"sender": "privacy", "message": "my secret lump story"})
    turns = [r for r in caplog.records if r.name == "calcibot.turns"]
    assert turns
    fields = turns[-1].fields  # type: ignore[attr-defined]
    assert fields["sender"] != "privacy"
    assert ("text" in fields) is log_text


def test_log_lines_are_json() -> None:
    from bot.logs import JsonFormatter

    record = logging.LogRecord("calcibot.turns", logging.INFO, "x", 1, "turn", None, None)
    record.fields = {"sender": "abc", "intent": "greet"}
    assert json.loads(JsonFormatter().format(record)) == {
        "time": json.loads(JsonFormatter().format(record))["time"],
        "level": "info",
        "logger": "calcibot.turns",
        "message": "turn",
        "sender": "abc",
        "intent": "greet",
    }
