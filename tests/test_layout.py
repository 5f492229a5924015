"""The package's layout is its architecture: extraction knows nothing of crawling, and a
wheel built from the tree holds every subpackage."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "scraper"


def _imported_modules(source: str, package: str) -> set[str]:
    """Every module `source` imports, relative imports resolved against `package`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - (node.level - 1)] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def test_nothing_under_extract_imports_from_crawl() -> None:
    offenders = {}
    for path in (PACKAGE / "extract").rglob("*.py"):
        package = ".".join(path.relative_to(ROOT).parts[:-1])
        imported = _imported_modules(path.read_text(encoding="utf-8"), package)
        offenders[str(path.relative_to(ROOT))] = sorted(m for m in imported if m.startswith("scraper.crawl"))
    assert {path: modules for path, modules in offenders.items() if modules} == {}


def test_the_import_check_sees_every_form_of_importing_crawl() -> None:
    assert "scraper.crawl._settings" in _imported_modules("from ..crawl import _settings", "scraper.extract")
    assert "scraper.crawl._run" in _imported_modules("from ...crawl._run import x", "scraper.extract.sub")
    assert "scraper.crawl" in _imported_modules("import scraper.crawl", "scraper.extract")


def test_both_subsystems_import_on_their_own() -> None:
    code = "import scraper.extract, scraper.crawl, sys; print('trafilatura' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"  # the crawl process does not pay for the extraction engine


@pytest.mark.skipif(
    subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode != 0,
    reason="pip is not available to build a wheel",
)
def test_a_wheel_built_from_the_tree_holds_every_subpackage(tmp_path: Path) -> None:
    build = ["pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)]
    subprocess.run([sys.executable, "-m", *build], check=True, capture_output=True)
    [wheel] = tmp_path.glob("newsprune-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {str(p.parent.relative_to(ROOT)) for p in PACKAGE.rglob("__init__.py")}
    assert packages >= {"scraper", "scraper/extract", "scraper/crawl"}
    assert {f"{package}/__init__.py" for package in packages} <= names
    assert "scraper/py.typed" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = "import scraper.extract, scraper.crawl, scraper; print(scraper.extract.__module__)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "scraper.extract"
