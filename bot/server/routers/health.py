"""Liveness and readiness."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel

from bot.server.deps import RuntimeDep

router = APIRouter(tags=["health"])


class Status(BaseModel):
    status: Literal["ok"] = "ok"


@router.get("/health", response_model=Status)
async def health(_: RuntimeDep) -> Status:
    """200 once the model is loaded (503 before)."""
    return Status()
