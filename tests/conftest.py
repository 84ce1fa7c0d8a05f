"""Shared fixtures: one trained model per test session, settings in a temporary data dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.config import Settings
from bot.nlu import pipeline
from bot.nlu.interpreter import Interpreter
from bot.server.app import create_app

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    """A missing real dependency fails in CI and skips on a developer's machine."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


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
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "model").symlink_to(model_dir, target_is_directory=True)
    return Settings(data_dir=data_dir)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client
