"""The benchmark harness keeps working as the code changes (`make bench` is not run in CI)."""

from __future__ import annotations

import asyncio
import mmap
import os
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.config import CLOSING_ADVICE, Settings
from bot.store.sqlite import SQLiteStore
from tests.bench import floor_app
from tests.bench.__main__ import (
    bench_in_process,
    check_targets,
    cpu_seconds,
    failed_requests,
    memory_mb,
    turns,
)
from tests.conftest import free_port


def test_in_process_figures_are_measured(model_dir: Path) -> None:
    results: dict[str, Any] = {}
    bench_in_process(model_dir, results)
    for key in ("parse_ms", "turn_ms", "turn_cached_ms", "store_turn_ms"):
        assert results[key]["n"] > 1000
        assert 0 < results[key]["median"] <= results[key]["p99"]
    # a repeated text skips the parser: the cached turn is the cheaper one in the same run
    assert results["turn_cached_ms"]["median"] < results["turn_ms"]["median"]


def test_targets_are_checked_as_ratios() -> None:
    def run(errors: int = 0) -> dict[str, Any]:
        return {"bare": {"errors": 0}, "bot": {"errors": errors}}

    row = {"connections": 20, "throughput_ratio": 0.5, "p99_ratio": 2.0, **run()}
    results: dict[str, Any] = {
        "http": [row],
        "http_repeated_texts_at_20": run(),
        "http_floor_at_20": run(),
        "parse_ms": {"median": 0.5},
        "rss_mb": {"after_1k_turns": 150.0, "after_10k_turns": 160.0, "after_20k_turns": 163.0},
        "memory_failed_turns": 0,
        "healthy_seconds": 3.0,
        "train_seconds": 60.0,
        "redis_workers": {"ratio": 1.3, "errors": 0},
    }
    assert all(check_targets(results).values())
    row["throughput_ratio"] = 0.49
    results["redis_workers"]["ratio"] = 1.29
    failed = {name for name, ok in check_targets(results).items() if not ok}
    assert failed == {
        "throughput >= 0.5 x bare at 20 connections",
        "2 workers on Redis >= 1.3 x 1 worker",
    }


@pytest.mark.parametrize(
    "where",
    [
        ("http_floor_at_20", "bot", "errors"),
        ("http_repeated_texts_at_20", "bare", "errors"),
        ("memory_failed_turns",),
        ("redis_workers", "errors"),
    ],
)
def test_a_failed_request_anywhere_fails_the_run(where: tuple[str, ...]) -> None:
    """The ratios count answered turns only: a bot failing fast must not pass as fast."""
    results: dict[str, Any] = {
        "http": [{"connections": 20, "bare": {"errors": 0}, "bot": {"errors": 0}}],
        "http_repeated_texts_at_20": {"bare": {"errors": 0}, "bot": {"errors": 0}},
        "http_floor_at_20": {"bare": {"errors": 0}, "bot": {"errors": 0}},
        "memory_failed_turns": 0,
        "redis_workers": {"errors": 0},
    }
    assert not any(failed_requests(results).values())
    *path, key = where
    node = results
    for step in path:
        node = node[step]
    node[key] = 3
    assert sum(failed_requests(results).values()) == 3


def test_the_memory_phase_counts_turns_that_fail() -> None:
    """A refused connection is counted and the run goes on, rather than ending in a traceback."""
    assert turns(f"http://127.0.0.1:{free_port()}", 5, senders=2) == 5


def test_server_cpu_is_read_from_proc() -> None:
    """The CPU per request the report shows: this process's time grows as it works."""
    before = cpu_seconds(os.getpid())
    deadline = time.process_time() + 0.2
    while time.process_time() < deadline:
        pass
    assert cpu_seconds(os.getpid()) - before >= 0.1


def test_memory_is_read_from_proc() -> None:
    """The worker's own heap is the anonymous part of its RSS: 64 MB more of it shows in both.
    The block is a new anonymous mapping, so no page the process freed before (and keeps
    resident) can serve it, as a bytearray's could in a long test run."""
    before = memory_mb(os.getpid())
    assert before["rss"] >= before["anon"] > 0
    size = 64 * 1024 * 1024
    block = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    for page in range(0, size, mmap.PAGESIZE):  # touch every page
        block[page] = 1
    after = memory_mb(os.getpid())
    block.close()
    assert after["anon"] - before["anon"] >= 60
    assert after["rss"] - before["rss"] >= 60


def test_the_floor_answers_a_real_turn_and_keeps_nothing(settings: Settings) -> None:
    """The floor control pays for everything around a turn, and for no turn."""
    with TestClient(floor_app.create_app(settings)) as client:
        for text in ("hello", "i have chest pain"):  # whatever is sent: the one canned turn
            response = client.post(
                "/webhooks/rest/webhook", json={"sender": "patient", "message": text}
            )
            assert response.status_code == 200
            replies = response.json()
            assert replies[0]["text"].startswith("Calcinosis (calcification) can be caused by")
            assert replies[-1]["text"].endswith(CLOSING_ADVICE)
        assert "calcibot_turns_total" in client.get("/metrics").text
    store = SQLiteStore(settings.sqlite_path, ttl_seconds=86400)
    assert asyncio.run(store.load("patient")) == []
