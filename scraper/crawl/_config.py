"""Configuration of `scraper run` as a small value object, and the parsers of its values
(networks, sizes, headers, ages): the command line, the environment and the config file
(read in `scraper._cli` through click types made of these parsers) and Python callers all
go through them."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from os import PathLike
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


def default_config_path() -> Path:
    """The config file read when no `--config` (or SCRAPER_CONFIG) names one, if it exists:
    the user's config directory, e.g. ~/.config/scraper/config.toml on Linux."""
    return Path(platformdirs.user_config_dir("scraper")) / "config.toml"


def parse_network(value: str | ipaddress.IPv4Address | ipaddress.IPv6Address | Network) -> Network:
    """An address range from a CIDR string, an address (a range of one) or a network."""
    if isinstance(value, ipaddress.IPv4Network | ipaddress.IPv6Network):
        return value
    try:
        return ipaddress.ip_network(value.strip() if isinstance(value, str) else value, strict=False)
    except (TypeError, ValueError):
        raise ConfigError(
            f"--allow-network {value!r} is not a network: give an address or a CIDR range "
            "such as 127.0.0.0/8 or 10.1.2.0/24"
        ) from None


# --state URLs that name a PostgreSQL database (anything else is a SQLite file's path).
DATABASE_URL_SCHEMES = ("postgresql://", "postgres://")
# A Dask scheduler's address: tcp://host:8786, tls://..., or another of Dask's protocols.
_SCHEDULER = re.compile(r"^[a-z][a-z0-9+]*://\S+$")


def parse_state(value: str | PathLike[str]) -> Path | str:
    """`--state`: a PostgreSQL URL (kept as it is) or the path of a SQLite file."""
    if isinstance(value, str) and value.startswith(DATABASE_URL_SCHEMES):
        return value
    return Path(value).expanduser()


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?\s*$", re.I)
_SIZE_POWERS = {"": 0, "k": 1, "m": 2, "g": 3, "t": 4}


def parse_size(value: str | int) -> int:
    """A number of bytes: `10485760`, `10MiB`, `512KiB`, `10MB` (MB = 1,000,000, MiB = 2**20)."""
    if isinstance(value, int):
        return value
    match = _SIZE.match(value)
    if match is None:
        raise ConfigError(
            f"--max-bytes {value!r} is not a size: give bytes (1048576) or a size such as 512KiB or 10MiB"
        )
    number, prefix, binary = match.groups()
    base = 1024 if binary or not prefix else 1000
    return int(float(number) * base ** _SIZE_POWERS[prefix.lower()])


def format_size(size: int) -> str:
    """`size` bytes the way `parse_size` reads it back: 10MiB, 512KiB, or plain bytes."""
    for unit, power in (("GiB", 3), ("MiB", 2), ("KiB", 1)):
        if size % 1024**power == 0:
            return f"{size // 1024**power}{unit}"
    return str(size)


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


def parse_header(value: str | tuple[str, str]) -> tuple[str, str]:
    """`Name: value` (as curl's -H takes it) into a (name, value) pair."""
    if isinstance(value, tuple):
        return value
    name, colon, text = value.partition(":")
    if not colon or not name.strip() or any(c.isspace() for c in name.strip()):
        raise ConfigError(f"--header {value!r} is not a header: give it as 'Name: value'")
    return name.strip(), text.strip()


def parse_proxy(value: str) -> str:
    """A proxy address: http://, https://, socks5:// (`socks5` needs httpx[socks])."""
    scheme = value.split("://", 1)[0].lower() if "://" in value else ""
    if scheme not in ("http", "https", "socks5", "socks5h"):
        raise ConfigError(
            f"--proxy {value!r} is not a proxy address: give one such as http://proxy.example:3128"
        )
    return value


@dataclass(frozen=True, slots=True)
class RunConfig:
    """Every setting of a run; defaults and their reasons are in `_settings`."""

    concurrency: int = _settings.DEFAULT_CONCURRENCY
    per_host: int = _settings.DEFAULT_PER_HOST
    delay: float = _settings.DEFAULT_DELAY
    timeout: float = _settings.DEFAULT_TIMEOUT
    extract_timeout: float = _settings.DEFAULT_EXTRACT_TIMEOUT  # seconds to read one page
    retries: int = _settings.DEFAULT_RETRIES
    user_agent: str = _settings.DEFAULT_USER_AGENT
    max_bytes: int = _settings.DEFAULT_MAX_BYTES
    state: Path | str = field(default_factory=default_state_path)  # a str is a PostgreSQL URL
    force: bool = False
    allow_network: tuple[Network, ...] = ()
    quiet: bool = False
    workers: int | None = None  # extraction processes; None: one per core
    since: datetime | None = None  # skip feed and sitemap items dated before this
    discover: bool = False  # follow the feeds a front page announces
    dedupe: Dedupe = "all"  # what makes two addresses one article (see DEDUPE_MODES)
    min_words: int = _settings.DEFAULT_MIN_WORDS  # fewer words of prose: `not_article`
    headers: tuple[tuple[str, str], ...] = ()  # sent with every request, as (name, value)
    cookies: Path | None = None  # a cookies.txt file (Netscape format, as curl and wget write)
    proxy: str | None = None  # every request through this proxy; the address guard stays on the target
    cluster: str | None = None  # a Dask scheduler's address: host batches are worked there

    def __post_init__(self) -> None:
        self._coerce()
        positive = {"concurrency": self.concurrency, "per_host": self.per_host, "timeout": self.timeout,
                    "extract_timeout": self.extract_timeout}  # fmt: skip
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
        if self.min_words < 0:
            raise ConfigError(f"--min-words must be 0 or more, not {self.min_words}")
        if self.cluster is not None and not _SCHEDULER.match(self.cluster):
            raise ConfigError(
                f"--cluster {self.cluster!r} is not a scheduler address: give one such as tcp://HOST:8786"
            )

    def _coerce(self) -> None:
        """Accept what a Python caller naturally writes: paths as `str`, networks and
        addresses as strings or objects (one, or several), sizes as `10MiB`, headers as
        'Name: value' or a mapping, `since` as an age or a date."""
        coerced: dict[str, Any] = {}
        if isinstance(self.state, str | PathLike):
            coerced["state"] = parse_state(self.state)
        if isinstance(self.cookies, str | PathLike):
            coerced["cookies"] = Path(self.cookies).expanduser()
        networks: Any = self.allow_network
        single = isinstance(networks, str | ipaddress.IPv4Address | ipaddress.IPv6Address | Network)
        coerced["allow_network"] = tuple(map(parse_network, [networks] if single else networks))
        if isinstance(self.max_bytes, str):
            coerced["max_bytes"] = parse_size(self.max_bytes)
        if isinstance(self.since, str):
            coerced["since"] = parse_since(self.since)
        headers: Any = self.headers
        items = (
            headers.items()
            if isinstance(headers, Mapping)
            else [headers]
            if isinstance(headers, str)
            else headers
        )
        coerced["headers"] = tuple(parse_header(item) for item in items)
        if self.proxy is not None:
            parse_proxy(self.proxy)
        for name, value in coerced.items():
            object.__setattr__(self, name, value)

    def with_options(self, **options: Any) -> RunConfig:
        """This config with the options that were given (None means 'not given')."""
        given = {name: value for name, value in options.items() if value is not None and value != ()}
        return replace(self, **given)
