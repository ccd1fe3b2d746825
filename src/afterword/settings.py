"""The only place Afterword reads its environment. Secrets stay SecretStr and are never echoed."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from platformdirs import user_data_path
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import ConfigError

DEFAULT_MODEL = "gpt-4o-mini"
OPENAI_URL = "https://api.openai.com/v1"
# What each checked variable must hold, said in the message when it does not.
EXPECTED = {
    "OPENAI_BASE_URL": "an http:// or https:// URL such as http://127.0.0.1:11434/v1",
    "AFTERWORD_TIMEOUT": "a number of seconds for one letter, above 0 and at most 3600 "
    "(default 60)",
    "AFTERWORD_RETRIES": "a whole number from 0 to 10 (default 2)",
    "AFTERWORD_BACKOFF": "a number of seconds from 0 to 60 (default 1)",
    "AFTERWORD_MODEL": "a model name such as gpt-4o-mini",
}


class Settings(BaseSettings):
    """Configuration from the environment; nothing set means offline."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore")

    openai_api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    # a SecretStr too: a URL can carry a user name and token (http://user:token@host/v1)
    openai_base_url: SecretStr | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    model: str = Field(default=DEFAULT_MODEL, validation_alias="AFTERWORD_MODEL")
    home: Path | None = Field(default=None, validation_alias="AFTERWORD_HOME")
    db: Path | None = Field(default=None, validation_alias="AFTERWORD_DB")
    # One deadline per letter: every try, wait and revision of that letter fits in it.
    timeout: float = Field(default=60.0, gt=0, le=3600, validation_alias="AFTERWORD_TIMEOUT")
    retries: int = Field(default=2, ge=0, le=10, validation_alias="AFTERWORD_RETRIES")
    backoff: float = Field(default=1.0, ge=0, le=60, validation_alias="AFTERWORD_BACKOFF")
    # Give the model the offline composer's plain body to write from, so every fact is in
    # place (small local models invent dates and swap who did what without it); off lets a
    # strong model write from the facts alone.
    outline: bool = Field(default=True, validation_alias="AFTERWORD_OUTLINE")

    @field_validator("openai_base_url", mode="before")
    @classmethod
    def _http_url(cls, value: object) -> object:
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if text is None or (isinstance(text, str) and not text.strip()):
            return None
        parts = urlsplit(str(text).strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("not an http(s) URL")
        return str(text).strip()

    @field_validator("model")
    @classmethod
    def _model_name(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("empty")
        return value.strip()

    @property
    def model_configured(self) -> bool:
        """Say whether a model backend is configured (a key, or a local server's URL)."""
        return bool(self.openai_api_key and self.openai_api_key.get_secret_value().strip()) or bool(
            self.openai_base_url
        )

    @property
    def client_url(self) -> str:
        """Return the server's URL as given, credentials included: for the client only."""
        given = self.openai_base_url.get_secret_value() if self.openai_base_url else None
        return (given or OPENAI_URL).rstrip("/")

    @property
    def base_url(self) -> str:
        """Return the server's URL as shown and stored: never a user name, token or key."""
        return shown_url(self.client_url)

    @property
    def local_server(self) -> bool:
        """Say whether the model runs on this machine (one request at a time suits it)."""
        host = urlsplit(self.client_url).hostname or ""
        return host in ("localhost", "127.0.0.1", "::1") or host.startswith("127.")

    @property
    def data_dir(self) -> Path:
        """Return the folder for the local history."""
        return self.home or user_data_path("afterword", appauthor=False)

    @property
    def db_path(self) -> Path:
        """Return the SQLite history file's path."""
        return self.db or self.data_dir / "history.sqlite3"

    @property
    def methods_path(self) -> Path:
        """Return the file, beside the history, that remembers which output method works."""
        return self.db_path.parent / "model-methods.json"

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


def shown_url(url: str) -> str:
    """Return a URL without the user name, password or token it may carry."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def load_settings(**overrides: object) -> Settings:
    """Read the settings from the environment, with explicit overrides (a key typed in the app).

    A value that does not fit is a ConfigError naming the variable and what it must hold."""
    aliases = {name: str(f.validation_alias) for name, f in Settings.model_fields.items()}
    given = {aliases[k]: v for k, v in overrides.items() if v is not None}
    try:
        return Settings.model_validate(given)
    except ValidationError as err:
        problems = []
        for e in err.errors():
            name = str(e["loc"][0]) if e["loc"] else "a setting"
            got = e.get("input")
            shown = shown_url(got) if isinstance(got, str) else got
            want = EXPECTED.get(name, "a valid value")
            problems.append(f"{name} must be {want}; it is {shown!r}")
        # not chained: pydantic's error repeats the raw input, and a URL's token with it
        raise ConfigError("; ".join(problems)) from None


def choose_backend(requested: str, settings: Settings) -> str:
    """Resolve 'auto' to the model when one is configured, else the offline composer."""
    if requested == "auto":
        return "openai" if settings.model_configured else "offline"
    if requested == "openai" and not settings.model_configured:
        settings.api_key()  # raises the ConfigError that says how to fix it
    return requested
