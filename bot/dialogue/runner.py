"""Runs a rasa-sdk action from the same action-call JSON, in-process or on an action server."""

from __future__ import annotations

import logging
from typing import Any, Protocol, TypedDict

import httpx
from rasa_sdk.executor import ActionExecutor

log = logging.getLogger("calcibot.actions")
ACTIONS_PACKAGE = "bot.actions"


class ActionCall(TypedDict):
    """What Rasa sends an action server (`POST /webhook`)."""

    next_action: str
    sender_id: str
    tracker: dict[str, Any]
    domain: dict[str, Any]
    version: str


class ActionResult(TypedDict):
    events: list[dict[str, Any]]
    responses: list[dict[str, Any]]


class ActionServerError(RuntimeError):
    """The action could not be run (server down, timeout, bad answer, action failed)."""

    def __init__(self, action: str, reason: str) -> None:
        super().__init__(f"action {action!r} failed: {reason}")
        self.action = action
        self.reason = reason


class ActionRunner(Protocol):
    async def run(self, call: ActionCall) -> ActionResult: ...

    async def close(self) -> None: ...


class InProcessRunner:
    """rasa-sdk's own ActionExecutor, in this process."""

    def __init__(self, package: str = ACTIONS_PACKAGE) -> None:
        # rasa-sdk warns for every slot without a validate_ method; ours need none
        logging.getLogger("rasa_sdk.forms").setLevel(logging.ERROR)
        self.executor = ActionExecutor()
        self.executor.register_package(package)

    async def run(self, call: ActionCall) -> ActionResult:
        try:
            result = await self.executor.run(dict(call))
        except Exception as exc:  # an action's bug must not become a 500
            log.exception("action %s raised", call["next_action"])
            raise ActionServerError(call["next_action"], type(exc).__name__) from exc
        if result is None:
            raise ActionServerError(call["next_action"], "no result")
        return ActionResult(events=list(result.events), responses=list(result.responses))

    async def close(self) -> None:
        return None


class RemoteRunner:
    """A real rasa-sdk action server (`python -m rasa_sdk --actions bot.actions`)."""

    def __init__(self, endpoint: str, timeout_s: float) -> None:
        self.url = endpoint.rstrip("/")
        if not self.url.endswith("/webhook"):
            self.url += "/webhook"
        self.client = httpx.AsyncClient(timeout=timeout_s)

    async def run(self, call: ActionCall) -> ActionResult:
        name = call["next_action"]
        try:
            response = await self.client.post(self.url, json=call)
        except httpx.HTTPError as exc:
            raise ActionServerError(name, f"unreachable ({type(exc).__name__})") from exc
        if response.status_code != 200:
            raise ActionServerError(name, f"HTTP {response.status_code}")
        try:
            body = response.json()
            return ActionResult(events=list(body["events"]), responses=list(body["responses"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise ActionServerError(name, "malformed answer") from exc

    async def close(self) -> None:
        await self.client.aclose()


def make_runner(endpoint: str | None, timeout_s: float) -> ActionRunner:
    return RemoteRunner(endpoint, timeout_s) if endpoint else InProcessRunner()
