"""Content-Encoding decoding of HTTP bodies and gzipped sitemaps, bounded in size.

Every encoding a server may stack (`Content-Encoding: gzip, gzip`) is undone, last applied
first; a gzip body of several members (concatenated files) is read to its last member;
`deflate` is read as zlib data or, as many servers send it, raw deflate data. The size is
counted after decoding, in bounded steps, so a compression bomb stops at the limit.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from .._errors import DecodingFailed, TooLarge

_KNOWN = ("gzip", "x-gzip", "deflate", "identity")


@dataclass(frozen=True, slots=True)
class ByteLimit:
    """The most bytes a body may have once decoded, and how an error message names it:
    the option that sets it (`--max-bytes 1,000,000`), or what it is the limit of."""

    bytes: int
    named: str

    def error(self, what: str) -> TooLarge:
        return TooLarge(f"{what} is over {self.named}")


class _Inflater:
    """One gzip or deflate layer: multi-member gzip, zlib or raw deflate."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding != "deflate"
        self._raw_tried = False
        self._later_member = False
        self._zlib = self._new()

    def _new(self) -> zlib._Decompress:
        return zlib.decompressobj(16 + zlib.MAX_WBITS if self._gzip else zlib.MAX_WBITS)

    def decompress(self, data: bytes, most: int) -> tuple[bytes, bytes]:
        """Up to `most` bytes inflated from `data`, and what of `data` is left for later."""
        try:
            out = self._zlib.decompress(data, most)
        except zlib.error:
            if self._later_member:
                return b"", b""  # bytes after the last gzip member that are none: ignored
            if self._gzip or self._raw_tried:
                raise
            self._raw_tried = True  # "deflate" sent as raw deflate data, without zlib's header
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._zlib.decompress(data, most)
        self._raw_tried = True
        self._later_member = self._later_member and not out
        left = self._zlib.unconsumed_tail
        if self._zlib.eof and self._gzip and self._zlib.unused_data.lstrip(b"\0"):
            left = self._zlib.unused_data  # another gzip member follows
            self._zlib = self._new()
            self._later_member = True
        return out, left

    def flush(self) -> bytes:
        return self._zlib.flush()


class BoundedDecoder:
    """Decodes a body's Content-Encoding (stacked layers included) and refuses to produce
    more than `limit.bytes` bytes; the limit may be changed while reading (`set_limit`)."""

    def __init__(self, content_encoding: str, limit: ByteLimit) -> None:
        encodings = [e.strip().lower() for e in content_encoding.split(",") if e.strip()]
        unknown = [e for e in encodings if e not in _KNOWN]
        if unknown:
            raise DecodingFailed(f"the body is encoded as {', '.join(unknown)}, which was not asked for")
        self._limit = limit
        self.size = 0
        self._parts: list[bytes] = []
        # the last encoding applied is undone first
        self._layers = [_Inflater(e) for e in reversed(encodings) if e != "identity"]

    def set_limit(self, limit: ByteLimit) -> None:
        self._limit = limit
        self._check()

    def head(self, size: int) -> bytes:
        return b"".join(self._parts)[:size]

    def _check(self) -> None:
        if self.size > self._limit.bytes:
            raise self._limit.error("the body, counted after decompression,")

    def _keep(self, data: bytes) -> None:
        self.size += len(data)
        self._check()
        self._parts.append(data)

    def _through(self, layers: list[_Inflater], data: bytes) -> None:
        if not layers:
            self._keep(data)
            return
        layer, rest = layers[0], layers[1:]
        while data:
            out, data = layer.decompress(data, self._limit.bytes - self.size + 1)
            self._through(rest, out)

    def feed(self, chunk: bytes) -> None:
        try:
            self._through(self._layers, chunk)
        except zlib.error as error:
            raise DecodingFailed(f"the body could not be decompressed: {error}") from None

    def whole(self, data: bytes) -> bytes:
        self.feed(data)
        return self.finish()

    def finish(self) -> bytes:
        try:
            for index, layer in enumerate(self._layers):
                self._through(self._layers[index + 1 :], layer.flush())
        except zlib.error as error:
            raise DecodingFailed(f"the body could not be decompressed: {error}") from None
        return b"".join(self._parts)
