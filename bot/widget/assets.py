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
    ".svg": "image/svg+xml",
}
# What the chat page and its loader cost a patient's phone (the budget).
BUDGET_FILES = ("loader.js", "chat.js", "chat.css")
BUDGET_GZIP_BYTES = 25 * 1024
PUBLIC_FILES = frozenset({"chat.js", "chat.css", "clinic.css", "icon.svg"})
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
    return Asset(
        body=body, gzipped=gzip.compress(body, compresslevel=9, mtime=0), media_type=media_type
    )


# The tab icon, kept here so that packaging needs no rule for `.svg` files.
ICON_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    '<rect width="24" height="24" rx="5" fill="#0b5cad"/>'
    '<path d="M6 6h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-7l-4 3v-3H6a1 1 0 0 1-1-1V7'
    'a1 1 0 0 1 1-1z" fill="#fff"/></svg>'
)


@cache
def asset(name: str) -> Asset:
    """A file of `static/`, by name (callers pass known names only)."""
    if name == "icon.svg":
        return make_asset(ICON_SVG.encode("utf-8"), MEDIA_TYPES[".svg"])
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
    return make_asset(
        source.replace(CONFIG_MARKER, config_json).encode("utf-8"), MEDIA_TYPES[".js"]
    )


def budget_gzip_bytes() -> int:
    """Loader, chat script and styles, each gzipped as served, in bytes."""
    return sum(len(asset(name).gzipped) for name in BUDGET_FILES)
