"""The chat page and the demo clinic page, rendered by one autoescaping Jinja2 environment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment

from bot.actions.knowledge import Knowledge, knowledge
from bot.config import Clinic, load_clinic
from bot.content.render import make_environment
from bot.widget.theme import Palette

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
DEFAULT_TITLE = "Calcibot"
TITLE_MAX_CHARS = 60
WELCOME_TOPICS = ("definition", "causes", "symptoms", "report")


@cache
def environment() -> Environment:
    """The bot's one environment factory: `.html.j2` pages escaped, missing variables fail."""
    return make_environment(TEMPLATES_DIR)


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


@cache
def _clinic(path: Path, mtime_ns: int) -> Clinic:
    return load_clinic(path)


def current_clinic(path: Path) -> Clinic:
    """The clinic file, re-read when it changes on disk."""
    return _clinic(path, path.stat().st_mtime_ns)


def clean_title(value: str | None, default: str = DEFAULT_TITLE) -> str:
    """A page's `data-title`: one line of plain text, kept short."""
    text = re.sub(r"\s+", " ", value or "").strip()[:TITLE_MAX_CHARS].strip()
    return text or default


@dataclass(frozen=True)
class Link:
    """Text the bot may say that becomes a link: only the clinic's own numbers and booking page."""

    text: str
    href: str
    external: bool


def tel(number: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", number)


def clinic_links(clinic: Clinic) -> list[Link]:
    links = [Link(clinic.phone, tel(clinic.phone), False)]
    if clinic.emergency_number != clinic.phone:
        links.append(Link(clinic.emergency_number, tel(clinic.emergency_number), False))
    if clinic.booking_url is not None:
        links.append(Link(str(clinic.booking_url), str(clinic.booking_url), True))
    return [link for link in links if link.text and len(link.href) > len("tel:")]


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    facts: list[str]


def sections(k: Knowledge) -> list[Section]:
    """Facts grouped under the topic they answer first, in the order of `topics.yml`."""
    result = []
    for topic, spec in k.topics.items():
        if topic == "source":
            continue
        texts = [fact.text for fact in k.facts.facts if fact.topics and fact.topics[0] == topic]
        if texts:
            result.append(
                Section(id=topic.replace("_", "-"), title=str(spec["title"]), facts=texts)
            )
    return result


def welcome_buttons(k: Knowledge) -> list[dict[str, str]]:
    return [k.button(topic) for topic in WELCOME_TOPICS]


@dataclass(frozen=True)
class ChatPage:
    clinic: Clinic
    title: str
    palette: Palette
    host_origin: str | None
    max_chars: int
    nonce: str
    assets: dict[str, str]

    def html(self) -> str:
        k = knowledge()
        config = {
            "title": self.title,
            "hostOrigin": self.host_origin,
            "maxChars": self.max_chars,
            "links": [vars(link) for link in clinic_links(self.clinic)],
            "suggestions": welcome_buttons(k),
        }
        return render(
            "chat.html.j2",
            page=self,
            clinic=self.clinic,
            config=config,
            suggestions=welcome_buttons(k),
            emergency_href=tel(self.clinic.emergency_number),
        )


@dataclass(frozen=True)
class ClinicPage:
    clinic: Clinic
    palette: Palette
    nonce: str
    widget_src: str
    assets: dict[str, str]

    def html(self) -> str:
        k = knowledge()
        source = k.facts.by_id.get("source_about")
        return render(
            "clinic_page.html.j2",
            page=self,
            clinic=self.clinic,
            sections=sections(k),
            source_note=source.text if source else "",
            phone_href=tel(self.clinic.phone),
            emergency_href=tel(self.clinic.emergency_number),
        )
