"""Security headers on every answer, and CORS only for the clinic's allowed origins."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.config import Clinic

API_CSP = "default-src 'none'; frame-ancestors 'none'"
DOCS_PREFIXES = ("/docs", "/redoc", "/openapi.json")
DOCS_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
API_HEADERS = (*DOCS_HEADERS, (b"content-security-policy", API_CSP.encode()))


class SecurityHeaders:
    """Adds nosniff, a referrer policy and a CSP unless the route set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        defaults = DOCS_HEADERS if scope["path"].startswith(DOCS_PREFIXES) else API_HEADERS

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in defaults if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def install_cors(app: FastAPI, clinic: Clinic) -> None:
    """Browsers may call the API only from the pages the clinic lists."""
    app.add_middleware(
        CORSMiddleware,
        allow_origins=[origin.rstrip("/") for origin in clinic.allowed_origins],
        allow_methods=["GET", "POST", "DELETE"],
        allow_headers=["Content-Type"],
        max_age=600,
    )
