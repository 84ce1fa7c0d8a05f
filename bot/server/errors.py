"""Errors that carry their fields, mapped to HTTP answers in one place (Rasa's error shape)."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.store.base import StoreUnavailable

log = logging.getLogger("calcibot.server")


class CalcibotError(Exception):
    """An error a client can act on; ``status`` is the HTTP code it maps to."""

    status: int = 400

    def __init__(self, message: str, *, status: int | None = None, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.details = details
        self.headers: dict[str, str] = {}


class BadRequest(CalcibotError):
    status = 400


class PayloadTooLarge(CalcibotError):
    status = 413


class RateLimited(CalcibotError):
    status = 429

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, retry_after=retry_after)
        self.headers = {"Retry-After": str(retry_after)}


class ServiceUnavailable(CalcibotError):
    status = 503


def error_body(status: int, message: str, **details: Any) -> dict[str, Any]:
    reason = HTTPStatus(status).phrase.replace(" ", "")
    body: dict[str, Any] = {"status": "failure", "code": status, "reason": reason}
    body["message"] = message
    if details:
        body["details"] = details
    return body


def error_response(
    status: int, message: str, headers: dict[str, str] | None = None, **details: Any
) -> JSONResponse:
    return JSONResponse(error_body(status, message, **details), status_code=status, headers=headers)


def _describe(errors: list[Any]) -> tuple[str, list[dict[str, Any]]]:
    fields = []
    for error in errors:
        location = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        fields.append({"field": location or "body", "problem": str(error.get("msg", ""))})
    first = fields[0] if fields else {"field": "body", "problem": "invalid request"}
    if any(e.get("type") == "json_invalid" for e in errors):
        return "the request body is not valid JSON", fields
    return f"{first['field']}: {first['problem']}", fields


def install_error_handlers(app: FastAPI) -> None:
    """Every failure becomes a JSON error; nothing leaks a stack trace."""

    @app.exception_handler(CalcibotError)
    async def _calcibot(_: Request, exc: CalcibotError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.headers, **exc.details)

    @app.exception_handler(StoreUnavailable)
    async def _store(_: Request, exc: StoreUnavailable) -> JSONResponse:
        log.warning("store unavailable: %s", exc)
        return error_response(503, "the conversation store is unavailable; try again")

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        message, fields = _describe(list(exc.errors()))
        status = 400 if message.startswith("the request body is not valid JSON") else 422
        return error_response(status, message, errors=json.loads(json.dumps(fields, default=str)))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error")
