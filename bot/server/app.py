"""The FastAPI application factory; heavy objects are built in the lifespan, not at import."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI

from bot import __version__
from bot.config import Settings, get_settings
from bot.logs import configure_json_logging
from bot.server.errors import install_error_handlers
from bot.server.limits import BodySizeLimit
from bot.server.routers import conversations, health, metrics, parse, rest, widget
from bot.server.runtime import Runtime
from bot.server.security import SecurityHeaders, install_cors

# Turns leave no reference cycles: under load, over some 2,800 collections, the collector freed
# nothing. At Python's default (a young collection every 700 new objects) it still ran one
# every two requests and a full one every 250, about a quarter of a millisecond of each
# request's CPU, the full ones 20 ms pauses. It runs after 100,000 new objects instead.
GC_THRESHOLDS = (100_000, 20, 10)


def create_app(settings: Settings | None = None) -> FastAPI:
    """An app for ``settings`` (default: the environment's)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_json_logging()  # each worker process logs JSON lines
        runtime = Runtime.start(settings)
        # the model, vocab and templates live as long as the process: keep them out of the
        # garbage collector's full passes, which otherwise pause turns now and then. Loading
        # leaves little garbage to freeze with them (some hundred objects); training, much.
        if runtime.trained:
            gc.collect()
        gc.freeze()
        thresholds = gc.get_threshold()
        gc.set_threshold(*GC_THRESHOLDS)
        app.state.runtime = runtime
        warming = asyncio.create_task(runtime.warm_up())
        try:
            yield
        finally:
            warming.cancel()
            with suppress(asyncio.CancelledError):
                await warming
            app.state.runtime = None
            await runtime.close()
            gc.set_threshold(*thresholds)

    app = FastAPI(
        title="Calcibot",
        version=__version__,
        summary="A triage chatbot about calcinosis, with Rasa-compatible routes.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    install_cors(app, settings.clinic())
    app.add_middleware(SecurityHeaders)
    install_error_handlers(app)
    app.include_router(rest.router)  # first: routes are matched in order, turns are most
    app.include_router(health.router)
    app.include_router(parse.router)
    app.include_router(conversations.router)
    app.include_router(metrics.router)
    app.include_router(widget.router)
    return app
