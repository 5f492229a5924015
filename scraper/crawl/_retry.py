"""The retry policy of `scraper run`, in one place: what is retried, how often, how long apart.

A fetch failure is worth another try when the server or the network says "later, not never":
a connection error, a timeout, or a status in `RetryPolicy.statuses`. The wait before retry
`n` is what `Retry-After` asked, up to `max_retry_after` (then the host's pacer holds back
every request to that host, not this one alone), else exponential backoff with full jitter:
a random time up to `min(max_backoff, backoff * 2 ** (n - 1))`. A longer `Retry-After` is a
failure now rather than a stalled run.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from .._errors import FetchError, HTTPStatusError
from . import _settings

T = TypeVar("T")


class Pacer(Protocol):
    """Paces the requests to one host (see `_politeness.HostSlot`)."""

    async def turn(self) -> None: ...

    def hold_off(self, seconds: float) -> None: ...


class Retryable(FetchError):
    """A failure worth another try, wrapping the error to report if tries run out."""

    def __init__(self, error: FetchError, retry_after: float | None = None) -> None:
        super().__init__(error.detail)
        self.error = error
        self.retry_after = retry_after


def retry_after_seconds(value: str | None) -> float | None:
    """`Retry-After` as seconds from now: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How a failed fetch is tried again; each default is documented in `_settings`."""

    retries: int = _settings.DEFAULT_RETRIES  # tries after the first one
    statuses: frozenset[int] = _settings.RETRY_STATUSES
    backoff: float = _settings.RETRY_BACKOFF  # seconds before the first retry, at most
    max_backoff: float = _settings.MAX_BACKOFF
    max_retry_after: float = _settings.MAX_RETRY_AFTER

    def status_error(self, status: int, reason: str, retry_after: str | None) -> FetchError:
        """The error for an answer that is no page: `Retryable` if worth another try."""
        error = HTTPStatusError(status, f"the server answered {status} {reason}")
        if status not in self.statuses:
            return error
        delay = retry_after_seconds(retry_after)
        if delay is not None and delay > self.max_retry_after:
            return HTTPStatusError(status, f"{error.detail}, Retry-After {delay:.0f} s is too long to wait")
        return Retryable(error, delay)

    def wait(self, pacer: Pacer | None, error: BaseException | None, retry: int) -> float:
        """Seconds to wait before retry number `retry` (see the module's docstring)."""
        if isinstance(error, Retryable) and error.retry_after is not None:
            if pacer is None:
                return error.retry_after
            pacer.hold_off(error.retry_after)
            return 0.0
        return random.uniform(0, min(self.max_backoff, self.backoff * 2 ** (retry - 1)))

    async def call(self, attempt: Callable[[], Awaitable[T]], pacer: Pacer | None = None) -> T:
        """`attempt()`, tried again on `Retryable` failures; raises the last real error."""
        try:
            return await attempt()  # most fetches end here, before any retry machinery is built
        except Retryable as failure:
            if self.retries == 0:
                raise failure.error from None
            await asyncio.sleep(self.wait(pacer, failure, 1))
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.retries),
            wait=lambda state: self.wait(
                pacer, state.outcome.exception() if state.outcome else None, state.attempt_number + 1
            ),
            retry=retry_if_exception(lambda error: isinstance(error, Retryable)),
            reraise=True,
        )
        try:
            async for retry in retrying:
                with retry:
                    return await attempt()
        except Retryable as failure:
            raise failure.error from None
        raise AssertionError("unreachable: tenacity either returns or raises")
