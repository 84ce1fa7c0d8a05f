"""The widget as a patient uses it, seen from the page that embeds it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Frame, FrameLocator, Locator, Page

WAIT_TURN = """n => document.querySelectorAll('.msg-bot').length > n
    && document.getElementById('typing').hidden"""


def expect(target: Any) -> Any:
    """Playwright's `expect`, imported late so a machine without Playwright still collects."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


class Chat:
    def __init__(self, page: Page) -> None:
        self.page = page

    @property
    def launcher(self) -> Locator:
        return self.page.locator("[data-calcibot] .launcher")

    @property
    def ui(self) -> FrameLocator:
        return self.page.frame_locator("[data-calcibot] iframe")

    @property
    def frame(self) -> Frame:
        """The chat's frame (Playwright's handle; the embedding page itself cannot read it)."""
        self.input.wait_for()
        for frame in self.page.frames:
            if re.search(r"/chat\?", frame.url):
                return frame
        raise AssertionError("the chat frame is not on the page")

    @property
    def input(self) -> Locator:
        return self.ui.get_by_role("textbox", name="Your message")

    @property
    def bot_bubbles(self) -> Locator:
        return self.ui.locator(".msg-bot .bubble")

    @property
    def user_bubbles(self) -> Locator:
        return self.ui.locator(".msg-user .bubble")

    def open(self) -> None:
        self.launcher.click()
        expect(self.input).to_be_visible()

    def last_bot_text(self) -> str:
        return self.bot_bubbles.last.text_content() or ""

    def wait_turn(self, before: int) -> str:
        """The last bot message once a turn's replies are all shown."""
        self.frame.wait_for_function(WAIT_TURN, arg=before)
        return self.last_bot_text()

    def ask(self, text: str) -> str:
        before = self.bot_bubbles.count()
        self.input.fill(text)
        self.input.press("Enter")
        return self.wait_turn(before)

    def reply(self, title: str) -> str:
        """Click the newest quick reply with this title."""
        before = self.bot_bubbles.count()
        self.ui.locator(".quick-reply", has_text=re.compile(f"^{re.escape(title)}$")).last.click()
        return self.wait_turn(before)

    def sender(self) -> str:
        return str(self.frame.evaluate("sessionStorage.getItem('calcibot.sender')"))
