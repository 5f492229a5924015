"""Content-Encoding decoding of HTTP bodies and gzipped sitemaps, bounded in size."""

from __future__ import annotations

import zlib

from .._errors import ConnectionFailed, TooLarge


class BoundedDecoder:
    """gzip/deflate/identity decoding that refuses to produce more than `limit` bytes."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        encodings = [e.strip().lower() for e in content_encoding.split(",") if e.strip()]
        unknown = [e for e in encodings if e not in ("gzip", "x-gzip", "deflate", "identity")]
        if unknown:
            raise ConnectionFailed(f"the body is encoded as {', '.join(unknown)}, which was not asked for")
        self._limit = limit
        self._size = 0
        self._parts: list[bytes] = []
        compressed = [e for e in encodings if e != "identity"]
        self._zlib = None
        if compressed:
            self._zlib = zlib.decompressobj(
                16 + zlib.MAX_WBITS if compressed[-1] != "deflate" else zlib.MAX_WBITS
            )

    def _keep(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            raise TooLarge(f"the body is over the limit of {self._limit:,} bytes (after decompression)")
        self._parts.append(data)

    def feed(self, chunk: bytes) -> None:
        if self._zlib is None:
            self._keep(chunk)
            return
        data = chunk
        try:
            while data:
                self._keep(self._zlib.decompress(data, self._limit - self._size + 1))
                data = self._zlib.unconsumed_tail
        except zlib.error as error:
            raise ConnectionFailed(f"the body could not be decompressed: {error}") from None

    def whole(self, data: bytes) -> bytes:
        self.feed(data)
        return self.finish()

    def finish(self) -> bytes:
        if self._zlib is not None:
            self._keep(self._zlib.flush())
        return b"".join(self._parts)
