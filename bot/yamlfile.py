"""Reading the YAML files the bot ships (content, rules, training data) and is configured with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it: the same documents about ten times faster,
# which start-up and training both feel
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """The document in ``path`` (UTF-8) as ``yaml.safe_load`` reads it; ``yaml.YAMLError``
    when it is not valid YAML."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
