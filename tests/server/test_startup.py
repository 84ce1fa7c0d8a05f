"""Start-up: `/health` answers before the tokenizer's warm-up, which runs between turns."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.config import Settings
from bot.nlu import pipeline
from bot.nlu.interpreter import Interpreter
from bot.server.app import create_app
from bot.server.runtime import Runtime, ensure_model

SENTENCES = ["what causes calcinosis", "i have a hard lump on my finger and it's tender"]


def warmed(interpreter: Interpreter, words: list[str]) -> int:
    """How many of ``words`` the vocab holds as lexemes (a tokenized word leaves one)."""
    return sum(word in interpreter.nlp.vocab for word in words)


def test_turns_run_between_the_warm_up_steps_and_parse_as_after_it(settings: Settings) -> None:
    runtime = Runtime.start(settings)
    interpreter, gate = runtime.interpreter, runtime.agent.gate
    words = interpreter.trained_words()
    assert warmed(interpreter, words) < len(words) / 4  # loaded, not yet tokenized

    async def run() -> tuple[int, list[int], list[list[object]]]:
        warming = asyncio.create_task(runtime.warm_up(step=500))
        progress, parses = [], []
        while not warming.done():  # a turn's worth of work between two steps
            progress.append(warmed(interpreter, words))
            parses.append([gate.understand(text) for text in SENTENCES])
            await asyncio.sleep(0)
        return await warming, progress, parses

    try:
        count, progress, parses = asyncio.run(run())
        assert count == len(words)
        assert progress == sorted(progress)
        assert len(set(progress)) >= len(words) // 500 - 1  # a step at a time
        assert warmed(interpreter, words) > 0.8 * len(words)
        after = [gate.understand(text) for text in SENTENCES]
        assert all(during == after for during in parses)
    finally:
        asyncio.run(runtime.close())


def test_health_answers_and_the_warm_up_then_finishes(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").json() == {"status": "ok"}
        interpreter = client.app.state.runtime.interpreter  # type: ignore[attr-defined]
        words = interpreter.trained_words()
        deadline = time.monotonic() + 60
        while warmed(interpreter, words) < 0.8 * len(words) and time.monotonic() < deadline:
            client.get("/health")  # the event loop runs the warm-up between requests
            time.sleep(0.05)
        assert warmed(interpreter, words) > 0.8 * len(words)
        reply = client.post(
            "/webhooks/rest/webhook", json={"sender": "s1", "message": SENTENCES[0]}
        )
        assert reply.status_code == 200


def test_ensure_model_trains_only_when_no_model_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trained: list[Path] = []

    def fake_train(model_dir: Path) -> None:
        trained.append(model_dir)
        (model_dir / "textcat").mkdir(parents=True)
        (model_dir / "config.cfg").write_text("")

    monkeypatch.setattr(pipeline, "train", fake_train)
    settings = Settings(data_dir=tmp_path / "data")
    assert ensure_model(settings) is True
    assert ensure_model(settings) is False
    assert trained == [settings.model_dir]
