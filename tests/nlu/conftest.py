"""Fixtures of the NLU tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from bot.nlu import pipeline


@pytest.fixture(scope="module")
def trained(model_dir: Path) -> Language:
    """The session's trained pipeline, loaded anew for each module."""
    return pipeline.load(model_dir)
