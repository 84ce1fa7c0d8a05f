"""Real `calcibot serve` processes for tests that need HTTP, signals or several workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import free_port


def server_env(data_dir: Path, **env: str) -> dict[str, str]:
    """A server's environment over ``data_dir``, with rate limits no test or benchmark hits."""
    return {
        **os.environ,
        "CALCIBOT_DATA_DIR": str(data_dir),
        "CALCIBOT_RATE_LIMIT_PER_IP": "1000000000",
        "CALCIBOT_RATE_LIMIT_PER_SENDER": "1000000000",
        **env,
    }


class BotServer:
    """`python -m bot serve` on a free port with the given environment."""

    def __init__(self, data_dir: Path, **env: str) -> None:
        self.port = free_port()
        self.data_dir = data_dir
        self.env = server_env(data_dir, **env)
        self.args: list[str] = []
        self.process: subprocess.Popen[bytes] | None = None
        self.log = open(data_dir / "server.log", "ab")  # noqa: SIM115  (kept for the process)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 60) -> float:
        """Start and wait until /health answers; returns the seconds it took."""
        started = time.monotonic()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot",
                "serve",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                *self.args,
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        while time.monotonic() - started < timeout_s:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/health", timeout=0.5).status_code == 200:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise TimeoutError("server did not become healthy")

    def kill(self) -> None:
        """`kill -9`: no shutdown hook runs."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
            self.process = None
