"""The heavy objects one worker builds at start-up (lifespan), never at import."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

from bot.actions.knowledge import knowledge
from bot.config import Clinic, Settings
from bot.content.render import Renderer
from bot.dialogue.agent import Agent
from bot.dialogue.conversations import Conversations
from bot.dialogue.domain import load_domain
from bot.dialogue.rules import RulePolicy
from bot.dialogue.runner import make_runner
from bot.nlu import pipeline
from bot.nlu.interpreter import Interpreter
from bot.safety.gate import SafeUnderstanding
from bot.safety.redflags import RedFlagDetector, load_red_flags
from bot.server.metrics import Metrics
from bot.server.ratelimit import MemoryRateLimiter, RateLimiter
from bot.store.base import ConversationStore
from bot.store.sqlite import SQLiteStore

log = logging.getLogger("calcibot.runtime")
# words tokenized between two turns: about 15 ms at the warm-up's pace on a slow host
WARM_UP_STEP = 250


def ensure_model(settings: Settings) -> bool:
    """Train once when no model is present, so a fresh checkout serves with one command.
    Returns whether it trained."""
    if pipeline.is_trained(settings.model_dir):
        return False
    log.info("no trained model in %s: training", settings.model_dir)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    pipeline.train(settings.model_dir)
    return True


def build_agent(settings: Settings, clinic: Clinic, *, warm_up: bool = True) -> Agent:
    """Everything one turn needs, from the trained model and the content files; with
    ``warm_up=False`` the caller runs the tokenizer's warm-up (`Runtime.warm_up`)."""
    domain = load_domain()
    interpreter = Interpreter.load(
        settings.model_dir, frozenset(domain["intents"]), warm_up=warm_up
    )
    k = knowledge()
    return Agent(
        gate=SafeUnderstanding(interpreter, RedFlagDetector(interpreter.nlp, load_red_flags())),
        policy=RulePolicy.load(),
        runner=make_runner(settings.action_endpoint, settings.action_timeout_s),
        renderer=Renderer(k.facts, clinic),
        domain=domain,
        response_buttons=k.response_buttons,
    )


def build_store(settings: Settings) -> ConversationStore:
    ttl = settings.conversation_ttl_days * 86400
    if settings.redis_url:
        from bot.store.redis import RedisStore

        return RedisStore(settings.redis_url, ttl_seconds=ttl)
    return SQLiteStore(settings.sqlite_path, ttl_seconds=ttl)


def build_limiter(store: ConversationStore) -> RateLimiter:
    """Counters where the workers meet: the Redis store's server, else this process."""
    redis = getattr(store, "redis", None)
    if redis is None:
        return MemoryRateLimiter()
    from bot.server.ratelimit_redis import RedisRateLimiter

    return RedisRateLimiter(redis)


@dataclass
class Runtime:
    """What the routers share."""

    settings: Settings
    clinic: Clinic
    agent: Agent
    conversations: Conversations
    limiter: RateLimiter
    metrics: Metrics
    trained: bool = False  # the model was trained in this process, just before

    @property
    def interpreter(self) -> Interpreter:
        return self.agent.gate.interpreter

    @classmethod
    def start(cls, settings: Settings) -> Runtime:
        """Everything but the tokenizer's warm-up, which `warm_up` runs once serving."""
        trained = ensure_model(settings)
        clinic = settings.clinic()
        store = build_store(settings)
        agent = build_agent(settings, clinic, warm_up=False)
        conversations = Conversations(store)
        metrics = Metrics()
        metrics.watch_caches(
            {"parse": agent.gate.cache, "render": agent.renderer.renders, "state": conversations}
        )
        return cls(
            settings=settings,
            clinic=clinic,
            agent=agent,
            conversations=conversations,
            limiter=build_limiter(store),
            metrics=metrics,
            trained=trained,
        )

    async def warm_up(self, step: int = WARM_UP_STEP) -> int:
        """Tokenize the model's words ``step`` at a time, letting turns run in between.

        Start-up is over sooner (`/health` answers without it): the first turns may tokenize
        some words anew, as any parse of a new word does. Returns how many were tokenized.
        """
        started = time.perf_counter()
        interpreter = self.interpreter
        words = interpreter.trained_words()
        for i in range(0, len(words), step):
            interpreter.warm_up(words[i : i + step])
            await asyncio.sleep(0)
        log.info(
            "tokenizer warmed up: %d words in %.2f s", len(words), time.perf_counter() - started
        )
        return len(words)

    async def close(self) -> None:
        await self.agent.runner.close()
        await self.conversations.store.close()
