"""A web server on 127.0.0.1 that misbehaves on purpose, one way per path. Every path
that answers with an article gives an article of its own (`story`), so none is taken for
another's duplicate.

Started by the tests in a thread of their own process; it speaks just enough HTTP/1.1
(one request a connection) to drip, stall, reset, loop and flood.
"""

from __future__ import annotations

import functools
import hashlib
import socket
import socketserver
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).parent.parent / "fixtures"
ARTICLE = (FIXTURES / "seed-page.html").read_bytes()
SEED_CANONICAL = (
    b"https://worldnewstoday.example/zelenskyy-cites-the-risks-of-north-korea-sending-more-troops/"
)
FRONT_PAGE = b"""<!DOCTYPE html><html><head><title>Loopback news</title>
<link rel="alternate" type="application/rss+xml" title="Loopback news" href="/feed.xml">
</head><body><h1>Loopback news</h1><p><a href="/story/1">A story</a></p></body></html>"""
ARTICLE_ETAG = '"seed-v1"'
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    body: bytes | Iterator[bytes] = b""
    length: bool = True  # send Content-Length (else the body ends when the connection closes)


class FaultServer:
    """`url(path)` gives the address of each fault; `hits` counts requests per path."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.requests: list[Request] = []
        self.stop = threading.Event()
        self.pages: dict[str, bytes] = {}  # path -> body, served with no validators; tests change them
        self.story_delay = 0.0  # seconds each /story/N takes to answer
        self.robots = Reply(200, {"Content-Type": "text/plain"}, ROBOTS)
        self.feed: list[tuple[str, str]] = []  # (link, RFC 822 date) of each item of /feed.xml
        self.routes: dict[str, Callable[[Request], Reply | None]] = {
            "/robots.txt": lambda r: self.robots,
            "/article": self._article,
            "/private/article": lambda r: Reply(body=story("private")),
            "/drip": lambda r: Reply(body=self._drip(), length=False),
            "/hang": self._hang,
            "/reset": self._reset,
            "/retry-after": lambda r: self._fail_first(r, 1, Reply(429, {"Retry-After": "1"}, b"slow down")),
            "/flaky": lambda r: self._fail_first(r, 2, Reply(503, {}, b"busy")),
            "/loop-a": lambda r: Reply(302, {"Location": "/loop-b"}),
            "/loop-b": lambda r: Reply(301, {"Location": "/loop-a"}),
            "/to-metadata": lambda r: Reply(302, {"Location": "http://169.254.169.254/latest/meta-data/"}),
            "/huge": lambda r: Reply(body=self._flood(50 * 1024 * 1024), length=False),
            "/bomb": self._bomb,
            "/pdf": lambda r: Reply(200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n" + b"\0" * 1000),
            "/odd-charset": lambda r: Reply(
                200, {"Content-Type": "text/html; charset=x-no-such-charset"}, story("odd-charset")
            ),
            "/empty": lambda r: Reply(body=b""),
            "/gone": lambda r: Reply(404, {}, b"not here"),
            "/feed.xml": self._feed,
            "/front": lambda r: Reply(body=FRONT_PAGE),
        }
        self._server = socketserver.ThreadingTCPServer(
            ("127.0.0.1", 0), self._handler(), bind_and_activate=True
        )
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        # a short poll: shutdown() waits for the loop to notice, and tests stop many servers
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()

    # --- the faults ---

    def _article(self, request: Request) -> Reply:
        if request.headers.get("if-none-match") == ARTICLE_ETAG:
            return Reply(304, {"ETag": ARTICLE_ETAG})
        return Reply(200, {"Content-Type": "text/html; charset=utf-8", "ETag": ARTICLE_ETAG}, ARTICLE)

    def _dynamic(self, request: Request) -> Reply:
        path = request.path.split("?")[0]
        name = path.rsplit("/", 1)[-1]
        if path in self.pages:
            return Reply(body=self.pages[path])
        if path.startswith("/story/"):
            time.sleep(self.story_delay)
            return Reply(body=story(name))
        if path.startswith("/amp/"):  # the same article, under another address
            return Reply(body=story(name))
        if path.startswith("/mirror/"):  # the same text, with no canonical address
            return Reply(body=story(name).replace(b'rel="canonical"', b'rel="nothing"'))
        return Reply(404, {}, b"no such page")

    def _feed(self, request: Request) -> Reply:
        items = "".join(
            f"<item><title>{link}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
            for link, date in self.feed
        )
        channel = f"<channel><title>Loopback news</title>{items}</channel>"
        body = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
        etag = f'"{hashlib.sha1(body.encode()).hexdigest()[:16]}"'
        if request.headers.get("if-none-match") == etag:
            return Reply(304, {"ETag": etag})
        return Reply(200, {"Content-Type": "application/rss+xml", "ETag": etag}, body.encode())

    def _fail_first(self, request: Request, failures: int, failure: Reply) -> Reply:
        return failure if self.hits[request.path] <= failures else Reply(body=story(request.path.strip("/")))

    def _drip(self) -> Iterator[bytes]:
        for byte in ARTICLE:
            if self.stop.wait(1.0):
                return
            yield bytes([byte])

    def _hang(self, request: Request) -> None:
        self.stop.wait(60)

    def _reset(self, request: Request) -> None:
        raise ConnectionResetError  # the handler answers with a TCP reset

    @staticmethod
    def _flood(size: int) -> Iterator[bytes]:
        chunk = b"<p>" + b"x" * 65_530 + b"</p>"
        for _ in range(size // len(chunk)):
            yield chunk

    @staticmethod
    def _bomb(request: Request) -> Reply:
        return Reply(200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, _gzip_bomb())

    # --- HTTP/1.1, one request a connection ---

    def _handler(self) -> type[socketserver.BaseRequestHandler]:
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                request = _read_request(self.request)
                if request is None:
                    return
                server.hits[request.path] += 1
                server.requests.append(request)
                route = server.routes.get(request.path, server._dynamic)
                try:
                    reply = route(request)
                except ConnectionResetError:
                    self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                if reply is not None:
                    _send(self.request, reply)

        return Handler


def story(name: str) -> bytes:
    """The seed article with a paragraph and a canonical address of its own, so that no
    two stories are taken for one article."""
    own = f"<p>This is story {name}, told in a paragraph that no other story has.</p>\n"
    page = ARTICLE.replace(b"<p>Ukrainian President", own.encode() + b"<p>Ukrainian President", 1)
    return page.replace(SEED_CANONICAL, SEED_CANONICAL + f"story/{name}/".encode())


@functools.cache
def _gzip_bomb(megabytes: int = 200) -> bytes:
    """About 200 KB of gzip that inflate to `megabytes` MB of zeros."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1024 * 1024)
    parts = [compressor.compress(b"<p>")]
    parts += [compressor.compress(zeros) for _ in range(megabytes)]
    return b"".join([*parts, compressor.flush()])


def _read_request(connection: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    method, target, _ = head[0].split(" ", 2)
    headers = dict(line.split(":", 1) for line in head[1:] if ":" in line)
    return Request(method, target, {k.strip().lower(): v.strip() for k, v in headers.items()})


def _send(connection: socket.socket, reply: Reply) -> None:
    headers = {**reply.headers, "Connection": "close"}
    if isinstance(reply.body, bytes) and reply.length:
        headers["Content-Length"] = str(len(reply.body))
    head = f"HTTP/1.1 {reply.status} Whatever\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    try:
        connection.sendall(head.encode("latin-1") + b"\r\n")
        chunks = [reply.body] if isinstance(reply.body, bytes) else reply.body
        for chunk in chunks:
            connection.sendall(chunk)
    except OSError:
        pass  # the client gave up, as it should


@contextmanager
def fault_server() -> Iterator[FaultServer]:
    with FaultServer() as server:
        started = time.monotonic()
        while not server._thread.is_alive() and time.monotonic() - started < 5:
            time.sleep(0.01)
        yield server
