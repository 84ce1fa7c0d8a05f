"""The widget on a clinic's own site (another origin): allowed, isolated, and refused elsewhere."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest

from bot.config import CLOSING_ADVICE
from tests.e2e.chat import Chat, expect
from tests.e2e.conftest import Origins

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_an_allowed_origin_shows_a_working_isolated_widget(
    page: Page, bot_url: str, origins: Origins, console_problems: list[str]
) -> None:
    page.goto(f"{origins.allowed}/")
    chat = Chat(page)
    chat.open()
    assert chat.ask("what causes calcinosis").endswith(CLOSING_ADVICE)

    # The host page's `button { background: red !important }` does not reach the launcher,
    # and the chat's styles do not reach the host page.
    background = chat.launcher.evaluate("b => getComputedStyle(b).backgroundColor")
    assert background == "rgb(10, 125, 59)"
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).color") == (
        "rgb(128, 0, 128)"
    )
    header = chat.ui.locator(".chat-header").evaluate("h => getComputedStyle(h).backgroundColor")
    assert header == "rgb(10, 125, 59)"
    expect(chat.ui.locator("#chat-title")).to_have_text("Clinic helper")
    expect(chat.launcher).to_have_css("left", "20px")

    # The page cannot read the conversation: the chat is a cross-origin document.
    readable = page.evaluate(
        """() => {
          const frame = document.querySelector('[data-calcibot]').shadowRoot
            .querySelector('iframe');
          try { return frame.contentDocument !== null || !!frame.contentWindow.document; }
          catch (e) { return false; }
        }"""
    )
    assert readable is False
    assert "calcinosis" not in page.evaluate("document.body.innerText")

    chat.ui.get_by_role("button", name="Close chat").click()
    expect(chat.launcher).to_be_focused()
    assert console_problems == []


def test_a_refused_origin_gets_no_widget_and_cannot_frame_the_chat(
    page: Page, bot_url: str, origins: Origins
) -> None:
    messages: list[str] = []

    def collect(message: ConsoleMessage) -> None:
        messages.append(message.text)

    page.on("console", collect)
    page.goto(f"{origins.refused}/")
    script = page.locator("script[src$='/widget.js']")
    expect(script).to_have_attribute("data-calcibot-state", "refused")
    expect(page.locator("[data-calcibot]")).to_have_count(0)

    # The real guard: even a hand-made iframe is blocked by frame-ancestors.
    page.evaluate(
        """url => { const f = document.createElement('iframe');
                    f.src = url; document.body.appendChild(f); }""",
        f"{bot_url}/chat?host={origins.refused}",
    )
    deadline = time.monotonic() + 10
    while not any("frame-ancestors" in m for m in messages) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert any("frame-ancestors" in m for m in messages)
    framed = [f for f in page.frames if f is not page.main_frame]
    assert framed
    assert all("/chat" not in f.url for f in framed)
