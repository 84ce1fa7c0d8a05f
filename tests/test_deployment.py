"""Docker's engine does not run here: the compose file and Dockerfile must name real things."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml
from fastapi.testclient import TestClient

from bot.cli import build_parser
from bot.config import PROJECT_ROOT, Settings

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text()
URL = re.compile(r"https?://[^/'\"]+(?P<path>/[\w/]*)")


def test_compose_has_bot_actions_and_redis() -> None:
    services = COMPOSE["services"]
    assert set(services) == {"bot", "actions", "redis"}
    bot = services["bot"]
    assert bot["environment"]["CALCIBOT_REDIS_URL"].startswith("redis://redis:")
    assert bot["environment"]["CALCIBOT_ACTION_ENDPOINT"] == "http://actions:5055/webhook"
    assert {name: c["condition"] for name, c in bot["depends_on"].items()} == {
        "redis": "service_healthy",
        "actions": "service_healthy",
    }
    assert all("healthcheck" in service for service in services.values())
    assert (
        PROJECT_ROOT / Path(bot["environment"]["CALCIBOT_CLINIC_FILE"]).relative_to("/app")
    ).is_file()


def test_commands_name_real_modules_and_cli_options() -> None:
    bot_command = COMPOSE["services"]["bot"]["command"]
    assert bot_command[:3] == ["python", "-m", "bot"]
    args = build_parser().parse_args(bot_command[3:])
    assert args.command == "serve"
    assert args.port == 8000
    assert args.workers == 2
    actions = COMPOSE["services"]["actions"]["command"]
    assert actions[:3] == ["python", "-m", "rasa_sdk"]
    package = actions[actions.index("--actions") + 1]
    assert (PROJECT_ROOT / package.replace(".", "/") / "__init__.py").is_file()
    cmd = re.search(r"^CMD (\[.*\])$", DOCKERFILE, re.M)
    assert cmd
    assert yaml.safe_load(cmd.group(1))[:3] == ["python", "-m", "bot"]
    assert "python -m bot train" in DOCKERFILE
    assert re.search(r"^USER (?!root)\w+", DOCKERFILE, re.M)


def test_health_checks_hit_real_routes(client: TestClient, action_server: str) -> None:
    checks = [
        (name, " ".join(service["healthcheck"]["test"]))
        for name, service in COMPOSE["services"].items()
        if name != "redis"
    ]
    checks.append(("dockerfile", DOCKERFILE))
    for name, check in checks:
        match = URL.search(check)
        assert match, name
        path = match.group("path")
        if ":5055" in match.group(0):
            import httpx

            assert httpx.get(action_server + path).status_code == 200, name
        else:
            assert client.get(path).status_code == 200, name
    assert (
        shlex.split(" ".join(COMPOSE["services"]["redis"]["healthcheck"]["test"]))[1] == "redis-cli"
    )


def test_copied_paths_exist() -> None:
    for source in re.findall(r"^COPY (.+) \S+$", DOCKERFILE, re.M):
        for part in source.split():
            assert (PROJECT_ROOT / part).exists(), part
    assert Settings().clinic_file.is_file()
