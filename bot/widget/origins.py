"""Which pages may embed the chat, as CSP `frame-ancestors` (the real guard) and for the loader."""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

log = logging.getLogger("calcibot.widget")

# scheme://host[:port] only: anything else could smuggle directives into a CSP header.
ORIGIN = re.compile(r"^(https?)://([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$")
DEFAULT_PORTS = {"http": "80", "https": "443"}


def normalize_origin(value: str) -> str | None:
    """An origin as browsers write it (`location.origin`), or None when it is not one."""
    text = value.strip().rstrip("/").lower()
    match = ORIGIN.match(text)
    if match is None:
        return None
    scheme, host, port = match.groups()
    if port is None or port == DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    if not 0 < int(port) < 65536:
        return None
    return f"{scheme}://{host}:{port}"


def allowed_origins(configured: Iterable[str]) -> list[str]:
    """The clinic's valid origins, in order, without duplicates; invalid ones are logged."""
    seen: list[str] = []
    for value in configured:
        origin = normalize_origin(value)
        if origin is None:
            log.warning("allowed_origins: %r is not scheme://host[:port]; ignored", value)
        elif origin not in seen:
            seen.append(origin)
    return seen


def own_origin(scheme: str, host_header: str | None) -> str | None:
    """The origin this server is reached at, from the request."""
    return normalize_origin(f"{scheme}://{host_header}") if host_header else None


def accepted_host(candidate: str | None, allowed: list[str], own: str | None) -> str | None:
    """The embedding page's origin the loader claims, if it may embed the chat at all."""
    origin = normalize_origin(candidate) if candidate else None
    if origin is None:
        return None
    if origin in allowed or origin == own:
        return origin
    if own is not None and urlsplit(origin).netloc == urlsplit(own).netloc:
        return origin  # the same host behind a TLS-terminating proxy
    return None


def new_nonce() -> str:
    return secrets.token_urlsafe(18)


def _csp(nonce: str, *extra: str) -> str:
    """Own scripts and styles only (styles with a per-response nonce), nothing else."""
    base = [
        "default-src 'none'",
        "script-src 'self'",
        f"style-src 'self' 'nonce-{nonce}'",
        "connect-src 'self'",
        "img-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    return "; ".join([*base, *extra])


def chat_csp(allowed: list[str], nonce: str) -> str:
    """The chat page: framed by itself and the allowed origins only."""
    ancestors = " ".join(["'self'", *allowed])
    return _csp(nonce, f"frame-ancestors {ancestors}")


def page_csp(nonce: str) -> str:
    """The demo clinic page: embeds the widget from this server, is framed by nobody else."""
    return _csp(nonce, "frame-src 'self'", "frame-ancestors 'self'")
