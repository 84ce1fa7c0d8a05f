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


SettingsDep = Annotated[Settings, Depends(get_settings)]
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
