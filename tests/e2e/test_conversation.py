"""A patient's conversations through the widget on the demo clinic page, in a real browser."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from bot.config import CLOSING_ADVICE
from tests.e2e.chat import Chat, expect

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

pytestmark = [pytest.mark.browser, pytest.mark.slow]
XSS = "<img src=x onerror=window.__xss=1>"
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def chat(page: Page, bot_url: str) -> Chat:
    page.goto(f"{bot_url}/")
    chat = Chat(page)
    chat.open()
    return chat


def test_a_typed_question_is_answered_and_ends_with_the_advice(
    chat: Chat, page: Page, artifacts: Path, console_problems: list[str]
) -> None:
    assert chat.frame.evaluate("document.activeElement.id") == "message"
    answer = chat.ask("what causes calcinosis")
    assert answer.endswith(CLOSING_ADVICE)
    assert "injury" in answer
    expect(chat.user_bubbles.last).to_have_text("what causes calcinosis")
    assert console_problems == []
    page.screenshot(path=str(artifacts / "desktop.png"))
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(artifacts / "desktop.png", DOCS_SCREENSHOTS / "desktop.png")


def test_quick_replies_send_their_payload_and_stay_usable(chat: Chat) -> None:
    answer = chat.reply("What is calcinosis?")
    assert answer.endswith(CLOSING_ADVICE)
    assert "calcium" in answer.lower()
    expect(chat.user_bubbles.last).to_have_text("What is calcinosis?")
    again = chat.reply("What causes it?")
    assert again.endswith(CLOSING_ADVICE)
    expect(chat.user_bubbles.last).to_have_text("What causes it?")
    expect(chat.ui.locator(".welcome .quick-reply").first).to_be_enabled()


def test_a_triage_is_completed_with_buttons(chat: Chat, bot_url: str) -> None:
    first = chat.reply("I have a lump or deposit")
    assert "lump or deposit" in first
    assert first.endswith(CLOSING_ADVICE)
    assert "tender" in chat.reply("Yes")
    assert "connective tissue disease" in chat.reply("Yes")
    assert "injury" in chat.reply("Lupus")
    summary = chat.reply("An injury")
    assert summary.startswith("Thank you. This is not a diagnosis")
    assert summary.endswith(CLOSING_ADVICE)
    expect(chat.user_bubbles).to_have_text(
        ["I have a lump or deposit", "Yes", "Yes", "Lupus", "An injury"]
    )
    slots = httpx.get(f"{bot_url}/conversations/{chat.sender()}/tracker").json()["slots"]
    assert slots["known_condition"] == "systemic lupus erythematosus"
    assert slots["possible_trigger"] == "injury"


def test_the_conversation_survives_a_reload_and_can_be_deleted(
    chat: Chat, page: Page, bot_url: str
) -> None:
    chat.ask("what causes calcinosis")
    chat.reply("How is it treated?")
    sender = chat.sender()
    page.reload()
    chat.open()
    expect(chat.user_bubbles).to_have_text(["what causes calcinosis", "How is it treated?"])
    expect(chat.bot_bubbles).to_have_count(3)
    assert chat.last_bot_text().endswith(CLOSING_ADVICE)
    assert chat.sender() == sender

    chat.ui.get_by_role("button", name="Delete my conversation").click()
    chat.ui.get_by_role("button", name="Delete", exact=True).click()
    expect(chat.user_bubbles).to_have_count(0)
    expect(chat.ui.get_by_role("status")).to_have_text("Your conversation was deleted.")
    assert httpx.get(f"{bot_url}/conversations/{sender}/tracker").json()["events"] == []
    assert chat.sender() != sender
    page.reload()
    chat.open()
    expect(chat.bot_bubbles).to_have_count(1)


def test_new_conversation_starts_afresh_but_keeps_the_old_one_on_the_server(
    chat: Chat, bot_url: str
) -> None:
    chat.ask("is it cancer?")
    old = chat.sender()
    chat.ui.get_by_role("button", name="New conversation").click()
    expect(chat.user_bubbles).to_have_count(0)
    assert chat.sender() != old
    assert httpx.get(f"{bot_url}/conversations/{old}/tracker").json()["events"]


def test_a_conversation_by_keyboard_alone(page: Page, bot_url: str) -> None:
    page.goto(f"{bot_url}/")
    chat = Chat(page)
    chat.launcher.wait_for()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement?.shadowRoot?.activeElement?.tagName") == "BUTTON":
            break
    else:
        pytest.fail("the launcher cannot be reached with Tab")
    page.keyboard.press("Enter")
    expect(chat.input).to_be_focused()

    page.keyboard.type("what causes")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("calcinosis")
    assert chat.input.input_value() == "what causes\ncalcinosis"
    before = chat.bot_bubbles.count()
    page.keyboard.press("Enter")
    assert chat.wait_turn(before).endswith(CLOSING_ADVICE)
    expect(chat.input).to_have_value("")

    page.keyboard.press("Shift+Tab")
    focused = chat.ui.locator(".quick-reply:focus")
    expect(focused).to_have_count(1)
    title = focused.text_content()
    before = chat.bot_bubbles.count()
    page.keyboard.press("Enter")
    assert chat.wait_turn(before).endswith(CLOSING_ADVICE)
    expect(chat.user_bubbles.last).to_have_text(title or "")

    page.keyboard.press("Escape")
    expect(chat.launcher).to_be_focused()
    expect(chat.launcher).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(chat.input).to_be_focused()


def test_html_in_a_message_is_shown_as_text_and_never_run(chat: Chat, page: Page) -> None:
    chat.ask(XSS)
    expect(chat.user_bubbles.last).to_have_text(XSS)
    page.reload()
    chat.open()
    expect(chat.user_bubbles.last).to_have_text(XSS)
    assert chat.ui.locator("img").count() == 0
    assert chat.frame.evaluate("window.__xss") is None
    assert page.evaluate("window.__xss") is None


def test_links_come_only_from_the_clinic_file_and_open_in_a_new_tab(chat: Chat) -> None:
    chat.ask("when should I see a doctor")
    links = chat.ui.locator(".msg-bot .bubble a[target=_blank]")
    expect(links.first).to_have_attribute("href", "https://clinic.example/book")
    expect(links.first).to_have_attribute("rel", "noopener noreferrer")
    booking = chat.ui.get_by_role("link", name="Book an appointment")
    expect(booking).to_have_attribute("target", "_blank")
    expect(booking).to_have_attribute("rel", "noopener noreferrer")
    hrefs = chat.ui.locator(".msg-bot a").evaluate_all("as => as.map(a => a.href)")
    assert set(hrefs) <= {"https://clinic.example/book", "tel:+15550100", "tel:911"}


def test_the_length_limit_is_explained_before_sending(chat: Chat) -> None:
    chat.input.fill("a" * 1001)
    chat.input.press("Enter")
    error = chat.ui.locator("#message-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("the limit is 1000")
    expect(chat.input).to_have_attribute("aria-invalid", "true")
    expect(chat.user_bubbles).to_have_count(0)
    chat.input.fill("a" * 1000)
    expect(error).to_be_hidden()


def _abort(route: Route) -> None:
    route.abort()


def _unavailable(route: Route) -> None:
    route.fulfill(status=503, json={"status": "failure", "message": "store unavailable"})


@pytest.mark.parametrize(
    ("fail", "message", "shown"),
    [
        (_abort, "what causes calcinosis", "could not be reached"),
        (_unavailable, "is it cancer", "error 503"),
    ],
    ids=["network error", "server error"],
)
def test_a_failed_turn_is_shown_with_a_retry(
    chat: Chat, page: Page, fail: Callable[[Route], None], message: str, shown: str
) -> None:
    """The first send fails; Retry sends the same message once, and the note goes away."""
    failures = {"left": 1}

    def flaky(route: Route) -> None:
        if failures["left"]:
            failures["left"] -= 1
            fail(route)
        else:
            route.continue_()

    page.context.route("**/webhooks/rest/webhook", flaky)
    chat.input.fill(message)
    chat.input.press("Enter")
    note = chat.ui.locator(".msg-note.is-error")
    expect(note).to_contain_text(shown)
    before = chat.bot_bubbles.count()
    note.get_by_role("button", name="Retry").click()
    assert chat.wait_turn(before).endswith(CLOSING_ADVICE)
    expect(note).to_have_count(0)
    expect(chat.user_bubbles).to_have_count(1)
