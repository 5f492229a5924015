"""Configuration of `scraper run` as small value objects, from options and a TOML file."""

from __future__ import annotations

import ipaddress
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import platformdirs

from .._errors import ConfigError
from . import _settings
from ._listings import iso_datetime

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Dedupe = Literal["all", "canonical", "off"]
# --dedupe: an article already emitted under another address is not emitted again when...
DEDUPE_MODES: dict[str, str] = {
    "all": "it has the same canonical address or the same text",
    "canonical": "it has the same canonical address (copies of a wire story on several sites all come out)",
    "off": "never: every address gives its record",
}


def default_state_path() -> Path:
    """Where the state lives unless `--state` says otherwise: the user's data directory,
    e.g. ~/.local/share/scraper/state.sqlite on Linux."""
    return Path(platformdirs.user_data_dir("scraper")) / "state.sqlite"


def parse_network(value: str) -> Network:
    try:
        return ipaddress.ip_network(value.strip(), strict=False)
    except ValueError:
        raise ConfigError(
            f"--allow-network {value!r} is not a network: give an address or a CIDR range "
            "such as 127.0.0.0/8 or 10.1.2.0/24"
        ) from None


def parse_state(value: str) -> Path | str:
    """`--state`: a PostgreSQL URL (kept as it is) or the path of a SQLite file."""
    return value if value.startswith(DATABASE_URL_SCHEMES) else Path(value).expanduser()


# --state URLs that name a PostgreSQL database (anything else is a SQLite file's path).
DATABASE_URL_SCHEMES = ("postgresql://", "postgres://")
# A Dask scheduler's address: tcp://host:8786, tls://..., or another of Dask's protocols.
_SCHEDULER = re.compile(r"^[a-z][a-z0-9+]*://\S+$")
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$", re.I)
_AGE_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """`--since`: an age (`90m`, `12h`, `2d`, `1w`) or an ISO 8601 date or date-time."""
    if match := _AGE.match(value):
        age = timedelta(**{_AGE_UNITS[match.group(2).lower()]: float(match.group(1))})
        return (now or datetime.now(UTC)) - age
    moment = iso_datetime(value)
    if moment is None:
        raise ConfigError(
            f"--since {value!r} is neither an age such as 2d, 12h or 30m nor a date such as 2026-11-01"
        )
    return moment


@dataclass(frozen=True, slots=True)
class RunConfig:
    """Every setting of a run; defaults and their reasons are in `_settings`."""

    concurrency: int = _settings.DEFAULT_CONCURRENCY
    per_host: int = _settings.DEFAULT_PER_HOST
    delay: float = _settings.DEFAULT_DELAY
    timeout: float = _settings.DEFAULT_TIMEOUT
    retries: int = _settings.DEFAULT_RETRIES
    user_agent: str = _settings.DEFAULT_USER_AGENT
    max_bytes: int = _settings.DEFAULT_MAX_BYTES
    state: Path | str = field(default_factory=default_state_path)  # a str is a database URL
    force: bool = False
    allow_network: tuple[Network, ...] = ()
    quiet: bool = False
    workers: int | None = None  # extraction processes; None: one per core
    since: datetime | None = None  # skip feed and sitemap items dated before this
    discover: bool = False  # follow the feeds a front page announces
    dedupe: Dedupe = "all"  # what makes two addresses one article (see DEDUPE_MODES)
    cluster: str | None = None  # a Dask scheduler's address: host batches are worked there

    def __post_init__(self) -> None:
        positive = {"concurrency": self.concurrency, "per_host": self.per_host, "timeout": self.timeout}
        for name, value in positive.items():
            if value <= 0:
                raise ConfigError(f"--{name.replace('_', '-')} must be above 0, not {value}")
        for name, value in {"delay": self.delay, "retries": self.retries}.items():
            if value < 0:
                raise ConfigError(f"--{name} must be 0 or more, not {value}")
        if self.workers is not None and self.workers < 0:
            raise ConfigError(
                f"--workers must be 0 (extract in the main process) or more, not {self.workers}"
            )
        if self.dedupe not in DEDUPE_MODES:
            raise ConfigError(f"--dedupe must be one of {', '.join(DEDUPE_MODES)}, not {self.dedupe!r}")
        if self.max_bytes < 1024:
            raise ConfigError(f"--max-bytes must be at least 1024, not {self.max_bytes}")
        if self.cluster is not None and not _SCHEDULER.match(self.cluster):
            raise ConfigError(
                f"--cluster {self.cluster!r} is not a scheduler address: give one such as tcp://HOST:8786"
            )

    def with_options(self, **options: Any) -> RunConfig:
        """This config with the options that were given (None means 'not given')."""
        given = {name: value for name, value in options.items() if value is not None and value != ()}
        if "allow_network" in given:
            given["allow_network"] = tuple(parse_network(str(v)) for v in given["allow_network"])
        if "state" in given:
            given["state"] = parse_state(str(given["state"]))
        if "since" in given and not isinstance(given["since"], datetime):
            given["since"] = parse_since(str(given["since"]))
        return replace(self, **given)


def load_config(path: Path | None) -> RunConfig:
    """Defaults, overridden by the TOML file at `path` (keys as the long options, with
    dashes or underscores; `allow-network` takes a list)."""
    if path is None:
        return RunConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"config file {path}: cannot be read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"config file {path}: not valid TOML: {error}") from None
    known = {f.name for f in fields(RunConfig)}
    options: dict[str, Any] = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(
                f"config file {path}: unknown setting {key!r}; known: {', '.join(sorted(known))}"
            )
        options[name] = tuple(value) if name == "allow_network" and isinstance(value, list) else value
    try:
        return RunConfig().with_options(**options)
    except TypeError as error:
        raise ConfigError(f"config file {path}: {error}") from None
