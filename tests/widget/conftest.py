"""The widget router on a bare app: no model, no store, just settings and a clinic file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.config import Settings
from bot.server.errors import install_error_handlers
from bot.server.routers import widget

CLINIC = """name: Harbour <Skin> & Joint Clinic
phone: "+44 20 7946 0000"
booking_url: https://harbour.example/book
emergency_number: "999"
allowed_origins:
  - https://harbour.example
  - HTTPS://Partner.Example:443/
  - "https://evil.example; script-src *"
  - http://127.0.0.1:8123
theme:
  primary: "#ffdd00"
  on_primary: "#ffffff"
"""


@pytest.fixture
def clinic_file(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.yml"
    path.write_text(CLINIC, encoding="utf-8")
    return path


@pytest.fixture
def widget_client(clinic_file: Path) -> Iterator[TestClient]:
    app = FastAPI()
    install_error_handlers(app)
    settings = Settings(clinic_file=clinic_file, max_message_chars=1000)
    app.state.settings = settings
    app.include_router(widget.router)
    with TestClient(app) as client:
        yield client
