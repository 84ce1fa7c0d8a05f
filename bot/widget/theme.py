"""Widget colours: clinic or page colours, corrected so that text keeps 4.5:1 contrast (WCAG)."""

from __future__ import annotations

import re
from dataclasses import dataclass

HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
DEFAULT_PRIMARY = "#0b5cad"
WHITE = "#ffffff"
BLACK = "#000000"
# The bot's bubble, the darkest surface `accent` text sits on (so it is readable on white too).
SURFACE = "#eef1f4"
TEXT_CONTRAST = 4.5

RGB = tuple[int, int, int]


def parse_color(value: str | None) -> str | None:
    """`#abc` or `#aabbcc` in lower case; anything else (CSS injection included) is None."""
    if value is None or not HEX_COLOR.match(value.strip()):
        return None
    digits = value.strip()[1:].lower()
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits


def _rgb(color: str) -> RGB:
    return (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))


def _hex(rgb: RGB) -> str:
    return "#" + "".join(f"{max(0, min(255, c)):02x}" for c in rgb)


def luminance(color: str) -> float:
    """WCAG relative luminance of a `#rrggbb` colour."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio, from 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(background: str, preferred: str | None) -> str:
    """The preferred text colour if it is readable on ``background``, else black or white."""
    if preferred is not None and contrast(background, preferred) >= TEXT_CONTRAST:
        return preferred
    return WHITE if contrast(background, WHITE) >= contrast(background, BLACK) else BLACK


def darken_until_readable(color: str, background: str = SURFACE) -> str:
    """``color`` darkened step by step until it reads as text on ``background``."""
    rgb = _rgb(color)
    for step in range(21):
        factor = 1 - step / 20
        candidate = _hex((int(rgb[0] * factor), int(rgb[1] * factor), int(rgb[2] * factor)))
        if contrast(candidate, background) >= TEXT_CONTRAST:
            return candidate
    return BLACK


@dataclass(frozen=True)
class Palette:
    """`primary` fills buttons; `on_primary` is text on it; `accent` is text on light colours."""

    primary: str
    on_primary: str
    accent: str


def palette(primary: str | None, on_primary: str | None = None) -> Palette:
    base = parse_color(primary) or DEFAULT_PRIMARY
    return Palette(
        primary=base,
        on_primary=readable_on(base, parse_color(on_primary)),
        accent=darken_until_readable(base),
    )
