"""The domain (`intents/domain.yml`): what actions see, and which slots a tracker has."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from bot.config import INTENTS_DIR
from bot.yamlfile import read_yaml

DOMAIN_FILE = INTENTS_DIR / "domain.yml"


@cache
def load_domain(path: Path = DOMAIN_FILE) -> dict[str, Any]:
    """Read once; callers must not change the returned dict."""
    domain: Any = read_yaml(path)
    return dict(domain)


def slot_names() -> tuple[str, ...]:
    return tuple(load_domain()["slots"])
