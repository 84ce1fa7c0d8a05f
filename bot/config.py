"""One settings object for the whole bot (env prefix ``CALCIBOT_``) and the clinic file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, HttpUrl
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.yamlfile import read_yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INTENTS_DIR = PROJECT_ROOT / "intents"
RESPONSES_DIR = PROJECT_ROOT / "responses"
SOURCE_FILE = RESPONSES_DIR / "source" / "calcinosis.txt"
FACTS_FILE = RESPONSES_DIR / "facts.yml"
TEMPLATES_DIR = RESPONSES_DIR / "templates"
SAFETY_FILE = RESPONSES_DIR / "safety.yml"
DEFAULT_CLINIC_FILE = RESPONSES_DIR / "clinic.example.yml"
NLU_CONFIG_FILE = INTENTS_DIR / "config.cfg"

CLOSING_ADVICE = (
    "If you suspect calcification, you should see a doctor for diagnosis and treatment."
)


class Theme(BaseModel):
    """Colours the widget takes from the clinic file."""

    primary: str = "#0b5cad"
    on_primary: str = "#ffffff"


class Clinic(BaseModel):
    """What a clinic sets in its YAML file."""

    name: str = "Calcibot demo clinic"
    phone: str = "+1 555 0100"
    booking_url: HttpUrl | None = None
    emergency_number: str = "911"
    allowed_origins: list[str] = Field(default_factory=list)
    theme: Theme = Field(default_factory=Theme)
    language: str = "en"
    closing_advice: str = CLOSING_ADVICE
    log_message_text: bool = False


def load_clinic(path: Path) -> Clinic:
    """Read and validate a clinic file; errors name the file and the field."""
    data: Any = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return Clinic.model_validate(data)


class Settings(BaseSettings):
    """Runtime configuration, from ``CALCIBOT_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="CALCIBOT_", extra="ignore")

    data_dir: Path = Path("./data")
    redis_url: str | None = None
    action_endpoint: str | None = None
    clinic_file: Path = DEFAULT_CLINIC_FILE
    seed: int = 7
    max_message_chars: int = 1000
    max_body_bytes: int = 16_384
    conversation_ttl_days: float = 30.0
    rate_limit_per_ip: int = 120
    rate_limit_per_sender: int = 60
    rate_limit_window_s: float = 60.0
    action_timeout_s: float = 5.0

    @property
    def model_dir(self) -> Path:
        return self.data_dir / "model"

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "conversations.sqlite3"

    def clinic(self) -> Clinic:
        return load_clinic(self.clinic_file)


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; tests override the FastAPI dependency instead."""
    return Settings()
