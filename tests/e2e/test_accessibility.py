"""WCAG 2.2 AA checks in a real browser: axe-core, phones, 320 px, 200% zoom, reduced motion."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bot.config import CLOSING_ADVICE
from tests.e2e.chat import Chat, expect
from tests.e2e.conftest import PHONE

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame, Locator, Page, ViewportSize

pytestmark = [pytest.mark.browser, pytest.mark.slow]
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def serious_violations(target: Page | Frame) -> list[dict[str, Any]]:
    """axe-core (shipped inside axe-playwright-python) on a page or a frame."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(target, options=options)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_the_demo_page_passes_axe(page: Page, bot_url: str) -> None:
    page.goto(f"{bot_url}/")
    Chat(page).launcher.wait_for()
    assert serious_violations(page) == []


def test_the_chat_passes_axe_during_a_conversation(page: Page, bot_url: str) -> None:
    page.goto(f"{bot_url}/")
    chat = Chat(page)
    chat.open()
    chat.reply("I have a lump or deposit")
    chat.ask("what causes calcinosis")
    chat.ui.get_by_role("button", name="Delete my conversation").click()
    assert serious_violations(chat.frame) == []
    assert serious_violations(page) == []


def test_the_chat_page_alone_passes_axe(page: Page, bot_url: str) -> None:
    page.goto(f"{bot_url}/chat")
    page.get_by_role("textbox", name="Your message").wait_for()
    assert serious_violations(page) == []


def test_messages_are_announced_and_controls_labelled(page: Page, bot_url: str) -> None:
    page.goto(f"{bot_url}/")
    chat = Chat(page)
    expect(chat.launcher).to_have_attribute("aria-expanded", "false")
    chat.open()
    expect(chat.launcher).to_have_attribute("aria-expanded", "true")
    log = chat.ui.get_by_role("log", name="Messages")
    expect(log).to_have_attribute("aria-live", "polite")
    for name in ("Send", "New conversation", "Delete my conversation", "Close chat"):
        expect(chat.ui.get_by_role("button", name=name)).to_be_visible()
    expect(page.locator("[data-calcibot] iframe")).to_have_attribute(
        "title", "Chat: Ask about calcinosis"
    )


def test_targets_are_at_least_24_px(page: Page, bot_url: str) -> None:
    page.goto(f"{bot_url}/")
    chat = Chat(page)
    chat.open()
    chat.ask("is it cancer")
    sizes = chat.frame.evaluate(
        """() => [...document.querySelectorAll('button, textarea')]
             .filter(e => e.offsetParent !== null)
             .map(e => { const r = e.getBoundingClientRect();
                         return [e.textContent.trim() || e.id, r.width, r.height]; })"""
    )
    assert sizes
    small = [s for s in sizes if s[1] < 24 or s[2] < 24]
    assert small == []
    box = chat.launcher.bounding_box()
    assert box is not None
    assert box["width"] >= 24
    assert box["height"] >= 24


def settled_box(locator: Locator, expected: dict[str, float]) -> dict[str, float] | None:
    """The box once the opening animation (0.18 s) is over: polled, for up to 5 s."""
    deadline = time.monotonic() + 5
    box = locator.bounding_box()
    while box != expected and time.monotonic() < deadline:
        locator.page.wait_for_timeout(50)
        box = locator.bounding_box()
    return dict(box) if box is not None else None


def test_full_screen_on_a_phone(browser: Browser, bot_url: str, artifacts: Path) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(f"{bot_url}/")
        chat = Chat(page)
        chat.launcher.tap()
        expect(chat.input).to_be_visible()
        full = {"x": 0, "y": 0, "width": PHONE["width"], "height": PHONE["height"]}
        assert settled_box(page.locator("[data-calcibot] iframe"), full) == full
        expect(chat.ui.get_by_role("log")).to_be_focused()
        assert chat.ask("what causes calcinosis").endswith(CLOSING_ADVICE)
        page.screenshot(path=str(artifacts / "phone.png"))
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(artifacts / "phone.png", DOCS_SCREENSHOTS / "phone.png")
        chat.ui.get_by_role("button", name="Close chat").tap()
        expect(chat.launcher).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize(
    "viewport",
    [{"width": 320, "height": 640}, {"width": 640, "height": 400}],
    ids=["320px", "200pct-zoom"],
)
def test_usable_at_320_px_and_at_200_percent_zoom(
    browser: Browser, bot_url: str, viewport: ViewportSize
) -> None:
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(f"{bot_url}/")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        chat = Chat(page)
        chat.open()
        assert chat.reply("What causes it?").endswith(CLOSING_ADVICE)
        overflow = chat.frame.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        for name in ("Send", "Close chat", "Delete my conversation"):
            expect(chat.ui.get_by_role("button", name=name)).to_be_in_viewport()
        expect(chat.input).to_be_in_viewport()
        # Keyboard focus stays in the full-screen chat instead of going under it.
        chat.input.focus()
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement?.hasAttribute('data-calcibot')") is True
    finally:
        context.close()


def test_reduced_motion_stops_animations(browser: Browser, bot_url: str) -> None:
    context = browser.new_context(reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(f"{bot_url}/chat")
        animation = page.locator(".dots span").first.evaluate(
            "s => getComputedStyle(s).animationName"
        )
        assert animation == "none"
    finally:
        context.close()


def test_focus_is_visible(page: Page, bot_url: str) -> None:
    page.goto(f"{bot_url}/chat")
    page.get_by_role("textbox", name="Your message").wait_for()
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert outline[0] != "none"
    assert outline[1] >= 2
