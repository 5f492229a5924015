"""What a record of `scraper run` holds: the schema's fields, in its order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import Runner
from faults import FaultServer, fault_server

from scraper.crawl._schema import RECORD_FIELDS


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with fault_server() as running:
        yield running


def test_a_record_has_the_schema_fields_in_order(server: FaultServer, run: Runner) -> None:
    [record] = run([server.url("/article")]).records
    assert tuple(record) == RECORD_FIELDS
    assert record["url"] == server.url("/article") and record["status"] == 200
    assert record["text"] and record["word_count"] == len(record["text"].split())


def test_max_bytes_reaches_extraction_so_a_page_over_the_default_limit_is_extracted(
    server: FaultServer, run: Runner
) -> None:
    sentence = "Plenty of words in one long paragraph of a very long article. "
    paragraphs = f"<p>{sentence * 2_000}</p>\n" * 90  # 11 MB: over extraction's default 10 MiB
    server.pages["/long"] = f"<html><body><article>{paragraphs}</article></body></html>".encode()
    assert run([server.url("/long")], max_bytes=2_000_000).counts == {"too_large": 1}
    assert run([server.url("/long")], max_bytes=20_000_000).counts == {"emitted": 1}
