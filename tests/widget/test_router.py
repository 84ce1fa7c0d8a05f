"""`/widget.js`, `/chat`, `/` and the widget's files: headers, framing policy, rendering."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from bot.actions.knowledge import knowledge
from bot.config import Settings
from bot.server.app import create_app
from bot.widget import assets

ANCESTORS = (
    "frame-ancestors 'self' https://harbour.example https://partner.example http://127.0.0.1:8123"
)


def directives(csp: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


class Collect(HTMLParser):
    """Tags with their attributes, to check the markup without a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def chat_config(html: str) -> dict[str, Any]:
    """The JSON the chat page hands its script."""
    found = re.search(r'id="calcibot-config">(.*?)</script>', html, re.S)
    assert found is not None
    data: dict[str, Any] = json.loads(found[1])
    return data


def tags(html: str, name: str) -> list[dict[str, str | None]]:
    parser = Collect()
    parser.feed(html)
    return [attrs for tag, attrs in parser.tags if tag == name]


def test_the_chat_may_be_framed_only_by_itself_and_the_allowed_origins(
    widget_client: TestClient,
) -> None:
    response = widget_client.get("/chat")
    assert response.status_code == 200
    csp = directives(response.headers["content-security-policy"])
    assert f"frame-ancestors {csp['frame-ancestors']}" == ANCESTORS
    assert "evil.example" not in response.headers["content-security-policy"]
    assert csp["script-src"] == "'self'"
    assert csp["default-src"] == "'none'"
    assert csp["connect-src"] == "'self'"
    assert "x-frame-options" not in response.headers
    assert response.headers["cache-control"] == "no-store"


def test_inline_styles_need_the_page_nonce(widget_client: TestClient) -> None:
    first, second = widget_client.get("/chat"), widget_client.get("/chat")
    nonce = re.search(r"'nonce-([^']+)'", first.headers["content-security-policy"])
    assert nonce is not None
    assert f'<style nonce="{nonce.group(1)}">' in first.text
    assert nonce.group(1) not in second.text
    assert str(tags(first.text, "script")[0]["src"]).startswith("/widget/static/chat.js?v=")


def test_page_parameters_are_escaped_or_ignored(widget_client: TestClient) -> None:
    response = widget_client.get(
        "/chat",
        params={
            "title": '<img src=x onerror="alert(1)">',
            "color": "red;}body{display:none",
            "host": "https://evil.example",
        },
    )
    assert "<img" not in response.text
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in response.text
    assert "display:none" not in response.text
    config = chat_config(response.text)
    assert config["hostOrigin"] is None
    assert "--primary: #ffdd00;" in response.text


def test_an_allowed_host_and_colour_are_taken(widget_client: TestClient) -> None:
    response = widget_client.get(
        "/chat", params={"host": "https://partner.example", "color": "#0A7D3B", "title": "Help"}
    )
    config = chat_config(response.text)
    assert config["hostOrigin"] == "https://partner.example"
    assert config["title"] == "Help"
    assert config["maxChars"] == 1000
    assert "--primary: #0a7d3b; --on-primary: #ffffff;" in response.text


def test_the_chat_page_carries_welcome_disclaimer_and_suggestions(
    widget_client: TestClient,
) -> None:
    html = widget_client.get("/chat").text
    assert "cannot diagnose" in html
    assert '<a href="tel:999">999</a>' in html
    assert "Harbour &lt;Skin&gt; &amp; Joint Clinic" in html
    buttons = [b for b in tags(html, "button") if b.get("data-payload")]
    assert 3 <= len(buttons) <= 4
    assert {b["data-payload"] for b in buttons} >= {"/ask_definition", "/ask_causes"}
    assert 'role="log"' in html
    assert 'aria-live="polite"' in html
    assert '<label class="visually-hidden" for="message">Your message</label>' in html
    config = chat_config(html)
    assert {
        "text": "https://harbour.example/book",
        "href": "https://harbour.example/book",
        "external": True,
    } in config["links"]
    assert {"text": "+44 20 7946 0000", "href": "tel:+442079460000", "external": False} in config[
        "links"
    ]


