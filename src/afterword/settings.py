"""The only place Afterword reads its environment. Secrets stay SecretStr and are never echoed."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import ConfigError

DEFAULT_MODEL = "gpt-4o-mini"
OPENAI_URL = "https://api.openai.com/v1"


class Settings(BaseSettings):
    """Configuration from the environment; nothing set means offline."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore")

    openai_api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    model: str = Field(default=DEFAULT_MODEL, validation_alias="AFTERWORD_MODEL")
    home: Path | None = Field(default=None, validation_alias="AFTERWORD_HOME")
    db: Path | None = Field(default=None, validation_alias="AFTERWORD_DB")
    timeout: float = Field(default=60.0, validation_alias="AFTERWORD_TIMEOUT")
    retries: int = Field(default=2, validation_alias="AFTERWORD_RETRIES")
    backoff: float = Field(default=1.0, validation_alias="AFTERWORD_BACKOFF")

    @property
    def model_configured(self) -> bool:
        """Say whether a model backend is configured (a key, or a local server's URL)."""
        return bool(self.openai_api_key and self.openai_api_key.get_secret_value().strip()) or bool(
            self.openai_base_url
        )

    @property
    def base_url(self) -> str:
        """Return the server the model is reached at (shown to the user; never the key)."""
        return (self.openai_base_url or OPENAI_URL).rstrip("/")

    @property
    def data_dir(self) -> Path:
        """Return the folder for the local history."""
        return self.home or user_data_path("afterword", appauthor=False)

    @property
    def db_path(self) -> Path:
        """Return the SQLite history file's path."""
        return self.db or self.data_dir / "history.sqlite3"

    def api_key(self) -> str:
        """Return the key for the client; a local server without one gets a stand-in."""
        if self.openai_api_key and self.openai_api_key.get_secret_value().strip():
            return self.openai_api_key.get_secret_value().strip()
        if self.openai_base_url:
            return "not-needed"  # Ollama, vLLM and llama.cpp accept any key
        raise ConfigError(
            "no model is configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for a local "
            "OpenAI-compatible server), or use --backend offline"
        )


def load_settings(**overrides: object) -> Settings:
    """Read the settings from the environment, with explicit overrides (a key typed in the app)."""
    aliases = {name: str(f.validation_alias) for name, f in Settings.model_fields.items()}
    given = {aliases[k]: v for k, v in overrides.items() if v is not None}
    return Settings.model_validate(given)


def choose_backend(requested: str, settings: Settings) -> str:
    """Resolve 'auto' to the model when one is configured, else the offline composer."""
    if requested == "auto":
        return "openai" if settings.model_configured else "offline"
    if requested == "openai" and not settings.model_configured:
        settings.api_key()  # raises the ConfigError that says how to fix it
    return requested
