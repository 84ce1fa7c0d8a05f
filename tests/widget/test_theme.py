"""Clinic and page colours always give readable text (WCAG 4.5:1)."""

from __future__ import annotations

import pytest

from bot.widget.theme import (
    DEFAULT_PRIMARY,
    SURFACE,
    WHITE,
    contrast,
    palette,
    parse_color,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#ABC", "#aabbcc"),
        ("#0b5cad", "#0b5cad"),
        (" #0B5CAD ", "#0b5cad"),
        ("red", None),
        ("#12345", None),
        ("#fff;}body{x:y", None),
        (None, None),
    ],
)
def test_only_hex_colours_are_taken(value: str | None, expected: str | None) -> None:
    assert parse_color(value) == expected


def test_contrast_matches_wcag() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(
    "primary", ["#ffdd00", "#0b5cad", "#777777", "#00ff00", "#000000", "#ffffff", "nonsense"]
)
def test_every_palette_is_readable(primary: str) -> None:
    colours = palette(primary, "#ffffff")
    assert contrast(colours.primary, colours.on_primary) >= 4.5
    assert contrast(colours.accent, WHITE) >= 4.5
    assert contrast(colours.accent, SURFACE) >= 4.5


def test_a_readable_clinic_choice_is_kept() -> None:
    assert palette("#0b5cad", "#ffffff").on_primary == "#ffffff"
    assert palette("#ffdd00", "#ffffff").on_primary == "#000000"
    assert palette("nonsense").primary == DEFAULT_PRIMARY
