"""A real `calcibot serve`, host pages on two other origins, and Debian's Chromium via Playwright.

Without Chromium or Playwright these tests skip on a developer's machine and fail in CI.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from tests.conftest import data_dir_holding, free_port, require, wait_healthy

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

CHROMIUM = os.environ.get("CALCIBOT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
UI_TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium and Playwright for Python: a failure in CI, a skip elsewhere."""
    require(importlib.util.find_spec("playwright") is not None, "playwright is not installed")
    found = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    require(found is not None, f"chromium is not installed ({CHROMIUM})")
    assert found is not None
    return found


class HostPages(ThreadingHTTPServer):
    """A clinic's own site on another origin: one page embedding the widget by its script tag."""

    bot_url = ""


class HostPageHandler(BaseHTTPRequestHandler):
    server: HostPages

    def do_GET(self) -> None:
        if self.path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return
        if self.path.split("?")[0] != "/":
            self.send_error(404)
            return
        body = host_page(self.server.bot_url).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def host_page(bot_url: str) -> str:
    """Hostile-ish styles: they must not reach the launcher, and the chat's must not leak out."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Another clinic site</title>
<style>
  button {{ background: rgb(255, 0, 0) !important; font-size: 40px !important; }}
  h1 {{ color: rgb(128, 0, 128); }}
</style></head>
<body><h1>Another clinic site</h1><p>Opening hours: 8 to 6.</p>
<script src="{bot_url}/widget.js" data-title="Clinic helper" data-color="#0a7d3b"
  data-position="left" async></script>
</body></html>"""


@dataclass
class Origins:
    allowed: str
    refused: str


@pytest.fixture(scope="session")
def host_servers() -> Iterator[tuple[HostPages, HostPages]]:
    servers = (
        HostPages(("127.0.0.1", 0), HostPageHandler),
        HostPages(("127.0.0.1", 0), HostPageHandler),
    )
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    yield servers
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def origins(host_servers: tuple[HostPages, HostPages]) -> Origins:
    allowed, refused = (f"http://127.0.0.1:{s.server_address[1]}" for s in host_servers)
    return Origins(allowed=allowed, refused=refused)


def clinic_yaml(allowed_origin: str) -> str:
    return f"""name: Testing Clinic
phone: "+1 555 0100"
booking_url: https://clinic.example/book
emergency_number: "911"
allowed_origins:
  - {allowed_origin}
theme:
  primary: "#0b5cad"
  on_primary: "#ffffff"
language: en
"""


@pytest.fixture(scope="session")
def bot_url(
    tmp_path_factory: pytest.TempPathFactory,
    model_dir: Path,
    origins: Origins,
    host_servers: tuple[HostPages, HostPages],
) -> Iterator[str]:
    """`calcibot serve` on a free port, over a data dir holding the session's trained model."""
    root = tmp_path_factory.mktemp("e2e")
    data_dir = data_dir_holding(model_dir, root / "data")
    clinic_file = root / "clinic.yml"
    clinic_file.write_text(clinic_yaml(origins.allowed), encoding="utf-8")
    port = free_port()
    env = {
        **os.environ,
        "CALCIBOT_DATA_DIR": str(data_dir),
        "CALCIBOT_CLINIC_FILE": str(clinic_file),
        "CALCIBOT_RATE_LIMIT_PER_IP": "1000000",
        "CALCIBOT_RATE_LIMIT_PER_SENDER": "1000000",
    }
    log = (root / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--port", str(port), "--log-level", "warning"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(f"{url}/health", process, seconds=60)
        if httpx.get(f"{url}/widget.js").status_code != 200:
            pytest.fail("GET /widget.js is not served: include the widget router in create_app")
        for server in host_servers:
            server.bot_url = url
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()


@pytest.fixture(scope="package")
def browser(chromium_path: str) -> Iterator[Browser]:
    """Package-scoped: Playwright's sync API runs an event loop in this thread while it lives,
    so it must be stopped before the other test packages use asyncio."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh tab's worth of state (session storage) for every test, at desktop size."""
    from playwright.sync_api import expect

    ctx = browser.new_context(viewport=DESKTOP)
    ctx.set_default_timeout(UI_TIMEOUT_MS)
    expect.set_options(timeout=UI_TIMEOUT_MS)  # assertions wait as long as actions on a busy host
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def console_problems(page: Page) -> list[str]:
    """Errors and warnings the page and its frames log (CSP violations show up here)."""
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if message.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
