"""The conversation suite, with actions in-process and on a real rasa-sdk action server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.dialogue.stories import load_stories, run_story
from tests.conftest import agent_over

STORY_DIR = Path(__file__).parent.parent / "conversations"
STORIES = load_stories(STORY_DIR.glob("*.yml"))


@pytest.fixture(scope="module")
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    """One loop for the module: the remote runner's HTTP client lives on it."""
    event_loop = asyncio.new_event_loop()
    yield event_loop
    event_loop.close()


@pytest.fixture(scope="module", params=["in-process", "remote"])
def agent(request: pytest.FixtureRequest, model_dir: Path, tmp_path_factory, loop):
    endpoint = None
    if request.param == "remote":
        endpoint = request.getfixturevalue("action_server")
    built = agent_over(model_dir, tmp_path_factory.mktemp("data"), endpoint)
    yield built
    loop.run_until_complete(built.runner.close())


@pytest.mark.parametrize(("file", "story"), STORIES, ids=[f"{f}:{s['name']}" for f, s in STORIES])
def test_conversation(agent, loop, file: str, story: dict) -> None:
    result = loop.run_until_complete(run_story(agent, file, story, sender="tester"))
    assert result.failures == []


def test_a_user_turn_that_yaml_reads_as_a_bool_is_refused(tmp_path: Path) -> None:
    story = tmp_path / "s.yml"
    story.write_text("conversations:\n- name: bare no\n  turns:\n  - user: no\n")
    with pytest.raises(ValueError, match="quote it"):
        load_stories([story])


def test_a_turn_key_that_checks_nothing_is_refused(tmp_path: Path) -> None:
    story = tmp_path / "s.yml"
    story.write_text("conversations:\n- name: typo\n  turns:\n  - user: hi\n    never_say: [x]\n")
    with pytest.raises(ValueError, match="unknown keys"):
        load_stories([story])
