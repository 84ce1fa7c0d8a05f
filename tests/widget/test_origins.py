"""Origins from the clinic file: only well-formed ones reach the CSP header and the loader."""

from __future__ import annotations

import pytest

from bot.widget.origins import accepted_host, allowed_origins, chat_csp, normalize_origin


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://clinic.example", "https://clinic.example"),
        ("https://Clinic.Example/", "https://clinic.example"),
        ("https://clinic.example:443", "https://clinic.example"),
        ("http://clinic.example:80", "http://clinic.example"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://[::1]:8080", "http://[::1]:8080"),
        ("https://clinic.example/path", None),
        ("https://clinic.example; script-src *", None),
        ("https://*.clinic.example", None),
        ("ftp://clinic.example", None),
        ("clinic.example", None),
        ("https://clinic.example:99999", None),
        ("'self'", None),
    ],
)
def test_origins_are_normalized_or_refused(value: str, expected: str | None) -> None:
    assert normalize_origin(value) == expected


def test_allowed_origins_keep_order_and_drop_duplicates_and_junk() -> None:
    assert allowed_origins(
        ["https://a.example", "bad value", "https://A.example/", "http://b"]
    ) == [
        "https://a.example",
        "http://b",
    ]


def test_the_host_is_accepted_only_when_allowed_or_our_own() -> None:
    allowed = ["https://clinic.example"]
    own = "http://bot.example"
    assert accepted_host("https://clinic.example", allowed, own) == "https://clinic.example"
    assert accepted_host("http://bot.example", allowed, own) == "http://bot.example"
    assert accepted_host("https://bot.example", allowed, own) == "https://bot.example"
    assert accepted_host("https://evil.example", allowed, own) is None
    assert accepted_host(None, allowed, own) is None
    assert accepted_host("javascript:alert(1)", allowed, own) is None


def test_frame_ancestors_lists_self_then_the_origins() -> None:
    csp = chat_csp(["https://a.example", "http://b:81"], "n0nce")
    assert "frame-ancestors 'self' https://a.example http://b:81" in csp
    assert "style-src 'self' 'nonce-n0nce'" in csp