def test_the_loader_knows_the_allowed_origins(widget_client: TestClient) -> None:
    response = widget_client.get("/widget.js", headers={"accept-encoding": "identity"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cross-origin-resource-policy"] == "cross-origin"
    assert assets.CONFIG_MARKER not in response.text
    embedded = re.search(r"var config = (\{.*?\});", response.text)
    assert embedded is not None
    assert json.loads(embedded[1]) == {
        "allowedOrigins": [
            "https://harbour.example",
            "https://partner.example",
            "http://127.0.0.1:8123",
        ]
    }


def test_files_are_gzipped_when_asked_and_revalidated_by_etag(widget_client: TestClient) -> None:
    plain = widget_client.get("/widget/static/chat.js", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers
    raw = widget_client.get(
        "/widget/static/chat.js", headers={"accept-encoding": "gzip"}, extensions={}
    )
    assert raw.headers["content-encoding"] == "gzip"
    assert raw.text == plain.text
    again = widget_client.get(
        "/widget/static/chat.js",
        headers={"accept-encoding": "gzip", "if-none-match": raw.headers["etag"]},
    )
    assert again.status_code == 304
    version = assets.asset("chat.js").version
    pinned = widget_client.get(f"/widget/static/chat.js?v={version}")
    assert "immutable" in pinned.headers["cache-control"]
    assert gzip.decompress(assets.asset("chat.js").gzipped) == assets.asset("chat.js").body


def test_only_the_widget_files_are_served(widget_client: TestClient) -> None:
    for name in ("loader.js", "..%2F..%2Fconfig.py", "nope.js", "__init__.py"):
        response = widget_client.get(f"/widget/static/{name}")
        assert response.status_code == 404
        assert response.json()["status"] == "failure"


def test_the_widget_fits_the_size_budget() -> None:
    size = assets.budget_gzip_bytes()
    print(f"loader + chat script + styles: {size} bytes gzipped")
    assert size <= assets.BUDGET_GZIP_BYTES


def test_the_widget_uses_no_framework_and_sets_bot_text_as_text() -> None:
    for name in ("loader.js", "chat.js"):
        source = assets.asset(name).body.decode()
        assert "innerHTML" not in source
        assert "insertAdjacentHTML" not in source
        assert "document.write" not in source
        assert "eval(" not in source
        assert "import " not in source
        assert "require(" not in source
    assert "textContent" in assets.asset("chat.js").body.decode()


def test_the_demo_page_shows_facts_grouped_by_topic_and_embeds_the_widget(
    widget_client: TestClient,
) -> None:
    response = widget_client.get("/")
    assert response.status_code == 200
    html = response.text
    csp = directives(response.headers["content-security-policy"])
    assert csp["frame-ancestors"] == "'self'"
    assert csp["frame-src"] == "'self'"
    scripts = tags(html, "script")
    assert len(scripts) == 1
    assert scripts[0]["src"] == "/widget.js"
    assert scripts[0]["data-position"] == "right"
    assert "async" in scripts[0]
    k = knowledge()
    headings = re.findall(r"<section id=\"([a-z-]+)\"", html)
    assert headings[:3] == ["definition", "causes", "conditions"]
    for fact in k.facts.facts:
        if fact.topics[0] != "source":
            assert fact.text.replace("'", "&#39;") in html
    assert "999" in html
    assert "https://harbour.example/book" in html


def test_the_demo_page_is_valid_enough_to_parse(widget_client: TestClient) -> None:
    html = widget_client.get("/").text
    ids = [attrs["id"] for _, attrs in _all_tags(html) if attrs.get("id")]
    assert len(ids) == len(set(ids))
    for link in tags(html, "a"):
        href = link["href"] or ""
        if href.startswith("#"):
            assert href[1:] in ids


def _all_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Collect()
    parser.feed(html)
    return parser.tags


def test_the_app_serves_the_widget_with_its_own_headers(tmp_path: Path, clinic_file: Path) -> None:
    """Through the real app and its middleware (no lifespan: these pages need no model)."""
    client = TestClient(create_app(Settings(data_dir=tmp_path, clinic_file=clinic_file)))
    chat = client.get("/chat")
    assert chat.status_code == 200
    assert directives(chat.headers["content-security-policy"])["frame-ancestors"] == (
        ANCESTORS.removeprefix("frame-ancestors ")
    )
    assert chat.headers["x-content-type-options"] == "nosniff"
    assert client.get("/").status_code == 200
    assert client.get("/widget.js").status_code == 200
