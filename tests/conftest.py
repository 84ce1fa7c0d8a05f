"""Shared fixtures: one trained model per test session, settings in a temporary data dir."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.config import Settings
from bot.dialogue.agent import Agent
from bot.nlu import pipeline
from bot.nlu.interpreter import Interpreter
from bot.server.app import create_app
from bot.server.runtime import build_agent

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    """A missing real dependency fails in CI and skips on a developer's machine."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


def data_dir_holding(model_dir: Path, data_dir: Path) -> Path:
    """``data_dir`` (made if missing) with ``model_dir`` linked in as its model: every test
    and benchmark server shares the one trained model instead of training its own."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "model").symlink_to(model_dir, target_is_directory=True)
    return data_dir


def agent_over(model_dir: Path, data_dir: Path, action_endpoint: str | None = None) -> Agent:
    """The agent a server builds, over ``model_dir``, with actions in process or remote."""
    settings = Settings(
        data_dir=data_dir_holding(model_dir, data_dir), action_endpoint=action_endpoint
    )
    return build_agent(settings, settings.clinic())


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model trained once for the whole session (or CALCIBOT_TEST_MODEL_DIR if trained)."""
    given = os.environ.get("CALCIBOT_TEST_MODEL_DIR")
    if given and pipeline.is_trained(Path(given)):
        return Path(given)
    path = tmp_path_factory.mktemp("model") / "model"
    pipeline.train(path)
    return path


@pytest.fixture(scope="session")
def interpreter(model_dir: Path) -> Interpreter:
    return Interpreter.load(model_dir)


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path) -> Settings:
    """Settings over a fresh data dir that already holds the session's model."""
    data_dir = data_dir_holding(model_dir, tmp_path / "data")
    return Settings(data_dir=data_dir, rate_limit_per_ip=10**9, rate_limit_per_sender=10**9)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """A real `redis-server` on a free port, which a test may stop and start again."""

    def __init__(self, directory: Path, fsync: str = "always") -> None:
        self.port = free_port()
        self.directory = directory
        self.fsync = fsync  # "always" for durability tests; docker-compose runs "everysec"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.directory),
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                self.fsync,
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """Debian's redis-server, started by the test (a failure, not a skip, in CI)."""
    require(shutil.which("redis-server") is not None, "redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def wait_healthy(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} not healthy after {seconds} s")


@pytest.fixture(scope="session")
def action_server() -> Iterator[str]:
    """`python -m rasa_sdk --actions bot.actions` on a free port; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "rasa_sdk", "--actions", "bot.actions", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}/health", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
