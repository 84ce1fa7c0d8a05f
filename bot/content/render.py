"""One Jinja2 environment for everything the bot says, and the closing advice added in one place.

Bot replies are plain text (the widget shows them as text, never as HTML), so `.txt.j2`
templates are not HTML-escaped; `.html.j2` pages are. Undefined names fail loudly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NotRequired, TypedDict

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from bot import codec
from bot.config import TEMPLATES_DIR, Clinic
from bot.content.facts import FactBase
from bot.lru import LRUCache

RENDER_CACHE_SIZE = 1024


class Button(TypedDict):
    title: str
    payload: str


class BotMessage(TypedDict):
    """One bot message as the REST channel sends it (`None` keys are dropped)."""

    text: str
    buttons: NotRequired[list[Button]]
    custom: NotRequired[dict[str, Any]]


def make_environment(*directories: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader([str(d) for d in directories]),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # templates ship with the release: no file check per render
    )


class Renderer:
    """Renders action messages into text and closes every turn with the advice."""

    def __init__(self, facts: FactBase, clinic: Clinic, templates: Path = TEMPLATES_DIR) -> None:
        self.facts = facts
        self.clinic = clinic
        self.env = make_environment(templates)
        self.env.globals.update(clinic=clinic, facts=facts.by_id)
        self.renders: LRUCache[tuple[str, bytes], str] = LRUCache(RENDER_CACHE_SIZE)

    def template_names(self) -> list[str]:
        return sorted(n for n in self.env.list_templates() if n.endswith(".txt.j2"))

    def has_response(self, name: str) -> bool:
        return f"{name}.txt.j2" in self.env.list_templates()

    def render(self, response: str, **variables: Any) -> str:
        """A response's text; the same response with the same variables (as JSON) is rendered
        once: templates read only their variables and the fixed clinic and facts, and
        patients are sent the same questions and answers again and again."""
        try:
            key: tuple[str, bytes] | None = (response, codec.dumpb(variables))
        except TypeError:  # a variable with no JSON form: render it every time
            key = None
        text = self.renders.get(key) if key is not None else None
        if text is None:
            text = self.env.get_template(f"{response}.txt.j2").render(**variables)
            text = "\n".join(line.rstrip() for line in text.strip().splitlines())
            if key is not None:
                self.renders.put(key, text)
        return text

    def message(self, raw: dict[str, Any]) -> BotMessage | None:
        """A rasa-sdk dispatcher message -> what the channel sends; None when it is empty."""
        response = raw.get("response") or raw.get("template")
        if response:
            variables = {
                k: v
                for k, v in raw.items()
                if k not in {"response", "template", "text", "buttons", "custom"} and v is not None
            }
            text = self.render(str(response), **variables)
        else:
            text = str(raw.get("text") or "")
        message = BotMessage(text=text)
        buttons = [
            Button(title=str(b["title"]), payload=str(b["payload"]))
            for b in raw.get("buttons") or []
            if isinstance(b, dict) and "title" in b and "payload" in b
        ]
        if buttons:
            message["buttons"] = buttons
        custom = raw.get("custom")
        if isinstance(custom, dict) and custom:
            message["custom"] = self._expand_links(custom)
        return message if (text or buttons) else None

    def _expand_links(self, custom: dict[str, Any]) -> dict[str, Any]:
        """Links come only from the clinic file: actions name them, the bot fills them in."""
        names = custom.get("links")
        if not isinstance(names, list):
            return custom
        links = []
        if "booking" in names and self.clinic.booking_url:
            links.append({"title": "Book an appointment", "url": str(self.clinic.booking_url)})
        if "phone" in names:
            number = "".join(ch for ch in self.clinic.phone if ch.isdigit() or ch == "+")
            links.append({"title": f"Call {self.clinic.phone}", "url": f"tel:{number}"})
        return {**custom, "links": links}

    def close_turn(self, messages: list[BotMessage]) -> list[BotMessage]:
        """The last message of every turn ends exactly with the clinic's closing advice."""
        advice = self.clinic.closing_advice
        if not messages:
            return [BotMessage(text=advice)]
        last = messages[-1]
        text = last["text"].rstrip()
        if not text.endswith(advice):
            last["text"] = f"{text}\n\n{advice}" if text else advice
        return messages
