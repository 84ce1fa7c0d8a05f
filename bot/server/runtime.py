"""The heavy objects one worker builds at start-up (lifespan), never at import."""

from __future__ import annotations

import logging
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


def ensure_model(settings: Settings) -> None:
    """Train once when no model is present, so a fresh checkout serves with one command."""
    if not pipeline.is_trained(settings.model_dir):
        log.info("no trained model in %s: training", settings.model_dir)
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        pipeline.train(settings.model_dir)


def build_agent(settings: Settings, clinic: Clinic) -> Agent:
    """Everything one turn needs, from the trained model and the content files."""
    domain = load_domain()
    interpreter = Interpreter.load(settings.model_dir, frozenset(domain["intents"]))
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

    @property
    def interpreter(self) -> Interpreter:
        return self.agent.gate.interpreter

    @classmethod
    def start(cls, settings: Settings) -> Runtime:
        ensure_model(settings)
        clinic = settings.clinic()
        store = build_store(settings)
        agent = build_agent(settings, clinic)
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
        )

    async def close(self) -> None:
        await self.agent.runner.close()
        await self.conversations.store.close()
