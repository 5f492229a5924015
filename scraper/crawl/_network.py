"""Which addresses may be contacted, checked at connect time on every connection.

By default only public addresses are: a name that resolves to 127.0.0.1, 10.x, 192.168.x,
169.254.169.254 (cloud metadata) and the like is refused, after every redirect too, since
each hop opens its own connection through `GuardedBackend`. `--allow-network` opens ranges.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from .._errors import NetworkRefused
from ._config import Network

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries to reach an IPv4 host, if it is one of the
    forms that do (a translator or tunnel connects to that IPv4 address)."""
    if address.ipv4_mapped is not None:  # ::ffff:a.b.c.d
        return address.ipv4_mapped
    if address.sixtofour is not None:  # 2002:aabb:ccdd::/16
        return address.sixtofour
    if address.teredo is not None:  # 2001::/32: the client's address, inverted
        return address.teredo[1]
    value = int(address)
    for network in _EMBEDDING_NETWORKS:
        if address in network:
            return ipaddress.IPv4Address(value & 0xFFFFFFFF)
    return None


# IPv6 prefixes whose last 32 bits are an IPv4 address that a translator reaches.
_EMBEDDING_NETWORKS = tuple(
    ipaddress.IPv6Network(prefix)
    for prefix in (
        "::/96",  # IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks)
        "64:ff9b::/96",  # NAT64, the well-known prefix (RFC 6052)
        "64:ff9b:1::/48",  # NAT64, local-use prefixes (RFC 8215)
        "::ffff:0:0:0/96",  # SIIT, IPv4-translated ::ffff:0:a.b.c.d (RFC 2765)
    )
)


@dataclass(frozen=True, slots=True)
class NetworkPolicy:
    """Public addresses, plus the ranges in `allowed`."""

    allowed: tuple[Network, ...] = ()

    def permits(self, address: IPAddress) -> bool:
        if any(address in network for network in self.allowed):
            return True
        if address.is_multicast:
            return False
        if isinstance(address, ipaddress.IPv6Address) and (embedded := embedded_ipv4(address)):
            return self.permits(embedded)
        return address.is_global

    def check(self, host: str, addresses: Iterable[str]) -> list[str]:
        """The addresses of `host` that may be contacted; NetworkRefused when there are none."""
        found = list(dict.fromkeys(addresses))
        permitted = [a for a in found if self.permits(ipaddress.ip_address(a.split("%")[0]))]
        if not permitted:
            raise NetworkRefused(
                f"{host} resolves to {', '.join(found) or 'nothing'}, which is not a public "
                "address; pass --allow-network with its range to fetch from it"
            )
        return permitted


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, resolving names itself and connecting only to addresses
    the policy permits (so no later DNS answer can differ from the one checked)."""

    def __init__(self, policy: NetworkPolicy) -> None:
        self._policy = policy
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        addresses = self._policy.check(host, (str(info[4][0]) for info in infos))
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as failure:
                error = failure
        assert error is not None
        raise error

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        raise NetworkRefused("Unix sockets are never contacted")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport (pooling, HTTP/2) over `GuardedBackend`. Proxies from the
    environment are not used: through a proxy, the address checked would be the proxy's.
    httpx's `__init__` is not called: it would build a pool, and load the CA certificates,
    only for both to be replaced."""

    def __init__(
        self,
        policy: NetworkPolicy,
        limits: httpx.Limits,
        ssl_context: ssl.SSLContext | None,
        http2: bool = True,
    ) -> None:
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=http2,
            network_backend=GuardedBackend(policy),
        )


class PerHostTransport(httpx.AsyncBaseTransport):
    """A `GuardedTransport`, with its own connection pool, for each host (scheme, host and
    port). httpcore looks over every connection of a pool, twice over, at each request:
    one pool for all hosts costs more with every host added, one pool a host stays cheap.
    The least recently used pools are closed past `max_hosts`."""

    def __init__(
        self, policy: NetworkPolicy, limits: httpx.Limits, max_hosts: int, http2: bool = True
    ) -> None:
        self._policy = policy
        self._limits = limits
        self._http2 = http2
        self._max_hosts = max_hosts
        self._pools: OrderedDict[tuple[bytes, bytes, int | None], GuardedTransport] = OrderedDict()
        self._closing: set[asyncio.Task[None]] = set()
        self._ssl_context: ssl.SSLContext | None = None  # loading the CAs takes ~15 ms: once, if needed

    def _pool(self, url: httpx.URL) -> GuardedTransport:
        key = (url.raw_scheme, url.raw_host, url.port)
        pool = self._pools.pop(key, None) or GuardedTransport(
            self._policy, self._limits, self._tls() if url.scheme == "https" else None, self._http2
        )
        self._pools[key] = pool
        while len(self._pools) > self._max_hosts:
            task = asyncio.ensure_future(self._pools.popitem(last=False)[1].aclose())
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)
        return pool

    def _tls(self) -> ssl.SSLContext:
        if self._ssl_context is None:
            self._ssl_context = httpx.create_ssl_context(trust_env=False)
        return self._ssl_context

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._pool(request.url).handle_async_request(request)

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), OrderedDict()
        await asyncio.gather(*(pool.aclose() for pool in pools), *self._closing)


class ProxyTransport(httpx.AsyncBaseTransport):
    """Every request through a proxy, with the address guard kept on the page's host, not
    the proxy's: the host is resolved here and checked before the request is handed to
    the proxy (which resolves it again; it is trusted to reach the same address). A host
    that cannot be resolved here cannot be checked, and is refused unless `--allow-network`
    opens every address (0.0.0.0/0 or ::/0: then nothing is looked up here)."""

    def __init__(self, policy: NetworkPolicy, proxy: str, limits: httpx.Limits) -> None:
        self._policy = policy
        self._trusting = any(network.prefixlen == 0 for network in policy.allowed)
        self._inner = httpx.AsyncHTTPTransport(proxy=proxy, limits=limits, http2=True, trust_env=False)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        if self._trusting:
            return await self._inner.handle_async_request(request)
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, request.url.port or 443)
        except OSError as error:
            raise NetworkRefused(
                f"{host} cannot be resolved here ({error}), so its address cannot be checked before "
                "it is fetched through the proxy; pass --allow-network 0.0.0.0/0 to leave that to the proxy"
            ) from None
        self._policy.check(host, (str(info[4][0]) for info in infos))
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()
