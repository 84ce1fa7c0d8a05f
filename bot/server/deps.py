"""FastAPI dependencies, as `Annotated` aliases the routers name in their signatures."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from bot.config import Settings, get_settings
from bot.server.errors import ServiceUnavailable
from bot.server.runtime import Runtime


async def get_runtime(request: Request) -> Runtime:
    """Async so FastAPI calls it on the event loop, not through a worker thread."""
    runtime: Runtime | None = getattr(request.app.state, "runtime", None)
    if runtime is None:
        raise ServiceUnavailable("the model is still loading")
    return runtime


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with (``create_app``), else the environment's.

    Read from the app's state rather than set as a dependency override: any override makes
    FastAPI re-inspect every dependency of every request.
    """
    settings: Settings | None = getattr(request.app.state, "settings", None)
    return settings if settings is not None else get_settings()


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
