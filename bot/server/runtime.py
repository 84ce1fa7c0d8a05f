"""The heavy objects one worker builds at start-up (lifespan), never at import."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.config import Settings
from bot.nlu import pipeline
from bot.nlu.interpreter import Interpreter

log = logging.getLogger("calcibot.runtime")


def ensure_model(settings: Settings) -> None:
    """Train once when no model is present, so a fresh checkout serves with one command."""
    if not pipeline.is_trained(settings.model_dir):
        log.info("no trained model in %s: training", settings.model_dir)
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        pipeline.train(settings.model_dir)


@dataclass
class Runtime:
    """What the routers share: settings and the interpreter."""

    settings: Settings
    interpreter: Interpreter

    @classmethod
    def start(cls, settings: Settings) -> Runtime:
        ensure_model(settings)
        return cls(settings=settings, interpreter=Interpreter.load(settings.model_dir))

    async def close(self) -> None:
        return None
