"""The widget's static files, read once, versioned by content and served gzipped when asked."""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

STATIC_DIR = Path(__file__).resolve().parent / "static"
MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
# What the chat page and its loader cost a patient's phone (the budget).
BUDGET_FILES = ("loader.js", "chat.js", "chat.css")
BUDGET_GZIP_BYTES = 25 * 1024
PUBLIC_FILES = frozenset({"chat.js", "chat.css", "clinic.css"})
CONFIG_MARKER = '"__CALCIBOT_CONFIG__"'


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes
    media_type: str

    @property
    def version(self) -> str:
        return hashlib.sha256(self.body).hexdigest()[:12]


def make_asset(body: bytes, media_type: str) -> Asset:
    return Asset(body=body, gzipped=gzip.compress(body, compresslevel=9, mtime=0), media_type=media_type)


@cache
def asset(name: str) -> Asset:
    """A file of `static/`, by name (callers pass known names only)."""
    path = STATIC_DIR / name
    return make_asset(path.read_bytes(), MEDIA_TYPES[path.suffix])


def js_literal(value: Any) -> str:
    """JSON that is also safe inside a script (no `</script>`, no line separators)."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@cache
def loader(config_json: str) -> Asset:
    """`loader.js` with the server's config written in (which origins may show the widget)."""
    source = asset("loader.js").body.decode("utf-8")
    if CONFIG_MARKER not in source:
        raise RuntimeError("loader.js lost its config marker")
    return make_asset(source.replace(CONFIG_MARKER, config_json).encode("utf-8"), MEDIA_TYPES[".js"])


def budget_gzip_bytes() -> int:
    """Loader, chat script and styles, each gzipped as served, in bytes."""
    return sum(len(asset(name).gzipped) for name in BUDGET_FILES)
